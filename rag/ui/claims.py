"""Which sentences of a source an answer cites: the claims before each group of [n] markers, and the sentences of
a passage that quote (or, for a language model's answer, paraphrase) them. The sources panel highlights these."""

from __future__ import annotations

import re
from typing import Iterable

from ..chunk.sentences import sentence_spans
from ..cite import MARKER, strip_reference_markers
from ..lexical.tokens import tokenize

_MARKER_GROUP = re.compile(r"(?:\s*" + MARKER.pattern + ")+")  # "[1][3]", "[2] [4]"


def cited_claims(answer_text: str) -> dict[int, list[str]]:
    """For each passage number, the answer's text that cites it (the words before each group of [n] markers).

    Works line by line, so bullets ("- A sentence. [2]") and prose ("A claim [1][3]. Another [2].") both parse.
    """
    claims: dict[int, list[str]] = {}
    for line in (answer_text or "").splitlines():
        last = 0
        for m in _MARKER_GROUP.finditer(line):
            claim = line[last:m.start()]
            last = m.end()
            # A claim ends at the previous sentence's end: keep only the last sentence before the markers.
            spans = sentence_spans(claim)
            if spans:
                claim = claim[spans[-1][0]:spans[-1][1]]
            claim = re.sub(r"^[\s\-*•.]+", "", claim).strip()
            if not claim:
                continue
            for n in MARKER.findall(m.group(0)):
                claims.setdefault(int(n), []).append(claim)
    return claims


def _words(text: str) -> set[str]:
    """The index tokens of a text (stemmed, without stop words): a paraphrase shares most of them."""
    return set(tokenize(strip_reference_markers(text)))


def _normal(text: str) -> str:
    return " ".join(strip_reference_markers(text).split()).strip(" .;:").lower()


def _exact(sentence_norm: str, claim_norm: str) -> bool:
    return bool(sentence_norm) and (sentence_norm == claim_norm
                                    or (len(sentence_norm) > 30 and sentence_norm in claim_norm)
                                    or (len(claim_norm) > 30 and claim_norm in sentence_norm))


def passage_marks(texts: list[str], claims: Iterable[str], paraphrase: bool = True) -> list[list[tuple[int, int]]]:
    """For each text of one source (the passage, then its other matching spans), the (start, end) offsets of the
    sentences the claims quote or paraphrase.

    A sentence quoted verbatim (extractive answers) matches wherever it is. Only when a claim is quoted nowhere,
    and ``paraphrase`` is allowed (a language model's answer), the one sentence sharing most of the claim's words
    matches, if it shares at least 3 and 45% of them.
    """
    sentences = []  # (text index, span, normal form, words)
    for t, text in enumerate(texts):
        for a, b in sentence_spans(text):
            sentences.append((t, (a, b), _normal(text[a:b]), _words(text[a:b])))
    chosen: set[int] = set()
    for claim in claims:
        claim_norm, claim_words = _normal(claim), _words(claim)
        exact = [i for i, (_, _, norm, _) in enumerate(sentences) if _exact(norm, claim_norm)]
        if exact:
            chosen.update(exact)
            continue
        if not paraphrase or not claim_words:
            continue
        best, best_score, best_common = -1, 0.0, 0
        for i, (_, _, _, words) in enumerate(sentences):
            common = len(words & claim_words)
            if common / len(claim_words) > best_score:
                best, best_score, best_common = i, common / len(claim_words), common
        if best >= 0 and best_common >= 3 and best_score >= 0.45:
            chosen.add(best)
    out: list[list[tuple[int, int]]] = [[] for _ in texts]
    for i in sorted(chosen):
        out[sentences[i][0]].append(sentences[i][1])
    return out


def matching_sentences(text: str, claims: Iterable[str], paraphrase: bool = True) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one text that the claims quote (or paraphrase): see passage_marks."""
    return passage_marks([text], claims, paraphrase)[0]
