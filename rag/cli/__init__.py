"""The `rag` command: build, add, search, ask, eval, status. Thin: it calls the same functions a Python user calls."""

from __future__ import annotations

import os
import sqlite3
import sys

from .common import _settings as _settings  # re-exported: rag.cli._settings, as before the package
from .parser import build_parser

__all__ = ["build_parser", "main"]


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # here, not at exit: a reader that went away (`rag status | head -3`) is said below
        return code
    except BrokenPipeError:
        # Nothing more can be written to stdout; point it at /dev/null so that the exit's own flush is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        print(f"rag {args.command}: the output was closed before all of it was written", file=sys.stderr)
        return 1
    except (ValueError, FileNotFoundError, RuntimeError) as err:
        print(f"rag {args.command}: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C: what was done and what was not is logged above; no traceback
        print(f"rag {args.command}: interrupted", file=sys.stderr)
        return 130
    except sqlite3.DatabaseError as err:  # a damaged index file found while reading it
        print(f"rag {args.command}: the index database is damaged ({err}): rebuild the index with "
              f"`rag build --rebuild`", file=sys.stderr)
        return 1
    except OSError as err:  # a folder that cannot be read (rag add /proc), a path through a file...
        where = f": {err.filename}" if err.filename else ""
        print(f"rag {args.command}: {err.strerror or err}{where}", file=sys.stderr)
        return 1
