"""The number that leads a quantitative answer (rag/answer/numbers.py): which study may lead, and what is said when
it does not fit the question. Real outcome records from rag.outcomes, the session's real index for word weights."""

from __future__ import annotations

from rag import extract_outcomes
from rag.answer.numbers import _names_the_study, _unnamed
from rag.answer.question import question_terms
from rag.config import AnswerWeights
from rag.datatypes import Citation, Passage
from rag.index.store import open_store
from rag.outcomes.table import build_table

LUNG = ("In this single-arm phase 2 trial, 30 patients with advanced non-small cell lung cancer received "
        "pembrolizumab. The objective response rate was 9%.")
PEMETREXED = ("In this randomized phase 3 trial, patients with non-small cell lung cancer were randomly assigned to "
              "pemetrexed or placebo. Median overall survival was 13.4 months with pemetrexed and 10.6 months with "
              "placebo.")


def _row(text: str, question: str):
    """The table row of a retrieved passage holding the whole text (the row reads its tumours in the passage)."""
    citation = Citation(None, [], None, None, None, None, None, None, None, "pubmed")
    passage = Passage("x", 0, text, 1.0, citation, 0, len(text))
    return build_table(question, [(passage, extract_outcomes(text, "x"), 1)]).rows[0]


def test_a_study_of_another_tumour_leads_only_with_a_caveat_naming_it(settings):
    store = open_store(settings)
    question = "What objective response rate does pembrolizumab achieve in advanced melanoma?"
    assert _unnamed(question, _row(LUNG, question), store) == ["melanoma"]
    assert _unnamed("What objective response rate does pembrolizumab achieve in lung cancer?",
                    _row(LUNG, question), store) == []
    # "<site> cancer", which MeSH has no term for ("Breast Neoplasms" only), in the question's own words
    assert _unnamed("What objective response rate does pembrolizumab achieve in breast cancer?",
                    _row(LUNG, question), store) == ["breast cancer"]
    # Words that MeSH also lists ("did", an entry term) are no tumour, and the study names the drug: nothing to say.
    assert _unnamed("What response rate did pembrolizumab achieve?", _row(LUNG, question), store) == []
    # A drug of the question the study never names ("atezolizumab" added to the chemotherapy it reports)
    assert _unnamed("What response rate did atezolizumab plus pembrolizumab achieve in lung cancer?",
                    _row(LUNG, question), store) == ["atezolizumab"]


def test_a_study_further_down_leads_only_when_it_matches_the_question_clearly_better():
    from rag.answer.numbers import LeadMatch

    read = LeadMatch(unnamed=0, relevance=7.45, passage=1)
    assert not LeadMatch(0, 7.7, 6).clearly_better_than(read)  # a word of the passage more is no clear match
    assert LeadMatch(0, 8.5, 6).clearly_better_than(read)  # one more word of the question in its title or arms
    assert LeadMatch(0, 7.0, 6).clearly_better_than(LeadMatch(1, 8.5, 1))  # names the tumour the other misses
    assert not LeadMatch(1, 9.0, 6).clearly_better_than(LeadMatch(0, 5.0, 1))
    # ... but not when it is far less relevant (an excerpt of one sentence names no tumour, yet answers the question)
    assert not LeadMatch(0, 1.85, 13).clearly_better_than(LeadMatch(1, 6.95, 1))
    # a study with an arm of the comparator the question names, over one without (a single arm's figure)
    assert LeadMatch(0, 3.7, 12, compares=True).clearly_better_than(LeadMatch(0, 4.25, 1))
    assert not LeadMatch(0, 3.7, 12).clearly_better_than(LeadMatch(0, 4.25, 1, compares=True))


def test_a_question_s_comparator_is_matched_by_a_study_s_arm():
    from rag.answer.numbers import _compares

    question = "What response rate does first-line pembrolizumab give compared with platinum chemotherapy?"
    trial = _row("Patients were randomly assigned to pembrolizumab or platinum-based chemotherapy. The response rate "
                 "was 44.8% with pembrolizumab and 27.8% with chemotherapy.", question)
    single = _row("In this single-arm phase 2 trial, 61 patients received pembrolizumab. The objective response rate "
                  "was 41%.", question)
    assert _compares(question, trial) and not _compares(question, single)
    assert not _compares("What response rate does pembrolizumab give?", trial)  # no comparator asked
    assert not _compares("According to a review, what response rate does pembrolizumab give compared with "
                         "chemotherapy?", trial)  # the review asked for answers


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


def test_survival_and_response_in_a_patients_words_ask_for_numbers():
    from rag.answer.numbers import lead_endpoints, wants_number
    from rag.outcomes.table import asked_endpoints

    live = "How much longer do patients with squamous NSCLC live on nivolumab than on docetaxel?"
    assert wants_number(live) and asked_endpoints(live)[:3] == ["OS_median", "OS_rate", "HR_OS"]
    alive = "How many more patients are still alive a year later with nivolumab than with docetaxel?"
    assert wants_number(alive) and lead_endpoints(alive) == ["OS_rate"]  # a landmark, not the median
    shrink = "How often do tumours shrink with nivolumab plus ipilimumab in small-cell lung cancer?"
    assert wants_number(shrink) and asked_endpoints(shrink)[0] == "ORR"
    # "deliver" holds no "live": a question of another kind asks for no survival figure
    assert "OS_median" not in asked_endpoints("How is the drug delivered to the tumour?")


def test_a_landmark_asked_in_words_finds_the_study_that_reports_it_at_that_time():
    from rag.answer.numbers import asked_months, lead_endpoints, reports_at

    question = "How many patients are still alive six months after starting pembrolizumab compared with chemotherapy?"
    assert asked_months(question) == 6 and lead_endpoints(question) == ["OS_rate"]
    assert asked_months("still alive a year later") == 12
    assert abs(asked_months("free of progression at 20 weeks") - 20 * 12 / 52) < 1e-9
    assert asked_months("What is the median overall survival?") is None
    twelve = ("Patients were randomly assigned to pembrolizumab or chemotherapy. The 12-month overall survival rate "
              "was 69.2% with pembrolizumab and 49.4% with chemotherapy.")
    six = ("Patients were randomly assigned to pembrolizumab or chemotherapy. The 6-month overall survival rate was "
           "80.2% with pembrolizumab and 72.4% with chemotherapy.")
    table = build_table(question, [(None, extract_outcomes(twelve, "a"), 1), (None, extract_outcomes(six, "b"), 2)])
    assert [r.doc_id for r in reports_at(6, table.rows, ["OS_rate"])] == ["b"]
    assert reports_at(None, table.rows, ["OS_rate"]) == []


def test_complete_disappearance_and_how_long_responses_last_are_asked_for():
    from rag.answer.numbers import asks_quantity, lead_endpoints, wants_number
    from rag.outcomes.table import asked_endpoints

    gone = "How often does the cancer disappear completely with nivolumab plus ipilimumab?"
    assert wants_number(gone) and lead_endpoints(gone) == ["CR"]
    wiped = "In metastatic renal cell carcinoma, how often does high-dose IL-2 wipe out all detectable disease?"
    assert wants_number(wiped) and lead_endpoints(wiped) == ["CR"]
    share = "In what share of them does the cancer disappear completely and stay away?"
    assert wants_number(share) and asks_quantity(share) and lead_endpoints(share) == ["CR"]
    last = "How long do responses to adagrasib typically last in KRAS G12C-mutated lung cancer?"
    assert wants_number(last) and asked_endpoints(last)[0] == "DOR_median" and lead_endpoints(last) == ["DOR_median"]
    # "how long": a time, not the share that responds, whatever the question says of the response first
    hold = "When pembrolizumab produces a response in advanced NSCLC, how long does that response typically hold up?"
    assert "DOR_median" in asked_endpoints(hold) and lead_endpoints(hold) == ["DOR_median"]
    assert lead_endpoints("How long do patients live on nivolumab, and how many respond?") == ["OS_median"]
    # "how much longer": a time too, though the patients are described by one ("within six months of platinum")
    assert lead_endpoints("How much longer do patients whose cancer progressed within six months of platinum "
                          "chemotherapy live on nivolumab than on docetaxel?") == ["OS_median"]
    compare = "How does tumour shrinkage with nivolumab compare with dacarbazine in melanoma?"
    assert wants_number(compare) and asked_endpoints(compare)[0] == "ORR"


def test_a_risk_of_death_is_answered_by_the_survival_ratio_of_the_study_that_reports_it(settings):
    """The question names progression (its patients') and asks the risk of death: the hazard ratio for death leads,
    from the trial's overall-survival paper, not the earlier paper's ratio for progression."""
    from rag import answer
    from rag.answer.numbers import lead_endpoints

    question = ("For locally advanced unresectable NSCLC without progression after chemoradiation, how much does "
                "durvalumab lower the risk of death versus placebo?")
    assert lead_endpoints(question) == ["HR_OS", "HR_PFS"]
    assert lead_endpoints("How much does it reduce the risk of progression or death?")[0] == "HR_PFS"
    a = answer(question, settings=settings, use_llm=False)
    lead = a.text.splitlines()[2]
    assert "hazard ratio for overall survival 0.68" in lead, a.text
    n = int(lead.rsplit("[", 1)[1].split("]")[0])
    assert a.passages[n - 1].doc_id == "PMID:30280658"


def test_a_word_of_the_question_matches_the_part_of_a_hyphenated_title_word(settings):
    """"squamous NSCLC" names the trial of "Advanced Squamous-Cell Non-Small-Cell Lung Cancer": its ratio leads, not
    that of the pooled two-year report of two trials that ranks first by retrieval."""
    from rag import answer

    a = answer("By how much does second-line nivolumab cut the risk of death compared with docetaxel in squamous "
               "NSCLC?", settings=settings, use_llm=False)
    lead = a.text.splitlines()[2]
    assert "hazard ratio for overall survival 0.59" in lead, a.text
    n = int(lead.rsplit("[", 1)[1].split("]")[0])
    assert a.passages[n - 1].doc_id == "PMID:26028407"


def test_a_number_no_study_read_reports_is_looked_for_a_little_further_down(settings):
    """The five passages read give no disease control rate; the trial that reports it ranks lower: its value
    leads, cited, and its passage is shown. With the wider look turned off, no value leads."""
    import dataclasses

    from rag import answer

    question = ("In pretreated KRAS G12C-mutant NSCLC, including patients who already had PD-1/PD-L1 inhibitors, "
                "what disease control rate does sotorasib achieve?")
    a = answer(question, settings=settings, use_llm=False)
    lead = a.text.splitlines()[2]
    assert "disease control rate 80.6% (72.6–87.2) [1]" in lead, a.text
    assert a.passages[0].doc_id == "PMID:34096690" and len(a.passages) == settings.k
    assert all(v["status"] == "supported" for v in a.check.support[:1]), a.check.support
    narrow = settings.replace(answer=dataclasses.replace(settings.answer, number_pool=settings.answer.pool))
    assert "disease control rate" not in answer(question, settings=narrow, use_llm=False).text.splitlines()[2]


def test_a_tumour_the_question_abbreviates_or_the_paper_hyphenates_is_named(settings):
    """"squamous NSCLC": a melanoma study does not lead a lung cancer question; "Non-Small-Cell Lung Cancer" (a
    title's hyphens) names the tumour NSCLC abbreviates."""
    from rag import answer
    from rag.lexical.mesh import concepts, tumours_spelled_out

    nsclc = set(concepts("non-small cell lung cancer"))
    assert nsclc <= set(concepts(tumours_spelled_out("in squamous NSCLC")))
    assert nsclc <= set(concepts(tumours_spelled_out("Pembrolizumab for the treatment of non-small-cell lung cancer")))
    assert not set(concepts(tumours_spelled_out("ALL patients in the NSCLCs cohort"))) - nsclc
    a = answer("What proportion of patients with squamous NSCLC who have already had two or more treatments develop "
               "grade 3-4 treatment-related side effects on nivolumab?", settings=settings, use_llm=False)
    lead = a.text.splitlines()[2]
    assert "grade 3 or higher adverse events" in lead and "Melanoma" not in lead, a.text


def test_a_value_only_quoted_from_another_study_leads_said_as_such(settings):
    """A review of toxicity quotes CheckMate 017's grade 3-4 rates; no study's own value in the passages read says
    them: the quoted figures lead, the paper named by its title (not one of the trials it names), the sentence saying
    the figure may be quoted, its span marked in the sources, and the sentence supported."""
    from rag import answer

    question = ("According to a review of the toxicity of PD-1/PD-L1 inhibitors in NSCLC, how often do grade 3-4 side "
                "effects occur with nivolumab compared with docetaxel in refractory squamous disease?")
    a = answer(question, settings=settings, use_llm=False)
    lead = a.text.splitlines()[2]
    assert "grade 3 or higher adverse events 7% (nivolumab); 55% (docetaxel)" in lead, a.text
    assert "(a figure this passage may quote from another study)" in lead and lead.startswith("“Anti PD-1"), lead
    n = int(lead.rsplit("[", 1)[1].split("]")[0])
    passage = a.passages[n - 1]
    assert passage.doc_id == "PMID:26412670"
    assert any("7% versus 55%" in s["text"] for s in passage.more_spans) or "7% versus 55%" in passage.text
    assert a.check.support[0]["status"] == "supported", a.check.support[0]


def test_a_landmark_no_study_reports_is_said_and_a_range_keeps_to_one_landmark(settings):
    from rag.answer.numbers import _as_written, landmark_note, range_line
    from rag.answer.question import question_terms

    question = "What is the 2-year overall survival with nivolumab in lung cancer?"
    one_year = ("Patients were randomly assigned to nivolumab or docetaxel. The 1-year overall survival rate was 51% "
                "with nivolumab and 39% with docetaxel.")
    two_year = ("Patients were randomly assigned to nivolumab or docetaxel. The 2-year overall survival rate was 23% "
                "with nivolumab and 8% with docetaxel.")
    other_two = two_year.replace("23%", "29%").replace("8%", "16%")
    table = build_table(question, [(None, extract_outcomes(t, i), n) for n, (i, t) in
                                   enumerate([("a", two_year), ("b", one_year), ("c", other_two)], 1)])
    terms = question_terms(question, open_store(settings).idf, AnswerWeights.key_idf)
    best, rows = table.rows[0], table.rows
    # the 2-year rates make the range; the 1-year 51% is no 2-year rate
    assert range_line(terms, best, rows, "OS_rate", "overall survival rate", 24) == [
        "Across the studies that report it, the overall survival rate ranges from 23% to 29% [1][3]."]
    assert range_line(terms, best, rows, "OS_rate", "overall survival rate", None) == []  # no landmark: no range
    # five years asked, the study reports two: said, with its time point
    assert landmark_note("What is the 5-year overall survival with nivolumab?", best, "OS_rate") == (
        "No retrieved study gives the overall survival rate at the time asked (5-year); these are at 2-year.")
    # a rate read from a table with no landmark says so, and no time is guessed for it
    table_text = ("Patients were randomly assigned to nivolumab or ipilimumab.\n\n| Patient Group | Overall Survival "
                  "Rate |\n| --- | --- |\n| nivolumab | 52% |\n| ipilimumab | 34% |")
    row = build_table(question, [(None, extract_outcomes(table_text, "d"), 1)]).rows[0]
    assert [_as_written(c) for c in row.cells["OS_rate"]] == ["52% (time not stated)", "34% (time not stated)"]
    assert landmark_note(question, row, "OS_rate").endswith("these are at a time the source does not state.")


def test_what_a_lead_says_of_its_values_it_says_once_when_all_are_so_else_of_each():
    from rag.answer.numbers import landmark_note, lead_values

    question = "What response rates does interleukin-2 achieve?"
    sums = ("Two hundred patients with melanoma or renal cancer received interleukin-2. Nine patients (7%) with "
            "melanoma achieved complete regression and 14 patients (10%) had partial regression. The objective "
            "response rate was 30% in patients with renal cancer.")
    row = build_table(question, [(None, extract_outcomes(sums, "x"), 1)]).rows[0]
    name, values = lead_values("ORR", row.cells["ORR"])
    assert name == "objective response rate" and values == (
        "30% (in patients with renal cancer); 7% + 10% = 17% (complete plus partial responses, added up here) "
        "(melanoma)")
    table_text = ("Patients were randomly assigned to nivolumab or ipilimumab.\n\n| Patient Group | Overall Survival "
                  "Rate |\n| --- | --- |\n| nivolumab | 52% |\n| ipilimumab | 34% |\nThe 1-year overall survival rate "
                  "was 51% with nivolumab.")
    row = build_table("What is the overall survival rate with nivolumab?",
                      [(None, extract_outcomes(table_text, "t"), 1)]).rows[0]
    name, values = lead_values("OS_rate", row.cells["OS_rate"])
    assert name == "overall survival rate" and "52% (time not stated) (nivolumab)" in values and "1-year: 51%" in values
    # another study of the table gives the landmark asked: not "no retrieved study"
    note = landmark_note("What is the 2-year overall survival?", row, "OS_rate", others=True)
    assert note.startswith("This study does not give the overall survival rate at the time asked (2-year)")
