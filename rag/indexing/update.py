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
from pathlib import Path
from typing import Any, Callable

from ..chunk import chunk_document
from ..config import Settings
from ..dedup import Candidate, choose_copies, text_fingerprint
from ..embed import (EmbeddingCache, embed_with_cache, embedding_input, export_for_index, get_embedder, model_fingerprint,
                     text_key)
from ..index import generations, store
from ..index.bm25 import LexicalIndex
from ..index.dense import build_dense, dense_ids, read_dense, update_dense
from ..index.local import LocalStore
from ..index.writer import GenerationWriter, previous_state
from ..lexical.chunks import chunk_tokens
from ..load import LoadError, discover, display_path, load_file
from ..outcomes import EXTRACTOR_VERSION, StudyOutcomes, extract_outcomes
from ..datatypes import Document
from .add_markers import interrupted_adds
from .report import BuildReport, Progress, rough_time, size_text

logger = logging.getLogger(__name__)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class BuildRefused(RuntimeError):
    """A build that would lose most of an index (a wrong or empty corpus folder): refused unless forced."""


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
        # A keyword-only generation (lexical_only) is not up to date for a build that embeds: its vectors are due.
        dense_due = previous is not None and bool(prev_manifest.get("dense_pending")) and not lexical_only
        if outcomes_stale:
            say(f"outcome extractor {prev_manifest.get('outcomes_version') or '(none)'} -> {EXTRACTOR_VERSION}: "
                f"re-extracting the outcomes of every document (nothing is embedded again)")

        # Which files are new, changed, gone or unchanged (by content hash).
        ignored: list[tuple[Path, str]] = []
        paths, discovery_skips = discover(Path(s.corpus_dir), ignored)
        current = {_rel(p, s.corpus_dir): p for p in paths}
        hashes = {rel: (file_sha256(p), p.stat().st_size) for rel, p in current.items()}
        unchanged = {rel for rel, (sha, _) in hashes.items() if rel in prev_files and prev_files[rel][0] == sha}
        report.added = sorted(rel for rel in current if rel not in prev_files)
        report.updated = sorted(rel for rel in current if rel in prev_files and rel not in unchanged)
        report.removed = sorted(rel for rel in prev_files if rel not in current)
        report.unchanged = len(unchanged)
        report.skipped = [(display_path(_rel(p, s.corpus_dir)), why) for p, why in discovery_skips]
        report.ignored = [(_rel(p, s.corpus_dir), why) for p, why in ignored]
        if live is not None and not force:
            live_manifest = generations.read_manifest(live)
            try:
                live_files = prev_files if live == previous else previous_state(live)[0]
            except generations.IndexCorrupt as err:
                if not rebuild:
                    raise
                # A rebuild replaces a damaged index: what it held cannot be read, so only its corpus folder is
                # checked (a rebuild from another folder still needs --force).
                _refuse_other_corpus(live_manifest, s)
                say(f"{err.path} is damaged and cannot be read: rebuilding the index from {s.corpus_dir}")
                live_files = {}
            _refuse_loss(live_manifest, live_files, set(current), s)
        # Files an interrupted `rag add` copied are indexed now: said, never done silently (they can be large).
        interrupted = _interrupted_adds(s, current, unchanged, say)
        report.skipped += [(rel, prev_files[rel][2] or "") for rel in sorted(unchanged) if prev_files[rel][1] == "skipped"]
        if previous is not None and not (report.added or report.updated or report.removed or outcomes_stale
                                         or dense_due):
            stats = LocalStore(previous).stats()
            report.up_to_date, report.generation = True, previous.name
            report.documents, report.chunks = stats["documents"], stats["chunks"]
            report.seconds = time.perf_counter() - started
            store.sync(s, say)  # a store behind the index (settings.store_url) catches up
            _finish(interrupted)
            return report

        # Parse what is new or changed (engine "ray": on a Ray cluster, which also cuts their chunks).
        to_load = report.added + report.updated
        loaded: dict[str, list[Document]] = {}
        prepared: dict[int, tuple] = {}  # id(document) -> (document, chunks, BM25 tokens), cut by the engine
        parsed = _ray().parse_files(s, [(rel, current[rel]) for rel in to_load], prepared, progress, report) \
            if s.engine == "ray" else None
        for i, rel in enumerate(to_load):
            try:
                result = load_file(current[rel], root=Path(s.corpus_dir)) if parsed is None else parsed[rel]
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
            if parsed is None:
                progress("parsing", i + 1, len(to_load))
        # A file that no longer parses keeps its last good version in the index (recorded with that version's
        # hash, so the next build tries the new one again); added/updated name only what was indexed.
        reasons = dict(report.skipped)
        report.failed = [rel for rel in to_load if rel not in loaded]
        for rel in report.failed:
            if prev_files.get(rel, ("", ""))[1] == "indexed":
                unchanged.add(rel)
                hashes[rel] = (prev_files[rel][0], hashes[rel][1])
                report.kept.append(rel)
                reasons[rel] += "; its last good version stays indexed"
        report.skipped = list(reasons.items())
        report.added = [rel for rel in report.added if rel in loaded]
        report.updated = [rel for rel in report.updated if rel in loaded]
        report.unchanged = len(unchanged)
        if previous is not None and not (loaded or report.removed or outcomes_stale or dense_due):  # nothing changed
            stats = LocalStore(previous).stats()
            report.up_to_date, report.generation = True, previous.name
            report.documents, report.chunks = stats["documents"], stats["chunks"]
            report.seconds = time.perf_counter() - started
            store.sync(s, say)
            _finish(interrupted)
            return report

        writer = GenerationWriter(s.index_dir)
        try:
            report = _write_generation(
                writer, s, report, previous, prev_docs, prev_manifest, unchanged, loaded, hashes, fingerprint, progress,
                prepared, lexical_only,
            )
            staged = writer.path
            report.generation = generations.publish(s.index_dir, staged).name
        except BaseException:
            writer.abandon()
            raise
        generations.collect_garbage(s.index_dir)
        if not report.dense_pending:  # a store mirrors whole generations: the keyword-only one waits for its vectors
            store.sync(s, say)  # mirror the new generation into settings.store_url (PostgreSQL), if set
        _finish(interrupted)
    report.seconds = time.perf_counter() - started
    return report


def check_refusal(s: Settings) -> None:
    """Raise BuildRefused now when a build of this corpus into this index would be refused (the index was built from
    another corpus folder, or most of its files are gone): rag add asks before it copies anything."""
    live = generations.current_generation(s.index_dir)
    if live is None:
        return
    paths, _ = discover(Path(s.corpus_dir))
    _refuse_loss(generations.read_manifest(live), previous_state(live)[0], {_rel(p, s.corpus_dir) for p in paths}, s)


def _interrupted_adds(s: Settings, current: dict[str, Path], unchanged: set[str], say) -> list[Path]:
    """The records of `rag add` runs that stopped before their build finished (add_markers.py); for each whose
    files this build indexes, a message naming them, their size and a rough time."""
    markers = []
    for marker, info in interrupted_adds(Path(s.corpus_dir)):
        markers.append(marker)
        waiting = [rel for rel in info.get("files", []) if rel in current and rel not in unchanged]
        if not waiting:
            continue
        sizes = {rel: current[rel].stat().st_size for rel in waiting}
        chars = sum(size // (20 if rel.lower().endswith(".pdf") else 1) for rel, size in sizes.items())
        shown = ", ".join(f"{rel} ({size_text(size)})" for rel, size in list(sizes.items())[:10])
        more = f" and {len(waiting) - 10} more" if len(waiting) > 10 else ""
        say(f"finishing a `rag add` that was interrupted (started {info.get('started', '?')}): {shown}{more}; "
            f"{rough_time(chars, s.threads or os.cpu_count() or 1)}. To cancel it, delete these files from "
            f"{Path(s.corpus_dir) / 'added'} and build again")
    return markers


def _finish(markers: list[Path]) -> None:
    """The interrupted adds whose files this build took in are done."""
    for marker in markers:
        marker.unlink(missing_ok=True)


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
        setattr(second, name, getattr(first, name) + [x for x in getattr(second, name) if x not in getattr(first, name)])
    second.full_rebuild, second.rebuild_reason = first.full_rebuild, first.rebuild_reason
    second.outcomes_extracted += first.outcomes_extracted
    second.new_chunks += first.new_chunks
    second.seconds += first.seconds
    second.lexical_seconds = first.seconds
    return second


def _write_generation(writer, s, report, previous, prev_docs, prev_manifest, unchanged, loaded, hashes, fingerprint, progress,
                      prepared=None, lexical_only=False) -> BuildReport:
    next_doc_no = prev_manifest.get("next_doc_no", 1)
    next_chunk_id = prev_manifest.get("next_chunk_id", 1)

    # Candidates for dedup: documents of unchanged files (from the previous generation) and the new ones.
    kept_prev = [d for d in prev_docs if d["source_path"] in unchanged]
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
    if previous is not None:
        writer.copy_documents(previous, [d["doc_no"] for d in kept_prev], stays_indexed)
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

    for i, (doc_no, doc) in enumerate(to_chunk):
        cut = prepared.get(id(doc)) if prepared else None  # (document, chunks, BM25 tokens) cut by the engine
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
             for rel, (sha, size) in hashes.items()]
    writer.add_files(files)

    # Vectors: the previous generation's FAISS index, less the chunks that went, plus the new ones (embedded
    # only when the cache has never seen their text with this model). A fresh index when there is none to
    # update or the index must change type; its vectors then come mostly from the cache.
    import numpy as np

    ids = writer.chunk_ids()
    dense = lexical = None
    dimension = prev_manifest.get("dimension") or 0
    if previous is not None:
        # BM25: the previous generation's postings (hard-linked), plus a segment for the new chunks.
        held_lexical = LexicalIndex.load(previous / generations.LEXICAL)
        held = held_lexical.chunk_ids[held_lexical.live]
        new = ~np.isin(ids, held)
        lexical = held_lexical.updated([r[4].split() for r in writer.chunk_rows(ids[new])], ids[new],
                                       np.setdiff1d(held, ids))
    if lexical is None:
        lexical = LexicalIndex.build([r[4].split() for r in writer.chunk_rows()], ids)
    has_vectors = previous is not None and not prev_manifest.get("dense_pending")
    report.dense_pending = lexical_only and not has_vectors
    if not report.dense_pending:
        cache = EmbeddingCache(Path(s.index_dir) / "cache", fingerprint, dimension)
        try:
            if has_vectors:
                held_index = read_dense(previous / generations.DENSE)
                held = dense_ids(held_index)
                new = ~np.isin(ids, held)
                vectors, dimension = _embed(s, cache, writer.chunk_rows(ids[new]), dimension, progress, report)
                dense = update_dense(held_index, prev_manifest.get("faiss", {"type": "flat"}), np.setdiff1d(held, ids),
                                     vectors, ids[new], len(ids))
            if dense is None:
                vectors, dimension = _embed(s, cache, writer.chunk_rows(), dimension, progress, report)
                dense = build_dense(vectors, ids, dimension)
            if cache.count() > 2 * len(ids):
                cache.prune({text_key(embedding_input(r[1], r[2], r[3])) for r in writer.chunk_rows()})
        finally:
            cache.close()

    report.documents = sum(1 for d in decisions.values() if d.status == "indexed")
    report.chunks = len(ids)
    manifest = {
        "shape": s.index_shape(),
        "shape_fingerprint": s.index_fingerprint(),  # the same, hashed: equal for indexes built the same way
        "model_fingerprint": fingerprint,
        "dimension": int(dimension),
        "documents": report.documents,
        "chunks": report.chunks,
        "next_doc_no": next_doc_no,
        "next_chunk_id": next_chunk_id,
        "outcomes_version": EXTRACTOR_VERSION,  # a build with another extractor re-extracts (see build())
        # No vectors yet (lexical_only): readers search by keyword; the next build embeds.
        "dense_pending": report.dense_pending,
        # Chunk ids and doc_no mean the same across the generations of one lineage (a full build starts one):
        # what lets a store mirror a generation as a change to the previous one (rag/index/postgres_sync.py).
        "lineage": prev_manifest.get("lineage") or uuid.uuid4().hex,
        "corpus_dir": str(Path(s.corpus_dir).resolve()),
        # Also relative to the index: a project folder moved or copied whole keeps its corpus.
        "corpus_from_index": os.path.relpath(Path(s.corpus_dir).resolve(), Path(s.index_dir).resolve()),
    }
    writer.finish(dense[0] if dense else None, dense[1] if dense else {"type": "pending"}, lexical, manifest)
    return report


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


def _embed(s: Settings, cache: EmbeddingCache, rows: list[tuple], dimension: int | None, progress: Progress,
           report: BuildReport):
    """Vectors of these chunk rows (chunk_id, title, section, text, tokens): cached ones read, the rest embedded."""
    import numpy as np

    inputs = [embedding_input(title, section, text) for _, title, section, text, _ in rows]
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
    if s.engine == "ray" and missing:  # model actors on a Ray cluster embed; the cache stays on this machine
        vectors, embedded = _ray().embed_with_cache(s, cache, inputs, tick, report)
        dimension = vectors.shape[1]
    else:
        # The ONNX export made at the start of the build (1.1-1.4x torch's speed here; torch if it cannot be had).
        embedder = get_embedder(s.model, s.threads, onnx=True, index_dir=s.index_dir)
        vectors, embedded = embed_with_cache(embedder, cache, inputs, s.embed_batch_size, tick)
        dimension = embedder.dimension
    report.embed_seconds += time.perf_counter() - t0
    report.embedded += embedded
    return vectors, dimension


def _ray():
    """The Ray engine (rag/indexing/ray_engine.py), imported only when a build asks for it: `import rag` needs no
    Ray."""
    from . import ray_engine

    return ray_engine


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


def _refuse_loss(manifest: dict[str, Any], live_files: dict[str, Any], current: set[str], s: Settings) -> None:
    """Raise BuildRefused when this build would drop another corpus's files, or all or most of the index's."""
    gone = [rel for rel in live_files if rel not in current]
    if not gone:
        return  # nothing lost (a corpus folder that moved with its files is fine)
    built_from = manifest.get("corpus_dir")
    here = Path(s.corpus_dir).resolve()
    override = "pass --force (force=True) to build it anyway"
    same = [(Path(s.index_dir) / manifest["corpus_from_index"]).resolve()] if manifest.get("corpus_from_index") else []
    same += [Path(built_from).resolve()] if built_from else []
    if same and here not in same:
        built_from = next((p for p in same if p.is_dir()), same[-1])  # where that corpus is now, if anywhere
        raise BuildRefused(
            f"the index {s.index_dir} was built from the corpus {built_from}, not {here}: this build would remove "
            f"{len(gone)} of its {len(live_files)} files. Give --corpus {built_from}, another --index, or {override}")
    if len(gone) == len(live_files) or (len(gone) >= 2 and 2 * len(gone) > len(live_files)):
        raise BuildRefused(
            f"{len(gone)} of the {len(live_files)} files indexed in {s.index_dir} are no longer in {here} "
            f"(e.g. {gone[0]}): this build would remove {'all' if len(gone) == len(live_files) else 'most'} of the "
            f"index. Check the corpus folder, or {override}")


def _refuse_other_corpus(manifest: dict[str, Any], s: Settings) -> None:
    """Raise BuildRefused when the index was built from another corpus folder than this build's."""
    here = Path(s.corpus_dir).resolve()
    same = [(Path(s.index_dir) / manifest["corpus_from_index"]).resolve()] if manifest.get("corpus_from_index") else []
    same += [Path(manifest["corpus_dir"]).resolve()] if manifest.get("corpus_dir") else []
    if same and here not in same:
        raise BuildRefused(f"the index {s.index_dir} was built from the corpus {same[-1]}, not {here}: give --corpus "
                           f"{same[-1]}, another --index, or pass --force (force=True) to build it anyway")


def _shape_change(manifest: dict[str, Any], s: Settings, fingerprint: str) -> str:
    if manifest.get("format") != generations.FORMAT_VERSION:
        return f"index format {manifest.get('format')} is not the current {generations.FORMAT_VERSION}"
    built = manifest.get("shape", {})
    changed = [f"{k} {built.get(k)!r} -> {v!r}" for k, v in s.index_shape().items() if built.get(k) != v]
    if changed:
        return "settings changed: " + ", ".join(changed)
    if manifest.get("model_fingerprint") != fingerprint:
        return "the embedding model's files changed"
    return ""


def _rel(path: Path, root: Path | str) -> str:
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()
