"""The studies a page reports one after another: a cancer.gov summary goes through trial after trial ("1. A
randomized trial (KEYNOTE-564) ... - DFS rate 77.3% vs. 68.1%"). Read as one study, such a page is a "randomized
phase III" study with a hundred values; read an item at a time, each trial is a study of its own, with its own
design, arms and values (the setting the labelled PDQ passages measure).

Only a text that numbers its studies is split. An item starts at a numbered line, at a section, after a lead-in
("Evidence (nivolumab):"), at a paragraph that introduces a study ("A randomized trial ...", "In a phase III trial
...") or names another trial than the item before; bullets and other paragraphs continue the item before (a
numbered trial's paragraphs and bullets).
"""

from __future__ import annotations

import re

from .design import trial_of

# The kinds of document that report several studies one after another.
MULTI_STUDY_SOURCES = ("nci",)

_NUMBERED = re.compile(r"\d+\.\s")
_BULLET = re.compile(r"[-•*]\s")
# "A randomized trial", "In a phase III trial of", "Another study", "A second trial", "A meta-analysis of"
_INTRODUCES = re.compile(r"(?:(?:In|From|During) )?(?:an?|another|one|a second|a third|a later|a subsequent|"
                         r"a large|a small)\s+(?:[\w,()/-]+\s+){0,8}?"
                         r"(?:trial|study|analysis|meta-analysis|review|series)\b", re.I)


def _blocks(text: str) -> list[tuple[int, int, str]]:
    """Each paragraph (lines up to a blank line or a bullet: pages wrap their lines) with its offsets and kind:
    "heading", "numbered", "bullet" or "paragraph"."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            out.append((start, start, "blank"))
            continue
        kind = "heading" if stripped.startswith("#") else "numbered" if _NUMBERED.match(stripped) else \
            "bullet" if _BULLET.match(stripped) else "paragraph"
        start += len(line) - len(line.lstrip())
        if kind == "paragraph" and out and out[-1][2] in ("paragraph", "numbered", "bullet"):
            out[-1] = (out[-1][0], end, out[-1][2])  # a wrapped line goes on with its paragraph
        else:
            out.append((start, end, kind))
    return [block for block in out if block[2] != "blank"]


def study_items(text: str, sections: tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """The (start, end) of each study the text reports, in order; [] when it does not list several. ``sections``:
    where the document's sections start (an item never goes on into the next section)."""
    items: list[list[int]] = []  # [start, end] of each item
    trials: list[str | None] = []
    bounds = sorted(sections)
    for start, end, kind in _blocks(text):
        line = text[start:end]
        trial = trial_of("", line)
        body = _NUMBERED.sub("", line, count=1)
        section = bool(items) and any(items[-1][1] <= x <= start for x in bounds)
        lead_in = bool(items) and text[items[-1][0]:items[-1][1]].rstrip().endswith(":") and kind != "bullet"
        new = not items or section or lead_in or kind in ("numbered", "heading") or line.rstrip().endswith(":") or (
            kind == "paragraph" and (bool(_INTRODUCES.match(body))
                                     or bool(trial and trials[-1] and trial != trials[-1])))
        if new:
            items.append([start, end])
            trials.append(trial)
        else:
            items[-1][1] = end
            trials[-1] = trials[-1] or trial
    # Only a text that lists its studies (numbered items) is read as several: a news page's narrative of one trial
    # mentions earlier studies too, and stays one study.
    listed = sum(bool(_NUMBERED.match(text, a)) for a, _ in items)
    return [(a, b) for a, b in items] if len(items) >= 2 and listed >= 2 else []
