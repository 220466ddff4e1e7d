"""Figures an answer states in words, read against the passage's figures: a ratio ("almost tripled", "four times
longer") or a difference ("about 10 months longer") against the two figures it is about, a risk "reduced by 22%" for a
hazard ratio of 0.78, "almost 37 months" for 36.8, "four countries" for a list of four names, and "the highest" or
"most frequent" said of an item the passage's figures do not put first."""

from __future__ import annotations

import re

from ...number_words import words_to_int
from .numbers import _plain, _Quantity, _quantities
from .passages import _tok

# --- ratios and differences in words ------------------------------------------------------------------------------

_QUALIFIER = (r"(?:(nearly|almost|about|roughly|approximately|around|more than|over|at least|some|just over|"
              r"just under)\s+)?")
# "doubled", "almost tripled", "halved" (a ratio in words); "four times", "12-fold" (a ratio with its number).
RATIO = re.compile(r"\b" + _QUALIFIER + r"(doubl\w*|twice|tripl\w*|quadrupl\w*|halv\w*|"
                   r"(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)(?: and a half)?[- ](?:times|fold))"
                   r"\b(?!-)", re.I)
# "about 10 months longer", "1.4-month improvement": a difference the answer's two figures give.
DIFFERENCE = re.compile(r"\b" + _QUALIFIER + r"(\d+(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|"
                        r"ten|eleven|twelve)(?: and a half)?)[- ](?:months?|weeks?|days?|years?|points?|"
                        r"percentage points?)\s+(?:longer|shorter|more|less|greater|higher|lower|improvement|gain|"
                        r"difference)\b", re.I)


def _ratio_value(word: str) -> float:
    w = word.lower()
    if w.startswith(("doubl", "twice", "halv")):
        return 2.0
    if w.startswith("tripl"):
        return 3.0
    if w.startswith("quadrupl"):
        return 4.0
    n = re.match(r"(\d+(?:\.\d+)?|\w+)", w).group(1)
    return (float(n) if n[0].isdigit() else float(words_to_int(n))) + (0.5 if " and a half" in w else 0.0)


def _fits(qualifier: str | None, actual: float, said: float) -> bool:
    q = (qualifier or "").lower()
    if q in ("nearly", "almost", "just under"):
        return 0.78 * said <= actual <= 1.03 * said
    if q in ("more than", "over", "at least", "just over"):
        return actual >= 0.98 * said
    if q:
        return 0.78 * said <= actual <= 1.22 * said
    return 0.85 * said <= actual <= 1.15 * said


def _own_pairs(clause: str) -> list[tuple[_Quantity, _Quantity]]:
    """The pairs of figures the answer sets side by side itself ("(54.3 vs 12.9 months)", "(30 vs 11)")."""
    from .comparisons import _pairs  # (comparisons imports numbers; no cycle at load)
    plain = _plain(clause)
    words = [m.span(2) for m in RATIO.finditer(plain)] + [m.span(2) for m in DIFFERENCE.finditer(plain)]
    return [(a, b) for a, b, _ in _pairs(plain, None) if not any(x <= a.start < y or x <= b.start < y
                                                                  for x, y in words)]


def _own_pair(clause: str, at: re.Match | None = None) -> tuple[_Quantity, _Quantity] | None:
    """The pair of figures the answer gives for a ratio or difference in words: the first pair after the words
    ("doubled PFS (5.1 vs 2.2 months) and nearly tripled the response rate (40% vs 13.9%)"), else the last before."""
    pairs = _own_pairs(clause)
    if not pairs:
        return None
    if at is None:
        return pairs[0]
    after = [p for p in pairs if p[0].start >= at.end()]
    return after[0] if after else pairs[-1]


def _passage_pair(clause: str, sentences: list[str]) -> tuple[_Quantity, _Quantity] | None:
    """The pair of figures of a passage sentence the clause follows closely (for "doubled" without figures)."""
    from .comparisons import _pair_for, _topic_tokens
    topic = _topic_tokens(clause)
    for s in sentences:
        pair = _pair_for(s, topic, None)
        if pair is not None and pair[0].percent == pair[1].percent and len(_topic_tokens(s) & topic) >= 3:
            return pair
    return None


def _ratio_holds(m: re.Match, pair: tuple[_Quantity, _Quantity]) -> bool:
    a, b = sorted((pair[0].value, pair[1].value))
    return a > 0 and _fits(m.group(1), b / a, _ratio_value(m.group(2)))


def _difference_holds(m: re.Match, pair: tuple[_Quantity, _Quantity]) -> bool:
    diff, said = abs(pair[0].value - pair[1].value), _ratio_value(m.group(2))  # "four and a half": 4.5
    decimals = 1 if " and a half" in m.group(2) else len((m.group(2) + ".").split(".")[1])
    return _fits(m.group(1), diff, said) or abs(diff - said) <= 0.5 * 10 ** -decimals


def ratio_spans(text: str) -> list[tuple[int, int]]:
    """Where an answer sentence states a ratio or a difference in words that its own two figures bear out ("more
    than four times longer (54.3 vs 12.9 months)"): that number is not looked for in the passage."""
    if not _own_pairs(text):
        return []
    return [m.span(2) for m in RATIO.finditer(text) if _ratio_holds(m, _own_pair(text, m))] + \
        [m.span(2) for m in DIFFERENCE.finditer(text) if _difference_holds(m, _own_pair(text, m))]


def _ratio_to_each(clause: str, m: re.Match, pair: tuple[_Quantity, _Quantity]) -> bool:
    """"22.8 months in arm A, about twice that of arms B and C (12.5 and 12.7 months)": the figure before the ratio
    word against each of a pair that follows it."""
    before = [q for q in _quantities(clause, sentence=True) if not q.loose and q.end <= m.start()
              and q.percent == pair[0].percent]
    return bool(before) and pair[0].start >= m.end() and all(
        _ratio_holds(m, (before[-1], p)) for p in pair)


def ratio_flags(clause: str, sentences: list[str], where: str) -> list[str]:
    """"doubled", "almost tripled", "four times longer", "about 10 months longer" against the answer's own two
    figures; a ratio in words ("almost tripled") without figures against the passage's pair."""
    flags = []
    for m in RATIO.finditer(clause):
        own = _own_pair(clause, m)
        pair = own or (_passage_pair(clause, sentences) if not m.group(2)[0].isdigit()
                       and words_to_int(m.group(2).lower().split()[0].split("-")[0]) is None else None)
        if own is not None and _ratio_to_each(clause, m, own):
            continue
        if pair is not None and min(pair[0].value, pair[1].value) > 0 and not _ratio_holds(m, pair):
            a, b = sorted((pair[0].value, pair[1].value))
            flags.append(f'"{m.group(0)}": {where} gives {pair[0].text} and {pair[1].text} ({b / a:.1f} times)')
    for m in DIFFERENCE.finditer(clause):
        own = _own_pair(clause, m)
        if own is not None and not _difference_holds(m, own):
            diff = abs(own[0].value - own[1].value)
            flags.append(f'"{m.group(0)}": the figures {own[0].text} and {own[1].text} differ by {diff:g}')
    return flags


# "7% + 10% = 17%": a sum the answer shows as one, its parts before it.
_SUM_OF = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*%?\s*\+\s*(\d+(?:\.\d+)?)\s*%?\s*=\s*$")


def derived(q: _Quantity, plain: str) -> bool:
    """A number the answer derives from its own figures: a risk "reduced by 22%" for a hazard ratio of 0.78 in the
    same sentence; the sum written after its parts ("7% + 10% = 17%"), whose parts are checked as any number."""
    parts = _SUM_OF.search(plain[:q.start])
    # (within the rounding of the sum as written, "3.45% + 10.27% = 13.7%"; never a longer expression, "60% - 7% +
    # 10% = 17%", whose first term this rule would not read)
    if parts and abs(float(parts.group(1)) + float(parts.group(2)) - q.value) <= 0.5 * 10 ** -q.decimals + 1e-9 \
            and not re.search(r"[-+−–×*/=]\s*$", plain[:parts.start()]):
        return True
    if q.percent and re.search(r"\b(risk|hazard|odds)\b", plain, re.I) \
            and re.search(r"\b(reduc\w*|lower\w*|cut|decreas\w*)\b", plain, re.I):
        for p in _quantities(plain):
            if p is not q and not p.percent and 0 < p.value < 1 and abs(100 * (1 - p.value) - q.value) <= 1.0:
                return True
    return False


# A list of names ("in France, Germany, Italy, and USA"): what "four countries" counts.
# (or of codes: "28-8, 22C3, and SP263", each with a letter)
_ITEM = r"(?:[A-Z][\w.'-]*|\d[\w.'-]*[A-Za-z][\w.'-]*|\d+-\d+(?=,| and| or))"
_LIST = re.compile(rf"(?:{_ITEM}(?: [A-Z][\w.'-]*){{0,3}}, )+(?:and |or )?{_ITEM}(?: [A-Z][\w.'-]*){{0,3}}")


def listed(q: _Quantity, plain: str, near: list[str]) -> bool:
    """"four countries", "three cohorts": a count the passage gives as a list of that many names, in a passage
    sentence (of those the answer follows) that speaks of them ("27 sites ... in France, Germany, Italy, and USA")."""
    noun = re.match(r"\s+(?:[a-z-]+\s+)?([a-z]{3,})s\b", plain[q.end:])
    if q.loose or q.percent or q.value != int(q.value) or not 2 <= q.value <= 12 or not noun:
        return False
    for s in near:
        if not re.search(rf"\b{re.escape(noun.group(1)[:5])}", s, re.I) and noun.group(1) not in ("countrie", "nation"):
            continue
        for m in _LIST.finditer(s):
            if len(re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group(0))) == q.value:
                return True
    return False


_APPROX = re.compile(r"(?:about|almost|nearly|roughly|approximately|around|some|just under|just over|close to|~|∼)\s*$",
                     re.I)


# A bound the answer gives ("over 80%" for 84%, "fewer than 1%" for 0.8%): the passage's figure just past it.
_ABOVE = re.compile(r"(?:over|more than|above|exceeding|greater than|upwards of)\s*$", re.I)
_BELOW = re.compile(r"(?:under|less than|fewer than|below)\s*$", re.I)


def _bounded(q: _Quantity, plain: str, near: list[str]) -> bool:
    above, below = _ABOVE.search(plain[:q.start]), _BELOW.search(plain[:q.start])
    if q.loose or not (above or below) or q.value <= 0:
        return False
    margin = 5.0 if q.percent else 0.1 * q.value  # within five points, or a tenth of a count
    for s in near:
        for p in _quantities(s):
            if p.loose:
                continue
            v = p.value
            if q.percent and not p.percent:
                if not (0 < v < 1 and p.decimals == 2):
                    continue
                v *= 100  # a rate as a proportion
            elif p.percent != q.percent:
                continue
            if above and q.value < v <= q.value + margin or below and q.value - margin <= v < q.value:
                return True
    return False


def approximately(q: _Quantity, plain: str, near: list[str]) -> bool:
    """"almost 37 months" for 36.8: a number the answer says is approximate, a passage number (of the sentences it
    follows) rounded to a whole one; "over 80%" for 84%: a bound the passage's figure is just past."""
    if _bounded(q, plain, near):
        return True
    if q.loose or not _APPROX.search(plain[:q.start]):
        return False
    # (a half rounds either way: "about 60%" for 60.5%; a round count of hundreds within 2%: "nearly 2,800" for
    # 2,795)
    return any(p.percent == q.percent and not p.loose and p.value != q.value and (
        abs(p.value - q.value) <= 0.5
        or q.value >= 100 and q.value % 10 == 0 and abs(p.value - q.value) <= 0.02 * q.value)
        for s in near for p in _quantities(s))


# --- "highest", "most frequent" said of an item the passage's figures do not put first ---------------------------

_SUPERLATIVE = re.compile(r"\b(?:(most|least)\s+(?:frequent\w*|common\w*|often)|(highest|lowest|longest|shortest|"
                          r"largest|smallest|greatest|best|worst))\b", re.I)
_TOP = {"most", "highest", "longest", "largest", "greatest", "best"}
_ITEMS_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _items(sentence: str) -> list[tuple[str, _Quantity]]:
    """A passage sentence's items with their figures: "Rates of A, B, and C were 40%, 29%, and 45%, respectively";
    "10.4 months with A, 12.7 months with B, and 8.5 months with C"."""
    plain = _plain(sentence)
    resp = re.search(r"(?:^|\b(?:of|for|in|with|among)\s+)((?:[^;:()]|:(?=\S))+?)\s+(?:were|was|are|is)\s+"
                     r"([^;]+?),?\s+respectively", plain, re.I)
    if resp:
        names = [n.strip() for n in _ITEMS_SPLIT.split(resp.group(1).split(" of ")[-1]) if n.strip()]
        values = [q for q in _quantities(resp.group(2)) if not q.loose]
        if len(names) == len(values) >= 2:
            return list(zip(names, values, strict=True))
    out = []
    for m in re.finditer(r"(\d+(?:\.\d+)?\s*%?)(?:\s*(?:months?|weeks?|days?|years?))?\s+(?:with|in|for|on)\s+"
                         r"(?:the\s+)?([^,;()]+?)(?=,|;|\.\s|\.$|\s+and\s|\s+versus\s|\s+vs\b|$)", plain):
        q = _quantities(m.group(1))
        if q:
            out.append((m.group(2).strip(), q[0]))
    return out if len(out) >= 2 else []


def superlative_flags(clause: str, sentences: list[str], where: str) -> list[str]:
    """"most frequent for B", "longest with B" where the passage's figures for its listed items put another first."""
    m = _SUPERLATIVE.search(clause)
    if not m:
        return []
    after = re.split(r"[,;(]|\s+and\s+", clause[m.end():])[0]
    said = set(_tok(after))
    if not said:
        return []
    for s in sentences:
        items = _items(s)
        if not items or len({q.percent for _, q in items}) > 1:
            continue
        scored = sorted(((len(set(_tok(n)) & said), n, q) for n, q in items), key=lambda t: -t[0])
        if scored[0][0] == 0 or len(scored) > 1 and scored[1][0] == scored[0][0]:
            continue
        _, name, value = scored[0]
        top = (m.group(1) or m.group(2)).lower() in _TOP
        best_name, best = (max if top else min)(items, key=lambda t: t[1].value)
        if best.value != value.value:
            return [f'"{m.group(0)}": {where} gives {value.text} for {name} and {best.text} for {best_name}']
        return []
    return []


__all__ = ["DIFFERENCE", "RATIO", "approximately", "derived", "listed", "ratio_flags", "ratio_spans",
           "superlative_flags"]


# --- a number with another unit ("every 6 hours" where the passage's 6 is "every 6 months") -------------------------

_UNITS = {"hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year", "minute": "minute",
          "cycle": "cycle", "course": "course", "dose": "dose", "cohort": "cohort", "arm": "arm", "group": "group",
          "patient": "patient", "trial": "trial", "study": "study", "studie": "study", "centre": "centre",
          "center": "centre", "countrie": "country", "country": "country", "site": "site", "tumor": "tumor",
          "tumour": "tumor", "lesion": "lesion", "vaccination": "vaccination", "infusion": "infusion"}
# (not past a preposition: "18 with proficient tumours" counts people; not a compound's first part: "20
# single-tumour-type trials" counts trials)
_UNIT_AFTER = re.compile(r"[\s-]+(?:(?!(?:with|without|in|of|on|per|from|at|after|before|by|for)\b)[a-z]+[\s-]+)"
                         r"{0,2}?(" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")s?\b(?!-(?!old\b))", re.I)


_LABEL = re.compile(r"(?i)\b(?:phase|grade|stage|cohort|arm|group|part|days?|weeks?|cycles?|type|class|level|step|"
                    r"tier|patients?)\s*$")


def _unit(plain: str, q: _Quantity) -> str | None:
    """The unit or counted thing right after a number ("6 hours", "4 treatment cohorts", "6-month"), if any."""
    m = _UNIT_AFTER.match(plain, q.end)
    return _UNITS[m.group(1).lower()] if m else None


def unit_flags(plain: str, sentences: list[str], where: str, flagged: set[float]) -> list[str]:
    """A whole number the answer gives with a unit ("every 6 hours", "1 of 4 treatment cohorts") that the passage
    gives only with other units ("every 6 months", "4 weeks", "4 doses"): the number the passage says is another
    thing's."""
    text = _plain(plain)
    flags = []
    for q in _quantities(plain, sentence=True):
        if q.percent or q.loose or q.value != int(q.value) or q.value in flagged:
            continue
        if _LABEL.search(text[:q.start]):
            continue  # a label ("phase 2 cohort", "day 1 dose"), not a count
        mine = _unit(text, q)
        if mine is None:
            continue
        theirs = []
        for s in sentences:
            ps = _plain(s)
            theirs += [None if _LABEL.search(ps[:p.start]) else _unit(ps, p)
                       for p in _quantities(s) if p.value == q.value and not p.percent]
        if theirs and None not in theirs and mine not in theirs:
            flags.append(f"{q.text} {mine}s not in {where} (it gives {q.text} {sorted(set(theirs))[0]}s)")
    return flags


# --- a range or share with one end changed ("days 1 to 7" where the passage says "days 1-5") -----------------------

_RANGE = re.compile(r"(?<![\w.])(-?\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(-?\d+(?:\.\d+)?)(?![\w.]*\d)(?!\s*(?:of|/))", re.I)


def _ranges(text: str) -> set[tuple[float, float]]:
    return {(float(m.group(1)), float(m.group(2))) for m in _RANGE.finditer(_plain(text))
            if float(m.group(1)) < float(m.group(2))}


def range_flags(plain: str, sentences: list[str], where: str) -> list[str]:
    """A range of the answer ("days 1 to 7") the passage does not give, where it gives one with the same start or
    the same end ("days 1-5"): one end changed."""
    theirs = set().union(*(_ranges(s) for s in sentences)) if sentences else set()
    flags = []
    for a, b in sorted(_ranges(plain)):
        if (a, b) in theirs:
            continue
        other = next(((x, y) for x, y in sorted(theirs) if (x == a) != (y == b)), None)
        if other is not None:
            flags.append(f"{a:g} to {b:g} not in {where} (it gives {other[0]:g}-{other[1]:g})")
    return flags


# --- a time point of an outcome ("5-year EFS") -------------------------------------------------------------------

_LANDMARK = re.compile(r"\s*-?\s*(?:years?|months?|yr)\b[\s-]*(?:\w+[\s-]+)?"
                       r"(overall survival|survival|OS|PFS|DFS|EFS|RFS|"
                       r"(?:progression|disease|event|relapse|recurrence)[- ]free survival)\b", re.I)


def _landmark_key(word: str) -> str:
    w = word.lower()
    return {"overall survival": "os", "survival": "os"}.get(w, w[0] + "fs" if "free" in w else w)


def landmark(q: _Quantity, plain: str, sentences: list[str]) -> bool:
    """A time point of an outcome ("the 5-year EFS rate"): the same time point of the same outcome in a passage
    sentence is the same thing, whatever else the words beside it say (a list item's "(n = 13); the 5-year EFS")."""
    if q.percent:
        return False
    m = _LANDMARK.match(plain, q.end)
    if not m:
        return False
    key = _landmark_key(m.group(1))
    for s in sentences:
        sp = _plain(s)
        for p in _quantities(s):
            if p.value == q.value and not p.percent:
                o = _LANDMARK.match(sp, p.end)
                if o and _landmark_key(o.group(1)) == key:
                    return True
    return False


# --- a share whose whole is another group's ("90 of 578" where the passage says "90 [15%] of 609" and "247 of 578") --

_SHARE_PAIR = re.compile(r"(?<![\w.,])(\d[\d,]*)\s*(?:\([^()]{0,30}\)\s*|\[[^\[\]]{0,30}\]\s*)?(?:of|out of|/)\s+"
                         r"(?:the\s+|all\s+|these\s+|those\s+)?(\d[\d,]*)(?![\w.,]*\d)", re.I)


def _share_pairs(text: str) -> set[tuple[int, int]]:
    out = set()
    for m in _SHARE_PAIR.finditer(_plain(text)):
        a, b = int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))
        if 0 <= a <= b:
            out.add((a, b))
    return out


def share_flags(plain: str, sentences: list[str], where: str) -> list[str]:
    """An answer's "a of b" the passage does not give, where it gives "a of c" and b as the whole of another share:
    the count put with another group's whole."""
    theirs = set().union(*(_share_pairs(s) for s in sentences)) if sentences else set()
    flags = []
    for a, b in sorted(_share_pairs(plain)):
        if (a, b) in theirs:
            continue
        other = sorted(c for x, c in theirs if x == a and c != b)
        if other and any(c == b and x != a for x, c in theirs):
            flags.append(f"{a} of {b} not in {where} (it gives {a} of {other[0]})")
    return flags


# --- a figure given to the other of two things "respectively" pairs ("progression-free and overall survival rates of
# 0.63 and 0.84, respectively": 0.63 is not the overall survival rate) -------------------------------------------

_RESPECTIVELY = re.compile(r"(?<![\w-])([A-Za-z][\w-]*)\s+and\s+([A-Za-z][\w-]*)\s+(?:[\w-]+\s+){0,4}?"
                           r"(?:were|was|are|is|of)\s+(\d+(?:\.\d+)?)\s*%?\s*(?:\([^()]*\)\s*)?(?:[a-z]+\s+)?and\s+"
                           r"(\d+(?:\.\d+)?)\s*%?\s*(?:\([^()]*\)\s*)?(?:[a-z]+)?,?\s+respectively\b")


def respectively_flags(plain: str, sentences: list[str], where: str) -> list[str]:
    """A figure the answer gives with the one of two things a passage's "A and B ... X and Y, respectively" pairs
    with the other figure (and without that other thing)."""
    mine = set(_tok(plain))
    values = {q.value for q in _quantities(plain, sentence=True) if not q.loose}
    flags = []
    for s in sentences:
        for m in _RESPECTIVELY.finditer(_plain(s)):
            first, second = set(_tok(m.group(1))), set(_tok(m.group(2)))
            if not first or not second or first & second or m.group(3) == m.group(4):
                continue
            for value, own, other in ((m.group(3), first, second), (m.group(4), second, first)):
                if float(value) in values and other <= mine and not own & mine:
                    flags.append(f"{value} not for {m.group(2) if own is first else m.group(1)} in {where} "
                                 f"(it is the {m.group(1) if own is first else m.group(2)} figure)")
    return flags
