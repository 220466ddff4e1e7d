"""Study types read from text, round 4 of issue 22 (style rounds 30-37, a natural PubMed mix): wild and farm animals
as veterinary work, research on research and software papers as `other`, laboratory work named by its methods
(primary cell cultures, spiked samples, plaque assays, chromatography, archival tissue, samples from patients),
follow-up studies and validations of clinical rules as observational, small case series as case reports, and
patients enrolled beside controls as no trial. tests/test_study_type.py and tests/test_study_type_unseen.py hold
the rest. The wordings below are written for these tests, not taken from the benchmark items."""

from __future__ import annotations

import pytest

from rag.datatypes import Document, Section
from rag.study_type import STUDY_TYPES, classify


def _type(title: str, text: str) -> str:
    doc = Document(doc_id="X:1", source_type="abstract", text=text, sections=[Section("", 0, len(text))],
                   title=title, extra={})
    return classify(doc).study_type


@pytest.mark.parametrize("title, text", [
    ("Prevalence of Trichinella in free-ranging red foxes in Poland",
     "Foxes are a reservoir of Trichinella. Muscle samples from 420 foxes shot by hunters were examined by "
     "artificial digestion. Larvae were found in 9% of animals."),
    ("Hepatitis E virus in wild boars hunted in northern Spain",
     "Wild boars may transmit hepatitis E to people. Liver samples from 330 hunted boars were tested by RT-PCR."),
    ("Lesions of West Nile virus infection in wild birds found dead in Hungary",
     "We performed necropsies on 64 birds of 15 species found dead in 2022. Virus was detected by PCR."),
    ("Response of beef heifers to a Mannheimia haemolytica vaccine",
     "Thirty beef heifers were vaccinated twice and challenged with a field strain. Lung lesions were scored."),
])
def test_wild_and_farm_animals_are_animal_studies(title, text):
    assert _type(title, text) == "animal study"


@pytest.mark.parametrize("title, text", [
    # Research on research, with words between the publications and "published".
    ("Blinding in randomised trials of physiotherapy: a methodological study",
     "Blinding is difficult in trials of physical interventions. We assessed 210 randomised trials of "
     "physiotherapy published between 2012 and 2021 for the blinding of participants and assessors."),
    ("How often are sex differences analysed in trials of statins?",
     "We examined 95 placebo-controlled trials of lipid-lowering drugs published in five journals."),
    # The attitudes of students or trainees.
    ("Nursing students' attitudes towards older people: a national survey",
     "Ageist attitudes may affect care. A questionnaire was sent to students at 20 nursing schools."),
    # A paper that describes the software it built.
    ("", "This article describes the development and evaluation of an open-source software package for "
         "automated counting of colonies on agar plates."),
    ("PhyloKit: phylogenetic analysis at scale",
     "Phylogenetic analyses of many genes are laborious. We present PhyloKit, software that automates "
     "alignment, tree building and tests of selection."),
])
def test_research_on_research_trainees_views_and_software_are_other(title, text):
    assert _type(title, text) == "other"


@pytest.mark.parametrize("title, text", [
    ("Metformin and mitochondrial respiration in primary human hepatocytes",
     "Primary human hepatocytes from three donors were exposed to metformin for 48 hours, and oxygen "
     "consumption was measured."),
    ("Insulin signalling in human adipocytes",
     "Preadipocytes from abdominal fat were differentiated in culture and treated with insulin for 30 minutes. "
     "Glucose uptake was measured."),
    ("Detection of synthetic cannabinoids in urine by three immunoassays",
     "Drug-free urine was spiked with 18 synthetic cannabinoids. Cross-reactivity varied widely between assays."),
    ("Persistence of influenza virus on banknotes",
     "Virus was deposited on banknotes and recovered after 1 to 10 days. Infectious titres were measured by "
     "plaque assay."),
    ("Volatile oils of Lavandula species and their antifungal activity",
     "Oils were obtained by hydrodistillation and analysed by gas chromatography. Activity against Candida was "
     "tested by disc diffusion."),
    ("HER2 expression in gastric adenocarcinoma",
     "Archival tissue from 140 patients with resected gastric cancer was stained for HER2 and scored by two "
     "pathologists."),
    ("Fragment length of circulating DNA in hepatocellular carcinoma",
     "Shallow whole-genome sequencing was performed on plasma from 80 patients with liver cancer and 40 "
     "controls, and fragment size profiles were compared."),
    ("Sporicidal activity of peracetic acid on hospital surfaces",
     "Steel discs inoculated with Bacillus spores were exposed to peracetic acid. Log reductions were "
     "calculated after 5 minutes."),
])
def test_laboratory_methods_make_in_vitro_studies(title, text):
    assert _type(title, text) == "in vitro study"


@pytest.mark.parametrize("title, text", [
    ("Functioning after sepsis: a multicentre follow-up study",
     "All adults discharged from eight intensive care units after sepsis were invited to complete "
     "questionnaires one year later."),
    ("External validation of the Ottawa subarachnoid haemorrhage rule",
     "We applied the rule to 2,100 patients with acute headache presenting to emergency departments."),
    ("Tuberculosis infection in pregnancy and infant outcomes in Malawi",
     "We followed 980 pregnant women from the first antenatal visit to six weeks after delivery."),
])
def test_follow_up_studies_and_rule_validations_are_observational(title, text):
    assert _type(title, text) == "observational study"


def test_a_report_of_a_few_cases_is_a_case_report():
    assert _type("Encephalitis after yellow fever vaccination: a report of four cases",
                 "We describe four adults who developed fever and confusion within two weeks of vaccination."
                 ) == "case report"


def test_peer_review_in_a_title_is_a_topic_not_a_review():
    got = _type("Is peer review failing science?",
                "Reviewers are hard to find and reviews are slow. Journals must reward reviewers.")
    assert got != "review"


def test_patients_enrolled_with_controls_are_no_trial():
    got = _type("Interleukin 10 and B cell function in systemic sclerosis",
                "Forty-two patients and 20 healthy controls were enrolled. Purified B cells were stimulated "
                "with CpG in culture and cytokines were measured by ELISA.")
    assert got == "in vitro study"
    assert STUDY_TYPES[got] == "preclinical"
