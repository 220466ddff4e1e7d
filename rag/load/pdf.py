"""PDF articles read with pypdf: text per page, running headers and footers removed, paragraphs re-joined,
headings found by their type style, the reference list set aside, and title/authors/year/DOI recovered.

pypdf's plain extraction is used, not its layout mode: plain mode follows the content stream and so reads a
two-column page column by column, while layout mode puts both columns side by side on each line.
"""

from __future__ import annotations

import contextlib
import logging
import math
import re
import warnings as py_warnings
from collections import Counter
from pathlib import Path

from typing import TYPE_CHECKING

from rag.datatypes import Document
from rag.load.common import LoadError, LoadResult, clean_doi, doc_id_for, first_year, pubmed_name, squash
from rag.load.pdf_body import _KNOWN_HEADING, _assemble, _key, _Page

if TYPE_CHECKING:  # pypdf is imported when a PDF is read, not when rag is imported
    from pypdf import PdfReader

_MIN_TEXT_CHARS = 20
_EDGE_LINES = 4  # lines at the top and at the bottom of a page where running headers and footers are spotted
_FURNITURE_ZONE = 8  # ... and where, once spotted, they are removed (page 1 puts more above and below them)
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad]")
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$", re.IGNORECASE)
_ARTICLE_TYPE = re.compile(
    r"^((original|research|review|short|brief|case|clinical)\s+)?(article|report|communication|paper|study|review)$",
    re.IGNORECASE,
)
_NOT_A_BYLINE = re.compile(
    r"\b(university|universit|institute|department|hospital|cent(er|re)|school|college|faculty|laboratory|division"
    r"|abstract|review|article|journal|correspondence|email|access|received|accepted|published|revised|editor"
    r"|copyright|licensee|january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[A-Z][\w'’.\-]*(\s+[A-Z][\w'’.\-]*){1,4}$")


# ---------------------------------------------------------------------------------------------- entry point


def load(path: Path) -> LoadResult:
    result = LoadResult()
    with _quiet_pypdf():
        reader = _open(path)
        pages = _extract(reader, result.warnings)
        info = _info(reader)
    first_page = "\n".join(pages[0].lines)  # before furniture removal: the copyright line may repeat on every page
    if sum(len(re.sub(r"\s", "", "".join(p.lines))) for p in pages) < _MIN_TEXT_CHARS:
        raise LoadError("no text layer (image-only or scanned PDF?)")
    body_size = _body_font_size(pages)
    _remove_running_lines(pages)
    title = _title(info, pages[0], body_size)
    _remove_title_lines(pages[0], title)
    authors = _authors(info, pages[0])
    builder, references = _assemble(pages, body_size)
    if not builder.text:
        raise LoadError("no text layer (image-only or scanned PDF?)")
    doi = _doi(first_page, info, pages)
    result.documents.append(
        Document(
            doc_id=doc_id_for(doi=doi),
            source_type="fulltext",
            text=builder.text,
            sections=builder.sections,
            title=title or path.stem,
            authors=authors,
            year=_year(first_page, info),
            doi=doi,
            extra={
                "references": references,
                "pages": len(pages),
                "pdf_metadata": {k: v for k, v in info.items() if v},
            },
        )
    )
    return result


@contextlib.contextmanager
def _quiet_pypdf():
    """pypdf logs and warns about every font quirk; those are not the user's problem."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with py_warnings.catch_warnings():
            py_warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _open(path: Path) -> PdfReader:
    from pypdf import PasswordType, PdfReader

    with open(path, "rb") as fh:
        if b"%PDF" not in fh.read(1024):
            raise LoadError("not a readable PDF: no %PDF header")
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                decrypted = reader.decrypt("")
            except Exception as exc:  # e.g. AES without a crypto library
                raise LoadError(f"encrypted PDF (cannot decrypt: {exc})") from None
            if decrypted == PasswordType.NOT_DECRYPTED:
                raise LoadError("encrypted PDF (password required)")
        count = len(reader.pages)
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError(f"not a readable PDF: {exc}") from None
    if count == 0:
        raise LoadError("PDF has no pages")
    return reader


def _extract(reader: PdfReader, warnings: list[str]) -> list[_Page]:
    """Each page's text lines, and the font size, weight and position of its text runs."""
    pages = []
    failures = []
    for number, page in enumerate(reader.pages, start=1):
        runs: list[tuple[float, bool, float, str]] = []

        def visit(text, cm, tm, font, size, runs=runs):
            height = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((round(size * height, 1), _is_bold(font), y, _clean(text)))

        try:
            text = page.extract_text(visitor_text=visit)
        except Exception as exc:
            failures.append(f"page {number}: text extraction failed ({type(exc).__name__}: {exc})")
            text, runs[:] = "", []
        lines = [line.strip() for line in _clean(text).split("\n")]
        pages.append(_Page(number, [line for line in lines if line], runs))
    if len(failures) == len(pages):
        raise LoadError(f"not a readable PDF: {failures[0]}")
    warnings.extend(failures)
    return pages


def _is_bold(font) -> bool:
    name = str(font.get("/BaseFont", "")) if hasattr(font, "get") else ""
    return bool(re.search(r"bold|black|heavy|demi|semibold|\.B$|,B$", name, re.IGNORECASE))


def _info(reader: PdfReader) -> dict[str, str]:
    try:
        meta = reader.metadata or {}
        return {str(k).lstrip("/").lower(): squash(str(v)) for k, v in meta.items()}
    except Exception:  # a broken info dictionary is no reason to lose the text
        return {}


# ---------------------------------------------------------------------------------------------- characters


def _clean(text: str) -> str:
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    text = re.sub(r"([A-Za-z]*)\x00(?=([A-Za-z]?))", lambda m: m[1] + _lost_ligature(m[1], m[2]), text)
    return _CONTROL.sub("", text.replace("\t", " ").replace("\r", ""))


def _lost_ligature(before: str, after: str) -> str:
    """Some PDFs map ligature glyphs to U+0000 ('speci\\0c', 'e\\0cacy'); guess which one from the letters around.

    No English word starts with 'ff'; doubled-f stems (e-, su-, di-, a-, o-) take 'ff' before a vowel (effect,
    different) and 'ffi' before a consonant (efficacy, sufficient); 'fl' precedes a, o, u (fluid, inflammation);
    '-ified' and the rest take 'fi', the commonest.
    """
    doubled_stem = before.lower() in {"a", "e", "o", "di", "su", "tra", "coe", "sta", "stu", "bu"}
    if not after:
        return "ff"  # off, staff
    if doubled_stem:
        return "ff" if after in "aeiou" else "ffi"
    if after in "aou":
        return "fl"
    if after == "e" and before and not before.endswith("i"):
        return "ff"  # buffer, differ
    return "fi"


# ---------------------------------------------------------------------------------------------- page furniture


def _body_font_size(pages: list[_Page]) -> float:
    """The size of running text: the most used size in the first half of the pages (references and footnotes, set
    smaller, fill the last pages and can outweigh the body of a short paper)."""
    sizes: Counter[float] = Counter()
    for page in pages[: math.ceil(len(pages) / 2)]:
        for size, _, _, text in page.runs:
            sizes[size] += len(text.strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _edge_indices(page: _Page, depth: int) -> set[int]:
    n = len(page.lines)
    return set(range(min(depth, n))) | set(range(max(0, n - depth), n))


def _furniture_key(line: str) -> str:
    """A line with its numbers blanked, so 'Page 3 of 10' and 'Page 4 of 10' are the same running footer."""
    return re.sub(r"[\d\s]+", " ", line).strip().lower()


def _remove_running_lines(pages: list[_Page]) -> None:
    """Drops page numbers and lines repeated at the top or bottom of many pages (journal name, authors, DOI)."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_furniture_key(page.lines[i]) for i in _edge_indices(page, _EDGE_LINES)})
    threshold = max(2, math.ceil(0.3 * len(pages)))
    running = {key for key, count in seen.items() if key and count >= threshold}
    for page in pages:
        near_edge = _edge_indices(page, _EDGE_LINES)
        zone = _edge_indices(page, _FURNITURE_ZONE)
        page.lines = [
            line
            for i, line in enumerate(page.lines)
            if not ((i in near_edge and _PAGE_NUMBER.match(line)) or (i in zone and _furniture_key(line) in running))
        ]


# ---------------------------------------------------------------------------------------------- metadata


def _title(info: dict[str, str], first: _Page, body_size: float) -> str | None:
    """The info dictionary's title when it reads like one, else the largest type on page 1."""
    title = info.get("title", "")
    letters = sum(ch.isalpha() for ch in title)
    plausible = (
        len(title.split()) >= 2
        and letters >= 0.6 * len(title.replace(" ", ""))
        and not re.search(r"\.(docx?|pdf|tex|indd|dvi|qxd)$|^untitled|^microsoft word", title, re.IGNORECASE)
    )
    return title if plausible else _largest_type(first, body_size)


def _largest_type(page: _Page, body_size: float) -> str | None:
    chars: Counter[float] = Counter()
    for size, _, _, text in page.runs:
        if size >= body_size * 1.3:
            chars[size] += sum(ch.isalpha() for ch in text)
    if not chars:
        return None
    size = chars.most_common(1)[0][0]
    lines: list[str] = []
    last_y = None
    for run_size, _, y, text in page.runs:
        if run_size != size:
            continue
        if lines and last_y is not None and abs(y - last_y) < size * 0.5:
            lines[-1] += text
        else:
            lines.append(text)
        last_y = y
    kept = [squash(line) for line in lines if squash(line) and not _ARTICLE_TYPE.match(squash(line))]
    return squash(" ".join(kept)) or None



def _remove_title_lines(first: _Page, title: str | None) -> None:
    """Page 1's title lines: the title is the document's title, not part of its text."""
    title_key = _key(title or "")
    if not title_key:
        return
    lines = first.lines
    start = next((i for i, line in enumerate(lines[:20]) if len(_key(line)) >= 4 and _key(line) in title_key), None)
    if start is None:
        return
    end = start
    while end < len(lines) and _key(lines[end]) and _key(lines[end]) in title_key:
        end += 1
    first.lines = lines[:start] + lines[end:]
    first.title_end = start


def _authors(info: dict[str, str], first: _Page) -> list[str]:
    """Authors from page 1's byline when it names more people than the info dictionary, else from the latter."""
    from_info = [] if not info.get("author") else _names_in_line(re.sub(r"\{?et al\.?\}?", "", info["author"])) or []
    start = first.title_end
    from_page: list[str] = []
    byline: list[int] = []
    for i in range(start, min(start + 12, len(first.lines))):
        line = first.lines[i]
        if _KNOWN_HEADING.fullmatch(line):
            break
        previous = first.lines[i - 1] if i > start else ""
        if previous.endswith((",", "-")) and i - 1 not in byline:
            continue  # the rest of a wrapped affiliation ('..., Cape Town 7701,' + 'South Africa')
        names = _names_in_line(line)
        if names:
            from_page += names
            byline.append(i)
    if len(from_page) > len(from_info):
        first.lines = [line for i, line in enumerate(first.lines) if i not in set(byline)]
        return [_pubmed_style(name) for name in from_page]
    return [_pubmed_style(name) for name in from_info]


def _names_in_line(line: str) -> list[str] | None:
    """The people named in a byline ('Indraneel Datta1, Chad G Ball1*, ... and John B Kortbeek1'), or None."""
    if line[:1].isdigit() or _NOT_A_BYLINE.search(line) or "@" in line:  # affiliations, dates, addresses
        return None
    line = re.sub(r"[\d*†‡§¶#∗✉]+|\s\([^)]*\)", " ", line)  # affiliation and correspondence marks
    parts = [squash(p) for p in re.split(r",|;|\band\b|&", line)]
    names = []
    for part in filter(None, parts):
        if " " not in part:  # 'CharlesMunthali': a space lost in extraction
            part = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", part)
        if not _NAME.match(part):
            return None
        names.append(part)
    return names or None


def _pubmed_style(name: str) -> str:
    """'Chad G Ball' -> 'Ball CG', 'Ross G. DOUGLAS' -> 'Douglas RG'."""
    *given, surname = name.replace(".", ". ").split()
    if surname.isupper() and len(surname) > 2:
        surname = surname.capitalize()
    return pubmed_name(f"{surname}, {' '.join(given)}") if given else surname


def _year(first_page: str, info: dict[str, str]) -> int | None:
    for pattern in (
        r"(?:©|\(c\)|copyright)\s*(?:©\s*)?((?:19|20)\d\d)\b",
        r"published(?:\s+online)?\s*:?\s*(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?((?:19|20)\d\d)\b",
    ):
        m = re.search(pattern, first_page, re.IGNORECASE)
        if m:
            return int(m.group(1))
    for key in ("creationdate", "moddate"):
        m = re.match(r"D?:?(\d{4})", info.get(key, ""))
        if m and first_year(m.group(1)):
            return int(m.group(1))
    return None


def _doi(first_page: str, info: dict[str, str], pages: list[_Page]) -> str | None:
    """The article's DOI: on page 1, in the info dictionary, or labelled 'doi:' on page 2 (not a cited DOI)."""
    second_page = "\n".join(pages[1].lines) if len(pages) > 1 else ""
    labelled = re.search(r"\bdoi:?\s*(10\.\d{4,9}/\S+)", second_page, re.IGNORECASE)
    return (
        clean_doi(first_page)
        or next((clean_doi(v) for v in info.values() if clean_doi(v)), None)
        or (clean_doi(labelled.group(1)) if labelled else None)
    )
