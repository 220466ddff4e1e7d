"""Serving before the vectors exist (issue 23): a keyword-only generation published first, answered from, then
embedded and published whole without a restart; a kill -9 mid-embedding leaves the keyword index serving."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from conftest import make_small_corpus

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "What response rates does high-dose interleukin-2 achieve in metastatic melanoma?"


def _fresh(settings, tmp_path: Path, with_cache: bool):
    """The session's corpus in tmp_path with no index; the embedding cache copied along when asked."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(settings.corpus_dir, corpus)
    if with_cache:
        shutil.copytree(Path(settings.index_dir) / "cache", index / "cache")
    return settings.replace(corpus_dir=corpus, index_dir=index)


def _generation(s):
    from rag.index import current_generation, read_manifest

    gen = current_generation(s.index_dir)
    return gen, read_manifest(gen)


def test_a_keyword_only_generation_answers_then_the_next_build_embeds_it(settings, tmp_path):
    from rag import answer, build, retrieve
    from rag.answer import KEYWORD_ONLY_NOTE
    from rag.index.generations import LEXICAL

    s = _fresh(settings, tmp_path, with_cache=True)
    first = build(s, lexical_only=True)
    gen, manifest = _generation(s)
    assert first.dense_pending and manifest["dense_pending"] and first.embedded == 0
    assert not (gen / "dense.faiss").exists() and (gen / LEXICAL).is_dir()
    assert "keyword search only until the next build" in first.summary()
    passages = retrieve(QUESTION, k=5, settings=s)
    assert passages and all("cosine" in p.signals for p in passages)  # embedded for the answer's decision
    a = answer(QUESTION, settings=s)
    assert KEYWORD_ONLY_NOTE in a.notes and not a.abstained, a.notes
    assert build(s, lexical_only=True).up_to_date  # asked again for keywords only: nothing to do

    second = build(s)
    gen2, manifest2 = _generation(s)
    assert gen2 != gen and not second.up_to_date and not manifest2["dense_pending"]
    assert (gen2 / "dense.faiss").is_file() and second.chunks == first.chunks
    # The same index as a build in one go: the same passages, in the same order, with the same scores.
    whole = retrieve(QUESTION, k=8, settings=settings)
    staged = retrieve(QUESTION, k=8, settings=s)
    assert [(p.doc_id, p.chunk_id) for p in staged] == [(p.doc_id, p.chunk_id) for p in whole]
    assert [round(p.score, 5) for p in staged] == [round(p.score, 5) for p in whole]
    assert KEYWORD_ONLY_NOTE not in answer(QUESTION, settings=s).notes


def test_a_build_killed_while_embedding_leaves_a_keyword_index_that_answers(settings, tmp_path):
    s = _fresh(settings, tmp_path, with_cache=False)  # nothing cached: the embedding takes a while
    script = textwrap.dedent(f"""
        import os, signal
        from rag import Settings
        from rag.indexing import build_lexical_first

        def progress(stage, done, total):
            if stage == "embedding" and done:
                os.kill(os.getpid(), signal.SIGKILL)  # mid-embedding, as a power cut would

        s = Settings.load(corpus_dir={str(s.corpus_dir)!r}, index_dir={str(s.index_dir)!r})
        build_lexical_first(s, progress=progress)
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == -9, proc.stderr
    gen, manifest = _generation(s)
    assert manifest["dense_pending"]
    out = subprocess.run([sys.executable, "-m", "rag", "ask", QUESTION, "--index", str(s.index_dir), "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["passages"] and any("keyword search alone" in n for n in data["notes"]), data["notes"]

    out = subprocess.run([sys.executable, "-m", "rag", "build", "--quiet", "--index", str(s.index_dir), "--corpus",
                          str(s.corpus_dir)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert not _generation(s)[1]["dense_pending"]


def test_rag_build_lexical_first_says_when_questions_can_be_asked(settings, tmp_path):
    s = _fresh(settings, tmp_path, with_cache=True)
    out = subprocess.run([sys.executable, "-m", "rag", "build", "--lexical-first", "--json", "--index",
                          str(s.index_dir), "--corpus", str(s.corpus_dir)], cwd=ROOT, capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr
    assert "keyword index ready: gen-000001" in out.stderr, out.stderr
    report = json.loads(out.stdout)
    assert report["generation"] == "gen-000002" and not report["dense_pending"] and report["lexical_seconds"] > 0
    assert report["documents"] == settings_documents(settings)


def settings_documents(settings) -> int:
    from rag.index import open_store

    return open_store(settings).stats()["documents"]


def test_the_app_started_without_an_index_answers_at_once_and_embeds_without_a_restart(tmp_path):
    from gradio_client import Client

    from test_app import app_env, start_app, stop_app

    corpus = make_small_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    app = start_app(index, corpus, tmp_path / "app.log", env=app_env(), timeout=240)
    try:
        client = Client(app.url, verbose=False)
        first = client.predict(QUESTION, api_name="/ask")
        log = app.log_path.read_text()
        assert "building it from" in log and "keyword search only" in log, log
        assert any("keyword search alone" in n for n in first["notes"]), first["notes"]
        assert first["passages"] and first["generation"] == "gen-000001"
        deadline = time.monotonic() + 400
        while time.monotonic() < deadline and not (index / "CURRENT").read_text().strip().endswith("2"):
            time.sleep(2)
        later = client.predict(QUESTION, api_name="/ask")
        assert later["generation"] == "gen-000002", app.log_path.read_text()[-3000:]
        assert not any("keyword search alone" in n for n in later["notes"]), later["notes"]
        assert later["passages"][0]["doc_id"] in {p["doc_id"] for p in first["passages"]}
    finally:
        stop_app(app)
