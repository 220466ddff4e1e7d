"""Index generations on disk: the folder layout, the CURRENT pointer, publishing, clean-up and the build lock.

Layout of an index folder::

    index/
      CURRENT            name of the live generation (replaced atomically with os.replace)
      gen-000007/        one complete, never-modified build
        manifest.json    model, dimension, chunking, FAISS type, counts (written last)
        meta.sqlite      files, documents (with text and citation fields), chunks (text, offsets, section, page)
        dense.faiss      vectors under stable chunk ids
        lexical/         BM25 postings in segments (shared with earlier generations by hard links)
      cache/             embeddings by (model fingerprint, text), shared by all generations
      tmp-*/             a build in progress (removed by the next build if that one crashed)
      .lock              held by the one build allowed at a time

Readers open the generation CURRENT names; a build writes a new generation beside it and only then
replaces CURRENT, so a crash at any moment leaves the previous index complete and loadable.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

FORMAT_VERSION = 3  # 3: incremental BM25 postings (rag/index/bm25.py) instead of a bm25s index
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
META = "meta.sqlite"
DENSE = "dense.faiss"
LEXICAL = "lexical"


class IndexNotFound(FileNotFoundError):
    pass


class IndexMismatch(RuntimeError):
    """The index was built with other settings (model, chunking) than the ones in use."""


class IndexCorrupt(RuntimeError):
    """A file of a published generation cannot be read (damaged on disk): the message names the file and the way
    out, a rebuild (`rag build --rebuild` replaces a damaged index; it needs no --force)."""

    def __init__(self, path: Path, err: BaseException | str):
        path = Path(path)
        index_dir = next((p.parent for p in path.parents if p.name.startswith("gen-")), path.parent)
        why = re.sub(r"^Error in .*? at \S+: ", "", str(err).strip()).splitlines()[0][:160] if str(err).strip() else ""
        why = why.split(". ")[0] or type(err).__name__  # the first sentence: numpy goes on about pickles
        super().__init__(f"the index file {path} is damaged and cannot be read ({why}): rebuild the index with "
                         f"`rag build --rebuild --index {index_dir}`")
        self.path = path


def shape_difference(built: dict[str, Any], wanted: dict[str, Any]) -> str:
    """What differs between the settings an index was built with and the settings asked for ('' if nothing)."""
    return ", ".join(f"{k}: index {built.get(k)!r} vs settings {wanted.get(k)!r}"
                     for k in wanted if built.get(k) != wanted.get(k))


def current_generation(index_dir: Path) -> Path | None:
    pointer = Path(index_dir) / CURRENT
    try:
        name = pointer.read_text().strip()
    except FileNotFoundError:
        return None
    gen = Path(index_dir) / name
    return gen if (gen / MANIFEST).exists() else None


def read_manifest(gen: Path) -> dict[str, Any]:
    return json.loads((gen / MANIFEST).read_text())


def publish(index_dir: Path, staged: Path) -> Path:
    """Move a complete staged build into place and point CURRENT at it (the atomic step)."""
    index_dir = Path(index_dir)
    numbers = [int(p.name[4:]) for p in index_dir.glob("gen-*") if p.name[4:].isdigit()]
    gen = index_dir / f"gen-{max(numbers, default=0) + 1:06d}"
    _fsync_tree(staged)
    os.rename(staged, gen)
    tmp_pointer = index_dir / f"{CURRENT}.tmp"
    with open(tmp_pointer, "w") as f:
        f.write(gen.name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp_pointer, index_dir / CURRENT)
    _fsync_dir(index_dir)
    return gen


def collect_garbage(index_dir: Path, keep: int = 2) -> list[str]:
    """Remove crashed builds' leftovers and generations older than the last ``keep`` (call under the build lock)."""
    index_dir = Path(index_dir)
    removed = []
    for p in index_dir.glob("tmp-*"):
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p.name)
    live = current_generation(index_dir)
    gens = sorted(p for p in index_dir.glob("gen-*") if p.is_dir())
    # Readers that loaded an older generation keep working: FAISS and BM25 are in memory, SQLite holds its inode.
    for p in gens[:-keep]:
        if live is None or p.resolve() != live.resolve():
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p.name)
    return removed


@contextmanager
def build_lock(index_dir: Path, wait: bool = True, on_wait=None) -> Iterator[None]:
    """One build at a time per index folder; the OS releases the lock if the build is killed. ``on_wait(msg)``
    is told when this build has to wait for another."""
    Path(index_dir).mkdir(parents=True, exist_ok=True)
    with open(Path(index_dir) / ".lock", "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            if not wait:
                raise RuntimeError(f"another build is running on {index_dir}") from err
            if on_wait:
                on_wait(f"another build is running on {index_dir}: waiting for it to finish")
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _fsync_tree(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_file():
            with open(p, "rb") as f:
                os.fsync(f.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
