"""Choose the extractive answer's weights on the project's own tuning questions (never on the evaluation set).

    python benchmarks/tune_answers.py [--index index-eval] [--trials 400] [--seed 0]

Questions: benchmarks/questions/tuning.jsonl (written from papers of the bundled corpus, with gold PMIDs, exact
and ideal answers; add tuning_hard.jsonl, in a clinician's words with several gold papers each, with --questions)
and the odd-numbered half of benchmarks/questions/off_topic.jsonl (the even half is kept for reporting).
Retrieval and every weight-free signal are computed once per question; then random weight settings around the
shipped ones are scored on

    the share of exact answers found (+ 0.5 x ROUGE-SU4 to break ties), subject to the answer issue's targets:
    cited gold >= 0.8, ROUGE-SU4 >= 1.25 x the baseline's (rag.evaluate.baselines.Baseline, same questions),
    no answerable question declined, >= 80% of the off-topic half declined

and the best settings are printed beside the shipped ones (rag.answer.extractive.AnswerWeights).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import Settings  # noqa: E402
from rag.answer import FRAMING  # noqa: E402
from rag.answer.extractive import WEIGHTS, AnswerWeights, finish, prepare  # noqa: E402
from rag.evaluate.answers import score_answer  # noqa: E402
from rag.evaluate.baselines import Baseline  # noqa: E402
from rag.evaluate.questions import load_answer_questions  # noqa: E402
from rag.retrieve import get_searcher  # noqa: E402

QUESTIONS = ROOT / "benchmarks" / "questions"

# Ranges the random search draws from (the shipped value is always tried too).
SPACE = {
    "lexical": (0.15, 0.6), "previous": (0.0, 0.3), "dense": (0.0, 0.5), "paper": (0.1, 0.4), "echo": (0.0, 0.3),
    "answer_shape": (0.0, 0.3),
    "conclusion": (0.0, 0.2), "result": (0.0, 0.2), "method": (-0.2, 0.0), "background": (-0.2, 0.0),
    "aim": (-0.3, 0.0), "off_topic_paper": (0.2, 0.9), "keep_ratio": (0.5, 0.95),
    "sentences_factoid": (1, 5), "sentences_list": (2, 6), "sentences_yesno": (2, 6), "sentences_summary": (2, 6),
    "pool": (5, 10), "dense_candidates": (8, 24), "dense_answer": (0.38, 0.50), "dense_floor": (0.05, 0.30),
    "lexical_answer": (0.2, 0.7),
}


def cited(found, passages) -> list:
    out = []
    for s in found.chosen:
        pmid = passages[s.passage].citation.pmid
        if pmid not in out:
            out.append(pmid)
    return out


def objective(rows: list[dict], off: list[bool], baseline_su4: float) -> dict:
    def mean(values):
        values = [v for v in values if v is not None]
        return sum(values) / len(values) if values else 0.0
    m = {"exact": mean([r["exact"] for r in rows]), "su4": mean([r["su4"] for r in rows]),
         "rouge2": mean([r["rouge2"] for r in rows]), "cited_gold": mean([r["cited_gold"] for r in rows]),
         "declined": sum(r["declined"] for r in rows) / len(rows),
         "off_declined": sum(off) / len(off) if off else 1.0}
    # The targets, asked of the tuning set: most exact answers found, subject to cited gold >= 0.8,
    # ROUGE-SU4 >= 1.25 x the baseline's, no answerable question declined, >= 80% of off-topic ones declined.
    shortfall = (max(0.0, 0.8 - m["cited_gold"]) + max(0.0, 1.25 * baseline_su4 - m["su4"]) * 4 + m["declined"]
                 + max(0.0, 0.8 - m["off_declined"]))
    m["objective"] = m["exact"] + 0.5 * m["su4"] - (1 + 5 * shortfall if shortfall > 0 else 0)
    return m


def run(prepared, questions, off_prepared, w: AnswerWeights, baseline_su4: float) -> dict:
    rows = []
    for prep, q in zip(prepared, questions, strict=True):
        found = finish(prep, w)
        declined = not found.evidence.answer or not found.text
        rows.append(score_answer(q, found.text, cited(found, prep.passages), declined, FRAMING))
    off = [not finish(prep, w, compose=False).evidence.answer for prep in off_prepared]
    return objective(rows, off, baseline_su4)


def draw(rng: random.Random) -> AnswerWeights:
    values = {}
    for name, (lo, hi) in SPACE.items():
        values[name] = rng.randint(lo, hi) if isinstance(lo, int) else round(rng.uniform(lo, hi), 3)
    return dataclasses.replace(WEIGHTS, **values)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, default=ROOT / "index-eval")
    # The hard set is opt-in (--questions tuning.jsonl tuning_hard.jsonl): its gold lists are incomplete (cited gold
    # about 0.53 whatever the weights), so pooled with it no setting meets the cited-gold >= 0.8 constraint.
    ap.add_argument("--questions", type=Path, nargs="+", default=[QUESTIONS / "tuning.jsonl"])
    ap.add_argument("--off-topic", type=Path, default=QUESTIONS / "off_topic.jsonl")
    ap.add_argument("--trials", type=int, default=400)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--depth", type=int, default=10, help="passages retrieved per question (the largest pool tried)")
    args = ap.parse_args()

    searcher = get_searcher(Settings.load(index_dir=args.index))
    questions = [q for path in args.questions for q in load_answer_questions(path)]
    off_topic = [q for i, q in enumerate(load_answer_questions(args.off_topic)) if i % 2 == 0]  # off:001, 003, ...
    t0 = time.perf_counter()
    prepared = [prepare(q["question"], searcher.search(q["question"], k=args.depth), searcher.store, searcher.embedder,
                        WEIGHTS, embed=10_000) for q in questions]
    off_prepared = [prepare(q["question"], searcher.search(q["question"], k=args.depth), searcher.store,
                            searcher.embedder, WEIGHTS, embed=10_000) for q in off_topic]
    print(f"prepared {len(prepared)} tuning and {len(off_prepared)} off-topic questions in "
          f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)

    baseline = Baseline.from_store(searcher.store)
    baseline_su4 = sum(score_answer(q, *baseline.answer(q["question"]), False)["su4"]
                       for q in questions) / len(questions)
    print(f"baseline ROUGE-SU4 on the tuning questions: {baseline_su4:.3f}")
    shipped = run(prepared, questions, off_prepared, WEIGHTS, baseline_su4)
    rng = random.Random(args.seed)
    results = []
    for _ in range(args.trials):
        w = draw(rng)
        results.append((run(prepared, questions, off_prepared, w, baseline_su4), w))
    results.sort(key=lambda r: -r[0]["objective"])

    def line(m):
        return " ".join(f"{k} {v:.3f}" for k, v in m.items())
    print("shipped:", line(shipped))
    for m, w in results[:5]:
        print("\n" + line(m))
        print("  " + ", ".join(f"{name}={getattr(w, name)}" for name in SPACE))


if __name__ == "__main__":
    main()
