"""The body of a PDF article: lines joined into paragraphs, headings found by their type style or their words,
the page's running heading carried over, and the reference list set aside and split into entries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.load.common import TextBuilder, squash


@dataclass
class _Page:
    number: int
    lines: list[str]
    runs: list[tuple[float, bool, float, str]] = field(default_factory=list)  # (font size, bold, y, text)
    title_end: int = 0  # on page 1: the line after the title, where a byline would follow


_NUMBERING = r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)?\s*"
_KNOWN_HEADING = re.compile(
    _NUMBERING
    + r"(abstract|summary|background|introduction|methods?|materials and methods|patients and methods|methodology"
    r"|results|results and discussion|discussion|conclusions?|limitations|acknowledge?ments?|funding"
    r"|competing interests|conflicts? of interest|declaration of interests?|authors?[’']? contributions|abbreviations"
    r"|references|bibliography|literature cited|works cited|supplementary (material|information|data)"
    r"|appendix|case (report|presentation))\s*:?",
    re.IGNORECASE,
)
_REFERENCES = re.compile(_NUMBERING + r"(references|bibliography|literature cited|works cited)\s*:?", re.IGNORECASE)
_NOT_A_HEADING = re.compile(r"^(table|fig\.?|figure|scheme|supplementary (table|figure))\s*S?\d", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^([•●▪◦–—*-]|\d{1,2}[.)]|\(\d{1,2}\)|\([a-z]\)|[a-z]\))\s")
_SENTENCE_END = re.compile(r"[.?!:][\"”’)\]]*$")
_NUMBERED_REFERENCE = re.compile(r"^(\[\d{1,3}\]|\d{1,3}\.(?!\d)|\d{1,3}\s(?=[A-Z]))")
_FIRST_AUTHOR = re.compile(r"^[A-Z][\w'’\-]+(?:[ -][A-Z][\w'’\-]+)*,? (?:[A-Z]\.? ?){1,3}(?:,|\.|$|and\b)")


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _styled_lines(page: _Page, body_size: float) -> set[str]:
    """Keys of the lines set entirely in larger or bold type: the candidates for headings."""
    keys: set[str] = set()
    current: list[tuple[str, bool]] = []

    def finish() -> None:
        pieces = [(t, s) for t, s in current if t.strip()]
        if pieces and all(s for _, s in pieces):
            keys.add(_key("".join(t for t, _ in pieces)))
        current.clear()

    last_y = None
    for size, bold, y, text in page.runs:
        styled = size >= body_size * 1.04 or (bold and size >= body_size * 0.95)
        if last_y is not None and abs(y - last_y) > max(size, 1.0) * 0.5:
            finish()
        for j, piece in enumerate(text.split("\n")):
            if j:
                finish()
            current.append((piece, styled))
        last_y = y
    finish()
    return keys


def _heading_shape(line: str) -> bool:
    return (
        len(line) <= 100
        and len(line.split()) <= 14
        and (line[0].isupper() or line[0].isdigit())
        and re.search(r"[A-Za-z]{3}", line) is not None
        and not _NOT_A_HEADING.match(line)
        and not re.search(r"[,;.\-]$", line)
        and line.count(",") <= 1
    )


def _assemble(pages: list[_Page], body_size: float) -> tuple[TextBuilder, list[str]]:
    """The evidence text in sections (one page each, the running heading carried over) and the reference entries."""
    assembler = _Assembler()
    for page in pages:
        assembler.read_page(page, _styled_lines(page, body_size))
    return assembler.builder, _split_references(assembler.reference_lines)


class _Assembler:
    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.reference_lines: list[str] = []
        self.heading = ""
        self.in_references = False
        self.front_matter = True  # page 1 before its first known heading: title block, bylines, affiliations
        self.continues = False  # the last paragraph so far ended mid-sentence
        self.page_start = False  # the next paragraph opens a page (and may go on from the previous one)
        self.paragraph: list[str] = []

    def read_page(self, page: _Page, styled: set[str]) -> None:
        typical = _typical_length(page.lines)
        after_heading = False
        self.page_start = True
        for i, line in enumerate(page.lines):
            next_line = page.lines[i + 1] if i + 1 < len(page.lines) else None
            if after_heading and _key(line) in styled and _continues_heading(self.heading, line):
                self.heading = f"{self.heading} {line}".rstrip(":.")
            elif _KNOWN_HEADING.fullmatch(line) or (
                not self.front_matter and _key(line) in styled and _styled_heading(line, next_line, styled, typical)
            ):
                self.flush(page.number)
                self.front_matter = False
                self.in_references = _REFERENCES.fullmatch(line) is not None
                self.heading = line.rstrip(":").strip()
                after_heading = True
                continue
            elif self.in_references:
                self.reference_lines.append(line)
            else:
                if self.paragraph and _starts_paragraph(self.paragraph[-1], line, typical):
                    self.flush(page.number)
                self.paragraph.append(line)
            after_heading = False
        self.flush(page.number)
        self.front_matter = False

    def flush(self, page_number: int) -> None:
        if not self.paragraph:
            return
        joiner = "\n" if self.page_start and self.continues else "\n\n"
        self.builder.add(self.heading, _join_lines(self.paragraph), page_number, joiner)
        self.continues = not _SENTENCE_END.search(self.paragraph[-1])
        self.page_start = False
        self.paragraph = []


def _styled_heading(line: str, next_line: str | None, styled: set[str], typical: int) -> bool:
    """A line in heading type that reads like a heading: not the page's last line (a logo or footer), not a bold
    lead-in sentence that runs on into plain text on the next line."""
    if next_line is None or not _heading_shape(line):
        return False
    wraps = _key(next_line) in styled and len(next_line) <= 60  # a heading continued on a short second line
    runs_on = len(line) >= 0.8 * typical and next_line[:1].islower() and not wraps
    return not runs_on


def _continues_heading(heading: str, line: str) -> bool:
    """The second line of a heading that wrapped ('... their target in' + 'solid tumors.')."""
    return bool(heading) and not re.search(r"[.:;?!]$", heading) and len(line) <= 60 and line[:1].islower()


def _typical_length(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _starts_paragraph(previous: str, line: str, typical: int) -> bool:
    """A list item starts a paragraph, and so does the line after a short line that ends a sentence."""
    if _LIST_ITEM.match(line):
        return True
    return bool(_SENTENCE_END.search(previous)) and len(previous) < 0.85 * typical


def _join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one line; 'immuno-' + 'therapy' -> 'immunotherapy', 'CAR-' + 'T' -> 'CAR-T'."""
    pieces = [lines[0]]
    for line in lines[1:]:
        previous = pieces[-1]
        if previous.endswith("-") and len(previous) > 1 and previous[-2].isalpha() and line[:1].islower():
            pieces[-1] = previous[:-1]
            pieces.append(line)
        elif previous.endswith(("-", "/")):
            pieces.append(line)
        else:
            pieces.append(" " + line)
    return squash("".join(pieces))


def _split_references(lines: list[str]) -> list[str]:
    """Reference lines grouped into entries: at each number ('12.', '[12]', '12 Author'), else (author-year
    lists) at each line that opens with 'Surname AB,' after a line that ended with a full stop."""
    use_numbers = sum(1 for line in lines if _NUMBERED_REFERENCE.match(line)) >= 2
    entries: list[list[str]] = []
    for line in lines:
        if use_numbers:
            starts = _NUMBERED_REFERENCE.match(line) is not None
        else:
            starts = entries[-1][-1].endswith(".") and _FIRST_AUTHOR.match(line) is not None if entries else True
        if starts:
            entries.append([line])
        else:
            entries[-1].append(line)
    return [_join_lines(entry) for entry in entries]
