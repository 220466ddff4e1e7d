"""PMC / JATS full-text XML (root <article>): metadata, abstract, body sections, captions, references, licence."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from rag.load.common import (
    LoadError,
    LoadResult,
    TextBuilder,
    clean_doi,
    clean_pmcid,
    doc_id_for,
    first_year,
    local_name,
    parse_xml,
    squash,
)
from rag.datatypes import Document

_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

# Block elements that may sit inside a paragraph; they become blocks of their own.
_BLOCKS_IN_P = {"fig", "fig-group", "table-wrap", "table-wrap-group", "list", "boxed-text", "disp-quote", "def-list"}
# Content that is not prose: formulas in TeX, graphics, tables' cell grids, footnotes of floats.
_SKIPPED = {"tex-math", "graphic", "inline-graphic", "media", "table", "fn-group", "object-id"}
# Citation markers: <xref ref-type="bibr"> becomes \x01label\x02 while rendering, then one tidy '[1,2]'.
_CITES = r"\x01[^\x02]*\x02(?:\s*[,;–—-]\s*\x01[^\x02]*\x02)*"
_CITE_RUN = re.compile(rf"\s*(?:[\[(]\s*({_CITES})\s*[\])]|({_CITES}))")

_PUB_DATE_ORDER = ("epub", "ppub", "pub", "collection")
_CITATION_TAGS = ("mixed-citation", "element-citation", "citation", "nlm-citation")


def load(path: Path) -> LoadResult:
    root = parse_xml(path)
    if local_name(root.tag) != "article":
        raise LoadError(f"not a JATS article (root element <{local_name(root.tag)}>)")
    meta = root.find("front/article-meta")
    if meta is None:
        raise LoadError("JATS article without <front>/<article-meta>")
    result = LoadResult()
    builder = TextBuilder()
    for abstract in meta.iterfind("abstract"):
        _walk(abstract, builder, [], _abstract_heading(abstract))
    abstract_end = len(builder.text)
    body = root.find("body")
    if body is not None:
        _walk(body, builder, [], "Main text")
        _add_captions(root.find("floats-group"), builder)
        _add_captions(root.find("back"), builder)
    if not builder.text:
        raise LoadError("no abstract and no body text")
    if len(builder.text) == abstract_end:
        result.warnings.append("no body: abstract only")
    result.documents.append(_document(root, meta, builder))
    return result


def _document(root: ET.Element, meta: ET.Element, builder: TextBuilder) -> Document:
    ids = {i.get("pub-id-type"): squash(i.text) for i in meta.iterfind("article-id")}
    pmid = ids.get("pmid") or None
    doi = clean_doi(ids.get("doi"))
    pmcid = clean_pmcid(ids.get("pmcid") or ids.get("pmc")) if (ids.get("pmcid") or ids.get("pmc")) else None
    license_el = meta.find("permissions/license")
    return Document(
        doc_id=doc_id_for(pmid, doi, pmcid),
        source_type="fulltext",
        text=builder.text,
        sections=builder.sections,
        title=_plain(meta.find("title-group/article-title")) or None,
        authors=_authors(meta),
        year=_year(meta),
        journal=_journal(root.find("front/journal-meta")),
        pmid=pmid,
        doi=doi,
        pmcid=pmcid,
        extra={
            k: v
            for k, v in {
                "article_type": root.get("article-type"),
                "license": _plain(license_el.find("license-p")) if license_el is not None else None,
                "license_url": _license_url(license_el),
                "keywords": [_plain(k) for k in meta.iterfind("kwd-group/kwd")],
                "references": [r for r in map(_reference, root.iterfind("back/ref-list//ref")) if r],
            }.items()
            if v
        },
    )


# ---------------------------------------------------------------------------------------------- metadata


def _plain(elem: ET.Element | None) -> str:
    return squash("".join(elem.itertext())) if elem is not None else ""


def _authors(meta: ET.Element) -> list[str]:
    authors = []
    for contrib in meta.iterfind("contrib-group/contrib"):
        if contrib.get("contrib-type", "author") != "author":
            continue
        name = contrib.find("name")
        if name is None:
            name = contrib.find("name-alternatives/name")
        if name is not None:
            authors.append(_short_name(name))
        elif contrib.find("collab") is not None:
            authors.append(_plain(contrib.find("collab")))
    return [a for a in authors if a]


def _short_name(name: ET.Element) -> str:
    """'Rosenberg SA' from <surname>Rosenberg</surname><given-names>Steven A.</given-names>."""
    surname = squash(name.findtext("surname"))
    given = squash(name.findtext("given-names"))
    if re.fullmatch(r"([A-Z]\.\s*)+", surname) and not re.fullmatch(r"([A-Z]\.?\s*)+", given):
        surname, given = given, surname  # the two swapped at the source: <surname>J. E.</surname>
    if given.replace(".", "").replace(" ", "").isupper() and len(given) <= 4:
        initials = re.sub(r"[\s.]", "", given)  # already initials: 'SA', 'S. A.'
    else:
        initials = "".join(w[0].upper() for w in re.split(r"[\s.\-]+", given) if w)
    return f"{surname} {initials}".strip()


def _journal(journal_meta: ET.Element | None) -> str | None:
    if journal_meta is None:
        return None
    ids = {j.get("journal-id-type"): squash(j.text) for j in journal_meta.iterfind("journal-id")}
    return (
        ids.get("nlm-ta")
        or ids.get("iso-abbrev")
        or _plain(journal_meta.find("journal-title-group/journal-title"))
        or _plain(journal_meta.find("journal-title"))
        or None
    )


def _year(meta: ET.Element) -> int | None:
    dates = {}
    for date in meta.iterfind("pub-date"):
        kind = date.get("pub-type") or date.get("date-type") or ""
        dates.setdefault(kind, first_year(date.findtext("year")))
    for kind in _PUB_DATE_ORDER:
        if dates.get(kind):
            return dates[kind]
    return next((year for year in dates.values() if year), None)


def _license_url(license_el: ET.Element | None) -> str | None:
    if license_el is None:
        return None
    if license_el.get(_XLINK_HREF):
        return license_el.get(_XLINK_HREF)
    ref = next((e for e in license_el.iter() if local_name(e.tag) == "license_ref"), None)
    if ref is not None and squash(ref.text):
        return squash(ref.text)
    link = license_el.find(".//ext-link")
    return link.get(_XLINK_HREF) if link is not None else None


def _reference(ref: ET.Element) -> str:
    """A reference as one short line: 'Sambi M, Bagheri L. Current challenges ... J Oncol. (2019) ...'."""
    label = squash(ref.findtext("label"))
    citations = [c for c in ref.iter() if local_name(c.tag) in _CITATION_TAGS]
    if not citations:
        return ""
    # A <citation-alternatives> holds several forms: the mixed one reads best.
    citation = next((c for c in citations if local_name(c.tag) == "mixed-citation"), citations[0])
    own_text = [citation.text or ""] + [child.tail or "" for child in citation]
    if local_name(citation.tag) == "mixed-citation" and re.search(r"[.,;:]", "".join(own_text)):
        text = re.sub(r"\s+([,.;:])", r"\1", squash(_citation_text(citation)))
    else:  # structured citations (and mixed ones without punctuation of their own): compose one
        text = _element_citation(citation)
    if label and not text.startswith(label):
        text = f"{label}. {text}" if label.isdigit() else f"{label} {text}"
    return text


def _citation_text(elem: ET.Element) -> str:
    """A mixed citation's text, with <name> rendered 'Surname GN' and names in a group separated by commas."""
    parts = [elem.text or ""]
    previous_was_name = False
    for child in elem:
        tag = local_name(child.tag)
        is_name = tag in ("name", "string-name") and child.find("surname") is not None
        if is_name:
            parts.append((", " if previous_was_name else "") + _short_name(child))
        elif tag == "etal":
            parts.append(" et al.")
        elif tag == "pub-id":
            parts.append(" " + squash(child.text))
        elif tag:
            parts.append(_citation_text(child))
        previous_was_name = is_name and not (child.tail or "").strip()
        parts.append(child.tail or "")
    return "".join(parts)


def _element_citation(citation: ET.Element) -> str:
    names = [_short_name(n) for n in citation.iter() if local_name(n.tag) in ("name", "string-name")]
    if citation.find(".//etal") is not None:
        names.append("et al.")
    title = _plain(citation.find("article-title")) or _plain(citation.find("chapter-title"))
    source = _plain(citation.find("source"))
    year = squash(citation.findtext("year"))
    volume = squash(citation.findtext("volume"))
    pages = "-".join(p for p in (squash(citation.findtext("fpage")), squash(citation.findtext("lpage"))) if p)
    where = " ".join(p for p in (source, year) if p) + (f";{volume}" if volume else "") + (f":{pages}" if pages else "")
    pieces = [", ".join(names), title, where]
    doi = next((squash(p.text) for p in citation.iter("pub-id") if p.get("pub-id-type") == "doi"), "")
    if doi:
        pieces.append(f"doi:{doi}")
    return ". ".join(p.rstrip(".") for p in pieces if p) + "."


# ---------------------------------------------------------------------------------------------- text


def _abstract_heading(abstract: ET.Element) -> str:
    kind = (abstract.get("abstract-type") or "").lower()
    if kind in ("", "unstructured", "structured", "abstract", "summary"):
        return "Abstract"
    title = _plain(abstract.find("title"))
    if title:
        return title
    return "Graphical abstract" if kind == "graphical" else kind.capitalize()


def _walk(container: ET.Element, builder: TextBuilder, path: list[str], default: str) -> None:
    """Adds the prose of a container (body, sec, abstract, boxed text ...) under its heading path."""
    heading = " > ".join(path) or default
    for child in container:
        tag = local_name(child.tag)
        if tag == "sec":
            title = _plain(child.find("title")) or _plain(child.find("label"))
            _walk(child, builder, path + [title] if title else path, default)
        elif tag in ("title", "label", "") or tag in _SKIPPED:
            continue
        elif tag == "p":
            _add_paragraph(child, builder, heading)
        elif tag in _BLOCKS_IN_P:
            _add_block(child, builder, heading, path, default)
        else:
            _walk(child, builder, path, default)


def _add_paragraph(p: ET.Element, builder: TextBuilder, heading: str) -> None:
    parts: list[str] = []
    nested: list[ET.Element] = []
    _render_inline(p, parts, nested)
    builder.add(heading, _tidy("".join(parts)))
    for block in nested:
        _add_block(block, builder, heading, [heading], heading)


def _add_block(block: ET.Element, builder: TextBuilder, heading: str, path: list[str], default: str) -> None:
    tag = local_name(block.tag)
    if tag in ("fig", "table-wrap"):
        builder.add(heading, _caption(block))
    elif tag == "list":
        builder.add(heading, "\n".join(_list_items(block)))
    elif tag == "def-list":
        for item in block.iterfind("def-item"):
            builder.add(heading, f"{_inline_text(item.find('term'))}: {_inline_text(item.find('def'))}")
    else:  # figure and table groups, boxed text, quotes: containers of paragraphs and captions
        _walk(block, builder, path, default)


def _caption(float_el: ET.Element) -> str:
    """'Figure 1. Title. Caption text' for a figure or table (a table's cells are not prose)."""
    label = _plain(float_el.find("label"))
    caption = float_el.find("caption")
    parts = [c for c in caption if local_name(c.tag) in ("title", "p")] if caption is not None else []
    text = " ".join(_inline_text(c) for c in parts)
    if not text:
        return ""
    return f"{label.rstrip('.')}. {text}" if label else text


def _list_items(list_el: ET.Element) -> list[str]:
    items = []
    for item in list_el.iterfind("list-item"):
        own = [_inline_text(c) for c in item if local_name(c.tag) == "p"]
        items.append(" ".join(t for t in own if t))
        for sub in item.iterfind("list"):
            items.extend(_list_items(sub))
    return [i for i in items if i]


def _inline_text(elem: ET.Element | None) -> str:
    if elem is None:
        return ""
    parts: list[str] = []
    _render_inline(elem, parts, [])
    return _tidy("".join(parts))


def _render_inline(elem: ET.Element, parts: list[str], nested: list[ET.Element]) -> None:
    """Appends an element's running text; block children go to `nested`, citation markers are fenced."""
    parts.append(elem.text or "")
    for child in elem:
        tag = local_name(child.tag)
        if tag in _BLOCKS_IN_P:
            nested.append(child)
        elif tag == "xref" and child.get("ref-type") == "bibr":
            parts.append("\x01" + squash("".join(child.itertext())) + "\x02")
        elif tag and tag not in _SKIPPED:
            _render_inline(child, parts, nested)
        parts.append(child.tail or "")


def _tidy(text: str) -> str:
    """One paragraph: whitespace squashed, citation markers as ' [1,2]'."""

    def cite(m: re.Match) -> str:
        labels = re.sub(r"[\x01\x02\s]", "", m.group(1) or m.group(2))
        return f" [{labels}]" if labels else ""

    return squash(_CITE_RUN.sub(cite, text).replace("\x01", "").replace("\x02", ""))


def _add_captions(container: ET.Element | None, builder: TextBuilder) -> None:
    """Captions of figures and tables kept outside the body (floats-group, back matter)."""
    if container is None:
        return
    for float_el in container.iter():
        if local_name(float_el.tag) in ("fig", "table-wrap"):
            builder.add("Figures and tables", _caption(float_el))
