"""PostgreSQL + pgvector as the index store, for a library too big for one laptop and many users at once.

The same read interface (rag/index/store.py ``Store``) as ``LocalStore`` (dense and lexical search, filters, chunk
lookup, documents, stats), over one database: vectors (pgvector, an HNSW index), chunk texts, document metadata
and BM25 postings.
Filters are SQL in the same query as the search. Any number of app processes can read it, from the primary or
from hot standbys; every search reads one consistent snapshot (``reading()``).

Writing: ``rag/index/postgres_sync.py`` mirrors each published generation here in one transaction.

BM25 is computed in SQL exactly as bm25s scores it (method 'lucene': k1 1.5, b 0.75, idf ln(1 + (N - df + 0.5) /
(df + 0.5)), each term's contribution rounded to float32 as bm25s stores it, a query term counted as often as it
occurs), from postings (term, chunk, tf, chunk length) and the collection statistics kept in ``rag_meta``; the
synonym expansion of rag/lexical/synonyms.py is the same per-group maximum over the group's other names.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import Counter
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING, Any, Iterator
from urllib.parse import urlsplit

import numpy as np

from ..lexical.synonyms import EXPANSION_WEIGHT, expansions
from ..lexical.tokens import tokenize
from ..datatypes import Document
from .bm25 import B, K1
from .generations import IndexMismatch, IndexNotFound, shape_difference
from .rows import DOC_FIELDS, FETCH_COLUMNS, ChunkHit, filter_sql, row_to_document, row_to_hit

if TYPE_CHECKING:
    from ..outcomes import StudyOutcomes

SCHEMA_VERSION = 2  # 2: rag_records (whole-document BM25 statistics)
# HNSW graph: m 16 (pgvector's default), ef_construction 128 (default 64: some queries then lost most of their
# exact top 10). ef_search, a query's candidate list, is max(EF_SEARCH, EF_PER_RESULT * k). Measured on the
# evaluation index (15k chunks, docs/benchmarks.md): top 10 at 200 overlaps the exact top 10 by 0.99; the
# pipeline's 100 candidates need 800 (0.985 overlap at 200, 0.996 at 400 and 1.0 at 800), because the fusion
# normalises by the list's lowest score: at 400 the full pipeline lost 1.2 points of nDCG@10, at 800 none.
HNSW_M, HNSW_EF_CONSTRUCTION = 16, 128
EF_SEARCH = 200
EF_PER_RESULT = 8
REFRESH_SECONDS = 1.0  # how often a reader checks which generation the database holds

DOC_COLUMNS = ("doc_no",) + DOC_FIELDS
CHUNK_COLUMNS = ("chunk_id", "doc_no", "ordinal", "text", "char_start", "char_end", "section", "page", "page_end",
                 "n_tokens")
# Document columns a later generation may change for the same doc_no (dedup links, filled identifiers); text,
# sections and text_sha belong to the doc_no for good.
MUTABLE_DOC_COLUMNS = ("doc_id", "source_path", "source_type", "title", "authors", "year", "journal", "pmid", "doi",
                       "pmcid", "nct_id", "url", "extra", "status", "duplicate_of")

TABLES = ("rag_postings", "rag_terms", "rag_records", "rag_chunks", "rag_documents", "rag_files", "rag_outcomes")


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url


def schema_sql(dimension: int) -> str:
    return f"""
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE IF NOT EXISTS rag_meta (
    id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    schema_version int NOT NULL,
    generation text, lineage text, index_dir text, manifest jsonb, stats jsonb,
    n_chunks bigint NOT NULL DEFAULT 0,
    total_len bigint NOT NULL DEFAULT 0,   -- sum of the chunks' BM25 lengths (avgdl = total_len / n_chunks)
    synced_at timestamptz
);
CREATE TABLE IF NOT EXISTS rag_files (
    path text PRIMARY KEY, sha256 text NOT NULL, size bigint, status text NOT NULL, reason text, n_docs int
);
CREATE TABLE IF NOT EXISTS rag_documents (
    doc_no bigint PRIMARY KEY, doc_id text NOT NULL, source_path text NOT NULL, source_type text NOT NULL,
    title text, authors text, year int, journal text, pmid text, doi text, pmcid text, nct_id text, url text,
    text text NOT NULL, sections text NOT NULL, extra text NOT NULL, text_sha text NOT NULL,
    status text NOT NULL, duplicate_of text
);
CREATE INDEX IF NOT EXISTS rag_documents_doc_id ON rag_documents (doc_id);
CREATE INDEX IF NOT EXISTS rag_documents_year ON rag_documents (year);
CREATE INDEX IF NOT EXISTS rag_documents_source_type ON rag_documents (source_type);
CREATE INDEX IF NOT EXISTS rag_documents_pmid ON rag_documents (pmid);
CREATE TABLE IF NOT EXISTS rag_chunks (
    chunk_id bigint PRIMARY KEY, doc_no bigint NOT NULL, ordinal int NOT NULL, text text NOT NULL,
    char_start int, char_end int, section text, page int, page_end int, n_tokens int,
    embedding vector({int(dimension)}) NOT NULL
);
CREATE INDEX IF NOT EXISTS rag_chunks_doc ON rag_chunks (doc_no);
CREATE TABLE IF NOT EXISTS rag_records (  -- each document's chunks as one record: count and summed BM25 length
    doc_no bigint PRIMARY KEY, n_chunks int NOT NULL, len bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS rag_outcomes (  -- each indexed document's trial outcomes (rag/outcomes/), as built
    doc_no bigint PRIMARY KEY, version text NOT NULL, record text NOT NULL
);
CREATE TABLE IF NOT EXISTS rag_terms (term_id serial PRIMARY KEY, term text NOT NULL UNIQUE, df int NOT NULL);
CREATE TABLE IF NOT EXISTS rag_postings (
    term_id int NOT NULL, chunk_id bigint NOT NULL, tf int NOT NULL, dl int NOT NULL,
    PRIMARY KEY (term_id, chunk_id)
);
"""


HNSW_SQL = (f"CREATE INDEX IF NOT EXISTS rag_chunks_hnsw ON rag_chunks USING hnsw (embedding vector_ip_ops) "
            f"WITH (m = {HNSW_M}, ef_construction = {HNSW_EF_CONSTRUCTION})")


def _configure(conn) -> None:
    """Every reading connection: the vector type, the HNSW search depth, filtered searches that still fill k."""
    import psycopg
    from pgvector.psycopg import register_vector

    try:
        register_vector(conn)
    except psycopg.ProgrammingError:
        pass  # no pgvector in this database (yet): nothing was synced into it, as refresh() will say
    conn.execute(f"SET hnsw.ef_search = {int(EF_SEARCH)}")
    conn.execute("SET hnsw.iterative_scan = relaxed_order")  # pgvector >= 0.8: a filter does not starve the top k


class PgStore:
    """A PostgreSQL database holding a synced index, opened for reading (a primary or a hot standby)."""

    _shared: dict[str, "PgStore"] = {}
    _shared_lock = threading.Lock()

    def __init__(self, url: str, max_connections: int = 8):
        from psycopg import IsolationLevel
        from psycopg_pool import ConnectionPool

        self.url = url
        self._local = threading.local()

        def configure(conn) -> None:
            _configure(conn)
            conn.isolation_level = IsolationLevel.REPEATABLE_READ  # a search reads one snapshot
            conn.read_only = True

        import psycopg

        try:  # fail fast with the server's own words (the pool would retry quietly until its timeout)
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as err:
            raise RuntimeError(f"cannot connect to PostgreSQL at {redact(url)}: {str(err).strip()}") from None
        self.pool = ConnectionPool(url, min_size=1, max_size=max_connections, configure=configure,
                                   kwargs={"autocommit": True}, open=False, name="rag-pgstore")
        try:
            self.pool.open(wait=True, timeout=15)
        except Exception as err:
            self.pool.close()
            raise RuntimeError(f"cannot connect to PostgreSQL at {redact(url)}: {err}") from err
        self._meta: dict[str, Any] | None = None
        self._checked = 0.0
        try:
            self.refresh(force=True)
        except BaseException:
            self.pool.close()
            raise

    @classmethod
    def shared(cls, url: str) -> "PgStore":
        """One store (and one connection pool) per URL per process."""
        with cls._shared_lock:
            st = cls._shared.get(url)
            if st is None:
                st = cls._shared[url] = cls(url)
            return st

    def close(self) -> None:
        with self._shared_lock:
            if self._shared.get(self.url) is self:
                del self._shared[self.url]
        self.pool.close()

    # --- the generation held -----------------------------------------------------------------------------

    def refresh(self, force: bool = False) -> dict[str, Any]:
        """The database's rag_meta row, re-read at most every REFRESH_SECONDS."""
        now = time.monotonic()
        if force or self._meta is None or now - self._checked > REFRESH_SECONDS:
            import psycopg

            try:
                with self._conn() as conn:
                    row = conn.execute("SELECT generation, lineage, manifest, stats, n_chunks, index_dir "
                                       "FROM rag_meta WHERE id = 1").fetchone()
            except psycopg.errors.UndefinedTable:
                row = None
            if row is None or row[0] is None:
                raise IndexNotFound(
                    f"no index in the PostgreSQL store {redact(self.url)}: sync one into it with "
                    f"`rag sync --index DIR --store URL` (or `rag build --store URL`)"
                )
            self._meta = dict(zip(("generation", "lineage", "manifest", "stats", "n_chunks", "index_dir"), row,
                                  strict=True))
            self._checked = now
        return self._meta

    @property
    def generation(self) -> str:
        return self.refresh()["generation"]

    @property
    def manifest(self) -> dict[str, Any]:
        return self.refresh()["manifest"]

    @property
    def path(self) -> str:  # what LocalStore.path is for messages
        return f"{redact(self.url)}#{self.generation}"

    @property
    def size(self) -> int:
        return int(self.refresh()["n_chunks"])

    def identity(self) -> str:
        return self.generation

    def generation_name(self) -> str:
        return str(self.generation)

    def is_current(self, held: Any, settings) -> bool:
        return settings.store_url == self.url and self.generation == held

    def check_shape(self, shape: dict[str, Any]) -> None:
        diff = shape_difference(self.manifest["shape"], shape)
        if diff:
            raise IndexMismatch(f"the index in {redact(self.url)} was built with other settings ({diff}); "
                                f"sync an index built with these settings into it, or use matching settings")

    # --- connections and snapshots -----------------------------------------------------------------------

    @contextmanager
    def _conn(self):
        held = getattr(self._local, "conn", None)
        if held is not None:
            yield held
        else:
            with self.pool.connection() as conn:
                yield conn

    @contextmanager
    def reading(self) -> Iterator[None]:
        """All store calls of this thread inside see one snapshot of the database (one search, one answer)."""
        if getattr(self._local, "conn", None) is not None:
            yield
            return
        with self.pool.connection() as conn:
            with conn.transaction():
                self._local.conn = conn
                try:
                    yield
                finally:
                    self._local.conn = None

    # --- reading -----------------------------------------------------------------------------------------

    def allowed_ids(self, filters: dict[str, Any] | None) -> tuple[str, list[Any]] | None:
        """The filters as a SQL condition on rag_documents d (applied inside each search's own query)."""
        if not filters:
            return None
        where, args = filter_sql(filters, json_field=lambda key: f"(d.extra::jsonb -> 'evidence' ->> '{key}')")
        return where.replace("?", "%s"), args

    def dense_search(self, vector: np.ndarray, k: int, allowed: tuple[str, list[Any]] | None = None
                     ) -> list[tuple[int, float]]:
        if k <= 0:
            return []
        where, args = "", []
        if allowed is not None:
            where = f"WHERE c.doc_no IN (SELECT d.doc_no FROM rag_documents d WHERE {allowed[0]})"
            args = list(allowed[1])
        vec = np.asarray(vector, dtype=np.float32)
        # relaxed_order may return the rows slightly out of order: sort the k found exactly.
        sql = (f"WITH hits AS MATERIALIZED (SELECT c.chunk_id, c.embedding <#> %s AS d FROM rag_chunks c {where} "
               f"ORDER BY c.embedding <#> %s LIMIT %s) SELECT chunk_id, -d FROM hits ORDER BY d, chunk_id")
        ef = max(EF_SEARCH, EF_PER_RESULT * int(k))  # HNSW returns at most ef_search rows; recall at k wants ef >> k
        with self._conn() as conn:
            from psycopg.pq import TransactionStatus

            # ef_search for this transaction only (the snapshot's, or one of its own)
            in_tx = conn.info.transaction_status != TransactionStatus.IDLE
            with nullcontext() if in_tx else conn.transaction():
                if ef != EF_SEARCH:
                    conn.execute("SELECT set_config('hnsw.ef_search', %s, true)", (str(ef),))
                rows = conn.execute(sql, [vec, *args, vec, int(k)]).fetchall()
        return [(int(cid), float(score)) for cid, score in rows]

    def lexical_search(self, query: str, k: int, allowed: tuple[str, list[Any]] | None = None,
                       synonyms: bool = True,
                       expansion_weight: float = EXPANSION_WEIGHT) -> list[tuple[int, float]]:
        """BM25 (bm25s 'lucene') over the stored postings, with the synonym expansion of LexicalIndex.search."""
        if k <= 0:
            return []
        groups, names, terms, counts = _query_terms(query, synonyms)
        if not terms:
            return []
        where, args = "", []
        if allowed is not None:
            where = (f"WHERE m.chunk_id IN (SELECT c.chunk_id FROM rag_chunks c JOIN rag_documents d "
                     f"ON d.doc_no = c.doc_no WHERE {allowed[0]})")
            args = list(allowed[1])
        sql = f"""
WITH q AS (SELECT * FROM unnest(%s::int[], %s::int[], %s::text[], %s::int[]) AS q(g, n, term, cnt)),
st AS (SELECT n_chunks::float8 AS n, total_len::float8 / greatest(n_chunks, 1) AS avgdl FROM rag_meta WHERE id = 1),
qt AS (SELECT q.g, q.n, q.cnt, t.term_id, ln(1 + (st.n - t.df + 0.5) / (t.df + 0.5))::real::float8 AS idf
       FROM q JOIN rag_terms t ON t.term = q.term CROSS JOIN st),
s AS (SELECT p.chunk_id, qt.g, qt.n,
             sum(qt.cnt * ((qt.idf * p.tf / (p.tf + {K1} * ((1 - {B}) + {B} * p.dl / st.avgdl)))::real)::float8)
               AS score
      FROM qt JOIN rag_postings p ON p.term_id = qt.term_id CROSS JOIN st
      GROUP BY p.chunk_id, qt.g, qt.n),
m AS (SELECT chunk_id, g, max(score) AS score FROM s GROUP BY chunk_id, g)
SELECT m.chunk_id, sum(CASE WHEN m.g = 0 THEN m.score ELSE {float(expansion_weight)!r} * m.score END) AS score
FROM m {where} GROUP BY m.chunk_id ORDER BY score DESC, m.chunk_id LIMIT %s"""
        with self._conn() as conn:
            rows = conn.execute(sql, [groups, names, terms, counts, *args, int(k)]).fetchall()
        return [(int(cid), float(score)) for cid, score in rows if score > 0]

    def record_scores(self, query: str, chunk_ids: list[int], synonyms: bool = True, most_chunks: int = 0,
                      expansion_weight: float = EXPANSION_WEIGHT) -> dict[int, float]:
        """Each chunk's whole-document BM25, as LocalStore.record_scores computes it (rag/index/bm25.py RecordView):
        term frequencies summed over a document's chunks, its length from rag_records."""
        if not chunk_ids:
            return {}
        groups, names, terms, counts = _query_terms(query, synonyms)
        if not terms:
            return {int(c): 0.0 for c in chunk_ids}
        sql = f"""
WITH q AS (SELECT * FROM unnest(%s::int[], %s::int[], %s::text[], %s::int[]) AS q(g, n, term, cnt)),
st AS (SELECT count(*)::float8 AS n, sum(len)::float8 / greatest(count(*), 1) AS avgdl FROM rag_records),
qt AS (SELECT DISTINCT t.term_id FROM q JOIN rag_terms t ON t.term = q.term),
tf AS (SELECT p.term_id, c.doc_no, sum(p.tf)::float8 AS tf
       FROM qt JOIN rag_postings p ON p.term_id = qt.term_id JOIN rag_chunks c ON c.chunk_id = p.chunk_id
       GROUP BY p.term_id, c.doc_no),
df AS (SELECT term_id, count(*)::float8 AS df FROM tf GROUP BY term_id),
want AS (SELECT chunk_id, doc_no FROM rag_chunks WHERE chunk_id = ANY(%s)),
s AS (SELECT q.g, q.n, tf.doc_no,
             sum(q.cnt * ln(1 + (st.n - df.df + 0.5) / (df.df + 0.5))
                 * tf.tf / (tf.tf + {K1} * ((1 - {B}) + {B} * r.len / st.avgdl))) AS score
      FROM q JOIN rag_terms t ON t.term = q.term JOIN tf ON tf.term_id = t.term_id
      JOIN df ON df.term_id = t.term_id JOIN rag_records r ON r.doc_no = tf.doc_no CROSS JOIN st
      WHERE tf.doc_no IN (SELECT doc_no FROM want) AND (%s = 0 OR r.n_chunks <= %s)
      GROUP BY q.g, q.n, tf.doc_no),
m AS (SELECT doc_no, g, max(score) AS score FROM s GROUP BY doc_no, g),
d AS (SELECT doc_no, sum(CASE WHEN g = 0 THEN score ELSE {float(expansion_weight)!r} * score END) AS score
      FROM m GROUP BY doc_no)
SELECT want.chunk_id, coalesce(d.score, 0) FROM want LEFT JOIN d ON d.doc_no = want.doc_no"""
        with self._conn() as conn:
            rows = conn.execute(sql, [groups, names, terms, counts, [int(c) for c in chunk_ids],
                                      int(most_chunks), int(most_chunks)]).fetchall()
        found = {int(cid): float(score) for cid, score in rows}
        return {int(c): found.get(int(c), 0.0) for c in chunk_ids}

    def vectors(self, chunk_ids: list[int]) -> np.ndarray:
        dim = int(self.manifest["dimension"])
        if not chunk_ids:
            return np.zeros((0, dim), np.float32)
        with self._conn() as conn:
            rows = conn.execute("SELECT chunk_id, embedding FROM rag_chunks WHERE chunk_id = ANY(%s)",
                                ([int(i) for i in chunk_ids],), binary=True).fetchall()  # binary: no float parsing
        found = {int(cid): np.asarray(v.to_numpy() if hasattr(v, "to_numpy") else v, dtype=np.float32)
                 for cid, v in rows}
        return np.vstack([found.get(int(i), np.zeros(dim, np.float32)) for i in chunk_ids])

    dense_ready = True  # a store mirrors whole generations only (rag/indexing/update.py syncs after the vectors)

    def embedding_inputs(self, chunk_ids: list[int]) -> list[str]:
        """As LocalStore.embedding_inputs."""
        from ..embed import embedding_input

        with self._conn() as conn:
            rows = {int(r[0]): r[1:] for r in conn.execute(
                "SELECT c.chunk_id, d.title, c.section, c.text FROM rag_chunks c JOIN rag_documents d "
                "ON d.doc_no = c.doc_no WHERE c.chunk_id = ANY(%s)", ([int(i) for i in chunk_ids],)).fetchall()}
        return [embedding_input(*rows[int(i)]) for i in chunk_ids]

    def fetch(self, chunk_ids: list[int]) -> dict[int, ChunkHit]:
        if not chunk_ids:
            return {}
        with self._conn() as conn:
            rows = conn.execute(
                f"SELECT {FETCH_COLUMNS} FROM rag_chunks c JOIN rag_documents d ON d.doc_no = c.doc_no "
                "WHERE c.chunk_id = ANY(%s)",
                ([int(i) for i in chunk_ids],),
            ).fetchall()
        return {int(row[0]): row_to_hit(row) for row in rows}

    def document(self, doc_id: str) -> Document | None:
        with self._conn() as conn:
            row = conn.execute(f"SELECT {', '.join(DOC_FIELDS)} FROM rag_documents "
                               f"WHERE doc_id = %s AND status = 'indexed' LIMIT 1", (doc_id,)).fetchone()
        return row_to_document(row) if row else None

    def documents_text(self) -> list[tuple[str, str | None, str, str | None]]:
        """(doc_id, pmid, text, title) of every indexed document, as LocalStore.documents_text."""
        with self._conn() as conn:
            return conn.execute("SELECT doc_id, pmid, text, title FROM rag_documents WHERE status = 'indexed' "
                                "ORDER BY doc_no").fetchall()

    def outcomes(self, doc_ids: list[str]) -> dict[str, StudyOutcomes]:
        """The outcome record of each indexed document among ``doc_ids``, as LocalStore.outcomes (ids not found,
        and a database synced before outcomes were stored, give none)."""
        if not doc_ids:
            return {}
        with self._conn() as conn:
            if conn.execute("SELECT to_regclass('rag_outcomes')").fetchone()[0] is None:
                return {}  # (checked, not caught: an error would end a reading() snapshot's transaction)
            rows = conn.execute("SELECT d.doc_id, o.record FROM rag_outcomes o JOIN rag_documents d "
                                "ON d.doc_no = o.doc_no WHERE d.status = 'indexed' AND d.doc_id = ANY(%s)",
                                (list(doc_ids),)).fetchall()
        from ..outcomes import StudyOutcomes  # here: reading an index never needs the extractor

        return {doc_id: StudyOutcomes.from_json(json.loads(record)) for doc_id, record in rows}

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """BM25 idf per token, as LexicalIndex.idf (unknown tokens count as occurring once)."""
        if not tokens:
            return {}
        with self._conn() as conn:
            n = conn.execute("SELECT n_chunks FROM rag_meta WHERE id = 1").fetchone()[0] or 0
            known = dict(conn.execute("SELECT term, df FROM rag_terms WHERE term = ANY(%s)",
                                      (list(set(tokens)),)).fetchall())
        return {t: float(math.log(1 + (n - known.get(t, 1) + 0.5) / (known.get(t, 1) + 0.5))) if n else 0.0
                for t in tokens}

    def stats(self) -> dict[str, Any]:
        meta = self.refresh()
        stats = dict(meta["stats"] or {})
        stats["years"] = tuple(stats.get("years") or (None, None))
        stats["store"] = f"postgresql {_where(self.url)}"
        return stats



def _query_terms(query: str, synonyms: bool) -> tuple[list[int], list[int], list[str], list[int]]:
    """The query as SQL arrays (group, name, term, count): group 0 is the query's own tokens, each later group one
    synonym group, each of its names numbered (a group counts by its best name, as in LexicalIndex.search)."""
    groups, names, terms, counts = [], [], [], []

    def add(group: int, name: int, tokens: list[str]) -> None:
        for term, n in Counter(tokens).items():
            groups.append(group), names.append(name), terms.append(term), counts.append(n)

    add(0, 0, tokenize(query))
    if synonyms:
        for g, others in enumerate(expansions(query), 1):
            for n, name in enumerate(others):
                add(g, n, list(name))
    return groups, names, terms, counts


def _where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path or ''}"


# --- sync ----------------------------------------------------------------------------------------------------

