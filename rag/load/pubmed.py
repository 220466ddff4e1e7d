"""Record files: PubMed as JSON lines, efetch XML (PubmedArticleSet) or MEDLINE text, and ClinicalTrials.gov JSON lines.

One file holds many records; a broken record is skipped with a warning that names it, and the others load.
"""

from __future__ import annotations

import json
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
    parse_xml,
    pubmed_name,
    read_text,
    squash,
    text_head,
)
from rag.datatypes import Document, Section


class _Skip(Exception):
    """A record that cannot become a document; the message says why."""


def load(path: Path, fmt: str | None = None) -> LoadResult:
    """The records of a file; ``fmt`` ('json', 'xml' or 'medline') when its name does not tell (a .md sniffed)."""
    suffix = path.suffix.lower()
    fmt = fmt or ("json" if suffix in (".json", ".jsonl") else "xml" if suffix in (".xml", ".nxml") else "medline")
    if fmt == "json":
        return _load_json(path)
    if fmt == "xml":
        return _load_xml(path)
    return _load_medline(path)


def looks_like_medline(path: Path) -> bool:
    """True when the first non-blank line of the file is a MEDLINE 'PMID-' line."""
    head = text_head(path)
    first = next((line for line in head.splitlines() if line.strip()), "")
    return bool(re.match(r"PMID\s*-", first))


# ---------------------------------------------------------------------------------------------- abstracts

_LABEL = r"[A-Z][A-Z&/,\- ]{1,58}[A-Z]"


def abstract_parts(text: str) -> list[tuple[str, str]]:
    """(label, text) parts of an abstract: 'BACKGROUND: ... METHODS: ...' splits at its labels; else one 'Abstract'."""
    text = squash(text)
    if not re.match(rf"({_LABEL}):\s", text):
        return [("Abstract", text)] if text else []
    # A label starts the text or a sentence; splitting keeps the labels as odd items.
    pieces = re.split(rf"(?:^|(?<=[.!?)\]] ))({_LABEL}):\s+", text)
    parts = []
    for label, body in zip(pieces[1::2], pieces[2::2], strict=True):
        label = "Abstract" if label == "UNLABELLED" else label
        if body.strip():
            parts.append((label, body.strip()))
    return parts


def excerpt_snippets(text: str) -> list[str]:
    """The snippets of an excerpt record (sentences quoted from an abstract, one a line), each said once: a snippet
    another one holds is dropped ("...after proving to h" under the whole sentence), and one that begins where
    another ends ("...phase III trial (IMbrave150) showed ... soon." and "I trial (IMbrave150) showed ... soon. This
    review descri") is joined to it."""
    out: list[str] = []
    for snippet in (squash(line) for line in text.splitlines()):
        if not snippet or any(snippet in kept for kept in out):
            continue
        out = [kept for kept in out if kept not in snippet]
        for i, kept in enumerate(out):
            if (k := _overlap(kept, snippet)):
                out[i] = kept + snippet[k:]
                break
            if (k := _overlap(snippet, kept)):
                out[i] = snippet + kept[k:]
                break
        else:
            out.append(snippet)
    return out


def _overlap(first: str, second: str, least: int = 40) -> int:
    """The length of the longest end of ``first`` that begins ``second`` (0 when shorter than ``least``)."""
    for k in range(min(len(first), len(second)) - 1, least - 1, -1):
        if first.endswith(second[:k]):
            return k
    return 0


def _abstract_document(doc_id: str, parts: list[tuple[str, str]], joiner: str = "\n\n", **fields) -> Document:
    builder = TextBuilder()
    for label, body in parts:
        builder.add(label, body, joiner=joiner)
    if not builder.text:
        raise _Skip("no abstract text")
    return Document(doc_id=doc_id, source_type="abstract", text=builder.text, sections=builder.sections, **fields)


def _extra(**values) -> dict:
    """Only the values that say something (no None, '' or empty lists)."""
    return {k: v for k, v in values.items() if v not in (None, "", [], {})}


# ---------------------------------------------------------------------------------------------- JSON lines


def _load_json(path: Path) -> LoadResult:
    text, warnings = read_text(path)
    result = LoadResult(warnings=warnings)
    for number, line_no, record in _json_records(text, result.warnings):
        where = f"record {number} (line {line_no})"
        try:
            if not isinstance(record, dict):
                raise _Skip("not a JSON object")
            _check_fields(record)
            doc = _trial_document(record) if record.get("nct_id") else _pubmed_json_document(record)
        except _Skip as why:
            result.warnings.append(f"{where}: {why}, skipped")
            continue
        except (TypeError, ValueError, AttributeError) as exc:  # a field of a shape nobody foresaw: this record only
            result.warnings.append(f"{where}: unreadable record ({type(exc).__name__}: {exc}), skipped")
            continue
        result.documents.append(doc)
    return result


# Fields read as text (identifiers may also be written as numbers); a record with anything else in one of them is
# skipped with the field named, never the whole file.
_TEXT_FIELDS = ("title", "abstract", "journal", "doi", "doc_id", "text", "text_kind")
_ID_FIELDS = ("pmid", "pmcid", "nct_id")


def _check_fields(record: dict) -> None:
    for name in _TEXT_FIELDS + _ID_FIELDS:
        value = record.get(name)
        if value is None or isinstance(value, str):
            continue
        if name in _ID_FIELDS and isinstance(value, int) and not isinstance(value, bool):
            continue
        shown = json.dumps(value)
        raise _Skip(f"field {name!r} is not text ({type(value).__name__} "
                    f"{shown[:40]}{'...' if len(shown) > 40 else ''})")


def _json_records(text: str, warnings: list[str]):
    """(record number, line number, value) for each record: JSON lines, or a whole-file JSON array or object."""
    stripped = text.strip()
    if not stripped:
        raise LoadError("no text")
    try:  # one JSON document (an array of records, or one record) rather than JSON lines?
        whole = json.loads(stripped)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, (list, dict)):
        yield from ((i, 1, value) for i, value in enumerate(whole if isinstance(whole, list) else [whole], 1))
        return
    number = 0
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        number += 1
        try:
            yield number, line_no, json.loads(line)
        except json.JSONDecodeError as exc:
            warnings.append(f"record {number} (line {line_no}): invalid JSON ({exc.msg}), skipped")


_INVALID = object()


def _with_invalid_lines(text: str, warnings: list[str]):
    """_json_records, with a placeholder for each line that is not JSON (so that every input line has an output)."""
    stripped = text.strip()
    try:
        whole = json.loads(stripped) if stripped else None
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, (list, dict)) or not stripped:
        yield from _json_records(text, warnings)
        return
    number = 0
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        number += 1
        try:
            yield number, line_no, json.loads(line)
        except json.JSONDecodeError as exc:
            warnings.append(f"record {number} (line {line_no}): invalid JSON ({exc.msg})")
            yield number, line_no, _INVALID


def json_line_documents(path: Path):
    """(record number, Document or None, why not) for each record of a PubMed JSON-lines file, in input order: what
    `rag outcomes --pubmed` and `rag evidence --pubmed` read, one output per input record."""
    text, _ = read_text(path)
    bad: list[str] = []
    for number, _, record in _with_invalid_lines(text, bad):
        if record is _INVALID:
            yield number, {}, None, bad[-1] if bad else "invalid JSON"
            continue
        try:
            if not isinstance(record, dict):
                raise _Skip("not a JSON object")
            _check_fields(record)
            doc = _trial_document(record) if record.get("nct_id") else _pubmed_json_document(record)
        except (_Skip, TypeError, ValueError, AttributeError) as why:
            yield number, record if isinstance(record, dict) else {}, None, str(why) or type(why).__name__
            continue
        yield number, record, doc, ""


def _pubmed_json_document(record: dict) -> Document:
    pmid = squash(str(record.get("pmid") or "")) or None
    doi = clean_doi(record.get("doi"))
    pmcid = clean_pmcid(record.get("pmcid")) if record.get("pmcid") else None
    authors = record.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    abstract = str(record.get("abstract") or "")
    if record.get("text_kind") == "abstract_excerpt":
        # Quoted snippets, one a line, often overlapping: each said once, each its own line (a snippet cut
        # mid-word ends its line instead of running into the next one).
        parts = [part for snippet in excerpt_snippets(abstract) for part in abstract_parts(snippet)]
        joiner = "\n"
    else:
        parts, joiner = abstract_parts(abstract), "\n\n"
    return _abstract_document(
        doc_id_for(pmid, doi, pmcid) or squash(str(record.get("doc_id") or "")),
        parts,
        joiner=joiner,
        title=squash(record.get("title")) or None,
        authors=[pubmed_name(a) for a in authors if isinstance(a, str) and a.strip()],
        year=first_year(record.get("year")),
        journal=squash(record.get("journal")) or None,
        pmid=pmid,
        doi=doi,
        pmcid=pmcid,
        extra=_extra(
            text_kind=record.get("text_kind") or "abstract",
            license=record.get("license"),
            mesh=record.get("mesh"),
            publication_types=record.get("publication_types"),
            source=record.get("source"),
        ),
    )


def _trial_document(record: dict) -> Document:
    nct_id = squash(str(record.get("nct_id")))
    text = str(record.get("text") or "").strip()
    if not text:
        raise _Skip("no trial text")
    # The record's other fields are provenance; its summary highlight repeats the text, so it is left out.
    provenance = {k: v for k, v in record.items() if k not in ("nct_id", "title", "text", "brief_summary_highlight")}
    return Document(
        doc_id=doc_id_for(nct_id=nct_id),
        source_type="trial",
        text=text,
        sections=[Section("Description", 0, len(text))],
        title=squash(record.get("title")) or None,
        nct_id=nct_id,
        extra=_extra(**provenance),
    )


# ---------------------------------------------------------------------------------------------- efetch XML


def _load_xml(path: Path) -> LoadResult:
    root = parse_xml(path)
    result = LoadResult()
    for number, article in enumerate(root.iter("PubmedArticle"), start=1):
        pmid = squash(article.findtext("MedlineCitation/PMID"))
        try:
            result.documents.append(_xml_document(article))
        except _Skip as why:
            result.warnings.append(f"record {number} (PMID {pmid or '?'}): {why}, skipped")
    books = sum(1 for _ in root.iter("PubmedBookArticle"))
    if books:
        result.warnings.append(f"{books} PubmedBookArticle record(s) not supported, skipped")
    return result


def _text_of(elem: ET.Element | None) -> str:
    """An element's text with inline markup (<i>, <sup>) kept as text."""
    return squash("".join(elem.itertext())) if elem is not None else ""


def _xml_document(article: ET.Element) -> Document:
    citation = article.find("MedlineCitation")
    if citation is None:
        raise _Skip("no MedlineCitation")
    art = citation.find("Article")
    if art is None:
        raise _Skip("no Article")
    pmid = squash(citation.findtext("PMID")) or None
    ids = {i.get("IdType"): squash(i.text) for i in article.iterfind("PubmedData/ArticleIdList/ArticleId")}
    doi = clean_doi(ids.get("doi")) or clean_doi(
        next((e.text for e in art.iterfind("ELocationID") if e.get("EIdType") == "doi"), None)
    )
    pmcid = clean_pmcid(ids.get("pmc")) if ids.get("pmc") else None
    parts = [
        (a.get("Label") or "Abstract", _text_of(a)) for a in art.iterfind("Abstract/AbstractText")
    ]
    if len(parts) == 1 and parts[0][0] == "Abstract":  # an unlabelled abstract may still carry inline labels
        parts = abstract_parts(parts[0][1])
    journal = art.find("Journal")
    return _abstract_document(
        doc_id_for(pmid, doi, pmcid),
        [(label, body) for label, body in parts if body],
        title=_text_of(art.find("ArticleTitle")) or None,
        authors=[name for name in map(_xml_author, art.iterfind("AuthorList/Author")) if name],
        year=_xml_year(art),
        journal=squash(journal.findtext("ISOAbbreviation") if journal is not None else "")
        or squash(citation.findtext("MedlineJournalInfo/MedlineTA"))
        or squash(journal.findtext("Title") if journal is not None else "")
        or None,
        pmid=pmid,
        doi=doi,
        pmcid=pmcid,
        extra=_extra(
            text_kind="abstract",
            publication_types=[_text_of(p) for p in art.iterfind("PublicationTypeList/PublicationType")],
            mesh=[term for h in citation.iterfind("MeshHeadingList/MeshHeading") for term in _xml_mesh(h)],
            keywords=[_text_of(k) for k in citation.iterfind("KeywordList/Keyword")],
            license=_text_of(art.find("Abstract/CopyrightInformation")) or None,
        ),
    )


def _xml_author(author: ET.Element) -> str:
    collective = _text_of(author.find("CollectiveName"))
    if collective:
        return collective
    last = squash(author.findtext("LastName"))
    initials = squash(author.findtext("Initials"))
    if not initials:
        initials = "".join(w[0] for w in re.split(r"[\s.\-]+", squash(author.findtext("ForeName"))) if w)
    return f"{last} {initials}".strip()


def _xml_year(art: ET.Element) -> int | None:
    date = art.find("Journal/JournalIssue/PubDate")
    if date is not None:
        year = first_year(date.findtext("Year")) or first_year(date.findtext("MedlineDate"))
        if year:
            return year
    return first_year(art.findtext("ArticleDate/Year"))


def _xml_mesh(heading: ET.Element) -> list[str]:
    """MeSH terms as PubMed shows them: 'Melanoma / therapy*', a star marking a major topic."""
    descriptor = heading.find("DescriptorName")
    if descriptor is None:
        return []
    name = _text_of(descriptor) + ("*" if descriptor.get("MajorTopicYN") == "Y" else "")
    qualifiers = heading.findall("QualifierName")
    if not qualifiers:
        return [name]
    return [f"{name} / {_text_of(q)}" + ("*" if q.get("MajorTopicYN") == "Y" else "") for q in qualifiers]


# ---------------------------------------------------------------------------------------------- MEDLINE text

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]{1,3}) {0,3}- ?(.*)$")


def _load_medline(path: Path) -> LoadResult:
    text, warnings = read_text(path)
    result = LoadResult(warnings=warnings)
    for number, (line_no, lines) in enumerate(_medline_blocks(text), start=1):
        try:
            result.documents.append(_medline_document(_medline_fields(lines, line_no)))
        except _Skip as why:
            result.warnings.append(f"record {number} (line {line_no}): {why}, skipped")
    return result


def _medline_blocks(text: str):
    """(first line number, lines) of each blank-line separated record."""
    block: list[str] = []
    start = 0
    for line_no, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not block:
                start = line_no
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _medline_fields(lines: list[str], first_line_no: int) -> dict[str, list[str]]:
    """Tag -> values; continuation lines (indented) extend the previous value. Any other line breaks the record."""
    fields: dict[str, list[str]] = {}
    last: list[str] | None = None
    for offset, line in enumerate(lines):
        m = _TAG_LINE.match(line)
        if m:
            last = fields.setdefault(m.group(1), [])
            last.append(m.group(2).strip())
        elif line[:1].isspace() and last:
            last[-1] = f"{last[-1]} {line.strip()}".strip()
        else:
            raise _Skip(f"unreadable line {first_line_no + offset}: {line.strip()[:40]!r}")
    return fields


def _medline_document(fields: dict[str, list[str]]) -> Document:
    def one(tag: str) -> str | None:
        return fields[tag][0] if fields.get(tag) else None

    pmid = one("PMID")
    if not pmid or not pmid.isdigit():
        raise _Skip("no PMID")
    ids = fields.get("AID", []) + fields.get("LID", [])
    doi = clean_doi(next((v for v in ids if v.endswith("[doi]")), None))
    pmcid = clean_pmcid(one("PMC")) if one("PMC") else None
    return _abstract_document(
        doc_id_for(pmid, doi, pmcid),
        abstract_parts(" ".join(fields.get("AB", []))),
        title=squash(one("TI")) or None,
        authors=fields.get("AU", []) + fields.get("CN", []),
        year=first_year(one("DP")),
        journal=one("TA") or one("JT"),
        pmid=pmid,
        doi=doi,
        pmcid=pmcid,
        extra=_extra(
            text_kind="abstract",
            publication_types=fields.get("PT"),
            mesh=[term for value in fields.get("MH", []) for term in _medline_mesh(value)],
            keywords=fields.get("OT"),
        ),
    )


def _medline_mesh(value: str) -> list[str]:
    """'Kidney Neoplasms/genetics/*therapy' -> ['Kidney Neoplasms / genetics', 'Kidney Neoplasms / therapy*']."""
    descriptor, *qualifiers = [part.strip() for part in value.split("/")]
    name = descriptor.lstrip("*") + ("*" if descriptor.startswith("*") else "")
    if not qualifiers:
        return [name]
    return [f"{name} / {q.lstrip('*')}" + ("*" if q.startswith("*") else "") for q in qualifiers]
