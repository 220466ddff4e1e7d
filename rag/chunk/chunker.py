"""Cut documents into token-bounded chunks (tiktoken), at sentence boundaries where possible.

A chunk never crosses documents; it keeps its section heading, page and character offsets into
``Document.text``, so a citation can point at the exact span.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
from dataclasses import dataclass

from ..datatypes import Chunk, Document
from .encoding import get_encoding
from .sentences import (_ABBREVIATIONS, _BOUNDARY, _NEXT_STARTS_SENTENCE, _OPENING, _is_sentence_end, _paragraph_spans,
                        _rstrip, ends_abbreviation, sentence_spans, starts_sentence)


@dataclass
class _Unit:
    """A sentence (or a piece of an over-long one) with its section and token count."""

    start: int
    end: int
    tokens: int
    section_index: int


def chunk_document(doc: Document, chunk_tokens: int = 200, overlap: int = 40,
                   encoding: str = "cl100k_base") -> list[Chunk]:
    """Greedy packing of whole sentences into chunks of at most ``chunk_tokens`` tokens.

    Consecutive chunks of a section share up to ``overlap`` tokens of whole sentences. A new section starts a new
    chunk unless the current one is still short (a one-line section is merged with the next rather than left alone).
    """
    enc = get_encoding(encoding)
    units = _units(doc, enc, chunk_tokens)
    chunks: list[Chunk] = []
    current: list[_Unit] = []
    min_tokens = max(1, chunk_tokens // 4)

    def emit() -> None:
        first, last = current[0], current[-1]
        sec = doc.sections[first.section_index]
        last_sec = doc.sections[last.section_index]
        chunks.append(
            Chunk(
                doc_id=doc.doc_id,
                ordinal=len(chunks),
                text=doc.text[first.start:last.end],
                char_start=first.start,
                char_end=last.end,
                section=sec.heading,
                page=sec.page,
                page_end=last_sec.page if last_sec.page != sec.page else None,
                n_tokens=sum(u.tokens for u in current),
            )
        )

    for unit in units:
        size = sum(u.tokens for u in current)
        new_section = bool(current) and unit.section_index != current[-1].section_index
        if current and (size + unit.tokens > chunk_tokens or (new_section and size >= min_tokens)):
            emit()
            carried: list[_Unit] = []
            if not new_section:
                for u in reversed(current):
                    if sum(c.tokens for c in carried) + u.tokens > overlap:
                        break
                    carried.insert(0, u)
            # Carrying the overlap must leave room for the new sentence.
            while carried and sum(c.tokens for c in carried) + unit.tokens > chunk_tokens:
                carried.pop(0)
            current = carried
        current.append(unit)
    if current:
        emit()
    return chunks


def _units(doc: Document, enc, limit: int) -> list[_Unit]:
    units: list[_Unit] = []
    for i, sec in enumerate(doc.sections):
        for a, b in sentence_spans(doc.text, sec.start, sec.end):
            n = len(enc.encode_ordinary(doc.text[a:b]))
            if n <= limit:
                units.append(_Unit(a, b, n, i))
            else:
                units.extend(_split_long(doc.text, a, b, enc, limit, i))
    return units


def _split_long(text: str, a: int, b: int, enc, limit: int, section_index: int) -> list[_Unit]:
    """An over-long 'sentence' (a table row dump, a list) cut into token windows, at whitespace where possible."""
    tokens = enc.encode_ordinary(text[a:b])
    _, offsets = enc.decode_with_offsets(tokens)
    pieces: list[_Unit] = []
    i, n = 0, len(tokens)
    while i < n:
        j = min(i + limit, n)
        s, e = a + offsets[i], (a + offsets[j] if j < n else b)
        if j < n:
            cut = text.rfind(" ", s + 1, e)
            if cut > s + (e - s) // 2:  # prefer a word boundary unless it wastes half the window
                e = cut
                j = bisect.bisect_left(offsets, e - a, i + 1, j)
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            pieces.append(_Unit(s, _rstrip(text, s, e), j - i, section_index))
        i = j
    return pieces


@functools.lru_cache(maxsize=1)
def chunker_fingerprint() -> str:
    """What chunks and sentences an index was cut with, recorded in its shape (rag/index/shape.py): the source
    of the functions and the tables above. A change rebuilds indexes (the embedding cache keeps every chunk whose
    text did not change) instead of leaving chunks cut two ways."""
    import inspect

    rules = [inspect.getsource(f) for f in (sentence_spans, _paragraph_spans, ends_abbreviation, _is_sentence_end,
                                            starts_sentence, _rstrip, chunk_document, _units, _split_long)]
    tables = [sorted(_ABBREVIATIONS), _BOUNDARY.pattern, _NEXT_STARTS_SENTENCE.pattern, _OPENING]
    return hashlib.sha256(json.dumps([rules, tables]).encode()).hexdigest()[:12]
