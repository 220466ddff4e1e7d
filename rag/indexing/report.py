"""What a build reports: the files added, updated, removed and skipped, the counts and times; and progress bars."""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass, field
from typing import Any, Callable

from ..dedup import where

# progress(stage, done, total): the CLI draws tqdm bars, the app a Gradio progress bar.
Progress = Callable[[str, int, int], None]

# For the rough time a file will take, said before the work starts: characters of text per chunk (200-token
# chunks overlapping by 40, measured on the bundled corpus: 490 for abstracts, 720 for full texts) and the
# embedding speed measured on 2 CPU cores (docs/benchmarks.md: 13.4 chunks/s), which most of a build's time is.
CHARS_PER_CHUNK = 650
CHUNKS_PER_SECOND_2_CORES = 13.4


def size_text(n_bytes: int) -> str:
    """'35 KB', '1.5 MB' (KB and MB of 1024, as the upload limit counts them)."""
    return f"{n_bytes / 1024:.0f} KB" if n_bytes < 1024 * 1024 else f"{n_bytes / 1024 / 1024:.1f} MB"


def rough_time(chars: int, cores: int) -> str:
    """'roughly 60 chunks to embed, about 5 s' for this much text: an estimate from the text's length alone."""
    chunks = max(1, round(chars / CHARS_PER_CHUNK))
    seconds = chunks / (CHUNKS_PER_SECOND_2_CORES * max(1, cores) / 2)
    when = (f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min" if seconds < 5400
            else f"{seconds / 3600:.1f} h")
    return f"roughly {chunks:,} chunks to embed, about {when} on {cores} CPU cores"


@dataclass
class BuildReport:
    corpus_dir: str
    index_dir: str
    generation: str | None = None
    full_rebuild: bool = False
    rebuild_reason: str = ""
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # New or changed files that could not be read this time (also in skipped, with the reason); of those, the
    # changed files whose last good version stays indexed.
    failed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (source path, doc id, reason)
    # Documentation files beside the papers (README, LICENSE, NOTICE, PROVENANCE), not read: (path, reason).
    ignored: list[tuple[str, str]] = field(default_factory=list)
    # rag add: the files copied into the corpus (corpus-relative), and those it did not copy, with the reason.
    copied: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    documents: int = 0
    chunks: int = 0
    new_chunks: int = 0
    embedded: int = 0
    seconds: float = 0.0
    embed_seconds: float = 0.0
    # Trial outcomes (rag/outcomes/): documents whose record was extracted in this build (the rest were copied
    # from the previous generation), and the time extraction took.
    outcomes_extracted: int = 0
    outcomes_seconds: float = 0.0
    up_to_date: bool = False
    # A keyword-only generation was published (build(lexical_only=True)): its vectors are still to be embedded.
    # lexical_seconds: how long that first generation took (build_lexical_first).
    dense_pending: bool = False
    lexical_seconds: float = 0.0
    engine: str = "local"
    # engine "ray": the work each Ray node did, {node id: {address, files, chunks, embedded}}.
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Non-zero exit only when nothing could be indexed although there was something to index."""
        return self.documents > 0 or not (self.skipped or self.added or self.updated)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        lines = []
        if self.refused and not self.copied and self.generation is None and not self.up_to_date:  # rag add, no build
            lines.append(f"Nothing added to {self.corpus_dir}: no file could be copied "
                         f"(index {self.index_dir} unchanged).")
            lines += [f"    {path}: {reason}" for path, reason in self.refused]
            return "\n".join(lines)
        if self.up_to_date and self.failed:
            lines.append(f"Index {self.index_dir} unchanged: nothing new in {self.corpus_dir} could be indexed.")
        elif self.up_to_date:
            lines.append(f"Index {self.index_dir} is up to date with {self.corpus_dir} "
                         f"({self.unchanged} files unchanged).")
        else:
            what = "Full build" if self.full_rebuild else "Incremental update"
            lines.append(f"{what} of {self.index_dir} from {self.corpus_dir} -> {self.generation}"
                         + (f" ({self.rebuild_reason})" if self.rebuild_reason else ""))
        lines.append(
            f"  files: {len(self.added)} added, {len(self.updated)} updated, {len(self.removed)} removed, "
            f"{self.unchanged} unchanged, {len(self.skipped)} skipped"
        )
        rate = f", {self.embedded / self.embed_seconds:.1f} chunks/s" if self.embedded and self.embed_seconds else ""
        vectors = "none embedded yet" if self.dense_pending else \
            f"{self.embedded} embedded in {self.embed_seconds:.1f} s{rate}, the rest from the embedding cache"
        lines.append(f"  index: {self.documents} documents, {self.chunks} chunks ({self.new_chunks} new, {vectors})")
        if self.dense_pending:
            lines.append("  vectors: not embedded yet: keyword search only until the next build embeds them")
        if self.lexical_seconds:
            lines.append(f"  keyword-only index served after {self.lexical_seconds:.1f} s, "
                         f"while the passages were embedded")
        if self.outcomes_extracted:
            rest = ", the rest copied" if self.outcomes_extracted < self.documents else ""
            lines.append(f"  outcomes: {self.outcomes_extracted} documents extracted in "
                         f"{self.outcomes_seconds:.1f} s{rest}")
        if self.refused:
            lines.append("  not added (not copied into the corpus):")
            lines += [f"    {path}: {reason}" for path, reason in self.refused]
        if self.duplicates:
            lines.append(f"  duplicates ({len(self.duplicates)}), linked to the copy that serves:")
            lines += [f"    {where(path, doc_id)}: {reason}" for path, doc_id, reason in self.duplicates[:20]]
            if len(self.duplicates) > 20:
                lines.append(f"    ... and {len(self.duplicates) - 20} more")
        if self.skipped:
            lines.append("  skipped files:")
            lines += [f"    {path}: {reason}" for path, reason in self.skipped]
        if self.ignored:
            lines.append(f"  not read ({len(self.ignored)} documentation files beside the papers):")
            lines += [f"    {path}" for path, _ in self.ignored]
        if self.warnings:
            lines.append(f"  warnings ({len(self.warnings)}):")
            lines += [f"    {path}: {msg}" for path, msg in self.warnings[:20]]
            if len(self.warnings) > 20:
                lines.append(f"    ... and {len(self.warnings) - 20} more")
        if self.nodes:
            lines.append(f"  engine {self.engine}, {len(self.nodes)} nodes: " + "; ".join(
                f"{n['address'] or node[:8]} ({n['files']} files, {n['chunks']} chunks cut, {n['embedded']} embedded)"
                for node, n in sorted(self.nodes.items(), key=lambda kv: kv[1]['address'])))
        lines.append(f"  time: {self.seconds:.1f} s")
        return "\n".join(lines)


def tqdm_progress() -> Progress:
    """A Progress that draws one tqdm bar per stage on stderr."""
    from tqdm import tqdm

    bars: dict[str, Any] = {}

    def report(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, unit="", file=sys.stderr, dynamic_ncols=True)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return report

