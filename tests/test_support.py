"""The sentence-level support check (rag/support.py) on a real passage, and on real answers."""

from __future__ import annotations

import json

import pytest

from rag import answer
from rag.support import PARTLY, SUPPORTED, UNSUPPORTED, check_answer, check_sentence, mark_unverified, numbers

from conftest import ABSTRACTS

# KEYNOTE-010 (PMID 26712084), its findings as PubMed has them.
KEYNOTE_010 = json.loads(next(line for line in ABSTRACTS.open(encoding="utf-8") if '"26712084"' in line))["abstract"]


def verdict(sentence: str):
    return check_sentence(sentence + " [1]", [1], {1: KEYNOTE_010})


def test_the_passage_is_the_real_abstract():
    assert "we enrolled 1034 patients" in KEYNOTE_010 and "10.4 months" in KEYNOTE_010


@pytest.mark.parametrize("sentence", [
    "We enrolled 1,034 patients.",  # a thousands separator
    "Median overall survival was 10.4 months with pembrolizumab 2 mg/kg.",
    "Median overall survival was 10.4 months with Keytruda 2 mg/kg.",  # the brand name of the drug
    "Median overall survival was 10.4 months with MK-3475 2 mg/kg.",  # its code name
    "In the total population, median overall survival was 10.4 months with pembrolizumab 2 mg/kg and 8.5 months "
    "with docetaxel.",
])
def test_a_sentence_that_keeps_every_fact_is_supported(sentence):
    v = verdict(sentence)
    assert v.status == SUPPORTED, v.reasons


@pytest.mark.parametrize("sentence, reason", [
    ("Median overall survival was 14.4 months with pembrolizumab 2 mg/kg.", "14.4 not in [1]"),
    ("Median overall survival was 10.4 months with nivolumab 2 mg/kg.", "nivolumab not in [1]"),
    ("We enrolled 1034 patients, and median overall survival was 10.4 months with atezolizumab 2 mg/kg and "
     "8.5 months with docetaxel.", "atezolizumab not in [1]"),
])
def test_a_changed_number_or_name_is_caught_with_the_reason(sentence, reason):
    v = verdict(sentence)
    assert v.status in (PARTLY, UNSUPPORTED) and reason in v.reasons, v


def test_negation_must_agree_with_the_passage():
    added = verdict("Overall survival was not longer with pembrolizumab 2 mg/kg than with docetaxel.")
    assert added.status != SUPPORTED and '"not" is not said in [1]' in added.reasons
    source = "Adjuvant vaccination did not improve disease-free survival in resected melanoma."
    removed = check_sentence("Adjuvant vaccination improved disease-free survival in resected melanoma. [1]", [1],
                             {1: source})
    assert removed.status != SUPPORTED and '[1] says "did not", the sentence does not' in removed.reasons
    kept = check_sentence("Vaccination did not improve disease-free survival. [1]", [1], {1: source})
    assert kept.status == SUPPORTED


def test_ranges_and_percentages_in_either_form():
    assert numbers("49–72%") == [(49.0, True), (72.0, True)]
    assert numbers("49% to 72%") == [(49.0, True), (72.0, True)]
    v = check_sentence("Responses were seen in 49–72% of patients. [1]", [1],
                       {1: "Responses were seen in 49% to 72% of the patients treated."})
    assert v.status == SUPPORTED
    assert numbers("MK-3475 and CD19 in 12 patients") == [(12.0, False)]  # a code's digits are a name's


def test_unverified_sentences_are_marked_in_the_text():
    from rag.records import Citation, Passage

    passage = Passage("PMID:26712084", 1, KEYNOTE_010, 1.0, Citation("KEYNOTE-010", [], 2016, "Lancet", "26712084",
                                                                     None, None, None, None, "abstract"))
    text = "Overall survival was 14.4 months with nivolumab [1]. We enrolled 1034 patients [1]. OS was 14.4 months [1]."
    verdicts = check_answer(text, [passage])
    assert [v.status for v in verdicts] == [UNSUPPORTED, SUPPORTED, PARTLY]
    marked = mark_unverified(text, verdicts)
    assert "[1] ⚠ (unsupported: 14.4 not in passage 1; nivolumab not in passage 1)." in marked
    assert "[1] ⚠ (partly supported: 14.4 not in passage 1)." in marked and marked.count("⚠") == 2


def test_a_reason_names_each_passage_a_sentence_cites():
    """A sentence citing several passages: '⚠ (unsupported: 14.4 not in passages 1, 2 and 3)', not
    'passage 1passage 2passage 3'."""
    from rag.records import Citation, Passage

    passages = [Passage(f"PMID:{n}", n, text, 1.0, Citation("t", [], 2016, "J", str(n), None, None, None, None,
                                                               "abstract"))
                for n, text in enumerate([KEYNOTE_010, "Docetaxel was the comparator.", "Patients had NSCLC."], 1)]
    text = "Median overall survival was 14.4 months [1][2][3]."
    (v,) = check_answer(text, passages)
    assert v.cited == [1, 2, 3] and "14.4 not in [1][2][3]" in v.reasons
    marked = mark_unverified(text, [v])
    assert "14.4 not in passages 1, 2 and 3" in marked and "passage 1passage" not in marked, marked


def test_extractive_answers_are_always_supported(settings):
    """The check of the check: an extractive answer copies its sentences from the passages it cites."""
    for question in ("What objective response rates does TIL therapy achieve in metastatic melanoma?",
                     "What are the side effects of CAR T-cell therapy?", "Is high-dose interleukin-2 effective for "
                     "metastatic renal cell carcinoma?", "Which company produces Keytruda?"):
        a = answer(question, settings=settings)
        assert a.abstained or a.check.support, question
        assert all(v["status"] == SUPPORTED for v in a.check.support), (question, a.check.support)
        assert a.to_dict()["citation_check"]["support"] == a.check.support
