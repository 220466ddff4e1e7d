"""``rag add``: copy files or folders into the corpus folder, then bring the index up to date."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Callable, Iterable

from ..config import Settings
from ..load import DOC_FILE, SUPPORTED_SUFFIXES
from .report import BuildReport, Progress
from .update import build, file_sha256


def add_files(paths: Iterable[str | Path], settings: Settings | None = None, progress: Progress | None = None,
              log: Callable[[str], None] | None = None, force: bool = False) -> BuildReport:
    """Copy files (or the files of folders) into the corpus folder and bring the index up to date (``force``: as
    in build(), even if the index was built from another corpus folder)."""
    s = settings or Settings.load()
    corpus = Path(s.corpus_dir).resolve()
    dest_root = Path(s.corpus_dir) / "added"
    say = log or (lambda msg: None)
    # Every folder is read before anything is copied: one that cannot be (rag add /proc) copies nothing.
    walked = []
    for src in map(Path, paths):
        if not src.exists():
            raise FileNotFoundError(f"{src.resolve()} does not exist")
        try:
            items = [src] if src.is_file() else [p for p in sorted(src.rglob("*")) if p.is_file()]
        except OSError as err:
            raise ValueError(f"cannot read {err.filename or src} ({err.strerror or err}): nothing was copied") from err
        walked.append((src, items))
    for src, items in walked:
        for item in items:
            # Checked before copying: what could never be indexed, or is already in the corpus, stays out.
            if item.resolve().is_relative_to(corpus):
                say(f"{item}: already in the corpus, not copied")
                continue
            if item.suffix.lower() not in SUPPORTED_SUFFIXES:
                say(f"{item}: not copied: unsupported file type {item.suffix or '(no extension)'} "
                    f"(accepted: {', '.join(sorted(SUPPORTED_SUFFIXES))})")
                continue
            if item.stat().st_size == 0:
                say(f"{item}: not copied: the file is empty")
                continue
            rel = Path(item.name if src.is_file() else item.relative_to(src.parent))
            if DOC_FILE.search(rel.name) or any(part.startswith(".") for part in rel.parts):
                if not src.is_file():
                    continue  # a folder's own README, LICENSE or hidden files: the build would skip them too
                rel = rel.with_name(f"added-{rel.name.lstrip('.')}")  # named so that the build reads it
            target = dest_root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists() and file_sha256(target) == file_sha256(item):
                continue  # the same file was added before
            if target.exists():
                target = target.with_name(f"{target.stem}-{file_sha256(item)[:8]}{target.suffix}")
            # A private temporary name: two uploads of one name at once must not share it.
            tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
            shutil.copyfile(item, tmp)
            tmp.replace(target)  # never leaves a half-copied file for a concurrent build to index
    return build(s, progress=progress, log=log, force=force)

