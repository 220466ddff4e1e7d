"""Numbers as abstracts write them: digits with a point or the Lancet's middle dot, words ("Twenty-one"), ranges
and confidence intervals in their several forms, p-values. Every match keeps its offsets in the text."""

from __future__ import annotations

import re

from ..number_words import NUMBER_WORD_STARTS, NUMBER_WORDS, words_to_int

# The unit of a dose: "3 mg/kg", "175 mg/m2", "200 mg", "30 µg".
DOSE_UNIT = r"(?:mg/kg|mg/m2|mg/m²|mg|µg|μg|g)"
# A decimal number: "43", "43.5", "0·60" (middle dot), ".72" (as in "P < .001" or "HR .72").
NUM = r"(?:\d+(?:[.·]\d+)?|[.·]\d+)"
# Between the ends of a range: hyphen, en/em dash, minus, "to", a comma ("95% CI: 28.6%, 54.3%"), a semicolon
# ("95% CI [0.60; 0.86]").
RANGE_SEP = r"\s*(?:[-‐‑–—−]|to|,|;)\s*"
_CI_LEVEL = r"(?:\d{2}(?:[.·]\d+)?\s?%?\s*)"  # "95% CI", and "97.5 CI" with its percent sign left out
# A confidence interval after a value: "(95% CI 0.60-0.90)", "95% CI, 8.9 to 16.7", "[95% confidence interval
# (CI), 0.31 to 0.57]", or a bare "(0.60 to 0.90)" / "(0·60–0·90)".
CI = re.compile(
    rf"^[\s,;:]*[(\[]?\s*(?:{_CI_LEVEL}?(?:CI|C\.I\.|confidence (?:intervals?|limits?)(?:\s*[(\[]C[IL]s?[)\]])?|CLs?|"
    rf"credible interval)"
    rf"(?:\s*(?:was|of|=|:))?[\s,:=]*|(?=[(\[]\s*-?{NUM}\s*%?{RANGE_SEP}-?{NUM}\s*%?\s*[)\];,]))[(\[]?\s*"
    rf"(?P<low>-?{NUM})\s*(?:%|months?|mo|weeks?|years?)?{RANGE_SEP}(?P<high>-?{NUM}|not (?:yet )?(?:reached|estimable|"
    rf"evaluable|applicable)|NR|NE|NA)\s*%?(?:\s*(?:months?|mo|weeks?|years?))?\s*[)\]]?",
    re.I,
)
# A p-value as written: "P < .001", "p=0.02", "P value of 0.03", "P<0·0001".
P_VALUE = re.compile(
    rf"\b[Pp](?:\s*(?:-?\s*values?|for\s+\w+))?\s*(?:[<>=≤≥]|&lt;|&gt;|was|of|"
    rf"=)\s*(?:[<>=≤≥]\s*)?{NUM}(?:\s*[x×]\s*10\S+)?"
)

# A count as written: digits (with thousands separators) or words; it starts a word (the guard, a digit or the first
# three letters of a number's word, fails fast where no count can start, which keeps the patterns built on it quick).
COUNT = (rf"(?:\b(?=\d|(?i:{NUMBER_WORD_STARTS}))"
         rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORDS}))")


def to_float(text: str) -> float | None:
    """A number as written ("0·60", ".72", "1,024", "twenty-one") -> float; None when malformed ("0.7-", "")."""
    t = text.strip().replace("·", ".").replace("−", "-").replace("–", "-")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
        t = t.replace(",", "")
    if re.fullmatch(r"-?(?:\d+(?:\.\d+)?|\.\d+)", t):
        return float(t)
    n = words_to_int(t)
    return float(n) if n is not None else None


def ci_after(text: str, pos: int, limit: int = 70) -> tuple[float | None, float | None, int]:
    """The confidence interval written right after ``pos`` (low, high, end offset), or (None, None, pos)."""
    m = CI.match(text[pos:pos + limit])
    if not m:
        return None, None, pos
    low, high = to_float(m.group("low")), to_float(m.group("high"))
    if low is not None and high is None and not re.match(r"-?\d|[.·]\d", m.group("high")):
        return low, None, pos + m.end()  # "6.7 to not reached": an open interval
    if low is None or high is None or low > high:
        return None, None, pos
    return low, high, pos + m.end()


def p_after(text: str, pos: int, limit: int = 40) -> tuple[str | None, int]:
    """The p-value written right after ``pos`` (only punctuation, "two-sided" or the like between), or None."""
    window = text[pos:pos + limit]
    m = P_VALUE.search(window)
    if not m or not re.fullmatch(r"[\s,;:()\[\]]*(?:(?:two|one)-sided|log-rank|stratified|nominal|exploratory)?\s*",
                                 window[:m.start()], re.I):
        return None, pos
    return m.group(0).strip(), pos + m.end()


# A decimal comma ("OR = 1,13; 95% CI 1,01-1,27", "9,4 months"), in a text that writes no decimal point: one or two
# digits after the comma (not a thousands separator), not an item of a list of counts ("1,2 and 3").
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d{1,3}),(\d{1,2})(?![\d,])(?!\s*(?:,|and|or)\s*\d)")
_DECIMAL_POINT = re.compile(r"\d[.·]\d")
# Dashes the patterns do not list (figure dash, small and full-width hyphen-minus): read as an en dash.
_OTHER_DASHES = str.maketrans({"\u2012": "\u2013", "\ufe63": "\u2013", "\uff0d": "\u2013"})


def decimal_points(text: str) -> str:
    """The text with its decimal commas written as points (same length, so every offset holds), when it writes
    decimals with commas only; rarer dashes ("29.5%\u201243.0%") written as en dashes."""
    text = text.translate(_OTHER_DASHES)
    if "," not in text or _DECIMAL_POINT.search(text) or not _DECIMAL_COMMA.search(text):
        return text
    return _DECIMAL_COMMA.sub(r"\1.\2", text)


# A sentence that holds a value: a digit, "not reached", or a count in words ("Six of the twenty patients").
HAS_NUMBER = re.compile(rf"\d|not (?:yet )?(?:been )?reached|\bper ?cent\b|"
                        rf"\b(?=[otfsen])(?:{NUMBER_WORDS})\s+(?:of|out of)\s", re.I)
