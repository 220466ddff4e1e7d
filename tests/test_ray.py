"""The distributed build (`rag build --engine ray`) on a real two-node Ray cluster on loopback.

One cluster for the module: a head node on 127.0.0.2 and a worker node on 127.0.0.3, each `ray start --block` with
one CPU (so the work has to spread), token auth on (Ray's default for `ray start`) with a token made here and
handed to both nodes and to the driver by environment. The builds run as `rag build` subprocesses (the driver),
and must write the same index a local build writes; the report's work log names the node behind each piece.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, copy_library

pytest.importorskip("ray", reason="Ray is not installed: pip install -c constraints.txt -e '.[ray]' (make test does)")

from raycluster import HEAD_IP, WORKER_IP, Cluster  # noqa: E402

pytestmark = pytest.mark.ray

NEW_FILE = ROOT / "corpus" / "nci" / "about-cancer-treatment-drugs-pembrolizumab.md"
QUERIES = [
    "What objective response rates does CAR-T therapy achieve in B-cell lymphoma?",
    "cytokine release syndrome management with tocilizumab",
    "high-dose interleukin-2 aldesleukin toxicity",
    "PD-1 blockade in melanoma",
]


@pytest.fixture(scope="module")
def ray_cluster():
    """The two nodes, starting (a build waits until both are up, so they boot while the local build runs);
    stopped when this module's tests are done, so no idle cluster sits through the rest of the suite."""
    cluster = Cluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


def rag_build(cluster: Cluster, corpus: Path, index: Path) -> dict:
    """`rag build --engine ray` against the cluster, as a user runs it; its JSON report."""
    cluster.wait_ready()
    out = subprocess.run(
        [sys.executable, "-m", "rag", "build", "--engine", "ray", "--address", cluster.address, "--corpus", str(corpus),
         "--index", str(index), "--json", "--quiet"],
        env=cluster.env, capture_output=True, text=True, timeout=600, cwd=corpus.parent,
    )
    assert out.returncode == 0, out.stderr[-5000:]
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def ray_built(ray_cluster, built, tmp_path_factory):
    """The session's small corpus built with --engine ray into a fresh index (no embedding cache)."""
    settings, _ = built
    base = tmp_path_factory.mktemp("ray")
    corpus = base / "corpus"
    shutil.copytree(settings.corpus_dir, corpus)
    report = rag_build(ray_cluster, corpus, base / "index")
    return settings.replace(corpus_dir=corpus, index_dir=base / "index"), report


def _generation(index: Path) -> Path:
    return index / (index / "CURRENT").read_text().strip()


def _rows(index: Path, sql: str) -> list[tuple]:
    db = sqlite3.connect(_generation(index) / "meta.sqlite")
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def _vectors(index: Path) -> dict[int, np.ndarray]:
    import faiss

    dense = faiss.read_index(str(_generation(index) / "dense.faiss"))
    return {int(i): dense.reconstruct(int(i)) for i in faiss.vector_to_array(dense.id_map)}


def test_ray_build_runs_on_both_nodes(ray_built):
    _, report = ray_built
    assert report["engine"] == "ray" and report["full_rebuild"]
    assert report["embedded"] == report["chunks"] > 0  # a fresh index: every chunk went through the embed stage
    nodes = report["nodes"]
    assert sorted(n["address"] for n in nodes.values()) == [HEAD_IP, WORKER_IP], nodes
    assert all(n["embedded"] > 0 for n in nodes.values()), nodes  # one model actor per node (1 CPU each)
    assert sum(n["embedded"] for n in nodes.values()) == report["embedded"]
    assert sum(n["files"] for n in nodes.values()) == len(report["added"])
    # Chunks are cut on the workers for every new document; those of duplicates are dropped on the driver.
    assert sum(n["chunks"] for n in nodes.values()) >= report["chunks"]


def test_ray_build_equals_local_build(built, ray_built):
    local, local_report = built
    distributed, report = ray_built
    assert (report["documents"], report["chunks"]) == (local_report.documents, local_report.chunks)
    assert report["duplicates"] == [list(d) for d in local_report.duplicates]
    for sql in ("SELECT * FROM files ORDER BY path",
                "SELECT * FROM documents ORDER BY doc_no",  # text, citation fields, dedup status
                "SELECT * FROM chunks ORDER BY chunk_id"):  # text, offsets, section, page, BM25 tokens
        assert _rows(distributed.index_dir, sql) == _rows(local.index_dir, sql), sql

    mine, theirs = _vectors(distributed.index_dir), _vectors(local.index_dir)
    assert mine.keys() == theirs.keys()
    ids = sorted(mine)
    cosine = np.einsum("ij,ij->i", np.stack([mine[i] for i in ids]), np.stack([theirs[i] for i in ids]))
    assert cosine.min() > 1 - 1e-5

    from rag import retrieve

    for query in QUERIES:
        a = retrieve(query, k=5, settings=distributed)
        b = retrieve(query, k=5, settings=local)
        assert [(p.doc_id, p.chunk_id, p.char_start, p.char_end) for p in a] == \
               [(p.doc_id, p.chunk_id, p.char_start, p.char_end) for p in b], query
        assert np.allclose([p.score for p in a], [p.score for p in b], atol=1e-4), query


def test_ray_update_embeds_only_the_new_file(ray_built, ray_cluster, tmp_path):
    settings, first = ray_built
    copy = copy_library(settings, tmp_path)
    corpus, index = copy.corpus_dir, copy.index_dir
    shutil.copy(NEW_FILE, corpus / "nci" / NEW_FILE.name)
    rel = f"nci/{NEW_FILE.name}"

    report = rag_build(ray_cluster, corpus, index)
    assert report["added"] == [rel] and not report["updated"] and not report["full_rebuild"]
    (new_chunks,) = _rows(index, "SELECT COUNT(*) FROM chunks c JOIN documents d USING (doc_no) "
                                 f"WHERE d.source_path = '{rel}'")[0]
    assert new_chunks > 0
    assert report["chunks"] == first["chunks"] + new_chunks
    assert report["new_chunks"] == report["embedded"] == new_chunks  # nothing else went through the embed stage
    nodes = report["nodes"].values()
    assert sum(n["embedded"] for n in nodes) == new_chunks and sum(n["files"] for n in nodes) == 1

    again = rag_build(ray_cluster, corpus, index)
    assert again["up_to_date"] and again["embedded"] == 0 and not again["nodes"]
