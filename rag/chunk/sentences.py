"""Sentence boundaries in scientific text: abbreviations ("et al.", "e.g."), initials, structured-abstract labels
run into the previous sentence ("(P > 0.05).CONCLUSIONS:"), symbols written lower-case first ("p53", "mRNA")."""

from __future__ import annotations

import re

# Abbreviations after which a period does not end a sentence (lower-cased, without the final period).
_ABBREVIATIONS = {
    "e.g", "i.e", "et al", "al", "fig", "figs", "vs", "approx", "no", "nos", "ref", "refs", "dr", "mr", "mrs",
    "ms", "prof", "st", "cf", "ca", "resp", "vol", "pp", "p", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "dept", "univ", "eq", "suppl", "tab", "sec",
}
# A candidate boundary: sentence-final punctuation (maybe closed by a quote or bracket), then whitespace; or,
# with no space, a structured abstract's next label ("(P > 0.05).CONCLUSIONS:", "10.3%.Methods:").
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?:\s+|(?=[A-Z][A-Za-z]+(?: [A-Za-z]+){0,3}:))")
# What a sentence starts with: a capital or a digit; or a symbol written lower-case first ("p53", "mRNA",
# "gp100", "iNKT", "eRNAs") or a Greek letter ("α-PD-1", "γδ T cells"). A capital of any script ("Étude",
# "Ørsted", "Иммунотерапия") counts too: see starts_sentence.
_NEXT_STARTS_SENTENCE = re.compile(r"[\"'“‘(\[]?(?:[A-Z0-9]|[a-z]+[0-9A-Z]|[\u0370-\u03ff])")
_OPENING = "\"'“‘([«„"


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets within text[start:end]; line breaks between paragraphs also end a sentence."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraph_spans(text, start, end):
        s = para_start
        for m in _BOUNDARY.finditer(text, para_start, para_end):
            if not _is_sentence_end(text, s, m.start(), m.end(), para_end):
                continue
            spans.append((s, m.end()))
            s = m.end()
        if s < para_end:
            spans.append((s, para_end))
    return [(a, _rstrip(text, a, b)) for a, b in spans if text[a:b].strip()]


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, s = [], start
    for m in re.finditer(r"\n\s*", text[start:end]):
        a, b = start + m.start(), start + m.end()
        if a > s:
            spans.append((s, a))
        s = b
    if s < end:
        spans.append((s, end))
    return spans


def ends_abbreviation(text: str, period: int) -> bool:
    """The full stop at ``period`` closes an abbreviation ("et al.", "e.g.", "J.") rather than a sentence."""
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, period - 12):period])
    if not word:
        return False
    w = word.group(1).lower()
    initial = len(w) == 1 and text[period - 1].isupper() and not (period > 1 and text[period - 2].isalnum())
    return w in _ABBREVIATIONS or initial \
        or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w) is not None  # "U.S.", "U.K."


def starts_sentence(text: str, at: int) -> bool:
    """Can a sentence start at ``at``: a capital of any script (str.isupper), a digit, a lower-case-first symbol
    or a Greek letter, maybe after an opening quote or bracket."""
    if _NEXT_STARTS_SENTENCE.match(text, at):
        return True
    if at < len(text) and text[at] in _OPENING:
        at += 1
    return at < len(text) and (text[at].isupper() or text[at].istitle())


def _is_sentence_end(text: str, sent_start: int, punct: int, after: int, limit: int) -> bool:
    if after >= limit or not starts_sentence(text, after):
        return False
    if text[punct] != ".":
        return True
    if ends_abbreviation(text[sent_start:], punct - sent_start):  # "et al.", "J. Smith"
        return False
    # "p < 0.05" style decimals never reach here (no whitespace after the period).
    return True


def _rstrip(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1].isspace():
        b -= 1
    return b

