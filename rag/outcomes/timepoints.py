"""The time point of a landmark rate ("the 12-month rate", "at 2 years", "1-, 2- and 3-year"), and the time points
the methods define for rates reported without one."""

from __future__ import annotations

import re

from ..number_words import words_to_int
from .values import _Value

# A time point: "2-year", "12-month", "2-y", "1-yr", "12-mo", "at 6 months".
_TP_UNIT = r"(?:years?|months?|weeks?|days?|yrs?|y|mos?|mths?|wks?)"
# The time points written in words that papers use ("eighteen-month", "thirty-six-month", "Ninety-day survival").
_WORD_NUMBERS = {w: str(words_to_int(w)) for w in ("one", "two", "three", "four", "five", "six", "seven", "eight",
                                                    "nine", "ten", "twelve", "eighteen", "twenty-four", "twenty-eight",
                                                    "thirty", "thirty-six", "sixty", "ninety")}
_TP_WORDS = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_TIMEPOINT = re.compile(rf"\b(?P<n>\d+(?:[.·]\d+)?|{_TP_WORDS})[- ](?P<u>{_TP_UNIT})\b(?![- ]old)|"
                        rf"\bat (?P<n2>\d+(?:[.·]\d+)?|{_TP_WORDS}) (?P<u2>{_TP_UNIT})\b|"
                        # the unit first, as trials of acute illness count: "survival at day 90", "by week 26",
                        # "survival to day 180", "day-90 survival"
                        r"\b(?:at|on|by|through|to) (?P<u3>day|week|month) (?P<n3>\d+)\b(?![.·]\d)|"
                        r"\b(?P<u4>day|week)-(?P<n4>\d+) (?=(?:overall |all-cause )?(?:survival|mortality))", re.I)


def tp_parts(m: re.Match) -> tuple[str, str]:
    """A time point match's number and unit as written ("90", "day"), whichever form it has."""
    return (m.group("n") or m.group("n2") or m.group("n3") or m.group("n4"),
            m.group("u") or m.group("u2") or m.group("u3") or m.group("u4"))


def tp_label(m: re.Match) -> str:
    """"12-month", "2-year", "90-day": a time point match as a record's ``timepoint``."""
    n, u = tp_parts(m)
    return f"{_WORD_NUMBERS.get(n.lower(), n)}-{_tp_unit(u)}"


# "1-, 2-, and 3-year", "at 1 and 2 years".
_TIMEPOINT_LIST = re.compile(rf"\b(?P<list>\d+(?:-?,\s*\d+)*-?,?\s*(?:and|or)\s*\d+)[- ](?P<u>{_TP_UNIT})\b|"
                             # "1-year and 2-year"
                             rf"\b(?P<list2>\d+-(?P<u2>year|month)(?:,\s*\d+-(?P=u2))*,?\s*(?:and|or)\s*\d+)-(?P=u2)\b",
                             re.I)

# An endpoint the methods define with its time point: "the 20-week immune-related progression-free survival rate".
_DEFINED_RATE = re.compile(rf"\b(?P<n>\d+|{_TP_WORDS})[- ](?P<u>week|month|year)s?[- ](?:[\w-]+ ){{0,2}}?"
                          r"(?P<e>progression[- ]free|overall|disease[- ]free|relapse[- ]free|recurrence[- ]free)"
                          r"(?: survival)? rates?\b", re.I)


def _defined_timepoints(text: str) -> dict[str, str]:
    """{"PFS_rate_pending": "20-week"} for each landmark rate the text defines with one time point only: the time
    point of its rates reported without one ("... progression-free survival rate were 40% and 78%")."""
    found: dict[str, set[str]] = {}
    for m in _DEFINED_RATE.finditer(text):
        family = {"p": "PFS", "o": "OS"}.get(m.group("e")[0].lower(), "DFS")
        found.setdefault(f"{family}_rate_pending", set()).add(
            f"{_WORD_NUMBERS.get(m.group('n').lower(), m.group('n'))}-{m.group('u').lower()}")
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def _tp_unit(word: str) -> str:
    """"years", "yr", "y" -> "year"; "mo", "months" -> "month"; "wk" -> "week"."""
    w = word.lower()
    return "year" if w.startswith("y") else "month" if w.startswith("m") else "day" if w.startswith("d") else "week"


def _timepoint_list(sentence: str, s: int) -> list[str]:
    m = _TIMEPOINT_LIST.search(sentence)
    if not m:
        return []
    numbers = re.findall(r"\d+", m.group("list") or m.group("list2"))
    return [f"{n}-{_tp_unit(m.group('u') or m.group('u2'))}" for n in numbers]


_FOLLOW_UP_BEFORE = re.compile(r"(?:\bfollow[- ]?up(?: time| period| duration)?|\b(?:older|younger) than|\baged?|"
                               # a schedule: "pembrolizumab every 3 weeks", "once every 2 weeks"
                               r"\bevery|\beach|"
                               r"\bage of|\bfollowed(?: up)?(?: for)?)"
                               r"(?: (?:of|was|is|for|at least|over|up to|a median of|median))*"
                               r"(?: (?:about|approximately|nearly|almost|more than))?\s*$", re.I)
_FOLLOW_UP_AFTER = re.compile(r"[- ](?:median |minimum |mean )?(?:follow[- ]?up|old)\b", re.I)


def _not_a_landmark(text: str, m: re.Match) -> bool:
    """ "a median follow-up of 10 years", "(2-year median follow-up)", "older than 60 years", "every 3 weeks": no rate's
    time point."""
    return bool(_FOLLOW_UP_BEFORE.search(text, max(0, m.start() - 40), m.start())
                or _FOLLOW_UP_AFTER.match(text, m.end(), m.end() + 20))


def _timepoint_for(text: str, v: _Value, s: int, placed, index: int, timepoints: list[str],
                   word_start: int | None = None) -> str | None:
    if timepoints:
        rates = [p for p in placed if p[1].endswith("_rate_pending")]
        position = next(i for i, p in enumerate(rates) if p[0] is v)
        if len(rates) % len(timepoints) == 0:
            per = len(rates) // len(timepoints)
            if per > 1 and re.fullmatch(r"[\s,;]*(?:versus|vs\.?|v\.?|compared with)[\s,]*",
                                        text[rates[0][0].tail:rates[1][0].start], re.I):
                return timepoints[position // per]  # "1-year and 2-year rates were 59% versus 33% and 45% versus 25%"
            return timepoints[position % len(timepoints)]
    # From 90 characters before the value, or from its endpoint's word when that is further ("OS rates at 2 years were
    # not ... different between the two treatment groups (arm A, 39.9%; ...")
    start = v.start - 90 if word_start is None else min(v.start - 90, word_start)
    before = list(_TIMEPOINT.finditer(text, max(s, start), v.start))
    after = list(_TIMEPOINT.finditer(text, v.tail, min(len(text), v.tail + 30)))
    # The time point nearest before the value ("the 12-month rate was 55.9% versus 35.3%, and the 18-month..."),
    # else one just after it ("55.9% at 12 months").
    before = [m for m in before if not re.search(r"[.·]", tp_parts(m)[0])  # "9.8 months": a median
              and not _not_a_landmark(text, m)]
    after = [m for m in after if not _not_a_landmark(text, m)]
    # "..., with 31% alive at 2 years": the time point right after the value, else the nearest before it
    near_after = after[0] if after and after[0].start() - v.tail <= 15 and not after[0].group("n") else None
    best = near_after or (before[-1] if before else (after[0] if after else None))
    return tp_label(best) if best is not None else None

# A landmark as an adjective of a rate: "the 3-year melanoma-specific survival rate", "6-month PFS"
_RATE_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:survival|rates?|PFS|OS|DFS|EFS|RFS)\b", re.I)


def sentence_timepoint(text: str, s: int, e: int) -> str | None:
    """The one time point a sentence states, for a rate it gives none near: "The 3-year melanoma-specific survival rate
    was similar (86%), whereas the DFS rate was higher (68% vs. 63%)"; None when it states none or several."""
    found = {tp_label(m) for m in _TIMEPOINT.finditer(text, s, e)
             for n in [tp_parts(m)[0]]
             if not re.search(r"[.·]", n) and not _not_a_landmark(text, m) and (
                 m.group("n") and text[m.start("n") + len(n)] == "-" and _RATE_AFTER.match(text, m.end(), e)
                 # "At 3 years, the OS rates were similar between ...": a sentence that opens with its time point
                 or not m.group("n") and re.fullmatch(r"[\s-]*(?:\d+\.\s*)?", text[s:m.start()])
                 and text.startswith(",", m.end()))}
    return next(iter(found)) if len(found) == 1 else None
