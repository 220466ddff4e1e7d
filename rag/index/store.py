"""What retrieval reads an index through: the ``Store`` interface, and the one factory that picks a back-end.

``Settings.store_url`` empty: the embedded store, the published generation in ``index_dir`` (FAISS + SQLite +
BM25, ``LocalStore`` in rag/index/local.py). A ``postgresql://`` URL: PostgreSQL with pgvector (``PgStore`` in
rag/index/postgres.py), which a build keeps in step with ``index_dir`` (rag/index/postgres_sync.py). Nothing
outside this module asks which kind a store is; psycopg is imported only when a URL is set.

Reads are thread-safe on both; a search wraps its calls in ``reading()`` so that they see one state.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, ContextManager, Protocol

import numpy as np

from ..config import Settings
from ..lexical.synonyms import EXPANSION_WEIGHT
from ..datatypes import Document
from .generations import IndexNotFound, current_generation, read_manifest
from .rows import ChunkHit

if TYPE_CHECKING:
    from ..outcomes import StudyOutcomes

SCHEMES = ("postgresql://", "postgres://")


class Store(Protocol):
    """A built index opened for reading. ``Allowed`` results of ``allowed_ids`` are opaque: each store passes
    its own form (chunk ids, or a SQL condition) back into its own searches."""

    manifest: dict[str, Any]
    # False for a keyword-only generation (built lexical-first, its vectors still being embedded): no dense
    # search, no stored vectors; readers embed the passages they show from embedding_inputs().
    dense_ready: bool

    @property
    def size(self) -> int: ...  # chunks searchable

    def identity(self) -> Any: ...  # what changes when the data changes (a generation folder, a generation name)

    def generation_name(self) -> str: ...  # the generation served ("gen-000012"), as answers report it

    def is_current(self, held: Any, settings: Settings) -> bool: ...  # still what these settings point at?

    def check_shape(self, shape: dict[str, Any]) -> None: ...  # raises IndexMismatch

    def reading(self) -> ContextManager[None]: ...

    def allowed_ids(self, filters: dict[str, Any] | None) -> Any: ...

    def dense_search(self, vector: np.ndarray, k: int, allowed: Any = None) -> list[tuple[int, float]]: ...

    def lexical_search(self, query: str, k: int, allowed: Any = None, synonyms: bool = True,
                       expansion_weight: float = EXPANSION_WEIGHT) -> list[tuple[int, float]]: ...

    def record_scores(self, query: str, chunk_ids: list[int], synonyms: bool = True, most_chunks: int = 0,
                      expansion_weight: float = EXPANSION_WEIGHT) -> dict[int, float]: ...

    def vectors(self, chunk_ids: list[int]) -> np.ndarray: ...

    def fetch(self, chunk_ids: list[int]) -> dict[int, ChunkHit]: ...

    def embedding_inputs(self, chunk_ids: list[int]) -> list[str]: ...  # what the model is given, in order

    def document(self, doc_id: str) -> Document | None: ...

    def documents_text(self) -> list[tuple[str, str | None, str, str | None]]: ...

    # The trial outcomes stored at build time (rag/outcomes/) of these indexed documents; ids without one
    # (not found, or an index built before outcomes were stored) are left out.
    def outcomes(self, doc_ids: list[str]) -> dict[str, StudyOutcomes]: ...

    def idf(self, tokens: list[str]) -> dict[str, float]: ...

    def stats(self) -> dict[str, Any]: ...


def is_postgres(url: str) -> bool:
    return url.startswith(SCHEMES)


def _check(url: str) -> None:
    if not is_postgres(url):
        raise ValueError(f"unsupported store URL {url.split('@')[-1]!r}: use postgresql://USER@HOST:PORT/DB "
                         f"(or leave it empty for the embedded index)")
    try:  # the postgres extra
        import pgvector  # noqa: F401
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ModuleNotFoundError as err:
        raise RuntimeError(f"a PostgreSQL store needs the postgres extra ({err.name} is not installed): "
                           f"pip install -e '.[postgres]'") from err


class StoreWriter(Protocol):
    """The write side of an index: a new generation staged (rows, then its search indexes, then finish()) and
    published by rag/index/generations.py. GenerationWriter (writer.py) is the local one; a PostgreSQL store is
    written by mirroring each published generation (postgres_sync.py), so one build engine serves both."""

    path: Any  # where the staged generation is

    def copy_documents(self, previous: Any, doc_nos: list[int], with_chunks: set[int]) -> None: ...

    def add_document(self, doc_no: int, doc: Document, text_sha: str, status: str,
                     duplicate_of: str | None) -> None: ...

    def set_status(self, doc_no: int, status: str, duplicate_of: str | None, extra: dict | None = None,
                   **fields: Any) -> None: ...

    def add_chunks(self, doc_no: int, chunks: list, first_id: int, lexical_tokens: list[list[str]]) -> None: ...

    def add_outcomes(self, doc_no: int, version: str, record: dict[str, Any]) -> None: ...

    def add_files(self, rows: list[tuple[str, str, int, str, str | None, int]]) -> None: ...

    def write_search_indexes(self, previous: Any, previous_manifest: dict[str, Any], embed: Any) -> int: ...

    def finish(self, manifest: dict[str, Any]) -> Any: ...

    def abandon(self) -> None: ...


def open_store(settings: Settings) -> Store:
    """The store for these settings, opened for reading. Raises IndexNotFound when it holds no index."""
    if settings.store_url:
        _check(settings.store_url)
        from .postgres import PgStore

        return PgStore.shared(settings.store_url)
    gen = current_generation(settings.index_dir)
    if gen is None:
        raise IndexNotFound(f"no index in {settings.index_dir}: build it with `rag build --index {settings.index_dir}`")
    from .local import LocalStore

    return LocalStore(gen)


def sync(settings: Settings, log: Callable[[str], None] | None = None) -> dict[str, Any] | None:
    """After a build: mirror index_dir's live generation into the store at ``store_url`` (no-op without one)."""
    if not settings.store_url:
        return None
    _check(settings.store_url)
    gen = current_generation(settings.index_dir)
    if gen is None:
        raise IndexNotFound(f"no index in {settings.index_dir} to sync: build it first")
    if read_manifest(gen).get("dense_pending"):  # a keyword-only generation: a store mirrors whole ones
        raise RuntimeError(f"the index {settings.index_dir} is keyword-only ({gen.name}: its passages are not "
                           f"embedded yet): run `rag build` to embed it, then sync")
    from .postgres_sync import sync as pg_sync

    return pg_sync(settings.store_url, Path(gen), log)
