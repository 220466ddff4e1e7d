"""The arm a value is given for: the arms a sentence names (by full name, drug, abbreviation or "placebo"), the
order of a list's values ("x% and y%, respectively", "a vs b"), or the arm named closest to the value."""

from __future__ import annotations

import re
from functools import lru_cache

from .arm_names import _DOSE_AMOUNT, _group_arm
from .endpoint_words import _PARENTHESES
from .named_groups import _LABEL, _LETTER_LIST
from .numbers import DOSE_UNIT
from .values import _Value

_COMBINED = re.compile(r"[\s-](?:plus|and|with|\+)[\s-]", re.I)
_WITH_PLACEBO = re.compile(r"(.+?)[\s-]+(?:plus|and|with|\+)[\s-]+(?:matching )?placebo", re.I)
_DOSE_ARM = re.compile(rf"(?P<d>[A-Za-z][\w-]*(?: [a-z][\w-]*)?) (?P<q>\d+(?:\.\d+)? ?{DOSE_UNIT})")
_DOSE_OR_SCHEDULE = re.compile(rf"\b(?:{_DOSE_AMOUNT}|(?:(?:once |twice )?(?:daily|weekly)|"
                               rf"every \d+ (?:days|weeks))\b)", re.I)


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern:
    """An arm's name as a text may write it: "gemcitabine plus ramucirumab" for the "gemcitabine-plus-ramucirumab" arm,
    "the CAPOX-containing arms" for CAPOX."""
    pattern = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", name))
    return re.compile(rf"(?<![\w-]){pattern}(?:-(?:containing|based|treated|alone|only))?(?![\w-])", re.I)


def _short_names(arm: str, arms: list[str]) -> list[tuple[str, str]]:
    """The shorter names an arm goes by where no other arm has them: its first word (the drug), its last word, its core
    without a place or a leading adjective, its name without a dose or schedule."""
    names: list[tuple[str, str]] = []
    words = re.split(r"\s+(?:plus|and|with|\+)\s+|\s+", arm)
    head = words[0]
    if len(head) >= 4 and sum(1 for a in arms if a.lower().startswith(head.lower())) == 1:
        names.append((head, arm))
        if len(head) >= 8 and head.endswith("ed"):
            names.append((head[:-2] + "ion", arm))  # "with hypofractionation" for "hypofractionated radiation"
    # Its last word, when no other arm has it: "chemotherapy" for "platinum-based chemotherapy".
    tail = words[-1]
    # (or an abbreviation: "TAVI" for "isolated TAVI")
    # (a whole word: "users" of "NIV users" beside "non-users")
    if len(words) > 1 and (len(tail) >= 5 or len(tail) >= 3 and tail.isupper()) \
            and sum(1 for a in arms if _name_pattern(tail).search(a)) == 1:
        names.append((tail, arm))
    # Its core, without a place and a leading adjective: "radiation therapy" for "palliative radiation therapy to
    # the liver"
    core = re.sub(r"\s+(?:to|of|for|in|at|on)\s+.*$", "", arm)
    core = re.sub(r"^[a-z]+(?:al|ive|ary|ic)\s+(?=\S+\s+\S)", "", core)
    if core != arm and len(core.split()) >= 2 and sum(1 for a in arms if core.lower() in a.lower()) == 1:
        names.append((core, arm))
    # Its name without a dose or schedule, when no other arm has it: "radiotherapy plus cisplatin" for
    # "radiotherapy plus weekly cisplatin 40 mg/m²"
    bare = re.sub(r"\s+", " ", _DOSE_OR_SCHEDULE.sub(" ", arm)).strip()
    if bare != arm and len(bare) >= 4 and not _DOSE_ARM.fullmatch(arm) \
            and sum(1 for a in arms if re.sub(r"\s+", " ", _DOSE_OR_SCHEDULE.sub(" ", a)).strip().lower()
                    == bare.lower()) == 1:
        names.append((bare, arm))
    return names


def _written_forms(arm: str) -> list[tuple[str, str]]:
    """The other ways a text writes an arm: a dose's group, a drug "plus placebo" alone."""
    names: list[tuple[str, str]] = []
    # A dose's group ("tarlatamab 10 mg"): "10 mg of tarlatamab", "the 10-mg dose", "10 mg"
    dose = _DOSE_ARM.fullmatch(arm)
    if dose:
        q = dose.group("q")
        names += [(f"{q} of {dose.group('d')}", arm), (q, arm), (q.replace(" ", "-"), arm)]
    # "dabrafenib plus placebo" is "dabrafenib only", "dabrafenib alone"
    with_placebo = _WITH_PLACEBO.fullmatch(arm)
    if with_placebo:
        names += [(f"{with_placebo.group(1)} {word}", arm) for word in ("alone", "only")]
    return names


def _arm_mentions(text: str, s: int, e: int, arms: list[str], aliases: dict[str, str]) -> list[tuple[int, int, str]]:
    """Where the sentence names an arm: its full name, its first word (the drug), its abbreviation, or "placebo"."""
    names: list[tuple[str, str]] = []
    for arm in arms:
        names += [(arm, arm), *_short_names(arm, arms), *_written_forms(arm)]
    names += [(alias, arm) for alias, arm in aliases.items()]
    # The groups named by their role: "the combination" is the one arm that combines treatments.
    # "dabrafenib plus placebo" combines nothing.
    combos = [a for a in arms if _COMBINED.search(f" {a} ") and not re.search(r"\bor\b", a)
              and not _WITH_PLACEBO.fullmatch(a)]
    if len(combos) == 1 and len(arms) >= 2:
        names.append(("the combination", combos[0]))
    # "among controls", "the control group": the one arm that is the control (placebo, standard care, or the
    # chemotherapy a targeted drug is added to)
    control = _group_arm("control", arms, {}) if len(arms) >= 2 else None
    if control:
        names += [(word, control) for word in ("controls", "control group", "control arm", "control patients")]
    if len(arms) == 2:  # "15.3 months in the former and 7.9 months in the latter"
        names += [("the former", arms[0]), ("the latter", arms[1])]
    found: list[tuple[int, int, str]] = []
    for name, arm in sorted(names, key=lambda x: -len(x[0])):
        for m in _name_pattern(name).finditer(text[s:e]):
            a, b = s + m.start(), s + m.end()
            if len(name) == 1 and not (_LETTER_BEFORE.search(text, max(0, a - 10), a) and _LETTER_AFTER.match(text, b)):
                continue  # a one-letter name ("with C and 7.1 months with P"), not "hepatitis C" or "Child-Pugh C"
            if not any(a < fb and b > fa for fa, fb, _ in found):
                found.append((a, b, _alone(text, a, b, arm, arms)))
    # "in cohorts I and II": each label where the list names it
    by_name = {a.lower(): a for a in arms}
    for m in _LETTER_LIST.finditer(text, s, e):
        for x in re.finditer(_LABEL, m.group("l")):
            arm = by_name.get(f"{m.group('w')} {x.group(0)}".lower())
            a, b = m.start("l") + x.start(), m.start("l") + x.end()
            if arm and not any(a < fb and b > fa for fa, fb, _ in found):
                found.append((a, b, arm))
    return sorted(found)


_LETTER_BEFORE = re.compile(r"(?:\b(?:with|in|for|on|versus|vs\.?|and|than|the)\s+|\()$")
_LETTER_AFTER = re.compile(r"\s*[,;.)]|\s+(?:and|or|vs\.?|versus|group|arm)\b")


def _alone(text: str, a: int, b: int, arm: str, arms: list[str]) -> str:
    """ "radiation therapy alone" is the arm of radiation therapy without the other treatment ("involved-field
    radiation therapy", not "radiation therapy plus six cycles of R-CVP")."""
    alone = re.match(r"((?:[\s-]+(?!alone|only)[\w-]+){0,2}?)[\s-]+(?:alone|only)\b", text[b:b + 40], re.I)
    if not _COMBINED.search(f" {arm} ") or not alone:
        return arm
    said = (text[a:b] + alone.group(1)).lower()  # "radiation" + " therapy" before "alone"
    single = [x for x in arms if x != arm and said in x.lower() and not _COMBINED.search(f" {x} ")]
    return single[0] if len(single) == 1 else arm


def _pair(text: str, v: _Value, chain: list[_Value], arms: list[str], named: list[str], arm_mentions) -> str | None:
    """The arm of one of two values that a phrase around them gives: "between the two acalabrutinib groups (93% vs.
    87%)", or "Radiation was associated with an increase in median DFS from 12.0 weeks to 14.7 weeks"."""
    both = re.search(r"\b(?:the|both) two ([\w-]+) (?:groups|arms|cohorts)\b[^;.]*$",
                     text[max(0, v.start - 150):v.start], re.I)
    if both and len(chain) == 2:
        # the two arms of that drug, in the study's order
        pair = [a for a in arms if re.search(rf"(?<![\w-]){re.escape(both.group(1))}(?![\w-])", a, re.I)]
        if len(pair) == 2:
            return pair[next(j for j, x in enumerate(chain) if x is v)]
    # "raised the response from 32.3% to 43.0%" between a treatment and the combination that adds to it: from the
    # treatment to the combination
    from_to = len(chain) == 2 and len(arms) == 2 \
        and re.fullmatch(r"\s*to\s*", _PARENTHESES.sub("", text[chain[0].tail:chain[1].start])) \
        and re.search(r"\bfrom\s*$", text[max(0, chain[0].start - 8):chain[0].start])
    combined = [a for a in arms if from_to and any(b != a and _COMBINED.search(f" {a} ") and b.lower() in a.lower()
                                                  for b in arms)]
    if len(combined) == 1:
        return combined[0] if chain[1] is v else next(a for a in arms if a != combined[0])
    # the arm named before the values goes to the second, the other arm is where it came from
    if from_to and len(named) == 1 and any(b <= chain[0].start for _, b, _ in arm_mentions):
        return named[0] if chain[1] is v else next(a for a in arms if a != named[0])
    # "Five-year survival increased from 38% to 53%" after "... after X compared to matched controls": from the
    # control to the treatment
    control = _group_arm("control", arms, {}) if from_to and not named else None
    if control:
        return next(a for a in arms if a != control) if chain[1] is v else control
    return None


def _beside_not_reached(text: str, v: _Value, order: list[str]) -> str | None:
    """ "median PFS was not reached versus 12.9 months", "9.7 months versus not reached": of two arms, the value
    after the median not reached is the second's, the one before it the first's."""
    if len(order) != 2:
        return None
    if re.search(r"\bnot (?:yet )?(?:been )?reached\s*(?:\([^()]*\)\s*)?(?:versus|vs\.?|compared with)\s*$",
                 text[max(0, v.start - 80):v.start], re.I):
        return order[1]
    if re.match(r"\s*(?:\([^()]*\)\s*)?(?:versus|vs\.?|compared with)\s+(?:not (?:yet )?(?:been )?reached|NR)\b",
                text[v.tail:v.tail + 80], re.I):
        return order[0]
    return None


def _arm_for(text: str, v: _Value, placed, index: int, endpoint: str, arm_mentions, arms: list[str],
             respectively: bool) -> str:
    if len(arms) < 2:
        return "all"
    named: list[str] = []
    for _, _, arm in arm_mentions:
        if arm not in named:
            named.append(arm)
    # "x% and y%, respectively", "a vs b", "(13.8 months [CI] vs 9.6 months [CI])": the values of one endpoint that
    # form a list take the arms in the order the sentence names them (or the study's order, when it names none).
    same = [p for p in placed if p[1] == endpoint]
    chain = _chain(text, same, v)
    pair = _pair(text, v, chain, arms, named, arm_mentions)
    if pair:
        return pair
    if len(chain) >= 3 and len(named) == 2:
        # "The two pembrolizumab groups had fewer ... compared with the ipilimumab group: 13.3 percent and 10.1 percent
        # versus 19.9 percent": the values before "versus" are the first named arm's, those after it the second's
        cuts = [j for j in range(len(chain) - 1)
                if re.search(r"\b(?:versus|vs|v|compared)\b", text[chain[j].tail:chain[j + 1].start], re.I)]
        if len(cuts) == 1:
            return named[0] if next(j for j, x in enumerate(chain) if x is v) <= cuts[0] else named[1]
    n = len(named) if len(named) >= 2 else len(arms)
    if len(chain) > n and len(chain) % n == 0 and (respectively or len(named) >= 2):
        # "59% versus 33% and 45% versus 25% in the X and Y groups, respectively": pairs, each in the arms' order
        versus = [bool(re.search(r"\b(?:versus|vs|v|compared)\b", text[chain[j].tail:chain[j + 1].start], re.I))
                  for j in range(len(chain) - 1)]
        if all(versus[j] == ((j + 1) % n != 0) for j in range(len(versus))):
            return (named if len(named) >= 2 else arms)[next(j for j, x in enumerate(chain) if x is v) % n]
    if len(chain) == len(arms) == 2 and len(named) == 1:
        # "59% versus 41% for radiation therapy alone": the arm named right after an item is that item's, the other
        # arm the other item's
        right_after = [j for j, x in enumerate(chain) for a, _, arm in arm_mentions
                       if arm == named[0] and re.fullmatch(r"\s*(?:\([^()]*\)\s*)?(?:for|in|with|among) (?:the )?"
                                                           r"(?:(?:patients|those) (?:who received |receiving |given |"
                                                           r"treated with )?)?", text[x.tail:a], re.I)]
        others = [a for a in arms if a != named[0]]
        if len(right_after) == 1 and len(others) == 1:
            return named[0] if chain[right_after[0]] is v else others[0]
    if len(chain) >= 2:
        # (arms named only after the list, in a ratio's brackets or the next clause, say nothing of its order: "mOS:
        # 17.2 vs 15.9 vs 12.6 mo (HR vs placebo 0.74 ...)")
        later = all(a >= chain[-1].tail for a, _, _ in arm_mentions)
        # (names only in another clause, past a semicolon, say nothing of the list's order either: "in 9.1% and 13.8%
        # of the patients; ... more common in the placebo group, and ... with brenkizumab")
        elsewhere = later and bool(arm_mentions) and ";" in text[chain[-1].tail:arm_mentions[0][0]]
        order = arms if elsewhere and len(chain) == len(arms) else named if len(named) >= len(chain) else (
            arms if not named or respectively or (len(chain) == len(arms) and (named[0] == arms[0] or later))
            else None)
        # (also with "respectively" when the one arm named is not the study's first: "PET-CT resulted in fewer neck
        # dissections compared with the surgical arm, with a 2-year survival rate of 84.9% versus 81.5%, respectively")
        if (order is None or respectively and named and named[0] != arms[0]) and len(named) == 1 \
                and len(chain) == len(arms) == 2 \
                and any(b <= chain[1].start for _, b, _ in arm_mentions):
            at = max(a for a, b, _ in arm_mentions if b <= chain[1].start)
            # "the median PFS was better for patients who received FCR (55.2 months vs. 41.7 months)", "55.2 months
            # with FCR vs. 41.7 months": the arm named before the second item is the first item's, the other arm the
            # second's
            order = [named[0]] + [a for a in arms if a != named[0]]
            if re.search(r"\b(?:compared (?:with|to)|than|versus|vs\.?|over|relative to)\s+(?:the\s+|those\s+"
                         r"(?:in|who received|receiving)\s+(?:the\s+)?)?$", text[max(0, at - 40):at], re.I):
                order.reverse()  # "fewer events compared with the ipilimumab group: 13% and 19%": the comparator second
        if order and len(chain) <= len(order):
            return order[next(j for j, x in enumerate(chain) if x is v)]
    beside = _beside_not_reached(text, v, named if len(named) == 2 else arms) if len(chain) == 1 else None
    if beside:
        return beside
    if respectively and 2 <= len(same) <= len(arms):
        order = named if len(named) >= len(same) else arms
        return order[next(i for i, p in enumerate(same) if p[0] is v)]
    # The arm named closest: just after the value ("66.3% in the durvalumab group"), else before it.
    after = [(_PARENTHESES.sub("", text[v.tail:a]), arm) for a, b, arm in arm_mentions if a >= v.tail]
    # "... in the durvalumab group", "... of those who received placebo"; not "... than with docetaxel".
    # (further when the words between say who the patients were: "40% in patients randomly assigned to receive
    # definitive chemoradiation")
    after = [(len(gap), arm, gap) for gap, arm in after
             if (len(gap) <= 45 or len(gap) <= 75 and re.match(r"\s*(?:in|for|among|of) (?:the )?(?:patients|those)\b",
                                                              gap, re.I))
             # (nor "twice as many in the ipilimumab arm (56%) as the dacarbazine arm")
             and not re.search(r"\b(?:than|versus|vs|compared|whereas|and|but)\b|[;]|"
                               r"\bas (?:the|in|with|among|for|those)\b", gap, re.I)]
    if after:
        _, arm, gap = min(after)
        if len(arms) == 2 and re.search(r"\b(?:did not|not|never)\s+(?:receive|undergo|get|be given)\s+(?:the\s+)?$|"
                                        r"\bwithout\s+(?:the\s+)?$", gap, re.I):
            return next(a for a in arms if a != arm)  # "82.7% for patients who did not receive autologous SCT"
        return arm
    return _named_before(text, v, arm_mentions, arms)


def _named_before(text: str, v: _Value, arm_mentions, arms: list[str]) -> str:
    """The arm named closest before a value, or the other of two when the value is said to be "without" it ("68.9%
    with primary prophylaxis and 61.2% without")."""
    before = [(v.start - b, arm) for a, b, arm in arm_mentions if 0 <= v.start - b <= 90]
    if not before:
        return "all"
    arm = min(before)[1]
    if len(arms) == 2 and re.match(r"\s*(?:\([^()]*\)\s*)?(?:(?:in|for|among|of) (?:those|patients) )?without\b",
                                   text[v.tail:v.tail + 60], re.I):
        return next(a for a in arms if a != arm)
    return arm


# Between the items of a list: "vs", "and", commas; a count before the next item's share ("n=56 [33%] vs n=61 [40%]",
# "16 (11%) versus 52 (39%)").
_LIST_GAP = re.compile(r"[\s,;:()\[\]]*(?:versus|vs\.?|v\.?|(?:as )?compared (?:with|to)|relative to|and|or|to|,)"
                       r"\s*(?:with\s+|in\s+|for\s+)?"
                       r"(?:(?:n\s*=\s*)?\d+(?:\s+(?:patients|participants))?\s*[(\[]\s*)?", re.I)


def _chain(text: str, same, v: _Value) -> list[_Value]:
    """The run of values of one endpoint around ``v`` joined only by "vs", "and", commas (CIs in brackets aside)."""
    values = [p[0] for p in same]
    if not any(x is v for x in values):
        return [v]
    i = next(j for j, x in enumerate(values) if x is v)
    start = end = i
    while start > 0 and _LIST_GAP.fullmatch(_PARENTHESES.sub("", text[values[start - 1].tail:values[start].start])):
        start -= 1
    while end + 1 < len(values) and _LIST_GAP.fullmatch(
            _PARENTHESES.sub("", text[values[end].tail:values[end + 1].start])):
        end += 1
    return values[start:end + 1]
