"""remove_files(): papers taken out of the corpus (by path or by an indexed id), then the index updated like any
build: their documents and chunks go, nothing else is parsed or embedded again."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from ..config import Settings
from .report import BuildReport, Progress
from .update import build


def resolve(targets: Iterable[str | Path], s: Settings) -> list[Path]:
    """The corpus files named by paths (inside the corpus folder) or by indexed ids (PMID:..., DOI:..., a bare PMID).
    Raises ValueError naming what matches no file of the corpus."""
    corpus = Path(s.corpus_dir).resolve()
    files: list[Path] = []
    store = None
    for target in targets:
        path = Path(target)
        candidates = [path, corpus / path]
        found = next((p.resolve() for p in candidates if p.is_file()), None)
        if found is None:
            if store is None:
                from ..index.store import open_store

                store = open_store(s)
            text = str(target)
            doc = next((d for d in (store.document(i) for i in (text, f"PMID:{text}", f"DOI:{text}", f"NCT:{text}"))
                        if d is not None), None)
            if doc is None or not doc.source_path:
                raise ValueError(f"{text!r} is neither a file of the corpus {corpus} nor an indexed paper's id")
            found = (corpus / doc.source_path).resolve()
            if not found.is_file():
                raise ValueError(f"{text!r} comes from {doc.source_path}, which is no longer in the corpus")
        if not found.is_relative_to(corpus):
            raise ValueError(f"{found} is not in the corpus {corpus}: only the corpus's own files are removed")
        if found not in files:
            files.append(found)
    return files


def remove_files(targets: Iterable[str | Path], settings: Settings | None = None, progress: Progress | None = None,
                 log: Callable[[str], None] | None = None) -> BuildReport:
    """Delete these corpus files (paths, or the files the indexed ids came from) and update the index. A file
    that holds several papers (a PubMed export) goes whole: the log names it."""
    s = settings or Settings.load()
    say = log or (lambda msg: None)
    files = resolve(list(targets), s)  # every target checked before anything is deleted
    for path in files:
        say(f"removing {path.relative_to(Path(s.corpus_dir).resolve())} from the corpus")
        path.unlink()
    return build(s, progress=progress, log=log)
