"""Markdown and plain text, with optional YAML front matter (cancer.gov pages carry title, url, lastReviewed...)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml

from rag.load.common import (
    LoadError,
    LoadResult,
    TextBuilder,
    clean_doi,
    clean_pmcid,
    doc_id_for,
    first_year,
    is_cancer_gov,
    page_doc_id,
    read_text,
    squash,
)
from rag.datatypes import Document

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_PARENS = r"\((?:[^()\s]|\([^()\s]*\)|\s+\"[^\"]*\")*\s*\)"  # a link target (with an optional "title")
_IMAGE = re.compile(r"!\[[^\]]{0,2000}\]" + _PARENS)
# A link's text may hold [brackets] and run over several lines (cancer.gov 'cards' wrap a title and a blurb).
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]{0,300}\]){0,2000})\]" + _PARENS)
# Emphasis: asterisks that touch a word ('**bold**', '*APC*'); a '* ' bullet does not. Underscores only in pairs.
_ASTERISKS = re.compile(r"(?<=\S)\*+|\*+(?=\S)")
_UNDERSCORE_BOLD = re.compile(r"__((?:(?!\n\n)[^_]){1,500})__")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_REFERENCES = re.compile(r"^(references|bibliography|literature cited|works cited)$", re.IGNORECASE)
# Web-page boilerplate with no content (cancer.gov leaves this where a widget was).
_NOISE_LINES = {"Placeholder slot"}


def load(path: Path) -> LoadResult:
    raw, warnings = read_text(path)
    front, body = _split_front_matter(raw, warnings)
    page = _Page()
    page.read(_plain_inline(body))
    if not page.builder.text:
        raise LoadError("no text")
    return LoadResult([_document(path, front, page)], warnings)


def _split_front_matter(raw: str, warnings: list[str]) -> tuple[dict, str]:
    """(front matter, rest) for text that opens with a '---' YAML block; ({}, text) otherwise."""
    m = re.match(r"---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", raw, re.DOTALL)
    if not m:
        return {}, raw
    loader = _FrontMatterLoader(m.group(1))
    try:
        front = loader.get_single_data()
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        warnings.append(f"front matter is not valid YAML ({squash(str(exc))[:80]}); read as text")
        return {}, raw
    finally:
        loader.dispose()
    warnings += [f"front matter: {value!r} is not a valid date; kept as text" for value in loader.bad_dates]
    if not isinstance(front, dict):
        warnings.append("front matter is not a mapping; read as text")
        return {}, raw
    # Aliases let a few lines of YAML stand for billions of values (nine levels of nine aliases: 9^9), which
    # become real when the front matter is stored as JSON: refused, as XML entity declarations are.
    limit = 10 * len(m.group(1)) + 10_000
    if _expanded_size(front, limit) > limit:
        raise LoadError(f"front matter refused: its YAML aliases expand to over {limit:,} values and characters "
                        f"(an alias bomb)")
    return front, raw[m.end():]


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, but a date that is no date ('2099-13-45') stays text instead of failing the file."""

    def __init__(self, stream) -> None:
        super().__init__(stream)
        self.bad_dates: list[str] = []

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            self.bad_dates.append(node.value)
            return node.value


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_yaml_timestamp)


def _expanded_size(value, limit: int) -> int:
    """Values and characters the front matter holds once its aliases are expanded (as JSON would write it out),
    counted without expanding it: each shared value is measured once. A value that contains itself (a recursive
    alias) cannot be written out at all: refused."""
    sizes: dict[int, int] = {}
    open_: set[int] = set()

    def size(v) -> int:
        if isinstance(v, str):
            return 1 + len(v)
        if not isinstance(v, (dict, list)):
            return 1
        if id(v) in sizes:
            return sizes[id(v)]
        if id(v) in open_:
            raise LoadError("front matter refused: a YAML alias refers to the value that contains it")
        open_.add(id(v))
        items = [x for kv in v.items() for x in kv] if isinstance(v, dict) else v
        total = 1
        for item in items:
            total += size(item)
            if total > limit:
                break
        open_.discard(id(v))
        sizes[id(v)] = total
        return total

    return size(value)


class _Page:
    """Walks markdown lines: headings open sections, blank lines end blocks, references are set aside."""

    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.references: list[str] = []
        self.first_heading: str | None = None
        self._stack: list[tuple[int, str, bool]] = []  # (level, text, is a title heading)
        self._seen_content = False
        self._block: list[str] = []

    def read(self, body: str) -> None:
        in_code = False
        for line in body.splitlines():
            if _FENCE.match(line):
                in_code = not in_code
                continue
            heading = None if in_code else _HEADING.match(line)
            if heading:
                self._flush()
                self._open(len(heading.group(1)), squash(heading.group(2)))
            elif not line.strip():
                self._flush()
            elif in_code:
                self._block.append(line.rstrip())
            elif line.strip() not in _NOISE_LINES:
                self._block.append(_markdown_line(line))
        self._flush()

    def _open(self, level: int, text: str) -> None:
        if not text:
            return
        self.first_heading = self.first_heading or text
        # Leading level-1 headings name the page, not a part of it: they stay out of section paths.
        is_title = level == 1 and not self._seen_content
        self._seen_content = self._seen_content or level > 1
        self._stack = [entry for entry in self._stack if entry[0] < level] + [(level, text, is_title)]

    def _heading(self) -> str:
        path = [text for _, text, is_title in self._stack if not is_title]
        if path:
            return " > ".join(path)
        return self._stack[-1][1] if self._stack else ""

    def _flush(self) -> None:
        lines = [line for line in self._block if line.strip()]
        self._block = []
        if not lines:
            return
        self._seen_content = True
        if self._stack and _REFERENCES.match(self._stack[-1][1]):
            self.references += [ref for ref in map(_reference, lines) if ref]
        else:
            self.builder.add(self._heading(), "\n".join(lines))


def _plain_inline(text: str) -> str:
    """Markdown inline markup to plain text: images dropped, links to their text, emphasis markers removed."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    return _UNDERSCORE_BOLD.sub(r"\1", _ASTERISKS.sub("", text))


def _markdown_line(line: str) -> str:
    """One body line as plain text; a table row becomes its cells joined by ' | ', a rule row nothing."""
    if line.lstrip().startswith("|"):
        if _TABLE_RULE.match(line):
            return ""
        cells = [squash(cell) for cell in line.strip().strip("|").split("|")]
        return " | ".join(cell for cell in cells if cell)
    return squash(line)


def _reference(line: str) -> str:
    """A reference list line without its number and its '[PubMed Abstract]' link text."""
    line = re.sub(r"^\s*(\d+\.|[-*+])\s+", "", line)
    return squash(re.sub(r"\s*\[PUBMED Abstract\]", "", line, flags=re.IGNORECASE))


def _document(path: Path, front: dict, page: _Page) -> Document:
    url = squash(str(front.get("url") or "")) or None
    pmid = squash(str(front.get("pmid") or "")) or None
    doi = clean_doi(str(front.get("doi") or ""))
    pmcid = clean_pmcid(front.get("pmcid")) if front.get("pmcid") else None
    nci = is_cancer_gov(url)
    last_reviewed = _json_value(front.get("lastReviewed"))
    extra = {
        "url": url,
        "last_reviewed": last_reviewed,
        "audience": front.get("audienceLevel"),
        "license": front.get("license"),
        "references": page.references,
        "front_matter": _json_value(front),
    }
    return Document(
        doc_id=doc_id_for(pmid, doi, pmcid) or page_doc_id(url),
        source_type="nci" if nci else "fulltext",
        text=page.builder.text,
        sections=page.builder.sections,
        title=squash(str(front.get("title") or "")) or page.first_heading or path.stem,
        authors=["National Cancer Institute"] if nci else _authors(front),
        year=first_year(last_reviewed) or first_year(_json_value(front.get("year") or front.get("date"))),
        journal="NCI cancer.gov" if nci else (squash(str(front.get("journal") or "")) or None),
        pmid=pmid,
        doi=doi,
        pmcid=pmcid,
        extra={k: v for k, v in extra.items() if v},
    )


def _authors(front: dict) -> list[str]:
    value = front.get("authors") or front.get("author") or []
    names = value if isinstance(value, list) else re.split(r";|\band\b", str(value))
    return [squash(str(name)) for name in names if squash(str(name))]


def _json_value(value):
    """Front matter as JSON can hold it (YAML dates become ISO strings)."""
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
