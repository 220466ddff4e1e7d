"""Numbers written in words ("twenty-one", "two hundred eighty-three"): one table for every stage that reads them
(the outcome extractor, the support check, the study-type cues)."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SMALL = rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{'|'.join(k for k in UNITS if k != 'zero')}))?|{'|'.join(UNITS)})"
# The first three letters of every number's word: a cheap test of whether one can start here.
NUMBER_WORD_STARTS = "|".join(sorted({word[:3] for word in (*UNITS, *TENS)}))
# "Twenty-one", "two hundred eighty-three", "one hundred and five" (a pattern to build others on; the small number
# read once, then "hundred" tried: patterns built on it are run at every word).
NUMBER_WORDS = rf"(?:{_SMALL}(?:\s+hundred(?:\s+(?:and\s+)?{_SMALL})?)?)"


def words_to_int(words: str) -> int | None:
    """"Twenty-one" -> 21, "two hundred eighty-three" -> 283; None when it is not a number in words."""
    total, current = 0, 0
    seen = False
    for w in re.split(r"[\s-]+", words.lower().strip()):
        if w == "and":
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        else:
            return None
        seen = True
    return total + current if seen else None
