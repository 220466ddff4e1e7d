"""Which index store retrieval reads from: the one place that knows there are two kinds.

``Settings.store_url`` empty: the embedded store, a published generation in ``index_dir`` (FAISS + SQLite + BM25,
``index.LocalStore``). A ``postgresql://`` URL: PostgreSQL with pgvector (``pgstore.PgStore``), which a build
keeps in step with ``index_dir``. Both have the same read interface (searches, fetch, stats, ``reading()``); the rest of the code does not ask which.
psycopg is imported only when a URL is set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from . import index
from .config import Settings

SCHEMES = ("postgresql://", "postgres://")


def is_postgres(url: str) -> bool:
    return url.startswith(SCHEMES)


def _check(url: str) -> None:
    if not is_postgres(url):
        raise ValueError(f"unsupported store URL {url.split('@')[-1]!r}: use postgresql://USER@HOST:PORT/DB "
                         f"(or leave it empty for the embedded index)")


def open_store(settings: Settings):
    """The store for these settings, opened for reading. Raises IndexNotFound when it holds no index."""
    if settings.store_url:
        _check(settings.store_url)
        from .pgstore import PgStore

        return PgStore.shared(settings.store_url)
    gen = index.current_generation(settings.index_dir)
    if gen is None:
        raise index.IndexNotFound(
            f"no index in {settings.index_dir}: build it with `rag build --index {settings.index_dir}`"
        )
    return index.LocalStore(gen)


def identity(store) -> Any:
    """What changes when the store's data changes: the generation folder, or the generation the database holds."""
    return store.path if isinstance(store, index.LocalStore) else store.generation


def generation_name(store) -> str:
    """The name of the generation a store serves ("gen-000012"), as answers report it."""
    return store.path.name if isinstance(store, index.LocalStore) else str(store.generation)


def is_current(store, held: Any, settings: Settings) -> bool:
    """Whether ``store`` (opened when its identity was ``held``) still serves what these settings point at."""
    if isinstance(store, index.LocalStore):
        return not settings.store_url and store.path == index.current_generation(settings.index_dir)
    return settings.store_url == store.url and store.generation == held


def sync(settings: Settings, log: Callable[[str], None] | None = None) -> dict[str, Any] | None:
    """After a build: mirror index_dir's live generation into the store at ``store_url`` (no-op without one)."""
    if not settings.store_url:
        return None
    _check(settings.store_url)
    gen = index.current_generation(settings.index_dir)
    if gen is None:
        raise index.IndexNotFound(f"no index in {settings.index_dir} to sync: build it first")
    from .pgstore import sync as pg_sync

    return pg_sync(settings.store_url, Path(gen), log)
