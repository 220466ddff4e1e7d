"""Quantitative questions answered with the right number, citing its paper: the answer before the outcomes stage
(the extractive answer alone, as it was) beside the answer now (the extracted values lead), on the same index.

    python benchmarks/quantitative_answers.py [--index index-eval] [--questions benchmarks/questions/quantitative.jsonl]
                                              [--json] [--show N]

``--show N`` prints N missed dev questions with the answer's start (never a held-aside question).

A question counts as answered when a sentence of the answer holds one of its gold values (to 0.05; a percent as
written with or without %, a ratio to two decimals) and cites a passage of the gold paper. The "before" run is the
same code with the outcomes lead switched off (rag.answer.number_lead returning None), so that both read the same
index and the same retrieval. Also prints the table's cost beyond retrieval (ms per question, warm).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import Settings, answer  # noqa: E402
from rag.chunk.sentences import sentence_spans  # noqa: E402
from rag.cite import MARKER  # noqa: E402
from rag.outcomes.table import NAMES  # noqa: E402

answer_module = sys.modules["rag.answer"]  # the package (rag.answer the name is the function)
_NUMBER = re.compile(r"(?<![\w.·])(\d+(?:[.·]\d+)?)")
LEADS: dict[str, tuple[bool, bool]] = {}  # question id -> (the lead says the asked endpoint, cites the gold paper)


def numbers_in(sentence: str) -> list[float]:
    clean = MARKER.sub(" ", sentence)
    return [float(m.group(1).replace("·", ".")) for m in _NUMBER.finditer(clean)]


def correct(result, q: dict) -> bool:
    gold_doc = q["doc_id"]
    for line in result.text.splitlines():
        sentences: list[str] = []
        for a, b in sentence_spans(line):
            # The extractive answer writes a copied sentence's marker after its full stop ("... 9% of patients.
            # [1]"): a segment of markers alone belongs to the sentence before it.
            if sentences and not MARKER.sub("", line[a:b]).strip():
                sentences[-1] += " " + line[a:b]
            else:
                sentences.append(line[a:b])
        for sentence in sentences:
            cited = [int(n) for n in MARKER.findall(sentence)]
            if not any(1 <= n <= len(result.passages) and result.passages[n - 1].doc_id == gold_doc for n in cited):
                continue
            found = numbers_in(sentence)
            if any(abs(v - float(g)) <= 0.051 for v in found for g in q["values"]):
                return True
    return False


def _split(q: dict) -> str:
    """A third held aside (sha1 of the id starting 0-4), read only for the final figures."""
    return "test" if hashlib.sha1(q["id"].encode()).hexdigest()[0] in "01234" else "dev"


def lead_of(result, q: dict) -> tuple[bool, bool]:
    """Does the answer's number lead say the asked endpoint, and cite the gold paper? (False, False) without one."""
    if not result.composed:
        return False, False
    line = result.composed[0]
    endpoint = next((e for e, name in sorted(NAMES.items(), key=lambda kv: -len(kv[1])) if name in line), None)
    m = re.search(r"\[(\d+)\]\.?$", line)
    doc = result.passages[int(m.group(1)) - 1].doc_id if m and int(m.group(1)) <= len(result.passages) else None
    return endpoint == q["endpoint"], doc == q["doc_id"]


def run(questions: list[dict], settings: Settings, lead: bool) -> tuple[list[bool], list[float], list[int]]:
    """Per question: the right number cited, the seconds, and the cited sentences the support check refused."""
    original = answer_module.number_lead
    if not lead:
        answer_module.number_lead = lambda *a, **k: None
    try:
        oks, times, refused = [], [], []
        for q in questions:
            t0 = time.perf_counter()
            result = answer(q["question"], settings=settings, use_llm=False)
            times.append(time.perf_counter() - t0)
            oks.append(correct(result, q))
            refused.append(sum(v["status"] != "supported" for v in result.check.support))
            LEADS[q["id"]] = lead_of(result, q)
        return oks, times, refused
    finally:
        answer_module.number_lead = original


def table_cost(questions: list[dict], settings: Settings) -> float:
    """Milliseconds the studies table adds to a retrieval (warm): records read from the index, the table built."""
    from rag.outcomes.table import table_for_passages
    from rag.retrieve import get_searcher

    searcher = get_searcher(settings)
    costs = []
    for q in questions:
        passages = searcher.search(q["question"], k=10)
        table_for_passages(q["question"], passages, searcher.store)  # warm
        t0 = time.perf_counter()
        table_for_passages(q["question"], passages, searcher.store)
        costs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(costs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, default=ROOT / "index-eval")
    ap.add_argument("--questions", type=Path, default=ROOT / "benchmarks" / "questions" / "quantitative.jsonl")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=0,
                    help="print this many dev questions the new answer misses (test questions are never shown)")
    args = ap.parse_args()
    questions = [json.loads(line) for line in open(args.questions) if line.strip()]
    settings = Settings.load(index_dir=args.index)
    before, t_before, r_before = run(questions, settings, lead=False)
    after, t_after, r_after = run(questions, settings, lead=True)
    by_kind: dict[str, list[tuple[bool, bool]]] = {}
    for q, b, a in zip(questions, before, after, strict=True):
        by_kind.setdefault(q.get("kind", "?"), []).append((b, a))
        split = _split(q)
        by_kind.setdefault(f"split:{split}", []).append((b, a))
    result = {
        "questions": len(questions), "index": str(args.index),
        "before": round(sum(before) / len(questions), 3), "after": round(sum(after) / len(questions), 3),
        "by_kind": {k: {"n": len(v), "before": round(sum(b for b, _ in v) / len(v), 3),
                        "after": round(sum(a for _, a in v) / len(v), 3)} for k, v in sorted(by_kind.items())},
        "answer_seconds_median": {"before": round(statistics.median(t_before), 3),
                                  "after": round(statistics.median(t_after), 3)},
        "table_ms_beyond_retrieval": round(table_cost(questions, settings), 1),
        "sentences_not_supported": {"before": sum(r_before), "after": sum(r_after)},
        # the number lead itself (after): it says the endpoint asked, from the gold paper; per split
        "lead": {split: {"questions": len(ids), "asked_endpoint": sum(LEADS[i][0] for i in ids),
                         "gold_paper": sum(LEADS[i][1] for i in ids), "both": sum(all(LEADS[i]) for i in ids)}
                 for split, ids in (("dev", [q["id"] for q in questions if _split(q) == "dev"]),
                                    ("test", [q["id"] for q in questions if _split(q) == "test"]))},
    }
    if args.show:
        for q, a in zip(questions, after, strict=True):
            if not a and args.show > 0 and _split(q) == "dev":
                args.show -= 1
                r = answer(q["question"], settings=settings, use_llm=False)
                print(f"MISS {q['id']} {q['question']} -> gold {q['values']} in {q['doc_id']}\n  {r.text[:400]!r}\n")
    print(json.dumps(result, indent=2) if args.json else
          f"{len(questions)} quantitative questions on {args.index}: right number citing its paper "
          f"{result['before']:.3f} before, {result['after']:.3f} now; by kind {result['by_kind']}; "
          f"median answer {result['answer_seconds_median']} s; studies table {result['table_ms_beyond_retrieval']} ms "
          f"beyond retrieval; cited sentences the support check refused {result['sentences_not_supported']}; the "
          f"number lead (asked endpoint, gold paper) {result['lead']}")


if __name__ == "__main__":
    main()
