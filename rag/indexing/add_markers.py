"""The record an add leaves in corpus/added/ while it copies and builds (``.rag-add-<id>.json``, hidden: the build never
reads it as a paper): the files it copied, locked while the add runs, removed when its build is done, left unlocked
when it is interrupted. add.py writes it; the next build (update.py) finds the ones left and finishes them."""

from __future__ import annotations

import fcntl
import json
import os
import time
import uuid
from pathlib import Path

MARKER = ".rag-add-{}.json"  # an add in progress, in corpus/added/ (hidden: the build never reads it as a paper)


def interrupted_adds(corpus_dir: Path) -> list[tuple[Path, dict]]:
    """(record, what it says) of each `rag add` into this corpus that stopped before its build finished. A running
    add holds a lock on its record, so an add still at work is not counted."""
    found = []
    for path in sorted((Path(corpus_dir) / "added").glob(MARKER.format("*"))):
        try:
            with open(path) as fh:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # that add is still running
                try:
                    info = json.loads(fh.read() or "{}")
                except ValueError:
                    info = {}
        except OSError:
            continue
        found.append((path, info if isinstance(info, dict) else {}))
    return found


class AddMarker:
    """The record of an add in progress: the files it copied, locked while the add runs; removed when its build is
    done, left (unlocked) when it is interrupted."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.keep = folder, False
        self.path = folder / MARKER.format(uuid.uuid4().hex)
        self.started = time.strftime("%Y-%m-%d %H:%M")

    def __enter__(self) -> "AddMarker":
        # Locked before it has its name, so that no build takes it for the record of an add that stopped.
        tmp = self.folder / f".{uuid.uuid4().hex}.tmp"
        self.fh = open(tmp, "w")
        fcntl.flock(self.fh, fcntl.LOCK_EX)
        os.replace(tmp, self.path)
        self.write([])
        return self

    def write(self, files: list[str]) -> None:
        self.fh.seek(0)
        self.fh.truncate()
        json.dump({"started": self.started, "pid": os.getpid(), "files": files}, self.fh)
        self.fh.flush()

    def __exit__(self, *exc) -> None:
        if not self.keep:
            self.path.unlink(missing_ok=True)
        self.fh.close()  # releases the lock
