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
from typing import TYPE_CHECKING

from .report import rough_time, size_text

if TYPE_CHECKING:
    from ..config import Settings

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


def announce_interrupted_adds(s: Settings, current: dict[str, Path], unchanged: set[str], say) -> list[Path]:
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


def finish_adds(markers: list[Path]) -> None:
    """The interrupted adds whose files this build took in are done."""
    for marker in markers:
        marker.unlink(missing_ok=True)
