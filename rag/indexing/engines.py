"""Where a build parses files and embeds texts: on this machine (LocalEngine, the default) or on a Ray cluster
(RayEngine, `--engine ray`: rag/indexing/ray_engine.py, imported only when asked for). update.py talks to either
through the same two calls."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Protocol, Sequence

import numpy as np

from ..config import Settings
from ..embed import EmbeddingCache, embed_with_cache, get_embedder
from ..load import LoadError, LoadResult, load_file


class Engine(Protocol):
    def parse(self, files: Sequence[tuple[str, Path]], prepared: dict[int, tuple], progress: Callable,
              report) -> dict[str, LoadResult | LoadError]:
        """Each file's documents, or why it could not be read ({corpus-relative path: result}). An engine that
        also cuts chunks puts them in ``prepared`` (id(document) -> (document, chunks, BM25 tokens))."""
        ...

    def embed(self, cache: EmbeddingCache, texts: Sequence[str], tick: Callable[[int], None],
              report) -> tuple[np.ndarray, int, int]:
        """(vectors of the texts in order, how many were embedded rather than read from the cache, dimension)."""
        ...


class LocalEngine:
    """This machine: the loaders, and the model's ONNX export made at the start of the build (1.1-1.4x torch's
    speed here; torch if it cannot be had)."""

    def __init__(self, settings: Settings):
        self.s = settings

    def parse(self, files, prepared, progress, report):
        out: dict[str, LoadResult | LoadError] = {}
        for i, (rel, path) in enumerate(files):
            try:
                out[rel] = load_file(path, root=Path(self.s.corpus_dir))
            except LoadError as err:
                out[rel] = err
            progress("parsing", i + 1, len(files))
        return out

    def embed(self, cache, texts, tick, report):
        embedder = get_embedder(self.s.model, self.s.threads, onnx=True, index_dir=self.s.index_dir)
        vectors, embedded = embed_with_cache(embedder, cache, list(texts), self.s.embed_batch_size, tick)
        return vectors, embedded, embedder.dimension


class RayEngine:
    """A Ray cluster: files parsed and cut by tasks, texts embedded by model actors; the embedding cache stays on
    this machine."""

    def __init__(self, settings: Settings):
        from . import ray_engine  # imported only when a build asks for Ray: `import rag` needs no Ray

        self.s, self.ray = settings, ray_engine

    def parse(self, files, prepared, progress, report):
        return self.ray.parse_files(self.s, list(files), prepared, progress, report)

    def embed(self, cache, texts, tick, report):
        vectors, embedded = self.ray.embed_with_cache(self.s, cache, texts, tick, report)
        return vectors, embedded, vectors.shape[1]


def engine_for(settings: Settings) -> Engine:
    """The engine the settings name (engine: local | ray)."""
    return RayEngine(settings) if settings.engine == "ray" else LocalEngine(settings)
