"""What the commands share: the settings from their flags, a query's filters, and text made safe to print."""

from __future__ import annotations

import argparse
import re

from ..config import Settings, check_paths


def _settings(args: argparse.Namespace) -> Settings:
    """The flags given, over RAG_* variables, over the defaults; folders given wrong get a sentence (check_paths)."""
    s = Settings.from_args(args)
    check_paths(s)
    return s


def _filters(args: argparse.Namespace) -> dict:
    f: dict = {}
    for item in args.filter:
        if "=" not in item:
            raise SystemExit(f"--filter expects FIELD=VALUE, got {item!r}")
        key, value = item.split("=", 1)
        f.setdefault(key.strip(), []).append(value.strip())
    if args.year_min is not None:
        f["year_min"] = args.year_min
    if args.year_max is not None:
        f["year_max"] = args.year_max
    if args.source_type:
        f["source_type"] = args.source_type
    if args.evidence:
        f["evidence"] = args.evidence
    return f


def _title(p) -> str:
    """A passage's paper by its title; an untitled record (an excerpt of an abstract) by its id, said to be one."""
    return p.citation.title or f"{p.doc_id} (no title)"


def _evidence_label(c) -> str:
    """'[randomised trial · level 2]', with a notice ('RETRACTED') in front when the paper is under one."""
    if not c.study_type:
        return f"[{c.notice.upper()}]" if c.notice else ""
    notice = f"{c.notice.upper()}: " if c.notice else ""
    return f"[{notice}{c.study_type} · {c.evidence}]"


# What a terminal acts on instead of showing: escape sequences (CSI "ESC [ ... m", OSC "ESC ] ... BEL", two-character
# ones), then any control character left (C0 but the newline, DEL, C1) and the bidirectional overrides.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _terminal(text: str) -> str:
    """Text a paper (or a model) wrote, made safe to print: its escape sequences and control characters removed
    (a tab or carriage return becomes a space), newlines kept. Human-readable output only: --json is left as is."""
    text = _ESCAPES.sub("", str(text))
    return _CONTROLS.sub(lambda m: " " if m.group() in "\t\r" else "", text)


def _printable(text: str) -> str:
    """Text for a terminal: no control characters (a paper's text must not drive the terminal)."""
    return "".join(ch if ch.isprintable() else " " for ch in text)
