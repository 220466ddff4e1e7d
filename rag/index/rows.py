"""What both stores share: the document fields, rows turned into records, and filters turned into SQL."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..datatypes import Citation, Document, Section

DOC_FIELDS = ("doc_id", "source_path", "source_type", "title", "authors", "year", "journal", "pmid", "doi",
              "pmcid", "nct_id", "url", "text", "sections", "extra", "text_sha", "status", "duplicate_of")
# Metadata fields a filter may name directly (besides year ranges and source type).
FILTERABLE = {"doc_id", "source_type", "year", "journal", "pmid", "doi", "pmcid", "nct_id", "source_path", "title"}


@dataclass
class ChunkHit:
    """A chunk with its document's citation fields, as the store returns it."""

    chunk_id: int
    doc_no: int
    doc_id: str
    text: str
    char_start: int
    char_end: int
    section: str
    page: int | None
    title: str | None
    source_type: str
    citation: Citation
    extra: dict[str, Any]


# What a search hit needs from a chunk row joined with its document row (the same in SQLite and PostgreSQL).
FETCH_COLUMNS = ("c.chunk_id, c.doc_no, c.text, c.char_start, c.char_end, c.section, c.page, d.doc_id, d.title, "
                 "d.authors, d.year, d.journal, d.pmid, d.doi, d.pmcid, d.nct_id, d.url, d.source_type, d.extra, "
                 "d.source_path")


def row_to_hit(row) -> ChunkHit:
    """A row of ``SELECT FETCH_COLUMNS`` -> ChunkHit with its citation."""
    (cid, doc_no, text, cs, ce, section, page, doc_id, title, authors, year, journal, pmid, doi, pmcid,
     nct_id, url, source_type, extra, source_path) = row
    extra = json.loads(extra or "{}")
    evidence = extra.get("evidence") or {}
    citation = Citation(title=title, authors=json.loads(authors or "[]"), year=year, journal=journal,
                        pmid=pmid, doi=doi, pmcid=pmcid, nct_id=nct_id, url=url, source_type=source_type,
                        section=section or "", page=page, source_path=source_path,
                        study_type=evidence.get("study_type", ""), evidence=evidence.get("level", ""),
                        evidence_basis=evidence.get("basis", ""), notice=evidence.get("notice"))
    return ChunkHit(int(cid), int(doc_no), doc_id, text, cs, ce, section or "", page, title, source_type, citation,
                    extra)


def row_to_document(row: tuple) -> Document:
    r = dict(zip(DOC_FIELDS, row, strict=True))
    return Document(
        doc_id=r["doc_id"], source_type=r["source_type"], text=r["text"],
        sections=[Section(**s) for s in json.loads(r["sections"])], title=r["title"],
        authors=json.loads(r["authors"] or "[]"), year=r["year"], journal=r["journal"], pmid=r["pmid"], doi=r["doi"],
        pmcid=r["pmcid"], nct_id=r["nct_id"], url=r["url"], source_path=r["source_path"],
        extra=json.loads(r["extra"] or "{}"),
    )


EVIDENCE_FILTERS = {"evidence": "level", "study_type": "study_type"}


def _sqlite_json(key: str) -> str:
    return f"json_extract(d.extra, '$.evidence.{key}')"


def filter_sql(filters: dict[str, Any], json_field=_sqlite_json) -> tuple[str, list[Any]]:
    """SQL over documents d for filters: year_min, year_max, source_type (str or list), any FILTERABLE field."""
    clauses, args = ["d.status = 'indexed'"], []
    for key, value in filters.items():
        if value is None or value == [] or value == "":
            continue
        if key == "year_min":
            clauses.append("d.year >= ?")
            args.append(int(value))
        elif key == "year_max":
            clauses.append("d.year <= ?")
            args.append(int(value))
        elif key in EVIDENCE_FILTERS:  # kept in the document's JSON extra (rag/study_type/)
            values = list(value) if isinstance(value, (list, tuple, set)) else [value]
            clauses.append(f"{json_field(EVIDENCE_FILTERS[key])} IN ({','.join('?' * len(values))})")
            args.extend(values)
        elif key in FILTERABLE:
            values = list(value) if isinstance(value, (list, tuple, set)) else [value]
            clauses.append(f"d.{key} IN ({','.join('?' * len(values))})")
            args.extend(values)
        else:
            raise ValueError(f"unknown filter {key!r}: use year_min, year_max or one of {sorted(FILTERABLE)}")
    return " AND ".join(clauses), args
