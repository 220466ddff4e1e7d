"""The Library tab's handlers and the /add_files, /remove_files and /rescan API: the status lines (following a
background embedding), files added, papers removed, the corpus folder re-scanned, each with a progress bar."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import gradio as gr

from ..indexing import BuildRefused, add_files, build, remove_files
from ..config import Settings
from ..load import SUPPORTED_SUFFIXES, discover
from .markdown import md_escape, report_markdown, status_markdown
from .startup import index_stats, warm_up
from .uploads import upload_problem

STAGES = {"parsing": "Reading files", "chunking": "Cutting documents into passages",
          "outcomes": "Reading trial outcomes", "embedding": "Embedding passages"}
UNITS = {"parsing": "files", "chunking": "documents", "outcomes": "documents", "embedding": "passages"}


class LibraryActions:
    """What the Library tab's controls do, for one app's settings."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def refresh_status(self):
        stats = index_stats(self.settings)
        return status_markdown(stats, compact=True), status_markdown(stats)

    def on_load(self):
        """Status lines, and the year fields set to the library's range (left there, they filter nothing)."""
        stats = index_stats(self.settings)
        years = tuple((stats or {}).get("years") or (None, None))
        return (status_markdown(stats, compact=True), status_markdown(stats), years[0], years[1], list(years))

    def follow_embedding(self):
        """The status lines, and the ticker on while the index is keyword-only (its embedding under way)."""
        stats = index_stats(self.settings)
        pending = bool(stats and stats.get("dense_pending") and (stats.get("embedding") or {}).get("running"))
        return status_markdown(stats, compact=True), status_markdown(stats), gr.Timer(active=pending)

    def add_uploaded(self, files, progress=gr.Progress()):  # noqa: B008 (Gradio fills a Progress default)
        paths = [f if isinstance(f, str) else getattr(f, "path", None) or getattr(f, "name", "") for f in files or []]
        accepted, rejected = [], []
        for path in paths:
            problem = upload_problem(Path(path).name, os.path.getsize(path), self.settings.max_upload_mb,
                                     SUPPORTED_SUFFIXES)
            (rejected if problem else accepted).append(problem or path)
        if not accepted:
            if rejected:
                gr.Warning("Nothing was added: " + "; ".join(rejected))
            return report_markdown(None, rejected), "", *self.refresh_status()
        try:
            report = self._run_build(progress, lambda prog, log: add_files(accepted, self.settings, progress=prog,
                                                                            log=log))
        except BuildRefused as err:  # the app's corpus is not the index's: say so, change nothing
            gr.Warning(f"Not indexed: {err}")
            return f"**Not indexed:** {md_escape(str(err))}", str(err), *self.refresh_status()
        return report_markdown(report, rejected), report.summary(), *self.refresh_status()

    def rescan(self, progress=gr.Progress()):  # noqa: B008
        try:
            report = self._run_build(progress, lambda prog, log: build(self.settings, progress=prog, log=log))
        except BuildRefused as err:
            gr.Warning(f"Not rebuilt: {err}")
            return f"**Not rebuilt:** {md_escape(str(err))}", str(err), *self.refresh_status()
        return report_markdown(report), report.summary(), *self.refresh_status()

    def corpus_choices(self, chosen=None):
        """The corpus's files, as the remove list offers them (corpus-relative paths); of what was chosen, the
        files still there stay chosen (a cancelled removal keeps its choice)."""
        corpus = Path(self.settings.corpus_dir)
        files, _ = discover(corpus)
        choices = [str(f.relative_to(corpus)) for f in files]
        return gr.update(choices=choices, value=[c for c in chosen or [] if c in set(choices)])

    def remove(self, targets, progress=gr.Progress()):  # noqa: B008
        targets = [t for t in (targets or []) if str(t).strip()]
        if not targets:
            return "Choose the files (or ids) to remove first.", "", *self.refresh_status()
        try:
            report = self._run_build(progress, lambda prog, log: remove_files(targets, self.settings, progress=prog,
                                                                               log=log))
        except (ValueError, BuildRefused) as err:  # a target that is no corpus file or id: nothing is deleted
            gr.Warning(f"Nothing was removed: {err}")
            return f"**Nothing was removed:** {md_escape(str(err))}", str(err), *self.refresh_status()
        return report_markdown(report), report.summary(), *self.refresh_status()

    def _run_build(self, progress, run):
        progress(0, desc="Loading the model…")
        warm_up(self.settings)  # one model load: a build during the start-up warm-up would load a second copy
        progress(0, desc="Waiting for any other build to finish…")

        def on_progress(stage: str, done: int, total: int) -> None:
            progress((done, max(total, 1)), desc=STAGES.get(stage, stage), unit=UNITS.get(stage, "steps"))

        return run(on_progress, lambda msg: print(msg, file=sys.stderr))
