"""An optional re-ranking stage: a cross-encoder on disk re-scores the fused top candidates.

No cross-encoder ships inside a PyPI wheel today (docs/benchmarks.md: every reranker package downloads its weights
at run time), so the stage is off unless ``reranker`` (``RAG_RERANKER``) names a local sentence-transformers
CrossEncoder folder, for instance MedCPT's cross-encoder saved once where a network is available:

    CrossEncoder("ncbi/MedCPT-Cross-Encoder").save_pretrained("/models/medcpt-cross")   # on a connected machine
    RAG_RERANKER=/models/medcpt-cross rag ask "..."                                      # here, offline

It is loaded from that folder only (never from a hub), once per process, and given (question, title + passage)
pairs for the best ``rerank_depth`` candidates; they are then ordered by its score, the rest follow unchanged.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_models: dict[str, object] = {}
_lock = threading.Lock()


def get_reranker(folder: str):
    """The cross-encoder saved in ``folder``, loaded once per process (CPU, local files only)."""
    key = str(Path(folder).resolve())
    with _lock:
        if key not in _models:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import CrossEncoder

            try:
                _models[key] = CrossEncoder(key, device="cpu", local_files_only=True)
            except Exception as err:  # a folder that is no cross-encoder: say which and why
                raise ValueError(f"reranker {folder} could not be loaded as a sentence-transformers "
                                 f"CrossEncoder: {err}") from err
        return _models[key]


def rerank(st, query: str, ranked: list[tuple[int, float]], signals: dict, folder: str,
           depth: int) -> list[tuple[int, float]]:
    """The best ``depth`` of ``ranked`` re-ordered by the cross-encoder's score (kept in ``signals`` as
    ``rerank_score``), the rest after them in their order. Returned scores stay on the fused scale: the top
    candidates take the fused scores of the top positions, in the cross-encoder's order."""
    head, tail = ranked[:depth], ranked[depth:]
    if len(head) < 2:
        return ranked
    hits = st.fetch([cid for cid, _ in head])
    pairs, ids = [], []
    for cid, _ in head:
        hit = hits.get(cid)
        if hit is not None:
            title = hit.citation.title or ""
            pairs.append((query, f"{title}. {hit.text}" if title else hit.text))
            ids.append(cid)
    scores = get_reranker(folder).predict(pairs, batch_size=16, show_progress_bar=False)
    for cid, score in zip(ids, scores, strict=True):
        signals.setdefault(cid, {})["rerank_score"] = float(score)
    order = sorted(ids, key=lambda cid: -signals[cid]["rerank_score"])
    slots = sorted((score for _, score in head), reverse=True)
    scored = set(ids)
    return list(zip(order, slots, strict=False)) + [(cid, s) for cid, s in head if cid not in scored] + tail
