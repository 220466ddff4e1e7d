"""How long an extractive answer takes, warm, retrieval included, beside retrieval alone in the same run.

    python benchmarks/answer_latency.py [--index index] [--questions benchmarks/questions/tuning.jsonl] [--rounds 2]

Each question is answered ``rounds`` times after one warm-up answer (model and index loaded); the script prints
p50/p95 of `answer()` (no language model) and of `retrieve()` with the same k, and their ratio.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import Settings, answer  # noqa: E402
from rag.evaluate.questions import load_answer_questions  # noqa: E402
from rag.retrieve import get_searcher  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, default=ROOT / "index")
    ap.add_argument("--questions", type=Path, default=ROOT / "benchmarks" / "questions" / "tuning.jsonl")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("-k", type=int, default=5)
    args = ap.parse_args()
    settings = Settings.load(index_dir=args.index)
    questions = [q["question"] for q in load_answer_questions(args.questions)]
    searcher = get_searcher(settings)
    answer(questions[0], settings=settings, use_llm=False, k=args.k)  # warm: model and index loaded
    times = {"answer": [], "retrieve": []}
    for _ in range(args.rounds):
        for q in questions:
            t0 = time.perf_counter()
            searcher.search(q, k=args.k)
            times["retrieve"].append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            answer(q, settings=settings, use_llm=False, k=args.k)
            times["answer"].append((time.perf_counter() - t0) * 1000)
    print(f"{len(questions)} questions x {args.rounds}, index {args.index} ({searcher.store.size} chunks), k={args.k}")
    print("| step | p50 ms | p95 ms | max ms |\n|---|---|---|---|")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.0f} | {percentile(values, 0.95):.0f} | {max(values):.0f} |")
    ratio = statistics.median(times["answer"]) / statistics.median(times["retrieve"])
    print(f"answer / retrieve (p50): {ratio:.1f}x")


if __name__ == "__main__":
    main()
