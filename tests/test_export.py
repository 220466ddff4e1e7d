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
    for n, p in zip(sorted(set(til_answer.check.cited)), cited(til_answer), strict=True):
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
    for entry, p in zip(library.entries, cited(til_answer), strict=True):
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
    for entry, p in zip(library.entries, cited(a), strict=True):
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
    for entry, p in zip(entries, cited(til_answer), strict=True):
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
    for fmt in set(FORMATS) - {"csv"}:  # the CSV is the studies table (tests/test_outcomes.py): no provenance line
        out = subprocess.run([sys.executable, "-m", "rag", "ask", QUESTION, "--index", str(settings.index_dir),
                              "--format", fmt], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        assert re.search(r"gen-\d{6}", out.stdout), fmt
    bad = subprocess.run([sys.executable, "-m", "rag", "ask", QUESTION, "--format", "docx"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "invalid choice: 'docx'" in bad.stderr


# --- issue 22: author names, "et al.", untitled excerpts, notices ----------------------------------------------------


def _answer_with(*passages):
    from rag.datatypes import Answer, CitationCheck

    body = " ".join(f"Tebentafusp prolonged overall survival [{n}]." for n in range(1, len(passages) + 1))
    return Answer("Is tebentafusp effective?", body, list(passages),
                  check=CitationCheck(cited=list(range(1, len(passages) + 1))), generation="gen-000001")


def _passage(text, **cit):
    from rag.datatypes import Citation, Passage

    base = dict(title="Tebentafusp in metastatic uveal melanoma", authors=[], year=2021, journal="N Engl J Med",
                pmid="34551229", doi=None, pmcid=None, nct_id=None, url="https://pubmed.ncbi.nlm.nih.gov/34551229/",
                source_type="abstract", study_type="randomised trial", evidence="level 2", evidence_basis="text")
    base.update(cit)
    return Passage("PMID:" + base["pmid"], 1, text, 1.0, Citation(**base), char_start=0, char_end=len(text))


def test_given_name_first_authors_are_split_into_family_and_given():
    from rag.export import _split_name

    assert _split_name("Susanne Lütje") == ("Lütje", "Susanne")
    assert _split_name("Lütje S") == ("Lütje", "S.")  # PubMed style stays as it is
    assert _split_name("Jan van der Berg") == ("van der Berg", "Jan")
    assert _split_name("Steven A. Rosenberg") == ("Rosenberg", "Steven A.")
    assert _split_name("KEYNOTE-010 Investigators") == ("KEYNOTE-010 Investigators", "")
    a = _answer_with(_passage("Tebentafusp prolonged overall survival.",
                              authors=["Susanne Lütje", "Lütje S", "Jan van der Berg", "Steven A. Rosenberg"]))
    items = json.loads(export(a, "csl"))
    assert items[0]["author"][:2] == [{"family": "Lütje", "given": "Susanne"}, {"family": "Lütje", "given": "S."}]
    assert items[0]["author"][2] == {"family": "van der Berg", "given": "Jan"}
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    bib = CitationStylesBibliography(CitationStylesStyle("harvard-cite-them-right", validate=False),
                                     CiteProcJSON(items), formatter.plain)
    bib.register(Citation([CitationItem(items[0]["id"])]))
    rendered = str(bib.bibliography()[0])
    assert rendered.startswith("Lütje, S.") and "Susanne Lütje" not in rendered, rendered
    md = export(a, "markdown")
    assert "Lütje S, Lütje S, van der Berg J, et al. (2021)" in md and "et al.." not in md
    bib_entry = __import__("bibtexparser").parse_string(export(a, "bibtex")).entries[0]
    assert bib_entry["author"].split(" and ")[0] == "Lütje, Susanne"


def test_an_untitled_excerpt_gets_a_stand_in_title_and_says_it_has_no_metadata():
    text = "Tebentafusp is a bispecific gp100 peptide-HLA-directed CD3 T cell engager that prolonged survival."
    p = _passage(text, title=None, authors=[], year=None, journal=None, pmid="123")
    a = _answer_with(p)
    title = "“Tebentafusp is a bispecific gp100…” (excerpt, PMID 123)"
    md = export(a, "markdown")
    assert title in md and "PMID:123" not in md and "no metadata" in md
    entry = __import__("bibtexparser").parse_string(export(a, "bibtex")).entries[0]
    assert entry["title"] == title and "no metadata" in entry["note"]
    ris = __import__("rispy").loads(export(a, "ris"))[0]
    assert ris["title"] == title and any("no metadata" in note for note in ris["notes"])
    item = json.loads(export(a, "csl"))[0]
    assert item["title"] == title and "no metadata" in item["note"]


@pytest.mark.parametrize("notice, said", [("retracted", "RETRACTED"),
                                          ("expression of concern", "EXPRESSION OF CONCERN"),
                                          ("withdrawn", "WITHDRAWN")])
def test_every_export_shows_a_notice(notice, said):
    a = _answer_with(_passage("Tebentafusp prolonged overall survival.", authors=["Nathan P"], notice=notice))
    for fmt in set(FORMATS) - {"csv"}:  # the CSV is the studies table: a row's study carries its notice
        assert f"⚠ {said}" in export(a, fmt), fmt
