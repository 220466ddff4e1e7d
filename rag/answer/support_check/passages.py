"""The cited passages cut into sentences and clauses, the words that carry a claim, and which passage sentence an
answer sentence follows."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from ...chunk.sentences import sentence_spans
from ...lexical.tokens import tokenize, words


# British spellings in American form, so that "favoured" meets "favor" and "randomised" meets "randomized".
_BRITISH = [
    (re.compile(r"\b(random|organ|character|recogn|minim|maxim|optim|standard|normal|util|summar|hospital|immun|"
                r"sensit|stabil|neutral|general|categor|priorit|visual|special)is(e|ed|es|ing|ation|ations)\b", re.I),
     r"\1iz\2"),
    (re.compile(r"\b(tum|fav|col|behavi|hum|lab|neighb|harb|vap|rum|vig|flav|od|hon|rig)our(s|ed|ing|able|ably|ite|"
                r"ites|ful)?\b", re.I), r"\1or\2"),
    (re.compile(r"\b(h|an|leuk|septic|isch|hyperglyc|hypoglyc|bacter|tox|ur|vir)aem", re.I), r"\1em"),
    (re.compile(r"\b(o)(edem|esophag|estr)", re.I), r"\2"),
    (re.compile(r"\b(p)aed", re.I), r"\1ed"),
    (re.compile(r"\baetiol", re.I), "etiol"),
    (re.compile(r"\bdiarrhoea", re.I), "diarrhea"),
]


def _us(text: str) -> str:
    for pattern, repl in _BRITISH:
        text = pattern.sub(repl, text)
    return text


def _tok(text: str) -> list[str]:
    return tokenize(_us(text))


# Words that carry no claim of their own (shared by any two sentences of a paper).
_GENERIC = set(tokenize("patient patients study studies group groups trial trials treatment treated therapy months "
                        "month year years rate rates median compared versus vs respectively total overall number "
                        "received receiving results showed shown reported data analysis cohort arm arms"))


def _content(text: str) -> set[str]:
    """The words that carry a sentence's claim, as index tokens (a hyphenated name once, by its joined form)."""
    return set(_content_of(text))


@functools.lru_cache(maxsize=8192)
def _content_of(text: str) -> frozenset[str]:
    out = set()
    for word in words(_us(text)):
        toks = tokenize(word)
        out.update(toks[:1] if re.search(r"[-/]", word) else toks)
    return frozenset(t for t in out if not t.isdigit() and not re.fullmatch(r"[\d.]+", t) and t not in _GENERIC)


# A source's reference markers right after a sentence's full stop ("[23-25]", "[Level of evidence A1]").
_AFTER_STOP_MARKERS = re.compile(r"(?<=[.!?])(?:\[[^\[\]\n]{1,60}\])+(?=\s|$)")


@dataclass
class _Passages:
    """The cited passages cut into sentences and clauses, with the rarity of each word among them."""

    sentences: list[str]
    clauses: list[str]
    weight: dict[str, float]

    @classmethod
    def of(cls, texts: list[str]) -> "_Passages":
        sentences = []
        for text in texts:
            text = re.sub(r"(?<=[A-Za-z0-9)])\.(?=[A-Z][a-z])", ". ", text)  # "HNSCC.To assess": two sentences
            # "...survival duration.[23-25][Level of evidence A1] However, ...": the source's reference markers after
            # a full stop would join two sentences (and a denial in one would be read into the other).
            text = _AFTER_STOP_MARKERS.sub("", text)
            for a, b in sentence_spans(text):
                s = text[a:b].strip()
                if s:
                    sentences.append(s)
        clauses = [c for s in sentences for c in _clauses(s)]
        df: dict[str, int] = {}
        for s in sentences:
            for t in _content(s):
                df[t] = df.get(t, 0) + 1
        n = len(sentences) or 1
        return cls(sentences, clauses, {t: math.log(1 + n / d) for t, d in df.items()})

    def overlap(self, answer: set[str], other: str) -> float:
        """The weight of the answer's words that the other text shares (rare words count more)."""
        # fsum: exact whatever the order of the set (a plain sum of floats would follow the hash seed)
        return math.fsum(self.weight.get(t, math.log(2)) for t in answer & _content(other))

    def best(self, answer: set[str], pieces: list[str]) -> str | None:
        """The piece that holds most of the answer's (weighted) words; of two that hold as much, the one with fewer
        words of its own."""
        scored = [(self.overlap(answer, p), -len(_content(p) - answer), p) for p in pieces]
        top = max(scored, default=None)
        return top[2] if top and top[0] > 0 else None


_INTRO = re.compile(r"^\s*(although|though|even though|while|whereas|despite|if|when|because|since)\b[^,]{3,}?,\s",
                    re.I)
_CLAUSE = re.compile(r";|:\s|\s[–—]\s|,\s*(?=(?:but|while|whereas|although|though|yet|as|because|since|which)\b)|"
                     r",\s*and\s+(?=(?:no|none|not|neither|all|some|most|few)\b)|"
                     r"\s(?=(?:but|whereas|while|although)\s)", re.I)


def _split_outside_brackets(sentence: str) -> list[str]:
    """The sentence cut at clause boundaries that are not inside parentheses ("(OS: HR, 0.51; p < 0.001)" is one
    aside)."""
    depth, inside = 0, []
    for ch in sentence:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        inside.append(depth > 0)
    pieces, last = [], 0
    for m in _CLAUSE.finditer(sentence):
        if inside[m.start()]:
            continue
        pieces.append(sentence[last:m.start()])
        last = m.end()
    pieces.append(sentence[last:])
    return pieces


_NOT_SIGNIFICANTLY = re.compile(r"(?i)(?:but|and|though|although|yet)?\s*(?:not|non)[\s-]?(?:statistically\s+)?"
                                r"significant(?:ly)?(?:\s+so)?\W*")


def _clauses(sentence: str) -> list[str]:
    out: list[str] = []
    for c in _split_outside_brackets(sentence):
        if not c or not c.strip():
            continue
        m = _INTRO.match(c)  # "Although X, Y": X and Y apart
        pieces = [c[:m.end()].rstrip(", "), c[m.end():]] if m else [c]
        for p in (p.strip() for p in pieces):
            if not p or not _content(p):
                continue
            if out and _NOT_SIGNIFICANTLY.fullmatch(p):
                out[-1] = f"{out[-1]} {p}"  # "higher with A, but not significantly": a qualifier of the clause itself
                continue
            if out and re.match(r"(?i)(but|and|or)?\s*not\b", p):
                p = f"{out[-1]} {p}"  # "..., but not for ACR50": the clause it leaves out the verb of
            out.append(p)
    return out


@dataclass
class _Check:
    """One answer sentence and what it cites, as the steps of the check read them."""

    plain: str  # the sentence without its markers and paper identifiers
    where: str  # its markers ("[1][3]")
    texts: list[str]  # the cited passages
    titles: dict[int, str]  # the cited papers' titles
    papers: dict[int, str]  # the cited papers' whole text, where the passage is a chunk of it
    value_spans: list[str]  # the spans the outcomes stage read values from
    passages: _Passages
    answer_words: set[str]
    ranked: list[str]  # the passage sentences, those the answer follows most closely first
