"""Find the passages that answer a question, with their citations.

The full pipeline: BM25 with synonym expansion and dense search each propose candidates; a convex combination
of their min-max normalised scores, weighted towards BM25, ranks them; the final list keeps one hit per paper
with the paper's other matching spans attached. ``mode`` selects a baseline for comparison: ``bm25`` (plain,
no synonyms), ``dense``, or ``hybrid`` (reciprocal rank fusion of the two, the usual recipe).
Why these choices, and what was measured and rejected (rerankers among them): docs/benchmarks.md.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from . import index as store
from . import stores
from .config import MODES, Settings
from .records import Passage

RRF_K = 60
# Share of BM25 in the full pipeline's fusion: BM25 is the stronger signal on biomedical questions here
# (drug and gene names the general-domain embedding model barely knows), dense adds paraphrase recall.
LEXICAL_WEIGHT = 0.7


class Searcher:
    """One index folder, loaded once and reloaded when a build publishes a new generation."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.index_dir = Path(settings.index_dir)
        self._store = None  # a LocalStore or a PgStore (rag/stores.py chooses by settings.store_url)
        self._held = None  # the store's identity when opened: its generation
        self._lock = threading.Lock()

    @property
    def store(self):
        held = self._store
        if held is not None and stores.is_current(held, self._held, self.settings):
            return held
        with self._lock:
            if self._store is None or not stores.is_current(self._store, self._held, self.settings):
                fresh = stores.open_store(self.settings)
                fresh.check_shape(self.settings.index_shape())
                self._store, self._held = fresh, stores.identity(fresh)
        return self._store

    @property
    def embedder(self):
        from .embed import get_embedder

        return get_embedder(self.settings.model, self.settings.threads)

    def search(
        self,
        query: str,
        k: int | None = None,
        mode: str | None = None,
        filters: dict[str, Any] | None = None,
        per_doc: int | None = None,
        synonyms: bool | None = None,
    ) -> list[Passage]:
        query = _clean_query(query)
        s = self.settings
        k = s.k if k is None else int(k)
        mode = (mode or s.mode).lower()
        per_doc = s.per_doc if per_doc is None else per_doc
        synonyms = s.synonyms if synonyms is None else synonyms
        if mode not in MODES:
            raise ValueError(f"unknown retrieval mode {mode!r}: use one of {', '.join(MODES)}")
        if k <= 0:
            return []
        st = self.store
        depth = max(s.candidates, k * 4)

        expand = synonyms and mode == "full"  # the baselines are plain
        qvec = self.embedder.encode_query(query) if mode != "bm25" else None
        with st.reading():  # every call below sees one state of the store (PostgreSQL: one snapshot)
            allowed = st.allowed_ids(filters)
            lexical = st.lexical_search(query, depth, allowed, expand) if mode != "dense" else []
            dense = st.dense_search(qvec, depth, allowed) if qvec is not None else []

            if mode == "bm25":
                ranked = lexical
            elif mode == "dense":
                ranked = dense
            elif mode == "hybrid":
                ranked = reciprocal_rank_fusion([lexical, dense])
            else:
                ranked = convex_fusion(lexical, dense, LEXICAL_WEIGHT)
            signals = _signals(lexical, dense)
            if qvec is not None and ranked:
                _add_cosine(st, qvec, ranked, signals)
            return self._passages(st, ranked, signals, k, per_doc)

    def _passages(self, st, ranked, signals, k, per_doc) -> list[Passage]:
        # Fetch in slices: enough candidates to fill k slots after the per-paper limit.
        out: list[Passage] = []
        by_doc: dict[str, Passage] = {}
        per_doc_count: dict[str, int] = {}
        step = max(k * 3, 30)
        for start in range(0, len(ranked), step):
            part = ranked[start:start + step]
            hits = st.fetch([cid for cid, _ in part])
            for cid, score in part:
                hit = hits.get(cid)
                if hit is None:
                    continue
                n = per_doc_count.get(hit.doc_id, 0)
                if per_doc == 1 and hit.doc_id in by_doc:
                    first = by_doc[hit.doc_id]
                    if len(first.more_spans) < 2:
                        first.more_spans.append({"chunk_id": cid, "char_start": hit.char_start,
                                                 "char_end": hit.char_end, "section": hit.section,
                                                 "page": hit.page, "text": hit.text})
                    continue
                if (per_doc > 1 and n >= per_doc) or len(out) >= k:
                    continue  # the rest of this slice may still add spans to papers already in
                p = Passage(doc_id=hit.doc_id, chunk_id=cid, text=hit.text, score=float(score),
                            citation=hit.citation, char_start=hit.char_start, char_end=hit.char_end,
                            signals=signals.get(cid, {}))
                out.append(p)
                by_doc.setdefault(hit.doc_id, p)
                per_doc_count[hit.doc_id] = n + 1
            if len(out) >= k:
                break
        return out


def reciprocal_rank_fusion(lists: list[list[tuple[int, float]]], k: int = RRF_K) -> list[tuple[int, float]]:
    scores: dict[int, float] = {}
    for ranked in lists:
        for rank, (cid, _) in enumerate(ranked):
            scores[cid] = scores.get(cid, 0.0) + 1.0 / (k + rank + 1)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def convex_fusion(lexical: list[tuple[int, float]], dense: list[tuple[int, float]], weight: float) -> list[tuple[int, float]]:
    """weight * BM25 + (1 - weight) * cosine, each min-max normalised over its own candidate list
    (a candidate one list did not propose scores that list's minimum)."""
    def normalised(ranked):
        if not ranked:
            return {}
        values = np.array([s for _, s in ranked], dtype=np.float64)
        lo, span = values.min(), values.max() - values.min()
        return {cid: (s - lo) / span if span > 0 else 1.0 for cid, s in ranked}

    lex, den = normalised(lexical), normalised(dense)
    fused = {cid: weight * lex.get(cid, 0.0) + (1 - weight) * den.get(cid, 0.0) for cid in lex.keys() | den.keys()}
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))


def _signals(lexical, dense) -> dict[int, dict[str, float]]:
    sig: dict[int, dict[str, float]] = {}
    for name, ranked in (("bm25", lexical), ("dense", dense)):
        for rank, (cid, score) in enumerate(ranked):
            sig.setdefault(cid, {})[f"{name}_score"] = float(score)
            sig[cid][f"{name}_rank"] = rank + 1
    return sig


def _add_cosine(st, qvec, ranked, signals) -> None:
    """Cosine similarity of the query to every candidate (also those only BM25 found): the calibrated strength."""
    ids = [cid for cid, _ in ranked]
    sims = st.vectors(ids) @ qvec
    for cid, sim in zip(ids, sims):
        signals.setdefault(cid, {})["cosine"] = float(sim)


def _clean_query(query: str) -> str:
    if not isinstance(query, str):
        raise TypeError(f"query must be a string, not {type(query).__name__}")
    q = " ".join(query.split())
    if not q:
        raise ValueError("the query is empty: ask a question or give search terms")
    return q


_searchers: dict[tuple, Searcher] = {}
_searchers_lock = threading.Lock()


def get_searcher(settings: Settings) -> Searcher:
    key = (str(Path(settings.index_dir).resolve()), settings.store_url, tuple(settings.index_shape().items()))
    with _searchers_lock:
        searcher = _searchers.get(key)
        if searcher is None:
            searcher = _searchers[key] = Searcher(settings)
        else:
            searcher.settings = settings
    return searcher


def retrieve(
    query: str,
    k: int = 5,
    index_dir: str | Path | None = None,
    *,
    mode: str | None = None,
    filters: dict[str, Any] | None = None,
    year_min: int | None = None,
    year_max: int | None = None,
    source_type: str | list[str] | None = None,
    per_doc: int | None = None,
    settings: Settings | None = None,
) -> list[Passage]:
    """The k best passages for a query, best first, each with its citation.

    mode: 'full' (default: BM25 with synonyms + dense, convex fusion), 'hybrid' (RRF), 'dense' or 'bm25'.
    Filters: year_min/year_max, source_type ('abstract', 'fulltext', 'trial', 'nci', or a list), and ``filters`` naming any metadata field
    (journal, pmid, doi, doc_id...). per_doc: passages per paper (1: one hit per paper, its other matching
    spans in ``more_spans``; 0: no limit). The index is loaded once per process and reused.
    """
    s = settings or Settings.load()
    if index_dir is not None:
        s = s.replace(index_dir=Path(index_dir))
    f = dict(filters or {})
    if year_min is not None:
        f["year_min"] = year_min
    if year_max is not None:
        f["year_max"] = year_max
    if source_type:
        f["source_type"] = source_type
    return get_searcher(s).search(query, k=k, mode=mode, filters=f or None, per_doc=per_doc)
