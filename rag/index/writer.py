"""Writing a generation: the SQLite tables a build stages in tmp-*/ before publishing, and what an incremental
build reads back from the previous generation."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
import uuid
from pathlib import Path
from typing import Any

import numpy as np

from ..datatypes import Chunk, Document
from .generations import DENSE, FORMAT_VERSION, LEXICAL, MANIFEST, META, IndexCorrupt
from .rows import DOC_FIELDS, row_to_document

SCHEMA = """
CREATE TABLE files (
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER, status TEXT NOT NULL, reason TEXT, n_docs INTEGER
);
CREATE TABLE documents (
    doc_no INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, source_path TEXT NOT NULL, source_type TEXT NOT NULL,
    title TEXT, authors TEXT, year INTEGER, journal TEXT, pmid TEXT, doi TEXT, pmcid TEXT, nct_id TEXT, url TEXT,
    text TEXT NOT NULL, sections TEXT NOT NULL, extra TEXT NOT NULL, text_sha TEXT NOT NULL,
    status TEXT NOT NULL,         -- 'indexed', or 'duplicate' (another copy of the same paper serves)
    duplicate_of TEXT             -- doc_id of the copy that serves
);
CREATE TABLE chunks (
    chunk_id INTEGER PRIMARY KEY, doc_no INTEGER NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL,
    char_start INTEGER, char_end INTEGER, section TEXT, page INTEGER, page_end INTEGER, n_tokens INTEGER,
    lexical_tokens TEXT NOT NULL  -- BM25 tokens, kept so an update re-tokenises only new chunks
);
CREATE TABLE outcomes (          -- each indexed document's trial outcomes (rag/outcomes/), beside its chunks
    doc_no INTEGER PRIMARY KEY, version TEXT NOT NULL,  -- the EXTRACTOR_VERSION that read it
    record TEXT NOT NULL          -- StudyOutcomes.to_json()
);
CREATE INDEX chunks_doc ON chunks(doc_no);
CREATE INDEX documents_path ON documents(source_path);
CREATE INDEX documents_id ON documents(doc_id);
"""


class GenerationWriter:
    """Stages a new generation in tmp-*/ ; nothing is visible to readers until publish()."""

    def __init__(self, index_dir: Path):
        self.index_dir = Path(index_dir)
        self.path = self.index_dir / f"tmp-{uuid.uuid4().hex[:12]}"
        self.path.mkdir(parents=True)
        self.db = sqlite3.connect(self.path / META)
        self.db.execute("PRAGMA journal_mode=OFF")  # a crashed staging folder is thrown away whole
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.executescript(SCHEMA)

    def copy_documents(self, previous: Path, doc_nos: list[int], with_chunks: set[int]) -> None:
        """Carry unchanged documents (and the chunks of those still indexed) over from the previous generation."""
        self.db.execute("ATTACH DATABASE ? AS prev", (f"file:{previous / META}?mode=ro",))
        self.db.execute("CREATE TEMP TABLE keep_docs (doc_no INTEGER PRIMARY KEY)")
        self.db.execute("CREATE TEMP TABLE keep_chunks (doc_no INTEGER PRIMARY KEY)")
        self.db.executemany("INSERT INTO keep_docs VALUES (?)", [(n,) for n in doc_nos])
        self.db.executemany("INSERT INTO keep_chunks VALUES (?)", [(n,) for n in with_chunks])
        self.db.execute("INSERT INTO documents SELECT * FROM prev.documents WHERE doc_no IN (SELECT doc_no FROM keep_docs)")
        self.db.execute("INSERT INTO chunks SELECT * FROM prev.chunks WHERE doc_no IN (SELECT doc_no FROM keep_chunks)")
        if self.db.execute("SELECT 1 FROM prev.sqlite_master WHERE type='table' AND name='outcomes'").fetchone():
            # (an index built before outcomes were stored has none: every document is then extracted)
            self.db.execute("INSERT INTO outcomes SELECT doc_no, version, record FROM prev.outcomes "
                            "WHERE doc_no IN (SELECT doc_no FROM keep_docs)")
        self.db.commit()
        self.db.execute("DETACH DATABASE prev")

    def set_status(self, doc_no: int, status: str, duplicate_of: str | None, extra: dict | None = None, **fields: Any) -> None:
        sets = {"status": status, "duplicate_of": duplicate_of, **fields}
        if extra is not None:
            sets["extra"] = json.dumps(extra)
        self.db.execute(
            f"UPDATE documents SET {', '.join(k + '=?' for k in sets)} WHERE doc_no=?", [*sets.values(), doc_no]
        )

    def drop_chunks(self, doc_no: int) -> None:
        self.db.execute("DELETE FROM chunks WHERE doc_no=?", (doc_no,))

    def add_document(self, doc_no: int, doc: Document, text_sha: str, status: str, duplicate_of: str | None) -> None:
        self.db.execute(
            f"INSERT INTO documents (doc_no, {', '.join(DOC_FIELDS)}) VALUES ({', '.join('?' * (len(DOC_FIELDS) + 1))})",
            (
                doc_no, doc.doc_id, doc.source_path, doc.source_type, doc.title, json.dumps(doc.authors), doc.year,
                doc.journal, doc.pmid, doc.doi, doc.pmcid, doc.nct_id, doc.url, doc.text,
                json.dumps([s.__dict__ for s in doc.sections]), json.dumps(doc.extra, default=str), text_sha,
                status, duplicate_of,
            ),
        )

    def add_chunks(self, doc_no: int, chunks: list[Chunk], first_id: int, lexical_tokens: list[list[str]]) -> None:
        self.db.executemany(
            "INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (first_id + i, doc_no, c.ordinal, c.text, c.char_start, c.char_end, c.section, c.page, c.page_end,
                 c.n_tokens, " ".join(tokens))
                for i, (c, tokens) in enumerate(zip(chunks, lexical_tokens))
            ],
        )

    def add_outcomes(self, doc_no: int, version: str, record: dict[str, Any]) -> None:
        """Add or replace a document's outcome record (a StudyOutcomes.to_json())."""
        self.db.execute("INSERT OR REPLACE INTO outcomes VALUES (?,?,?)", (doc_no, version, json.dumps(record)))

    def outcomes_missing(self, version: str) -> list[int]:
        """The indexed documents whose outcome record is missing, of another extractor version, or no longer
        names the document as it is now (its doc_id, or a PMID filled from a duplicate since). Rows of documents
        no longer indexed (duplicates now) are dropped on the way."""
        self.db.execute("DELETE FROM outcomes WHERE doc_no NOT IN (SELECT doc_no FROM documents WHERE status='indexed')")
        return [r[0] for r in self.db.execute(
            "SELECT d.doc_no FROM documents d LEFT JOIN outcomes o ON o.doc_no = d.doc_no WHERE d.status='indexed' "
            "AND (o.doc_no IS NULL OR o.version IS NOT ? OR json_extract(o.record, '$.doc_id') IS NOT d.doc_id "
            "OR json_extract(o.record, '$.pmid') IS NOT d.pmid) ORDER BY d.doc_no", (version,))]

    def add_files(self, rows: list[tuple[str, str, int, str, str | None, int]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?)", rows)

    def document(self, doc_no: int) -> Document:
        row = self.db.execute(f"SELECT {', '.join(DOC_FIELDS)} FROM documents WHERE doc_no=?", (doc_no,)).fetchone()
        return row_to_document(row)

    def chunk_ids(self) -> np.ndarray:
        """The ids of every chunk, in order."""
        return np.array([r[0] for r in self.db.execute("SELECT chunk_id FROM chunks ORDER BY chunk_id")],
                        dtype=np.int64)

    def chunk_rows(self, ids: np.ndarray | None = None) -> list[tuple[int, str | None, str, str, str]]:
        """(chunk_id, title, section, text, lexical tokens) of these chunks (default: all), in id order."""
        sql = ("SELECT c.chunk_id, d.title, c.section, c.text, c.lexical_tokens FROM chunks c "
               "JOIN documents d ON d.doc_no = c.doc_no")
        if ids is None:
            return self.db.execute(sql + " ORDER BY c.chunk_id").fetchall()
        rows: list[tuple] = []
        ids = [int(i) for i in ids]
        for i in range(0, len(ids), 900):  # SQLite's limit on bound parameters
            part = ids[i:i + 900]
            rows += self.db.execute(sql + f" WHERE c.chunk_id IN ({','.join('?' * len(part))})", part).fetchall()
        return sorted(rows)

    def finish(self, dense, dense_kind: dict[str, Any], lexical, manifest: dict[str, Any]) -> Path:
        """Write FAISS, BM25 (a lexical.LexicalIndex) and the manifest (last). Returns the staged folder, ready
        for publish()."""
        import faiss

        self.db.commit()
        self.db.execute("ANALYZE")
        self.db.close()
        if dense is not None:  # None: a keyword-only generation (manifest "dense_pending")
            faiss.write_index(dense, str(self.path / DENSE))
        lexical.save(self.path / LEXICAL)
        manifest = {**manifest, "faiss": dense_kind, "format": FORMAT_VERSION,
                    "created": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        (self.path / MANIFEST).write_text(json.dumps(manifest, indent=2))
        return self.path

    def abandon(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass
        shutil.rmtree(self.path, ignore_errors=True)


def previous_state(gen: Path) -> tuple[dict[str, tuple[str, str, str | None]], list[dict[str, Any]]]:
    """What an incremental build needs of the previous generation: files (path -> sha, status, reason) and
    the identifying fields of every document (no texts)."""
    db = sqlite3.connect(f"file:{gen / META}?mode=ro&immutable=1", uri=True)
    try:
        files = {p: (sha, status, reason) for p, sha, status, reason in db.execute("SELECT path, sha256, status, reason FROM files")}
        cols = ("doc_no", "doc_id", "source_type", "source_path", "text_sha", "text_len", "title", "text_kind",
                "pmid", "doi", "pmcid", "nct_id", "url", "status", "duplicate_of")
        docs = [
            dict(zip(cols, row))
            for row in db.execute(
                "SELECT doc_no, doc_id, source_type, source_path, text_sha, length(text), title, "
                "json_extract(extra, '$.text_kind'), pmid, doi, pmcid, nct_id, url, status, duplicate_of FROM documents"
            )
        ]
    except sqlite3.DatabaseError as err:  # a damaged file: say which, and that a rebuild replaces it
        raise IndexCorrupt(gen / META, err) from err
    finally:
        db.close()
    return files, docs
