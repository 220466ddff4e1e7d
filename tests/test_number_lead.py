"""The number that leads a quantitative answer (rag/answer/numbers.py): which study may lead, and what is said when
it does not fit the question. Real outcome records from rag.outcomes, the session's real index for word weights."""

from __future__ import annotations

from rag import extract_outcomes
from rag.answer.numbers import _names_the_study, _unnamed
from rag.answer.question import question_terms
from rag.config import AnswerWeights
from rag.index.store import open_store
from rag.outcomes.table import build_table

LUNG = ("In this single-arm phase 2 trial, 30 patients with advanced non-small cell lung cancer received "
        "pembrolizumab. The objective response rate was 9%.")
PEMETREXED = ("In this randomized phase 3 trial, patients with non-small cell lung cancer were randomly assigned to "
              "pemetrexed or placebo. Median overall survival was 13.4 months with pemetrexed and 10.6 months with "
              "placebo.")


def _row(text: str, question: str):
    return build_table(question, [(None, extract_outcomes(text, "x"), 1)]).rows[0]


def test_a_study_of_another_tumour_leads_only_with_a_caveat_naming_it(settings):
    store = open_store(settings)
    question = "What objective response rate does pembrolizumab achieve in advanced melanoma?"
    assert _unnamed(question, _row(LUNG, question), store) == ["melanoma"]
    assert _unnamed("What objective response rate does pembrolizumab achieve in lung cancer?",
                    _row(LUNG, question), store) == []
    # Words that MeSH also lists ("did", an entry term) and drugs are no tumour: nothing to say.
    assert _unnamed("What response rate did pembrolizumab achieve?", _row(LUNG, question), store) == []


def test_the_words_of_every_quantitative_question_name_no_study(settings):
    store = open_store(settings)
    question = ("Does tremelimumab prolong survival in previously treated malignant mesothelioma? What were the "
                "median overall survivals versus placebo?")
    terms = question_terms(question, store.idf, AnswerWeights.key_idf)
    # A pemetrexed trial holds "overall survival" but neither tremelimumab nor mesothelioma: it may not lead.
    assert not _names_the_study(terms, _row(PEMETREXED, question))
    tremelimumab = PEMETREXED.replace("pemetrexed", "tremelimumab").replace("non-small cell lung cancer",
                                                                          "malignant mesothelioma")
    assert _names_the_study(terms, _row(tremelimumab, question))


def test_the_lead_says_only_numbers_its_passage_shows():
    from rag.answer.numbers import _as_written
    from rag.outcomes.table import Cell

    def cell(span: str, value: float) -> Cell:
        return Cell("CR", "all", f"{value:g}%", value, "%", "x", 1, 0, len(span), span)

    assert _as_written(cell("complete responses in 22%", 22.0)) == "22%"
    assert _as_written(cell("complete responses in 9 of 42 patients", 21.4)) == "9 of 42"
    # A share computed from a count and a denominator stated elsewhere: the table keeps it, the lead does not say it.
    assert _as_written(cell("20 complete responders", 21.5)) is None


def test_a_median_not_reached_leads_in_the_arms_order_and_its_sentence_is_supported():
    from rag.answer.numbers import _as_written, _sayable
    from rag.answer.support_check import SUPPORTED, check_sentence

    text = ("Patients were randomly assigned to nivolumab plus ipilimumab, nivolumab, or ipilimumab. The median "
            "overall survival was 37.6 months with nivolumab and 19.9 months with ipilimumab; it had not been "
            "reached with nivolumab plus ipilimumab.")
    row = _row(text, "What is the median overall survival with nivolumab plus ipilimumab?")
    said = [f"{_as_written(c)} ({c.arm})" for c in _sayable(row, "OS_median")]
    assert said == ["not reached (nivolumab plus ipilimumab)", "37.6 months (nivolumab)", "19.9 months (ipilimumab)"]
    lead = f"{row.study}: median overall survival {'; '.join(said)} [1]."
    verdict = check_sentence(lead, [1], {1: text})
    assert verdict.status == SUPPORTED, verdict.reasons


def test_the_lead_takes_a_study_reporting_the_first_endpoint_asked_and_one_value_an_arm():
    from rag.answer.numbers import _first_of_each, _sayable, lead_endpoints, leading_study

    question = "How much does pembrolizumab prolong progression-free survival compared with chemotherapy?"
    rates = ("Patients were randomly assigned to pembrolizumab or chemotherapy. The 6-month progression-free "
             "survival rate was 34% with pembrolizumab and 16% with chemotherapy.")
    medians = ("Patients were randomly assigned to pembrolizumab or chemotherapy. Median progression-free survival "
               "was 10.3 months with pembrolizumab and 6.0 months with chemotherapy.")
    table = build_table(question, [(None, extract_outcomes(rates, "a"), 1), (None, extract_outcomes(medians, "b"), 2)])
    asked = [e for e in lead_endpoints(question) if e in table.columns]
    assert asked[:2] == ["PFS_median", "PFS_rate"]
    # The rates' study ranks first in retrieval and names as much of the question: the medians' study leads.
    assert leading_study(question, table.rows, asked, {}).doc_id == "b"

    ratios = ("Patients were randomly assigned to atezolizumab or docetaxel. Overall survival was longer with "
              "atezolizumab (HR for overall survival 0.73, 95% CI 0.62-0.87, p=0.0003). The updated analysis gave a "
              "hazard ratio for overall survival of 0.75 (95% CI 0.59-0.96). Among patients with high PD-L1 "
              "expression, the hazard ratio for overall survival was 0.41 (95% CI 0.27-0.64).")
    row = build_table("What is the hazard ratio for overall survival?",
                      [(None, extract_outcomes(ratios, "c"), 1)]).rows[0]
    assert [c.value for c in _sayable(row, "HR_OS")] == [0.73, 0.75, 0.41]
    # A second ratio of the same comparison whose population the text does not name is left to the table.
    assert [c.value for c in _first_of_each(_sayable(row, "HR_OS"))] == [0.73, 0.41]
