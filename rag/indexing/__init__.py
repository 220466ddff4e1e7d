"""Indexing, the build stage: the corpus folder made into a published index generation (load -> chunk -> embed ->
index), by `rag build`, `build()`, `add_files()` and `remove_files()`; rag/index/ is what it writes and readers open.

    update.py      build(): what changed since the last generation, parsed, chunked, embedded and published
    add.py         add_files(): files copied into the corpus, then build()
    add_markers.py the record an add in progress leaves in corpus/added/, which the next build finishes if it stopped
    remove.py      remove_files(): files (or the files of indexed ids) taken out of the corpus, then build()
    report.py      BuildReport (what a build did) and progress bars
    ray_engine.py  parsing, chunking and embedding on a Ray cluster (Settings.engine "ray"), imported on demand
"""

from .add import add_files
from .remove import remove_files
from .report import BuildReport, Progress, tqdm_progress
from .guards import BuildRefused
from .update import build, build_lexical_first

__all__ = ["BuildRefused", "BuildReport", "Progress", "add_files", "build", "build_lexical_first", "remove_files",
           "tqdm_progress"]
