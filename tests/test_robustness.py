"""Property-based tests (Hypothesis) of every loader and the chunker, on inputs made from the real test files:
truncated, bytes flipped, a huge field, a wrong encoding, deeply nested XML. However bad the file, load_file
returns documents whose sections point into their text, or raises LoadError with a reason; never anything
else. The chunks of what loads stay inside the text and within the token limit.

The number of cases per property is ROBUSTNESS_EXAMPLES (default 40: a few seconds each); docs/benchmarks.md,
"Reliability", gives the figures of a larger run.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from rag.chunk import chunk_document
from rag.load import LoadError, load_file

from conftest import CAR_T_PDF, DATA

EXAMPLES = int(os.environ.get("ROBUSTNESS_EXAMPLES", "40"))
SOURCES = sorted(p for p in DATA.iterdir() if p.suffix in (".md", ".xml", ".jsonl", ".medline")) + [CAR_T_PDF]
RUN = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CASES = {"cases": 0}


def check(data: bytes, suffix: str) -> None:
    """load_file on these bytes (as a file of this type): documents with valid sections, or a LoadError."""
    CASES["cases"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case{suffix}"
        path.write_bytes(data)
        try:
            result = load_file(path, root=Path(folder))
        except LoadError as err:
            assert str(err).strip(), "a LoadError without a reason"
            return
    for doc in result.documents:
        assert doc.doc_id and doc.source_path == path.name
        for sec in doc.sections:
            assert 0 <= sec.start <= sec.end <= len(doc.text)
        for chunk in chunk_document(doc, 120, 20):
            assert 0 <= chunk.char_start < chunk.char_end <= len(doc.text)
            assert doc.text[chunk.char_start:chunk.char_end] == chunk.text and chunk.n_tokens <= 120


source = st.sampled_from(SOURCES)


@RUN
@given(source, st.floats(0, 1))
def test_truncated_files(path, share):
    data = path.read_bytes()
    check(data[: int(len(data) * share)], path.suffix)


@RUN
@given(source, st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=40))
def test_flipped_bytes(path, flips):
    data = bytearray(path.read_bytes())
    for where, value in flips:
        data[min(int(where * len(data)), len(data) - 1)] = value
    check(bytes(data), path.suffix)


@RUN
@given(source, st.floats(0, 1), st.sampled_from(["A", "é", "\x00", "<", "{", "\n", "PD-L1 "]),
       st.integers(10_000, 2_000_000))
def test_a_huge_field(path, where, piece, times):
    data = path.read_bytes()
    at = int(where * len(data))
    check(data[:at] + (piece * (times // len(piece))).encode("utf-8") + data[at:], path.suffix)


@RUN
@given(st.sampled_from([p for p in SOURCES if p.suffix != ".pdf"]), st.sampled_from(["utf-16", "utf-32", "cp1252",
                                                                                     "latin-1", "shift_jis"]))
def test_wrong_encodings(path, encoding):
    text = path.read_text(encoding="utf-8")
    check(text.encode(encoding, errors="replace"), path.suffix)


@RUN
@given(st.integers(1, 50_000), st.sampled_from(["PubmedArticleSet", "article", "sec", "p"]))
def test_deeply_nested_xml(depth, tag):
    body = f"<{tag}>" * depth + "Interleukin-2 text." + f"</{tag}>" * depth
    check(f'<?xml version="1.0"?>\n<PubmedArticleSet>{body}</PubmedArticleSet>'.encode(), ".xml")


@pytest.fixture(scope="module", autouse=True)
def report_cases():
    yield
    print(f"\nrobustness: {CASES['cases']} generated inputs, every one loaded cleanly or refused with a reason")
