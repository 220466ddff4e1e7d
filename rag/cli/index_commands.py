"""The commands that change or describe the index: build, add, remove, status, sync."""

from __future__ import annotations

import argparse
import json
import sys

from .common import _settings, _terminal


def cmd_build(args: argparse.Namespace) -> int:
    from ..indexing import build, tqdm_progress

    s = _settings(args)
    log = None if args.quiet else (lambda msg: print(msg, file=sys.stderr))
    progress = None if args.quiet else tqdm_progress()
    if args.lexical_first:
        from ..indexing import build_lexical_first

        def ready(first) -> None:
            print(f"keyword index ready: {first.generation} ({first.documents:,} documents, {first.chunks:,} passages, "
                  f"{first.seconds:.1f} s); questions are answered by keyword search while the passages are "
                  f"embedded", file=sys.stderr, flush=True)

        report = build_lexical_first(s, rebuild=args.rebuild, progress=progress, log=log, force=args.force,
                                     on_lexical=ready)
    else:
        report = build(s, rebuild=args.rebuild, progress=progress, log=log, force=args.force)
    return _report_build(report, args)


def cmd_add(args: argparse.Namespace) -> int:
    from ..indexing import add_files, tqdm_progress

    s = _settings(args)
    if args.max_file_mb is not None and args.max_file_mb <= 0:
        raise ValueError(f"--max-file-mb must be more than 0, got {args.max_file_mb:g}")
    report = add_files(args.paths, s, progress=tqdm_progress(), log=lambda m: print(m, file=sys.stderr),
                       force=args.force, max_file_mb=args.max_file_mb)
    code = _report_build(report, args)
    return 1 if report.refused and not report.copied else code  # nothing of what was asked could be added


def cmd_remove(args: argparse.Namespace) -> int:
    from ..indexing import tqdm_progress
    from ..indexing.remove import remove_files

    s = _settings(args)
    report = remove_files(args.targets, s, progress=tqdm_progress(), log=lambda m: print(m, file=sys.stderr))
    return _report_build(report, args)


def _report_build(report, args: argparse.Namespace) -> int:
    """Print a build report; exit 1 when nothing could be indexed, 2 with --strict when a file was skipped."""
    print(json.dumps(report.to_dict(), indent=2) if args.json else _terminal(report.summary()))
    if args.strict and report.skipped:
        return 2
    return 0 if report.ok else 1


def cmd_status(args: argparse.Namespace) -> int:
    from ..index import IndexNotFound, open_store

    s = _settings(args)
    try:
        stats = open_store(s).stats()
    except IndexNotFound as err:
        if args.json:  # --json always prints JSON, the reason included
            print(json.dumps({"index": str(s.index_dir), "built": False, "error": str(err)}, indent=2))
        else:
            print(str(err)[:1].upper() + str(err)[1:] + ".")
        return 1
    print(json.dumps(stats, indent=2) if args.json
          else _terminal("\n".join(f"{k}: {_plain(v)}" for k, v in stats.items())))
    return 0


def _plain(value) -> str:
    """A status value as text: '{"abstract": 674}' reads 'abstract 674, ...'; a year range '1985-2025'."""
    if isinstance(value, dict):
        return ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in value.items()) or "none"
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, (int, type(None))) for v in value):
        return "-".join(str(v) for v in value if v is not None) or "none"
    return str(value)


def cmd_sync(args: argparse.Namespace) -> int:
    from ..index import sync

    s = _settings(args)
    if not s.store_url:
        raise ValueError("give the store to sync into: --store postgresql://USER@HOST:PORT/DB (or RAG_STORE_URL)")
    done = sync(s, log=lambda msg: print(msg, file=sys.stderr))
    print(json.dumps(done, indent=2) if args.json else
          f"{done['generation']}: {done['mode']} in {done.get('seconds', 0):.1f} s")
    return 0
