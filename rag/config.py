"""One settings object for the whole pipeline, on pydantic-settings.

Every field has a default, an environment variable ``RAG_<FIELD>`` (``RAG_INDEX_DIR=/data/idx``) and a flag
named after it (``--index-dir``), which `rag` and app.py generate from the fields (``add_flags``), the names the
README documents kept as aliases (``--index``). Types and ranges are checked when the settings are made, flag,
environment and Python alike, and a value that cannot work is refused with the field and the reason. The fields
that shape an index (model, chunking) are written into the index manifest and checked on load, so an index
built with other settings is refused rather than mixed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import AfterValidator, AliasChoices, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic import field_validator, model_validator
from pydantic.dataclasses import dataclass
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Passages one query may ask for (CLI -k, the app's /ask): past this a query costs as much as reading the library.
MAX_K = 100
# The longest question or query (characters, after runs of spaces are made one): a question is a sentence or a
# paragraph; a megabyte of text would hold the search for minutes (API, app and CLI alike).
MAX_QUESTION_CHARS = 4000
Mode = Literal["full", "hybrid", "dense", "bm25"]
MODES: tuple[str, ...] = get_args(Mode)  # retrieval pipelines (rag/retrieve.py)

def check_k(k: Any, default: int | None = None, name: str = "k") -> int:
    """The one rule for k, the number of passages a search or an answer returns: a whole number from 1 to MAX_K
    (more would make one query cost as much as reading the library), as an int or as digits (forms and URLs send
    text). With a default (the k setting), k not given -- None, or the 0 or "" an API client or a form sends for
    it -- is the default. ValueError naming ``name`` otherwise. The k setting (so RAG_K and -k), retrieve(),
    answer() and the app's /ask all go through it."""
    given = str(k).strip() if isinstance(k, (int, str)) and not isinstance(k, bool) else None
    if default is not None and (k is None or given in ("0", "")):
        return default
    if given is None or not given.lstrip("-").isdigit() or not 1 <= int(given) <= MAX_K:
        raise ValueError(f"{name} must be a number of passages from 1 to {MAX_K}, got {k!r}")
    return int(given)


def _k_setting(k: int) -> int:
    return check_k(k, name="setting k (RAG_K)")


def _default_dir(name: str) -> Path:
    """``./<name>`` when the working directory is a project (has corpus/ or index/), else the repository's own."""
    cwd = Path.cwd()
    if (cwd / "corpus").is_dir() or (cwd / "index").is_dir():
        return cwd / name
    return PROJECT_ROOT / name


def _no_bool(cls, value: Any, info) -> Any:
    """A number field refuses True and False (pydantic would read them as 1 and 0)."""
    if isinstance(value, bool) and cls.__pydantic_fields__[info.field_name].annotation in (int, float):
        raise PydanticCustomError("number_type", "must be a number")
    return value


def _say(error: dict[str, Any], field: str | None = None) -> str:
    """One pydantic error as one sentence naming the setting: "setting k (RAG_K) must be a whole number, got 5.5";
    an answer weight by its JSON name ("setting answer.pool ..."). Our own checks' sentences are said as they are."""
    if error["type"] == "value_error":
        return str(error["ctx"]["error"])
    loc = [str(part) for part in ((field,) if field else ()) + tuple(error["loc"])]
    if not loc:
        return error["msg"]
    if loc[0] == "answer" and len(loc) > 1:
        if error["type"] == "unexpected_keyword_argument":
            known = ", ".join(AnswerWeights.__pydantic_fields__)
            return f"setting answer (RAG_ANSWER) has no field {loc[1]}: use {known}"
        label = f"answer.{loc[1]}"
    else:
        label = f"{loc[0]} (RAG_{loc[0].upper()})"
    what = _WORDS.get(error["type"]) or error["msg"][:1].lower() + error["msg"][1:]
    if error["type"] == "literal_error":  # pydantic's "'full', 'hybrid', 'dense' or 'bm25'"
        what = "must be one of " + error["ctx"]["expected"].replace("'", "").replace(" or ", ", ")
    return f"setting {label} {what}, got {error['input']!r}"


_WORDS = {"int_parsing": "must be a whole number", "int_from_float": "must be a whole number",
          "int_type": "must be a whole number", "float_parsing": "must be a number", "float_type": "must be a number",
          "finite_number": "must be a finite number", "bool_parsing": "must be true or false (1/0, yes/no, on/off)",
          "bool_type": "must be true or false", "string_type": "must be text", "path_type": "must be a path",
          "dataclass_type": "must be a JSON object of AnswerWeights fields"}


def _refused(err: ValidationError, field: str | None = None) -> ValueError:
    """The first of pydantic's errors as a one-line ValueError (the CLI and the app print it as it is)."""
    return ValueError(_say(err.errors()[0], field))


@dataclass(frozen=True, config=ConfigDict(extra="forbid", allow_inf_nan=False))
class AnswerWeights:
    """What the extractive answer (rag/answer/extractive.py) weighs, and where it declines. Chosen on the tuning
    questions (benchmarks/tune_answers.py; docs/benchmarks.md, "Answers"). A pydantic dataclass: its types are
    checked as it is made (also by ``dataclasses.replace``), its ranges below."""

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
    number_pool: int = 15  # passages a quantitative question's number lead reads (those it cites are shown)
    key_idf: float = 5.0  # idf at which a question word is a key term
    # Declining.
    dense_answer: float = 0.445  # a passage this close to the question in meaning: answer
    dense_floor: float = 0.17  # below this, declined whatever the words say
    lexical_answer: float = 0.21  # share of the question's idf mass in one paper that holds every key term
    exact_answer: float = 0.75  # ... in a paper whose title or opening names the question's rare words (no names)
    weak_below: float = 0.50  # answered, but the evidence is called weak

    _numbers = field_validator("*", mode="before")(_no_bool)

    def __post_init__(self) -> None:
        """Refuse values that cannot work, naming the field as RAG_ANSWER does (answer.pool, not the k it becomes)."""
        def need(ok: bool, name: str, what: str) -> None:
            if not ok:
                raise ValueError(f"setting answer.{name} must be {what}, got {getattr(self, name)!r}")

        # Whole numbers: at least 1, and at most what one answer can use (pool: passages read, as k).
        whole = {**{name: 50 for name in self.__pydantic_fields__ if name.startswith("sentences_")},
                 "max_per_paper": 50, "dense_candidates": 1000, "pool": MAX_K, "number_pool": MAX_K}
        for name, most in whole.items():
            need(getattr(self, name) >= 1, name, "at least 1")
            need(getattr(self, name) <= most, name, f"at most {most}")
        shares = ("dense_answer", "dense_floor", "lexical_answer", "exact_answer", "weak_below", "keep_ratio",
                  "off_topic_paper")
        for name in shares:
            need(0.0 <= getattr(self, name) <= 1.0, name, "from 0 to 1")
        need(0.0 <= self.key_idf <= 50.0, "key_idf", "from 0 to 50")
        # The signals' weights and the role bonuses: the tuned ones are all below 1.
        for name, f in self.__pydantic_fields__.items():
            if f.annotation is float and name not in shares + ("key_idf",):
                need(-10.0 <= getattr(self, name) <= 10.0, name, "from -10 to 10")

    def role_weight(self, role: str) -> float:
        return getattr(self, role, 0.0) if role in ("conclusion", "result", "method", "background", "aim") else 0.0

    def sentences_for(self, qtype: str) -> int:
        return getattr(self, f"sentences_{qtype}", self.sentences_summary)


def _json_object(value: Any) -> Any:
    """RAG_ANSWER (and --answer) is JSON: '{"pool": 8, "weak_below": 0.55}'."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise PydanticCustomError("json_object", "must be a JSON object of AnswerWeights fields") from None
    if not isinstance(value, (dict, AnswerWeights)):
        raise PydanticCustomError("json_object", "must be a JSON object of AnswerWeights fields")
    return value


def _flag(group: str, *aliases: str, metavar: str | None = None) -> dict[str, Any]:
    """A field's flag beyond what the field says: the commands that take it (by group: add_flags), the names the
    README documents where they differ from --<field-name>, and the placeholder shown in --help."""
    return {"flag": {"group": group, "aliases": list(aliases), "metavar": metavar}}


class Settings(BaseSettings):
    """Every setting of the product. Made from the defaults, then ``RAG_*`` environment variables, then what is
    given (flags, ``Settings.load(k=9)``); immutable: ``replace()`` makes a changed copy, checked again."""

    model_config = SettingsConfigDict(env_prefix="RAG_", env_ignore_empty=True, frozen=True, extra="forbid",
                                      allow_inf_nan=False, validate_by_name=True)

    # Where things are.
    corpus_dir: Path = Field(default_factory=lambda: _default_dir("corpus"), description="the papers' folder",
                             json_schema_extra=_flag("where", "--corpus", metavar="DIR"))
    index_dir: Path = Field(default_factory=lambda: _default_dir("index"), description="the built index's folder",
                            json_schema_extra=_flag("where", "--index", metavar="DIR"))
    store_url: str = Field("", description="where retrieval reads from: empty, the index folder (FAISS + SQLite + "
                           "BM25); a postgresql:// URL, PostgreSQL with pgvector, which `rag build` and `rag sync` "
                           "keep in step with the index folder (rag/index/postgres.py)",
                           json_schema_extra=_flag("where", "--store", metavar="URL"))

    # What shapes the index (recorded in the manifest; a change forces a full rebuild).
    model: str = Field("all-MiniLM-L6-v2", description="embedding model: a packaged model name or a "
                       "sentence-transformers folder", json_schema_extra=_flag("shape", metavar="NAME"))
    chunk_tokens: int = Field(200, description="chunk size in tokens (16 to 8192)", json_schema_extra=_flag("shape"))
    chunk_overlap: int = Field(40, description="overlap between chunks in tokens (below the chunk size)",
                               json_schema_extra=_flag("shape"))
    encoding: str = Field("cl100k_base", description="the tiktoken encoding chunks are counted in",
                          json_schema_extra=_flag("shape", metavar="NAME"))

    # How embedding runs (does not change the vectors beyond float noise).
    embed_batch_size: int = Field(32, description="texts embedded per batch", json_schema_extra=_flag("embed"))
    threads: int = Field(0, description="CPU threads for the model (torch, ONNX Runtime); 0: all cores",
                         json_schema_extra=_flag("embed"))
    # Where a build parses, chunks and embeds.
    engine: Literal["local", "ray"] = Field("local", description="where parsing, chunking and embedding run: here, "
                                            "or on a Ray cluster (Ray Data, rag/indexing/ray_engine.py)",
                                            json_schema_extra=_flag("engine"))
    ray_address: str = Field("", description="the Ray cluster for engine ray (empty: a local Ray started by the "
                             "build); a cluster with token auth also needs RAY_AUTH_TOKEN or RAY_AUTH_TOKEN_PATH",
                             json_schema_extra=_flag("engine", "--address", metavar="HOST:PORT"))

    # Retrieval.
    k: Annotated[int, AfterValidator(_k_setting)] = Field(
        5, description=f"passages a search or an answer returns (1 to {MAX_K})",
        json_schema_extra=_flag("retrieval", "-k"))
    mode: Mode = Field("full", description="retrieval pipeline: full (BM25 with synonyms + dense, convex fusion), "
                       "hybrid (reciprocal rank fusion), dense or bm25", json_schema_extra=_flag("retrieval"))
    candidates: int = Field(100, description="depth of each first-stage list before fusion",
                            json_schema_extra=_flag("retrieval"))
    per_doc: int = Field(1, description="passages per paper in the top k: 1 merges a paper's matching spans into one "
                         "hit; 0: no limit", json_schema_extra=_flag("retrieval"))
    synonyms: bool = Field(True, description="expand drug and gene names in the lexical query",
                           json_schema_extra=_flag("retrieval"))
    # Measured at 0.1/0.2/0.3/0.5 (docs/benchmarks.md): larger weights let papers about a drug's other names crowd
    # out those using the name asked about; at 0.1 synonyms break ties and rescue names the corpus does not use.
    # The same number is the lexical stage's own default (rag/lexical/synonyms.py: EXPANSION_WEIGHT).
    expansion_weight: float = Field(0.1, description="weight of a synonym's BM25 score: each synonym group the "
                                    "query names adds its best other name's score at this weight (0 to 1)",
                                    json_schema_extra=_flag("retrieval"))
    rrf_k: int = Field(60, description="the hybrid baseline's reciprocal rank fusion constant",
                       json_schema_extra=_flag("retrieval"))
    lexical_weight: float = Field(0.6, description="BM25's share in the full pipeline's convex fusion of min-max "
                                  "normalised scores (the rest: dense; 0 to 1)", json_schema_extra=_flag("retrieval"))
    # Chosen on the tuning questions (docs/benchmarks.md).
    record_weight: float = Field(0.2, description="the record as a unit (full mode): a paper of at most "
                                 "record_chunks chunks is also scored whole by BM25, and this times that score "
                                 "(scaled to the best candidate's) is added to its chunks' fused scores; 0: off",
                                 json_schema_extra=_flag("retrieval"))
    record_chunks: int = Field(3, description="the most chunks a paper may have to be scored whole (0: no limit)",
                               json_schema_extra=_flag("retrieval"))
    reranker: str = Field("", description="a local sentence-transformers CrossEncoder folder that re-scores the best "
                          "rerank_depth candidates (full mode); empty: none (rag/rerank.py)",
                          json_schema_extra=_flag("retrieval", metavar="DIR"))
    rerank_depth: int = Field(20, description="candidates the reranker re-scores (1 to 200)",
                              json_schema_extra=_flag("retrieval"))

    # Answering.
    abstain_below: float = Field(0.0, description="answer on meaning alone from this cosine; 0: the tuned "
                                 "answer.dense_answer", json_schema_extra=_flag("answer", metavar="COSINE"))
    answer: Annotated[AnswerWeights, NoDecode, BeforeValidator(_json_object)] = Field(
        default_factory=AnswerWeights, description="how the extractive answer weighs sentences and when it declines: "
        "a JSON object of the AnswerWeights fields to change, e.g. '{\"pool\": 8, \"weak_below\": 0.55}'",
        json_schema_extra=_flag("answer", metavar="JSON"))
    llm_base_url: str = Field("", validation_alias=AliasChoices("RAG_LLM_BASE_URL", "OPENAI_BASE_URL"),
                              description="an OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1 "
                              "(OPENAI_BASE_URL too); empty: no language model",
                              json_schema_extra=_flag("llm", metavar="URL"))
    llm_model: str = Field("", description="the model's name at that endpoint",
                           json_schema_extra=_flag("llm", metavar="NAME"))
    llm_api_key: str = Field("", validation_alias=AliasChoices("RAG_LLM_API_KEY", "OPENAI_API_KEY"), repr=False,
                             description="the endpoint's API key (OPENAI_API_KEY too)",
                             json_schema_extra=_flag("llm", metavar="KEY"))
    llm_timeout: float = Field(120.0, description="seconds one answer waits for the model in all",
                               json_schema_extra=_flag("llm", metavar="SECONDS"))

    # The app (app.py).
    max_upload_mb: int = Field(50, description="largest file the Library tab accepts, and `rag add`'s limit",
                               json_schema_extra=_flag("app"))
    app_host: str = Field("127.0.0.1", description="address the app binds",
                          json_schema_extra=_flag("app", "--host", metavar="HOST"))
    app_port: int = Field(7860, description="port the app serves on", json_schema_extra=_flag("app", "--port"))
    app_user: str = Field("", description="login name (needs app_password; both or neither)",
                          json_schema_extra=_flag("app", "--user", metavar="NAME"))
    app_password: str = Field("", repr=False, description="login password (prefer RAG_APP_PASSWORD: a flag shows in "
                              "the process list)", json_schema_extra=_flag("app", "--password", metavar="PASSWORD"))

    _numbers = field_validator("*", mode="before")(_no_bool)

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
        except ValidationError as err:
            raise _refused(err) from None

    @model_validator(mode="after")
    def _check(self) -> "Settings":
        """Refuse values that cannot work, with the field's name and the reason (flags and RAG_* alike), before
        they reach a build (a chunk size of 0 would loop forever) or a query."""
        def need(ok: bool, name: str, what: str) -> None:
            if not ok:
                raise ValueError(f"setting {name} (RAG_{name.upper()}) {what}, got {getattr(self, name)!r}")

        need(16 <= self.chunk_tokens <= 8192, "chunk_tokens", "must be between 16 and 8192 tokens")
        need(0 <= self.chunk_overlap < self.chunk_tokens, "chunk_overlap",
             f"must be at least 0 and below chunk_tokens ({self.chunk_tokens})")
        need(self.embed_batch_size >= 1, "embed_batch_size", "must be at least 1")
        need(self.threads >= 0, "threads", "must be 0 (all cores) or more")
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
        need(0.0 <= self.abstain_below < 1.0, "abstain_below",
             "must be a cosine from 0 to below 1 (0: the tuned default)")
        need(self.llm_timeout > 0, "llm_timeout", "must be more than 0 seconds")
        need(self.max_upload_mb > 0, "max_upload_mb", "must be more than 0")
        need(1 <= self.app_port <= 65535, "app_port", "must be a port from 1 to 65535")
        return self

    @classmethod
    def load(cls, **overrides: Any) -> "Settings":
        """Defaults, then ``RAG_*`` environment variables, then explicit overrides (None means 'not given')."""
        unknown = sorted(set(overrides) - set(cls.model_fields))
        if unknown:
            raise TypeError(f"unknown setting {unknown[0]!r}")
        return cls(**{key: value for key, value in overrides.items() if value is not None})

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> "Settings":
        """Settings from the flags add_flags made (a flag not given is None: the environment, else the default)."""
        return cls.load(**{name: getattr(args, name, None) for name in cls.model_fields})

    def replace(self, **changes: Any) -> "Settings":
        """A copy with these fields changed (None: unchanged), checked as a new one is; the environment is not read
        again."""
        changes = {key: value for key, value in changes.items() if value is not None}
        unknown = sorted(set(changes) - set(type(self).model_fields))
        if unknown:
            raise TypeError(f"unknown setting {unknown[0]!r}")
        try:
            return self.model_validate({**dict(self), **changes})
        except ValidationError as err:
            raise _refused(err) from None


def add_flags(parser: argparse.ArgumentParser, *groups: str) -> None:
    """The flags of the settings in these groups (where, shape, embed, engine, retrieval, answer, llm, app),
    generated from the fields: --<field-name> (--index-dir) and the README's names as aliases (--index), the
    field's description as help, the value checked by the field's own type (a bad one: argparse's exit 2, with
    the field's reason). A flag not given stays None, so the environment and the defaults apply (from_args)."""
    for name, field in Settings.model_fields.items():
        flag = (field.json_schema_extra or {}).get("flag", {})
        if flag.get("group") not in groups:
            continue
        names = sorted([f"--{name.replace('_', '-')}", *flag["aliases"]], key=lambda n: n.startswith("--"))  # -k first
        default = field.get_default(call_default_factory=True)
        shown = "" if name in ("answer", "app_password") or default in ("", None) else f"; default {default}"
        help_text = f"{field.description} (RAG_{name.upper()}{shown})".replace("%", "%%")
        if field.annotation is bool:
            parser.add_argument(*names, dest=name, action=argparse.BooleanOptionalAction, default=None, help=help_text)
            continue
        choices = get_args(field.annotation) if get_origin(field.annotation) is Literal else None
        parser.add_argument(*names, dest=name, default=None, type=_FlagValue(name), choices=choices,
                            metavar=None if choices else flag["metavar"] or _METAVARS.get(field.annotation, "VALUE"),
                            help=help_text)


_METAVARS = {int: "N", float: "X", Path: "DIR", str: "TEXT"}


class _FlagValue:
    """A flag's text made the field's value by the field's own type and per-field rule (k: check_k)."""

    def __init__(self, name: str):
        self.name = self.__name__ = name

    def __call__(self, raw: str) -> Any:
        field = Settings.model_fields[self.name]
        try:
            kind = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
            return TypeAdapter(kind).validate_python(raw)
        except ValidationError as err:
            raise argparse.ArgumentTypeError(str(_refused(err, self.name))) from None


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
