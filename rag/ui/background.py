"""The app's background embedding: a first start publishes a keyword-only index within seconds and serves it,
while this thread embeds the passages and publishes the full index (rag/indexing/update.py build_lexical_first).
The status line reads its progress ("semantic search: 1,240 of 3,680 passages")."""

from __future__ import annotations

import sys
import threading
import traceback
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Embedding:
    """Where the background embedding stands: passages done of total, and how it ended."""

    done: int = 0
    total: int = 0
    running: bool = False
    error: str | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def progress(self, stage: str, done: int, total: int) -> None:
        if stage == "embedding":
            with self._lock:
                self.done, self.total = done, total

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {"done": self.done, "total": self.total, "running": self.running, "error": self.error}


EMBEDDING = Embedding()


def embed_in_background(settings, on_done=None) -> threading.Thread:
    """Run the build that embeds a keyword-only index (and anything added meanwhile) in a daemon thread; its
    progress goes to EMBEDDING, its summary to stderr. A failure is logged and kept in EMBEDDING.error: the
    keyword-only index keeps serving, and the next build (a restart, an upload, `rag build`) embeds it."""
    from rag.indexing import build

    EMBEDDING.running, EMBEDDING.error = True, None

    def run() -> None:
        try:
            report = build(settings, progress=EMBEDDING.progress, log=lambda m: print(m, file=sys.stderr))
            print(report.summary(), file=sys.stderr, flush=True)
        except Exception as err:  # noqa: BLE001 (the app keeps serving the keyword-only index)
            EMBEDDING.error = f"{type(err).__name__}: {err}"
            traceback.print_exc()
        finally:
            EMBEDDING.running = False
            if on_done is not None:
                on_done()

    thread = threading.Thread(target=run, name="background-embedding", daemon=True)
    thread.start()
    return thread
