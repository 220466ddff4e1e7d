"""Mirroring a published generation into PostgreSQL (rag/index/postgres.py reads it).

The local build stays the source of truth. After ``rag build`` publishes a generation, ``sync()`` mirrors it in
ONE transaction (readers see the old state or the new, never a mix), in proportion to the change: chunk ids and
document numbers are stable across the generations of one index (its ``lineage``), so the new generation is
diffed against the one the database holds (still on disk: a build keeps the previous generation) and only new
chunks and documents are sent, removed ones deleted and changed document rows updated. A database holding
another lineage (a full rebuild, another index) or a generation no longer on disk is reloaded whole, also in
one transaction.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from .generations import DENSE, MANIFEST, META, read_manifest
from .bm25 import EMPTY_TOKEN
from .postgres import (CHUNK_COLUMNS, DOC_COLUMNS, EF_SEARCH, HNSW_EF_CONSTRUCTION, HNSW_M, HNSW_SQL,
                       MUTABLE_DOC_COLUMNS, SCHEMA_VERSION, TABLES, redact, schema_sql)


def sync(url: str, gen: Path, log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Mirror generation ``gen`` into PostgreSQL in one transaction; returns what was done."""
    import psycopg
    from pgvector.psycopg import register_vector

    say = log or (lambda msg: None)
    gen = Path(gen)
    manifest = read_manifest(gen)
    t0 = time.perf_counter()
    with psycopg.connect(url) as conn:
        if conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
            raise RuntimeError(f"{redact(url)} is a read-only standby: sync into the primary (replicas follow it)")
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(7261001)")  # one sync at a time per database
            conn.execute(schema_sql(manifest["dimension"]))
        register_vector(conn)
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(7261001)")
            conn.execute("INSERT INTO rag_meta (id, schema_version) VALUES (1, %s) ON CONFLICT (id) DO NOTHING",
                         (SCHEMA_VERSION,))
            held = conn.execute("SELECT generation, lineage, index_dir, manifest, schema_version FROM rag_meta "
                                "WHERE id = 1 FOR UPDATE").fetchone()
            held_gen, held_lineage, held_dir, held_manifest, held_schema = held
            if held_schema != SCHEMA_VERSION:  # written by an older version: its tables lack what this one reads
                held_gen = held_lineage = None
            if (held_gen == gen.name and held_dir == str(gen.parent.resolve())
                    and (held_manifest or {}).get("created") == manifest.get("created")):
                return {"generation": gen.name, "mode": "unchanged", "seconds": time.perf_counter() - t0}
            base = _diff_base(gen, manifest, held_gen, held_lineage, held_dir, held_manifest)
            if base is None:
                say(f"loading {gen.name} into {redact(url)} whole"
                    + (f" (it held {held_gen})" if held_gen else ""))
                done = _load_full(conn, gen, manifest)
            else:
                done = _load_changes(conn, gen, manifest, base)
            if done["mode"] == "full":
                n_chunks, total_len = done["chunks_added"], done["added_len"]
            else:
                n, total = conn.execute("SELECT n_chunks, total_len FROM rag_meta WHERE id = 1").fetchone()
                n_chunks = n + done["chunks_added"] - done["chunks_removed"]
                total_len = total + done["added_len"] - done["removed_len"]
            stats = _stats(conn, gen.name, manifest, n_chunks)
            conn.execute(
                "UPDATE rag_meta SET schema_version = %s, generation = %s, lineage = %s, index_dir = %s, "
                "manifest = %s, stats = %s, n_chunks = %s, total_len = %s, synced_at = now() WHERE id = 1",
                (SCHEMA_VERSION, gen.name, manifest.get("lineage"), str(gen.parent.resolve()), json.dumps(manifest),
                 json.dumps(stats), n_chunks, total_len),
            )
    done.update(generation=gen.name, seconds=time.perf_counter() - t0)
    say(f"synced {gen.name} into {redact(url)} ({done['mode']}: +{done['chunks_added']} / -{done['chunks_removed']} "
        f"chunks, +{done['docs_added']} / -{done['docs_removed']} / ~{done['docs_changed']} documents, "
        f"{done['outcomes_written']} outcome records written) in {done['seconds']:.1f} s")
    return done


def _diff_base(gen: Path, manifest, held_gen, held_lineage, held_dir, held_manifest) -> Path | None:
    """The generation on disk that the database holds, when the new one can be applied as a change to it."""
    if not held_gen or not manifest.get("lineage") or held_lineage != manifest.get("lineage"):
        return None
    base = gen.parent / held_gen
    if not (base / MANIFEST).exists() or held_dir != str(gen.parent.resolve()):
        return None
    on_disk = read_manifest(base)
    if on_disk.get("created") != (held_manifest or {}).get("created") or on_disk.get("lineage") != held_lineage:
        return None
    return base


def _open(gen: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{gen / META}?mode=ro&immutable=1", uri=True)


def _copy_rows(conn, table: str, columns: tuple[str, ...], rows) -> int:
    n = 0
    with conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
    return n


def _chunk_rows(db: sqlite3.Connection, dense, where: str, args: list[Any]):
    """(chunk columns..., embedding) of the chunks that ``where`` selects, with their vectors from FAISS."""
    cur = db.execute(f"SELECT {', '.join(CHUNK_COLUMNS)} FROM chunks WHERE {where} ORDER BY chunk_id", args)
    for row in cur:
        yield (*row, dense.reconstruct(int(row[0])))


def _posting_rows(db: sqlite3.Connection, where: str, args: list[Any]):
    """(term, chunk_id, tf, dl) of the chunks that ``where`` selects: bm25s's view of each chunk."""
    for chunk_id, tokens in db.execute(f"SELECT chunk_id, lexical_tokens FROM chunks WHERE {where}", args):
        toks = tokens.split() or [EMPTY_TOKEN]
        for term, tf in Counter(toks).items():
            yield term, chunk_id, tf, len(toks)


def _insert_chunks(conn, db: sqlite3.Connection, gen: Path, where: str, args: list[Any]) -> tuple[int, int]:
    """New chunks (rows, vectors, postings); returns (chunks, total BM25 length added)."""
    import faiss

    dense = faiss.read_index(str(gen / DENSE))
    with conn.cursor().copy(f"COPY rag_chunks ({', '.join(CHUNK_COLUMNS)}, embedding) FROM STDIN "
                            f"WITH (FORMAT BINARY)") as copy:
        copy.set_types(["int8", "int8", "int4", "text", "int4", "int4", "text", "int4", "int4", "int4", "vector"])
        n = 0
        for row in _chunk_rows(db, dense, where, args):
            copy.write_row(row)
            n += 1
    conn.execute("CREATE TEMP TABLE stage_postings (term text, chunk_id bigint, tf int, dl int) ON COMMIT DROP")
    _copy_rows(conn, "stage_postings", ("term", "chunk_id", "tf", "dl"), _posting_rows(db, where, args))
    conn.execute("INSERT INTO rag_terms (term, df) SELECT term, count(*) FROM stage_postings GROUP BY term "
                 "ON CONFLICT (term) DO UPDATE SET df = rag_terms.df + EXCLUDED.df")
    conn.execute("INSERT INTO rag_postings (term_id, chunk_id, tf, dl) SELECT t.term_id, s.chunk_id, s.tf, s.dl "
                 "FROM stage_postings s JOIN rag_terms t ON t.term = s.term")
    added_len = conn.execute("SELECT coalesce(sum(dl), 0) FROM (SELECT DISTINCT chunk_id, dl FROM stage_postings) x"
                             ).fetchone()[0]
    conn.execute("DROP TABLE stage_postings")
    return n, int(added_len)


def _sync_records(conn, db: sqlite3.Connection, doc_nos: list[int] | None) -> None:
    """rag_records of these documents (None: all) recomputed from the generation's chunks."""
    where, args = ("", []) if doc_nos is None else ("WHERE doc_no IN (SELECT value FROM json_each(?))",
                                                      [json.dumps(doc_nos)])
    if doc_nos is not None:
        conn.execute("DELETE FROM rag_records WHERE doc_no = ANY(%s)", (doc_nos,))
    records: dict[int, list[int]] = {}
    for doc_no, tokens in db.execute(f"SELECT doc_no, lexical_tokens FROM main.chunks {where}", args):
        r = records.setdefault(doc_no, [0, 0])
        r[0] += 1
        r[1] += len(tokens.split()) or 1  # a chunk without tokens is indexed as one (EMPTY_TOKEN)
    _copy_rows(conn, "rag_records", ("doc_no", "n_chunks", "len"), ((d, n, t) for d, (n, t) in records.items()))


def _has_outcomes(db: sqlite3.Connection, schema: str = "main") -> bool:
    """Whether a generation stores outcome records (one built before they were stored does not)."""
    return db.execute(f"SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' AND name = 'outcomes'"
                      ).fetchone() is not None


def _copy_outcomes(conn, db: sqlite3.Connection, doc_nos: list[int] | None) -> int:
    """The generation's outcome rows of these documents (None: all) into rag_outcomes; returns how many."""
    if not _has_outcomes(db):
        return 0
    where, args = ("", []) if doc_nos is None else ("WHERE doc_no IN (SELECT value FROM json_each(?))",
                                                      [json.dumps(doc_nos)])
    return _copy_rows(conn, "rag_outcomes", ("doc_no", "version", "record"),
                      db.execute(f"SELECT doc_no, version, record FROM main.outcomes {where}", args))


def _sync_outcomes(conn, db: sqlite3.Connection) -> tuple[int, int]:
    """rag_outcomes brought to the generation's outcome rows, as a change to the attached ``old`` generation's
    (what the database holds): (rows written, rows removed). A side without the table (a generation built before
    outcomes were stored) counts as holding none, and the table is then rewritten whole: a database synced by an
    earlier version fills here."""
    if not (_has_outcomes(db, "main") and _has_outcomes(db, "old")):
        removed = conn.execute("DELETE FROM rag_outcomes").rowcount
        return _copy_outcomes(conn, db, None), removed
    ids = lambda sql: [r[0] for r in db.execute(sql)]  # noqa: E731
    gone = ids("SELECT doc_no FROM old.outcomes EXCEPT SELECT doc_no FROM main.outcomes")
    changed = ids("SELECT doc_no FROM (SELECT doc_no, version, record FROM main.outcomes "
                  "EXCEPT SELECT doc_no, version, record FROM old.outcomes)")
    if gone or changed:
        conn.execute("DELETE FROM rag_outcomes WHERE doc_no = ANY(%s)", (gone + changed,))
    written = _copy_outcomes(conn, db, changed) if changed else 0
    # Rows the database missed (synced by an earlier version from a generation that had them): rewrite it whole.
    if conn.execute("SELECT count(*) FROM rag_outcomes").fetchone()[0] != db.execute(
            "SELECT count(*) FROM main.outcomes").fetchone()[0]:
        removed = conn.execute("DELETE FROM rag_outcomes").rowcount
        return _copy_outcomes(conn, db, None), removed
    return written, len(gone)


def _sync_files(conn, db: sqlite3.Connection) -> None:
    conn.execute("CREATE TEMP TABLE stage_files (LIKE rag_files) ON COMMIT DROP")
    _copy_rows(conn, "stage_files", ("path", "sha256", "size", "status", "reason", "n_docs"),
               db.execute("SELECT path, sha256, size, status, reason, n_docs FROM files"))
    conn.execute("DELETE FROM rag_files f WHERE NOT EXISTS (SELECT 1 FROM stage_files s WHERE s.path = f.path)")
    conn.execute("INSERT INTO rag_files SELECT * FROM stage_files ON CONFLICT (path) DO UPDATE SET "
                 "sha256 = EXCLUDED.sha256, size = EXCLUDED.size, status = EXCLUDED.status, reason = EXCLUDED.reason, "
                 "n_docs = EXCLUDED.n_docs "
                 "WHERE (rag_files.sha256, rag_files.size, rag_files.status, rag_files.reason, "
                 "rag_files.n_docs) IS DISTINCT FROM (EXCLUDED.sha256, EXCLUDED.size, EXCLUDED.status, "
                 "EXCLUDED.reason, EXCLUDED.n_docs)")
    conn.execute("DROP TABLE stage_files")


def _load_full(conn, gen: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """Replace everything the database holds by ``gen`` (TRUNCATE: readers wait for the commit, then see it whole)."""
    dim = int(manifest["dimension"])
    conn.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY")
    conn.execute("DROP INDEX IF EXISTS rag_chunks_hnsw")  # built once after the load: much faster than row by row
    current_dim = conn.execute("SELECT atttypmod FROM pg_attribute WHERE attrelid = 'rag_chunks'::regclass "
                               "AND attname = 'embedding'").fetchone()[0]
    if current_dim != dim:
        conn.execute(f"ALTER TABLE rag_chunks ALTER COLUMN embedding TYPE vector({dim})")
    # Vectors in the row, not TOASTed (1.5 kB at 384 dimensions would be): an exact scan reads 8x fewer pages.
    conn.execute("ALTER TABLE rag_chunks ALTER COLUMN embedding SET STORAGE PLAIN")
    db = _open(gen)
    try:
        docs = _copy_rows(conn, "rag_documents", DOC_COLUMNS,
                          db.execute(f"SELECT {', '.join(DOC_COLUMNS)} FROM documents"))
        chunks, added_len = _insert_chunks(conn, db, gen, "1 = 1", [])
        _sync_records(conn, db, None)
        outcomes = _copy_outcomes(conn, db, None)
        _sync_files(conn, db)
    finally:
        db.close()
    conn.execute("SET LOCAL maintenance_work_mem = '1GB'")
    conn.execute(HNSW_SQL)
    conn.execute("ANALYZE rag_documents; ANALYZE rag_chunks; ANALYZE rag_terms; ANALYZE rag_postings; "
                 "ANALYZE rag_records; ANALYZE rag_outcomes")
    return {"mode": "full", "chunks_added": chunks, "chunks_removed": 0, "docs_added": docs, "docs_removed": 0,
            "docs_changed": 0, "added_len": added_len, "removed_len": 0, "outcomes_written": outcomes,
            "outcomes_removed": 0}


def _load_changes(conn, gen: Path, manifest: dict[str, Any], base: Path) -> dict[str, Any]:
    """Apply the difference between ``base`` (what the database holds) and ``gen``."""
    db = sqlite3.connect(f"file:{gen / META}?mode=ro&immutable=1", uri=True)
    try:
        db.execute("ATTACH DATABASE ? AS old", (f"file:{base / META}?mode=ro&immutable=1",))
        ids = lambda sql, *args: [r[0] for r in db.execute(sql, args)]  # noqa: E731
        removed_chunks = ids("SELECT chunk_id FROM old.chunks EXCEPT SELECT chunk_id FROM main.chunks")
        added_chunks = ids("SELECT chunk_id FROM main.chunks EXCEPT SELECT chunk_id FROM old.chunks")
        removed_docs = ids("SELECT doc_no FROM old.documents EXCEPT SELECT doc_no FROM main.documents")
        added_docs = ids("SELECT doc_no FROM main.documents EXCEPT SELECT doc_no FROM old.documents")
        changed_docs = ids(
            "SELECT n.doc_no FROM main.documents n JOIN old.documents o ON o.doc_no = n.doc_no WHERE "
            + " OR ".join(f"n.{c} IS NOT o.{c}" for c in MUTABLE_DOC_COLUMNS)
        )
        # The removed chunks' BM25 view, from the generation the database holds.
        removed_postings = []
        for chunk_id, tokens in db.execute(
            "SELECT chunk_id, lexical_tokens FROM old.chunks WHERE chunk_id IN (SELECT value FROM json_each(?))",
            (json.dumps(removed_chunks),),
        ):
            toks = tokens.split() or [EMPTY_TOKEN]
            removed_postings += [(term, chunk_id, tf, len(toks)) for term, tf in Counter(toks).items()]

        # Deletions first (postings and df, chunks, documents), then updates and insertions.
        if removed_chunks:
            conn.execute("CREATE TEMP TABLE gone (term text, chunk_id bigint, tf int, dl int) ON COMMIT DROP")
            _copy_rows(conn, "gone", ("term", "chunk_id", "tf", "dl"), removed_postings)
            conn.execute("DELETE FROM rag_postings p USING gone g, rag_terms t "
                         "WHERE t.term = g.term AND p.term_id = t.term_id AND p.chunk_id = g.chunk_id")
            conn.execute("UPDATE rag_terms t SET df = t.df - g.n FROM (SELECT term, count(*) AS n FROM gone "
                         "GROUP BY term) g WHERE t.term = g.term")
            conn.execute("DELETE FROM rag_terms WHERE df <= 0")
            conn.execute("DELETE FROM rag_chunks WHERE chunk_id = ANY(%s)", (removed_chunks,))
            conn.execute("DROP TABLE gone")
        if removed_docs:
            conn.execute("DELETE FROM rag_documents WHERE doc_no = ANY(%s)", (removed_docs,))
        if changed_docs:
            cols = ", ".join(MUTABLE_DOC_COLUMNS)
            conn.execute("CREATE TEMP TABLE changed AS SELECT doc_no, " + cols + " FROM rag_documents LIMIT 0")
            _copy_rows(conn, "changed", ("doc_no",) + MUTABLE_DOC_COLUMNS,
                       db.execute(f"SELECT doc_no, {cols} FROM main.documents WHERE doc_no IN "
                                  f"(SELECT value FROM json_each(?))", (json.dumps(changed_docs),)))
            conn.execute("UPDATE rag_documents d SET " + ", ".join(f"{c} = x.{c}" for c in MUTABLE_DOC_COLUMNS)
                         + " FROM changed x WHERE d.doc_no = x.doc_no")
            conn.execute("DROP TABLE changed")
        if added_docs:
            _copy_rows(conn, "rag_documents", DOC_COLUMNS,
                       db.execute(f"SELECT {', '.join(DOC_COLUMNS)} FROM main.documents WHERE doc_no IN "
                                  f"(SELECT value FROM json_each(?))", (json.dumps(added_docs),)))
        added_len = 0
        if added_chunks:
            _, added_len = _insert_chunks(conn, db, gen, "chunk_id IN (SELECT value FROM json_each(?))",
                                          [json.dumps(added_chunks)])
        if added_chunks or removed_chunks:
            _sync_records(conn, db, sorted(set(ids(
                "SELECT doc_no FROM main.chunks WHERE chunk_id IN (SELECT value FROM json_each(?)) UNION "
                "SELECT doc_no FROM old.chunks WHERE chunk_id IN (SELECT value FROM json_each(?))",
                json.dumps(added_chunks), json.dumps(removed_chunks)))))
        outcomes_written, outcomes_removed = _sync_outcomes(conn, db)
        _sync_files(conn, db)
    finally:
        db.close()
    return {"mode": "incremental", "base": base.name, "chunks_added": len(added_chunks),
            "chunks_removed": len(removed_chunks), "docs_added": len(added_docs), "docs_removed": len(removed_docs),
            "docs_changed": len(changed_docs), "added_len": added_len,
            "removed_len": sum(dl for _, dl in {(p[1], p[3]) for p in removed_postings}),
            "outcomes_written": outcomes_written, "outcomes_removed": outcomes_removed}


def _stats(conn, generation: str, manifest: dict[str, Any], n_chunks: int) -> dict[str, Any]:
    """What LocalStore.stats() reports, computed once per sync (a page load then reads one row)."""
    q = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
    by_type = dict(q("SELECT source_type, count(*) FROM rag_documents WHERE status = 'indexed' GROUP BY source_type"))
    years = q("SELECT min(year), max(year) FROM rag_documents WHERE status = 'indexed'")[0]
    return {
        "generation": generation,
        "documents": sum(by_type.values()),
        "documents_by_type": by_type,
        "duplicates": q("SELECT count(*) FROM rag_documents WHERE status = 'duplicate'")[0][0],
        "chunks": int(n_chunks),
        "files": q("SELECT count(*) FROM rag_files")[0][0],
        "skipped_files": q("SELECT count(*) FROM rag_files WHERE status = 'skipped'")[0][0],
        "outcomes": q("SELECT count(*) FROM rag_outcomes")[0][0],
        "outcomes_with_values": q("SELECT count(*) FROM rag_outcomes "
                                  "WHERE jsonb_array_length(record::jsonb -> 'outcomes') > 0")[0][0],
        "outcomes_version": manifest.get("outcomes_version"),
        "model": manifest["shape"]["model"],
        "shape_fingerprint": manifest.get("shape_fingerprint"),
        "dimension": manifest["dimension"],
        "faiss": f"pgvector hnsw (m={HNSW_M}, ef_construction={HNSW_EF_CONSTRUCTION}, ef_search={EF_SEARCH})",
        "built": manifest.get("created"),
        "years": list(years),
    }
