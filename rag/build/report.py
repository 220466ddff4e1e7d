"""What a build reports: the files added, updated, removed and skipped, the counts and times; and progress bars."""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass, field
from typing import Any, Callable

from ..dedup import where

# progress(stage, done, total): the CLI draws tqdm bars, the app a Gradio progress bar.
Progress = Callable[[str, int, int], None]


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
    documents: int = 0
    chunks: int = 0
    new_chunks: int = 0
    embedded: int = 0
    seconds: float = 0.0
    embed_seconds: float = 0.0
    up_to_date: bool = False
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
        if self.up_to_date and self.failed:
            lines.append(f"Index {self.index_dir} unchanged: nothing new in {self.corpus_dir} could be indexed.")
        elif self.up_to_date:
            lines.append(f"Index {self.index_dir} is up to date with {self.corpus_dir} ({self.unchanged} files unchanged).")
        else:
            what = "Full build" if self.full_rebuild else "Incremental update"
            lines.append(f"{what} of {self.index_dir} from {self.corpus_dir} -> {self.generation}"
                         + (f" ({self.rebuild_reason})" if self.rebuild_reason else ""))
        lines.append(
            f"  files: {len(self.added)} added, {len(self.updated)} updated, {len(self.removed)} removed, "
            f"{self.unchanged} unchanged, {len(self.skipped)} skipped"
        )
        rate = f", {self.embedded / self.embed_seconds:.1f} chunks/s" if self.embedded and self.embed_seconds else ""
        lines.append(
            f"  index: {self.documents} documents, {self.chunks} chunks ({self.new_chunks} new, "
            f"{self.embedded} embedded in {self.embed_seconds:.1f} s{rate}, the rest from the embedding cache)"
        )
        if self.duplicates:
            lines.append(f"  duplicates ({len(self.duplicates)}), linked to the copy that serves:")
            lines += [f"    {where(path, doc_id)}: {reason}" for path, doc_id, reason in self.duplicates[:20]]
            if len(self.duplicates) > 20:
                lines.append(f"    ... and {len(self.duplicates) - 20} more")
        if self.skipped:
            lines.append("  skipped files:")
            lines += [f"    {path}: {reason}" for path, reason in self.skipped]
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

