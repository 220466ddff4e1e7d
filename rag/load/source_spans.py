"""Where a span of a loaded document lies in the record as it was given.

A document's text is the record's text made readable: whitespace runs (hair and thin spaces too) squashed, markup
dropped, mojibake repaired, structured-abstract labels taken out, an excerpt's repeated snippets said once. Offsets
into that text mean nothing to a caller who holds only the record (`rag outcomes --pubmed FILE.jsonl` reads JSON
lines and answers about them): `SourceSpans` moves a span back onto the record's own string, so that
``source[start:end] == text`` there too.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from collections.abc import Sequence

from .common import strip_markup


class SourceSpans:
    """Spans of ``loaded`` (a document's text) located in ``source`` (the record's string it was made from)."""

    def __init__(self, loaded: str, source: str, section_starts: Sequence[int] = ()) -> None:
        self.loaded, self.source = loaded, source
        # How far each part of the loaded text has moved from the source: where a part's opening words are found
        # there (a part whose opening was rewritten keeps the shift of the part before it).
        self._starts: list[int] = []
        self._shifts: list[int] = []
        for start in sorted({0, *section_starts}):
            opening = loaded[start:start + 40]
            at = source.find(opening) if opening else -1
            if at >= 0:
                self._starts.append(start)
                self._shifts.append(at - start)

    def _expected(self, start: int) -> int:
        i = bisect_right(self._starts, start) - 1
        return start + (self._shifts[i] if i >= 0 else 0)

    def locate(self, start: int, end: int) -> tuple[int, int] | None:
        """(start, end) in the source of the loaded text's [start, end); None when the source holds nothing like it."""
        span = self.loaded[start:end]
        if not span:
            return None
        if self.source[start:end] == span:
            return start, end
        expected = self._expected(start)
        found, at = [], self.source.find(span)
        while at >= 0:
            found.append(at)
            at = self.source.find(span, at + 1)
        if found:  # the same words: the copy nearest where the span should be
            best = min(found, key=lambda x: abs(x - expected))
            return best, best + len(span)
        found_near = self._aligned(span, expected)
        if found_near or len(self.source) < 2:
            return found_near
        # Moved further than the parts' shifts say (an excerpt's snippets said once): where the longest run of the
        # span's characters is found in the source
        run = difflib.SequenceMatcher(None, span, self.source, autojunk=False).find_longest_match(
            0, len(span), 0, len(self.source))
        return self._aligned(span, run.b - run.a) if run.size >= 8 else None

    def _aligned(self, span: str, expected: int) -> tuple[int, int] | None:
        """The span read character by character from the source near where it should be (what the loader changed
        inside it, a hair space, a repaired character, a tag, taken as the source writes it): the nearest start
        from which it reads whole, with the same letters and digits."""
        lo, hi = max(0, expected - 150), min(len(self.source), expected + len(span) + 150)
        starts = sorted((j for j in range(lo, hi) if self.source[j] == span[0]), key=lambda j: abs(j - expected))
        for s in starts[:60]:
            e = self._walk(span, s)
            if e is not None and _letters(strip_markup(self.source[s:e])) == _letters(span):
                return s, e
        return None

    def _walk(self, span: str, s: int) -> int | None:
        """Where the span ends in the source when read from ``s``: a space of any width or a run of them for one
        space, a tag skipped, a character the loader repaired (mojibake, up to three bytes) for the one it became."""
        source, i, j = self.source, 0, s
        while i < len(span) and j < len(source):
            if span[i] == source[j]:
                i, j = i + 1, j + 1
            elif span[i].isspace() and source[j].isspace():
                i, j = i + 1, j + 1
            elif source[j].isspace() or source[j] in "\u200b\u00ad":
                j += 1  # a run of spaces squashed into one, a zero-width space or soft hyphen dropped
            elif source[j] == "<" and source.find(">", j) > j:
                j = source.find(">", j) + 1
            elif not source[j].isascii():
                k = j + 1  # a repaired character: the run of bytes it was read as
                while k < len(source) and k - j < 4 and not source[k].isascii() and not source[k].isspace():
                    k += 1
                i, j = i + 1, k
            else:
                return None
        return j if i == len(span) else None


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum())
