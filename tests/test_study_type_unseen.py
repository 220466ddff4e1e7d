"""Study types read from text where the paper's own design is weak evidence (rag/study_type/): models, burden
estimates, surveys of clinicians and research on publications are not studies of the paper's own subjects, a
trial's participants analysed as one cohort are observational, and farm animals are veterinary work. Written
for issue 22, round 3 (style rounds 22-27); tests/test_study_type.py holds the rest."""

from __future__ import annotations

import pytest

from rag.datatypes import Document, Section
from rag.study_type import classify


def _type(title: str, text: str) -> str:
    doc = Document(doc_id="X:1", source_type="abstract", text=text, sections=[Section("", 0, len(text))],
                   title=title, extra={})
    return classify(doc).study_type


@pytest.mark.parametrize("title, text", [
    # A title's design word ("trends", "incidence", "prevalence") over a model or a burden estimate.
    ("Trends in incidence of tuberculosis in Africa to 2035",
     "Tuberculosis remains a leading infectious killer. We developed a forecasting model using national "
     "notification data and demographic projections. Scenarios of treatment coverage were compared."),
    ("Prevalence and attributable burden of migraine in 190 countries",
     "Migraine is common. We estimated prevalence and years lived with disability for 190 countries with "
     "Bayesian models of survey data."),
    ("Projected number of people with dementia in Europe by 2050",
     "Dementia prevalence rises with age. Age-specific prevalence was applied to population forecasts."),
    # Surveys of what clinicians know or think, with words between the topic and the clinicians.
    ("Awareness of drug interactions with warfarin among community pharmacists",
     "Interactions with warfarin are frequent. Pharmacists in two regions were invited to answer an online "
     "survey with ten clinical vignettes."),
    ("Sedation practice in endoscopy units: a national survey",
     "Sedation practice varies. A questionnaire on sedation was completed by 312 nurses working in endoscopy "
     "units. Most used midazolam."),
    # Research on research: the subjects are publications or registrations.
    ("How are harms reported in surgical trials?",
     "Harms are often under-reported. We assessed 140 randomised trials published in five surgical journals "
     "between 2015 and 2020 for the completeness of harms reporting."),
    ("Discrepancies between registered and published outcomes in cardiology",
     "Outcome switching may bias trials. We compared the registry entries of 210 randomised trials with their "
     "publications and recorded every change of primary outcome."),
    ("Industry sponsorship and favourable conclusions in dermatology research",
     "Sponsorship may shape conclusions. We coded the funding source and the direction of conclusions of "
     "articles on biologic drugs published between 2010 and 2020."),
    ("Setting research priorities for stillbirth: a priority setting partnership",
     "Parents and professionals submitted questions through a survey, and a workshop agreed the top ten."),
    ("A global survey of legislation on tobacco advertising",
     "Advertising bans reduce smoking. We reviewed the legislation of 150 countries on advertising, "
     "promotion and sponsorship."),
    ("An audit of 250 trials registered in 2018: were results posted?",
     "Trials must post results within a year. We checked each registry record for posted results."),
])
def test_papers_that_study_no_subjects_of_their_own_are_other(title, text):
    assert _type(title, text) == "other"


def test_a_background_burden_word_does_not_make_a_study_of_people_other():
    assert _type("Prevalence of vision loss among older adults in Brazil",
                 "Vision loss is a leading cause of years lived with disability. Using examination data from "
                 "6,200 adults in a national survey, we estimated the prevalence of vision loss by age and "
                 "region.") == "observational study"


def test_burnout_of_clinicians_is_their_health_not_their_views():
    assert _type("Burnout among hospital pharmacists: a cross-sectional survey",
                 "Burnout harms clinicians and patients. We surveyed 620 pharmacists in 40 hospitals with the "
                 "Maslach Burnout Inventory.") == "observational study"


def test_a_trials_participants_analysed_as_one_cohort_are_observational():
    assert _type("Anaemia and outcomes after cardiac surgery: a secondary analysis of a randomised trial",
                 "Anaemia is common before surgery. In participants of a randomised trial of transfusion "
                 "thresholds, we examined the association between preoperative haemoglobin and death in the "
                 "whole cohort, adjusting for treatment assignment.") == "observational study"
    # A secondary analysis that compares the arms stays the trial.
    assert _type("Transfusion thresholds in older patients: a secondary analysis of a randomised trial",
                 "In this secondary analysis, we compared the effect of a restrictive versus a liberal threshold "
                 "in the 1,200 patients aged over 75 years who had been randomly assigned."
                 ) == "randomised trial"


def test_long_term_follow_up_of_randomised_participants_is_the_trial():
    assert _type("Five-year outcomes of early versus delayed surgery for gallstone pancreatitis",
                 "Early surgery reduced readmissions at six months. We report five-year outcomes for the 266 "
                 "patients who had been randomly assigned to early or delayed cholecystectomy."
                 ) == "randomised trial"


@pytest.mark.parametrize("title, text", [
    ("Mastitis in dairy herds in Ireland: prevalence and risk factors",
     "Mastitis reduces milk yield. Milk samples from cows in 90 herds were cultured and farmers were interviewed."),
    ("Tail biting on pig farms: a cross-sectional study",
     "Tail biting harms pig welfare. Pigs on 70 farms were scored for tail lesions and livestock housing was "
     "recorded."),
    ("Foot lesions and lameness on beef farms in Scotland",
     "Lameness is costly. Beef cattle on 45 beef farms were scored at housing and treatment records examined."),
])
def test_farm_animals_with_their_farms_are_veterinary(title, text):
    assert _type(title, text) == "animal study"


@pytest.mark.parametrize("title, text, expected", [
    ("A pharmacist-led deprescribing programme in care homes: a pre-post intervention study",
     "Residents of care homes take many medicines. Medicines per resident were compared for six months before "
     "and after the programme.", "non-randomised trial"),
    ("Agreement of a smartphone app with spirometry in children with asthma",
     "Home monitoring of lung function is difficult. In 70 children with asthma, peak flow by app and spirometry "
     "were measured on the same day and compared with Bland-Altman plots.", "observational study"),
    ("Inter-rater reliability of a pressure ulcer classification among ward nurses",
     "Classification must be consistent. Two nurses independently graded each ulcer.", "observational study"),
    ("Monocyte responses in chronic granulomatous disease",
     "Monocytes were isolated from blood of 12 patients and stimulated with zymosan. Production of reactive "
     "oxygen species was measured.", "in vitro study"),
    ("A methodological guide to reporting interrupted time series",
     "This paper explains how to describe segments, lags and autocorrelation, with examples.", "other"),
])
def test_designs_said_in_other_words(title, text, expected):
    assert _type(title, text) == expected


@pytest.mark.parametrize("title, text, expected", [
    ("Women on the editorial boards of surgical journals",
     "We identified board members of 120 journals from their websites and recorded their gender.", "other"),
    ("Completeness of disability recording in hospital records",
     "We measured the share of admissions with a valid disability code between 2016 and 2022.", "other"),
    ("Prescribing costs of anticoagulants in primary care, 2015-2023",
     "We analysed national prescription cost data for all practices and described spending by year.", "other"),
    ("Deep learning prediction of delirium in the public eICU database",
     "We trained models on 30,000 intensive care stays and compared them with a clinical score.", "in vitro study"),
    ("Dental disease in working donkeys in Kenya",
     "Donkeys at veterinary clinics in two counties were examined and dental lesions recorded.", "animal study"),
    ("A peer support programme for new mothers: a pilot implementation study",
     "Sixty mothers were offered weekly peer support for three months. Uptake and change in anxiety scores "
     "were measured.", "non-randomised trial"),
])
def test_publication_kinds_named_in_the_title(title, text, expected):
    assert _type(title, text) == expected


def test_a_guide_to_using_a_tool_is_other():
    assert _type("The Glasgow Coma Scale: a practical guide to its use",
                 "The scale is widely used. This guide explains how to score it, with worked examples.") == "other"
