"""Writing a generation: the SQLite tables a build stages in tmp-*/ before publishing, and what an incremental
build reads back from the previous generation."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from ..datatypes import Chunk, Document
from .bm25 import LexicalIndex
from .dense import build_dense, dense_ids, read_dense, update_dense
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


@dataclass(frozen=True)
class ChunkRow:
    """A staged chunk as the search indexes need it: what the model embeds (title, section, text) and the BM25
    tokens the build stored."""

    chunk_id: int
    title: str | None
    section: str
    text: str
    tokens: list[str]


class GenerationWriter:
    """Stages a new generation in tmp-*/ ; nothing is visible to readers until publish(). The write side of the
    local store: rows (documents, chunks, outcomes, files), then its search indexes (write_search_indexes), then
    finish(). A PostgreSQL store is written from a published generation (postgres_sync.py)."""

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
        self.db.execute("INSERT INTO documents SELECT * FROM prev.documents "
                        "WHERE doc_no IN (SELECT doc_no FROM keep_docs)")
        self.db.execute("INSERT INTO chunks SELECT * FROM prev.chunks WHERE doc_no IN (SELECT doc_no FROM keep_chunks)")
        if self.db.execute("SELECT 1 FROM prev.sqlite_master WHERE type='table' AND name='outcomes'").fetchone():
            # (an index built before outcomes were stored has none: every document is then extracted)
            self.db.execute("INSERT INTO outcomes SELECT doc_no, version, record FROM prev.outcomes "
                            "WHERE doc_no IN (SELECT doc_no FROM keep_docs)")
        self.db.commit()
        self.db.execute("DETACH DATABASE prev")

    def set_status(self, doc_no: int, status: str, duplicate_of: str | None, extra: dict | None = None,
                   **fields: Any) -> None:
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
            f"INSERT INTO documents (doc_no, {', '.join(DOC_FIELDS)}) "
            f"VALUES ({', '.join('?' * (len(DOC_FIELDS) + 1))})",
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
                for i, (c, tokens) in enumerate(zip(chunks, lexical_tokens, strict=True))
            ],
        )

    def add_outcomes(self, doc_no: int, version: str, record: dict[str, Any]) -> None:
        """Add or replace a document's outcome record (a StudyOutcomes.to_json())."""
        self.db.execute("INSERT OR REPLACE INTO outcomes VALUES (?,?,?)", (doc_no, version, json.dumps(record)))

    def outcomes_missing(self, version: str) -> list[int]:
        """The indexed documents whose outcome record is missing, of another extractor version, or no longer
        names the document as it is now (its doc_id, or a PMID filled from a duplicate since). Rows of documents
        no longer indexed (duplicates now) are dropped on the way."""
        self.db.execute("DELETE FROM outcomes "
                        "WHERE doc_no NOT IN (SELECT doc_no FROM documents WHERE status='indexed')")
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

    def chunk_rows(self, ids: np.ndarray | None = None) -> list[ChunkRow]:
        """The rows of these chunks (default: all), in id order."""
        sql = ("SELECT c.chunk_id, d.title, c.section, c.text, c.lexical_tokens FROM chunks c "
               "JOIN documents d ON d.doc_no = c.doc_no")
        if ids is None:
            rows = self.db.execute(sql + " ORDER BY c.chunk_id").fetchall()
        else:
            rows, ids = [], [int(i) for i in ids]
            for i in range(0, len(ids), 900):  # SQLite's limit on bound parameters
                part = ids[i:i + 900]
                rows += self.db.execute(sql + f" WHERE c.chunk_id IN ({','.join('?' * len(part))})", part).fetchall()
            rows.sort()
        return [ChunkRow(int(cid), title, section, text, tokens.split()) for cid, title, section, text, tokens in rows]

    def write_search_indexes(self, previous: Path | None, previous_manifest: dict[str, Any],
                             embed: Callable[[list[ChunkRow], int], tuple[np.ndarray, int]] | None) -> int:
        """The staged chunks' BM25 and FAISS indexes, updated from the previous generation's where it has them
        (its postings and vectors kept, the chunks that went removed, the new ones added: the cost follows the
        change), else built. ``embed(rows, dimension)`` gives the vectors of the rows it is handed; without it the
        generation is keyword-only (no FAISS file; its manifest says "dense_pending"). Returns the vectors'
        dimension (the previous one, or 0, when none were made)."""
        ids = self.chunk_ids()
        dimension = int(previous_manifest.get("dimension") or 0)
        self._lexical = self._updated_lexical(previous, ids) if previous is not None else None
        if self._lexical is None:
            self._lexical = LexicalIndex.build([r.tokens for r in self.chunk_rows()], ids)
        self._dense = None
        if embed is None:
            return dimension
        if previous is not None and not previous_manifest.get("dense_pending"):
            held_index = read_dense(previous / DENSE)
            held = dense_ids(held_index)
            new = ~np.isin(ids, held)
            vectors, dimension = embed(self.chunk_rows(ids[new]), dimension)
            self._dense = update_dense(held_index, previous_manifest.get("faiss", {"type": "flat"}),
                                       np.setdiff1d(held, ids), vectors, ids[new], len(ids))
        if self._dense is None:  # nothing to update, or the index must change type: built afresh (vectors cached)
            vectors, dimension = embed(self.chunk_rows(), dimension)
            self._dense = build_dense(vectors, ids, dimension)
        return dimension

    def _updated_lexical(self, previous: Path, ids: np.ndarray) -> LexicalIndex:
        """The previous generation's BM25 postings plus a segment for the chunks it lacks, less those gone (a
        keyword-only previous generation has postings and no vectors: the two are updated apart)."""
        held_lexical = LexicalIndex.load(previous / LEXICAL)
        held = held_lexical.chunk_ids[held_lexical.live]
        new = ~np.isin(ids, held)
        return held_lexical.updated([r.tokens for r in self.chunk_rows(ids[new])], ids[new], np.setdiff1d(held, ids))

    def finish(self, manifest: dict[str, Any]) -> Path:
        """Write FAISS and BM25 (write_search_indexes made them) and the manifest (last). Returns the staged
        folder, ready for publish()."""
        import faiss

        self.db.commit()
        self.db.execute("ANALYZE")
        self.db.close()
        dense_kind = {"type": "pending"}
        if self._dense is not None:  # None: a keyword-only generation (manifest "dense_pending")
            faiss.write_index(self._dense[0], str(self.path / DENSE))
            dense_kind = self._dense[1]
        self._lexical.save(self.path / LEXICAL)
        manifest = {**manifest, "faiss": dense_kind, "dense_pending": self._dense is None, "format": FORMAT_VERSION,
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
        rows = db.execute("SELECT path, sha256, status, reason FROM files")
        files = {p: (sha, status, reason) for p, sha, status, reason in rows}
        cols = ("doc_no", "doc_id", "source_type", "source_path", "text_sha", "text_len", "title", "text_kind",
                "pmid", "doi", "pmcid", "nct_id", "url", "status", "duplicate_of")
        docs = [
            dict(zip(cols, row, strict=True))
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
