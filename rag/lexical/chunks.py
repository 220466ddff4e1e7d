"""What BM25 indexes for a chunk: the tokeniser's tokens of its text, its paper's title and its section heading,
and, when concepts are on (tokens.USE_CONCEPTS), the MeSH descriptors they name. The query's side of the same
switch is synonyms.expansions."""

from __future__ import annotations

from . import tokens
from .mesh import concepts


def chunk_tokens(title: str | None, section: str, text: str) -> list[str]:
    """What BM25 indexes for a chunk: its own words plus its paper's title and its section heading, and the MeSH
    descriptors they name (``mesh_d007376``: mesh.py)."""
    joined = " ".join(p for p in (title or "", section or "", text) if p)
    if not tokens.USE_CONCEPTS:
        return tokens.tokenize(joined)
    return tokens.tokenize(joined) + concepts(joined)
