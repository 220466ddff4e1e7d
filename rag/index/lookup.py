"""Which indexed paper a piece of text was cut from: a passage handed to the support check without its paper (`rag
check --pairs`) is looked up in the library, so that its title and the rest of the paper can be read as the
answer's own check reads them."""

from __future__ import annotations

import re

from ..datatypes import Document
from .store import Store

_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def paper_of(store: Store, text: str, candidates: int = 5) -> Document | None:
    """The indexed document whose title and text hold ``text`` (whitespace and case aside), found among the papers
    of the best keyword matches; None when no paper holds it. A few words are not enough to name a paper."""
    wanted = _squash(text)
    if len(wanted) < 80:
        return None
    seen: set[str] = set()
    with store.reading():
        hits = store.lexical_search(text[:2000], candidates, synonyms=False)
        for hit in store.fetch([chunk_id for chunk_id, _ in hits]).values():
            if hit.doc_id in seen:
                continue
            seen.add(hit.doc_id)
            doc = store.document(hit.doc_id)
            if doc is not None and wanted in _squash(f"{doc.title or ''}\n{doc.text}"):
                return doc
    return None
