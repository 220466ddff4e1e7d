"""What a sentence takes from the text around it: the endpoint the sentence before named ("it was 5.4 months"),
the patients it counted (a count written with no share: "4 had a complete response" of "Among 64 patients"), and
which values of a per-grade list are not grade >=3's."""

from __future__ import annotations

import re

from .endpoint_words import _Mention, _mentions
from .endpoints import _FAMILY_UNITS, _endpoint_of
from .values import _Value, _values, implied_counts

_SHARE_KINDS = {"CR", "ORR", "DCR", "pCR", "AE3"}


def _place_implied(text: str, s: int, placed, anchors, implied, mentions):
    """A count read as a share is filed only under the word it was counted for."""
    placed = [(v, ep) for v, ep in placed if id(v) not in implied]
    for v, word in implied.values():
        endpoint = _endpoint_of(text, v, word, mentions, s, "%")
        if endpoint:
            anchors[id(v)] = word
            placed.append((v, endpoint))
    return sorted(placed, key=lambda p: p[0].start)


def _implied(text: str, s: int, e: int, values: list[_Value], mentions: list[_Mention],
             before: tuple[int, int] | None) -> dict[int, tuple[_Value, _Mention]]:
    """Counts with no share written, tied to a response or a grade >=3 word ("4 had a complete response", "complete
    regression ... in one patient"), as shares of the patients counted before them: {id(value): (value, its word)}."""
    if not any(m.kind in _SHARE_KINDS for m in mentions):
        return {}
    out = {}
    for v, at, in_patients in implied_counts(text, s, e, values, before):
        word = next((m for m in mentions if m.start == at and m.kind in _SHARE_KINDS), None)
        if word is None and in_patients:  # "... was seen in one patient": the word closes the clause before it
            word = next((m for m in reversed(mentions) if m.end <= v.start), None)
            if word is not None and (word.kind not in _SHARE_KINDS or v.start - word.end > 60
                                     or re.search(r"[;,]|\band\b", text[word.end:v.start])):
                word = None
        if word is not None:
            out[id(v)] = (v, word)
    return out


# "it was 5.4 months", "the rates were 32.3% and 22.9%": a sentence that names no endpoint and speaks of the one
# the sentence before named.
_ANAPHOR = re.compile(r"\b(?:it|they) (?:was|were|is|are)\b|\bthe (?:corresponding )?(?:rates?|medians?|values?|"
                      r"figures?|proportions?|estimates?) (?:was|were|is|are)\b|\bthe corresponding (?:rates?|medians?|"
                      r"values?|figures?|proportions?|estimates?)\b", re.I)
_ANAPHOR_KINDS = {"ORR", "CR", "DCR", "pCR", "AE3", "PFS", "OS", "DFS", "RFS", "EFS", "DOR", "TTP", "HR", "OR"}


def _anaphora(text: str, s: int, e: int, mentions: list[_Mention], before: tuple[int, int] | None) -> list[_Mention]:
    """The mentions of a sentence, with the endpoint of the sentence before standing for "it" or "the rates" when
    this one names none: "Among those with wild-type tumours it was 5.4 months"."""
    if not before or before[0] >= before[1]:
        return mentions
    m = _ANAPHOR.search(text, s, e)
    value = _values(text, m.end(), min(e, m.end() + 40)) if m else None
    if not value:
        return mentions
    unit = "time" if value[0].unit.startswith("time:") else value[0].unit

    def fits(x: _Mention) -> bool:
        return x.kind in _ANAPHOR_KINDS and (unit in _FAMILY_UNITS[x.kind] or unit == "bare" and x.kind in ("HR", "OR"))

    earlier = [x for x in _mentions(text, *before) if fits(x)]
    if not earlier or any(fits(x) for x in mentions):
        return mentions
    return sorted(mentions + [_Mention(earlier[-1].kind, m.start(), m.end())], key=lambda x: x.start)


# "grade 3 events in 17%, grade 4 in 3%", "Grade 3 and 4 adverse events affected 17 (35%) and 4 (8%) patients,
# respectively": a share of each grade; the labels read grade 3's as grade 3 or worse, grade 4's and 5's are no
# more values of it.
_GRADE_AND = re.compile(r"grades?\s*(?:3|III)\s*(?:and|,)\s*(?:4|IV)\b", re.I)
_GRADE_3_ONLY = re.compile(r"grades?\s*(?:3|III)\b(?!\s*(?:or|to|-|–|/|and|,|\+)\s*(?:4|5|IV|V|higher|greater|worse|"
                           r"above|more)\b)", re.I)


# "Grade 3 or worse events ... (72% vs 58%), most frequently neutropenia (48% vs 22%)": what follows is one kind's
_KINDS_AFTER = re.compile(r"\b(?:most (?:frequently|commonly|often)|chiefly|mainly|mostly|predominantly|principally|"
                          r"the most common(?: of which)?(?: (?:event|events|being|were|was))?)\b", re.I)


def _per_grade(text: str, v: _Value, anchor: _Mention, respectively: bool, earlier: int) -> bool:
    """Is ``v`` the share of grade 4 or 5 events of a list that gave grade 3's first, or of one kind of event the
    sentence names after the share of all?"""
    kinds = _KINDS_AFTER.search(text, anchor.end, v.start) if anchor.end <= v.start else None
    if kinds and re.search(r"\d\s*%", text[anchor.end:kinds.start()]) and v.start - kinds.end() <= 80 \
            and not re.search(r"\band (?:in|for|with|among)\b", text[kinds.end():v.start], re.I):
        # (not "Grade 3 or higher events, mostly neutropenia, occurred in 35%", nor "... (most commonly neutropenia)
        # and in 16% of patients who received capecitabine": the share of all)
        return True
    words = text[anchor.start:anchor.end]
    if respectively and _GRADE_AND.search(words):
        return earlier > 0
    return anchor.end <= v.start and bool(_GRADE_3_ONLY.match(words) and re.search(
        r"\bgrades?\s*(?:4|5|IV|V)\b(?!\s*(?:or|-|–|/)\s*[35])", text[anchor.end:v.start], re.I))
