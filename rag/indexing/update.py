"""Build or update the index from the corpus folder: load -> chunk -> embed -> index.

Incremental by default: each file's content hash is compared with the previous generation's; only new or
changed files are parsed, only new chunk texts are embedded (the embedding cache remembers the rest), and
documents whose files disappeared are dropped. The result is a new generation published atomically.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..chunk import chunk_document
from ..config import Settings
from ..dedup import Candidate, choose_copies, text_fingerprint
from ..embed import EmbeddingCache, embedding_input, export_for_index, model_fingerprint, text_key
from ..index import generations, store
from ..index.local import LocalStore
from ..index.shape import index_fingerprint, index_shape
from ..index.store import StoreWriter
from ..index.writer import ChunkRow, GenerationWriter, previous_state
from ..lexical.chunks import chunk_tokens
from ..load import LoadError, discover, display_path
from ..outcomes import EXTRACTOR_VERSION, StudyOutcomes, extract_outcomes
from ..datatypes import Document
from .engines import LocalEngine, engine_for
from .add_markers import announce_interrupted_adds, finish_adds
from .guards import refuse_loss, refuse_other_corpus, rel_path
from .report import BuildReport, Progress

logger = logging.getLogger(__name__)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def build(
    settings: Settings | None = None,
    rebuild: bool = False,
    progress: Progress | None = None,
    log: Callable[[str], None] | None = None,
    force: bool = False,
    lexical_only: bool = False,
) -> BuildReport:
    """Bring the index in ``settings.index_dir`` up to date with ``settings.corpus_dir``.

    Refuses (BuildRefused) a build that would drop the documents of another corpus folder, or every or most of
    the indexed files, unless ``force``: a mistyped or forgotten ``--corpus`` must not empty an index.

    ``lexical_only``: when there is no dense index to update (a first build, a rebuild), publish a generation
    that holds everything but the vectors (parsed, chunked, BM25, outcomes: seconds, not minutes) and embed
    nothing; it answers by keyword search, and the next build (``build_lexical_first`` runs it at once) embeds
    it and publishes the full index. An index that has vectors is updated as usual.
    """
    s = settings or Settings.load()
    progress = progress or (lambda stage, done, total: None)
    say = log or (lambda msg: None)
    started = time.perf_counter()
    report = BuildReport(corpus_dir=str(s.corpus_dir), index_dir=str(s.index_dir))
    if not Path(s.corpus_dir).is_dir():
        raise FileNotFoundError(f"corpus folder {s.corpus_dir} does not exist")
    if s.engine not in ("local", "ray"):
        raise ValueError(f"unknown engine {s.engine!r}: use local or ray")
    report.engine = s.engine

    with generations.build_lock(s.index_dir, on_wait=say):
        generations.collect_garbage(s.index_dir)
        # The model's ONNX export, beside the index: readers encode questions with it, without torch (never fails).
        export_for_index(s.model, s.index_dir, s.threads, say)
        plan = _plan(s, report, rebuild, lexical_only, say)
        _compare_files(s, plan, report)
        _check_losses(s, plan, rebuild, force, say)
        # Files an interrupted `rag add` copied are indexed now: said, never done silently (they can be large).
        plan.interrupted = announce_interrupted_adds(s, plan.current, plan.unchanged, say)
        report.skipped += [(rel, plan.prev_files[rel][2] or "") for rel in sorted(plan.unchanged)
                           if plan.prev_files[rel][1] == "skipped"]
        if not plan.has_work(bool(report.added or report.updated or report.removed)):
            return _up_to_date(s, plan, report, started, say)
        loaded = _parse(s, plan, report, progress, say)
        if not plan.has_work(bool(loaded or report.removed)):  # nothing readable changed
            return _up_to_date(s, plan, report, started, say)
        _write_and_publish(s, plan, report, loaded, progress, lexical_only)
        if not report.dense_pending:  # a store mirrors whole generations: the keyword-only one waits for its vectors
            store.sync(s, say)  # mirror the new generation into settings.store_url (PostgreSQL), if set
        finish_adds(plan.interrupted)
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _Plan:
    """What a build starts from: the previous generation it updates (None: a full build) and what it held, the
    corpus's files now, and what is due besides changed files."""

    previous: Path | None
    live: Path | None
    fingerprint: str
    prev_files: dict[str, tuple[str, str, str | None]]
    prev_docs: list[dict[str, Any]]
    prev_manifest: dict[str, Any]
    outcomes_stale: bool  # a new outcome extractor: every document's outcomes read again, nothing embedded
    dense_due: bool  # the previous generation is keyword-only and this build embeds
    current: dict[str, Path] = field(default_factory=dict)
    hashes: dict[str, tuple[str, int]] = field(default_factory=dict)
    unchanged: set[str] = field(default_factory=set)
    interrupted: list[Path] = field(default_factory=list)
    prepared: dict[int, tuple] = field(default_factory=dict)  # id(document) -> (document, chunks, BM25 tokens)

    def has_work(self, files_changed: bool) -> bool:
        return self.previous is None or files_changed or self.outcomes_stale or self.dense_due


def _plan(s: Settings, report: BuildReport, rebuild: bool, lexical_only: bool, say) -> _Plan:
    """The generation to update, unless --rebuild or other settings make this a full build."""
    previous = live = generations.current_generation(s.index_dir)
    fingerprint = model_fingerprint(s.model)
    if previous is not None and not rebuild:
        reason = _shape_change(generations.read_manifest(previous), s, fingerprint)
        if reason:
            say(f"{reason}: rebuilding the whole index (an index never mixes settings)")
            report.rebuild_reason = reason
            previous = None
    elif rebuild:
        report.rebuild_reason = "--rebuild asked"
        previous = None
    report.full_rebuild = previous is None
    prev_files, prev_docs = previous_state(previous) if previous else ({}, [])
    prev_manifest = generations.read_manifest(previous) if previous else {}
    # A new outcome extractor (rag/outcomes/) is not a new index shape: the next build re-extracts every
    # document's outcomes into a new generation, nothing parsed or embedded again.
    outcomes_stale = previous is not None and prev_manifest.get("outcomes_version") != EXTRACTOR_VERSION
    if outcomes_stale:
        say(f"outcome extractor {prev_manifest.get('outcomes_version') or '(none)'} -> {EXTRACTOR_VERSION}: "
            f"re-extracting the outcomes of every document (nothing is embedded again)")
    # A keyword-only generation (lexical_only) is not up to date for a build that embeds: its vectors are due.
    dense_due = previous is not None and bool(prev_manifest.get("dense_pending")) and not lexical_only
    return _Plan(previous, live, fingerprint, prev_files, prev_docs, prev_manifest, outcomes_stale, dense_due)


def _compare_files(s: Settings, plan: _Plan, report: BuildReport) -> None:
    """Which files are new, changed, gone or unchanged (by content hash)."""
    ignored: list[tuple[Path, str]] = []
    paths, discovery_skips = discover(Path(s.corpus_dir), ignored)
    plan.current = {rel_path(p, s.corpus_dir): p for p in paths}
    plan.hashes = {rel: (file_sha256(p), p.stat().st_size) for rel, p in plan.current.items()}
    plan.unchanged = {rel for rel, (sha, _) in plan.hashes.items()
                      if rel in plan.prev_files and plan.prev_files[rel][0] == sha}
    report.added = sorted(rel for rel in plan.current if rel not in plan.prev_files)
    report.updated = sorted(rel for rel in plan.current if rel in plan.prev_files and rel not in plan.unchanged)
    report.removed = sorted(rel for rel in plan.prev_files if rel not in plan.current)
    report.unchanged = len(plan.unchanged)
    report.skipped = [(display_path(rel_path(p, s.corpus_dir)), why) for p, why in discovery_skips]
    report.ignored = [(rel_path(p, s.corpus_dir), why) for p, why in ignored]


def _check_losses(s: Settings, plan: _Plan, rebuild: bool, force: bool, say) -> None:
    """BuildRefused when this build would drop another corpus's files, or most of the live index's."""
    if plan.live is None or force:
        return
    live_manifest = generations.read_manifest(plan.live)
    try:
        live_files = plan.prev_files if plan.live == plan.previous else previous_state(plan.live)[0]
    except generations.IndexCorrupt as err:
        if not rebuild:
            raise
        # A rebuild replaces a damaged index: what it held cannot be read, so only its corpus folder is
        # checked (a rebuild from another folder still needs --force).
        refuse_other_corpus(live_manifest, s)
        say(f"{err.path} is damaged and cannot be read: rebuilding the index from {s.corpus_dir}")
        live_files = {}
    refuse_loss(live_manifest, live_files, set(plan.current), s)


def _up_to_date(s: Settings, plan: _Plan, report: BuildReport, started: float, say) -> BuildReport:
    """Nothing to change: the previous generation stays, and a store behind the index catches up."""
    stats = LocalStore(plan.previous).stats()
    report.up_to_date, report.generation = True, plan.previous.name
    report.documents, report.chunks = stats["documents"], stats["chunks"]
    report.seconds = time.perf_counter() - started
    store.sync(s, say)  # a store behind the index (settings.store_url) catches up
    finish_adds(plan.interrupted)
    return report


def _parse(s: Settings, plan: _Plan, report: BuildReport, progress: Progress, say) -> dict[str, list[Document]]:
    """The documents of the new and changed files (engine "ray": parsed and cut on a Ray cluster). A file that
    no longer parses keeps its last good version in the index (recorded with that version's hash, so the next
    build tries the new one again); added/updated name only what was indexed."""
    to_load = report.added + report.updated
    loaded: dict[str, list[Document]] = {}
    parsed = engine_for(s).parse([(rel, plan.current[rel]) for rel in to_load], plan.prepared, progress, report)
    for rel in to_load:
        try:
            result = parsed[rel]
            if isinstance(result, LoadError):
                raise result
            loaded[rel] = [d for d in result.documents if d.text.strip()]
            report.warnings += [(rel, w) for w in result.warnings]
            if not loaded[rel]:
                raise LoadError("no text found")
        except LoadError as err:
            loaded.pop(rel, None)
            report.skipped.append((rel, str(err)))
            say(f"skipped {rel}: {err}")
    reasons = dict(report.skipped)
    report.failed = [rel for rel in to_load if rel not in loaded]
    for rel in report.failed:
        if plan.prev_files.get(rel, ("", ""))[1] == "indexed":
            plan.unchanged.add(rel)
            plan.hashes[rel] = (plan.prev_files[rel][0], plan.hashes[rel][1])
            report.kept.append(rel)
            reasons[rel] += "; its last good version stays indexed"
    report.skipped = list(reasons.items())
    report.added = [rel for rel in report.added if rel in loaded]
    report.updated = [rel for rel in report.updated if rel in loaded]
    report.unchanged = len(plan.unchanged)
    return loaded


def _write_and_publish(s: Settings, plan: _Plan, report: BuildReport, loaded: dict[str, list[Document]],
                       progress: Progress, lexical_only: bool) -> None:
    """Stage the new generation, publish it atomically, and drop generations no reader needs."""
    writer: StoreWriter = GenerationWriter(s.index_dir)
    try:
        _write_generation(writer, s, plan, report, loaded, progress, lexical_only)
        report.generation = generations.publish(s.index_dir, writer.path).name
    except BaseException:
        writer.abandon()
        raise
    generations.collect_garbage(s.index_dir)


def build_lexical_first(settings: Settings | None = None, rebuild: bool = False, progress: Progress | None = None,
                        log: Callable[[str], None] | None = None, force: bool = False,
                        on_lexical: Callable[[BuildReport], None] | None = None) -> BuildReport:
    """A build that serves early: the keyword-only generation first (when a full embedding is due), then the
    vectors. ``on_lexical`` hears of the first generation as soon as it is published (questions can be asked);
    the report returned is the second build's, with the first's file lists. A crash between the two leaves the
    keyword-only index serving, and the next build embeds it."""
    first = build(settings, rebuild, progress, log, force, lexical_only=True)
    if not first.dense_pending:
        return first  # the index had vectors: updated as usual
    if on_lexical is not None:
        on_lexical(first)
    second = build(settings, False, progress, log, force)
    for name in ("added", "updated", "removed", "failed", "kept", "skipped", "warnings", "duplicates", "ignored"):
        earlier = getattr(first, name)
        setattr(second, name, earlier + [x for x in getattr(second, name) if x not in earlier])
    second.full_rebuild, second.rebuild_reason = first.full_rebuild, first.rebuild_reason
    second.outcomes_extracted += first.outcomes_extracted
    second.new_chunks += first.new_chunks
    second.seconds += first.seconds
    second.lexical_seconds = first.seconds
    return second


def _write_generation(writer: StoreWriter, s: Settings, plan: _Plan, report: BuildReport,
                      loaded: dict[str, list[Document]], progress: Progress, lexical_only: bool) -> None:
    """The new generation's rows (documents, chunks, outcomes, files), its search indexes and its manifest."""
    next_doc_no, to_chunk, docs_per_file, indexed = _write_documents(writer, plan, report, loaded)
    next_chunk_id = plan.prev_manifest.get("next_chunk_id", 1)
    for i, (doc_no, doc) in enumerate(to_chunk):
        cut = plan.prepared.get(id(doc))  # (document, chunks, BM25 tokens) cut by the engine
        chunks = cut[1] if cut else chunk_document(doc, s.chunk_tokens, s.chunk_overlap, s.encoding)
        tokens = cut[2] if cut else [chunk_tokens(doc.title, c.section, c.text) for c in chunks]
        writer.add_chunks(doc_no, chunks, next_chunk_id, tokens)
        next_chunk_id += len(chunks)
        report.new_chunks += len(chunks)
        progress("chunking", i + 1, len(to_chunk))
    _store_outcomes(writer, report, progress)

    skipped = {rel: why for rel, why in report.skipped if rel not in report.kept}
    files = [(rel, sha, size, "skipped", skipped[rel], 0) if rel in skipped
             else (rel, sha, size, "indexed", None, len(loaded[rel]) if rel in loaded else docs_per_file.get(rel, 0))
             for rel, (sha, size) in plan.hashes.items()]
    writer.add_files(files)

    # No vectors for a keyword-only generation (lexical_only, when there are none to update).
    has_vectors = plan.previous is not None and not plan.prev_manifest.get("dense_pending")
    report.dense_pending = lexical_only and not has_vectors
    dimension = _write_search_indexes(writer, s, plan, report, progress)
    report.documents = indexed
    report.chunks = len(writer.chunk_ids())
    writer.finish({
        "shape": index_shape(s),
        "shape_fingerprint": index_fingerprint(s),  # the same, hashed: equal for indexes built the same way
        "model_fingerprint": plan.fingerprint,
        "dimension": int(dimension),
        "documents": report.documents,
        "chunks": report.chunks,
        "next_doc_no": next_doc_no,
        "next_chunk_id": next_chunk_id,
        "outcomes_version": EXTRACTOR_VERSION,  # a build with another extractor re-extracts (see build())
        # Chunk ids and doc_no mean the same across the generations of one lineage (a full build starts one):
        # what lets a store mirror a generation as a change to the previous one (rag/index/postgres_sync.py).
        "lineage": plan.prev_manifest.get("lineage") or uuid.uuid4().hex,
        "corpus_dir": str(Path(s.corpus_dir).resolve()),
        # Also relative to the index: a project folder moved or copied whole keeps its corpus.
        "corpus_from_index": os.path.relpath(Path(s.corpus_dir).resolve(), Path(s.index_dir).resolve()),
    })


def _write_documents(writer: StoreWriter, plan: _Plan, report: BuildReport,
                     loaded: dict[str, list[Document]]) -> tuple[int, list[tuple[int, Document]], dict[str, int], int]:
    """Documents of unchanged files carried over, new ones added, each copy of a paper deduplicated. Returns the
    next doc_no, the documents to cut into chunks, documents per unchanged file, and how many serve."""
    next_doc_no = plan.prev_manifest.get("next_doc_no", 1)
    # Candidates for dedup: documents of unchanged files (from the previous generation) and the new ones.
    kept_prev = [d for d in plan.prev_docs if d["source_path"] in plan.unchanged]
    docs_per_file: dict[str, int] = {}
    for d in kept_prev:
        docs_per_file[d["source_path"]] = docs_per_file.get(d["source_path"], 0) + 1
    candidates = [Candidate(**{k: d[k] for k in Candidate.__dataclass_fields__}) for d in kept_prev]
    new_docs: dict[int, Document] = {}
    new_sha: dict[int, str] = {}
    for rel in sorted(loaded):
        for doc in loaded[rel]:
            doc.source_path = rel
            new_docs[next_doc_no] = doc
            new_sha[next_doc_no] = text_fingerprint(doc.text)
            candidates.append(Candidate(
                doc_no=next_doc_no, doc_id=doc.doc_id, source_type=doc.source_type, source_path=rel,
                text_sha=new_sha[next_doc_no], text_len=len(doc.text), title=doc.title,
                text_kind=doc.extra.get("text_kind"), pmid=doc.pmid, doi=doc.doi, pmcid=doc.pmcid,
                nct_id=doc.nct_id, url=doc.url,
            ))
            next_doc_no += 1
    decisions = choose_copies(candidates)

    # Carry unchanged documents over; their chunks too when they still serve.
    was_indexed = {d["doc_no"] for d in kept_prev if d["status"] == "indexed"}
    stays_indexed = {n for n in was_indexed if decisions[n].status == "indexed"}
    if plan.previous is not None:
        writer.copy_documents(plan.previous, [d["doc_no"] for d in kept_prev], stays_indexed)
    to_chunk: list[tuple[int, Document]] = []
    for d in kept_prev:
        dec = decisions[d["doc_no"]]
        if (dec.status, dec.duplicate_of) != (d["status"], d["duplicate_of"]):  # most documents keep theirs
            writer.set_status(d["doc_no"], dec.status, dec.duplicate_of)
        if dec.status == "indexed" and d["doc_no"] not in was_indexed:
            to_chunk.append((d["doc_no"], writer.document(d["doc_no"])))  # its richer copy is gone: it serves now
    for doc_no, doc in new_docs.items():
        dec = decisions[doc_no]
        writer.add_document(doc_no, doc, new_sha[doc_no], dec.status, dec.duplicate_of)
        if dec.status == "indexed":
            to_chunk.append((doc_no, doc))
    _link_duplicates(writer, candidates, decisions, report)
    return next_doc_no, to_chunk, docs_per_file, sum(1 for d in decisions.values() if d.status == "indexed")


def _write_search_indexes(writer: StoreWriter, s: Settings, plan: _Plan, report: BuildReport,
                          progress: Progress) -> int:
    """BM25 and FAISS (rag/index/writer.py), the vectors embedded only when the cache has never seen their text
    with this model; none for a keyword-only generation. Returns the vectors' dimension."""
    if report.dense_pending:
        return writer.write_search_indexes(plan.previous, plan.prev_manifest, embed=None)
    cache = EmbeddingCache(Path(s.index_dir) / "cache", plan.fingerprint, plan.prev_manifest.get("dimension") or 0)
    try:
        dimension = writer.write_search_indexes(
            plan.previous, plan.prev_manifest, embed=lambda rows, dim: _embed(s, cache, rows, dim, progress, report))
        if cache.count() > 2 * len(writer.chunk_ids()):
            cache.prune({text_key(embedding_input(r.title, r.section, r.text)) for r in writer.chunk_rows()})
    finally:
        cache.close()
    return dimension


def _store_outcomes(writer, report: BuildReport, progress: Progress) -> None:
    """Every indexed document gets an outcome record of this EXTRACTOR_VERSION: copied from the previous
    generation when it has one (copy_documents), else extracted from the document's text. One document's failure
    never fails the build: it is reported, and its record stays empty."""
    t0 = time.perf_counter()
    todo = writer.outcomes_missing(EXTRACTOR_VERSION)
    for i, doc_no in enumerate(todo):
        doc = writer.document(doc_no)
        try:
            record = extract_outcomes(doc)
            record.version = EXTRACTOR_VERSION
            data = record.to_json()
        except Exception as err:  # noqa: BLE001 (an extractor bug must not cost an index)
            msg = f"outcome extraction failed for {doc.doc_id} ({type(err).__name__}: {err}); its record is empty"
            logger.warning("%s: %s", doc.source_path, msg)
            report.warnings.append((doc.source_path, msg))
            data = StudyOutcomes(doc_id=doc.doc_id, pmid=doc.pmid, version=EXTRACTOR_VERSION).to_json()
        writer.add_outcomes(doc_no, EXTRACTOR_VERSION, data)
        progress("outcomes", i + 1, len(todo))
    report.outcomes_extracted = len(todo)
    report.outcomes_seconds = time.perf_counter() - t0


def _embed(s: Settings, cache: EmbeddingCache, rows: list[ChunkRow], dimension: int | None, progress: Progress,
           report: BuildReport):
    """Vectors of these chunk rows: cached ones read, the rest embedded."""
    import numpy as np

    inputs = [embedding_input(r.title, r.section, r.text) for r in rows]
    keys = [text_key(t) for t in inputs]
    known = cache.get_many(keys)
    missing = len({k for k in keys if k not in known})
    dimension = dimension or (len(next(iter(known.values()))) if known else None)
    if not missing and dimension:
        vectors = np.vstack([known[k] for k in keys]) if keys else np.zeros((0, dimension), np.float32)
        return vectors, dimension
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        progress("embedding", done[0], missing)

    t0 = time.perf_counter()
    # Nothing missing but no dimension known (an empty cache and no texts): the local model says it.
    engine = engine_for(s) if missing else LocalEngine(s)
    vectors, embedded, dimension = engine.embed(cache, inputs, tick, report)
    report.embed_seconds += time.perf_counter() - t0
    report.embedded += embedded
    return vectors, dimension


def _link_duplicates(writer, candidates: list[Candidate], decisions, report: BuildReport) -> None:
    """Record each duplicate in the serving copy's metadata, and fill the serving copy's missing identifiers."""
    serving = {c.doc_id: c for c in candidates if decisions[c.doc_no].status == "indexed"}
    linked: dict[str, list[Candidate]] = {}
    for c in candidates:
        dec = decisions[c.doc_no]
        if dec.status == "duplicate":
            linked.setdefault(dec.duplicate_of, []).append(c)
            report.duplicates.append((c.source_path, c.doc_id, dec.reason))
    for doc_id, copies in linked.items():
        winner = serving[doc_id]
        doc = writer.document(winner.doc_no)
        fills = {}
        for name in ("pmid", "doi", "pmcid"):
            if not getattr(doc, name):
                value = next((getattr(c, name) for c in copies if getattr(c, name)), None)
                if value:
                    fills[name] = value
        extra = dict(doc.extra, also_in=[
            {"doc_id": c.doc_id, "source_path": c.source_path, "source_type": c.source_type} for c in copies
        ])
        writer.set_status(winner.doc_no, "indexed", None, extra=extra, **fills)


def _shape_change(manifest: dict[str, Any], s: Settings, fingerprint: str) -> str:
    if manifest.get("format") != generations.FORMAT_VERSION:
        return f"index format {manifest.get('format')} is not the current {generations.FORMAT_VERSION}"
    built = manifest.get("shape", {})
    changed = [f"{k} {built.get(k)!r} -> {v!r}" for k, v in index_shape(s).items() if built.get(k) != v]
    if changed:
        return "settings changed: " + ", ".join(changed)
    if manifest.get("model_fingerprint") != fingerprint:
        return "the embedding model's files changed"
    return ""
