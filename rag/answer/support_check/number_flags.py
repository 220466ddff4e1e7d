"""The numbers of an answer sentence against its cited passages: each must be in a passage sentence that speaks of
the same thing, in digits or in words, as a range, "x of y" or a share of another, rounded or exact; a figure a
passage gives only as an interval's bound, or as the sum of other groups, is not the figure said."""

from __future__ import annotations

import math
import re

from .figures import (approximately, derived, landmark, listed, range_flags, ratio_spans, respectively_flags,
                      share_flags, unit_flags)
from .numbers import (_SHARE, _SHARE_IN, _as_point, _beside, _count, _plain, _Quantity, _quantities, _shared_numbers,
                      _shares, _supports_number, _window)
from .passages import _Check


def _number_flags(ctx: _Check) -> tuple[int, list[str]]:
    """Numbers: each in a passage sentence that speaks of the same thing (it shares the answer's rarer words), or in
    one of the three passage sentences the answer follows most closely. A title may hold a number too.
    (facts checked, flags)."""
    passages, answer_words, titles = ctx.passages, ctx.answer_words, ctx.titles
    near = set(ctx.ranked[:3])
    enough = max(1.0, 0.2 * math.fsum(passages.weight.get(t, math.log(2)) for t in answer_words))
    pool = passages.sentences + list(titles.values())
    mine_numbers = _quantities(ctx.plain, sentence=True)
    plain_text = _plain(ctx.plain)
    # The size of a population ("of the 93 patients", "20 of 93"): said once in a passage, anywhere.
    # (the whole of a share, "20 of the 93", "71% of the 78", or "Of the 283 patients" opening the sentence)
    denominators = set()
    for q in mine_numbers:
        before = plain_text[:q.start]
        tail = re.search(r"(?:\b(?:of|out of)\s+(?:the\s+|all\s+|these\s+)?|/)$", before)
        if not q.percent and not q.loose and q.value == int(q.value) and _POPULATION_BEFORE.search(before) \
                and _POPULATION_AFTER.match(plain_text[q.end:]):
            denominators.add(id(q))  # "In the 77 PD-L1-positive patients, ...": the population, said anywhere
            continue
        if q.percent or q.loose or not tail:
            continue
        head = before[:tail.start()].rstrip()
        head = re.sub(r"\s*\([^()]*\)$", "", head)  # "nine (25%) of 62"
        if re.fullmatch(r"\s*", head) or any(p.end == len(head) or p.end == len(head.rstrip("%")) and p.percent
                                              for p in mine_numbers if p.end <= len(head)) \
                or re.search(r"(?i)\b(percent|per cent|half|third|quarter|fifth|thirds|quarters)$", head):
            denominators.add(id(q))
    # "four in five", "7 of 9": the share may be written as a percentage in the passage.
    in_shares = _shares_supported(plain_text, mine_numbers, ctx.ranked[:3])
    segments = [m.end() for m in _SEGMENT.finditer(plain_text)]
    missing = []
    flagged: set[float] = set()
    stated = ratio_spans(plain_text)  # "four times longer": checked as a ratio of the figures (wording.py)
    # "28-8" (an antibody clone's name) written so in a passage: the same two numbers side by side, said there
    stated += [m.span() for m in re.finditer(r"(?<![\w.])\d+-\d+(?![\w.%]*\d)(?!\s*%)", plain_text)
               if any(re.search(rf"(?<![\w.-]){re.escape(m.group(0))}(?![\w-])", _plain(t)) for t in ctx.texts)]
    for q in mine_numbers:
        # (a round count of hundreds, "about 4,500" for 4496, is no coincidence: anywhere in the passage)
        if id(q) in in_shares or any(a <= q.start < b for a, b in stated) or derived(q, plain_text) \
                or approximately(q, plain_text, ctx.ranked[:3] if q.value < 100 or q.percent else ctx.ranked) \
                or listed(q, plain_text, ctx.ranked[:3]) \
                or landmark(q, plain_text, passages.sentences):
            continue
        if id(q) in denominators and any(_supports_number(q, s) for s in passages.sentences):
            continue
        if _sum_of_others(q, mine_numbers, passages.sentences, plain_text):
            continue  # "Of the 216 treated, 98 received A and 118 B": the rest of a total the sentence gives
        segment = sum(1 for e in segments if e <= q.start)
        others = [o for o in mine_numbers if o is not q and not o.loose and o.value > 3
                  and sum(1 for e in segments if e <= o.start) == segment
                  # a count in words, its own share's denominator ("Three of the 10": the passage may say "three
                  # patients" in one sentence and "the 10 patients" in another)
                  and not (id(o) in denominators and o.start > q.end and not q.text[:1].isdigit()
                           and re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:of|out of|/)\s*(?:the\s+|all\s+)?",
                                            plain_text[q.end:o.start]))]
        precise_others = [o for o in mine_numbers if o is not q and not o.loose and not o.percent
                          and (o.decimals >= 2 or o.value >= 100)]
        holders = [s for s in pool if _supports_number(q, s) and (q.decimals < 1 or _as_point(q, plain_text, s))
                   and not _rounded_bound_only(q, plain_text, s)]
        if any(_shared_numbers(precise_others, s) >= 1 for s in holders):
            continue  # beside a precise number of the sentence ("30 studies including 4971 individuals")
        # A precise number (1,034; 216 patients; 0.27) is no coincidence: it may be anywhere in the passage. Several
        # of the sentence's numbers together in one passage sentence speak of the same thing too.
        precise = not q.loose and not q.percent and (q.decimals >= 2 or q.value >= 100) or q.decimals >= 2
        # Beside the number, the answer and the passage speak of the same thing ("9.8 months without flu-like
        # symptoms" is not "9.8 months without an injection site reaction").
        # Checked only where the answer follows one passage sentence for its other numbers and this one is not there.
        with_others = [c for c in passages.clauses if others and _shared_numbers(others, c) >= 1]
        anchor = max(with_others, key=lambda c: passages.overlap(answer_words, c)) if with_others else None
        slot = anchor is not None and not _supports_number(q, anchor)
        around = _window(_plain(ctx.plain), q.start, q.end, 3) if slot else set()
        if any(_supports_number(q, v) for v in ctx.value_spans):
            continue  # a value the outcomes stage read from this passage (the studies table's cell)
        wide = _window(_plain(ctx.plain), q.start, q.end, 6)  # a holder with the same words beside the number is enough
        if not any((precise or s in near or s in titles.values() or passages.overlap(answer_words, s) >= enough
                    or _shared_numbers(others, s) >= 2) and (precise or _beside(q, around, s))
                   or (wide and _beside(q, wide, s) and (not slot or _beside(q, around, s))) for s in holders):
            missing.append(f"{_shown(q)} not in {ctx.where}")
            flagged.add(q.value)
    missing += unit_flags(ctx.plain, passages.sentences + list(titles.values()), ctx.where, flagged)
    missing += range_flags(ctx.plain, passages.sentences, ctx.where)
    missing += share_flags(ctx.plain, passages.sentences, ctx.where)
    missing += respectively_flags(ctx.plain, passages.sentences, ctx.where)
    return len(mine_numbers), missing


# A population the sentence opens with ("In the 77 PD-L1-positive patients, ...", "Among all 120 women, ...").
_POPULATION_BEFORE = re.compile(r"(?:^|[,;]\s*)(?:[Ii]n|[Aa]mong|[Oo]f|[Ff]or)\s+(?:the|these|those|all)\s+$")


_POPULATION_AFTER = re.compile(r"(?:\s+[\w-]+){0,4}?\s+(?:patients|participants|people|women|men|children|adults|"
                               r"subjects|cases|survivors)\b")


def _rounded_bound_only(q: _Quantity, text: str, sentence: str) -> bool:
    """A whole percentage ("26%") that a passage sentence holds only as the rounded bound of an interval ("95% CI,
    8.8%–25.9%"): not the figure it reports."""
    if not q.percent or q.loose or q.decimals or _as_point(q, text, sentence):
        return False
    return not any(p.value == q.value for p in _quantities(sentence)) and not any(
        abs(share - q.value) <= 0.5 for share in _shares(sentence))


def _sum_of_others(q: _Quantity, mine: list[_Quantity], sentences: list[str], text: str) -> bool:
    """A whole count the answer derives from two of its own counts that one passage sentence gives together (the
    rest of a total: "Of the 216 treated, 98 received A and 118 B", 216 - 98)."""
    def count(o: _Quantity) -> bool:  # a count of people or things, not a duration or a dose
        return not o.percent and not o.loose and o.value == int(o.value) and not re.match(
            r"[\s-]*(?:hours?|days?|weeks?|months?|years?|mg|g|ml|%|percent|per cent|times|fold)\b", text[o.end:], re.I)
    if not count(q) or q.value < 2:
        return False
    counts = [o for o in mine if o is not q and count(o)]
    for a in counts:
        for b in counts:
            if a is not b and a.value - b.value == q.value and a.start < q.start \
                    and any(_supports_number(a, s) and _supports_number(b, s) for s in sentences):
                return True
    return False


# Where an answer sentence's facts part ("...; 73 and 96 had died", "..., and 20 of 93 had a complete response").
_SEGMENT = re.compile(r";|:\s|,\s+(?:and|but|while|whereas|though|although|yet|against)\s+", re.I)


def _shares_supported(text: str, mine: list[_Quantity], pool: list[str]) -> set[int]:
    """The numbers of the answer's "x of y" and "x in y" shares whose percentage a passage sentence gives ("about
    four in five" for 80.6%)."""
    out: set[int] = set()
    for m in list(_SHARE.finditer(text)) + list(_SHARE_IN.finditer(text)):
        a, b = _count(m.group(1)), _count(m.group(2))
        if a is None or not b or not 0 < a <= b or "%" in m.group(0) or re.match(r"\s*[(\[]\s*[\d.]+\s*%",
                                                                                     text[m.end():]):
            continue  # the answer gives the share's percentage itself: its counts are checked as numbers
        if any(b == _count(o.group(2)) for t in pool for o in _SHARE.finditer(_plain(t))):
            continue  # the passage writes a share of the same whole: the counts are compared as they are
        share = 100.0 * a / b
        tolerance = 0.55 if b > 10 else 4.0  # "x of y" rounded; "four in five" for 80.6%
        if any(p.percent and abs(p.value - share) <= tolerance for s in pool for p in _quantities(s)):
            out |= {id(q) for q in mine if not q.percent and (m.start(1) <= q.start < m.end(1)
                                                                 or m.start(2) <= q.start < m.end(2))}
    return out


def _shown(q: _Quantity) -> str:
    """A number as a flag names it: as written when in words, else as a plain number ("1034", "45.3%")."""
    return q.text if q.loose or not q.text[:1].isdigit() else f"{q.value:g}{'%' if q.percent else ''}"
