"""Answers: the citation checker on crafted model outputs, and extractive answers on the real session index."""

import json
import re
import subprocess
import sys

import pytest

from rag import answer
from rag.cite import UNSUPPORTED, check_citations, renumber, strip_reference_markers
from rag.answer import is_follow_up, standalone_question, topic_terms

from conftest import ROOT

# --- citation checking: pure functions on crafted outputs ----------------------------------------------------


def test_dangling_markers_are_removed_and_reported():
    text, check = check_citations("TILs induce durable responses [2]. IL-2 expands T cells [7].", 3)
    assert text == "TILs induce durable responses [2]. IL-2 expands T cells."
    assert check.dangling == [7] and check.cited == [2]


def test_sentences_without_markers_are_marked_unsupported():
    text, check = check_citations("Pembrolizumab blocks PD-1 [1]. It is also a cure for every cancer.", 2)
    assert text == f"Pembrolizumab blocks PD-1 [1]. It is also a cure for every cancer {UNSUPPORTED}."
    assert check.unsupported == ["It is also a cure for every cancer."]


def test_duplicate_lists_and_ranges_are_normalised():
    text, check = check_citations("CAR-T cells cause CRS [1][1]. Both trials agree [1, 3]. All do [1-3].", 3)
    assert text == "CAR-T cells cause CRS [1]. Both trials agree [1][3]. All do [1][2][3]."
    assert check.cited == [1, 3, 2] and not check.dangling and not check.unsupported


def test_a_marker_after_the_full_stop_belongs_to_the_sentence_before():
    text, check = check_citations("Responses lasted years. [2] Toxicity was manageable. [1]", 2)
    assert text == "Responses lasted years [2]. Toxicity was manageable [1]."
    assert not check.unsupported


def test_out_of_range_zero_and_huge_markers():
    text, check = check_citations("A claim with many words here [0][99999].", 4)
    assert check.dangling == [0, 99999] and check.unsupported == ["A claim with many words here."]


def test_renumber_puts_cited_passages_first():
    passages = ["p1", "p2", "p3"]
    text, ordered = renumber("First [3]. Second [1][3].", passages)
    assert text == "First [1]. Second [2][1]." and ordered == ["p3", "p1", "p2"]


def test_sources_own_reference_numbers_are_not_citation_markers():
    assert strip_reference_markers("ORR was 44% [15], CR 32% [16,17].") == "ORR was 44%, CR 32%."


# --- follow-ups -----------------------------------------------------------------------------------------------


def test_follow_up_carries_the_subject_of_the_previous_question():
    history = [("What objective response rates does TIL therapy achieve in metastatic melanoma?", "...")]
    assert topic_terms(history[0][0]) == ["TIL", "therapy", "melanoma"]
    assert is_follow_up("and what about its toxicity?", history)
    assert standalone_question("and what about its toxicity?", history) == \
        "and what about its toxicity? (TIL therapy melanoma)"
    # A new question with its own subject is not rewritten.
    assert standalone_question("Which molecule does camrelizumab target?", history) == \
        "Which molecule does camrelizumab target?"
    assert not is_follow_up("and what about its toxicity?", [])


# --- answers on the real index ----------------------------------------------------------------------------------


def _normal(s: str) -> str:
    return " ".join(strip_reference_markers(s).split())


def test_extractive_answer_cites_sentences_that_are_in_the_cited_passages(settings):
    a = answer("What objective response rates does TIL therapy achieve in metastatic melanoma?", settings=settings)
    assert not a.abstained and a.mode == "extractive"
    assert a.text.startswith("Extracted from the retrieved passages")
    bullets = [line[2:] for line in a.text.splitlines() if line.startswith("- ")]
    assert 1 <= len(bullets) <= 4
    for bullet in bullets:
        numbers = [int(n) for n in re.findall(r"\[(\d+)\]", bullet)]
        assert len(numbers) == 1, bullet
        sentence = _normal(re.sub(r"\s*\[\d+\]", "", bullet))
        p = a.passages[numbers[0] - 1]
        spans = [p.text] + [s["text"] for s in p.more_spans]
        assert any(sentence in _normal(t) for t in spans), (sentence, p.doc_id)
    assert a.check.cited[0] == 1  # renumbered: the first marker is [1]
    assert any("lymphocyte" in p.text.lower() or "TIL" in p.text for p in a.passages[:3])


def test_off_topic_question_abstains_and_shows_the_closest_passages(settings):
    a = answer("How long should sourdough bread dough rise before baking?", settings=settings)
    assert a.abstained and "no passage that answers" in a.text
    assert a.passages  # the closest ones, shown so the reader can judge


def test_yes_no_question_shows_evidence_for_and_against(settings):
    a = answer("Is high-dose interleukin-2 effective for metastatic melanoma?", settings=settings)
    assert not a.abstained
    assert "Evidence for:" in a.text and "Evidence against or qualifying it:" in a.text
    assert re.search(r"\[\d+\]", a.text)


def test_follow_up_retrieves_for_the_conversation_subject(settings):
    history = [{"role": "user", "content": "What objective response rates does TIL therapy achieve in metastatic melanoma?"},
               {"role": "assistant", "content": "..."}]
    a = answer("and what about its toxicity?", history, settings=settings)
    assert "TIL" in a.search_query and any(n.startswith("Searched for:") for n in a.notes)
    text = " ".join(p.text.lower() + " " + (p.citation.title or "").lower() for p in a.passages)
    assert "lymphocyte" in text or "til" in text


def test_cli_ask_json(settings):
    out = subprocess.run([sys.executable, "-m", "rag", "ask", "What does aldesleukin treat?", "--index",
                          str(settings.index_dir), "--json"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"answer", "passages", "abstained"} <= set(data) and data["abstained"] is False
    assert [p["n"] for p in data["passages"]] == list(range(1, len(data["passages"]) + 1))
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", data["answer"])}
    assert cited and cited <= {p["n"] for p in data["passages"]}
    for p in data["passages"]:
        assert {"doc_id", "title", "pmid", "doi", "url", "page", "section", "text", "score"} <= set(p)
