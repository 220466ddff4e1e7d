"""Settings refuse values that cannot work, by flag and by environment variable alike, with the reason."""

import os
import subprocess
import sys

import pytest

from rag import Settings

from conftest import ROOT


@pytest.mark.parametrize("change, words", [
    ({"chunk_tokens": 0}, "chunk_tokens"),
    ({"chunk_tokens": -5}, "chunk_tokens"),
    ({"chunk_overlap": 200}, "below chunk_tokens"),
    ({"mode": "semantic"}, "must be one of full, hybrid, dense, bm25"),
    ({"k": 0}, "between 1 and 100"),
    ({"per_doc": -1}, "per_doc"),
    ({"abstain_below": 1.5}, "abstain_below"),
])
def test_invalid_values_are_refused_with_the_field_and_the_reason(change, words):
    with pytest.raises(ValueError, match=words):
        Settings.load(**change)
    with pytest.raises(ValueError, match=words):
        Settings.load().replace(**change)


def test_environment_values_are_checked_too(monkeypatch):
    monkeypatch.setenv("RAG_CHUNK_TOKENS", "abc")
    with pytest.raises(ValueError, match="RAG_CHUNK_TOKENS must be a whole number, got 'abc'"):
        Settings.load()
    monkeypatch.setenv("RAG_CHUNK_TOKENS", "0")
    with pytest.raises(ValueError, match="chunk_tokens"):
        Settings.load()


def test_a_build_with_a_zero_chunk_size_stops_at_once_with_the_reason(tmp_path):
    # It used to loop forever at full CPU.
    out = subprocess.run([sys.executable, "-m", "rag", "build", "--chunk-tokens", "0", "--corpus", str(tmp_path),
                          "--index", str(tmp_path / "index")], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert out.returncode == 1 and "chunk_tokens" in out.stderr and "Traceback" not in out.stderr


def test_paths_given_wrong_get_a_sentence(settings, tmp_path):
    a_file = tmp_path / "f.txt"
    a_file.write_text("x")
    generation = next(settings.index_dir.glob("gen-*"))
    for args, words in ((["status", "--index", str(a_file)], "is a file; give the index folder"),
                        (["status", "--index", str(generation)], "one generation inside an index"),
                        (["build", "--corpus", str(a_file), "--index", str(tmp_path / "i")], "is a file; give the corpus folder")):
        out = subprocess.run([sys.executable, "-m", "rag", *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert out.returncode == 1 and words in out.stderr and "Traceback" not in out.stderr, (args, out.stderr)
