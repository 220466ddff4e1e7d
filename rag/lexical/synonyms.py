"""Synonyms of drug, target and gene names, from a small curated table (rag/data/synonyms.tsv).

The table maps code names, generic and brand names and common abbreviations onto each other; a name in the
query adds the best-matching of its synonyms at a lower weight than the query's own words.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..config import Settings
from . import tokens
from .tokens import compact_tokens, tokenize

SYNONYMS_FILE = Path(__file__).resolve().parent.parent / "data" / "synonyms.tsv"


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
        group = tuple(SynonymName(n, tuple(compact_tokens(n)), tuple(tokenize(n))) for n in names if compact_tokens(n))
        if len(group) > 1:
            groups.append(group)
    return tuple(groups)


def expansions(query: str) -> list[list[tuple[str, ...]]]:
    """For each synonym group the query names: the index tokens of the group's other names."""
    q = compact_tokens(query)
    present = set(tokenize(query))
    out = []
    for group in synonym_groups():
        named = [n for n in group if _contains(q, n.key)]
        if named:
            others = [n.tokens for n in group if n not in named and not set(n.tokens) <= present]
            if others:
                out.append(others)
    if tokens.USE_CONCEPTS:
        # The MeSH descriptors the query names (rag/vocabulary.py): a passage naming one by another term matches.
        from ..vocabulary import concepts

        out += [[(token,)] for token in dict.fromkeys(concepts(query))]
    return out


def synonym_alternatives(query: str) -> dict[str, list[tuple[str, ...]]]:
    """For each index token of a synonym-table name the query uses: the index tokens of that name's other names
    (an answer sentence that uses any of them speaks of the same thing)."""
    q = compact_tokens(query)
    out: dict[str, list[tuple[str, ...]]] = {}
    for group in synonym_groups():
        named = [n for n in group if _contains(q, n.key)]
        for n in named:
            others = [o.tokens for o in group if o not in named and o.tokens]
            for t in n.tokens:
                out.setdefault(t, []).extend(o for o in others if o not in out.get(t, []))
    return out


def named_in_query(query: str) -> set[str]:
    """Index tokens of the synonym-table names that the query itself uses."""
    q = compact_tokens(query)
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


def expanded_scores(query: str, score, synonyms: bool = True,
                    expansion_weight: float = Settings.expansion_weight) -> np.ndarray:
    """``score(tokens)`` for the query, plus ``expansion_weight`` times each synonym group's best other name.

    A group counts once, by the best-matching other name: a paper that lists five brand and code names must not
    outrank one that uses the name the question asked about."""
    scores = score(tokenize(query))
    if synonyms:
        for others in expansions(query):
            scores = scores + expansion_weight * np.max([score(list(name)) for name in others], axis=0)
    return scores

