"""Objective responses a paper gives only in parts: "Nine patients (7%) with metastatic melanoma achieved complete
regression of all disease and 14 patients (10%) had partial regression" is a response rate of 17%, which the paper
never writes. The vocabulary has no partial response, so the values stay out of the record's outcomes; their sum is
kept beside them (``StudyOutcomes.summed``) for the table and the answer, which show it as the sum it is.

A sentence's partial responses are paired with its complete responses by arm and population, each read as any value
is ("CR 10% vs 5%, PR 30% vs 20%" pairs 10 with 30 and 5 with 20, in the arms' order), and only one to one: a
sentence that gives two complete responses of one group and one partial pairs none.
"""

from __future__ import annotations

import re
from collections import Counter

from .arms import _arm_for
from .endpoint_words import _Mention
from .endpoints import partial_response_word
from .sentence_roles import _population, cohort_of
from .record import Outcome, StudyOutcomes, SummedResponse
from .values import _Value


def partial_pairs(text: str, s: int, e: int, values: list[_Value], mentions: list[_Mention], placed: list,
                  found: list[Outcome], arm_mentions, arms: list[str],
                  respectively: bool) -> list[tuple[Outcome, _Value, _Mention]]:
    """The sentence's complete responses (of ``found``, its outcomes) each with its partial response: the shares of
    the sentence no endpoint took (``placed``: (value, endpoint) of those one did) whose word is a partial response,
    given an arm by the rules every value is (arms.py) and a population as every value is. A complete response is
    paired only with the one partial response of its arm and population, and that one with it alone, when the
    sentence gives as many of each; none across a citation ("in a prior study, partial responses occurred in 30%
    [12]")."""
    if not any(m.kind == "PR" for m in mentions):
        return []
    taken = {id(v) for v, _ in placed}
    partial = [(v, w) for v in values if id(v) not in taken
               for w in [partial_response_word(text, v, mentions, s)] if w is not None]
    if not partial:
        return []
    with_partial = placed + [(v, "PR") for v, _ in partial]
    keyed = []
    for v, w in partial:
        arm = _arm_for(text, v, with_partial, next(i for i, (x, _) in enumerate(with_partial) if x is v), "PR",
                       arm_mentions, arms, respectively)
        keyed.append((v, w, arm, _population(text, v, s, e, tuple(arms)) or cohort_of(text, v)))
    complete: dict[tuple[int, int], Outcome] = {}
    for o in found:  # one value said of every arm is one complete response (its span ends at its value)
        if o.endpoint == "CR" and o.unit == "%":
            complete.setdefault((o.char_end, o.char_start), o)
    if len(complete) != len(partial):
        return []  # (as many of each, or which goes with which is not said: "CR 12% and 4%; PR 30%")
    # (a partial response that names no population of its own is of the one its sentence's complete response names:
    # "Nine patients (7%) with metastatic melanoma achieved complete regression ... and 14 patients (10%) had partial
    # regression")
    candidates = {id(c): [(v, w) for v, w, arm, population in keyed  # (a single arm's: whatever arm it is named)
                          if (arm == c.arm or len(arms) < 2) and population in (c.population, None)]
                  for c in complete.values()}
    claims = Counter(id(v) for pairs in candidates.values() for v, _ in pairs)
    out = []
    for c in complete.values():
        if len(candidates[id(c)]) != 1:
            continue
        v, w = candidates[id(c)][0]
        between = text[min(c.char_end, v.start):max(c.char_start, v.end)]
        if claims[id(v)] == 1 and not _APART.search(between):
            out.append((c, v, w))
    return out


# Words that set a partial response apart from the complete response before it: another study.
_APART = re.compile(r"\[\d|\b(?:prior|previous|previously|earlier|other)\b", re.I)


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
