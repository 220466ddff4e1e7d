"""One settings object for the whole pipeline.

Every field has a default, can be set by an environment variable ``RAG_<FIELD>`` (``RAG_INDEX_DIR=/data/idx``),
and by the CLI flag of the same name. The fields that shape an index (model, chunking) are written into the
index manifest and checked on load, so an index built with other settings is refused rather than mixed.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Passages one query may ask for (CLI -k, the app's /ask): past this a query costs as much as reading the library.
MAX_K = 100
# The longest question or query (characters, after runs of spaces are made one): a question is a sentence or a
# paragraph; a megabyte of text would hold the search for minutes (API, app and CLI alike).
MAX_QUESTION_CHARS = 4000
MODES = ("full", "hybrid", "dense", "bm25")  # retrieval pipelines (rag/retrieve.py)
# Version of what the loaders (rag/load/) make of a file: bump it when that changes, and every index is rebuilt
# on its next build (the embedding cache keeps what did not change); tests/test_config.py fails when their
# output changes without a bump. The chunker and the tokeniser need no number: their fingerprints are computed
# from their code (rag/chunk/, rag/lexical/tokens.py).
LOADER_VERSION = 6  # 2: mojibake repaired (ftfy); 3: HTML tags removed; 4: study type and evidence level;
# 5: no year after this one or before 1800, JATS/PubMed/MEDLINE saved as .md read as such, UTF-16 decoded;
# 6: an excerpt record's overlapping snippets said once, one a line


def _default_dir(name: str) -> Path:
    """``./<name>`` when the working directory is a project (has corpus/ or index/), else the repository's own."""
    cwd = Path.cwd()
    if (cwd / "corpus").is_dir() or (cwd / "index").is_dir():
        return cwd / name
    return PROJECT_ROOT / name


@dataclass(frozen=True)
class AnswerWeights:
    """What the extractive answer (rag/answer/extractive.py) weighs, and where it declines. Chosen on the tuning
    questions (benchmarks/tune_answers.py; docs/benchmarks.md, "Answers")."""

    lexical: float = 0.23  # share of the question's idf mass in the sentence
    previous: float = 0.03  # ... in the sentence before it
    dense: float = 0.16  # cosine of the sentence to the question
    paper: float = 0.4  # the paper's retrieval rank (1 for the first, falling to 0)
    echo: float = 0.28  # penalty: the sentence mostly restates the question
    answer_shape: float = 0.07  # the sentence holds what a factoid or list question asks for (number or new name)
    conclusion: float = 0.01  # role bonuses and penalties
    result: float = 0.1
    method: float = -0.17
    background: float = -0.0
    aim: float = -0.07
    off_topic_paper: float = 0.26  # multiplier for the sentences of a paper that mentions no key term
    keep_ratio: float = 0.71  # a supporting sentence scores at least this share of the lead's
    max_per_paper: int = 3  # 2 before: list answers lost items that sat in a third sentence of the gold paper
    aim_leads: bool = False  # may an aim or a method ("To determine...", "Patients receive...") lead the answer?
    sentences_factoid: int = 2
    sentences_list: int = 6
    sentences_yesno: int = 6
    sentences_summary: int = 3
    dense_candidates: int = 13  # sentences embedded per question (the best by the other signals)
    pool: int = 5  # passages the answer reads (the best k of them, cited ones first, are shown)
    key_idf: float = 5.0  # idf at which a question word is a key term
    # Declining.
    dense_answer: float = 0.445  # a passage this close to the question in meaning: answer
    dense_floor: float = 0.17  # below this, declined whatever the words say
    lexical_answer: float = 0.21  # share of the question's idf mass in one paper that holds every key term
    exact_answer: float = 0.75  # ... in a paper whose title or opening names the question's rare words (no names)
    weak_below: float = 0.50  # answered, but the evidence is called weak

    def __post_init__(self) -> None:
        """Refuse values that cannot work, naming the field as RAG_ANSWER does (answer.pool, not the k it becomes)."""
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type in ("float", "int") and (not isinstance(value, (int, float)) or isinstance(value, bool)):
                raise ValueError(f"setting answer.{f.name} must be a number, got {value!r}")
            if f.type == "int" and not isinstance(value, int):
                raise ValueError(f"setting answer.{f.name} must be a whole number, got {value!r}")
            if f.type == "float" and not math.isfinite(value):
                raise ValueError(f"setting answer.{f.name} must be a finite number, got {value!r}")
            if f.type == "bool" and not isinstance(value, bool):
                raise ValueError(f"setting answer.{f.name} must be true or false, got {value!r}")
        # Whole numbers: at least 1, and at most what one answer can use (pool: passages read, as k).
        whole = {**{f.name: 50 for f in fields(self) if f.name.startswith("sentences_")}, "max_per_paper": 50,
                 "dense_candidates": 1000, "pool": MAX_K}
        for name, most in whole.items():
            if getattr(self, name) < 1:
                raise ValueError(f"setting answer.{name} must be at least 1, got {getattr(self, name)!r}")
            if getattr(self, name) > most:
                raise ValueError(f"setting answer.{name} must be at most {most}, got {getattr(self, name)!r}")
        shares = ("dense_answer", "dense_floor", "lexical_answer", "exact_answer", "weak_below", "keep_ratio",
                  "off_topic_paper")
        for name in shares:
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"setting answer.{name} must be from 0 to 1, got {getattr(self, name)!r}")
        if not 0.0 <= self.key_idf <= 50.0:
            raise ValueError(f"setting answer.key_idf must be from 0 to 50, got {self.key_idf!r}")
        for f in fields(self):  # the signals' weights and the role bonuses: the tuned ones are all below 1
            if f.type == "float" and f.name not in shares + ("key_idf",) and not -10.0 <= getattr(self, f.name) <= 10.0:
                raise ValueError(f"setting answer.{f.name} must be from -10 to 10, got {getattr(self, f.name)!r}")

    def role_weight(self, role: str) -> float:
        return getattr(self, role, 0.0) if role in ("conclusion", "result", "method", "background", "aim") else 0.0

    def sentences_for(self, qtype: str) -> int:
        return getattr(self, f"sentences_{qtype}", self.sentences_summary)



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
    # BM25's synonym expansion: each synonym group the query names adds its best other name's score at this weight.
    # Measured at 0.1/0.2/0.3/0.5 (docs/benchmarks.md): larger weights let papers about a drug's other names crowd
    # out those using the name asked about; at 0.1 synonyms break ties and rescue names the corpus does not use.
    expansion_weight: float = 0.1
    rrf_k: int = 60  # the hybrid baseline's reciprocal rank fusion constant (the usual 60)
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
    abstain_below: float = 0.0  # answer on meaning alone from this cosine; 0: the tuned answer.dense_answer
    # How the extractive answer weighs sentences and when it declines (AnswerWeights above). RAG_ANSWER takes a
    # JSON object of the fields to change: RAG_ANSWER='{"pool": 8, "weak_below": 0.55}'.
    answer: AnswerWeights = field(default_factory=AnswerWeights)
    llm_base_url: str = ""  # an OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1; empty: no LLM
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout: float = 120.0

    # App.
    max_upload_mb: int = 50

    def __post_init__(self) -> None:
        """Refuse values that cannot work, with the field's name and the reason (flags and RAG_* alike), before
        they reach a build (a chunk size of 0 would loop forever) or a query."""
        if isinstance(self.answer, dict):
            unknown = sorted(set(self.answer) - {f.name for f in fields(AnswerWeights)})
            if unknown:
                raise ValueError(f"setting answer (RAG_ANSWER) has no field {', '.join(unknown)}: use "
                                 f"{', '.join(f.name for f in fields(AnswerWeights))}")
            self.answer = AnswerWeights(**self.answer)
        elif not isinstance(self.answer, AnswerWeights):
            raise ValueError(f"setting answer (RAG_ANSWER) must be a JSON object of AnswerWeights fields, got {self.answer!r}")

        def need(ok: bool, name: str, what: str) -> None:
            if not ok:
                raise ValueError(f"setting {name} (RAG_{name.upper()}) {what}, got {getattr(self, name)!r}")

        for name in ("chunk_tokens", "embed_batch_size", "k", "candidates", "max_upload_mb", "expansion_weight", "rrf_k"):
            if not isinstance(getattr(self, name), (int, float)) or isinstance(getattr(self, name), bool):
                raise ValueError(f"setting {name} (RAG_{name.upper()}) must be a number, got {getattr(self, name)!r}")
        for f in fields(self):  # by type: whole numbers, finite numbers, true or false
            value = getattr(self, f.name)
            if f.type == "int" and (not isinstance(value, int) or isinstance(value, bool)):
                need(False, f.name, "must be a whole number")
            if f.type == "float" and (not isinstance(value, (int, float)) or isinstance(value, bool)
                                      or not math.isfinite(value)):
                need(False, f.name, "must be a finite number")
            if f.type == "bool" and not isinstance(value, bool):
                need(False, f.name, "must be true or false")
        need(16 <= self.chunk_tokens <= 8192, "chunk_tokens", "must be between 16 and 8192 tokens")
        need(0 <= self.chunk_overlap < self.chunk_tokens, "chunk_overlap",
             f"must be at least 0 and below chunk_tokens ({self.chunk_tokens})")
        need(self.embed_batch_size >= 1, "embed_batch_size", "must be at least 1")
        need(self.threads >= 0, "threads", "must be 0 (all cores) or more")
        need(1 <= self.k <= MAX_K, "k", f"must be between 1 and {MAX_K}")
        need(self.candidates >= 1, "candidates", "must be at least 1")
        need(self.per_doc >= 0, "per_doc", "must be 0 (no limit) or more")
        need(0.0 <= self.lexical_weight <= 1.0, "lexical_weight", "must be from 0 (dense only) to 1 (BM25 only)")
        need(0.0 <= self.expansion_weight <= 1.0, "expansion_weight", "must be from 0 (no synonyms) to 1")
        need(self.rrf_k >= 1, "rrf_k", "must be at least 1")
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

    def index_fingerprint(self) -> str:
        """One short hash of index_shape(), written into each index's manifest: two indexes with the same fingerprint
        were built the same way (as paper-qa names an index by the hash of the settings that shape it)."""
        import hashlib

        return hashlib.sha256(json.dumps(self.index_shape(), sort_keys=True).encode()).hexdigest()[:16]


def check_paths(s: Settings) -> None:
    """Folders given where files are (or the reverse), or a generation given for the index, get a sentence, not a
    traceback, and nothing is written there (the CLI and the app; their flags are --index and --corpus)."""
    index, corpus = Path(s.index_dir), Path(s.corpus_dir)
    for flag, path in (("--index", index), ("--corpus", corpus)):
        above = next((p for p in path.parents if p.exists()), None)  # FILE/sub: the first part that exists
        if above is not None and not above.is_dir():
            raise ValueError(f"{flag} {path}: {above} is a file, not a folder")
    if index.exists() and not index.is_dir():
        raise ValueError(f"--index {index} is a file; give the index folder (made by `rag build --index DIR`)")
    if (index / "manifest.json").exists() and not (index / "CURRENT").exists():
        raise ValueError(f"--index {index} is one generation inside an index; give the index folder: {index.parent}")
    if corpus.exists() and not corpus.is_dir():
        raise ValueError(f"--corpus {corpus} is a file; give the corpus folder (to add one file: rag add {corpus})")


_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


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
        word = raw.strip().lower()
        if word not in _TRUE | _FALSE:
            raise ValueError(f"RAG_{f.name.upper()} must be true or false (1/0, yes/no, on/off), got {raw!r}")
        return word in _TRUE
    if kind == "Path":
        return Path(raw)
    if kind == "AnswerWeights":
        try:
            return json.loads(raw)
        except ValueError:
            raise ValueError(f"RAG_{f.name.upper()} must be a JSON object, got {raw!r}") from None
    return raw
