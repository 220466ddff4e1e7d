"""Subgroup values kept apart from the main population's (rag/outcomes/sentence_roles.py): a sentence that opens on
a subgroup speaks of it throughout, while the study's own population ("the intention-to-treat population", "all
the patients"), an arm ("patients who received X") and the conclusions naming the whole population in words do
not make one. Invented sentences in the shapes of real abstracts."""

from __future__ import annotations

import pytest

from rag import extract_outcomes

TWO_ARMS = "Patients were randomly assigned to pembrolizumab or cetuximab with chemotherapy. "


def populations(text: str) -> list[tuple[str, float, str | None]]:
    return [(o.endpoint, o.value, o.population) for o in extract_outcomes(text, "x").outcomes]


def test_a_sentence_that_opens_on_a_subgroup_gives_it_every_value_however_far():
    text = TWO_ARMS + ("Among patients with a PD-L1 combined positive score of 20 or higher, the median overall "
                       "survival was 14.9 months with pembrolizumab and 10.7 months with cetuximab with chemotherapy "
                       "(hazard ratio, 0.61; 95% CI, 0.45 to 0.83; P = .0007).")
    got = extract_outcomes(text, "x").outcomes
    assert [(o.endpoint, o.value) for o in got] == [("OS_median", 14.9), ("OS_median", 10.7), ("HR_OS", 0.61)]
    assert all(o.subgroup and o.population == "among patients with a PD-L1 combined positive score of 20 or higher"
               for o in got)


@pytest.mark.parametrize("opening, population", [
    ("In cohort 2, the objective response rate was 25.8%.", "in cohort 2"),
    ("At the final analysis, among patients aged 75 years or older, the objective response rate was 25.8%.",
     "among patients aged 75 years or older"),
    ("In patients previously exposed to brentuximab vedotin, the objective response rate was 25.8%.",
     "in patients previously exposed to brentuximab vedotin"),
    ("In the subgroup of patients with tumours smaller than 2 cm, the objective response rate was 25.8%.",
     "in the subgroup of patients with tumours smaller than 2 cm"),
    ("For the 36 pediatric patients, the objective response rate was 25.8%.", "for the 36 pediatric patients"),
])
def test_subgroups_named_at_the_opening_in_their_usual_forms(opening, population):
    assert populations(opening) == [("ORR", 25.8, population)]


@pytest.mark.parametrize("opening", [
    "In the intention-to-treat population, the objective response rate was 25.8%.",
    "Among all the patients, the objective response rate was 25.8%.",
    "Among those patients, the objective response rate was 25.8%.",  # those of the sentence before
    "Among patients who received pembrolizumab, the objective response rate was 25.8%.",  # an arm
    "Among all randomly assigned patients, the objective response rate was 25.8%.",
    "In previously treated patients, the objective response rate was 25.8%.",
])
def test_the_study_s_own_population_or_an_arm_at_the_opening_is_no_subgroup(opening):
    assert populations(opening) == [("ORR", 25.8, None)]


def test_a_value_the_sentence_gives_for_the_whole_population_after_a_subgroup_is_the_main_one():
    text = ("Among patients with a CD4 count below 25 cells per uL, mortality was lower with enhanced prophylaxis, "
            "and 24-week survival in the whole trial population was 89.4%.")
    assert populations(text) == [("OS_rate", 89.4, None)]


def test_conclusions_that_name_the_main_population_in_words_repeat_its_values_once():
    text = TWO_ARMS + ("Median overall survival was 13.2 months with pembrolizumab and 8.6 months with cetuximab with "
                       "chemotherapy. CONCLUSIONS: Among patients with previously treated small-cell lung cancer, "
                       "pembrolizumab resulted in longer overall survival (13.2 vs 8.6 months).")
    assert populations(text) == [("OS_median", 13.2, None), ("OS_median", 8.6, None)]
    # a subgroup's value that equals the main one, in the same sentence, stays the subgroup's
    same = TWO_ARMS + ("Median PFS was 8.3 months with pembrolizumab vs 6.8 months with cetuximab with chemotherapy; "
                       "the corresponding values in the Teff-high population were 11.3 months and 6.8 months.")
    assert [p for _, v, p in populations(same) if v == 6.8] == [None, "in the Teff-high population"]


def test_the_other_arm_of_a_subgroup_s_pair_is_named_as_in_the_main_population():
    text = ("In this retrospective cohort study of 8,000 patients with IPF, median survival was 4.4 years in the "
            "antifibrotic group and 3.0 years in the untreated group. In "
            "patients aged 80 years or older, median survival was 2.8 years in treated and 2.2 years in untreated "
            "patients.")
    record = extract_outcomes(text, "x")
    sub = [o for o in record.outcomes if o.population]
    assert [(o.value, o.population) for o in sub] == [(2.8, "in patients aged 80 years or older"),
                                                      (2.2, "in patients aged 80 years or older")]
    assert [o.arm for o in sub] == ["antifibrotic", "untreated"], record.outcomes


def test_a_cohort_named_between_a_count_and_its_share_is_the_value_s():
    text = ("Objective responses occurred in 29 of 52 patients with NSCLC (55.8%; 95% CI 41.3-69.5), 12 of 31 with "
            "breast cancer (38.7%) and six of 24 with biliary tract cancer (25.0%).")
    assert populations(text) == [("ORR", 55.8, "NSCLC"), ("ORR", 38.7, "breast cancer"),
                                 ("ORR", 25.0, "biliary tract cancer")]


def test_each_bullet_of_a_list_opens_on_its_own_subgroup():
    text = ("The OS results were reported as follows:\n\n- At the second interim analysis, among the total population, "
            "the median OS was 13.0 months with pembrolizumab and 10.7 months with cetuximab.\n- At the final "
            "analysis, among the population with a CPS of 20 or higher, the median OS was 14.7 months with "
            "pembrolizumab and 11.0 months with cetuximab")
    cps = "among the population with a CPS of 20 or higher"
    assert [p for _, _, p in populations(text)] == [None, None, cps, cps]


def test_studies_disagree_on_their_main_populations_not_on_a_subgroup():
    from rag.outcomes.table import build_table

    class Source:
        def __init__(self, title: str):
            self.title, self.year, self.authors, self.url = title, 2020, ["Brahmer J"], None

    benefit = ("In this randomized phase 3 trial, patients were randomly assigned to nivolumab or docetaxel. Overall "
               "survival was longer with nivolumab (hazard ratio for death, 0.59; 95% CI, 0.44 to 0.79).")
    # the other study's whole population benefits too; only its subgroup's interval holds 1
    other = ("In this randomized phase 3 trial, patients were randomly assigned to nivolumab or chemotherapy. "
             "Among patients with a PD-L1 expression level below 1%, overall survival did not differ (hazard ratio "
             "for death, 1.02; 95% CI, 0.80 to 1.30). Overall survival was longer with nivolumab (hazard ratio for "
             "death, 0.70; 95% CI, 0.58 to 0.85).")
    studies = [(Source("A"), extract_outcomes(benefit, "PMID:1"), 1),
               (Source("B"), extract_outcomes(other, "PMID:2"), 2)]
    table = build_table("What is the hazard ratio for overall survival with nivolumab?", studies)
    assert [c.population is None for c in table.rows[1].cells["HR_OS"]] == [False, True]
    assert table.disagreements == []


def test_the_cohort_named_after_a_pair_is_both_values():
    text = ("Patients were randomly assigned to nivolumab or docetaxel. Two-year overall survival rates were 23% (95% "
            "CI, 16% to 30%) versus 8% (95% CI, 4% to 13%) in squamous NSCLC.")
    assert populations(text) == [("OS_rate", 23.0, "squamous NSCLC"), ("OS_rate", 8.0, "squamous NSCLC")]


@pytest.mark.parametrize("sentence, population", [
    ("Patients with stage III or IV disease had a greater improvement in PFS (HR, 0.58; 95% CI, 0.42-0.80).",
     "patients with stage III or IV disease"),
    ("Patients in the PD-L1 low subgroup (TC0 and IC0) also had improved survival (HR 0.75; 95% CI 0.59-0.96).",
     "patients in the PD-L1 low subgroup (TC0 and IC0)"),
    # an arm, or an exposure a cohort study compares, is no subgroup
    ("Patients in the pembrolizumab groups had longer survival (HR 0.75; 95% CI 0.59-0.96).", None),
    ("Participants in the highest quartile of physical activity had lower mortality (HR 0.75; 95% CI 0.59-0.96).",
     None),
])
def test_a_subgroup_as_the_sentence_s_subject(sentence, population):
    [(_, _, got)] = [p for p in populations(sentence) if p[0].startswith("HR")]
    assert got == population


@pytest.mark.parametrize("text", [
    "Of the 45 patients enrolled, 12 (27%) had an objective response.",
    # the enrolment counted again
    "In this phase 2 trial, 45 patients with metastatic melanoma received nivolumab. Of the 45 patients with "
    "metastatic melanoma, 12 (27%) had an objective response.",
    # an arm's patients
    TWO_ARMS + "For patients in the pembrolizumab group, the objective response rate was 27%.",
    TWO_ARMS + "In patients on pembrolizumab, the objective response rate was 27%.",
    TWO_ARMS + "Patients with pembrolizumab had an objective response rate of 27%.",
    # the study's own cohort, or a cohort of its patients
    "In our cohort, the objective response rate was 27%.",
    "In a cohort of 45 patients with melanoma, the objective response rate was 27%.",
])
def test_the_enrolled_an_arm_s_patients_and_the_study_s_own_cohort_are_no_subgroup(text):
    assert [p for _, _, p in populations(text)] == [None]


def test_each_clause_names_its_own_subgroup_and_an_arm_s_subgroup_is_one():
    text = TWO_ARMS + ("Patients aged 65 years or older had a median overall survival of 10 months; patients younger "
                       "than 65 years had a median overall survival of 14 months.")
    assert [p for _, _, p in populations(text)] == ["patients aged 65 years or older", "patients younger than 65 years"]
    # a subgroup of one arm is a subgroup
    arm = ("Patients were randomly assigned to fidaxomicin or vancomycin. In patients aged 80 years or older receiving "
           "fidaxomicin, clinical response was 83.3%.")
    assert [p for _, _, p in populations(arm)] == ["in patients aged 80 years or older receiving fidaxomicin"]
    # a subgroup's value equal to the main one is kept (only the conclusions say the main values again)
    same = TWO_ARMS + ("The ORR was 20% with pembrolizumab. Among patients with PD-L1 of 50% or more, the ORR was 20% "
                       "with pembrolizumab.")
    assert [p for _, _, p in populations(same)] == [None, "among patients with PD-L1 of 50% or more"]


@pytest.mark.parametrize("heading", ["\nConclusions: ", " CONCLUSIONS: ", "\nConclusions and Relevance: "])
def test_conclusions_headed_in_their_own_sentence_repeat_the_main_value_once(heading):
    text = f"Results: The objective response rate was 30%.{heading}Among patients with NSCLC, the objective " \
           "response rate was 30%."
    assert populations(text) == [("ORR", 30.0, None)]
