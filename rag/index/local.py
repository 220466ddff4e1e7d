"""The embedded store: a published generation opened read-only (FAISS, SQLite, BM25 postings in memory)."""

from __future__ import annotations

import functools
import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import numpy as np

from ..lexical.synonyms import EXPANSION_WEIGHT
from ..datatypes import Document
from .bm25 import LexicalIndex, RecordView
from .dense import read_dense, search_dense
from .generations import (DENSE, LEXICAL, META, IndexCorrupt, IndexMismatch, current_generation, read_manifest,
                          shape_difference)
from .rows import DOC_FIELDS, FETCH_COLUMNS, ChunkHit, filter_sql, row_to_document, row_to_hit

if TYPE_CHECKING:
    from ..outcomes import StudyOutcomes

# A filter that leaves at most this many chunks is searched exactly, whatever the index type.
EXACT_FILTERED_MAX = 50_000


class LocalStore:
    """A published generation, opened read-only: dense search, lexical search, filters and chunk lookup."""

    def __init__(self, gen: Path):
        self.path = Path(gen)
        self.manifest = read_manifest(self.path)
        # One connection, opened now and shared by every thread (SQLite's serialized mode; the file is read-only
        # and immutable): a generation deleted by a later build stays readable through it, where a connection
        # opened lazily by a new thread after the deletion would fail mid-query.
        self.db = sqlite3.connect(f"file:{self.path / META}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        try:
            # Reads the header: a damaged file says so now.
            self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as err:
            self.db.close()
            raise IndexCorrupt(self.path / META, err) from err
        # A keyword-only generation (built with lexical_only: its vectors are being embedded) has no FAISS file.
        self.dense_ready = not self.manifest.get("dense_pending")
        try:
            self.faiss = read_dense(self.path / DENSE) if self.dense_ready else None
        except IndexCorrupt:
            self.db.close()
            raise
        self.dense_kind = self.manifest.get("faiss", {"type": "flat"})

        self.lexical = LexicalIndex.load(self.path / LEXICAL)
        self._position = {int(c): i for i, c in enumerate(self.lexical.chunk_ids)}

    @property
    def size(self) -> int:
        return int(self.faiss.ntotal) if self.faiss is not None else self.lexical.n_live

    def identity(self) -> Path:
        return self.path

    def generation_name(self) -> str:
        return self.path.name

    def is_current(self, held: Any, settings) -> bool:
        return not settings.store_url and self.path == current_generation(settings.index_dir)

    def check_shape(self, shape: dict[str, Any]) -> None:
        diff = shape_difference(self.manifest["shape"], shape)
        if diff:
            raise IndexMismatch(
                f"the index at {self.path.parent} was built with other settings ({diff}); "
                f"update it with `rag build --index {self.path.parent}` (what did not change comes from the "
                f"embedding cache) or use matching settings"
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
        if self.faiss is None or self.size == 0 or k <= 0 or (allowed is not None and len(allowed) == 0):
            return []
        if allowed is not None and len(allowed) <= EXACT_FILTERED_MAX and self.dense_kind["type"] != "flat":
            # A narrow filter on an approximate index: the probed cells may hold too few allowed chunks;
            # exact scores over the allowed ones are cheap and complete.
            scores = self.vectors([int(i) for i in allowed]) @ vector
            top = np.argsort(-scores)[:k]
            return [(int(allowed[i]), float(scores[i])) for i in top]
        scores, ids = search_dense(self.faiss, self.dense_kind, vector, k, allowed)
        return [(int(i), float(s)) for i, s in zip(ids, scores, strict=True) if i >= 0]

    def lexical_search(self, query: str, k: int, allowed: np.ndarray | None = None, synonyms: bool = True,
                       expansion_weight: float = EXPANSION_WEIGHT) -> list[tuple[int, float]]:
        mask = None
        if allowed is not None:
            mask = np.zeros(len(self.lexical.chunk_ids), dtype=bool)
            mask[[self._position[int(c)] for c in allowed if int(c) in self._position]] = True
        return self.lexical.search(query, k, allowed=mask, synonyms=synonyms, expansion_weight=expansion_weight)

    @functools.cached_property
    def _records(self):
        """The lexical index seen by whole documents (built on first use: one pass over the chunk table)."""

        doc_no = dict(self.db.execute("SELECT chunk_id, doc_no FROM chunks").fetchall())
        doc_of = np.fromiter((doc_no.get(int(c), -1) for c in self.lexical.chunk_ids), dtype=np.int64,
                             count=len(self.lexical.chunk_ids))
        return RecordView(self.lexical, doc_of)

    def record_scores(self, query: str, chunk_ids: list[int], synonyms: bool = True, most_chunks: int = 0,
                      expansion_weight: float = EXPANSION_WEIGHT) -> dict[int, float]:
        """Each chunk's whole-document BM25 (rag/index/bm25.py RecordView): the score of its paper read as one record,
        0 for a paper longer than ``most_chunks`` chunks (when set)."""
        view = self._records
        positions = [self._position.get(int(c), -1) for c in chunk_ids]
        docs = np.array([view.doc_of[p] if p >= 0 else -1 for p in positions], dtype=np.int64)
        known = docs >= 0
        scores = np.zeros(len(chunk_ids))
        scores[known] = view.record_scores(query, docs[known], synonyms, most_chunks, expansion_weight)
        return {int(c): float(v) for c, v in zip(chunk_ids, scores, strict=True)}

    def vectors(self, chunk_ids: list[int]) -> np.ndarray:
        if self.faiss is None:
            raise RuntimeError(f"the index {self.path} has no vectors yet (keyword-only until its embedding is done)")
        if not chunk_ids:
            return np.zeros((0, self.manifest["dimension"]), np.float32)
        return np.vstack([self.faiss.reconstruct(int(i)) for i in chunk_ids])

    def embedding_inputs(self, chunk_ids: list[int]) -> list[str]:
        """What the model is given for these chunks (rag/embed.py embedding_input), in order: a keyword-only
        generation's readers embed the few passages they show."""
        from ..embed import embedding_input

        rows = dict((r[0], r[1:]) for r in self.db.execute(
            "SELECT c.chunk_id, d.title, c.section, c.text FROM chunks c JOIN documents d ON d.doc_no = c.doc_no "
            f"WHERE c.chunk_id IN ({','.join('?' * len(chunk_ids))})", [int(i) for i in chunk_ids]).fetchall())
        return [embedding_input(*rows[int(i)]) for i in chunk_ids]

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

    @functools.cached_property
    def _has_outcomes(self) -> bool:
        """Whether this generation stores outcome records (one built before they were stored does not)."""
        found = self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='outcomes'").fetchone()
        return found is not None

    def outcomes(self, doc_ids: list[str]) -> dict[str, StudyOutcomes]:
        """The stored outcome record of each indexed document among ``doc_ids`` (ids not found are left out)."""
        if not doc_ids or not self._has_outcomes:
            return {}
        rows = self.db.execute(
            "SELECT d.doc_id, o.record FROM outcomes o JOIN documents d ON d.doc_no = o.doc_no "
            "WHERE d.status='indexed' AND d.doc_id IN (SELECT value FROM json_each(?))", (json.dumps(list(doc_ids)),)
        ).fetchall()
        from ..outcomes import StudyOutcomes  # here: reading an index never needs the extractor

        return {doc_id: StudyOutcomes.from_json(json.loads(record)) for doc_id, record in rows}

    def documents_text(self) -> list[tuple[str, str | None, str, str | None]]:
        """(doc_id, pmid, text, title) of every indexed document (the answer evaluation's baseline reads them)."""
        return self.db.execute("SELECT doc_id, pmid, text, title FROM documents WHERE status='indexed' "
                               "ORDER BY doc_no").fetchall()

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """BM25 idf of each index token (a token the index does not know gets the idf of a single occurrence)."""
        return self.lexical.idf(tokens)

    def stats(self) -> dict[str, Any]:
        q = self.db.execute
        by_type = dict(q("SELECT source_type, COUNT(*) FROM documents WHERE status='indexed' "
                         "GROUP BY source_type").fetchall())
        levels = dict(q("SELECT json_extract(extra, '$.evidence.level'), COUNT(*) FROM documents "
                        "WHERE status='indexed' "
                        "GROUP BY 1").fetchall())
        notices = dict(q("SELECT json_extract(extra, '$.evidence.notice'), COUNT(*) FROM documents "
                         "WHERE status='indexed' AND json_extract(extra, '$.evidence.notice') IS NOT NULL "
                         "GROUP BY 1").fetchall())
        from ..study_type import EVIDENCE_LEVELS

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
            # documents with an outcome record, and those reporting at least one outcome value
            "outcomes": q("SELECT COUNT(*) FROM outcomes").fetchone()[0] if self._has_outcomes else 0,
            "outcomes_with_values": q("SELECT COUNT(*) FROM outcomes WHERE json_array_length(record, '$.outcomes') > 0"
                                      ).fetchone()[0] if self._has_outcomes else 0,
            "outcomes_version": self.manifest.get("outcomes_version"),
            "model": self.manifest["shape"]["model"],
            "shape_fingerprint": self.manifest.get("shape_fingerprint"),
            "dimension": self.manifest["dimension"],
            "faiss": self.manifest.get("faiss", {}).get("type"),
            "dense_pending": not self.dense_ready,  # keyword search only until the vectors are embedded
            "built": self.manifest.get("created"),
            "years": q("SELECT MIN(year), MAX(year) FROM documents WHERE status='indexed'").fetchone(),
        }

