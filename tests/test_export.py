"""Exports of an answer with its sources (rag/export.py), each read back by a library of its format."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from rag import answer
from rag.export import FORMATS, export

from conftest import ROOT

QUESTION = "What objective response rates does TIL therapy achieve in metastatic melanoma?"


@pytest.fixture(scope="module")
def til_answer(settings):
    a = answer(QUESTION, settings=settings)
    assert not a.abstained and a.check.cited
    return a


def cited(a):
    return [a.passages[n - 1] for n in sorted(set(a.check.cited))]


def test_markdown_holds_the_answer_numbered_references_and_provenance(til_answer):
    md = export(til_answer, "markdown")
    assert md.startswith(f"# {QUESTION}") and til_answer.text.strip() in md
    for n, p in zip(sorted(set(til_answer.check.cited)), cited(til_answer)):
        line = next(line for line in md.splitlines() if line.startswith(f"{n}. "))
        assert (p.citation.pmid and f"PMID {p.citation.pmid}" in line) or (p.citation.doi and p.citation.doi in line)
        assert p.citation.url in line
        assert f"characters {p.char_start}-{p.char_end}" in md
    assert f"index generation {til_answer.generation}" in md and til_answer.generation.startswith("gen-")


def test_bibtex_is_read_back_by_bibtexparser(til_answer):
    import bibtexparser

    library = bibtexparser.parse_string(export(til_answer, "bibtex"))
    assert not library.failed_blocks
    assert len(library.entries) == len(cited(til_answer))
    assert til_answer.generation in library.strings[0].value
    for entry, p in zip(library.entries, cited(til_answer)):
        assert entry["title"] == p.citation.title
        if p.citation.pmid:
            assert entry["pmid"] == p.citation.pmid
        spans = json.loads(entry["citedspans"])
        assert spans[0]["char_start"] == p.char_start and spans[0]["char_end"] == p.char_end
        assert len(entry["author"].split(" and ")) == len(p.citation.authors)


# Titles, names and headings with braces and backslashes of their own: BibTeX writes every value between braces.
AWKWARD = ["Effect of {IL-2 on T cells", "Closing} brace first", "A {balanced} title with a stray } and \\ backslash",
           "Ends with a backslash \\"]


def test_bibtex_with_braces_of_its_own_is_read_back(til_answer):
    import dataclasses

    import bibtexparser

    passages = list(til_answer.passages)
    for i, n in enumerate(sorted(set(til_answer.check.cited))[:len(AWKWARD)]):
        p = passages[n - 1]
        citation = dataclasses.replace(p.citation, title=AWKWARD[i], journal="J {Immunother", authors=["O'Brien} J"],
                                       section="RESULTS {part", url="https://example.org/a{b")
        passages[n - 1] = dataclasses.replace(p, citation=citation)
    a = dataclasses.replace(til_answer, passages=passages, question="Does {IL-2 work?")
    text = export(a, "bibtex")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, text
    assert len(library.entries) == len(cited(a)) and len(library.strings) == 1

    def latex(value: str) -> str:  # LaTeX's escapes read back
        return value.replace("\\textbackslash{}", "\\").replace("\\{", "{").replace("\\}", "}")

    assert "Does {IL-2 work?" in latex(library.strings[0].value)
    for entry, p in zip(library.entries, cited(a)):
        assert latex(entry["title"]) == p.citation.title
        assert latex(entry["journal"]) == p.citation.journal
        spans = json.loads(entry["citedspans"])
        assert spans[0]["char_start"] == p.char_start and spans[0]["section"] == p.citation.section
    assert sum(latex(e["title"]) in AWKWARD for e in library.entries) == min(len(AWKWARD), len(cited(a)))
    assert "https://example.org/a%7Bb" in text


def test_ris_is_read_back_by_rispy(til_answer):
    import rispy

    entries = rispy.loads(export(til_answer, "ris"))
    assert len(entries) == len(cited(til_answer))
    for entry, p in zip(entries, cited(til_answer)):
        assert entry["title"] == p.citation.title and entry["urls"] == [p.citation.url]
        assert any(note.startswith("Cited: ") and f"characters {p.char_start}-{p.char_end}" in note
                   for note in entry["notes"])
        assert any(til_answer.generation in note for note in entry["notes"])
        if p.citation.pmid:
            assert entry["accession_number"] == p.citation.pmid


def test_csl_json_is_formatted_by_citeproc(til_answer):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(export(til_answer, "csl"))
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)  # the style citeproc-py ships
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(cited(til_answer))
    for p in cited(til_answer):
        assert any(p.citation.title.rstrip(".")[:40] in r for r in rendered), rendered


def test_rag_ask_format_prints_the_export(settings):
    for fmt in FORMATS:
        out = subprocess.run([sys.executable, "-m", "rag", "ask", QUESTION, "--index", str(settings.index_dir),
                              "--format", fmt], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        assert re.search(r"gen-\d{6}", out.stdout), fmt
    bad = subprocess.run([sys.executable, "-m", "rag", "ask", QUESTION, "--format", "docx"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "invalid choice: 'docx'" in bad.stderr
