"""One settings object for the whole pipeline.

Every field has a default, can be set by an environment variable ``RAG_<FIELD>`` (``RAG_INDEX_DIR=/data/idx``),
and by the CLI flag of the same name. The fields that shape an index (model, chunking) are written into the
index manifest and checked on load, so an index built with other settings is refused rather than mixed.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Passages one query may ask for (CLI -k, the app's /ask): past this a query costs as much as reading the library.
MAX_K = 100
MODES = ("full", "hybrid", "dense", "bm25")  # retrieval pipelines (rag/retrieve.py)
# Version of what the loaders (rag/load/) make of a file: bump it when that changes, and every index is rebuilt
# on its next build (the embedding cache keeps what did not change); tests/test_config.py fails when their
# output changes without a bump. The chunker and the tokeniser need no number: their fingerprints are computed
# from their code (rag/chunk/, rag/lexical/tokens.py).
LOADER_VERSION = 4  # 2: mojibake repaired (ftfy); 3: HTML tags removed; 4: study type and evidence level


def _default_dir(name: str) -> Path:
    """``./<name>`` when the working directory is a project (has corpus/ or index/), else the repository's own."""
    cwd = Path.cwd()
    if (cwd / "corpus").is_dir() or (cwd / "index").is_dir():
        return cwd / name
    return PROJECT_ROOT / name


@dataclass
class Settings:
    # Where things are.
    corpus_dir: Path = field(default_factory=lambda: _default_dir("corpus"))
    index_dir: Path = field(default_factory=lambda: _default_dir("index"))
    # Where retrieval reads from: empty = the embedded index in index_dir (FAISS + SQLite + BM25); a
    # postgresql:// URL = PostgreSQL with pgvector, which `rag build` keeps in step with index_dir (rag/index/postgres.py).
    store_url: str = ""

    # What shapes the index (recorded in the manifest; a change forces a full rebuild).
    model: str = "all-MiniLM-L6-v2"
    chunk_tokens: int = 200
    chunk_overlap: int = 40
    encoding: str = "cl100k_base"

    # How embedding runs (does not change the vectors beyond float noise).
    embed_batch_size: int = 32
    threads: int = 0  # torch threads; 0 leaves torch's default (all cores)
    # Where a build parses, chunks and embeds: "local" (this process) or "ray" (Ray Data on a Ray cluster,
    # rag/build/ray_engine.py); ray_address: the cluster's HOST:PORT, empty for a local Ray started by the build.
    engine: str = "local"
    ray_address: str = ""

    # Retrieval.
    k: int = 5
    mode: str = "full"  # full | hybrid | dense | bm25
    candidates: int = 100  # depth of each first-stage list before fusion
    per_doc: int = 1  # passages per paper in the top k; 1 merges a paper's matching spans into one hit; 0: no limit
    synonyms: bool = True  # expand drug and gene names in the lexical query
    # Share of BM25 in the full pipeline's convex fusion of min-max normalised scores (the rest: dense).
    lexical_weight: float = 0.6
    # The record as a unit (full mode): a paper of at most record_chunks chunks (an abstract) is also scored as
    # one whole text by BM25, and record_weight times that score (scaled to the best candidate's) is added to
    # each of its chunks' fused scores. 0 turns it off. Chosen on the tuning questions (docs/benchmarks.md).
    record_weight: float = 0.2
    record_chunks: int = 3
    # A local sentence-transformers CrossEncoder folder that re-scores the best rerank_depth candidates (full
    # mode); empty: none (none ships offline; rag/rerank.py says how to plug one in).
    reranker: str = ""
    rerank_depth: int = 20

    # Answering.
    abstain_below: float = 0.0  # answer on meaning alone from this cosine; 0: the tuned default (rag/answer/extractive.py)
    llm_base_url: str = ""  # an OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1; empty: no LLM
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout: float = 120.0

    # App.
    max_upload_mb: int = 50

    def __post_init__(self) -> None:
        """Refuse values that cannot work, with the field's name and the reason (flags and RAG_* alike), before
        they reach a build (a chunk size of 0 would loop forever) or a query."""
        def need(ok: bool, name: str, what: str) -> None:
            if not ok:
                raise ValueError(f"setting {name} (RAG_{name.upper()}) {what}, got {getattr(self, name)!r}")

        for name in ("chunk_tokens", "embed_batch_size", "k", "candidates", "max_upload_mb"):
            if not isinstance(getattr(self, name), (int, float)) or isinstance(getattr(self, name), bool):
                raise ValueError(f"setting {name} (RAG_{name.upper()}) must be a number, got {getattr(self, name)!r}")
        need(16 <= self.chunk_tokens <= 8192, "chunk_tokens", "must be between 16 and 8192 tokens")
        need(0 <= self.chunk_overlap < self.chunk_tokens, "chunk_overlap",
             f"must be at least 0 and below chunk_tokens ({self.chunk_tokens})")
        need(self.embed_batch_size >= 1, "embed_batch_size", "must be at least 1")
        need(self.threads >= 0, "threads", "must be 0 (all cores) or more")
        need(1 <= self.k <= MAX_K, "k", f"must be between 1 and {MAX_K}")
        need(self.candidates >= 1, "candidates", "must be at least 1")
        need(self.per_doc >= 0, "per_doc", "must be 0 (no limit) or more")
        need(0.0 <= self.lexical_weight <= 1.0, "lexical_weight", "must be from 0 (dense only) to 1 (BM25 only)")
        need(0.0 <= self.record_weight <= 10.0, "record_weight", "must be from 0 (off) to 10")
        need(self.record_chunks >= 0, "record_chunks", "must be 0 (no limit) or more")
        need(not self.reranker or Path(self.reranker).is_dir(), "reranker",
             "must be a folder holding a saved sentence-transformers CrossEncoder (or empty for none)")
        need(1 <= self.rerank_depth <= 200, "rerank_depth", "must be between 1 and 200")
        need(self.mode in MODES, "mode", f"must be one of {', '.join(MODES)}")
        need(self.engine in ("local", "ray"), "engine", "must be local or ray")
        need(0.0 <= self.abstain_below < 1.0, "abstain_below", "must be a cosine from 0 to below 1 (0: the tuned default)")
        need(self.llm_timeout > 0, "llm_timeout", "must be more than 0 seconds")
        need(self.max_upload_mb > 0, "max_upload_mb", "must be more than 0")

    @classmethod
    def load(cls, **overrides: Any) -> "Settings":
        """Defaults, then ``RAG_*`` environment variables, then explicit overrides (None means 'not given')."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            env = os.environ.get("RAG_" + f.name.upper())
            if env is not None and env != "":
                values[f.name] = _coerce(f, env)
        # Common names for an OpenAI-compatible endpoint are honoured too.
        for name, env_name in (("llm_base_url", "OPENAI_BASE_URL"), ("llm_api_key", "OPENAI_API_KEY")):
            if name not in values and os.environ.get(env_name):
                values[name] = os.environ[env_name]
        for key, value in overrides.items():
            if value is None:
                continue
            if key not in {f.name for f in fields(cls)}:
                raise TypeError(f"unknown setting {key!r}")
            values[key] = value
        s = cls(**values)
        s.corpus_dir = Path(s.corpus_dir)
        s.index_dir = Path(s.index_dir)
        return s

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def index_shape(self) -> dict[str, Any]:
        """The settings an index is built with; two indexes with different shapes must not be mixed."""
        from .chunk import chunker_fingerprint
        from .evidence import classifier_fingerprint
        from .lexical import tokens
        from .vocabulary import vocabulary_fingerprint
        return {
            "model": self.model,
            "chunk_tokens": self.chunk_tokens,
            "chunk_overlap": self.chunk_overlap,
            "encoding": self.encoding,
            "chunker": chunker_fingerprint(),
            "tokenizer": tokens.tokenizer_fingerprint(),
            "loaders": LOADER_VERSION,
            "evidence": classifier_fingerprint(),
            "vocabulary": vocabulary_fingerprint() if tokens.USE_CONCEPTS else None,
        }


def _coerce(f: dataclasses.Field, raw: str) -> Any:
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
    except ValueError:
        raise ValueError(f"RAG_{f.name.upper()} must be a {'whole ' if kind == 'int' else ''}number, got {raw!r}") from None
    if kind == "bool":
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if kind == "Path":
        return Path(raw)
    return raw
