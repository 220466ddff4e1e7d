"""What the app does before it serves and right after: the index built when there is none (its keyword side
only; the rest in the background, rag/ui/background.py), the model and index loaded once, the status figures."""

from __future__ import annotations

import sys
import threading
from typing import Any

from ..config import Settings


def ensure_index(settings: Settings) -> None:
    """Build the index when there is none, or when it was built with other settings or by an older version (a new
    tokeniser or loader): otherwise every question would be refused. Only its keyword side is built here (seconds:
    parse, chunk, BM25), so that the app serves at once; serve() then embeds the passages in the background."""
    from rag.index import current_generation, read_manifest, shape_difference
    from rag.index.shape import index_shape

    if settings.store_url:
        return  # a store is filled by `rag sync`
    gen = current_generation(settings.index_dir)
    if gen is None:
        why = f"No index in {settings.index_dir}: building it from {settings.corpus_dir} (first run only)."
    else:
        diff = shape_difference(read_manifest(gen).get("shape", {}), index_shape(settings))
        if not diff:
            return
        why = f"The index in {settings.index_dir} was built with other settings ({diff}): rebuilding it."
    from rag.indexing import build, tqdm_progress

    print(why, file=sys.stderr)
    report = build(settings, progress=tqdm_progress(), log=lambda m: print(m, file=sys.stderr), lexical_only=True)
    print(report.summary(), file=sys.stderr)


def keyword_only(settings: Settings) -> bool:
    """Whether the index serves by keyword only (its vectors not embedded yet)."""
    from rag.index import current_generation, read_manifest

    gen = None if settings.store_url else current_generation(settings.index_dir)
    return gen is not None and bool(read_manifest(gen).get("dense_pending"))


_warm_lock = threading.Lock()
_warmed = threading.Event()


def warm_up(settings: Settings) -> None:
    """Load the index and the embedding model, once: started in the background when the server is up; a question
    or a build that comes first waits here instead of loading a second copy of the model."""
    if _warmed.is_set():
        return
    from rag.retrieve import get_searcher

    with _warm_lock:
        if not _warmed.is_set():
            searcher = get_searcher(settings)
            searcher.store  # noqa: B018  (loads FAISS, BM25, SQLite)
            searcher.embedder.encode_query("warm-up")
            _warmed.set()


def index_stats(settings: Settings) -> dict[str, Any] | None:
    """The index's figures for the status lines; for a keyword-only index, the background embedding's progress."""
    from rag.index import IndexNotFound
    from rag.retrieve import get_searcher
    from rag.ui.background import EMBEDDING

    try:
        stats = get_searcher(settings).store.stats()
    except IndexNotFound:
        return None
    if stats.get("dense_pending"):
        stats["embedding"] = EMBEDDING.snapshot()
    return stats
