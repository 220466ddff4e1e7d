"""The distributed build: parsing, chunking and embedding as Ray Data stages on a Ray cluster.

``rag build --engine ray [--address HOST:PORT]``. build.py still decides what to do and writes the result; this
module only runs the work, on whatever Ray cluster it is given (a private local Ray by default):

    new/changed files (bytes) --map: parse (load_file)--> --map: chunk (chunk_document, BM25 tokens)--> driver
    texts the embedding cache lacks --map_batches: EmbedActor pool (one model per CPU, or per GPU)--> driver

On the driver stay: which files changed, dedup (it needs every document), chunk ids, the embedding cache, FAISS,
BM25, the generation and its atomic publish. Files travel as bytes, so workers need no shared filesystem; the
project's code travels as a Ray ``py_modules`` package, so workers run the driver's code; the model loads from
its package on each worker (offline), and an actor whose model files differ from the driver's refuses to start.
Every result row carries the id of the Ray node that produced it: ``BuildReport.nodes`` sums them up.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
import socket
import tempfile
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from ..config import Settings
from ..embed import EmbeddingCache, model_fingerprint, text_key
from ..load import LoadError, LoadResult, load_file

_connected: dict[str, Any] = {}


def connect(s: Settings):
    """The ``ray`` module, connected to ``s.ray_address`` (or RAY_ADDRESS), else to a local Ray started here.

    A connection is kept for the life of the process (later builds reuse it; Ray shuts it down at exit).
    """
    # A token given by environment (RAY_AUTH_TOKEN or RAY_AUTH_TOKEN_PATH) is only sent when token auth is on,
    # and Ray reads RAY_AUTH_MODE once, on import.
    if os.environ.get("RAY_AUTH_TOKEN") or os.environ.get("RAY_AUTH_TOKEN_PATH"):
        os.environ.setdefault("RAY_AUTH_MODE", "token")
    try:
        import ray
        import ray.data
    except ImportError as err:
        raise RuntimeError(f"engine 'ray' needs Ray: pip install 'immuno-rag[ray]' ({err})") from err

    address = s.ray_address or os.environ.get("RAY_ADDRESS") or "local"
    if ray.is_initialized() and _connected.get("address") not in (None, address):
        ray.shutdown()  # this process was connected elsewhere by an earlier build
    if not ray.is_initialized():
        _reachable(address)
        options: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING,
                                   "runtime_env": {**runtime_env(), **_code()}}
        if address == "local":
            options["include_dashboard"] = False
        try:
            ray.init(address=address, **options)
        except (ConnectionError, ray.exceptions.RayError) as err:
            raise RuntimeError(f"cannot connect to the Ray cluster at {address} ({err}); is it up, and does it "
                               "want a token (RAY_AUTH_TOKEN or RAY_AUTH_TOKEN_PATH)?") from err
        _connected["address"] = address
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False  # the build draws its own
        ctx.print_on_execution_start = False
        ctx.enable_auto_log_stats = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)  # "progress bars disabled"
    return ray


def _reachable(address: str) -> None:
    """Fail fast on a HOST:PORT nobody listens at (ray.init would retry for minutes)."""
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit() or "://" in address:
        return  # "local", "auto", ray://...: Ray's own business
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=5).close()
    except OSError as err:
        raise RuntimeError(f"no Ray cluster answers at {address} ({err})") from err


def runtime_env() -> dict[str, Any]:
    """What every task and actor of a build runs with (also when the caller connected Ray): no network for models."""
    return {"env_vars": {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}}


def _code() -> dict[str, Any]:
    """This project's code, uploaded with the job (Ray takes local folders only at ray.init): workers run it."""
    return {"py_modules": [str(Path(__file__).resolve().parent.parent)], "excludes": ["__pycache__/", "*.pyc"]}


def _node_id() -> str:
    import ray

    return ray.get_runtime_context().get_node_id()


def _record(report, ray, node: str, what: str, n: int) -> None:
    """Add n to a node's count of ``what`` (files, chunks, embedded) in the build report's work log."""
    if node not in report.nodes:
        address = next((x["NodeManagerAddress"] for x in ray.nodes() if x["NodeID"] == node), "")
        report.nodes[node] = {"address": address, "files": 0, "chunks": 0, "embedded": 0}
    report.nodes[node][what] += n


# --- parse and chunk -------------------------------------------------------------------------------------


def _parse_file(row: dict[str, Any]) -> dict[str, Any]:
    """Stage 1: a file's bytes -> its LoadResult (or LoadError), exactly as load_file reads it on the driver."""
    rel, data = row["rel"], row["data"]
    parts = Path(rel).parts
    safe = rel if parts and not Path(rel).is_absolute() and ".." not in parts else Path(rel).name
    with tempfile.TemporaryDirectory(prefix="rag-parse-") as tmp:
        path = Path(tmp) / safe
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        try:
            result: LoadResult | LoadError = load_file(path, root=Path(tmp))
        except LoadError as err:  # name the corpus file, not the worker's copy, in the reason
            result = LoadError(str(err).replace(str(path), row["path"]))
        if isinstance(result, LoadResult):
            result.warnings = [w.replace(str(path), row["path"]) for w in result.warnings]
    return {"rel": rel, "path": row["path"], "result": pickle.dumps(result), "parse_node": _node_id()}


def _chunk_file(row: dict[str, Any], chunk_tokens: int, overlap: int, encoding: str) -> dict[str, Any]:
    """Stage 2: the chunks and BM25 tokens of each document a build would index (those with text)."""
    from ..chunk import chunk_document
    from ..lexical.chunks import chunk_tokens as lexical_tokens

    result = pickle.loads(row["result"])
    cut: list[tuple[list, list[list[str]]] | None] = []
    if isinstance(result, LoadResult):
        for doc in result.documents:
            if not doc.text.strip():
                cut.append(None)
                continue
            chunks = chunk_document(doc, chunk_tokens, overlap, encoding)
            cut.append((chunks, [lexical_tokens(doc.title, c.section, c.text) for c in chunks]))
    n = sum(len(c[0]) for c in cut if c)
    return {**row, "cut": pickle.dumps(cut), "chunks": n, "chunk_node": _node_id()}


def parse_files(s: Settings, files: Sequence[tuple[str, Path]], prepared: dict[int, tuple], progress: Callable,
                report) -> dict[str, LoadResult | LoadError]:
    """Parse and chunk files on the cluster: {rel: LoadResult or LoadError}, in build.py's terms.

    ``prepared`` receives, for every document a build would index, ``id(doc) -> (doc, chunks, BM25 tokens)``
    (the document is held, so the id stays its own); the driver uses them for the documents dedup keeps.
    """
    if not files:
        return {}
    ray = connect(s)
    env = runtime_env()
    items = [{"rel": rel, "path": str(path), "data": Path(path).read_bytes()} for rel, path in files]
    ds = ray.data.from_items(items, override_num_blocks=len(items))  # a file per block: the unit of work
    ds = ds.map(_parse_file, num_cpus=1, runtime_env=env)
    ds = ds.map(_chunk_file, fn_kwargs={"chunk_tokens": s.chunk_tokens, "overlap": s.chunk_overlap,
                                        "encoding": s.encoding}, num_cpus=1, runtime_env=env)
    out: dict[str, LoadResult | LoadError] = {}
    for row in ds.iter_rows():
        result, cut = pickle.loads(row["result"]), pickle.loads(row["cut"])
        if isinstance(result, LoadResult):
            for doc, c in zip(result.documents, cut, strict=True):
                if c is not None:
                    prepared[id(doc)] = (doc, *c)
        out[row["rel"]] = result
        _record(report, ray, row["parse_node"], "files", 1)
        _record(report, ray, row["chunk_node"], "chunks", int(row["chunks"]))
        progress("parsing", len(out), len(files))
    return out


# --- embed -----------------------------------------------------------------------------------------------


class EmbedActor:
    """Stage 3: one loaded model per actor; a batch of texts in, their vectors out."""

    def __init__(self, model: str, fingerprint: str, batch_size: int, threads: int, device: str):
        from ..embed import Embedder

        self.embedder = Embedder(model, threads, device)
        if self.embedder.fingerprint != fingerprint:
            raise RuntimeError(f"model {model!r} on this Ray node differs from the driver's (fingerprint "
                               f"{self.embedder.fingerprint} != {fingerprint}): vectors would not be comparable")
        self.batch_size = batch_size
        self.node = _node_id()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        vectors = self.embedder.encode([str(t) for t in batch["text"]], batch_size=self.batch_size)
        return {"key": batch["key"], "vector": vectors, "node": np.full(len(vectors), self.node)}


def embed_with_cache(s: Settings, cache: EmbeddingCache, texts: Sequence[str],
                     progress: Callable[[int], None], report) -> tuple[np.ndarray, int]:
    """Like rag.embed.embed_with_cache, with the texts the cache lacks embedded by an actor pool on the cluster.

    Vectors come back block by block and go into the cache as they arrive (a killed build keeps them).
    Returns (vectors of texts in order, number embedded).
    """
    keys = [text_key(t) for t in texts]
    known = cache.get_many(keys)
    # Longest first: the pool ends on short texts, so no actor finishes long after the others.
    todo = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items(),
                  key=lambda kv: -len(kv[1]))
    if todo:
        ray = connect(s)
        resources = ray.cluster_resources()
        gpus = int(resources.get("GPU", 0))
        actors = gpus or max(1, int(resources.get("CPU", 1)))
        # Blocks of a few encoder batches: small enough to share out evenly, large enough to cost nothing to send.
        step = s.embed_batch_size
        per_block = step * min(16, max(1, math.ceil(len(todo) / (actors * 8 * step))))
        blocks = math.ceil(len(todo) / per_block)
        actors = min(actors, blocks)  # no model is loaded for nothing to do
        ds = ray.data.from_items([{"key": k, "text": t} for k, t in todo], override_num_blocks=blocks)
        ds = ds.map_batches(
            EmbedActor,
            batch_size=per_block,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=actors, max_tasks_in_flight_per_actor=2),
            num_cpus=1,
            num_gpus=1 if gpus else 0,
            fn_constructor_kwargs={"model": s.model, "fingerprint": model_fingerprint(s.model), "batch_size": step,
                                   "threads": 0 if gpus else 1, "device": "cuda" if gpus else "cpu"},
            runtime_env=runtime_env(),
        )
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
            done = [bytes(k) for k in batch["key"]]
            vectors = np.asarray(batch["vector"], dtype=np.float32)
            cache.put_many(done, vectors)
            known.update(zip(done, vectors, strict=True))
            for node, n in zip(*np.unique(batch["node"], return_counts=True), strict=True):
                _record(report, ray, str(node), "embedded", int(n))
            progress(len(done))
    missing = [k for k in keys if k not in known]
    if missing:
        raise RuntimeError(f"the Ray cluster returned no vector for {len(missing)} texts")
    return np.vstack([known[k] for k in keys]).astype(np.float32, copy=False), len(todo)
