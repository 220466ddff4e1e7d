"""Index: chunks made searchable, on disk in immutable generations, and read back through one ``Store`` interface.

    generations.py    the folder layout, the CURRENT pointer, publishing, clean-up, the build lock
    writer.py         staging a generation's SQLite tables (files, documents, chunks)
    dense.py          FAISS: flat or IVF by size, updated in place
    bm25.py           BM25 postings, updated incrementally; the same postings read as whole records
    rows.py           what both stores share: rows to records, filters to SQL
    store.py          the Store protocol and open_store(), the one factory that picks a back-end
    local.py          LocalStore: a generation opened read-only (the default)
    postgres.py       PgStore: PostgreSQL + pgvector, for many readers
    postgres_sync.py  mirroring a published generation into PostgreSQL
"""

from .generations import IndexMismatch, IndexNotFound, current_generation, read_manifest, shape_difference
from .local import LocalStore
from .store import Store, open_store, sync

__all__ = ["IndexMismatch", "IndexNotFound", "LocalStore", "Store", "current_generation", "open_store",
           "read_manifest", "shape_difference", "sync"]
