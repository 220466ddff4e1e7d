"""Objective responses a paper gives only in parts: "Nine patients (7%) with metastatic melanoma achieved complete
regression of all disease and 14 patients (10%) had partial regression" is a response rate of 17%, which the paper
never writes. The vocabulary has no partial response, so the values stay out of the record's outcomes; their sum is
kept beside them (``StudyOutcomes.summed``) for the table and the answer, which show it as the sum it is.

A sentence's partial responses are paired with its complete responses in the order it gives them, and only when it
gives as many of each: "CR 10% vs 5%, PR 30% vs 20%" pairs 10 with 30 and 5 with 20; a sentence that gives two
complete responses and one partial pairs none.
"""

from __future__ import annotations

import re

from .endpoint_words import _Mention
from .endpoints import partial_response_word
from .record import Outcome, StudyOutcomes, SummedResponse
from .values import _Value


def partial_pairs(text: str, s: int, values: list[_Value], mentions: list[_Mention], placed: set[int],
                  found: list[Outcome]) -> list[tuple[Outcome, _Value, _Mention]]:
    """The sentence's complete responses (of ``found``, its outcomes) each with its partial response: the shares of
    the sentence no endpoint took (``placed``: the ids of those one did) whose word is a partial response."""
    partial = [(v, w) for v in values if id(v) not in placed
               for w in [partial_response_word(text, v, mentions, s)] if w is not None]
    if not partial:
        return []
    complete: dict[tuple[int, int], Outcome] = {}
    for o in found:  # one value said of every arm is one complete response (its span ends at its value)
        if o.endpoint == "CR" and o.unit == "%":
            complete.setdefault((o.char_end, o.char_start), o)
    if len(complete) != len(partial):
        return []
    return [(c, v, w) for c, (v, w) in zip((complete[k] for k in sorted(complete)),
                                           sorted(partial, key=lambda p: p[0].start), strict=True)]


def summed_responses(text: str, record: StudyOutcomes,
                     pairs: list[tuple[Outcome, _Value, _Mention]]) -> list[SummedResponse]:
    """The sums of the pairs whose complete response the record kept (not a repeat in the conclusions), of an arm
    and population for which the paper gives no objective response of its own; in the record's arms' names."""
    kept = {id(o) for o in record.outcomes}
    given = {(o.arm, o.population, o.timepoint) for o in record.outcomes if o.endpoint == "ORR"}
    out: list[SummedResponse] = []
    for complete, partial, word in pairs:
        if id(complete) not in kept or (complete.arm, complete.population, complete.timepoint) in given:
            continue
        start = min(complete.char_start, partial.start, word.start)
        end = max(complete.char_end, partial.end, word.end)
        while end < len(text) and text[end] in "%)":  # the share's sign and bracket: "14 patients (10%)"
            end += 1
        count = re.search(r"\b[\w-]+ \($", text[max(0, start - 30):start])
        if count and text.count(")", start, end) > text.count("(", start, end):
            start -= len(count.group(0))  # "12 (40%) showed a complete response": from the count
        out.append(SummedResponse(
            arm=complete.arm, value=round(complete.value + partial.value, 1), complete=complete.value,
            partial=partial.value, text=text[start:end], char_start=start, char_end=end,
            population=complete.population, timepoint=complete.timepoint, cited=complete.cited))
    return out
