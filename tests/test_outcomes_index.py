"""Trial outcomes stored in the index at build time (rag/outcomes/ read by rag/indexing/update.py): each indexed
document's record in the generation, carried over incrementally, re-extracted (never re-embedded) when the
extractor's version changes, and mirrored into PostgreSQL. A tiny real corpus, the real model, a real FAISS index."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from pathlib import Path

import pytest

from rag.indexing import engines, update
from rag import Settings, build
from rag.index import LocalStore, current_generation, read_manifest
from rag.index.generations import META
from rag.index.shape import index_shape
from rag.outcomes import EXTRACTOR_VERSION, StudyOutcomes

from conftest import ABSTRACTS, copy_library

TRIAL_ID = "PMID:99000001"
TRIAL = {
    "doc_id": TRIAL_ID, "pmid": "99000001", "title": "Zorblaxumab in advanced melanoma: a phase II trial",
    "abstract": "BACKGROUND: Zorblaxumab is an anti-PD-1 antibody. METHODS: We enrolled 120 patients with advanced "
                "melanoma in a single-arm phase II trial. RESULTS: The objective response rate was 43% (95% CI 30 "
                "to 56). Median progression-free survival was 6.9 months. CONCLUSIONS: Zorblaxumab was active.",
    "authors": ["Doe J"], "year": 2024, "journal": "J Test Oncol", "publication_types": ["Clinical Trial, Phase II"],
}
ADDED = [
    {"doc_id": "PMID:99000002", "pmid": "99000002", "title": "Quorvalimab plus chemotherapy in lung cancer",
     "abstract": "In this randomized phase III trial, 600 patients with non-small-cell lung cancer received "
                 "quorvalimab plus chemotherapy or chemotherapy alone. Median overall survival was 18.2 months versus "
                 "12.1 months (hazard ratio 0.71; 95% CI 0.60 to 0.84; P<0.001).",
     "authors": ["Roe R"], "year": 2023, "journal": "J Test Oncol"},
    {"doc_id": "PMID:99000003", "pmid": "99000003", "title": "T-cell exhaustion in tumours",
     "abstract": "We review the biology of T-cell exhaustion and its reversal by checkpoint blockade.",
     "authors": ["Poe P"], "year": 2022, "journal": "J Test Immunol"},
]


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _rows(index_dir: Path) -> dict[str, tuple[str, str]]:
    """doc_id -> (version, record text) of the live generation's outcome rows."""
    db = sqlite3.connect(f"file:{current_generation(index_dir) / META}?mode=ro", uri=True)
    try:
        return {doc_id: (v, r) for doc_id, v, r in db.execute(
            "SELECT d.doc_id, o.version, o.record FROM outcomes o JOIN documents d ON d.doc_no = o.doc_no")}
    finally:
        db.close()


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """(settings, report) of a built index over four abstracts, one of them the trial above."""
    base = tmp_path_factory.mktemp("outcomes")
    real = [json.loads(line) for line in ABSTRACTS.read_text(encoding="utf-8").splitlines()[:3]]
    _jsonl(base / "corpus" / "pubmed" / "abstracts.jsonl", [TRIAL] + real)
    settings = Settings.load(corpus_dir=base / "corpus", index_dir=base / "index")
    return settings, build(settings)


@pytest.fixture
def own_tiny(tiny, tmp_path):
    return copy_library(tiny[0], tmp_path)


def _spy(monkeypatch) -> list[str]:
    """The doc_ids extract_outcomes is called on during a build (the real extractor still runs)."""
    seen: list[str] = []
    real = update.extract_outcomes

    def spy(doc, *args, **kwargs):
        seen.append(doc.doc_id)
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(update, "extract_outcomes", spy)
    return seen


def test_a_build_stores_each_documents_outcomes(tiny):
    settings, report = tiny
    assert report.outcomes_extracted == report.documents == 4 and report.outcomes_seconds >= 0
    store = LocalStore(current_generation(settings.index_dir))
    assert store.manifest["outcomes_version"] == EXTRACTOR_VERSION
    assert "outcomes_version" not in index_shape(settings)  # a new extractor never forces a full rebuild
    found = store.outcomes([TRIAL_ID, "PMID:00000000"])
    assert set(found) == {TRIAL_ID}  # an id not in the index: none
    record = found[TRIAL_ID]
    assert isinstance(record, StudyOutcomes) and record.version == EXTRACTOR_VERSION and record.pmid == "99000001"
    (orr,) = [o for o in record.outcomes if o.endpoint == "ORR"]
    assert (orr.value, orr.unit, orr.ci_low, orr.ci_high) == (43.0, "%", 30.0, 56.0)
    text = store.document(TRIAL_ID).text
    assert text[orr.char_start:orr.char_end] == orr.text and "43% (95% CI 30 to 56)" in orr.text
    assert store.outcomes([]) == {}
    assert set(_rows(settings.index_dir)) == {d[0] for d in store.documents_text()}  # every indexed document
    stats = store.stats()
    assert stats["outcomes"] == 4 and stats["outcomes_with_values"] >= 1
    assert "4 documents extracted" in report.summary()


def test_a_new_extractor_version_re_extracts_without_re_embedding(own_tiny, monkeypatch):
    before = current_generation(own_tiny.index_dir)
    rows_before = _rows(own_tiny.index_dir)
    parsed: list[str] = []
    real_load = engines.load_file  # where a local build parses
    monkeypatch.setattr(engines, "load_file", lambda path, **kw: parsed.append(str(path)) or real_load(path, **kw))
    assert build(own_tiny).up_to_date  # same version: nothing to do

    monkeypatch.setattr(update, "EXTRACTOR_VERSION", "test-next")
    seen = _spy(monkeypatch)
    logs: list[str] = []
    report = build(own_tiny, log=logs.append)
    assert not report.up_to_date and not report.full_rebuild and report.generation != before.name
    assert report.embedded == 0 and report.new_chunks == 0 and not parsed  # nothing parsed, chunked or embedded
    assert sorted(seen) == sorted(rows_before) and report.outcomes_extracted == 4
    assert any("re-extracting" in m for m in logs)
    rows = _rows(own_tiny.index_dir)
    assert set(rows) == set(rows_before) and {v for v, _ in rows.values()} == {"test-next"}
    store = LocalStore(current_generation(own_tiny.index_dir))
    assert store.manifest["outcomes_version"] == "test-next"
    assert store.manifest["lineage"] == read_manifest(before)["lineage"] and store.size == LocalStore(before).size
    assert store.outcomes([TRIAL_ID])[TRIAL_ID].version == "test-next"
    assert build(own_tiny).up_to_date  # and then it is up to date again


def test_an_incremental_build_extracts_only_the_new_files_documents(own_tiny, monkeypatch):
    rows_before = _rows(own_tiny.index_dir)
    _jsonl(Path(own_tiny.corpus_dir) / "pubmed" / "added.jsonl", ADDED)
    seen = _spy(monkeypatch)
    report = build(own_tiny)
    assert report.added == ["pubmed/added.jsonl"] and report.outcomes_extracted == 2
    assert sorted(seen) == ["PMID:99000002", "PMID:99000003"]
    rows = _rows(own_tiny.index_dir)
    assert {k: rows[k] for k in rows_before} == rows_before  # the rest copied as they were
    record = LocalStore(current_generation(own_tiny.index_dir)).outcomes(["PMID:99000002"])["PMID:99000002"]
    assert {o.endpoint for o in record.outcomes} >= {"OS_median"}

    # A changed file: its documents are new documents (new doc_no), extracted again; a removed one leaves.
    (Path(own_tiny.corpus_dir) / "pubmed" / "added.jsonl").write_text(json.dumps(ADDED[0]) + "\n")
    seen.clear()
    report = build(own_tiny)
    assert report.updated == ["pubmed/added.jsonl"] and seen == ["PMID:99000002"]
    assert set(_rows(own_tiny.index_dir)) == set(rows_before) | {"PMID:99000002"}


def test_an_extraction_error_never_fails_a_build(own_tiny, monkeypatch, caplog):
    real = update.extract_outcomes

    def failing(doc, *args, **kwargs):
        if doc.doc_id == "PMID:99000002":
            raise ValueError("a bad number")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(update, "extract_outcomes", failing)
    _jsonl(Path(own_tiny.corpus_dir) / "pubmed" / "added.jsonl", ADDED)
    report = build(own_tiny)
    assert report.outcomes_extracted == 2 and report.documents == 6
    assert any(path == "pubmed/added.jsonl" and "PMID:99000002" in msg and "a bad number" in msg
               for path, msg in report.warnings)
    assert "pubmed/added.jsonl" in caplog.text
    record = LocalStore(current_generation(own_tiny.index_dir)).outcomes(["PMID:99000002"])["PMID:99000002"]
    assert record.outcomes == [] and record.version == EXTRACTOR_VERSION


def test_an_index_built_before_outcomes_were_stored_gets_them_without_re_embedding(own_tiny):
    gen = current_generation(own_tiny.index_dir)
    db = sqlite3.connect(gen / META)  # the generation as an earlier version wrote it
    db.execute("DROP TABLE outcomes")
    db.commit()
    db.close()
    manifest = read_manifest(gen)
    del manifest["outcomes_version"]
    (gen / "manifest.json").write_text(json.dumps(manifest))
    old = LocalStore(gen)
    assert old.outcomes([TRIAL_ID]) == {} and old.stats()["outcomes"] == 0
    report = build(own_tiny)
    assert not report.up_to_date and report.embedded == 0 and report.outcomes_extracted == 4
    assert TRIAL_ID in LocalStore(current_generation(own_tiny.index_dir)).outcomes([TRIAL_ID])


# --- PostgreSQL ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pg_base():
    """A function making a fresh database: a running server (RAG_TEST_PG_URL) or a local one for this module."""
    if os.environ.get("RAG_TEST_PG_URL"):
        import psycopg

        base = os.environ["RAG_TEST_PG_URL"]

        def create(name: str) -> str:
            with psycopg.connect(base, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
                conn.execute(f'CREATE DATABASE "{name}"')
            head, _, tail = base.rpartition("/")
            return f"{head}/{name}" + (f"?{tail.split('?', 1)[1]}" if "?" in tail else "")

        yield create
        return
    from pgcluster import Cluster, PostgresUnavailable

    try:
        cluster = Cluster.create()
    except PostgresUnavailable as err:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL with pgvector cannot be run here: {err}")
    try:
        yield cluster.create_database
    finally:
        cluster.destroy()


@pytest.mark.postgres
def test_pgstore_serves_the_same_outcomes_after_sync(pg_base, own_tiny, monkeypatch):
    from rag.index.postgres import PgStore

    url = pg_base(f"rag_out_{uuid.uuid4().hex[:6]}")
    s = own_tiny.replace(store_url=url)
    logs: list[str] = []
    assert build(s, log=logs.append).up_to_date  # the empty database is loaded whole
    local = LocalStore(current_generation(s.index_dir))
    remote = PgStore(url)
    try:
        ids = [TRIAL_ID, "PMID:00000000"] + [d[0] for d in local.documents_text()]
        assert remote.outcomes(ids) == local.outcomes(ids) and TRIAL_ID in remote.outcomes([TRIAL_ID])
        assert remote.outcomes([]) == {}
        with remote.reading():
            assert remote.outcomes([TRIAL_ID])[TRIAL_ID].outcomes[0].text.startswith("objective response rate")
        assert remote.stats()["outcomes"] == local.stats()["outcomes"] == 4

        # Incremental syncs: a new file's records, then a new extractor's records for every document.
        _jsonl(Path(s.corpus_dir) / "pubmed" / "added.jsonl", ADDED)
        logs.clear()
        build(s, log=logs.append)
        assert any("incremental" in m and "2 outcome records written" in m for m in logs)
        monkeypatch.setattr(update, "EXTRACTOR_VERSION", "test-next")
        logs.clear()
        report = build(s, log=logs.append)
        assert report.embedded == 0 and any("incremental" in m and "6 outcome records written" in m for m in logs)
        remote.refresh(force=True)
        local = LocalStore(current_generation(s.index_dir))
        ids += ["PMID:99000002", "PMID:99000003"]
        got = remote.outcomes(ids)
        assert got == local.outcomes(ids) and len(got) == 6 and {r.version for r in got.values()} == {"test-next"}

        # A database synced before outcomes were stored (no rag_outcomes table) fills on its next sync.
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP TABLE rag_outcomes")
        assert remote.outcomes([TRIAL_ID]) == {}
        (Path(s.corpus_dir) / "pubmed" / "added.jsonl").unlink()
        build(s, force=True)
        assert remote.outcomes(ids) == LocalStore(current_generation(s.index_dir)).outcomes(ids)
        assert len(remote.outcomes(ids)) == 4
    finally:
        remote.close()
