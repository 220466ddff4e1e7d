"""Synonyms of drug, target and gene names, from a small curated table (rag/data/synonyms.tsv).

The table maps code names, generic and brand names and common abbreviations onto each other; a name in the
query adds the best-matching of its synonyms at a lower weight than the query's own words.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import tokens
from .mesh import concepts
from .tokens import compact_tokens, tokenize

SYNONYMS_FILE = Path(__file__).resolve().parent.parent / "data" / "synonyms.tsv"
# A synonym's share of the score when the caller gives none: the expansion_weight setting's default (rag/config.py).
EXPANSION_WEIGHT = 0.1


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


@functools.lru_cache(maxsize=1)
def _by_first_token() -> dict[str, list[tuple[int, SynonymName]]]:
    """Every name of the table, as (its group's number, the name), under the first of its compact tokens."""
    index: dict[str, list[tuple[int, SynonymName]]] = {}
    for g, group in enumerate(synonym_groups()):
        for name in group:
            index.setdefault(name.key[0], []).append((g, name))
    return index


def _named(q: list[str]) -> dict[int, list[SynonymName]]:
    """The table's names found in the compact tokens q, by group number (in table order): one look-up per query
    token, so the time grows with the query's length, not with its length times the table's size."""
    index = _by_first_token()
    found: dict[int, list[SynonymName]] = {}
    for i, token in enumerate(q):
        for g, name in index.get(token, ()):
            if tuple(q[i:i + len(name.key)]) == name.key and name not in found.get(g, []):
                found.setdefault(g, []).append(name)
    groups = synonym_groups()
    return {g: [n for n in groups[g] if n in found[g]] for g in sorted(found)}


def expansions(query: str) -> list[list[tuple[str, ...]]]:
    """For each synonym group the query names: the index tokens of the group's other names."""
    q = compact_tokens(query)
    present = set(tokenize(query))
    out = []
    groups = synonym_groups()
    for g, named in _named(q).items():
        group = groups[g]
        if named:
            others = [n.tokens for n in group if n not in named and not set(n.tokens) <= present]
            if others:
                out.append(others)
    if tokens.USE_CONCEPTS:
        # The MeSH descriptors the query names (mesh.py): a passage naming one by another term matches.
        out += [[(token,)] for token in dict.fromkeys(concepts(query))]
    return out


def synonym_alternatives(query: str) -> dict[str, list[tuple[str, ...]]]:
    """For each index token of a synonym-table name the query uses: the index tokens of that name's other names
    (an answer sentence that uses any of them speaks of the same thing)."""
    q = compact_tokens(query)
    out: dict[str, list[tuple[str, ...]]] = {}
    groups = synonym_groups()
    for g, named in _named(q).items():
        group = groups[g]
        for n in named:
            others = [o.tokens for o in group if o not in named and o.tokens]
            for t in n.tokens:
                out.setdefault(t, []).extend(o for o in others if o not in out.get(t, []))
    return out


def named_in_query(query: str) -> set[str]:
    """Index tokens of the synonym-table names that the query itself uses."""
    return {t for named in _named(compact_tokens(query)).values() for n in named for t in n.tokens}


def expand(query: str) -> list[str]:
    """The tokens of all synonyms of names found in the query (not the query's own tokens)."""
    present = set(tokenize(query))
    extra: list[str] = []
    for others in expansions(query):
        extra.extend(t for name in others for t in name if t not in present and t not in extra)
    return extra


def expanded_scores(query: str, score, synonyms: bool = True,
                    expansion_weight: float = EXPANSION_WEIGHT) -> np.ndarray:
    """``score(tokens)`` for the query, plus ``expansion_weight`` times each synonym group's best other name.

    A group counts once, by the best-matching other name: a paper that lists five brand and code names must not
    outrank one that uses the name the question asked about."""
    scores = score(tokenize(query))
    if synonyms:
        for others in expansions(query):
            scores = scores + expansion_weight * np.max([score(list(name)) for name in others], axis=0)
    return scores

