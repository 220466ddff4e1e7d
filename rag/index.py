"""The on-disk index: FAISS vectors + SQLite metadata + BM25, in immutable generations swapped atomically.

Layout of an index folder::

    index/
      CURRENT            name of the live generation (replaced atomically with os.replace)
      gen-000007/        one complete, never-modified build
        manifest.json    model, dimension, chunking, FAISS type, counts (written last)
        meta.sqlite      files, documents (with text and citation fields), chunks (text, offsets, section, page)
        dense.faiss      vectors under stable chunk ids
        lexical/         BM25 postings in segments (shared with earlier generations by hard links)
      cache/             embeddings by (model fingerprint, text), shared by all generations
      tmp-*/             a build in progress (removed by the next build if that one crashed)
      .lock              held by the one build allowed at a time

Readers open the generation CURRENT names; a build writes a new generation beside it and only then
replaces CURRENT, so a crash at any moment leaves the previous index complete and loadable.
"""

from __future__ import annotations

import fcntl
import functools
import json
import os
import shutil
import sqlite3
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from .records import Chunk, Citation, Document, Section
from .vectors import search_dense

# A filter that leaves at most this many chunks is searched exactly, whatever the index type.
EXACT_FILTERED_MAX = 50_000

FORMAT_VERSION = 3  # 3: incremental BM25 postings (rag/lexical.py) instead of a bm25s index
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
META = "meta.sqlite"
DENSE = "dense.faiss"
LEXICAL = "lexical"

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
CREATE INDEX chunks_doc ON chunks(doc_no);
CREATE INDEX documents_path ON documents(source_path);
CREATE INDEX documents_id ON documents(doc_id);
"""

DOC_FIELDS = ("doc_id", "source_path", "source_type", "title", "authors", "year", "journal", "pmid", "doi",
              "pmcid", "nct_id", "url", "text", "sections", "extra", "text_sha", "status", "duplicate_of")
# Metadata fields a filter may name directly (besides year ranges and source type).
FILTERABLE = {"doc_id", "source_type", "year", "journal", "pmid", "doi", "pmcid", "nct_id", "source_path", "title"}


class IndexNotFound(FileNotFoundError):
    pass


class IndexMismatch(RuntimeError):
    """The index was built with other settings (model, chunking) than the ones in use."""


# --- generations and the CURRENT pointer -----------------------------------------------------------------


def current_generation(index_dir: Path) -> Path | None:
    pointer = Path(index_dir) / CURRENT
    try:
        name = pointer.read_text().strip()
    except FileNotFoundError:
        return None
    gen = Path(index_dir) / name
    return gen if (gen / MANIFEST).exists() else None


def read_manifest(gen: Path) -> dict[str, Any]:
    return json.loads((gen / MANIFEST).read_text())


def publish(index_dir: Path, staged: Path) -> Path:
    """Move a complete staged build into place and point CURRENT at it (the atomic step)."""
    index_dir = Path(index_dir)
    numbers = [int(p.name[4:]) for p in index_dir.glob("gen-*") if p.name[4:].isdigit()]
    gen = index_dir / f"gen-{max(numbers, default=0) + 1:06d}"
    _fsync_tree(staged)
    os.rename(staged, gen)
    tmp_pointer = index_dir / f"{CURRENT}.tmp"
    with open(tmp_pointer, "w") as f:
        f.write(gen.name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp_pointer, index_dir / CURRENT)
    _fsync_dir(index_dir)
    return gen


def collect_garbage(index_dir: Path, keep: int = 2) -> list[str]:
    """Remove crashed builds' leftovers and generations older than the last ``keep`` (call under the build lock)."""
    index_dir = Path(index_dir)
    removed = []
    for p in index_dir.glob("tmp-*"):
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p.name)
    live = current_generation(index_dir)
    gens = sorted(p for p in index_dir.glob("gen-*") if p.is_dir())
    # Readers that loaded an older generation keep working: FAISS and BM25 are in memory, SQLite holds its inode.
    for p in gens[:-keep]:
        if live is None or p.resolve() != live.resolve():
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p.name)
    return removed


@contextmanager
def build_lock(index_dir: Path, wait: bool = True, on_wait=None) -> Iterator[None]:
    """One build at a time per index folder; the OS releases the lock if the build is killed. ``on_wait(msg)``
    is told when this build has to wait for another."""
    Path(index_dir).mkdir(parents=True, exist_ok=True)
    with open(Path(index_dir) / ".lock", "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            if not wait:
                raise RuntimeError(f"another build is running on {index_dir}") from err
            if on_wait:
                on_wait(f"another build is running on {index_dir}: waiting for it to finish")
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _fsync_tree(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_file():
            with open(p, "rb") as f:
                os.fsync(f.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- writing a generation --------------------------------------------------------------------------------


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
    finally:
        db.close()
    return files, docs


# --- reading a generation ---------------------------------------------------------------------------------


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


def shape_difference(built: dict[str, Any], wanted: dict[str, Any]) -> str:
    """What differs between the settings an index was built with and the settings asked for ('' if nothing)."""
    return ", ".join(f"{k}: index {built.get(k)!r} vs settings {wanted.get(k)!r}"
                     for k in wanted if built.get(k) != wanted.get(k))


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


class LocalStore:
    """A published generation, opened read-only: dense search, lexical search, filters and chunk lookup."""

    def __init__(self, gen: Path):
        import faiss

        self.path = Path(gen)
        self.manifest = read_manifest(self.path)
        # One connection, opened now and shared by every thread (SQLite's serialized mode; the file is read-only
        # and immutable): a generation deleted by a later build stays readable through it, where a connection
        # opened lazily by a new thread after the deletion would fail mid-query.
        self.db = sqlite3.connect(f"file:{self.path / META}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self.faiss = faiss.read_index(str(self.path / DENSE))
        self.dense_kind = self.manifest.get("faiss", {"type": "flat"})
        from .lexical import LexicalIndex

        self.lexical = LexicalIndex.load(self.path / LEXICAL)
        self._position = {int(c): i for i, c in enumerate(self.lexical.chunk_ids)}

    @property
    def size(self) -> int:
        return int(self.faiss.ntotal)

    def check_shape(self, shape: dict[str, Any]) -> None:
        diff = shape_difference(self.manifest["shape"], shape)
        if diff:
            raise IndexMismatch(
                f"the index at {self.path.parent} was built with other settings ({diff}); "
                f"rebuild it with `rag build --rebuild --index {self.path.parent}` or use matching settings"
            )

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One search's calls see one state: a published generation never changes, so nothing to hold."""
        yield

    def allowed_ids(self, filters: dict[str, Any] | None) -> np.ndarray | None:
        """Chunk ids whose documents pass the filters (None: no filter)."""
        if not filters:
            return None
        where, args = filter_sql(filters)
        rows = self.db.execute(
            f"SELECT c.chunk_id FROM chunks c JOIN documents d ON d.doc_no = c.doc_no WHERE {where}", args
        ).fetchall()
        return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))

    def dense_search(self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        if self.size == 0 or k <= 0 or (allowed is not None and len(allowed) == 0):
            return []
        if allowed is not None and len(allowed) <= EXACT_FILTERED_MAX and self.dense_kind["type"] != "flat":
            # A narrow filter on an approximate index: the probed cells may hold too few allowed chunks;
            # exact scores over the allowed ones are cheap and complete.
            scores = self.vectors([int(i) for i in allowed]) @ vector
            top = np.argsort(-scores)[:k]
            return [(int(allowed[i]), float(scores[i])) for i in top]
        scores, ids = search_dense(self.faiss, self.dense_kind, vector, k, allowed)
        return [(int(i), float(s)) for i, s in zip(ids, scores) if i >= 0]

    def lexical_search(self, query: str, k: int, allowed: np.ndarray | None = None, synonyms: bool = True) -> list[tuple[int, float]]:
        mask = None
        if allowed is not None:
            mask = np.zeros(len(self.lexical.chunk_ids), dtype=bool)
            mask[[self._position[int(c)] for c in allowed if int(c) in self._position]] = True
        return self.lexical.search(query, k, allowed=mask, synonyms=synonyms)

    @functools.cached_property
    def _records(self):
        """The lexical index seen by whole documents (built on first use: one pass over the chunk table)."""
        from .lexical import RecordView

        doc_no = dict(self.db.execute("SELECT chunk_id, doc_no FROM chunks").fetchall())
        doc_of = np.fromiter((doc_no.get(int(c), -1) for c in self.lexical.chunk_ids), dtype=np.int64,
                             count=len(self.lexical.chunk_ids))
        return RecordView(self.lexical, doc_of)

    def record_scores(self, query: str, chunk_ids: list[int], synonyms: bool = True,
                      most_chunks: int = 0) -> dict[int, float]:
        """Each chunk's whole-document BM25 (rag/lexical.py RecordView): the score of its paper read as one record,
        0 for a paper longer than ``most_chunks`` chunks (when set)."""
        view = self._records
        positions = [self._position.get(int(c), -1) for c in chunk_ids]
        docs = np.array([view.doc_of[p] if p >= 0 else -1 for p in positions], dtype=np.int64)
        known = docs >= 0
        scores = np.zeros(len(chunk_ids))
        scores[known] = view.record_scores(query, docs[known], synonyms, most_chunks)
        return {int(c): float(v) for c, v in zip(chunk_ids, scores)}

    def vectors(self, chunk_ids: list[int]) -> np.ndarray:
        return np.vstack([self.faiss.reconstruct(int(i)) for i in chunk_ids]) if chunk_ids else np.zeros((0, self.manifest["dimension"]), np.float32)

    def fetch(self, chunk_ids: list[int]) -> dict[int, ChunkHit]:
        if not chunk_ids:
            return {}
        rows = self.db.execute(
            f"SELECT {FETCH_COLUMNS} FROM chunks c JOIN documents d ON d.doc_no = c.doc_no "
            f"WHERE c.chunk_id IN ({','.join('?' * len(chunk_ids))})",
            [int(i) for i in chunk_ids],
        ).fetchall()
        return {int(row[0]): row_to_hit(row) for row in rows}

    def document(self, doc_id: str) -> Document | None:
        row = self.db.execute(
            f"SELECT {', '.join(DOC_FIELDS)} FROM documents WHERE doc_id=? AND status='indexed'", (doc_id,)
        ).fetchone()
        return row_to_document(row) if row else None

    def documents_text(self) -> list[tuple[str, str | None, str, str | None]]:
        """(doc_id, pmid, text, title) of every indexed document (the answer evaluation's baseline reads them)."""
        return self.db.execute("SELECT doc_id, pmid, text, title FROM documents WHERE status='indexed' "
                               "ORDER BY doc_no").fetchall()

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """BM25 idf of each index token (a token the index does not know gets the idf of a single occurrence)."""
        return self.lexical.idf(tokens)

    def stats(self) -> dict[str, Any]:
        q = self.db.execute
        by_type = dict(q("SELECT source_type, COUNT(*) FROM documents WHERE status='indexed' GROUP BY source_type").fetchall())
        levels = dict(q("SELECT json_extract(extra, '$.evidence.level'), COUNT(*) FROM documents WHERE status='indexed' "
                        "GROUP BY 1").fetchall())
        notices = dict(q("SELECT json_extract(extra, '$.evidence.notice'), COUNT(*) FROM documents "
                         "WHERE status='indexed' AND json_extract(extra, '$.evidence.notice') IS NOT NULL GROUP BY 1").fetchall())
        from .evidence import EVIDENCE_LEVELS

        return {
            "generation": self.path.name,
            "documents": sum(by_type.values()),
            "documents_by_type": by_type,
            "documents_by_evidence": {level: levels[level] for level in EVIDENCE_LEVELS if level in levels},
            "notices": notices,  # retracted, retraction notice, expression of concern, erratum
            "duplicates": q("SELECT COUNT(*) FROM documents WHERE status='duplicate'").fetchone()[0],
            "chunks": self.size,
            "files": q("SELECT COUNT(*) FROM files").fetchone()[0],
            "skipped_files": q("SELECT COUNT(*) FROM files WHERE status='skipped'").fetchone()[0],
            "model": self.manifest["shape"]["model"],
            "dimension": self.manifest["dimension"],
            "faiss": self.manifest.get("faiss", {}).get("type"),
            "built": self.manifest.get("created"),
            "years": q("SELECT MIN(year), MAX(year) FROM documents WHERE status='indexed'").fetchone(),
        }

def row_to_document(row: tuple) -> Document:
    r = dict(zip(DOC_FIELDS, row))
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
        elif key in EVIDENCE_FILTERS:  # kept in the document's JSON extra (rag/evidence.py)
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
