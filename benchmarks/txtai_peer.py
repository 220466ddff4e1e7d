"""The peer a user would pick instead: txtai's hybrid search (same packaged MiniLM, whole records), beside this
project's full pipeline and its baselines, on the same index's documents and the same questions.

    python benchmarks/txtai_peer.py --questions FILE [--index index-eval]

txtai is not a dependency of the project: `pip install -c <(echo torch==2.13.0) txtai==9.14.0` into the .venv
first (the constraint keeps the CPU torch). txtai indexes each document whole (title + text), as a user would
with a list of abstracts; the project's figures come from `rag.evaluate.retrieval.evaluate` in the same process.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from rag import Settings  # noqa: E402
from rag.embed import resolve_model_path  # noqa: E402
from rag.evaluate.questions import load_questions  # noqa: E402
from rag.evaluate.retrieval import DEPTH, METHODS, MethodResult, doc_metrics, evaluate, table  # noqa: E402
from rag.retrieve import get_searcher  # noqa: E402


def txtai_hybrid(questions, store, model: str) -> MethodResult:
    from txtai import Embeddings

    docs = store.documents_text()  # (doc_id, pmid, text, title)
    t0 = time.perf_counter()
    embeddings = Embeddings(path=str(resolve_model_path(model)), hybrid=True, content=False)
    embeddings.index((i, f"{title or ''}\n{text}", None) for i, (_, _, text, title) in enumerate(docs))
    print(f"txtai indexed {len(docs)} records in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    res = MethodResult("txtai hybrid (whole records)")
    sums = {"hit5": 0.0, "mrr10": 0.0, "recall20": 0.0, "ndcg10": 0.0}
    times = []
    for q in questions:
        t = time.perf_counter()
        found = embeddings.search(q["question"], DEPTH)
        times.append((time.perf_counter() - t) * 1000)
        m = doc_metrics([docs[int(i)][1] for i, _ in found], {str(p) for p in q["gold_pmids"]})
        for key in sums:
            sums[key] += m[key]
    n = len(questions)
    res.hit5, res.mrr10, res.recall20, res.ndcg10 = (sums[k] / n for k in ("hit5", "mrr10", "recall20", "ndcg10"))
    times.sort()
    res.p50_ms, res.p95_ms = times[n // 2], times[min(n - 1, int(0.95 * n))]
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", type=Path, required=True)
    ap.add_argument("--index", type=Path, default=ROOT / "index-eval")
    args = ap.parse_args()
    settings = Settings.load(index_dir=args.index)
    questions = load_questions(args.questions)
    results = evaluate(questions, settings, METHODS)
    results.append(txtai_hybrid(questions, get_searcher(settings).store, settings.model))
    print(f"{len(questions)} questions ({args.questions}), index {args.index}")
    print(table(results))


if __name__ == "__main__":
    main()
