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

from .config import MAX_QUESTION_CHARS, MODES, Settings, check_k
from .study_type import EVIDENCE_LEVELS, STUDY_TYPES
from .index import Store, open_store
from .index.shape import index_fingerprint, index_shape
from .index.rows import FILTERABLE
from .lexical.tokens import normalize, tokenize
from .datatypes import SOURCE_TYPES, Passage

class Library:
    """One index (a folder, or a PostgreSQL store), opened once per process and reopened when a build publishes a
    new generation; shared by every Searcher of that index, whatever their other settings."""

    def __init__(self, settings: Settings):
        self.settings = settings  # where the index is and the shape it must have: the same for every sharer
        self._store: Store | None = None  # a Store (rag/index/store.py opens the kind settings.store_url names)
        self._held = None  # the store's identity when opened: its generation
        self._lock = threading.Lock()

    @property
    def store(self) -> Store:
        held = self._store
        if held is not None and held.is_current(self._held, self.settings):
            return held
        with self._lock:
            if self._store is None or not self._store.is_current(self._held, self.settings):
                fresh = open_store(self.settings)
                fresh.check_shape(index_shape(self.settings))
                self._store, self._held = fresh, fresh.identity()
        return self._store

    def forget(self) -> None:
        """Open the store again on next use, as a fresh process would."""
        with self._lock:
            self._store = self._held = None


class Searcher:
    """Searches one index with one set of settings (k, mode, per_doc... never changed by other callers)."""

    def __init__(self, settings: Settings, library: Library | None = None):
        self.settings = settings
        self.index_dir = Path(settings.index_dir)
        self.library = library or Library(settings)

    @property
    def store(self):
        return self.library.store

    @property
    def embedder(self):
        from .embed import get_embedder

        # Questions are encoded by the model's ONNX export (no torch in a searching process; rag/onnx_model.py).
        return get_embedder(self.settings.model, self.settings.threads, onnx=True, index_dir=self.index_dir)

    def search(
        self,
        query: str,
        k: int | None = None,
        mode: str | None = None,
        filters: dict[str, Any] | None = None,
        per_doc: int | None = None,
        synonyms: bool | None = None,
        store=None,
    ) -> list[Passage]:
        query = _clean_query(query)
        s = self.settings
        k = s.k if k is None else check_k(k)
        if not isinstance(mode, (str, type(None))):
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        mode = (mode or s.mode).lower()
        per_doc = s.per_doc if per_doc is None else _whole(per_doc, "per_doc", "a whole number (0: no limit)")
        if per_doc < 0:
            raise ValueError(f"per_doc must be 0 (no limit) or more, got {per_doc}")
        filters = check_filters(filters)
        synonyms = s.synonyms if synonyms is None else synonyms
        if mode not in MODES:
            raise ValueError(f"unknown retrieval mode {mode!r}: use one of {', '.join(MODES)}")
        st = store or self.store  # a caller that pins one generation passes it
        depth = max(s.candidates, k * 4)

        expand = synonyms and mode == "full"  # the baselines are plain
        # A keyword-only index (its vectors still being embedded): every mode searches by keyword; the question
        # is still encoded, for the cosines of the passages shown (what the answer decides on).
        dense_ready = st.dense_ready
        qvec = self.embedder.encode_query(query) if mode != "bm25" or not dense_ready else None
        with st.reading():  # every call below sees one state of the store (PostgreSQL: one snapshot)
            allowed = st.allowed_ids(filters)
            lexical = st.lexical_search(query, depth, allowed, expand, s.expansion_weight) \
                if mode != "dense" or not dense_ready else []
            dense = st.dense_search(qvec, depth, allowed) if qvec is not None and dense_ready else []

            if mode == "bm25":
                ranked = lexical
            elif mode == "dense":
                ranked = dense
            elif mode == "hybrid":
                ranked = reciprocal_rank_fusion([lexical, dense], s.rrf_k)
            else:
                # BM25 weighs more: drug and gene names, which the general-domain embedding model barely
                # knows, carry biomedical questions; dense adds paraphrase recall (Settings.lexical_weight).
                ranked = convex_fusion(lexical, dense, s.lexical_weight)
            signals = _signals(lexical, dense)
            if mode == "full" and s.record_weight > 0 and ranked:
                ranked = _add_records(st, query, ranked, signals, expand, s)
            if mode == "full" and s.reranker and ranked:
                from .rerank import rerank

                ranked = rerank(st, query, ranked, signals, s.reranker, s.rerank_depth)
            if mode == "dense" and not dense_ready:
                ranked = lexical
            if qvec is not None and ranked and dense_ready:
                _add_cosine(st, qvec, ranked, signals)
            passages = self._passages(st, ranked, signals, k, per_doc)
            if qvec is not None and not dense_ready:
                self._embed_shown(st, qvec, passages)
            return passages

    def _embed_shown(self, st, qvec: np.ndarray, passages: list[Passage]) -> None:
        """Cosines of the passages shown, embedded now: a keyword-only index stores no vectors (a few passages
        cost a fraction of a second)."""
        if not passages:
            return
        vectors = self.embedder.encode(st.embedding_inputs([p.chunk_id for p in passages]))
        for p, sim in zip(passages, vectors @ qvec, strict=True):
            p.signals["cosine"] = float(sim)

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


def reciprocal_rank_fusion(lists: list[list[tuple[int, float]]], k: int) -> list[tuple[int, float]]:
    scores: dict[int, float] = {}
    for ranked in lists:
        for rank, (cid, _) in enumerate(ranked):
            scores[cid] = scores.get(cid, 0.0) + 1.0 / (k + rank + 1)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def convex_fusion(lexical: list[tuple[int, float]], dense: list[tuple[int, float]],
                  weight: float) -> list[tuple[int, float]]:
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


def _add_records(st: Store, query: str, ranked, signals, synonyms: bool, s: Settings):
    """The record as a unit: each candidate's paper scored whole by BM25 (abstract-sized papers only), scaled to
    the best candidate's and added with ``s.record_weight``. A question's words spread over two chunks of one abstract
    then count together, as they do for a reader."""
    records = st.record_scores(query, [cid for cid, _ in ranked], synonyms, s.record_chunks, s.expansion_weight)
    best = max(records.values(), default=0.0)
    if best <= 0:
        return ranked
    for cid, score in records.items():
        signals.setdefault(cid, {})["record_score"] = score
    rescored = [(cid, score + s.record_weight * records.get(cid, 0.0) / best) for cid, score in ranked]
    return sorted(rescored, key=lambda kv: (-kv[1], kv[0]))


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
    for cid, sim in zip(ids, sims, strict=True):
        signals.setdefault(cid, {})["cosine"] = float(sim)


def _whole(value: Any, name: str, what: str) -> int:
    """An int from an int or a string of digits (as a form or a URL gives it); ValueError naming the argument."""
    if isinstance(value, (list, tuple)) and len(value) == 1:  # `--filter year_min=2024` arrives as a list
        value = value[0]
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().lstrip("-").isdigit():
        raise ValueError(f"{name} must be {what}, got {value!r}")
    return int(str(value).strip())


_CHOICES = {"source_type": SOURCE_TYPES, "evidence": tuple(EVIDENCE_LEVELS), "study_type": tuple(STUDY_TYPES)}


def check_filters(filters: dict[str, Any] | None) -> dict[str, Any] | None:
    """Filters checked and normalised before any store sees them: years as ints (year_min <= year_max), source
    types among SOURCE_TYPES, other fields among the filterable ones with text or number values. ValueError
    with the reason otherwise."""
    if not filters:
        return None
    if not isinstance(filters, dict):
        raise ValueError(f"filters must be a mapping of field to value, got {type(filters).__name__}")
    out: dict[str, Any] = {}
    for key, value in filters.items():
        if value is None or value == "" or value == []:
            continue
        if key in ("year_min", "year_max"):
            year = _whole(value, key, "a year such as 2015")
            if not 1000 <= year <= 2999:
                raise ValueError(f"{key} must be a year such as 2015, got {year}")
            out[key] = year
        elif key in _CHOICES:  # source_type, evidence, study_type: one or a list of known values
            allowed = _CHOICES[key]
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, (list, tuple, set)) or not all(isinstance(v, str) for v in values):
                raise ValueError(f"{key} must be one or a list of: {', '.join(allowed)}; got {value!r}")
            unknown = sorted(set(values) - set(allowed))
            if unknown:
                raise ValueError(f"unknown {key.replace('_', ' ')} {', '.join(map(repr, unknown))}: "
                                 f"use {', '.join(allowed)}")
            out[key] = list(values)
        elif key in FILTERABLE:
            values = list(value) if isinstance(value, (list, tuple, set)) else [value]
            if not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in values):
                raise ValueError(f"filter {key} takes text or numbers, got {value!r}")
            out[key] = values
        else:
            raise ValueError(f"unknown filter {key!r}: use year_min, year_max, evidence, study_type or one of "
                             f"{', '.join(sorted(FILTERABLE))}")
    if "year_min" in out and "year_max" in out and out["year_min"] > out["year_max"]:
        raise ValueError(f"year_min {out['year_min']} is after year_max {out['year_max']}")
    return out or None


def check_text(text: str, what: str = "question") -> str:
    """text, when it is at most MAX_QUESTION_CHARS long and all text; ValueError with the reason otherwise (its
    length; bytes that were not UTF-8, which reach Python as lone surrogates: a shell argument in another encoding)."""
    if len(text) > MAX_QUESTION_CHARS:
        raise ValueError(f"the {what} is too long ({len(text)} characters, at most {MAX_QUESTION_CHARS})")
    bad = next((i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"), None)
    if bad is not None:
        raise ValueError(f"the {what} is not valid text: it holds bytes that are not UTF-8 (at character {bad + 1})")
    return text


def _clean_query(query: str) -> str:
    """The query as both searches see it: normalised once (rag.lexical.tokens.normalize: NFKC, one hyphen for all
    dashes, soft hyphens removed), so BM25's tokens and the embedded text say the same thing."""
    if not isinstance(query, str):
        raise ValueError(f"the query must be text, not {type(query).__name__}")
    q = " ".join(normalize(check_text(" ".join(query.split()), "query")).split())
    if not q:
        raise ValueError("the query is empty: ask a question or give search terms")
    if not tokenize(q):  # any passage would be as good as any other: say so instead of listing unrelated ones
        raise ValueError(f"the query {q!r} has only common words or punctuation: add what you are looking for")
    return q


_libraries: dict[tuple, Library] = {}
_searchers: dict[tuple, Searcher] = {}
_searchers_lock = threading.Lock()
_MAX_SEARCHERS = 64  # distinct settings kept; the libraries (the loaded indexes) are kept regardless


def get_searcher(settings: Settings) -> Searcher:
    """The searcher for these settings: the index loaded once per process and shared, the settings its own."""
    where = (str(Path(settings.index_dir).resolve()), settings.store_url, index_fingerprint(settings))
    key = (where, repr(settings))
    with _searchers_lock:
        searcher = _searchers.get(key)
        if searcher is None:
            library = _libraries.get(where)
            if library is None:
                library = _libraries[where] = Library(settings)
            if len(_searchers) >= _MAX_SEARCHERS:
                _searchers.pop(next(iter(_searchers)))
            searcher = _searchers[key] = Searcher(settings, library)  # settings are immutable
    return searcher


def retrieve(
    query: str,
    k: int | None = None,
    index_dir: str | Path | None = None,
    *,
    mode: str | None = None,
    filters: dict[str, Any] | None = None,
    year_min: int | None = None,
    year_max: int | None = None,
    source_type: str | list[str] | None = None,
    per_doc: int | None = None,
    settings: Settings | None = None,
    evidence: str | list[str] | None = None,
) -> list[Passage]:
    """The k best passages for a query (k: 1 to 100, default the k setting, 5), best first, each with its citation.

    mode: 'full' (default: BM25 with synonyms + dense, convex fusion), 'hybrid' (RRF), 'dense' or 'bm25'.
    Filters: year_min/year_max, source_type ('abstract', 'fulltext', 'trial', 'nci', or a list), evidence (levels
    of rag.study_type.EVIDENCE_LEVELS: 'level 1'...'level 5', 'guidance', 'preclinical', 'registration', 'unrated'),
    and ``filters`` naming study_type or any metadata field
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
    if evidence:
        f["evidence"] = evidence
    return get_searcher(s).search(query, k=k, mode=mode, filters=f or None, per_doc=per_doc)


def outcome_table(question: str, k: int | None = None, index_dir: Any = None, *, settings: Settings | None = None,
                  columns: list[str] | None = None, **retrieve_args: Any):
    """One row per study retrieved for the question (k papers, as ``retrieve``), with the endpoints the question
    asks about, or the common ones; each cell carries the span its value was read from (rag/outcomes/table.py
    StudyTable)."""
    from .outcomes.table import table_for_passages

    s = settings or Settings.load()
    if index_dir is not None:
        s = s.replace(index_dir=Path(index_dir))
    passages = retrieve(question, k=k, settings=s, **retrieve_args)
    return table_for_passages(question, passages, get_searcher(s).store, columns)
