"""Study type, evidence level and notices (rag/study_type/), from metadata and from text, through to retrieval,
the CLI and answers."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rag import answer, build, retrieve
from rag.study_type import EVIDENCE_LEVELS, STUDY_TYPES, classify
from rag.load import load_file
from rag.datatypes import Document, Section

from conftest import ABSTRACTS, DATA, ROOT

RETRACTED_PMID = "30245770"  # a real abstract, marked retracted here only, to test how a notice is shown


def _doc(title: str | None, text: str, **extra) -> Document:
    return Document(doc_id="X:1", source_type="abstract", text=text, sections=[Section("", 0, len(text))],
                    title=title, extra=extra)


def test_every_study_type_has_a_level_and_every_level_a_description():
    assert set(STUDY_TYPES.values()) == set(EVIDENCE_LEVELS)


def test_publication_types_decide_and_say_so():
    docs = {d.pmid: d for d in load_file(DATA / "pubmed_efetch_sample.xml").documents}
    review = docs["24907378"].extra["evidence"]
    assert review["study_type"] == "review" and review["basis"] == "publication type" and review["level"] == "level 5"
    assert 'publication type "Review"' in review["reason"]
    # A phase III tag with randomisation in the text is a randomised trial; a retraction tag is a notice.
    e = classify(_doc("Drug X in melanoma", "Patients were randomly assigned to drug X or placebo.",
                      publication_types=["Clinical Trial, Phase III", "Retracted Publication"]))
    assert (e.study_type, e.level, e.notice) == ("randomised trial", "level 2", "retracted")
    assert classify(_doc("Retracted: IL-2 in mice", "We treated mice.")).notice == "retracted"


def test_record_kinds_and_article_types():
    trial = load_file(DATA / "trials_sample.jsonl").documents[0]
    assert trial.extra["evidence"]["study_type"] == "trial registration"
    assert trial.extra["evidence"]["level"] == "registration"
    nci = load_file(DATA / "nci_aldesleukin.md").documents[0]
    assert nci.extra["evidence"]["study_type"] == "expert summary"
    pmc = load_file(DATA / "pmc_bst20253065_trimmed.xml").documents[0]
    assert pmc.extra["evidence"] == {"study_type": "review", "level": "level 5", "basis": "article type",
                                     "reason": 'article-type "review-article"'}


@pytest.mark.parametrize("pmid, study_type", [
    ("26712084", "randomised trial"),  # KEYNOTE-010: "a randomised controlled trial"
    ("30245770", "case report"),  # Miller Fisher syndrome after immunotherapy
])
def test_the_text_classifier_on_real_abstracts(pmid, study_type):
    line = next(line for line in ABSTRACTS.open(encoding="utf-8") if f'"pmid": "{pmid}"' in line)
    doc = next(d for d in _load_line(line))
    e = doc.extra["evidence"]
    assert e["study_type"] == study_type and e["basis"] == "text" and e["reason"].startswith(("text", "title"))


def _load_line(line: str):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.jsonl"
        path.write_text(line, encoding="utf-8")
        return load_file(path).documents


def test_search_filters_by_evidence_and_prints_it(settings):
    trials = retrieve("interleukin-2 melanoma", k=5, settings=settings, evidence=["registration"])
    assert trials and all(p.citation.evidence == "registration" for p in trials)
    strong = retrieve("nivolumab", k=5, settings=settings, evidence="level 2")
    assert strong and all(p.citation.study_type == "randomised trial" for p in strong)
    with pytest.raises(ValueError, match="unknown evidence 'level 9'"):
        retrieve("nivolumab", settings=settings, evidence=["level 9"])
    out = subprocess.run([sys.executable, "-m", "rag", "search", "nivolumab", "--index", str(settings.index_dir),
                          "--evidence", "level 2", "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert found and {p["evidence"] for p in found} == {"level 2"} and all(p["study_type"] for p in found)
    status = subprocess.run([sys.executable, "-m", "rag", "status", "--index", str(settings.index_dir), "--json"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    levels = json.loads(status.stdout)["documents_by_evidence"]
    assert sum(levels.values()) == json.loads(status.stdout)["documents"] and "registration" in levels


def retracted_record() -> str:
    line = next(line for line in ABSTRACTS.open(encoding="utf-8") if f'"pmid": "{RETRACTED_PMID}"' in line)
    record = json.loads(line)
    record["publication_types"] = ["Journal Article", "Retracted Publication"]
    return json.dumps(record)


def test_an_answer_that_cites_a_retracted_paper_says_so(own_index):
    (own_index.corpus_dir / "pubmed" / "retracted.jsonl").write_text(retracted_record() + "\n", encoding="utf-8")
    build(own_index)
    a = answer("Is Miller Fisher syndrome associated with immunotherapy for metastatic melanoma?", settings=own_index)
    cited = [p for p in a.passages if p.citation.pmid == RETRACTED_PMID]
    assert cited and cited[0].citation.notice == "retracted"
    n = a.passages.index(cited[0]) + 1
    assert f"⚠ [{n}] is from a paper marked RETRACTED: do not rely on its findings." in a.text
    assert a.to_dict()["passages"][n - 1]["notice"] == "retracted"


# --- issue 22: study types that hold on unseen papers, every retraction form ------------------------------------


def _corpus_doc(pmid: str) -> Document:
    line = next(line for line in ABSTRACTS.open(encoding="utf-8") if f'"pmid": "{pmid}"' in line)
    return next(d for d in _load_line(line))


@pytest.mark.parametrize("pmid, study_type", [
    # the phase 3 tebentafusp trial (untitled record, title in its text), was "review"
    ("34551229", "randomised trial"),
    ("26412456", "randomised trial"),  # "In this randomized, open-label, international phase 3 study, we assigned"
    ("36315377", "review"),  # "Sotorasib: A Review in ...": mentions the phase I/II CodeBreaK 100 trial
])
def test_real_abstracts_by_title_then_own_design(pmid, study_type):
    assert _corpus_doc(pmid).extra["evidence"]["study_type"] == study_type


def test_a_debate_piece_about_trials_is_not_a_trial():
    e = _corpus_doc("37101895").extra["evidence"]  # "CodeBreak 200: Sotorasib Has Not Broken the KRASG12C Enigma Code."
    assert "trial" not in e["study_type"] and e["level"] in ("level 5", "unrated")


@pytest.mark.parametrize("title, text, study_type", [
    # The title's own words come first.
    ("Sotorasib versus docetaxel for previously treated NSCLC with KRASG12C mutation: a randomised, open-label, "
     "phase 3 trial.", "We compared sotorasib with docetaxel.", "randomised trial"),
    ("Management of immune-related adverse events: ASCO Clinical Practice Guideline.",
     "We systematically searched PubMed and Embase for studies of immune-related adverse events; the panel made "
     "recommendations.", "guideline"),
    ("Immunotherapy for bladder cancer: report of a consensus conference.",
     "This review of the evidence summarises the discussion of the panel.", "guideline"),
    ("Tebentafusp in previously untreated metastatic uveal melanoma: a phase 3 randomised trial.",
     "In this article we report the primary analysis.", "randomised trial"),
    # Then the study the abstract itself reports, not the ones it mentions.
    ("Five-year outcomes with pembrolizumab in NSCLC.",
     "In this article, we report updated results: 305 patients were randomly assigned (1:1) to pembrolizumab or "
     "chemotherapy. Median overall survival was 26.3 months.", "randomised trial"),
    ("Immunotherapy of mismatch repair-deficient tumours.",
     "Pembrolizumab was studied in a phase 2 trial and nivolumab in the phase I/II CheckMate 142 trial; the phase III "
     "KEYNOTE-177 trial then showed longer progression-free survival. Resistance mechanisms and biomarkers are "
     "discussed.", "review"),
    ("Anti-CD19 CAR T cells with ibrutinib in a xenograft model.",
     "Tumour-bearing mice received CAR T cells with or without ibrutinib; tumour growth was delayed in treated mice "
     "(p < 0.01). These results support a planned phase 2 trial in patients.", "animal study"),
    ("Nivolumab in advanced melanoma.", "In a randomized, double-blind, phase 3 study, we assigned 418 patients to "
     "nivolumab or dacarbazine.", "randomised trial"),
])
def test_title_first_then_the_design_of_the_study_itself(title, text, study_type):
    assert classify(_doc(title, text)).study_type == study_type


def test_an_untitled_excerpt_without_a_design_is_not_rated():
    """When the reading is unclear the lower level wins: a background sentence is not a review, nor a trial."""
    e = classify(_doc(None, "Avelumab has been approved by the U.S. FDA for the treatment of metastatic Merkel cell "
                            "carcinoma and metastatic urothelial carcinoma."))
    assert (e.study_type, e.level) == ("other", "unrated")
    e = classify(_doc(None, "In a phase II trial, the drug yielded a median progression-free survival of 6.8 months."))
    assert e.level == "unrated"


@pytest.mark.parametrize("title, notice", [
    ("RETRACTED ARTICLE: Pembrolizumab for metastatic melanoma", "retracted"),  # Springer Nature
    ("Retracted: Interleukin-2 in renal cell carcinoma", "retracted"),
    ("[Retracted] Nivolumab in squamous NSCLC", "retracted"),
    ("Nivolumab in squamous NSCLC [Retracted]", "retracted"),
    ("Nivolumab in squamous NSCLC. (RETRACTED ARTICLE)", "retracted"),
    ("WITHDRAWN: Interleukin-2 for metastatic renal cell carcinoma", "withdrawn"),
    ("Retraction Note: Nivolumab in squamous NSCLC", "retraction notice"),
    ("Retraction note to: Nivolumab in squamous NSCLC", "retraction notice"),
    ("Notice of Retraction: Nivolumab in squamous NSCLC", "retraction notice"),
    ("Retraction: Nivolumab in squamous NSCLC", "retraction notice"),
    ("Expression of Concern: Nivolumab in squamous NSCLC", "expression of concern"),
    ("Editorial Expression of Concern: Nivolumab in squamous NSCLC", "expression of concern"),
    ("Retraction of the tongue after glossectomy", None),
    ("Retracted mesentery in sclerosing mesenteritis treated with steroids", None),
    ("Withdrawn patients in immunotherapy trials", None),
    ("Expression of concern-related genes in melanoma", None),
])
def test_every_retraction_form_in_the_title_and_no_false_mark(title, notice):
    assert classify(_doc(title, "Patients were treated with nivolumab.")).notice == notice


def test_retraction_in_the_abstract_and_in_publication_types():
    assert classify(_doc("Nivolumab in melanoma", "This article has been retracted: please see Elsevier Policy on "
                                                  "Article Withdrawal.")).notice == "retracted"
    assert classify(_doc("Nivolumab in melanoma", "The retracted tongue was repaired.")).notice is None
    for types, notice in ((["Retracted Publication"], "retracted"),
                          (["Retraction of Publication"], "retraction notice"),
                          (["Expression of Concern"], "expression of concern"), (["Published Erratum"], "erratum")):
        doc = _doc("Nivolumab in melanoma", "We treated 12 patients.", publication_types=types)
        assert classify(doc).notice == notice
    # A notice record is not a study: its study type is "other", whatever the title says of the paper.
    assert classify(_doc("Retraction Note: A randomised phase 3 trial of nivolumab", "")).study_type == "other"


def test_rag_evidence_prints_one_line_per_record_in_order(tmp_path):
    real = [line for line in ABSTRACTS.open(encoding="utf-8") if '"26712084"' in line or '"34551229"' in line]
    lines = [real[0].strip(), "{not json", json.dumps({"pmid": "2", "title": "Retraction Note: Nivolumab in melanoma",
                                                       "abstract": ""}),
             json.dumps({"pmid": "3", "title": "RETRACTED ARTICLE: IL-2 in mice", "abstract": "Mice were treated."}),
             json.dumps({"pmid": "4", "title": "Expression of Concern: TIL therapy",
                         "abstract": "We treated 20 patients."}),
             "[1, 2]", real[1].strip()]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "rag", "evidence", "--pubmed", str(path), "--json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == len(lines)
    keys = {"doc_id", "pmid", "study_type", "level", "retracted", "concern", "basis"}
    assert all(keys <= set(r) for r in rows) and set(rows[0]) == keys
    assert [r["pmid"] for r in rows] == [json.loads(real[0])["pmid"], None, "2", "3", "4", None,
                                         json.loads(real[1])["pmid"]]
    assert rows[0]["study_type"] in STUDY_TYPES and rows[0]["level"] == STUDY_TYPES[rows[0]["study_type"]]
    assert "skipped" in rows[1] and rows[1]["study_type"] is None and "skipped" in rows[5]
    assert rows[2]["retracted"] is True and "skipped" in rows[2]  # no abstract, but the title says it
    assert rows[3]["retracted"] is True and rows[3]["concern"] is False
    assert rows[4]["concern"] is True and rows[4]["retracted"] is False
    assert rows[6]["study_type"] == "randomised trial" and rows[6]["level"] == "level 2"
    text = subprocess.run([sys.executable, "-m", "rag", "evidence", "--pubmed", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert text.returncode == 0 and len(text.stdout.splitlines()) == len(lines)
    assert "RETRACTED" in text.stdout and "EXPRESSION OF CONCERN" in text.stdout


# --- issue 22, generality: the ways papers across biomedicine state what they are ---------------------------------


@pytest.mark.parametrize("title, text, study_type", [
    # Randomness that is no randomised design.
    ("Body mass index and risk of atrial fibrillation: a Mendelian randomization study",
     "We used genetic variants as instrumental variables in a two-sample analysis of 1,030,836 individuals.",
     "observational study"),
    ("Awareness of hypertension in Nigeria", "A multistage cluster sample of 4,800 adults from randomly selected "
     "households was interviewed and had blood pressure measured.", "observational study"),
    # Randomisation said in other words.
    ("Community health worker visits for hypertension in rural villages", "Thirty villages were allocated by "
     "computer-generated sequence to home visits or usual care. The primary outcome was blood pressure control.",
     "randomised trial"),
    ("Two doses of misoprostol for induction of labour", "Women with an unfavourable cervix were randomly divided into "
     "two groups using sealed opaque envelopes. Time to delivery was compared.", "randomised trial"),
    ("Lower versus higher oxygenation targets in acute respiratory failure", "In this multicentre trial, 2928 patients "
     "were assigned to a target of 60 mm Hg or 90 mm Hg. The primary outcome was death at 90 days.",
     "randomised trial"),
    # Interventional without randomisation.
    ("CAR T cells targeting CD19 in refractory lupus", "We treated five patients with autologous CD19 CAR T cells "
     "after lymphodepletion. Disease activity was monitored for 12 months.", "non-randomised trial"),
    ("Tirzepatide in Japanese patients", "Patients received once-weekly tirzepatide 5, 10 or 15 mg in this open-label, "
     "single-group study for 52 weeks.", "non-randomised trial"),
    # Observational designs.
    ("Outcomes of appendectomy in pregnancy: a retrospective chart review", "We reviewed the medical records of all "
     "pregnant women who underwent appendectomy.", "observational study"),
    ("Lifetime risk of dementia in the Framingham Heart Study", "Using data from 3,236 participants aged 65 and free "
     "of dementia, we estimated sex-specific lifetime risks.", "observational study"),
    ("Outcome of aortic valve implantation in nonagenarians", "Of 3,210 patients undergoing TAVI at 12 centres, 412 "
     "were nonagenarians. Mortality was compared with younger patients.", "observational study"),
    ("Circulating tumour DNA after surgery in colon cancer: a prospective study", "We collected plasma from 230 "
     "patients after resection; patients were treated at clinicians' discretion and followed for recurrence.",
     "observational study"),
    ("Safety of sacituzumab govitecan in older patients: pooled analysis of three phase 3 trials", "We pooled "
     "individual patient data from three trials and compared adverse events by age.", "observational study"),
    # Syntheses.
    ("Prevalence of depression among medical students", "We searched MEDLINE and Embase and pooled prevalence with "
     "random-effects meta-analysis.", "meta-analysis"),
    ("Coffee and type 2 diabetes: dose-response analysis of prospective studies", "Cohort studies were identified in "
     "MEDLINE and Embase. Relative risks were combined using random-effects models.", "meta-analysis"),
    # Laboratory and animal work, never a review by default.
    ("Hub genes in diabetic nephropathy", "Microarray datasets GSE30528 and GSE96804 were downloaded from the Gene "
     "Expression Omnibus. Co-expression modules were constructed.", "in vitro study"),
    ("Mechanical properties of 3D-printed titanium scaffolds", "Scaffolds were tested for compressive strength. "
     "Osteoblast-like MG-63 cells were seeded to assess attachment.", "in vitro study"),
    ("Patient-derived organoids model treatment response", "We established a biobank of 110 organoids and tested their "
     "sensitivity to anticancer drugs.", "in vitro study"),
    ("Intermittent fasting in C57BL/6 mice", "Male mice were fed a high-fat diet on an alternate-day schedule.",
     "animal study"),
    ("An intranasal vaccine prevents SARS-CoV-2 transmission in hamsters", "Immunised animals were challenged and "
     "co-housed with naive animals.", "animal study"),
    ("Preclinical rationale for a phase 1 trial of an IL-15 superagonist", "We evaluated the superagonist in mice "
     "bearing B16 tumours and in cynomolgus monkeys.", "animal study"),
    # Kinds of publication.
    ("Study protocol for a randomised controlled trial of early rehabilitation after hip fracture",
     "This trial will allocate 400 patients to home rehabilitation or usual care.", "trial registration"),
    ("Adjuvant immunotherapy in cutaneous squamous cell carcinoma", "This double-blind trial will randomize patients "
     "to pembrolizumab or placebo. Here we describe the trial design.", "trial registration"),
    ("Cost-effectiveness of pembrolizumab in NSCLC", "A partitioned survival model was built over 20 years.", "other"),
    ("School-located influenza vaccination", "We used an age-structured transmission model calibrated to surveillance "
     "data to estimate hospitalisations averted.", "other"),
    ("Delphi consensus on the definition of remission in lupus", "An international task force voted in three rounds.",
     "guideline"),
    ("Long COVID: major findings, mechanisms and recommendations", "Here we review the current knowledge of its "
     "mechanisms.", "review"),
    ("Adherence to guidelines for sepsis care in 40 hospitals", "We reviewed the records of 2,000 patients admitted "
     "with sepsis.", "observational study"),
    ("Neurotoxicity of CAR T cells", "Following PRISMA guidelines, we searched PubMed and Embase and included 87 "
     "publications.", "systematic review"),
    ("Kikuchi-Fujimoto disease presenting with fever", "A young Asian woman presented with prolonged fever and tender "
     "lymphadenopathy.", "case report"),
    ("Neonatal herpes encephalitis presenting as fever", "Case presentation: A 9-day-old boy was brought to the "
     "emergency department.", "case report"),
    ("Should we stop screening for prostate cancer with PSA?", "Screening causes overdiagnosis. I argue that organised "
     "screening is preferable.", "opinion"),
    ("A call to action on antimicrobial resistance in agriculture", "Governments must act now.", "opinion"),
    # Not studies of patients: clinicians' views, education, frameworks, prices ("other", unrated).
    ("Antibiotic prescribing in primary care", "A questionnaire was sent to 1,000 general practitioners to assess "
     "their attitudes towards guidelines.", "other"),
    ("A framework for evaluating artificial intelligence tools in health care", "We propose a framework of six "
     "domains.", "other"),
    ("Trends in drug prices for multiple sclerosis", "We analysed wholesale acquisition costs of 15 drugs.", "other"),
    ("Long-term follow-up of childhood cancer survivors", "The study follows a cohort of 24,000 five-year survivors "
     "and a sibling comparison group.", "observational study"),
    # An outcome word in a trial's title ("Incidence and Mortality") is no observational design.
    ("Effect of Daily Aspirin on Cancer Incidence and Mortality in Older Adults", "Persons 70 years of age or older "
     "were assigned to receive 100 mg of aspirin or matching placebo daily, unaware of trial-group assignments.",
     "randomised trial"),
    ("Necrotising fasciitis in a tertiary centre: a 10-year review", "We reviewed all patients admitted with "
     "necrotising fasciitis between 2012 and 2022.", "observational study"),
])
def test_how_papers_across_biomedicine_state_their_design(title, text, study_type):
    assert classify(_doc(title, text)).study_type == study_type


def test_mesh_animals_without_an_animal_treated_is_laboratory_work():
    cells = _doc("Metformin in murine melanoma cells", "B16 cell lines were cultured with metformin; proliferation was "
                 "measured by MTT assay.", mesh=["Animals", "Cell Line, Tumor", "Melanoma, Experimental"])
    assert classify(cells).study_type == "in vitro study" and classify(cells).level == "preclinical"
    mice = _doc("Metformin in melanoma", "Tumour-bearing mice received metformin.", mesh=["Animals", "Mice"])
    assert classify(mice).study_type == "animal study"


def test_design_words_that_name_other_studies_are_not_the_papers_own():
    # "single-arm studies" in an untitled excerpt describes the trials behind an approval, not the excerpt.
    e = classify(_doc(None, "Registrational trials for cilta-cel and ide-cel were single-arm studies conducted with "
                            "relapsed refractory myeloma patients."))
    assert e.level == "unrated"
    # A review of a cohort ("this cohort has been difficult to manage") is not an observational study.
    e = classify(_doc("The therapeutic landscape for KRAS-mutated colorectal cancers", "Mutations of KRAS occur in "
                      "~40% of metastatic colorectal cancers. While this cohort has historically been difficult to "
                      "manage, selective inhibitors have emerged."))
    assert e.study_type == "review"
    # A title that lists what a review covers is not an observational design for "incidence" or "risk factors".
    e = classify(_doc("Checkpoint inhibitor pneumonitis: incidence, risk factors and management", "Pneumonitis occurs "
                      "in 3 to 5% of patients. Corticosteroids remain the mainstay of treatment."))
    assert e.level in ("level 5", "unrated")


def test_the_vocabulary_is_also_reached_by_the_name_the_contract_gives():
    """Issue 22's contract names `rag/evidence.py` (STUDY_TYPES): the same objects as rag.study_type's."""
    import rag.evidence

    assert rag.evidence.STUDY_TYPES is STUDY_TYPES and rag.evidence.classify is classify
    assert set(STUDY_TYPES.values()) <= set(EVIDENCE_LEVELS)


@pytest.mark.parametrize("title, text, study_type", [
    # Qualitative interviews, interrupted time series: observational designs.
    ("Living with a stoma: a qualitative study", "Semi-structured interviews were held with 18 adults one year after "
     "surgery and analysed thematically.", "observational study"),
    ("A smoke-free law and admissions for asthma", "We used national hospital data from 2013 to 2020 in an "
     "interrupted time series analysis.", "observational study"),
    # A "case series" of dozens of patients is a cohort; one of three stays a case report.
    ("Mucormycosis after COVID-19: a case series", "We reviewed the records of all 47 patients treated at our centre.",
     "observational study"),
    ("Mucormycosis after COVID-19: a case series", "We describe three patients who developed rhino-orbital disease.",
     "case report"),
    # Samples of patients in a randomised trial analysed in the laboratory: not the trial itself.
    ("Tumour mutational burden in biopsies from patients in a randomised phase 3 trial of nivolumab", "We sequenced "
     "archival tumour tissue from 420 patients.", "in vitro study"),
    ("A flow cytometry panel for monitoring regulatory T cells", "The panel was validated on blood samples collected "
     "from participants enrolled in a randomised controlled trial of low-dose IL-2. Cells were stained and counted.",
     "in vitro study"),
    # Materials testing in the dental laboratory.
    ("Glass ionomer cements after ageing", "Disc specimens were thermocycled and their microhardness and surface "
     "roughness were measured.", "in vitro study"),
    # Laboratory tests of disinfectants and of extracted teeth; "before and after" a measurement is no design.
    ("Sporicidal wipes against Clostridioides difficile", "Steel carriers were inoculated with spores and wiped; log "
     "reductions in colony-forming units were calculated.", "in vitro study"),
    ("Apical extrusion of debris with two file systems", "Forty extracted premolars were imaged by micro-CT before and "
     "after instrumentation.", "in vitro study"),
    # "Before and after the programme" in patients who did it: interventional without randomisation.
    ("Balance training in Parkinson disease", "Fifteen patients completed a supervised balance programme twice weekly "
     "for 8 weeks. Gait speed was measured before and after the programme.", "non-randomised trial"),
    # Outcome sets, and a title for clinicians that "needs to know", are not opinion or guidance.
    ("A core outcome set for trials in atopic eczema", "Patients and clinicians voted in a Delphi process.", "other"),
    ("Gout: what the generalist needs to know", "Gout is the commonest inflammatory arthritis. Urate-lowering therapy "
     "is underused.", "review"),
    # Case reports said in other words: a woman "at 30 weeks of gestation presented", "a newborn with".
    ("Aortic dissection in pregnancy", "A woman at 30 weeks of gestation presented with chest pain radiating to the "
     "back.", "case report"),
    ("A newborn with congenital cytomegalovirus and hearing loss", "Hearing screening was failed on day 2.",
     "case report"),
    # A study that calls itself observational is not a trial for being prospective; a prospective cohort neither.
    ("Lactate in febrile children", "This was a prospective observational study in 5 emergency departments; "
     "lactate was measured in 900 children.", "observational study"),
    # Clinicians' and trainees' knowledge, and research on research: not studies of patients.
    ("Antibiotic knowledge among surgical trainees", "We surveyed 400 trainees.", "other"),
    ("Spin in abstracts of psychiatry trials: a meta-research study", "We assessed 300 abstracts.", "other"),
    # Veterinary studies are animal studies, whatever their design; laboratory validation on archived specimens.
    ("Gabapentin for travel anxiety in cats: a randomised crossover study", "Cats received gabapentin or placebo "
     "before car journeys.", "animal study"),
    ("Verification of a multiplex PCR panel for meningitis", "Archived cerebrospinal fluid specimens were tested "
     "and percent agreement with culture was calculated.", "in vitro study"),
    ("Skin lesion classification by deep learning on a public dataset", "A network was trained on 10,000 "
     "dermoscopic images from a publicly available dataset.", "in vitro study"),
    # A Cochrane abstract's headings, a list of databases; a narrative review's "searched the literature using
    # PubMed" is no systematic search.
    ("Exercise for fibromyalgia: a Cochrane review", "Search methods: We searched CENTRAL, MEDLINE, Embase and "
     "CINAHL. Selection criteria: Randomised trials of exercise.", "systematic review"),
    # An editorial on a paper in the same issue, whatever design word its title has.
    ("Real-world adherence to statins", "In this issue, Jones and colleagues report that half of patients stop "
     "statins within a year. Clinicians should ask about side effects.", "opinion"),
    # Burden estimates and projections are models; a before-after policy change read by segmented regression is
    # observational; a "non-randomized controlled" study is not randomised.
    ("Global, regional, and national burden of migraine, 1990-2021", "We estimated prevalence for 204 countries.",
     "other"),
    ("Opioid dispensing after a prescribing limit", "We compared monthly dispensing before and after the limit with "
     "segmented regression.", "observational study"),
    ("Convalescent plasma in severe influenza: an open-label non-randomized controlled study", "Patients received "
     "plasma plus standard care or standard care alone according to donor availability.", "non-randomised trial"),
    # A letter to the editor; a veterinary case; a dog bite is a human study.
    ("Measles in refugee camps", "To the Editor: We are writing to raise concern about falling vaccine coverage.",
     "opinion"),
    ("Hypoadrenocorticism in a 4-year-old poodle", "The dog was presented to the veterinary hospital with vomiting "
     "and collapse.", "animal study"),
    ("Dog bite injuries in a 6-year-old girl", "A 6-year-old girl presented with facial lacerations after a bite by "
     "the family dog.", "case report"),
    # Psychometric validation and a long-running cohort.
    ("Reliability and validity of the Swahili Edinburgh Postnatal Depression Scale", "The scale was given to 400 "
     "mothers. Internal consistency and factor structure were examined.", "observational study"),
    ("Sleep duration and dementia: findings from the Whitehall II study", "Among 7,959 civil servants followed "
     "biennially, sleep duration was related to later dementia. Hazard ratios were adjusted for age.",
     "observational study"),
    # A design paper that gives its planned sample size is still a protocol.
    ("Early mobilisation after stroke: study design", "Participants will be randomly assigned to early or usual "
     "mobilisation; recruitment of 300 participants is planned.", "trial registration"),
    # Randomisation by a central system; an aetiology study that enrolled prospectively; linked data with regression.
    ("Acupuncture for migraine prophylaxis", "Patients were assigned in a 1:1 ratio via a central randomization "
     "system to acupuncture or sham acupuncture.", "randomised trial"),
    ("Causes of encephalitis in adults", "Adults admitted with encephalitis were enrolled prospectively and "
     "cerebrospinal fluid was tested for viruses.", "observational study"),
    ("Rail travel and the spread of influenza", "We linked ticket sales with weekly case counts from 40 cities; "
     "regression models adjusted for population.", "observational study"),
    # Ion channels in a cell line; a clinical trial's reports read by language models are documents, not a trial.
    ("SCN5A variants of uncertain significance", "Variants were expressed in HEK293 cells and sodium currents were "
     "recorded by whole-cell patch clamp.", "in vitro study"),
    ("Screening clinical trial reports for bias with language models", "Two large language models rated 300 reports; "
     "F1 scores were calculated against human raters.", "in vitro study"),
    # Patients who received education over weeks; a prospective controlled study without randomisation.
    ("Self-management education for COPD by video", "Twenty adults received self-management education by video over "
     "eight weeks. Feasibility was assessed.", "non-randomised trial"),
    ("Yoga in heart failure: a prospective controlled study", "Patients chose yoga or usual care.",
     "non-randomised trial"),
    # Spatial epidemiology; hens and deer are animals; a title and text that say what should be done.
    ("Spatial clustering of dengue in Recife", "We geocoded 12,000 notified cases and used a spatial scan statistic.",
     "observational study"),
    ("Residues of enrofloxacin in eggs", "Laying hens received enrofloxacin in water and eggs were collected.",
     "animal study"),
    ("Nurses should lead sepsis screening", "Early recognition saves lives. Hospitals should train nurses to screen.",
     "opinion"),
    # A title that lists a disease's facets is a review even when the text counts "one in ten women".
    ("Psoriasis: pathogenesis, diagnosis and treatment", "Psoriasis affects about three in a hundred adults. Biologics "
     "have transformed treatment.", "review"),
    # Payments to guideline authors are no guideline; a statistical analysis plan is a protocol.
    ("Industry payments to authors of cardiology guidelines", "We searched the Open Payments database for 300 "
     "authors.", "other"),
    ("Oxygen targets in preterm infants (OXY-PRET): statistical analysis plan", "This paper describes the analysis "
     "plan of a randomised trial, written before unblinding.", "trial registration"),
    # "X: focus on Y" is how a review titles its angle; its quoted percentages are not results of its own.
    ("Targeting HER2 in gastric cancer: focus on resistance", "HER2 is amplified in about 20% of gastric cancers. "
     "Trastuzumab improves survival.", "review"),
    # Resistance of routine isolates over years of laboratory records: retrospective surveillance, observational.
    ("Resistance of blood culture isolates in a children's hospital: a ten-year retrospective study", "We analysed "
     "all positive blood cultures from 2012 to 2021.", "observational study"),
    # A technical note is no study (unless it reports a case); "beyond the guidelines" is no guideline.
    ("Suture-button fixation of the syndesmosis: technical note", "We describe a modified technique with "
     "illustrations.", "other"),
    ("Beyond the guidelines: anticoagulation in frail older adults", "Frail patients are excluded from trials. We "
     "discuss the evidence and offer a practical approach.", "review"),
    # Antibodies measured in girls; crowns aged in a chewing simulator.
    ("Measles antibodies ten years after vaccination", "We measured antibodies in serum from 250 girls vaccinated in "
     "a school campaign.", "observational study"),
    ("Fracture load of endocrowns", "Crowns were subjected to thermocycling and loaded in a chewing simulator.",
     "in vitro study"),
    # A sepsis model named by its procedure (no species word); people paired with a navigator; bacteria on
    # immortalised cells; drilling in fresh bovine bone.
    ("Statins and memory after sepsis", "Sepsis was induced by caecal ligation and puncture and memory was tested in "
     "the Morris water maze.", "animal study"),
    ("Peer support after release from prison", "Thirty people leaving prison were paired with a peer navigator for "
     "three months.", "non-randomised trial"),
    ("Lactoferrin blocks adhesion of Candida to oral epithelial cells", "Immortalised oral epithelial cells were "
     "infected and colony counts were determined.", "in vitro study"),
    ("Heat generation with guided drilling", "We drilled 90 osteotomies in fresh bovine ribs. Temperature was "
     "recorded with a thermal camera.", "in vitro study"),
    # Block randomisation; registry data used to estimate uptake; epitopes predicted by computer.
    ("Carbohydrate loading before hip replacement", "Patients were assigned by block randomisation to a "
     "carbohydrate drink or fasting.", "randomised trial"),
    ("Uptake of rotavirus vaccination in Ireland", "We used national immunisation data to estimate uptake by "
     "region.", "observational study"),
    ("Computational prediction of B-cell epitopes of dengue virus", "Envelope protein sequences were analysed "
     "with immunoinformatic tools.", "in vitro study"),
])
def test_designs_of_general_biomedical_papers_round_two(title, text, study_type):
    assert classify(_doc(title, text)).study_type == study_type


# --- the trained reader the rules fall back on ---------------------------------------------------------------------


def test_a_titled_abstract_no_rule_places_is_read_by_the_trained_reader(monkeypatch):
    from rag.study_type import trained

    # Dudley et al. 2002: patients treated with transferred lymphocytes, no design word the rules know.
    doc = _corpus_doc("12242449")
    e = classify(doc)
    assert e.study_type == "non-randomised trial" and e.reason.startswith("trained reader (")
    monkeypatch.setattr(trained, "ENABLED", False)
    rules = classify(doc)
    assert rules.study_type == "other" and rules.reason == "no study design stated"


def test_the_trained_reader_computes_scikit_learns_features(tmp_path, monkeypatch):
    """The stored reader (plain arrays, features computed here) gives what the scikit-learn pipeline it was taken
    from gives, on texts it was not fitted on."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    from rag.study_type import trained

    docs = [json.loads(line) for line in list(ABSTRACTS.open(encoding="utf-8"))[:120]]
    docs = [d for d in docs if d.get("title") and d.get("abstract")][:60]
    texts = [trained.model_text(d["title"], d["abstract"]) for d in docs]
    labels = ["trial" if "trial" in t.lower() else "review" if "review" in t.lower() else "other" for t in texts]
    words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True, max_features=5000)
    model = make_pipeline(make_union(words, chars), LogisticRegression(C=8, max_iter=2000))
    model.fit(texts[:40], labels[:40])
    regression = model.steps[1][1]
    # The weights unquantised (a scale of 1), so that the stored reader must match to rounding.
    arrays = {"classes": np.array(regression.classes_.tolist()), "intercept": regression.intercept_,
              "coef_int8": regression.coef_, "coef_scale": np.ones((regression.coef_.shape[0], 1))}
    for name, vectorizer in (("word", words), ("char", chars)):
        arrays[f"{name}_terms"] = np.array(sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get))
        arrays[f"{name}_idf"] = vectorizer.idf_
    path = tmp_path / "reader.npz"
    np.savez_compressed(path, **arrays)
    monkeypatch.setattr(trained, "MODEL_PATH", path)
    trained._reader.cache_clear()
    try:
        for d, text in zip(docs[40:], texts[40:], strict=True):
            probabilities = model.predict_proba([text])[0]
            study, probability = trained.guess(d["title"], d["abstract"])
            assert study == regression.classes_[int(np.argmax(probabilities))]
            assert probability == pytest.approx(float(probabilities.max()), abs=1e-9)
    finally:
        trained._reader.cache_clear()


def test_a_level_rates_higher_only_on_the_ladder():
    from rag.study_type.levels import rates_higher

    assert rates_higher("level 2", "level 5") and rates_higher("level 3", "unrated")
    assert not rates_higher("level 5", "level 2") and not rates_higher("preclinical", "level 5")
    assert not rates_higher("level 3", "level 3")


@pytest.mark.parametrize("title, text, study_type", [
    # Mendelian randomisation takes its outcome from a meta-analysis of GWAS: the meta-analysis is a data source.
    ("Genetically predicted coffee intake and gout", "We performed a two-sample Mendelian randomization study. "
     "Outcome data came from a meta-analysis of genome-wide association studies of 13,000 cases.",
     "observational study"),
    # Plasma of a randomised trial's patients assayed in the laboratory.
    ("Serum cytokines during induction: a translational analysis of the HALO-2 trial", "We measured 12 cytokines "
     "in serum of 300 patients treated in the trial.", "in vitro study"),
    ("Shorter door-to-needle times after a quality improvement initiative", "Times before and after the "
     "changes were compared in 800 patients with stroke.", "non-randomised trial"),
    ("Surgeons' attitudes towards robotic hernia repair: a national survey", "An online questionnaire was sent "
     "to members of the national society; 412 responded.", "other"),
    ("Long-term safety of drug Z: integrated analysis of three phase 3 trials", "We pooled data of all patients "
     "who received drug Z in three trials; 2,100 patients received at least one dose.", "observational study"),
    ("Cognition at age 8 after late preterm birth", "This prospective population-based study enrolled 900 "
     "infants born at 34-36 weeks together with term-born controls; children were tested at 8 years.",
     "observational study"),
    # Reviews that searched PubMed and say they are narrative, or name no marks of a systematic review.
    ("Management of chronic cough", "Methods: Narrative review of the literature identified through PubMed. "
     "Results: Gabapentin and speech therapy help some patients.", "review"),
    ("New targets in lupus nephritis", "Areas covered: This review summarises B-cell and complement targets, "
     "identified through searches of PubMed and trial registries.", "review"),
    ("Statins in pregnancy: a comprehensive review", "We searched PubMed and Embase for reports of statin use in "
     "pregnancy and summarise the safety data.", "review"),
    # Specimens, not people, randomly divided into groups.
    ("Fracture resistance of endodontically treated premolars", "Sixty extracted human premolars were randomly "
     "divided into four groups and loaded until fracture in a universal testing machine.", "in vitro study"),
    # A trial named by its acronym randomised its patients; a phase 3 title with randomly assigned participants.
    ("Drug Y versus warfarin by kidney function: a prespecified analysis of the ORBIT-2 trial", "ORBIT-2 randomised "
     "9,400 patients to drug Y or warfarin. We compared bleeding by creatinine clearance.", "randomised trial"),
    ("Two-year results of a phase 3 trial of an oral cholera vaccine", "Children were randomly assigned in a 2:1 "
     "ratio to vaccine or placebo; cholera occurred in 12 and 31.", "randomised trial"),
])
def test_designs_of_whole_abstracts_round_five(title, text, study_type):
    assert classify(_doc(title, text)).study_type == study_type
