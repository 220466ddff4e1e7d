"""Document-level retrieval evaluation: BM25 alone, dense alone, hybrid and the full pipeline, side by side,
and the baseline a user would pick instead: bm25s over whole records (``records``: baselines.py).

A passage counts for its paper's PMID. Metrics per method: Hit@5, MRR@10, Recall@20, nDCG@10 (from ir-measures,
the eval extra) and query latency (p50/p95, warm, query embedding included). Questions are JSON lines with
``question`` and ``gold_pmids`` (BioASQ style, read by questions.py).
"""

from __future__ import annotations

import functools
import math
import statistics
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from ..config import Settings
from .baselines import WholeRecordBM25

METHODS = ("records", "bm25", "dense", "hybrid", "full")
DEPTH = 20  # documents retrieved per question: enough for Recall@20


@dataclass
class MethodResult:
    method: str
    hit5: float = 0.0
    mrr10: float = 0.0
    recall20: float = 0.0
    ndcg10: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    per_question: list[dict[str, Any]] = field(default_factory=list)

    def row(self) -> str:
        return (f"| {self.method} | {self.hit5:.3f} | {self.mrr10:.3f} | {self.recall20:.3f} | {self.ndcg10:.3f} "
                f"| {self.p50_ms:.0f} | {self.p95_ms:.0f} |")


# Our names for the figures -> ir-measures' measures (trec_eval's success_5, recall_20 and ndcg_cut_10 through
# pytrec_eval; RR@10 through MS MARCO's reference script). Relevance is binary: a gold PMID is relevant (1).
MEASURES = {"hit5": "Success@5", "mrr10": "RR@10", "recall20": "R@20", "ndcg10": "nDCG@10"}


@functools.lru_cache(maxsize=1)
def _measures():
    import ir_measures

    return {ir_measures.parse_measure(name): key for key, name in MEASURES.items()}


def _run(ranked_pmids: list[str | None], gold: set[str]) -> dict[str, float]:
    """A ranking as ir-measures takes it: document -> score, the scores falling with the rank, so the rank order
    is kept exactly (trec_eval orders by score and breaks ties by document name). A paper counts once, at its best
    rank: a later copy of the same PMID, and a document without one, keep their ranks under a name that is no gold
    PMID (not relevant)."""
    run: dict[str, float] = {}
    for rank, pmid in enumerate(ranked_pmids):
        if pmid is None or pmid in run:
            pmid = f"(rank {rank + 1}: no PMID or one already ranked)"
            while pmid in gold or pmid in run:
                pmid += "'"
        run[pmid] = float(len(ranked_pmids) - rank)
    return run


def doc_metrics_many(rankings: list[tuple[list[str | None], set[str]]]) -> list[dict[str, float]]:
    """``doc_metrics`` of many (ranked PMIDs, gold PMIDs) pairs at once (one ir-measures evaluation)."""
    measures = _measures()
    import ir_measures

    qrels, run = {}, {}
    for n, (ranked, gold) in enumerate(rankings):
        if not gold:
            raise ValueError("a ranking without gold PMIDs has no Recall@20 or nDCG@10")
        qrels[str(n)] = {str(p): 1 for p in gold}
        run[str(n)] = _run(list(ranked), set(qrels[str(n)]))
    out = [dict.fromkeys(MEASURES, 0.0) for _ in rankings]  # an empty ranking scores 0 on each
    for m in ir_measures.iter_calc(list(measures), qrels, run):
        out[int(m.query_id)][measures[m.measure]] = float(m.value)
    return out


def doc_metrics(ranked_pmids: list[str | None], gold: set[str]) -> dict[str, float]:
    """Metrics of one ranked list of documents (None for a document without a PMID) against the gold PMIDs:
    Hit@5 (a gold paper in the top 5), MRR@10 (1 / rank of the first gold paper, 0 past rank 10), Recall@20
    (the share of the gold papers in the top 20) and nDCG@10 (binary gains, log2 discount, the ideal ranking
    of min(|gold|, 10) gold papers), from ir-measures."""
    return doc_metrics_many([(ranked_pmids, gold)])[0]


def ranked_documents(passages) -> list[str | None]:
    """Passages -> documents in first-seen order, each as its PMID (a paper counts once)."""
    seen, out = set(), []
    for p in passages:
        if p.doc_id in seen:
            continue
        seen.add(p.doc_id)
        out.append(p.citation.pmid)
    return out


def evaluate(questions: list[dict[str, Any]], settings: Settings, methods: tuple[str, ...] = METHODS,
             progress: Callable[[str, int, int], None] | None = None) -> list[MethodResult]:
    from ..retrieve import get_searcher

    _measures()  # ir-measures missing: say so before the retrieval runs
    searcher = get_searcher(settings)
    searcher.search(questions[0]["question"], k=1, mode="full")  # load model and index before timing
    records = WholeRecordBM25.from_store(searcher.store) if "records" in methods else None
    results = []
    for method in methods:
        res = MethodResult(method)
        rankings, times = [], []
        for i, q in enumerate(questions):
            t0 = time.perf_counter()
            if method == "records":
                ranked = [records.docs[d][1] for d in records.top(q["question"], DEPTH)]
            else:
                ranked = ranked_documents(searcher.search(q["question"], k=DEPTH, mode=method, per_doc=1))
            times.append((time.perf_counter() - t0) * 1000)
            rankings.append((ranked, {str(p) for p in q["gold_pmids"]}))
            if progress:
                progress(method, i + 1, len(questions))
        metrics = doc_metrics_many(rankings)
        for q, (ranked, _), m in zip(questions, rankings, metrics, strict=True):
            res.per_question.append({"id": q.get("id"), "question": q["question"], **m, "top5": ranked[:5]})
        n = len(questions)
        res.hit5, res.mrr10, res.recall20, res.ndcg10 = (sum(m[k] for m in metrics) / n for k in MEASURES)
        res.p50_ms = statistics.median(times)
        res.p95_ms = sorted(times)[max(0, math.ceil(0.95 * n) - 1)]
        results.append(res)
    return results


def table(results: list[MethodResult]) -> str:
    lines = ["| method | Hit@5 | MRR@10 | Recall@20 | nDCG@10 | p50 ms | p95 ms |",
             "|---|---|---|---|---|---|---|"]
    return "\n".join(lines + [r.row() for r in results])
