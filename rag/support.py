"""Does each answer sentence say what its cited passages say? A deterministic check of the facts a reader
would check first: numbers (with % and units), names of drugs, genes, trials and other named things, and
negation.

For every sentence with [n] markers, each fact must be found in the cited passages: a number as a number
("49–72%" matches "49% to 72%", "1,034" matches "1034"), a name by its index tokens or a synonym from the
project's table ("Keytruda" for "pembrolizumab"), and negation must agree with the passage sentence the answer
sentence follows most closely ("did not improve" against "improved"). The verdict is supported (everything
found), partly supported (some facts missing, at most half) or unsupported, with the reasons
("72% not in [3]"). An extractive answer copies its sentences, so it must always be supported: a test of the
check itself.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

from .chunk.sentences import sentence_spans
from .cite import MARKER, insert_before_stop
from .lexical.synonyms import synonym_alternatives
from .lexical.tokens import tokenize, words

SUPPORTED, PARTLY, UNSUPPORTED = "supported", "partly supported", "unsupported"

_MARKERS = re.compile(r"\s*" + MARKER.pattern)  # with the space before them
_LEADING_MARKERS = re.compile(r"\s*(?:" + MARKER.pattern + r"\s*)+")
# A number: digits with thousands separators or a decimal point ("1,034", "0.45", "10·4"), maybe a percent.
# Not the digits of a code ("MK-3475", "MDX-010", "CD19"): those are names, checked as names.
_NUMBER = re.compile(r"(?<![\w.])(?<![A-Za-z]-)(\d{1,3}(?:,\d{3})+|\d+(?:[.·]\d+)?)(?![A-Za-z])(\s?%|\s?percent\b)?")
# Words that turn a statement around. "no" and "not" also in "no longer", "not only": still a negation cue.
_NEGATION = re.compile(r"\b(not|no|never|neither|nor|without|none|cannot|can't|didn't|did not|doesn't|don't|"
                       r"isn't|wasn't|weren't|aren't|failed to|lack(?:ed|s)? of|absence of|non-?significant(?:ly)?|"
                       r"insignificant)\b", re.I)
# A name: an acronym or code with a capital or a digit inside ("PD-L1", "CTLA-4", "KEYNOTE-024", "IL-2", "CD19"),
# a drug by its stem ("-mab", "-nib", "-cel", "-leukin", "-cept", "-tide"), or a capitalised word not first in
# the sentence that the synonym table knows.
# International nonproprietary name stems of drugs (WHO): antibodies, kinase inhibitors, cell therapies...
_DRUG = re.compile(r"(?i)^[a-z][a-z-]*(mab|nib|sib|cel|leukin|kin|kinra|cept|tide|platin|taxel|rubicin|mide|stat|"
                   r"parib|lisib|degib|ciclib|zomib|gene|leucel|fusp|tug|vec|limus|mustine|fosfamide|citabine|"
                   r"trexate|sertib|rafenib|tinib)$")


@dataclass
class SentenceSupport:
    sentence: str  # without its markers
    cited: list[int]
    status: str
    reasons: list[str] = field(default_factory=list)
    original: str = field(default="", repr=False)  # as written in the answer, markers included

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("original")
        return out


def numbers(text: str) -> list[tuple[float, bool]]:
    """The numbers of a text with whether each is a percentage ("49–72%": 49 and 72 both percent)."""
    out = []
    found = list(_NUMBER.finditer(text))
    for i, m in enumerate(found):
        value = float(m.group(1).replace(",", "").replace("·", "."))
        percent = bool(m.group(2))
        # "49–72%", "49 to 72%": the first number of a range shares the second's percent sign.
        if not percent and i + 1 < len(found) and found[i + 1].group(2):
            between = text[m.end():found[i + 1].start()]
            percent = bool(re.fullmatch(r"\s*(-|–|—|to|and)\s*", between))
        out.append((value, percent))
    return out


def names(sentence: str) -> list[str]:
    """The named things of a sentence: acronyms and codes, drugs by their stems, synonym-table names."""
    table = synonym_alternatives(sentence)
    out: list[str] = []
    for i, word in enumerate(words(sentence)):
        w = word.strip("-/")
        if len(w) < 2:
            continue
        coded = w[0].isalpha() and any(c.isdigit() for c in w)  # "CD19", "IL-2"; not "1,000-fold"
        acronym = sum(c.isupper() for c in w) >= 2
        toks = tokenize(w)
        known = bool(toks) and toks[0] in table and w[0].isupper() and i > 0  # "Keytruda", not "survival"
        if (coded or acronym or _DRUG.match(w) or known) and w not in out:
            out.append(w)
    return out


def _found_name(name: str, passage_tokens: set[str], alternatives: dict[str, list[tuple[str, ...]]]) -> bool:
    toks = tokenize(name)
    if not toks or toks[0] in passage_tokens:  # the joined form ("pdl1") or the word itself
        return True
    if any(set(alt) <= passage_tokens for alt in alternatives.get(toks[0], [])):
        return True
    # "PD-1/CD274": each name by itself, as the passage may write them apart or by another name.
    parts = [part for part in name.split("/") if len(part) > 1]
    return len(parts) > 1 and all(_found_name(part, passage_tokens, alternatives) for part in parts)


def _near_sentences(sentence_tokens: set[str], passage: str) -> list[str]:
    scored = []
    for a, b in sentence_spans(passage):
        s = passage[a:b]
        scored.append((len(sentence_tokens & set(tokenize(s))) / (len(sentence_tokens) or 1), s))
    scored.sort(key=lambda x: -x[0])
    return [s for i, (score, s) in enumerate(scored) if i < 3 or score >= 0.5]


def _closest_sentences(sentence_tokens: set[str], passage: str) -> list[str]:
    """The passage sentences the answer sentence follows most closely (those within 0.1 of the best overlap)."""
    scored = []
    for a, b in sentence_spans(passage):
        s = passage[a:b]
        scored.append((len(sentence_tokens & set(tokenize(s))) / (len(sentence_tokens) or 1), s))
    best = max((score for score, _ in scored), default=0.0)
    return [s for score, s in scored if score >= best - 0.1]


def check_sentence(sentence: str, cited: list[int], passage_texts: dict[int, str]) -> SentenceSupport:
    """The verdict on one answer sentence against the passages it cites (number -> text)."""
    plain = _MARKERS.sub("", sentence).strip()
    where = "".join(f"[{n}]" for n in cited)
    texts = [passage_texts[n] for n in cited if n in passage_texts]
    if not texts:
        return SentenceSupport(plain, cited, UNSUPPORTED, [f"cites no passage that exists: {where or 'none'}"])
    joined = "\n".join(texts)
    facts, missing = 0, []
    # A number must be in the passage sentences this sentence follows (the three closest, and any sharing half its
    # words): a long passage holds many numbers, and "12 patients" elsewhere in it proves nothing.
    near = _near_sentences(set(tokenize(plain)), joined)
    have_numbers = numbers("\n".join(near))
    values = {v for v, _ in have_numbers}
    percents = {v for v, p in have_numbers if p}
    for value, percent in numbers(plain):
        facts += 1
        shown = f"{value:g}{'%' if percent else ''}"
        if value not in values or (percent and value not in percents and "percent" not in " ".join(near).lower()):
            missing.append(f"{shown} not in {where}")
    passage_tokens = set(tokenize(joined))
    alternatives = synonym_alternatives(plain)
    for name in names(plain):
        facts += 1
        if not _found_name(name, passage_tokens, alternatives):
            missing.append(f"{name} not in {where}")
    # Negation: the answer sentence and the passage sentence it follows must agree.
    closest = _closest_sentences(set(tokenize(plain)), joined)
    said = _NEGATION.search(plain)
    sources = [m for m in (_NEGATION.search(s) for s in closest) if m]
    if said or sources:
        facts += 1
        agrees = [s for s in closest if bool(_NEGATION.search(s)) == bool(said)]
        if said and not agrees:
            missing.append(f'"{said.group(0)}" is not said in {where}')
        elif sources and not agrees:
            missing.append(f'{where} says "{sources[0].group(0)}", the sentence does not')
    if not missing:
        return SentenceSupport(plain, cited, SUPPORTED)
    status = PARTLY if len(missing) * 2 <= facts and facts > 1 else UNSUPPORTED
    return SentenceSupport(plain, cited, status, missing)


def check_answer(text: str, passages: Iterable[Any]) -> list[SentenceSupport]:
    """The verdict on every sentence of an answer that carries [n] markers (passages numbered from 1)."""
    texts = {}
    for n, p in enumerate(passages, 1):
        spans = [p.text] + [s.get("text", "") for s in (getattr(p, "more_spans", None) or [])]
        texts[n] = "\n".join(s for s in spans if s)
    sentences: list[tuple[str, list[int]]] = []
    for line in text.splitlines():
        first = len(sentences)
        for a, b in sentence_spans(line):
            sentence = line[a:b]
            # "First finding. [1] Second finding. [1]" (an extractive answer's line): a sentence splitter cuts after
            # the full stop, so markers that open a sentence are those of the sentence before (markers alone on a
            # line too).
            lead = _LEADING_MARKERS.match(sentence)
            if lead and sentences and (len(sentences) > first or not _MARKERS.sub("", sentence).strip()):
                sentences[-1][1].extend(n for n in map(int, MARKER.findall(lead.group(0))) if n not in sentences[-1][1])
                sentence = sentence[lead.end():]
            if not _MARKERS.sub("", sentence).strip():
                continue
            sentences.append((sentence, [int(n) for n in _MARKERS.findall(sentence)]))
    out = []
    for s, cited in sentences:
        if cited:
            verdict = check_sentence(s, cited, texts)
            verdict.original = s
            out.append(verdict)
    return out


_MARKER_RUN = re.compile(r"(?:\[\d+\])+")  # "[2][3][4]": the passages a reason names


def _passages_named(m: re.Match) -> str:
    """'[3]' -> 'passage 3'; '[2][3][4]' -> 'passages 2, 3 and 4'."""
    ns = MARKER.findall(m.group())
    if len(ns) == 1:
        return f"passage {ns[0]}"
    return f"passages {', '.join(ns[:-1])} and {ns[-1]}"


def mark_unverified(text: str, verdicts: list[SentenceSupport]) -> str:
    """The answer with each sentence that is not supported followed by what the check could not find."""
    for v in verdicts:
        if v.status != SUPPORTED and v.original and v.original in text:
            why = "; ".join(_MARKER_RUN.sub(_passages_named, r) for r in v.reasons)
            text = text.replace(v.original, insert_before_stop(v.original, f"⚠ ({v.status}: {why})"), 1)
    return text
