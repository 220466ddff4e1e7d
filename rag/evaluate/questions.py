"""Question files of both evaluations: BioASQ-style JSON lines, read from the path given and never copied into the
project. A line is an object with at least ``question``; ``gold_pmids`` (a list, or one PMID as a string or a
number), ``type`` (factoid, list, yes/no, summary; summary when missing or unknown), ``exact_answer`` and
``ideal_answer`` are read by the evaluation that needs them. A bad line is refused with its file and line number.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..answer.question import QUESTION_TYPES


def load_answer_questions(path: Path) -> list[dict[str, Any]]:
    """Questions with at least ``question``; ``type`` defaults to summary."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}, line {n}: not JSON ({err.msg})") from None
        if not isinstance(q, dict) or not isinstance(q.get("question"), str) or not q["question"].strip():
            raise ValueError(f"{path}, line {n}: expected an object with a 'question' string")
        gold = q.get("gold_pmids") or []
        q["gold_pmids"] = [str(gold)] if isinstance(gold, (str, int)) else [str(p) for p in gold]
        q["type"] = q.get("type") if q.get("type") in QUESTION_TYPES else "summary"
        out.append(q)
    if not out:
        raise ValueError(f"no questions in {path}")
    return out


def load_questions(path: Path) -> list[dict[str, Any]]:
    """Questions with gold PMIDs, for the retrieval evaluation (read as load_answer_questions reads them; those
    without gold PMIDs are left out)."""
    questions = [q for q in load_answer_questions(path) if q["gold_pmids"]]
    if not questions:
        raise ValueError(f"no questions with gold_pmids in {path}")
    return questions
