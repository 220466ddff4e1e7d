"""Questions encoded without torch: the packaged model's own ONNX export (rag/onnx_model.py), for real.

The export is the real all-MiniLM-L6-v2 from the wheel, exported by torch.onnx and run by ONNX Runtime; the torch
side is sentence-transformers itself. Processes are real subprocesses, so "torch is not imported" is a fact about
a fresh interpreter, not about this test process (which has torch loaded for the build).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from conftest import ABSTRACTS, ROOT

MODEL = "all-MiniLM-L6-v2"

# A fresh interpreter that searches (and answers from) an index, then says what it imported and whether it exported.
SEARCH = """
import logging, sys
logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
from rag import Settings, answer, retrieve
s = Settings.load(corpus_dir=sys.argv[1], index_dir=sys.argv[2])
hits = retrieve("pembrolizumab in advanced melanoma", k=3, settings=s)
assert hits, "no passage found"
if len(sys.argv) > 3:
    a = answer("What are the side effects of CAR T-cell therapy?", settings=s)
    assert a.text and not a.abstained, a.text
    assert "torch" not in sys.modules, "answering imported torch"
print("RESULT", hits[0].doc_id, "torch" in sys.modules, "sentence_transformers" in sys.modules)
"""


def _search(settings, cache, answer=False):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", SEARCH, str(settings.corpus_dir), str(settings.index_dir)]
                          + (["answer"] if answer else []), cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    result = next(line for line in done.stdout.splitlines() if line.startswith("RESULT")).split()
    return result[1], result[2] == "True", done.stderr


def _export_files(folder):
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_onnx_vectors_match_torch_on_1000_real_passages(settings):
    """Cosine >= 0.999 (in fact ~1.0) between the export on ONNX Runtime and sentence-transformers on torch, on 1,000
    chunks of the bundled PubMed abstracts as a build cuts them, plus texts with edge cases."""
    from rag.chunk import chunk_document
    from rag.embed import embedding_input, get_embedder
    from rag.load import load_file

    texts = []
    for doc in load_file(ABSTRACTS).documents:
        texts += [embedding_input(doc.title, c.section, c.text) for c in chunk_document(doc)]
    texts = texts[:997] + ["  spaces around, and TNF-α/IFN-γ  ", "", "word " * 600]  # padding, unicode, truncation
    assert len(texts) == 1000
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # as a build batches them
    ordered = [texts[i] for i in order]
    onnx = get_embedder(MODEL, onnx=True, index_dir=settings.index_dir)
    assert onnx.backend == "onnx", "the export is missing or unusable: see the log"
    torch_vectors = get_embedder(MODEL).encode(ordered, batch_size=32)
    onnx_vectors = onnx.encode(ordered, batch_size=32)
    assert onnx_vectors.shape == torch_vectors.shape == (1000, 384) and onnx_vectors.dtype == np.float32
    cosines = np.einsum("ij,ij->i", torch_vectors, onnx_vectors)
    assert cosines.min() >= 0.999, (cosines.min(), ordered[int(cosines.argmin())][:80])
    assert np.allclose(np.linalg.norm(onnx_vectors, axis=1), 1.0, atol=1e-5)
    # Queries: encode_query on both sides, one text at a time (no padding at all).
    for q in ("pembrolizumab melanoma", "What is the ORR of TIL therapy?"):
        assert float(get_embedder(MODEL).encode_query(q) @ onnx.encode_query(q)) >= 0.999


def test_a_search_and_an_answer_never_import_torch(settings, tmp_path):
    """The build left the export beside the index; a fresh process searches and answers from it without torch
    (and with an empty user cache: the index's own copy serves)."""
    folder = settings.index_dir / "models"
    exports = [p for p in folder.iterdir() if (p / "model.onnx").is_file()]
    assert len(exports) == 1, "the build did not export the model beside the index"
    doc_id, torch_imported, log = _search(settings, tmp_path / "cache", answer=True)
    assert doc_id and not torch_imported, log
    assert "exported" not in log and not (tmp_path / "cache" / "immuno-rag" / "models").exists()


def test_the_export_is_made_once_reused_and_replaced_when_corrupt(own_index, tmp_path):
    """No export beside the index: the first start exports into the user cache, the second reuses it without
    loading torch, and a corrupt file is reported, exported again and served; nothing fails."""
    settings = own_index
    shutil.rmtree(settings.index_dir / "models")
    cache = tmp_path / "cache"
    first, torch_imported, log = _search(settings, cache)
    assert torch_imported and "exported" in log, log
    [folder] = (cache / "immuno-rag" / "models").iterdir()
    files = _export_files(folder)
    assert files[0] == "model.onnx" and files[1].startswith("weights-") and len(files) == 2
    graph = folder / "model.onnx"
    stamp = graph.stat().st_mtime_ns, graph.stat().st_ino

    again, torch_imported, log = _search(settings, cache)
    assert again == first and not torch_imported and "exported" not in log, log
    assert (graph.stat().st_mtime_ns, graph.stat().st_ino) == stamp

    # Corrupt weights (the graph still parses: only the probe check can tell) ...
    weights = folder / files[1]
    data = bytearray(weights.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = os.urandom(4096)
    weights.write_bytes(bytes(data))
    again, torch_imported, log = _search(settings, cache)
    assert again == first and "unusable" in log and "exported" in log, log
    assert (graph.stat().st_mtime_ns, graph.stat().st_ino) != stamp
    # ... and a truncated graph file: replaced too.
    graph.write_bytes(graph.read_bytes()[:1000])
    again, torch_imported, log = _search(settings, cache)
    assert again == first and "unusable" in log and "exported" in log, log
    again, torch_imported, log = _search(settings, cache)
    assert again == first and not torch_imported and "unusable" not in log, log


def test_a_failed_export_falls_back_to_torch_with_the_reason(tmp_path, monkeypatch, caplog):
    """An exporter that fails leaves queries on torch (logged, never raised), and is not tried at every start."""
    import torch

    from rag import onnx_model
    from rag.embed import Embedder

    def broken(*args, **kwargs):
        raise RuntimeError("exporter broke")

    monkeypatch.setattr(torch.onnx, "export", broken)
    with caplog.at_level(logging.WARNING):
        embedder = Embedder(MODEL, backend="onnx", model_roots=[tmp_path / "models"], export_root=tmp_path / "models")
    assert embedder.backend == "torch" and "exporter broke" in caplog.text
    assert embedder.encode_query("pembrolizumab").shape == (384,)
    [folder] = (tmp_path / "models").iterdir()
    assert json.loads((folder / onnx_model.FAILED).read_text())["reason"].endswith("exporter broke")
    assert _export_files(folder) == [onnx_model.FAILED]  # nothing half-written left behind
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        again = Embedder(MODEL, backend="onnx", model_roots=[tmp_path / "models"], export_root=tmp_path / "models")
    assert again.backend == "torch" and "an earlier try" in caplog.text


@pytest.mark.parametrize("name", ["rag", "rag.cli"])
def test_importing_rag_loads_no_heavy_library(name):
    """`import rag` (and the CLI module) load no stage and no heavy library: each is imported when first used."""
    code = (f"import sys, {name}; heavy = [m for m in ('torch', 'faiss', 'onnxruntime', 'gradio', 'bm25s', 'scipy', "
            "'sentence_transformers', 'rag.answer', 'rag.indexing', 'rag.outcomes') if m in sys.modules]; "
            "assert not heavy, heavy; from rag import retrieve, answer, build, Settings; "
            "import rag.answer, rag.indexing, rag.retrieve; "
            "assert callable(rag.answer) and callable(rag.build) and callable(rag.retrieve), 'a function was hidden'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=120)


def test_a_build_embeds_with_the_export_without_torch(own_index, tmp_path):
    """With the export at hand, a build that embeds new passages imports no torch either (ONNX Runtime is faster
    on passages here too), and its vectors are the export's: the new paper is found by dense search."""
    settings = own_index
    (settings.corpus_dir / "nci" / "tebentafusp.md").write_text(
        "# Tebentafusp for uveal melanoma\n\nTebentafusp is a bispecific gp100 peptide-HLA-directed CD3 T-cell "
        "engager. In a phase 3 trial of previously untreated metastatic uveal melanoma, overall survival at one year "
        "was 73% with tebentafusp and 59% with the investigator's choice of therapy.\n", encoding="utf-8")
    code = ("import sys; from rag import Settings, build, retrieve; "
            f"s = Settings.load(corpus_dir={str(settings.corpus_dir)!r}, index_dir={str(settings.index_dir)!r}); "
            "r = build(s); assert r.embedded > 0, r.summary(); "
            "hits = retrieve('bispecific T-cell engager for uveal melanoma', k=3, settings=s, mode='dense'); "
            "assert 'tebentafusp' in hits[0].text.lower(), [h.doc_id for h in hits]; "
            "assert 'torch' not in sys.modules, 'the build imported torch'")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
