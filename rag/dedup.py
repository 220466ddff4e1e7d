"""Recognise the same paper arriving twice and choose the copy that serves.

Two records are one paper when they share a PMID, DOI, PMCID, trial id or page URL, when their texts are
identical, or when their (long) titles are identical. In each group the richest record serves (full text over an
abstract over an excerpt); the others are kept as linked duplicates with no passages of their own.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_RICHNESS = {"fulltext": 4, "nci": 3, "trial": 3, "abstract": 2}
_TEXT_KIND_PENALTY = {"abstract_partial": 1, "abstract_excerpt": 2}
# Most telling first: a duplicate is explained by the strongest key it shares.
_KEY_NAMES = {"pmid": "PMID", "doi": "DOI", "pmcid": "PMCID", "nct_id": "trial id", "url": "page URL", "id": "doc id",
              "text": "text", "title": "title"}


@dataclass
class Candidate:
    doc_no: int
    doc_id: str
    source_type: str
    source_path: str
    text_sha: str
    text_len: int
    title: str | None = None
    text_kind: str | None = None
    pmid: str | None = None
    doi: str | None = None
    pmcid: str | None = None
    nct_id: str | None = None
    url: str | None = None


@dataclass
class Decision:
    doc_no: int
    status: str  # 'indexed' or 'duplicate'
    duplicate_of: str | None  # doc_id of the serving copy
    reason: str = ""


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().lower().encode()).hexdigest()


_STRONG = ("pmid", "doi", "pmcid", "nct_id")


def _keys(c: Candidate) -> list[tuple[str, bool]]:
    """(key, strong): strong keys are identifiers; weak keys (same text, same long title) only join records
    whose identifiers do not contradict each other (two trials may share a title, never an NCT id)."""
    keys = [(f"id:{c.doc_id}", True)]
    for name in _STRONG:
        value = getattr(c, name)
        if value:
            keys.append((f"{name}:{str(value).lower()}", True))
    if c.url and c.source_type == "nci":
        keys.append((f"url:{c.url.rstrip('/').lower()}", True))
    if c.text_len >= 100:
        keys.append((f"text:{c.text_sha}", False))
    if c.title:
        norm = re.sub(r"[^a-z0-9]+", " ", c.title.lower()).strip()
        if len(norm) >= 40:
            keys.append((f"title:{norm}", False))
    return keys


def _richness(c: Candidate) -> tuple:
    # Older records (lower doc_no) win ties, so an update never flips which copy serves without cause.
    return (_RICHNESS.get(c.source_type, 1) * 10 - _TEXT_KIND_PENALTY.get(c.text_kind or "", 0), c.text_len, -c.doc_no)


def choose_copies(candidates: list[Candidate]) -> dict[int, Decision]:
    """For every candidate: does it serve, or which copy serves in its place (and why)."""
    parent = list(range(len(candidates)))
    # The identifiers each group holds, to refuse a weak join that would put two different PMIDs together.
    idents: list[dict[str, set[str]]] = [
        {n: {str(getattr(c, n)).lower()} for n in _STRONG if getattr(c, n)} for c in candidates
    ]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def conflict(a: int, b: int) -> bool:
        return any(n in idents[b] and idents[a][n] != idents[b][n] for n in idents[a])

    def union(a: int, b: int) -> None:
        parent[a] = b
        for n, values in idents[a].items():
            idents[b].setdefault(n, set()).update(values)

    first_with_key: dict[str, int] = {}
    why: dict[tuple[int, int], set[str]] = {}
    for i, c in enumerate(candidates):
        for key, strong in _keys(c):
            j = first_with_key.setdefault(key, i)
            if j == i:
                continue
            a, b = find(i), find(j)
            if a != b:
                if not strong and conflict(a, b):
                    continue
                union(a, b)
            why.setdefault((i, j), set()).add(key.split(":", 1)[0])
            why[(j, i)] = why[(i, j)]

    groups: dict[int, list[int]] = {}
    for i in range(len(candidates)):
        groups.setdefault(find(i), []).append(i)

    decisions: dict[int, Decision] = {}
    for members in groups.values():
        best = max(members, key=lambda i: _richness(candidates[i]))
        winner = candidates[best]
        for i in members:
            c = candidates[i]
            if i == best:
                decisions[c.doc_no] = Decision(c.doc_no, "indexed", None)
            else:
                shared = why.get((i, best)) or next((why[(i, j)] for j in members if (i, j) in why), set())
                shared = next((_KEY_NAMES[k] for k in _KEY_NAMES if k in shared), "paper")
                decisions[c.doc_no] = Decision(
                    c.doc_no, "duplicate", winner.doc_id,
                    f"same {shared} as {where(winner.source_path, winner.doc_id)} ({winner.source_type}), "
                    f"which is richer and serves",
                )
    return decisions


def where(source_path: str, doc_id: str) -> str:
    """The file a copy came from, as a reader can find it: its path, with the identifier a reader can look up
    (PMID, DOI, PMCID, NCT id) where it has one; never an internal id (FILE:, TITLE:, NCI:)."""
    known = doc_id.split(":", 1)[0] in ("PMID", "DOI", "PMC", "NCT")
    return f"{source_path} ({doc_id})" if known else source_path
