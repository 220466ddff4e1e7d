"""Answer defects of issue 21, each on the real model and a real index: follow-ups that keep their subject, quoted
sentences cut at the document's sentence boundaries, rare names matched exactly, declined answers in similarity
order, excerpt records said once, side-effect questions answered with side effects, sentence starts after any
capital, soft hyphens in queries."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from rag import answer
from rag.answer import standalone_question
from rag.answer.support_check import check_answer

from conftest import ABSTRACTS, ROOT, copy_library

# Records of the bundled corpus the session's small library lacks: tebentafusp papers (excerpt records among them,
# one with a snippet cut mid-word), the nextNEOpi paper, IMbrave150 excerpts whose snippets overlap.
EXTRA_RECORDS = {
    "PMID:34551229", "PMID:33839690", "PMID:34885078", "PMID:32273508", "PMID:32725406", "PMID:32816891",
    "PMID:35364798", "PMID:35364557", "PMID:34999237", "PMID:37444540", "PMID:36970111", "PMID:34788790",
    "PMID:32349374", "PMID:33442538", "PMID:32984090", "PMID:34245216", "PMID:34189869",
}
NCI_ATEZOLIZUMAB = ROOT / "corpus" / "nci" / "about-cancer-treatment-drugs-atezolizumab.md"


@pytest.fixture(scope="module")
def library(built, tmp_path_factory):
    """The session's small library plus EXTRA_RECORDS and the cancer.gov atezolizumab page (added incrementally)."""
    from rag import add_files

    settings, _ = built
    base = tmp_path_factory.mktemp("issue21")
    own = copy_library(settings, base / "library")
    lines = [line for line in ABSTRACTS.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["doc_id"] in EXTRA_RECORDS]
    assert len(lines) == len(EXTRA_RECORDS)
    extra = base / "extra"
    extra.mkdir()
    (extra / "issue21_records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (extra / NCI_ATEZOLIZUMAB.name).write_bytes(NCI_ATEZOLIZUMAB.read_bytes())
    report = add_files([extra / "issue21_records.jsonl", extra / NCI_ATEZOLIZUMAB.name], own)
    assert not report.failed, report.failed
    return own


def _quoted(a) -> list[tuple[str, int]]:
    """(sentence, passage number) for every sentence an extractive answer quotes."""
    out = []
    for line in a.text.splitlines()[1:]:
        line = line.removeprefix("- ")
        for m in re.finditer(r"(.+?)\s*\[(\d+)\]\s*", line):
            out.append((m.group(1).strip(), int(m.group(2))))
    return out


# --- 1. a follow-up keeps its subject and asks its own aspect; the support count counts every cited sentence -----

IRAE = "Which immune-related adverse events are most common with nivolumab plus ipilimumab?"
MANAGEMENT = re.compile(r"\b(manag\w*|guideline\w*|recommend\w*|corticosteroid\w*|steroid\w*|treat(ed|ment) with|"
                        r"discontinu\w*|withh[eo]ld\w*|monitor\w*|supportive care|infliximab|"
                        r"immunosuppress\w*)\b", re.I)


def test_a_follow_up_keeps_the_subject_and_asks_the_new_aspect():
    rewritten = standalone_question("and how are they managed?", [(IRAE, "...")])
    assert rewritten == "and how are they managed? (nivolumab plus ipilimumab immune-related adverse events)"
    assert not rewritten.rstrip(")").endswith(("plus", "common")) and "most" not in rewritten


def test_a_management_follow_up_cites_the_passage_on_management(settings):
    first = answer(IRAE, settings=settings)
    a = answer("and how are they managed?", [(IRAE, first.text)], settings=settings)
    assert not a.abstained, a.notes
    assert "nivolumab plus ipilimumab" in a.search_query and "managed" in a.search_query
    quoted = _quoted(a)
    guideline = [s for s, n in quoted if (a.passages[n - 1].citation.title or "").startswith(
        "Management of Immune-Related Adverse Events")]
    assert guideline, a.text
    assert all(MANAGEMENT.search(s) for s in guideline), guideline
    assert a.text != first.text


class _P:
    def __init__(self, text):
        self.text, self.more_spans = text, []


def test_the_support_count_counts_every_cited_sentence_of_a_line():
    from rag.ui.html import support_summary

    body = ("Management relies on corticosteroids. [1]\n\nSupporting evidence, by paper:\n"
            "- Grade 3 events were rare. [1] Most resolved with steroids. [1] No deaths occurred. [1]")
    source = _P("Management relies on corticosteroids. Grade 3 events were rare. Most resolved with steroids. "
                "No deaths occurred.")
    verdicts = check_answer(body, [source])
    assert [v.sentence.removeprefix("- ") for v in verdicts] == [
        "Management relies on corticosteroids.", "Grade 3 events were rare.", "Most resolved with steroids.",
        "No deaths occurred."]
    assert all(v.cited == [1] for v in verdicts)
    assert "all 4 sentences" in support_summary([v.to_dict() for v in verdicts])


# --- 2. a quoted sentence starts and ends where the document's sentences do --------------------------------------


def test_quoted_sentences_are_whole_sentences_of_the_document(library):
    a = answer("Is tebentafusp effective for uveal melanoma?", settings=library)
    assert not a.abstained, a.notes
    for sentence, _ in _quoted(a):
        assert re.search(r"[.!?][\"'”’)\]]*$", sentence), sentence  # not "... after proving to h"
        assert not re.match(r"I{1,3} [a-z]", sentence), sentence
        assert not re.match(r"[\w-]+: ", sentence), sentence  # an untitled excerpt's title line is not evidence
    a = answer("What did the IMbrave150 trial show for atezolizumab plus bevacizumab?", settings=library)
    for sentence, _ in _quoted(a):
        assert not re.match(r"I{1,3} [a-z]", sentence) and not sentence[0].islower(), sentence


def test_a_passage_that_starts_inside_a_sentence_quotes_the_whole_sentence():
    from rag.answer.sentences import paper_sentences
    from rag.datatypes import Citation, Document, Passage, Section

    filler = "Background sentences describe the setting of the study in several words. " * 90
    text = (filler + "Tebentafusp prolonged overall survival in patients with metastatic uveal melanoma in the "
            "randomised phase 3 trial. Cytokine release syndrome was the most frequent adverse event.\n")
    doc = Document("D1", "fulltext", text, [Section("Results", 0, len(text))], title="A long paper")
    cut = text.index("overall survival in patients")  # a chunk that starts inside the sentence
    citation = Citation("A long paper", [], None, None, None, None, None, None, None, "fulltext")
    passage = Passage(doc_id="D1", chunk_id=1, text=text[cut:], score=1.0, citation=citation,
                      char_start=cut, char_end=len(text))
    sentences = [s.text for s in paper_sentences(0, passage, doc)]
    assert "Tebentafusp prolonged overall survival in patients with metastatic uveal melanoma in the randomised " \
           "phase 3 trial." in sentences, sentences
    assert not any(s.startswith("overall survival") for s in sentences)


# --- 3. a rare name the question asks about, found exactly in a paper's title and opening, is answered ------------


def test_a_rare_name_matched_exactly_is_answered(library):
    a = answer("Describe nextNEOpi", settings=library)
    assert not a.abstained, a.notes
    assert a.passages[0].doc_id == "PMID:34788790"
    assert "nextNEOpi" in a.text


# --- 4. a declined question's closest passages, closest first -----------------------------------------------------


@pytest.mark.parametrize("question", ["What is the capital of Australia?",
                                      "How do I change a flat bicycle tyre?"])
def test_declined_answers_list_the_closest_passages_by_similarity(settings, question):
    a = answer(question, settings=settings)
    assert a.abstained
    cosines = [p.signals["cosine"] for p in a.passages]
    assert len(cosines) > 1 and cosines == sorted(cosines, reverse=True), cosines


# --- 5. an excerpt record says each snippet once, and an untitled record is labelled as such ---------------------


def test_an_excerpt_record_says_each_snippet_once():
    from rag.load import load_file

    data = ROOT / "tests" / "data"
    docs = {d.doc_id: d for d in load_file(data / "pubmed_sample.jsonl", root=data).documents}
    text = docs["PMID:32349374"].text
    assert text.count("A successful phase III trial") == 1, text
    from rag.load.pubmed import excerpt_snippets

    snippets = excerpt_snippets(
        "A recent phase III trial (IMbrave150) showed that atezolizumab plus bevacizumab increases overall "
        "survival; approval is expected soon.\nI trial (IMbrave150) showed that atezolizumab plus bevacizumab "
        "increases overall survival; approval is expected soon. This review descri\nBACKGROUND: Tebentafusp has "
        "been approved for uveal melanoma after proving to have survival benefits.\nBACKGROUND: Tebentafusp has "
        "been approved for uveal melanoma after proving to h")
    assert snippets == [
        "A recent phase III trial (IMbrave150) showed that atezolizumab plus bevacizumab increases overall survival; "
        "approval is expected soon. This review descri",
        "BACKGROUND: Tebentafusp has been approved for uveal melanoma after proving to have survival benefits."]


def test_search_prints_an_untitled_excerpt_once_and_says_it_has_no_title(library):
    out = subprocess.run([sys.executable, "-m", "rag", "search", "IMbrave150 successful phase III trial", "--index",
                          str(library.index_dir), "-k", "3"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    hits = out.stdout.split("\n\n")
    top = next(h for h in hits if "32349374" in h)
    assert top.count("A successful phase III trial") == 1, top
    assert "(no title)" in top.splitlines()[0], top


# --- 6. a question about side effects or management is answered by sentences that say them ------------------------

SIDE_EFFECTS = re.compile(r"adverse|toxicit|side[- ]effect|grade \d|tolera|retention|capillary leak|hypotension|"
                          r"fatal|death|syndrome|fever|rash|colitis|hepatitis|pneumonitis|fatigue|nausea|diarrh",
                          re.I)


@pytest.mark.parametrize("question", ["What is the toxicity of aldesleukin?",
                                      "What are the side effects of atezolizumab?"])
def test_a_side_effect_question_is_answered_with_side_effects_or_called_weak(library, question):
    a = answer(question, settings=library)
    assert not a.abstained, a.notes
    quoted = _quoted(a)
    lead = quoted[0][0]
    if not SIDE_EFFECTS.search(lead):  # only when no retrieved sentence says any, and then a note says so
        assert any("side effects" in n or "adverse" in n for n in a.notes), (lead, a.notes)
    else:
        assert all(SIDE_EFFECTS.search(s) for s, _ in quoted), quoted



# --- 7. a sentence starts after a full stop with a capital of any script ----------------------------------------


def test_a_sentence_starts_with_a_capital_of_any_script():
    from rag.chunk.sentences import sentence_spans

    text = "The vaccine was tested. Étude suivante confirme la réponse. Ωmega cells grew. Иммунотерапия работает."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "The vaccine was tested.", "Étude suivante confirme la réponse.", "Ωmega cells grew.",
        "Иммунотерапия работает."]
    assert len(sentence_spans("Responses were seen. the fragment goes on.")) == 1


# --- 8. the query is normalised once, before BM25 and the embedding model --------------------------------------------


def test_a_soft_hyphen_neither_splits_a_token_nor_changes_the_search(settings):
    from rag.lexical.tokens import tokenize
    from rag.retrieve import get_searcher

    assert tokenize("PD\u00adL1 immuno\u00adtherapy") == tokenize("PDL1 immunotherapy") == ["pdl1", "immunotherapi"]
    searcher = get_searcher(settings)
    plain = searcher.search("PD-L1 expression and response to immuno-therapy", k=5)
    for query in ("PD\u00ad-L1 expression and response to immuno\u00ad-therapy",
                  "ＰＤ-Ｌ1 expression and response to immuno\u00ad-therapy"):
        hits = searcher.search(query, k=5)
        assert [p.chunk_id for p in hits] == [p.chunk_id for p in plain]
        assert [round(p.signals.get("cosine", 0), 5) for p in hits] == \
               [round(p.signals.get("cosine", 0), 5) for p in plain]
        assert [round(p.score, 5) for p in hits] == [round(p.score, 5) for p in plain]


def test_ask_lists_an_untitled_excerpt_among_its_sources_by_its_first_words(library):
    out = subprocess.run([sys.executable, "-m", "rag", "ask", "IMbrave150 successful phase III trial", "--no-llm",
                          "--index", str(library.index_dir)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    sources = out.stdout.split("\nSources:\n", 1)[1].splitlines()
    line = next(s for s in sources if "32349374" in s)
    # the list shows no passage text: the excerpt's first words stand in for the title, marked as an excerpt
    assert re.match(r"\[\d+\] “A successful phase III trial.*” \(excerpt, PMID 32349374\)\. ", line), line
