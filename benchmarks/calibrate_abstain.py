"""The cosine side of declining: the best passage's cosine similarity for answerable and off-topic questions.

(Issue 5's calibration. Since issue 11 the decision also uses the question's key terms, and its thresholds are
chosen with the rest of the answer's weights by benchmarks/tune_answers.py; `rag eval --answers` reports the
declines of both question sets.)

    python benchmarks/calibrate_abstain.py --questions ../shared/eval/bioasq_immunotherapy_dev.jsonl \
        [--index index-eval]

Answerable: the evaluation questions (their answers are in the library). Off-topic: the questions below, which
the library cannot answer (other fields, or everyday questions). The threshold the assistant ships with
(rag.answer.ABSTAIN_BELOW) should keep every answerable question answered and turn away most off-topic ones;
the script prints both distributions and, for candidate thresholds, the share of each side that abstains.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import Settings  # noqa: E402
from rag.answer import ABSTAIN_BELOW, WEAK_BELOW, evidence_strength  # noqa: E402
from rag.evaluate.questions import load_questions  # noqa: E402
from rag.retrieve import get_searcher  # noqa: E402

OFF_TOPIC = [
    "How long should sourdough bread dough rise before baking?",
    "What is the capital of Australia?",
    "How do I change a flat bicycle tyre?",
    "Which programming language is best for web development?",
    "What is the best time of year to plant tomatoes?",
    "How many moons does Jupiter have?",
    "Who won the football world cup in 2014?",
    "How do I descale an espresso machine?",
    "What is the boiling point of water at high altitude?",
    "How does a diesel engine differ from a petrol engine?",
    "What is the recommended amoxicillin dose for otitis media in children?",
    "How is a fractured scaphoid bone treated?",
    "What are the symptoms of iron-deficiency anaemia in pregnancy?",
    "Does cognitive behavioural therapy help insomnia?",
    "How effective are statins for primary prevention of heart attacks?",
    "Which vaccines are recommended for travel to Kenya?",
    "What causes migraine with aura?",
    "How should type 2 diabetes be managed with metformin?",
    "What is the treatment for a dental abscess?",
    "How accurate is a rapid antigen test for influenza?",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", type=Path, required=True)
    ap.add_argument("--index", type=Path, default=ROOT / "index-eval")
    args = ap.parse_args()
    searcher = get_searcher(Settings.load(index_dir=args.index))
    answerable = [evidence_strength(searcher.search(q["question"], k=5)) for q in load_questions(args.questions)]
    off_topic = [evidence_strength(searcher.search(q, k=5)) for q in OFF_TOPIC]
    for name, values in (("answerable", answerable), ("off-topic", off_topic)):
        print(f"{name:10s} n={len(values):2d} min {min(values):.3f} median {statistics.median(values):.3f} "
              f"max {max(values):.3f}")
    print("\n| threshold | answerable abstained | off-topic abstained |\n|---|---|---|")
    for t in (0.25, 0.30, 0.35, 0.40, 0.45, 0.50):
        a = sum(v < t for v in answerable) / len(answerable)
        o = sum(v < t for v in off_topic) / len(off_topic)
        mark = (" (shipped)" if abs(t - ABSTAIN_BELOW) < 1e-9
                else " (weak-evidence note below this)" if abs(t - WEAK_BELOW) < 1e-9 else "")
        print(f"| {t:.2f}{mark} | {a:.0%} | {o:.0%} |")


if __name__ == "__main__":
    main()
