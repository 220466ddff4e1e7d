"""Answers with the number: a question that asks for a rate, a median or a ratio is answered first by the values
the outcomes stage read out of the retrieved papers (rag/outcomes/), with the arm, the CI and the citation, and
by the range across studies when several report it. Disagreement between studies is said, not resolved."""

from __future__ import annotations

import re
from typing import Any

from ..outcomes.table import NAMES, StudyTable, asked_endpoints, format_value, table_for_passages

_WANTS_NUMBER = re.compile(
    r"\b(?:rates?|median|ratio|how (?:long|many|much|often|effective)|percentage|proportion|percent|fraction|"
    r"ORR|PFS|OS|HR|survival|response|responses|respond|toxicit\w*|adverse|side effects?|efficacy|outcomes?|results?)\b",
    re.I)


def wants_number(question: str) -> bool:
    """Does the question ask for a value the outcomes vocabulary holds (a rate, a median, a ratio)?"""
    return bool(asked_endpoints(question)) and bool(_WANTS_NUMBER.search(question))


def _who(cell) -> str:
    parts = [cell.arm] if cell.arm not in ("all", "comparison") else []
    if cell.population:
        parts.append(cell.population)
    return ", ".join(parts)


def number_lead(question: str, passages: list[Any], store: Any) -> tuple[str, StudyTable] | None:
    """The lead sentences (markers numbered as ``passages``) and the table they come from; None when no retrieved
    study reports what the question asks for."""
    if not wants_number(question):
        return None
    table = table_for_passages(question, passages, store)
    if not table.rows:
        return None
    endpoint = next((e for e in asked_endpoints(question) if e in table.columns), None)
    if endpoint is None:
        return None
    reporting = [r for r in table.rows if r.cells.get(endpoint)]
    best = reporting[0]
    values = "; ".join(f"{c.display.rstrip(' ⚠')}" + (f" ({_who(c)})" if _who(c) else "")
                       for c in best.cells[endpoint][:4])
    name = NAMES[endpoint]
    # The year stays out ("KEYNOTE-010 (2016)", "Kradin 1989"): every number in the sentence must be in the passage.
    study = re.sub(r"\s*\(?\b(19|20)\d\d\)?$", "", best.study.split(" (")[0]) or best.study
    lines = [f"{study}: {name} {values} [{best.passage}]."]
    if len(reporting) > 1:
        numbers = [(c.value, r.passage) for r in reporting for c in r.cells[endpoint] if not c.population]
        if len({n for _, n in numbers}) > 1:  # a range across studies, not within one
            low, high = min(v for v, _ in numbers), max(v for v, _ in numbers)
            unit = best.cells[endpoint][0].unit
            fmt = (lambda v: f"{v:g}%") if unit == "%" else (lambda v: f"{v:g}") if unit == "ratio" else \
                (lambda v: f"{v:g} {unit}")
            markers = "".join(f"[{n}]" for n in dict.fromkeys(n for _, n in numbers))
            # No count of studies: every number of a sentence the support check reads must be in its passages.
            lines.append(f"Across the studies that report it, the {name} ranges from {fmt(low)} to {fmt(high)} "
                         f"{markers}.")
    lines += table.disagreements
    return "\n".join(lines), table


def add_value_spans(passages: list[Any], table: StudyTable) -> None:
    """Each cell's span joins its passage's spans, so the sources panel marks it and the support check reads it."""
    for row in table.rows:
        if not 1 <= row.passage <= len(passages):
            continue
        p = passages[row.passage - 1]
        for cells in row.cells.values():
            for c in cells:
                inside = p.char_start <= c.char_start and c.char_end <= p.char_end
                known = any(s.get("char_start") == c.char_start for s in p.more_spans)
                if not inside and not known:
                    p.more_spans.append({"chunk_id": None, "char_start": c.char_start, "char_end": c.char_end,
                                         "text": c.span})


__all__ = ["wants_number", "number_lead", "add_value_spans", "format_value"]
