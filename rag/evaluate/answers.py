"""Answer-level evaluation: the project's answers and a simple baseline, side by side, in one run.

For each question (BioASQ-style JSON lines: ``type``, ``question``, ``gold_pmids``, ``exact_answer``,
``ideal_answer``) both systems answer and are scored on:

- **exact**: factoid, 1 when any synonym of any gold answer appears in the answer text (case-insensitive, on word
  boundaries); list, the share of gold items of which a synonym appears. Averaged over factoid and list questions.
- **ROUGE-2** and **ROUGE-SU4** F1 against ``ideal_answer``: lower case, Porter-stemmed alphanumeric tokens
  (rouge-score's tokenizer); ROUGE-2 from rouge-score itself, SU4 (skip-bigrams with at most 4 words between,
  plus unigrams, as ROUGE-1.5.5's ``-2 4 -u``) counted here over the same tokens, because rouge-score lacks it.
  Citation markers and the answer's own framing lines (labels, headings, notes) are removed first.
- **cited gold**: of the papers the answer's markers point at, the share that are gold papers (averaged over the
  questions whose answer cites something).
- **declined**: answerable questions the system declined; and for the off-topic questions, the share declined.
- the answer's length in words and its latency (warm; retrieval included).
- **sentences not supported**: answer sentences the support check (rag/answer/support_check/) did not find in
  full in their cited passages (an extractive answer copies its sentences: always 0; counts what an LLM would add).

The baseline (baselines.py): bm25s (English stop words, Snowball stems) over whole records (title + text), the top
3 papers, and from them the 4 sentences that share the most stemmed question words (ties: the better-ranked paper,
then the earlier sentence).
"""

from __future__ import annotations

import functools
import math
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .. import cite
from ..answer.question import QUESTION_TYPES
from ..config import Settings
from .baselines import Baseline

MARKER = re.compile(r"\s*(?:" + cite.MARKER.pattern + "|" + re.escape(cite.UNSUPPORTED) + ")")


# --- metrics ---------------------------------------------------------------------------------------------------


def answer_body(text: str, framing: Iterable[str] = ()) -> str:
    """The answer's content: markers, framing lines (our labels and headings) and 'Sources' lines removed."""
    drop = {f.strip().lower() for f in framing}
    lines = []
    for line in (text or "").splitlines():
        bare = line.strip().lstrip("-*• ").strip()
        if not bare or bare.lower() in drop or bare.lower().startswith(("sources:", "note:")):
            continue
        lines.append(MARKER.sub("", bare))
    return "\n".join(lines)


def _rouge_score():
    try:
        import rouge_score  # noqa: F401
    except ImportError:
        raise RuntimeError("the answer evaluation needs rouge-score: pip install -e '.[eval]'") from None


@functools.lru_cache(maxsize=1)
def _tokenizer():
    _rouge_score()
    from rouge_score import tokenizers

    return tokenizers.DefaultTokenizer(use_stemmer=True)


def rouge_tokens(text: str) -> list[str]:
    return _tokenizer().tokenize(text)


def _f1(overlap: int, candidate_total: int, reference_total: int) -> float:
    if not overlap or not candidate_total or not reference_total:
        return 0.0
    p, r = overlap / candidate_total, overlap / reference_total
    return 2 * p * r / (p + r)


@functools.lru_cache(maxsize=1)
def _rouge2_scorer():
    _rouge_score()
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)


def rouge2_f1(candidate: str, reference: str) -> float:
    return float(_rouge2_scorer().score(reference, candidate)["rouge2"].fmeasure)


def su4_units(tokens: list[str], max_gap: int = 4) -> Counter:
    """Unigrams plus skip-bigrams with at most ``max_gap`` words between (ROUGE-SU4's units)."""
    units: Counter = Counter((t,) for t in tokens)
    for i, a in enumerate(tokens):
        for j in range(i + 1, min(len(tokens), i + max_gap + 2)):
            units[(a, tokens[j])] += 1
    return units


def rouge_su4_f1(candidate: str, reference: str) -> float:
    c, r = su4_units(rouge_tokens(candidate)), su4_units(rouge_tokens(reference))
    overlap = sum((c & r).values())
    return _f1(overlap, sum(c.values()), sum(r.values()))


def _normal(text: str) -> str:
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text.lower())
    return " ".join(text.split())


def mentions(text: str, name: str) -> bool:
    """``name`` occurs in ``text``, case-insensitive, not inside a longer word."""
    name = _normal(str(name))
    if not name:
        return False
    return re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", _normal(text)) is not None


def exact_recall(qtype: str, exact_answer: Any, text: str) -> float | None:
    """Factoid: 1.0 if any synonym of any gold answer appears, else 0.0. List: the share of gold items found.
    None for other types (or no gold answer)."""
    if qtype not in ("factoid", "list") or not exact_answer:
        return None
    items = [item if isinstance(item, list) else [item] for item in exact_answer]
    found = [any(mentions(text, syn) for syn in item) for item in items]
    if qtype == "factoid":
        return 1.0 if any(found) else 0.0
    return sum(found) / len(found)


def cited_gold_share(cited_pmids: list[str | None], gold: set[str]) -> float | None:
    """Of the distinct papers cited, the share that are gold (None when nothing is cited)."""
    if not cited_pmids:
        return None
    return sum(1 for p in cited_pmids if p in gold) / len(cited_pmids)


# --- the run ------------------------------------------------------------------------------------------------------


@dataclass
class SystemScores:
    """Averages of one system over a question set."""

    name: str
    exact: float | None = None
    rouge2: float = 0.0
    su4: float = 0.0
    cited_gold: float | None = None
    declined: int = 0
    questions: int = 0
    words: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    off_topic_declined: float | None = None
    # Answer sentences the support check (rag/answer/support_check/) did not find fully in their cited passages,
    # of all checked (None: the system cites no passages sentence by sentence).
    not_supported: int | None = None
    checked: int = 0

    def row(self) -> str:
        def f(x):
            return "—" if x is None else f"{x:.3f}"
        off = "—" if self.off_topic_declined is None else f"{self.off_topic_declined:.0%}"
        return (f"| {self.name} | {f(self.exact)} | {self.rouge2:.3f} | {self.su4:.3f} | {f(self.cited_gold)} | "
                f"{self.declined} of {self.questions} | {off} | {self.words:.0f} | {self.p50_ms:.0f} | "
                f"{self.p95_ms:.0f} | "
                f"{'—' if self.not_supported is None else f'{self.not_supported} of {self.checked}'} |")


@dataclass
class AnswerReport:
    questions: int
    systems: list[SystemScores]
    by_type: dict[str, list[SystemScores]]
    per_question: list[dict[str, Any]] = field(default_factory=list)
    off_topic: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "questions": self.questions,
            "systems": [s.__dict__ for s in self.systems],
            "by_type": {t: [s.__dict__ for s in rows] for t, rows in self.by_type.items()},
            "per_question": self.per_question,
            "off_topic": self.off_topic,
        }


HEADER = ("| system | exact | ROUGE-2 | ROUGE-SU4 | cited gold | answerable declined | off-topic declined "
          "| words | p50 ms | p95 ms | sentences not supported |\n|---|---|---|---|---|---|---|---|---|---|---|")


def answers_table(report: AnswerReport) -> str:
    lines = [HEADER] + [s.row() for s in report.systems]
    for qtype, rows in report.by_type.items():
        lines.append(f"\n{qtype} ({rows[0].questions} questions)\n{HEADER}")
        lines += [s.row() for s in rows]
    return "\n".join(lines)


def _mean(values: list[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)] if ordered else 0.0


def _summarise(name: str, rows: list[dict[str, Any]], prefix: str) -> SystemScores:
    ms = [r[f"{prefix}ms"] for r in rows]
    return SystemScores(
        name=name,
        exact=_mean([r[f"{prefix}exact"] for r in rows]),
        rouge2=statistics.fmean(r[f"{prefix}rouge2"] for r in rows) if rows else 0.0,
        su4=statistics.fmean(r[f"{prefix}su4"] for r in rows) if rows else 0.0,
        cited_gold=_mean([r[f"{prefix}cited_gold"] for r in rows]),
        declined=sum(1 for r in rows if r[f"{prefix}declined"]),
        questions=len(rows),
        words=statistics.fmean(r[f"{prefix}words"] for r in rows) if rows else 0.0,
        p50_ms=statistics.median(ms) if ms else 0.0,
        p95_ms=_percentile(ms, 0.95),
        not_supported=None if prefix else sum(r.get("not_supported", 0) for r in rows),
        checked=0 if prefix else sum(r.get("checked", 0) for r in rows),
    )


def score_answer(q: dict[str, Any], text: str, cited_pmids: list[str | None], declined: bool,
                 framing: Iterable[str] = ()) -> dict[str, Any]:
    body = "" if declined else answer_body(text, framing)
    gold = {str(p) for p in q.get("gold_pmids") or []}
    ideal = q.get("ideal_answer") or ""
    ideal = " ".join(ideal) if isinstance(ideal, list) else str(ideal)
    return {
        "exact": exact_recall(q["type"], q.get("exact_answer"), body),
        "rouge2": rouge2_f1(body, ideal) if ideal and body else 0.0,
        "su4": rouge_su4_f1(body, ideal) if ideal and body else 0.0,
        "cited_gold": None if declined else cited_gold_share(cited_pmids, gold),
        "declined": declined,
        "words": len(re.findall(r"\w+", body)),
    }


def cited_papers(answer) -> list[str | None]:
    """PMIDs (None for papers without one) of the distinct papers the answer's markers point at."""
    out, seen = [], set()
    for n in cite.cited_numbers(answer.text):
        if 1 <= n <= len(answer.passages):
            p = answer.passages[n - 1]
            if p.doc_id not in seen:
                seen.add(p.doc_id)
                out.append(p.citation.pmid)
    return out


def evaluate_answers(questions: list[dict[str, Any]], settings: Settings,
                     off_topic: list[dict[str, Any]] | None = None, k: int | None = None,
                     progress: Callable[[str, int, int], None] | None = None) -> AnswerReport:
    from ..answer import FRAMING, answer
    from ..retrieve import get_searcher

    searcher = get_searcher(settings)
    baseline = Baseline.from_store(searcher.store)
    answer(questions[0]["question"], settings=settings, use_llm=False, k=k)  # load model and index before timing
    rows = []
    for i, q in enumerate(questions):
        t0 = time.perf_counter()
        a = answer(q["question"], settings=settings, use_llm=False, k=k)
        ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        b_text, b_cited = baseline.answer(q["question"])
        b_ms = (time.perf_counter() - t0) * 1000
        cited = cited_papers(a)
        ours = score_answer(q, a.text, cited, a.abstained, FRAMING)
        base = score_answer(q, b_text, b_cited, False)
        row = {"id": q.get("id"), "type": q["type"], "question": q["question"], "answer": a.text,
               "cited_pmids": cited, **ours, "ms": round(ms, 1), "checked": len(a.check.support),
               "not_supported": sum(1 for v in a.check.support if v["status"] != "supported"),
               "baseline_answer": b_text, **{f"baseline_{key}": v for key, v in base.items()},
               "baseline_ms": round(b_ms, 1)}
        rows.append(row)
        if progress:
            progress("answers", i + 1, len(questions))
    off_rows = []
    for i, q in enumerate(off_topic or []):
        a = answer(q["question"], settings=settings, use_llm=False, k=k)
        off_rows.append({"id": q.get("id"), "kind": q.get("kind"), "question": q["question"],
                         "declined": a.abstained, "notes": a.notes})
        if progress:
            progress("off-topic", i + 1, len(off_topic or []))
    ours = _summarise("project (extractive answer())", rows, "")
    base = _summarise("baseline (bm25s whole records, 3 papers, 4 sentences)", rows, "baseline_")
    if off_rows:
        ours.off_topic_declined = sum(r["declined"] for r in off_rows) / len(off_rows)
        base.off_topic_declined = 0.0  # it always answers
    by_type = {}
    for qtype in QUESTION_TYPES:
        part = [r for r in rows if r["type"] == qtype]
        if part:
            by_type[qtype] = [_summarise("project", part, ""), _summarise("baseline", part, "baseline_")]
    return AnswerReport(len(questions), [ours, base], by_type, rows, off_rows)
