"""The numbers of a sentence or a passage, in digits and in words, and whether a passage sentence holds an answer's
number (as a number, a rounded value, a share of "x of y", with the same words beside it)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ...lexical.tokens import tokenize, words
from ...number_words import TENS as _TENS
from ...number_words import UNITS as _UNITS
from .passages import _content


# Thin, narrow and no-break spaces between digit groups ("11 502") and "·" as a decimal point ("7·7").
_GROUP_SPACE = re.compile(r"(?<=\d)[\u2009\u202f\u00a0\u2007\u2006](?=\d{3}(?!\d))")
# "720 000 IU/kg" with a plain space: one number where a unit or word follows.
_PLAIN_GROUP = re.compile(r"(?<![\d.,])(\d{1,3}) (\d{3})(?![\d.,%])(?= ?[A-Za-z])")
_MIDDLE_DOT = re.compile(r"(?<=\d)[·\u2219](?=\d)")
# A number in digits: with thousands separators or a decimal point ("1,034", "0.45"), maybe a percent. Not the
# digits of a code ("MK-3475", "MDX-010", "CD19"): those are names, checked as names.
_NUMBER = re.compile(r"(?<![\w.])(?<![A-Za-z]-)(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.·]\d+)?)(?![A-Za-z\d])"
                     r"(\s?%|\s?percent\b|\s?per cent\b)?")
# A trial's number is part of its name ("CheckMate 057", "KEYNOTE 189"): the word before it is CamelCase or in
# capitals.
_NAMED_NUMBER = re.compile(r"\b([A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{4,})[ -](\d{1,4})\b(?![.,]\d)")
_WORD_NUMBER = re.compile(
    r"\b(?:(" + "|".join(_TENS) + r")(?:[- ](" + "|".join(k for k in _UNITS if k != "zero") + r"))?|("
    + "|".join(_UNITS) + r"))(?:\s(hundred))?\b(\s?%|\s(?:percent|per cent)\b)?", re.I)
# Shares in words: "half", "a third", "two-thirds", "a quarter" (as percentages, read loosely).
_FRACTIONS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3, "two thirds": 200 / 3,
              "two-thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0,
              "three quarters": 75.0, "three-quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0,
              "a fourth": 25.0, "one fourth": 25.0, "one-fourth": 25.0, "three fourths": 75.0, "three-fourths": 75.0,
              "one-fifth": 20.0}
_FRACTION = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True))
                       + r")\b(?!-(?:life|lives|maximal|max)\b)", re.I)

# Vulgar fractions as one character ("mass >⅓ of the thoracic diameter"): a share too; after digits, a mixed number
# ("1½ years").
_VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5, "⅘": 4 / 5,
           "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}
_VULGAR_FRACTION = re.compile(r"(?<![\d.,])(\d+)?([" + "".join(_VULGAR) + r"])")


# A paper's identifier in a sentence: which paper, not what it says.
_IDENTIFIER = re.compile(r"\b(?:PMID|PMCID|PMC|doi)\s*:?\s*[\w./-]*\d[\w./-]*", re.I)


@dataclass(frozen=True)
class _Quantity:
    value: float
    percent: bool
    decimals: int  # digits after the decimal point as written (a rounded value matches a precise one)
    start: int
    end: int
    loose: bool = False  # a share in words ("about half"): matches a percentage within a few points
    text: str = ""


def _plain(text: str) -> str:
    """Digit groups and decimal points in one form; same length as the text (spans stay valid)."""
    text = _PLAIN_GROUP.sub(r"\1,\2", _GROUP_SPACE.sub(",", text))
    return _MIDDLE_DOT.sub(".", text)


def _quantities(text: str, sentence: bool = False) -> list[_Quantity]:
    """The numbers of a text in digits and in words. In an answer sentence (``sentence``) the word "one" is not read
    as a number ("one of the most common"), and a trial's number is part of its name."""
    plain = _plain(text)
    named = {m.start(2) for m in _NAMED_NUMBER.finditer(plain)}
    out: list[_Quantity] = []
    for m in _NUMBER.finditer(plain):
        if m.start(1) in named or re.match(r":\d", plain[m.end():m.end() + 2]) or re.search(r"\d:$", plain[:m.start()]):
            continue  # a trial's number; an allocation ratio ("1:1")
        raw = m.group(1)
        value = float(raw.replace(",", ""))
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        out.append(_Quantity(value, bool(m.group(2)), decimals, m.start(), m.end(), text=m.group(0).strip()))
    for m in _WORD_NUMBER.finditer(plain):
        if m.group(3) and m.group(3).lower() == "one" and sentence and not m.group(4):
            continue
        if m.group(1):
            value = _TENS[m.group(1).lower()] + (_UNITS[m.group(2).lower()] if m.group(2) else 0)
        else:
            value = _UNITS[m.group(3).lower()]
        if m.group(4):
            value *= 100
        out.append(_Quantity(float(value), bool(m.group(5)), 0, m.start(), m.end(), text=m.group(0).strip()))
    # "Two hundred eighty-three", "three hundred and five": one number.
    merged: list[_Quantity] = []
    for q in sorted(out, key=lambda q: q.start):
        last = merged[-1] if merged else None
        if last is not None and last.text.lower().endswith("hundred") and not last.percent \
                and not q.text[:1].isdigit() and q.value < 100 \
                and re.fullmatch(r"\s+(?:and\s+)?", plain[last.end:q.start]):
            merged[-1] = _Quantity(last.value + q.value, q.percent, 0, last.start, q.end,
                                   text=plain[last.start:q.end])
        else:
            merged.append(q)
    out = merged
    for m in _FRACTION.finditer(plain):
        out = [q for q in out if q.end <= m.start() or q.start >= m.end()]  # "two" of "two-thirds"
        whole = next((q for q in out if not q.percent and not q.loose and q.value == int(q.value)
                      and re.fullmatch(r"\s+and\s+a\s+", plain[q.end:m.start()])), None) \
            if m.group(1).lower() == "half" else None
        if whole is not None:  # "four and a half months": 4.5
            out = [q for q in out if q is not whole]
            out.append(_Quantity(whole.value + 0.5, False, 1, whole.start, m.end(), text=plain[whole.start:m.end()]))
            continue
        out.append(_Quantity(_FRACTIONS[m.group(1).lower()], True, 0, m.start(), m.end(), loose=True, text=m.group(0)))
    for m in _VULGAR_FRACTION.finditer(plain):
        out = [q for q in out if q.end <= m.start() or q.start >= m.end()]  # the whole part of "1½"
        share = _VULGAR[m.group(2)]
        if m.group(1):
            out.append(_Quantity(int(m.group(1)) + share, False, 2, m.start(), m.end(), text=m.group(0)))
        else:
            out.append(_Quantity(100 * share, True, 0, m.start(), m.end(), loose=True, text=m.group(0)))
    out.sort(key=lambda q: q.start)
    # "49–72%", "49 to 72%", "17, 32 and 29%": the numbers of a range or list share the last one's percent sign.
    shared = list(out)
    for i in range(len(shared) - 2, -1, -1):
        q, nxt = shared[i], shared[i + 1]
        if not q.percent and not q.loose and nxt.percent and not nxt.loose:
            between = plain[q.end:nxt.start]
            if re.fullmatch(r"\s*(-|–|—|to|and|or|,|, and|, or)\s*", between):
                shared[i] = _Quantity(q.value, True, q.decimals, q.start, q.end, text=q.text)
    if sentence:  # "the two groups", "both arms": a count of arms, not a finding
        shared = [q for q in shared if not re.match(r"\s+(groups?|arms?|cohorts?|trials|studies|doses|drugs|agents)\b",
                                                      plain[q.end:q.end + 12]) or q.text[:1].isdigit()]
    return shared


def numbers(text: str) -> list[tuple[float, bool]]:
    """The numbers of a text with whether each is a percentage ("49–72%": 49 and 72 both percent; "twenty-eight"
    28; "1,034" and "1 034" 1034; "7·7" 7.7)."""
    return [(q.value, q.percent) for q in _quantities(text) if not q.loose]


# "x of y", "x/y", "x (p%) of y", "x of the y patients": a share whose percentage may be written instead.
_SHARE = re.compile(r"(\d[\d,]*|\b[a-z]+(?:-[a-z]+)?)\s*(?:\([^)]{0,30}\)\s*)?(?:/|of|out of)\s+"
                    r"(?:the\s+|all\s+|these\s+|those\s+)?(\d[\d,]*|\b[a-z]+(?:-[a-z]+)?)\b", re.I)


# "four in five", "1 in 3": a share too.
_SMALL = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten"
_SHARE_IN = re.compile(rf"\b({_SMALL})\s+in\s+({_SMALL})\b", re.I)


def _shares(text: str) -> list[float]:
    """The percentages that the "x of y" pairs of a text stand for."""
    out = []
    plain = _plain(text)
    for m in list(_SHARE.finditer(plain)) + list(_SHARE_IN.finditer(plain)):
        a, b = _count(m.group(1)), _count(m.group(2))
        if a is not None and b and 0 <= a <= b:
            out.append(100.0 * a / b)
    return out


def _count(word: str) -> float | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return float(word)
    q = _quantities(word)
    return q[0].value if len(q) == 1 and not q[0].percent and not q[0].loose and q[0].text.lower() == word else None


def _same_number(q: _Quantity, p: _Quantity) -> bool:
    """Is the passage's number p the answer's number q (a rounded value for a precise one counts)?"""
    if q.percent and not p.percent and 0 < p.value < 1 and p.decimals == 2:
        # a rate as a proportion ("survival rates of 0.63 and 0.84"): "63%", "just under two thirds"
        p = _Quantity(round(p.value * 100, 6), True, 0, p.start, p.end, text=p.text)
    if q.loose:
        return p.percent and abs(p.value - q.value) <= 6
    if q.percent and not p.percent:
        return False
    if p.value == q.value:
        return True
    # A rounded value for a precise one, rounded half up: a percentage ("24%" for "23.7%") or a decimal ("1.00" for
    # "0.997"); never a count.
    scale = 10 ** q.decimals
    return ((q.percent or q.decimals > 0) and p.decimals > q.decimals
            and math.floor(p.value * scale + 0.5) / scale == q.value)


# Words beside a number that say nothing of what it counts.
_UNIT_WORDS = set(tokenize("months month years year weeks week days day patients patient median versus vs respectively "
                           "mg kg m2 approximately about nearly rate rates ci interval confidence with without group "
                           "groups arm arms os pfs orr dcr efs dfs rfs"))


def _window(text: str, start: int, end: int, n: int) -> set[str]:
    """The first n content words either side of a span, within its clause."""
    left = re.split(r"[;]|\s[–—]\s", text[:start])[-1]
    right = re.split(r"[;]|\s[–—]\s", text[end:])[0]

    def content(ws: list[str]) -> list[set[str]]:
        return [c for c in (_content(w) - _UNIT_WORDS for w in ws) if c]

    out: set[str] = set()
    for c in content(words(left))[-n:] + content(words(right))[:n]:
        out |= c
    return out


def _beside(q: _Quantity, around: set[str], sentence: str) -> bool:
    """Does the passage sentence hold the number with some of the words the answer has beside it?"""
    if not around:
        return True
    plain = _plain(sentence)
    # "In the chemotherapy alone group, ... anaemia (nine [15%] of 62)": the lead-in says whose figures follow.
    lead = re.match(r"\s*(?:In|Among|For|With)\s+([^,;()]{3,80}),", plain)
    setting = _content(lead.group(1)) - _UNIT_WORDS if lead else set()
    for p in _quantities(sentence):
        if _same_number(q, p) and (_window(plain, p.start, p.end, 4) | (setting if p.start > lead.end() else set())
                                   if lead else _window(plain, p.start, p.end, 4)) & around:
            return True
    # "89%" for "8 of 9", "half" for "8 of 16": the share stands for the number.
    return q.percent and not any(_same_number(q, p) for p in _quantities(sentence))


def _shared_numbers(numbers: list[_Quantity], sentence: str) -> int:
    """How many of these numbers a passage sentence holds."""
    return sum(1 for q in numbers if _supports_number(q, sentence))


def _supports_number(q: _Quantity, sentence: str) -> bool:
    have = _quantities(sentence)
    if any(_same_number(q, p) for p in have):
        return True
    if q.percent:  # "89%" for "8 of 9", "half" for "8 of 16"
        tolerance = 6 if q.loose else 0.5 * 10 ** -q.decimals + 1e-9
        return any(abs(share - q.value) <= tolerance for share in _shares(sentence))
    return False


_RANGE_AFTER = re.compile(r"\s*(?:-|–|to)\s*\d")
_RANGE_BEFORE = re.compile(r"\d\s*%?\s*(?:-|–|to)\s*$")


def _as_point(q: _Quantity, text: str, sentence: str) -> bool:
    """Does a passage sentence hold the answer's number as a value of its own, not only as the bound of an interval
    ("0·81, 0·71-0·93": 0.71 is a confidence bound)? An answer that gives a range itself may take a bound."""
    if _RANGE_AFTER.match(text[q.end:]) or _RANGE_BEFORE.search(text[:q.start]):
        return True
    plain = _plain(sentence)
    return any(_same_number(q, p) and not _RANGE_AFTER.match(plain[p.end:])
               and not _RANGE_BEFORE.search(plain[:p.start]) for p in _quantities(sentence))
