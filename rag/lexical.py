"""Lexical search: BM25 (bm25s) over chunks, with biomedical tokenisation and synonym expansion.

Tokens keep what matters in this field: "PD-L1", "IL-2" and "CTLA-4" become "pdl1", "il2", "ctla4" (plus their
parts), so a hyphen or its absence does not break a match; plain words are stemmed (Snowball English).
A small curated table (rag/data/synonyms.tsv) maps code names, generic and brand names of drugs, targets and
common abbreviations onto each other; a name in the query adds the best-matching of its synonyms at a lower
weight than the query's own words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

SYNONYMS_FILE = Path(__file__).parent / "data" / "synonyms.tsv"
# Measured on the dev questions at 0.1/0.2/0.3/0.5 (docs/benchmarks.md): larger weights let papers about a
# drug's other names crowd out those using the name asked about; at 0.1 synonyms break ties and rescue
# queries whose name the corpus does not use.
EXPANSION_WEIGHT = 0.1

_WORD = re.compile(r"[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF]+(?:[-/][0-9A-Za-z\u00C0-\u024F\u0370-\u03FF]+)*")


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


@functools.lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed tokens; hyphenated names yield the joined form and their parts."""
    stop = _stopwords()
    out: list[str] = []
    for m in _WORD.finditer(text.lower()):
        word = m.group(0)
        parts = re.split(r"[-/]", word)
        if len(parts) > 1:
            joined = "".join(parts)
            out.append(joined)
            out.extend(p for p in parts if len(p) > 1 and p not in stop)
        elif len(word) > 1 and word not in stop:
            out.append(word)
        elif word.isdigit():
            out.append(word)  # a lone digit matters in "stage 3", "grade 4"
    stemmer = _stemmer()
    return [stemmer.stemWord(t) if t.isalpha() else t for t in out]


# --- synonyms --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SynonymName:
    text: str  # as written in the table
    key: tuple[str, ...]  # compact tokens, to find the name inside a query
    tokens: tuple[str, ...]  # index tokens, to score documents that use this name


@functools.lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[SynonymName, ...], ...]:
    """One group per line of synonyms.tsv (names separated by '|')."""
    groups = []
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        names = [n.strip() for n in line.split("|") if n.strip()]
        group = tuple(SynonymName(n, tuple(_compact(n)), tuple(tokenize(n))) for n in names if _compact(n))
        if len(group) > 1:
            groups.append(group)
    return tuple(groups)


def _compact(text: str) -> list[str]:
    """Tokens without the parts of hyphenated words: used to match names inside a query."""
    toks = []
    stemmer = _stemmer()
    for m in _WORD.finditer(text.lower()):
        word = re.sub(r"[-/]", "", m.group(0))
        if word not in _stopwords():
            toks.append(stemmer.stemWord(word) if word.isalpha() else word)
    return toks


def expansions(query: str) -> list[list[tuple[str, ...]]]:
    """For each synonym group the query names: the index tokens of the group's other names."""
    q = _compact(query)
    present = set(tokenize(query))
    out = []
    for group in synonym_groups():
        named = [n for n in group if _contains(q, n.key)]
        if named:
            others = [n.tokens for n in group if n not in named and not set(n.tokens) <= present]
            if others:
                out.append(others)
    return out


def named_in_query(query: str) -> set[str]:
    """Index tokens of the synonym-table names that the query itself uses."""
    q = _compact(query)
    return {t for group in synonym_groups() for n in group if _contains(q, n.key) for t in n.tokens}


def expand(query: str) -> list[str]:
    """The tokens of all synonyms of names found in the query (not the query's own tokens)."""
    present = set(tokenize(query))
    extra: list[str] = []
    for others in expansions(query):
        extra.extend(t for name in others for t in name if t not in present and t not in extra)
    return extra


def _contains(seq: list[str], sub: tuple[str, ...]) -> bool:
    n = len(sub)
    return any(tuple(seq[i:i + n]) == sub for i in range(len(seq) - n + 1))


def chunk_tokens(title: str | None, section: str, text: str) -> list[str]:
    """What BM25 indexes for a chunk: its own words plus its paper's title and its section heading."""
    return tokenize(" ".join(p for p in (title or "", section or "", text) if p))


# --- the index -------------------------------------------------------------------------------------------


class LexicalIndex:
    """bm25s over chunk texts; position i in the BM25 corpus is chunk ``chunk_ids[i]``."""

    def __init__(self, retriever, chunk_ids: np.ndarray):
        self.retriever = retriever
        self.chunk_ids = chunk_ids

    @classmethod
    def build(cls, token_lists: Sequence[list[str]], chunk_ids: Sequence[int]) -> "LexicalIndex":
        """From each chunk's tokens (see tokenize; the build stores them, so updates never re-tokenise)."""
        import bm25s

        retriever = bm25s.BM25()
        corpus = [tokens or ["\u2205"] for tokens in token_lists]  # bm25s needs a token in every document
        if corpus:
            retriever.index(corpus, show_progress=False)
        return cls(retriever, np.asarray(chunk_ids, dtype=np.int64))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if len(self.chunk_ids):
            self.retriever.save(str(folder))
        np.save(folder / "chunk_ids.npy", self.chunk_ids)

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        import bm25s

        chunk_ids = np.load(folder / "chunk_ids.npy")
        retriever = bm25s.BM25.load(str(folder), mmap=False) if len(chunk_ids) else bm25s.BM25()
        return cls(retriever, chunk_ids)

    def scores(self, tokens: list[str]) -> np.ndarray:
        vocab = self.retriever.vocab_dict
        known = [t for t in tokens if t in vocab]
        if not known or not len(self.chunk_ids):
            return np.zeros(len(self.chunk_ids), dtype=np.float32)
        return np.asarray(self.retriever.get_scores(known), dtype=np.float32)

    def search(self, query: str, k: int, allowed: np.ndarray | None = None, synonyms: bool = True) -> list[tuple[int, float]]:
        """Top k (chunk_id, score); ``allowed`` is a boolean mask over positions (filters)."""
        scores = self.scores(tokenize(query))
        if synonyms:
            # A group counts once, by the best-matching other name: a paper that lists five brand and code
            # names must not outrank one that uses the name the question asked about.
            for others in expansions(query):
                scores = scores + EXPANSION_WEIGHT * np.max([self.scores(list(name)) for name in others], axis=0)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, len(scores))
        if k <= 0:
            return []
        # Best first; equal scores in chunk order (positions follow chunk ids), so the order is reproducible and
        # the same as PostgreSQL's (ORDER BY score DESC, chunk_id; rag/pgstore.py).
        kth = -np.partition(-scores, k - 1)[k - 1]
        top = np.flatnonzero((scores >= kth) & (scores > 0))
        top = top[np.argsort(-scores[top], kind="stable")][:k]
        return [(int(self.chunk_ids[i]), float(scores[i])) for i in top]
