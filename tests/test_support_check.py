"""The sentence-level support check (rag/answer/support_check/) on a real passage, and on real answers."""

from __future__ import annotations

import json

import pytest

from rag import answer
from rag.answer.support_check import (PARTLY, SUPPORTED, UNSUPPORTED, check_answer, check_sentence, mark_unverified,
                                      numbers)

from conftest import ABSTRACTS, ROOT

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
    from rag.datatypes import Citation, Passage

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
    from rag.datatypes import Citation, Passage

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


def test_rag_check_prints_one_verdict_per_pair_in_order(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    pairs = [{"sentence": "Median overall survival was 10.4 months with pembrolizumab 2 mg/kg.",
              "passages": [KEYNOTE_010]},
             {"sentence": "Median overall survival was 14.4 months with nivolumab 2 mg/kg.",
              "passages": [KEYNOTE_010]},
             "not a pair",
             {"sentence": "In KEYNOTE-010, we enrolled 1,034 patients.", "passages": [KEYNOTE_010],
              "title": "Pembrolizumab versus docetaxel (KEYNOTE-010): a randomised controlled trial"}]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(p if isinstance(p, str) else json.dumps(p) for p in pairs) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "rag", "check", "--pairs", str(path), "--json", "--no-library"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [set(r) for r in rows] == [{"supported", "reasons"}] * 4
    assert [r["supported"] for r in rows] == [True, False, False, True]
    assert "14.4 not in [1]" in rows[1]["reasons"] and "nivolumab not in [1]" in rows[1]["reasons"]
    assert "not read" in rows[2]["reasons"][0]
    text = subprocess.run([sys.executable, "-m", "rag", "check", "--pairs", str(path), "--no-library"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert text.stdout.splitlines()[:2] == ["supported", "not supported: 14.4 not in [1]; nivolumab not in [1]"]


def test_rag_check_reads_names_in_the_whole_paper_a_chunk_comes_from(tmp_path, settings):
    """A drug the cited chunk does not name is found in the paper it was cut from (given, or looked up in the
    index), and the note says so; a drug the paper never names is still flagged."""
    import subprocess
    import sys

    from conftest import ROOT

    chunk = KEYNOTE_010[KEYNOTE_010.index("We used a threshold"):KEYNOTE_010.index("FINDINGS")].strip()
    sentence = "The trial of pembrolizumab is registered at ClinicalTrials.gov as NCT01905657."
    assert "pembrolizumab" not in chunk and "NCT01905657" in chunk
    pairs = [{"sentence": sentence, "passages": [chunk], "paper": KEYNOTE_010},
             {"sentence": sentence.replace("pembrolizumab", "atezolizumab"), "passages": [chunk],
              "papers": [KEYNOTE_010]},
             {"sentence": sentence, "passages": [chunk]}]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in pairs) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "rag", "check", "--pairs", str(path), "--json", "--no-library"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows[0] == {"supported": True, "reasons": []}, rows[0]
    assert rows[1]["supported"] is False and "atezolizumab not in [1]" in rows[1]["reasons"], rows[1]
    assert rows[2]["supported"] is False and "pembrolizumab not in [1]" in rows[2]["reasons"], rows[2]
    text = subprocess.run([sys.executable, "-m", "rag", "check", "--pairs", str(path), "--no-library"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300).stdout.splitlines()
    assert text[0] == "supported (note: pembrolizumab: elsewhere in the paper of [1], not in the cited passage)", text
    # The same chunk with no paper given: the index (KEYNOTE-010 is among its abstracts) says which paper it is.
    library = subprocess.run([sys.executable, "-m", "rag", "check", "--pairs", str(path), "--index-dir",
                              str(settings.index_dir)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert library.returncode == 0, library.stderr
    lines = library.stdout.splitlines()
    assert lines[2].startswith("supported (note: pembrolizumab:"), lines
    assert lines[1].startswith("not supported: atezolizumab not in [1]"), lines
    # A passage no indexed paper holds is read as given.
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"sentence": sentence, "passages": [chunk.replace("NCT01905657", "NCT09999999")
                                                                     + " An unindexed sentence."]}) + "\n")
    alone = subprocess.run([sys.executable, "-m", "rag", "check", "--pairs", str(other), "--index-dir",
                            str(settings.index_dir)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert alone.stdout.startswith("not supported: pembrolizumab not in [1]"), alone.stdout


# --- issue 22 ---------------------------------------------------------------------------------------------------

TIL = json.loads(next(line for line in ABSTRACTS.open(encoding="utf-8") if '"2564111"' in line))["abstract"]


def test_numbers_in_words_and_digits_are_the_same_numbers():
    assert "twenty-eight patients (thirteen with malignant melanoma" in TIL  # the real abstract says it in words
    v = check_sentence("TIL were grown from biopsies of 28 patients: 13 with melanoma, 7 with renal cell carcinoma "
                       "and 8 with non-small-cell lung cancer [1].", [1], {1: TIL})
    assert v.status == SUPPORTED, v.reasons
    v = check_sentence("TIL were grown from biopsies of 29 patients [1].", [1], {1: TIL})
    assert "29 not in [1]" in v.reasons
    assert numbers("11\u2009502 patients, 7·7 months, Seventy-two percent") == [(11502.0, False), (7.7, False),
                                                                                 (72.0, True)]
    assert numbers("17, 32 and 29%") == [(17.0, True), (32.0, True), (29.0, True)]


def test_shares_and_percentages_of_each_other():
    passage = "Eight of nine patients were women aged between 20 and 40 years."
    assert check_sentence("About 89% of the patients (8 of 9) were women [1].", [1], {1: passage}).status == SUPPORTED
    passage = "Responses lasted for 1 year or more in 8 of 16 patients with at least 1 year of follow-up."
    assert check_sentence("Half of the 16 patients had responses lasting a year or more [1].", [1],
                          {1: passage}).status == SUPPORTED
    assert check_sentence("A quarter of the 16 patients had responses lasting a year or more [1].", [1],
                          {1: passage}).status != SUPPORTED


def test_names_from_the_title_and_the_whole_paper_are_found_and_said_where():
    passage = "Median overall survival was 10.4 months with pembrolizumab 2 mg/kg and 8.5 months with docetaxel."
    title = "Pembrolizumab versus docetaxel for PD-L1-positive NSCLC (KEYNOTE-010): a randomised controlled trial"
    v = check_sentence("In KEYNOTE-010, median overall survival was 10.4 months with pembrolizumab 2 mg/kg [1].", [1],
                       {1: passage}, titles={1: title})
    assert v.status == SUPPORTED and v.notes == ["KEYNOTE-010: in the title of [1]"], v
    v = check_sentence("Median overall survival was 10.4 months with pembrolizumab 2 mg/kg, compared with docetaxel "
                       "[1].", [1], {1: passage.split(" and ")[0]}, papers={1: KEYNOTE_010})
    assert v.status == SUPPORTED, v
    assert v.notes == ["docetaxel: elsewhere in the paper of [1], not in the cited passage"], v
    v = check_sentence("In KEYNOTE-042, median overall survival was 10.4 months [1].", [1], {1: passage},
                       titles={1: title})
    assert v.status != SUPPORTED and any(r.startswith("KEYNOTE-042 not in [1]") for r in v.reasons), v
    v = check_sentence("A patient with follicular lymphoma responded [1].", [1],
                       {1: "A patient with mantle cell lymphoma obtained an ongoing partial remission."})
    assert "follicular lymphoma not in [1]" in v.reasons


def test_check_answer_reads_titles_and_papers_through_the_passages():
    from rag.datatypes import Citation, Passage

    passage = Passage("PMID:26712084", 1, "Median overall survival was 10.4 months with pembrolizumab 2 mg/kg.", 1.0,
                      Citation("Pembrolizumab versus docetaxel (KEYNOTE-010): a randomised controlled trial", [], 2016,
                               "Lancet", "26712084", None, None, None, None, "abstract"))
    [v] = check_answer("In KEYNOTE-010, median overall survival was 10.4 months with pembrolizumab [1].", [passage])
    assert v.status == SUPPORTED and "KEYNOTE-010: in the title of [1]" in v.notes
    from rag.datatypes import Document

    paper = Document("PMID:26712084", "abstract", KEYNOTE_010, [], title=None)
    passage.citation.title = "Pembrolizumab in PD-L1-positive NSCLC"
    [v] = check_answer("Median overall survival was 10.4 months with pembrolizumab 2 mg/kg, compared with docetaxel "
                       "[1].", [passage], paper=lambda _: paper)
    assert v.status == SUPPORTED, v  # docetaxel is in the paper; the passage is a chunk of it
    assert v.to_dict()["notes"] == ["docetaxel: elsewhere in the paper of [1], not in the cited passage"]
    [v] = check_answer("Patients received docetaxel 75 mg/m2 every 3 weeks [1].", [passage], paper=lambda _: paper)
    assert "75 not in [1]" in v.reasons  # numbers must be in the cited passage itself


def test_negation_is_read_in_the_clause_that_carries_the_claim():
    passage = ("Toxic side-effects were limited, and no patient required intensive-care monitoring. Responses were "
               "seen in patients without prior therapy.")
    v = check_sentence("Some patients required intensive-care monitoring [1].", [1], {1: passage})
    assert v.status != SUPPORTED
    assert check_sentence("Toxic side-effects were limited [1].", [1], {1: passage}).status == SUPPORTED
    # "without" qualifies patients: a sentence about responses does not deny anything
    assert check_sentence("Responses were seen in patients [1].", [1], {1: passage}).status == SUPPORTED


def test_claims_must_not_contradict_the_clause_they_follow():
    passage = "The likelihood of achieving a complete response was similar regardless of prior therapy."
    v = check_sentence("Patients with prior therapy were less likely to achieve a complete response [1].", [1],
                       {1: passage})
    assert v.status != SUPPORTED and any(r.startswith('"less"') for r in v.reasons), v
    v = check_sentence("All 15 patients showed objective regression [1].", [1],
                       {1: "Only two patients with high sustained engraftment showed objective regression."})
    assert v.status != SUPPORTED


def test_one_drug_name_rule_and_common_words_are_not_drugs():
    from rag.answer.followup import topic_terms
    from rag.answer.question import question_terms
    from rag.lexical.names import name_shaped
    from rag.answer.support_check import names

    assert all(name_shaped(w) for w in ("nivolumab", "aldesleukin", "tisagenlecleucel", "sotorasib", "kinase"))
    assert not any(name_shaped(w) for w in ("skin", "concept", "phase", "disease", "peptide", "increase"))
    assert "skin" not in names("Rash of the skin was common with nivolumab.")
    terms = question_terms("Does skin toxicity follow aldesleukin?", lambda toks: {t: 1.0 for t in toks}, 99.0)
    assert {t.token: t.key for t in terms.terms}["aldesleukin"] and not {t.token: t.key for t in terms.terms}["skin"]
    assert topic_terms("What about aldesleukin skin reactions?")[:1] == ["aldesleukin"]


# --- issue 22: comparisons, numbers as people write them, names and designs (real passages of the bundled corpus) ---

def _abstract(key: str) -> str:
    return json.loads(next(line for line in ABSTRACTS.open(encoding="utf-8") if key in line))["abstract"]


CHECKMATE_017 = _abstract('"26028407"')  # nivolumab versus docetaxel, squamous NSCLC
EGFR_ALK = _abstract('"27225694"')  # response to PD-1 blockade by EGFR/ALK status and smoking
DC_VACCINATION = _abstract("2162402X.2015.1057673")  # a retrospective study against matched controls


def test_a_comparison_must_give_the_larger_figure_to_the_arm_the_passage_gives_it():
    assert "7% of the patients in the nivolumab group as compared with 55%" in CHECKMATE_017
    wrong = check_sentence("Grade 3 or 4 treatment-related adverse events were more frequent with nivolumab than "
                           "with docetaxel [1].", [1], {1: CHECKMATE_017})
    assert wrong.status != SUPPORTED
    assert '"more frequent": [1] gives 7% for nivolumab and 55% for docetaxel' in wrong.reasons, wrong
    right = check_sentence("Grade 3 or 4 treatment-related adverse events were less frequent with nivolumab than "
                           "with docetaxel [1].", [1], {1: CHECKMATE_017})
    assert right.status == SUPPORTED, right.reasons
    # the figures given to the other arm: each number is in the passage, the pairing is not
    swapped = check_sentence("Treatment-related adverse events of grade 3 or 4 occurred in 55% of patients on "
                             "nivolumab and 7% of those on docetaxel [1].", [1], {1: CHECKMATE_017})
    assert "55%: [1] gives 7% for nivolumab and 55% for docetaxel" in swapped.reasons, swapped
    # a subject compared with another ("never or light smokers ... than heavy smokers": 4.2% against 20.6%)
    smokers = check_sentence("Never or light smokers responded more often than heavy smokers [1].", [1], {1: EGFR_ALK})
    assert any(r.startswith('"more often": [1] gives 4.2%') for r in smokers.reasons), smokers
    assert check_sentence("Heavy smokers responded more often than never or light smokers [1].", [1],
                          {1: EGFR_ALK}).status == SUPPORTED


def test_a_comparison_is_read_from_a_table_and_from_one_sentence_per_arm():
    from rag.chunk.chunker import chunk_document
    from rag.load import load_file

    page = ROOT / "corpus" / "nci" / "types-skin-research-nivolumab-checkmate067.md"
    [doc] = load_file(page).documents
    chunk = next(c.text for c in chunk_document(doc) if "Complete Response Rate" in c.text and "19%" in c.text)
    v = check_sentence("The complete response rate was higher with ipilimumab alone than with nivolumab alone [1].",
                       [1], {1: chunk})
    assert '"higher": [1] gives 5% for ipilimumab alone and 16% for nivolumab alone' in v.reasons, v
    assert check_sentence("The complete response rate was higher with nivolumab alone than with ipilimumab alone "
                          "[1].", [1], {1: chunk}).status == SUPPORTED
    il2 = _abstract('"8120071"')  # melanoma and renal cancer each in a sentence of its own
    v = check_sentence("Partial regression was more common among patients with melanoma than among those with renal "
                       "cell cancer [1].", [1], {1: il2})
    assert '"more common": [1] gives 10% for melanoma and 13% for renal cell cancer' in v.reasons, v


def test_numbers_as_people_write_them():
    il2 = _abstract('"8120071"')
    assert "Two hundred eighty-three patients" in il2 and "720 000 IU/kg" in il2
    v = check_sentence("Of the 283 patients, nine with melanoma (7%) had a complete regression; IL-2 was given at "
                       "720,000 IU/kg every 8 hours [1].", [1], {1: il2})
    assert v.status == SUPPORTED, v.reasons
    sotorasib = "Disease control occurred in 100 patients (80.6%; 95% CI, 72.6 to 87.2)."
    assert check_sentence("Disease control occurred in 100 patients, or about four in five [1].", [1],
                          {1: sotorasib}).status == SUPPORTED
    car = _abstract("Donor-derived CD19-targeted T cells")
    assert check_sentence("Three of the 10 patients given donor-derived anti-CD19 CAR T cells had regressions of "
                          "their malignancies [1].", [1], {1: car}).status == SUPPORTED
    v = check_sentence("Four of the 10 patients given donor-derived anti-CD19 CAR T cells had regressions of their "
                       "malignancies [1].", [1], {1: car})
    assert "Four not in [1]" in v.reasons, v
    assert "30 not in [1]" not in check_sentence(
        "Across 30 studies and 4971 patients, those who developed irAEs had better overall survival (HR 0.54) [1].",
        [1], {1: _abstract('"32306958"')}).reasons


def test_units_abbreviations_and_designs():
    v = check_sentence("Patients received nivolumab 3 mg/kg every 2 weeks or docetaxel 75 mg/m2 every 3 weeks [1].",
                       [1], {1: CHECKMATE_017})
    assert v.status == SUPPORTED, v.reasons  # "mg/m2" is the unit of the dose, not a name
    irae = _abstract('"32306958"')
    assert "cytotoxic T-lymphocyte antigen-4 inhibitors" in irae
    v = check_sentence("The association was not significant with CTLA-4 inhibitors (HR 0.89) [1].", [1], {1: irae})
    assert not any("CTLA-4" in r for r in v.reasons), v
    v = check_sentence("In this randomized study, 78 melanoma patients received autologous DCs loaded with gp100 and "
                       "tyrosinase [1].", [1], {1: DC_VACCINATION})
    assert '"randomized": [1] says "retrospective"' in v.reasons, v
    v = check_sentence("In this retrospective study, 78 melanoma patients received autologous DCs loaded with gp100 "
                       "and tyrosinase [1].", [1], {1: DC_VACCINATION})
    assert v.status == SUPPORTED, v.reasons
    v = check_sentence("Patients received IL-2 at 720 000 IU/kg subcutaneously every 8 hours [1].", [1],
                       {1: _abstract('"8120071"')})
    assert "subcutaneously not in [1]" in v.reasons, v


# --- issue 22, round 2: claims made by wording (quantifiers, causal verbs, ratios in words, with/without, which trial
# a drug belongs to, one agent against the combination) on real passages of the bundled corpus ---

LAK = _abstract('"3903508"')  # LAK cells plus IL-2: "Objective regression ... in 11 of the 25 patients"
ANGPT2 = _abstract('"28003187"')  # serum ANGPT2 "was associated with reduced overall survival"
DC_STAGE_III = _abstract("2162402X.2016.1191732")  # peptide recognition "40%, 29%, and 45%, respectively"
DC_TOXICITY = _abstract("CJI.0000000000000127")  # median follow-up 54.3 and 12.9 months
MYELOID_DC = _abstract("CCR-15-2205")  # "Four out of fourteen ... in three of these patients"


def _chunk(xml: str, needle: str) -> str:
    from rag.chunk.chunker import chunk_document
    from rag.load import load_file

    [doc] = load_file(ROOT / "corpus" / "pmc" / xml).documents
    return next(c.text for c in chunk_document(doc) if needle in c.text)


def test_quantifiers_are_read_against_the_passage_counts():
    assert "11 of the 25 patients" in LAK
    v = check_sentence("Most of the 25 patients had an objective regression [1].", [1], {1: LAK})
    assert '"Most": [1] says "11 of the 25"' in v.reasons, v
    assert check_sentence("Fewer than half of the 25 patients, 11, had an objective regression [1].", [1],
                          {1: LAK}).status == SUPPORTED
    assert "in three of these patients" in MYELOID_DC
    v = check_sentence("All four patients with long-term progression-free survival developed multifunctional CD8+ "
                       "T cell responses [1].", [1], {1: MYELOID_DC})
    assert any(r.startswith('"All four": [1] says "three of these') for r in v.reasons), v
    assert check_sentence("Three of the four patients with long-term progression-free survival developed "
                          "multifunctional CD8+ T cell responses [1].", [1], {1: MYELOID_DC}).status == SUPPORTED


def test_a_causal_verb_where_the_passage_says_associated():
    v = check_sentence("High pretreatment serum ANGPT2 caused reduced overall survival in CTLA-4 and PD-1 "
                       "blockade-treated patients [1].", [1], {1: ANGPT2})
    assert '"caused": [1] says "associated"' in v.reasons, v
    assert check_sentence("High pretreatment serum ANGPT2 was associated with reduced overall survival in CTLA-4 and "
                          "PD-1 blockade-treated patients [1].", [1], {1: ANGPT2}).status == SUPPORTED


def test_ratios_differences_and_approximate_numbers_in_words():
    right = check_sentence("Median follow-up was more than four times longer in stage III than in stage IV patients "
                           "(54.3 vs 12.9 months) [1].", [1], {1: DC_TOXICITY})
    assert right.status == SUPPORTED, right.reasons  # "four" is the ratio of the two figures, not a number to find
    wrong = check_sentence("Median follow-up was about six times longer in stage III than in stage IV patients "
                           "(54.3 vs 12.9 months) [1].", [1], {1: DC_TOXICITY})
    assert any(r.startswith('"about six times": [1] gives 54.3 and 12.9') for r in wrong.reasons), wrong
    assert check_sentence("Median overall survival was about 3 months longer with nivolumab than with docetaxel (9.2 "
                          "vs 6.0 months) [1].", [1], {1: CHECKMATE_017}).status == SUPPORTED
    v = check_sentence("Median overall survival was about 5 months longer with nivolumab than with docetaxel (9.2 vs "
                       "6.0 months) [1].", [1], {1: CHECKMATE_017})
    assert any(r.startswith('"about 5 months longer"') for r in v.reasons), v
    # a risk reduced by 41% is a hazard ratio of 0.59; "almost 37 months" is 36.8 months
    assert check_sentence("The risk of death was 41% lower with nivolumab than with docetaxel (hazard ratio 0.59) "
                          "[1].", [1], {1: CHECKMATE_017}).status == SUPPORTED
    assert check_sentence("Distant metastasis-free survival was almost 37 months [1].", [1],
                          {1: DC_STAGE_III}).status == SUPPORTED
    assert check_sentence("Distant metastasis-free survival was almost 39 months [1].", [1],
                          {1: DC_STAGE_III}).status != SUPPORTED
    # a ratio in words without the figures: against the passage's own pair (20% vs 9%)
    assert check_sentence("Nivolumab more than doubled the response rate of docetaxel [1].", [1],
                          {1: CHECKMATE_017}).status == SUPPORTED
    v = check_sentence("Nivolumab quadrupled the response rate of docetaxel [1].", [1], {1: CHECKMATE_017})
    assert any(r.startswith('"quadrupled": [1] gives 20% and 9%') for r in v.reasons), v


def test_a_count_of_listed_names_and_with_against_without():
    nivolumab_063 = _abstract('"25704439"')  # "27 sites ... in France, Germany, Italy, and USA"
    assert check_sentence("The trial was done at 27 sites in four countries [1].", [1],
                          {1: nivolumab_063}).status == SUPPORTED
    assert "five not in [1]" in check_sentence("The trial was done at 27 sites in five countries [1].", [1],
                                                {1: nivolumab_063}).reasons
    keynote_021 = _abstract('"27745820"')  # "non-squamous NSCLC without targetable EGFR or ALK genetic aberrations"
    v = check_sentence("Patients with targetable EGFR or ALK genetic aberrations were randomly assigned [1].", [1],
                       {1: keynote_021})
    assert any(r.startswith('"with targetable EGFR or": [1] says "without targetable') for r in v.reasons), v


def test_the_passage_figures_decide_most_frequent_and_which_arm_discontinued_more():
    v = check_sentence("Peptide recognition was most frequent for gp100:154-162 [1].", [1], {1: DC_STAGE_III})
    assert '"most frequent": [1] gives 40% for gp100:154-162 and 45% for tyrosinase:369-377' in v.reasons, v
    assert check_sentence("Peptide recognition was most frequent for tyrosinase:369-377 [1].", [1],
                          {1: DC_STAGE_III}).status == SUPPORTED
    poplar = _abstract('"26970723"')  # "11 (8%) patients in the atezolizumab group ... versus 30 (22%) patients"
    v = check_sentence("Discontinuation because of adverse events was more common with atezolizumab than with "
                       "docetaxel [1].", [1], {1: poplar})
    assert any(r.startswith('"more common": [1] gives') for r in v.reasons), v
    assert check_sentence("Discontinuation because of adverse events was less common with atezolizumab than with "
                          "docetaxel [1].", [1], {1: poplar}).status == SUPPORTED


def test_which_trial_a_drug_belongs_to_and_one_agent_against_the_combination():
    gastric = _chunk("10_3389_fimmu_2025_1688181.xml", "KEYNOTE-859")
    v = check_sentence("In the KEYNOTE-859 trial, nivolumab plus chemotherapy improved overall survival [1].", [1],
                       {1: gastric})
    assert "nivolumab: [1] names it with ATTRACTION-2, not KEYNOTE-859" in v.reasons, v
    assert check_sentence("In the KEYNOTE-859 trial, pembrolizumab plus chemotherapy improved overall survival [1].",
                          [1], {1: gastric}).status == SUPPORTED
    cik = _chunk("10_3389_fimmu_2025_1665488.xml", "nasopharyngeal carcinoma")
    v = check_sentence("In nasopharyngeal carcinoma, chemotherapy alone outperformed chemotherapy plus CIK cell "
                       "therapy [1].", [1], {1: cik})
    assert '"alone ... outperformed": [1] says "plus ... outperformed"' in v.reasons, v
    assert check_sentence("In nasopharyngeal carcinoma, chemotherapy plus CIK cell therapy outperformed chemotherapy "
                          "alone [1].", [1], {1: cik}).status == SUPPORTED


def test_the_only_said_of_another_subject_and_strong_said_of_limited():
    bpdcn = _abstract('"37156483"')
    v = check_sentence("Tagraxofusp is the only potentially curative treatment for BPDCN [1].", [1], {1: bpdcn})
    assert any(r.startswith('"Tagraxofusp ... the only": [1] says "Allogeneic stem cell') for r in v.reasons), v
    assert check_sentence("Allogeneic stem cell transplantation is the only potentially curative treatment for BPDCN "
                          "[1].", [1], {1: bpdcn}).status == SUPPORTED
    mrna_dc = _abstract("2162402X.2015.1019197")
    v = check_sentence("The mRNA-optimized DCs induced strong immunological responses against tyrosinase and gp100 "
                       "[1].", [1], {1: mrna_dc})
    assert '"strong immunological responses": [1] says "limited immunological responses"' in v.reasons, v
    assert check_sentence("The mRNA-optimized DCs showed limited immunological responses against tyrosinase and gp100 "
                          "[1].", [1], {1: mrna_dc}).status == SUPPORTED


def test_a_subgroup_with_against_without_is_read_from_the_passage_figures():
    assert "with or without flu-like symptoms was 13.1 versus 8.9 months" in DC_TOXICITY
    v = check_sentence("In stage IV melanoma, patients without flu-like symptoms lived longer than those with them "
                       "[1].", [1], {1: DC_TOXICITY})
    assert '"longer": [1] gives 8.9 without and 13.1 with flu-like' in v.reasons, v
    assert check_sentence("In stage IV melanoma, patients with flu-like symptoms lived longer than those without "
                          "them [1].", [1], {1: DC_TOXICITY}).status == SUPPORTED


def test_the_site_or_kind_of_a_disease_must_be_the_passage_one():
    mrna_dc = _abstract("2162402X.2015.1019197")  # metastatic melanoma, no site named
    assert check_sentence("Autologous mRNA-optimized DCs were given intranodally to patients with metastatic "
                          "melanoma [1].", [1], {1: mrna_dc}).status == SUPPORTED
    v = check_sentence("Autologous mRNA-optimized DCs were given intranodally to patients with uveal melanoma [1].",
                       [1], {1: mrna_dc})
    assert "uveal melanoma not in [1]" in v.reasons, v
    # a site by another word the table gives for it: "brain" for "CNS"
    tricotel = _abstract('"37459873"')
    assert "melanoma with CNS metastases" in tricotel
    assert check_sentence("TRICOTEL evaluated atezolizumab with cobimetinib in patients with melanoma and brain "
                          "metastases [1].", [1], {1: tricotel}).status == SUPPORTED
    assert "liver metastases not in [1]" in check_sentence(
        "TRICOTEL evaluated atezolizumab with cobimetinib in patients with melanoma and liver metastases [1].", [1],
        {1: tricotel}).reasons


def test_a_confidence_bound_is_not_the_value_it_bounds():
    keynote_042 = _abstract('"30955977"')
    assert "≥1% 0·81, 0·71-0·93" in keynote_042
    assert check_sentence("With a TPS of 1% or greater, the hazard ratio for overall survival was 0.81 [1].", [1],
                          {1: keynote_042}).status == SUPPORTED
    assert check_sentence("With a TPS of 1% or greater, the hazard ratio for overall survival was 0.81 (95% CI "
                          "0.71-0.93) [1].", [1], {1: keynote_042}).status == SUPPORTED
    v = check_sentence("With a TPS of 20% or greater, the hazard ratio for overall survival was 0.71 [1].", [1],
                       {1: keynote_042})
    assert "0.71 not in [1]" in v.reasons, v


def test_most_is_read_against_a_breakdown_of_the_patients():
    checkmate_032 = _abstract('"27269741"')  # "216 patients were enrolled and treated (98 with nivolumab 3 mg/kg, ..."
    assert "216 patients were enrolled and treated (98 with nivolumab 3 mg/kg" in checkmate_032
    v = check_sentence("Most patients were treated with nivolumab 3 mg/kg monotherapy [1].", [1], {1: checkmate_032})
    assert '"Most": [1] says "98 of 216"' in v.reasons, v
    assert check_sentence("Of the 216 patients treated, 98 received nivolumab 3 mg/kg monotherapy [1].", [1],
                          {1: checkmate_032}).status == SUPPORTED


def test_a_conclusion_the_passage_says_cannot_be_drawn_yet():
    assert "preliminary results" in LAK and "before conclusions" in LAK
    v = check_sentence("The authors concluded that LAK cells with interleukin-2 are an effective treatment for "
                       "metastatic cancer [1].", [1], {1: LAK})
    assert '"concluded": [1] says "preliminary"' in v.reasons, v
    assert check_sentence("In these preliminary results, LAK cells with interleukin-2 led to objective regression in "
                          "11 of 25 patients with metastatic cancer [1].", [1], {1: LAK}).status == SUPPORTED


# --- the fourth sentence set: trial records, cancer.gov pages and clinicians' wording (real passages of corpus/) ---

def _record_chunk(path: str, needle: str) -> str:
    """The 200-token chunk of a bundled trial record or cancer.gov page that holds ``needle``."""
    from rag.chunk.chunker import chunk_document
    from rag.load import load_file

    for doc in load_file(ROOT / "corpus" / path).documents:
        for c in chunk_document(doc):
            if needle in c.text:
                return c.text
    raise AssertionError(f"{needle!r} not in {path}")


TRIALS = "trials/immunotherapy_trials_til_cart_il2.jsonl"


def _one(sentence: str, passage: str, title: str = ""):
    return check_sentence(sentence + " [1]", [1], {1: passage}, titles={1: title} if title else None)


def test_a_median_not_yet_reached_is_a_value_not_a_denial():
    nci = _record_chunk("nci/types-skin-research-nivolumab.md", "had not yet been reached")
    assert _one("Median overall survival was not reached with nivolumab and was 10.8 months with dacarbazine.",
                nci).status == SUPPORTED


def test_a_ratio_in_words_is_read_against_the_figures_that_follow_it():
    nci = _record_chunk("nci/types-skin-research-nivolumab.md", "40.0 percent versus 13.9 percent")
    assert _one("Nivolumab more than doubled progression-free survival (5.1 vs 2.2 months) and nearly tripled the "
                "response rate (40% vs 13.9%).", nci).status == SUPPORTED
    v = _one("Nivolumab more than doubled progression-free survival (5.1 vs 2.2 months) and nearly quadrupled the "
             "response rate (40% vs 13.9%).", nci)
    assert any(r.startswith('"nearly quadrupled"') and "2.9 times" in r for r in v.reasons), v


def test_with_or_without_is_no_denial_and_do_not_have_is_without():
    til = _record_chunk(TRIALS, "two additional courses of TILs")
    assert _one("Two additional courses of TILs with low-dose IL-2 may follow, with or without cyclophosphamide.",
                til).status == SUPPORTED
    assert '"not" is not said in [1]' in _one("Additional courses of TILs are not allowed.", til).reasons
    il12 = _record_chunk(TRIALS, "Patients who do not have progressive disease also receive IL-2")
    assert _one("Patients without progression add IL-2 on three consecutive days a week from week 13 to week 24.",
                il12).status == SUPPORTED


def test_most_against_a_share_in_words():
    nci = _record_chunk("nci/types-skin-research-advanced-melanoma-therapies.md", "approximately one-fourth")
    v = _one("Most patients with advanced melanoma previously treated with ipilimumab had tumour shrinkage on "
             "pembrolizumab.", nci)
    assert '"Most": [1] says "one-fourth"' in v.reasons, v
    assert _one("In the early-stage trial, about a quarter of patients previously treated with ipilimumab had tumour "
                "shrinkage.", nci).status == SUPPORTED


def test_a_word_the_passage_says_only_with_non_before_it():
    vaccine = _record_chunk(TRIALS, "nonmyeloablative, lymphocyte-depleting")
    v = _one("The preparative regimen is myeloablative.", vaccine)
    assert '"myeloablative": [1] says "nonmyeloablative"' in v.reasons, v
    assert _one("The preparative regimen is nonmyeloablative and depletes lymphocytes.", vaccine).status == SUPPORTED


def test_a_number_with_another_unit_and_a_range_with_another_end():
    il2 = _record_chunk(TRIALS, "every 8 hours for 15 doses")  # and "followed every 6 months"
    assert _one("High-dose IL-2 is given every 8 hours for 15 doses.", il2).status == SUPPORTED
    v = _one("High-dose IL-2 is given every 6 hours for 15 doses.", il2)
    assert v.status != SUPPORTED and any(r.startswith("6 ") for r in v.reasons), v
    fowlpox = _record_chunk(TRIALS, "Patients are randomized to 1 of 3 treatment cohorts")  # and "up to 4 doses"
    v = _one("Patients are randomized to 1 of 4 treatment cohorts.", fowlpox)
    assert any(r.startswith("4 cohorts not in [1] (it gives 4") for r in v.reasons), v
    aml = _record_chunk(TRIALS, "etoposide IV over 1 hour on days 1-5")
    assert _one("In arm I, etoposide is given on days 1 to 5.", aml).status == SUPPORTED
    v = _one("In arm I, etoposide is given on days 1 to 7.", aml)
    assert any(r.startswith("1 to 7 not in [1]") for r in v.reasons), v


def test_before_and_after_fully_and_partially():
    radiation = _record_chunk(TRIALS, "radiation therapy to up to three tumors prior to receiving high-dose IL-2")
    assert _one("Half the patients receive radiation to up to three tumours before high-dose IL-2.",
                radiation).status == SUPPORTED
    v = _one("Radiation is given after high-dose IL-2.", radiation)
    assert any(r.startswith('"after high-dose IL-2": [1] says "prior to') for r in v.reasons), v
    fowlpox = _record_chunk(TRIALS, "This is a partially randomized study")
    v = _one("The study is fully randomized.", fowlpox)
    assert '"fully randomized": [1] says "partially randomized study"' in v.reasons, v


def test_a_result_from_a_study_plan_and_an_end_point_of_another_rank():
    aml = _record_chunk(TRIALS, "A total of 580 patients will be accrued")
    v = _one("Interleukin-2 maintenance improved event-free survival in childhood AML.", aml)
    assert '"improved": [1] describes a planned study and reports no result' in v.reasons, v
    assert _one("The trial plans to accrue 580 patients over seven years.", aml).status == SUPPORTED
    booster = _record_chunk(TRIALS, "Secondary end points: 1. Toxicity")
    v = _one("Toxicity is the primary end point of the study.", booster)
    assert any(r.startswith('"primary end point": [1] gives toxic') for r in v.reasons), v


def test_names_as_passages_write_them():
    checkpoint = _abstract('"25605845"')  # "approved by the US Food and Drug Administration"
    assert _one("The FDA has approved ipilimumab, which targets CTLA-4, and pembrolizumab, which targets PD-1, for "
                "advanced melanoma.", checkpoint).status == SUPPORTED
    aml = _record_chunk(TRIALS, "concerning the event free survival")
    assert _one("The randomisation is assessed on event-free survival.", aml).status == SUPPORTED
    pit = _abstract('"26981775"')  # "100 μg of hYP218-IR700 i.v."
    assert _one("Mice received 100 μg of hYP218-IR700 intravenously.", pit).status == SUPPORTED
    ihc = _abstract('"26317305"')  # clone 28-8
    assert "22C3 not in [1]" in _one("The primary antibody is the 22C3 clone.", ihc).reasons


def test_an_outcome_abbreviation_finds_the_sentence_that_spells_it_out():
    nci = _record_chunk("nci/types-skin-research-pembrolizumab.md", "Median progression-free survival was 5.5 months")
    assert _one("Median PFS was 5.5 months with pembrolizumab every 2 weeks, 4.1 months every 3 weeks and 2.8 months "
                "with ipilimumab.", nci).status == SUPPORTED


def test_shown_where_the_passage_says_possible_and_patients_where_it_says_mice():
    ihc = _abstract('"26317305"')  # "investigated as a potential biomarker to predict clinical response"
    v = _one("PD-L1 staining with this assay reliably predicts who will respond to nivolumab.", ihc)
    assert '"reliably": [1] says "investigated"' in v.reasons, v
    microbiome = _abstract('"32425919"')  # CT26 tumor-bearing mice
    title = ("Gut Microbiome Influences the Efficacy of PD-1 Antibody Immunotherapy on MSS-Type Colorectal Cancer via "
             "Metabolic Pathway.")
    v = _one("The study showed that Akkermansia improves the response to PD-1 antibody in patients with MSS "
             "colorectal cancer.", microbiome, title)
    assert any(r.startswith('"in patients": [1] says') for r in v.reasons), v
    assert _one("In mice with MSS-type CT26 colorectal tumours, antibiotics given after PD-1 antibody treatment "
                "counteracted its inhibition of tumour growth.", microbiome, title).status == SUPPORTED


def test_the_rest_of_a_total_the_sentence_gives():
    checkmate_032 = _record_chunk("pubmed/immunotherapy_abstracts.jsonl", "216 patients were enrolled and treated")
    assert _one("Of the 216 patients treated, 98 received nivolumab alone and 118 nivolumab plus ipilimumab.",
                checkmate_032).status == SUPPORTED
    assert "128 not in [1]" in _one("Of the 216 patients treated, 98 received nivolumab alone and 128 nivolumab plus "
                                    "ipilimumab.", checkmate_032).reasons


def test_significantly_where_the_passage_found_no_significant_difference():
    nci = _record_chunk("nci/types-skin-research-vemurafenib-ipilimumab.md", "no statistically significant difference")
    v = _one("Ipilimumab produced significantly more tumour shrinkage than dacarbazine alone.", nci)
    assert '"significantly": [1] says "no statistically significant"' in v.reasons, v
    assert _one("Progression-free survival improved by 24 percent with ipilimumab, though tumour shrinkage did not "
                "differ significantly.", nci).status == SUPPORTED


def test_a_drug_of_the_paper_given_the_figures_of_another_arm():
    nci = _record_chunk("nci/types-skin-research-vemurafenib-ipilimumab.md", "19.3 months in the ipilimumab arm")
    title = "New Therapies Offer Valuable Options for Patients with Melanoma - NCI"  # vemurafenib: elsewhere
    from rag.load import load_file

    [page] = [d.text for d in load_file(ROOT / "corpus" / "nci" / "types-skin-research-vemurafenib-ipilimumab.md")
              .documents]
    assert "vemurafenib" in page and "vemurafenib" not in nci
    v = check_sentence("Responses lasted 19.3 months with vemurafenib [1].", [1], {1: nci}, titles={1: title},
                       papers={1: page})
    assert "vemurafenib not in [1] (it says ipilimumab there)" in v.reasons, v
    assert check_sentence("Responses lasted 19.3 months with ipilimumab [1].", [1], {1: nci}, titles={1: title},
                          papers={1: page}).status == SUPPORTED


def test_an_intervention_the_passage_never_made():
    aclf = _abstract('"31974915"')  # IL-35 measured and added (recombinant), never blocked
    v = _one("Blocking IL-35 restored CD8+ T cell function in ACLF patients.", aclf)
    assert '"Blocking IL-35" is not said in [1]' in v.reasons, v
    assert _one("Recombinant IL-35 dampened cytotoxicity and interferon-γ production in both direct and indirect "
                "co-culture.", aclf).status == SUPPORTED


def test_a_recommendation_the_passage_finds_the_evidence_insufficient_for():
    consensus = _abstract('"37504336"')  # "the evidence is insufficient to make specific recommendations"
    v = _one("The panel recommends sotorasib specifically for patients with brain metastases.", consensus)
    assert '"recommends": [1] says "insufficient to make specific recommendations"' in v.reasons, v
    assert _one("The panel found the data on brain metastases insufficient for specific recommendations.",
                consensus).status == SUPPORTED


def test_a_comparison_read_from_a_list_of_figures():
    nci = _record_chunk("nci/types-skin-research-pembrolizumab-ipilimumab-resistance.md", "34 percent for patients")
    v = _one("The lower pembrolizumab dose gave a higher 6-month PFS rate than the higher dose.", nci)
    assert v.status != SUPPORTED and any(r.startswith('"higher"') for r in v.reasons), v
    assert _one("The higher pembrolizumab dose gave a higher 6-month PFS rate than the lower dose.",
                nci).status == SUPPORTED


# --- results.py: what a trial found ---------------------------------------------------------------------------------

ADJUVANT = ("In a randomized trial, 400 patients with high-risk resected disease received adjuvant drug X or placebo. "
            "Median DFS was 5.0 years with drug X and 4.1 years with placebo (HR, 0.80; P = .02). "
            "No difference in OS was seen between the two groups (HR, 1.02).")


def test_a_benefit_on_an_outcome_the_passage_found_no_difference_in():
    ok = check_sentence("Adjuvant drug X lengthened median DFS compared with placebo. [1]", [1], {1: ADJUVANT})
    assert ok.status == SUPPORTED, ok.reasons
    v = check_sentence("Adjuvant drug X improved overall survival. [1]", [1], {1: ADJUVANT})
    assert v.status != SUPPORTED and any("OS" in r for r in v.reasons)
    # each outcome against its own clauses: DFS improved, OS did not
    v = check_sentence("Adjuvant drug X improved both DFS and OS. [1]", [1], {1: ADJUVANT})
    assert v.status != SUPPORTED


def test_a_survival_benefit_where_the_passage_measures_no_survival():
    passage = "A meta-analysis of 20 studies found that PET-CT changed management in 30% of patients."
    v = check_sentence("Management changes after PET-CT improved survival. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any("survival" in r for r in v.reasons)


def test_significantly_where_no_statistical_test_was_done():
    passage = ("Survival was higher in patients who received radiation (40% vs. 30%); however, statistical tests of "
               "comparison were not conducted.")
    assert check_sentence("Survival was higher with radiation, 40% against 30%. [1]", [1],
                          {1: passage}).status == SUPPORTED
    v = check_sentence("Radiation significantly improved survival. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any("not conducted" in r for r in v.reasons)


def test_a_comparison_with_an_arm_the_passage_does_not_have():
    passage = ("In a single-arm phase II trial, 80 patients received drug Y. The response rate was 40%, and median PFS "
               "was 8.0 months.")
    v = check_sentence("Drug Y improved PFS compared with chemotherapy. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any("no such arm" in r for r in v.reasons)
    # "more than", "rather than", a number: no arm
    from rag.answer.support_check.results import comparator_flags
    assert comparator_flags("Responses were seen in more than a third of patients given drug Y", [passage], "[1]") == []
    assert comparator_flags("Responses lasted about twice as long as PFS rather than shrinking", [passage], "[1]") == []


def test_a_population_the_passage_describes_by_the_opposite_word():
    v = check_sentence("Drug X was studied after resection of low-risk disease. [1]", [1], {1: ADJUVANT})
    assert v.status != SUPPORTED and any("high-risk" in r for r in v.reasons)
    passage = "The phase II trial enrolled 60 patients with previously untreated advanced disease."
    v = check_sentence("The trial enrolled patients previously treated for advanced disease. [1]", [1], {1: passage})
    assert v.status != SUPPORTED


def test_a_time_point_of_an_outcome_is_the_same_thing_in_a_list_item():
    # A cancer.gov PDQ item (childhood soft tissue sarcoma); set-5 dev item s5-144 was a false alarm ("5 not in").
    passage = ("3. The European paediatric Soft Tissue Sarcoma Study Group (EpSSG) performed a prospective study in "
               "patients aged 21 years and younger with MPNST.[21] Surgical resection of primary tumors was "
               "classified as R0 if the resection was complete with negative microscopic margins, R1 if the margins "
               "were microscopically positive, and R2 if the resection left macroscopic residual tumor. Patients "
               "were nonrandomly assigned to one of the following four treatment groups:\n\n- Cohort 1: Patients "
               "with completely resected tumors (R0) who received surgery only (n = 13); the 5-year EFS rate was "
               "92%.\n- Cohort 2: Patients with incompletely resected tumors (R1/R2) who received adjuvant radiation"
               " therapy (n = 4); the 5-year EFS rate was 33%.\n- Cohort 3: Patients with incompletely resected "
               "tumors (R1/R2) who received adjuvant chemotherapy (n = 7); the 5-year EFS rate was 29%.\n- Cohort 4:"
               " Patients who received either chemotherapy before surgical resection and/or who had nodal "
               "involvement (n = 27); the 5-year EFS rate was 52%.")
    v = check_sentence("In the EpSSG study of MPNST in patients 21 and younger, completely resected tumours treated "
                       "with surgery alone had a 5-year EFS of 92%. [1]", [1], {1: passage})
    assert v.status == SUPPORTED, v.reasons
    v = check_sentence("Completely resected tumours treated with surgery alone had a 3-year EFS of 92%. [1]", [1],
                       {1: passage})
    assert v.status != SUPPORTED


def test_about_a_round_figure_for_a_half_or_a_large_count():
    passage = ("A meta-analysis of 38 studies including 2,795 patients was done. The 3-year OS rate was 60.5% in one "
               "arm and 61.9% in the other.")
    def status(sentence):
        return check_sentence(sentence + " [1]", [1], {1: passage}).status
    assert status("The meta-analysis included nearly 2,800 patients.") == SUPPORTED
    assert status("Three-year OS was about 60% in one arm.") == SUPPORTED
    assert status("The meta-analysis included nearly 2,900 patients.") != SUPPORTED


def test_with_and_without_read_apart_and_plus_is_with():
    passage = ("Patients with syndrome Z had lower CR rates (97% vs. 99%) compared with patients without syndrome Z. "
               "Five trials used drug A plus drug B, and 13 trials used drug A without drug B.")
    assert check_sentence("CR rates were lower than in children without syndrome Z, 97% against 99%. [1]", [1],
                          {1: passage}).status == SUPPORTED
    assert check_sentence("Five trials combined drug A with drug B. [1]", [1], {1: passage}).status == SUPPORTED


def test_nearly_all_is_no_universal_claim():
    passage = "Of 162 tested specimens, 157 (96.9%) had detectable HPV."
    assert check_sentence("Nearly all tested specimens had HPV. [1]", [1], {1: passage}).status == SUPPORTED
    assert check_sentence("All tested specimens had HPV. [1]", [1], {1: passage}).status != SUPPORTED
    assert check_sentence("Nearly all tested specimens had HPV. [1]", [1],
                          {1: passage.replace("157 (96.9%)", "97 (59.9%)")}).status != SUPPORTED


def test_close_to_a_whole_number():
    passage = "The risk was confined to drug A combined with drug M (HR, 4.86; 95% CI, 2.79-8.46)."
    assert check_sentence("With drug M, the hazard ratio was close to five. [1]", [1], {1: passage}).status == SUPPORTED


def test_not_significant_in_words_for_a_p_value_of_05_or_more():
    passage = "The median OS was 21.3 months with drug B and 19.9 months with placebo (HR, 0.89; P = .077)."
    v = check_sentence("Median OS was 21.3 months with drug B and 19.9 with placebo, a difference that was not "
                       "significant. [1]", [1], {1: passage})
    assert v.status == SUPPORTED, v.reasons


def test_a_causal_verb_for_a_comparison_of_randomized_arms():
    passage = ("A trial randomly assigned patients to excision with 1-cm or 3-cm margins. Patients with 1-cm margins "
               "had higher rates of recurrence (HR, 1.34). This study suggests that 1-cm margins may not be adequate.")
    v = check_sentence("Excision with 1-cm margins led to more recurrence than 3-cm margins. [1]", [1], {1: passage})
    assert v.status == SUPPORTED, v.reasons


def test_a_disease_specific_survival_advantage_is_no_overall_survival_benefit():
    passage = ("No difference in overall survival (OS) was seen between the two groups (HR, 0.81). However, there was "
               "a melanoma-specific survival advantage for patients with 3-cm margins (HR, 1.24).")
    v = check_sentence("Three-centimetre margins improved overall survival. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any("OS" in r for r in v.reasons)
    assert check_sentence("Three-centimetre margins gave a melanoma-specific survival advantage. [1]", [1],
                          {1: passage}).status == SUPPORTED


def test_a_protective_factor_where_the_passage_names_a_risk_factor():
    passage = ("In a retrospective review of 300 patients, risk factors for later transformation were advanced stage "
               "and watchful waiting.")
    v = check_sentence("Watchful waiting protected against later transformation. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any("protected" in r for r in v.reasons)
    assert check_sentence("Watchful waiting was a risk factor for later transformation. [1]", [1],
                          {1: passage}).status == SUPPORTED


def test_a_figure_given_to_the_wrong_arm():
    passage = ("A small trial randomly assigned 70 patients to sunitinib or pazopanib. The median PFS was 11 months "
               "for patients who received sunitinib and 17 months for patients who received pazopanib (P = .2).")
    assert check_sentence("Median PFS with sunitinib was 11 months. [1]", [1], {1: passage}).status == SUPPORTED
    v = check_sentence("Median PFS with sunitinib was 17 months. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any("another arm" in r for r in v.reasons), v.reasons
    # two figures in the answer: read arm by arm elsewhere, not here
    assert check_sentence("Median PFS was 11 months with sunitinib and 17 months with pazopanib. [1]", [1],
                          {1: passage}).status == SUPPORTED


def test_identical_against_distinctive_and_larger_against_less():
    passage = ("Infants with high-grade gliomas appear to have tumors with distinctive molecular characteristics when "
               "compared with tumors of adults. The effect of drug B on OS is likely to be less than what was seen in "
               "the original study.")
    v = check_sentence("Infant high-grade gliomas are molecularly identical to those of adults. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any("identical" in r for r in v.reasons), v.reasons
    v = check_sentence("The effect of drug B on OS is likely larger than in the original study. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any("larger" in r for r in v.reasons), v.reasons
    assert check_sentence("The effect of drug B on OS is probably smaller than in the original study. [1]", [1],
                          {1: passage}).status == SUPPORTED


def test_doubled_where_the_passage_compares_nothing():
    passage = ("A single-arm study gave drug K to 60 patients with advanced disease. The overall response rate was "
               "20%, and median OS was 9.4 months.")
    v = check_sentence("Drug K doubled overall survival in advanced disease. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any("compares nothing" in r for r in v.reasons), v.reasons
    assert check_sentence("Drug K gave a median OS of 9.4 months in advanced disease. [1]", [1],
                          {1: passage}).status == SUPPORTED


def test_better_than_the_arm_the_passage_says_was_best():
    passage = ("Patients were randomly assigned to photodynamic therapy or cryotherapy. Clearance at 12 months was 80% "
               "and 69%. The cosmetic results were best in the photodynamic therapy group.")
    v = check_sentence("Cryotherapy gave better cosmetic results than photodynamic therapy. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any('"best"' in r for r in v.reasons), v.reasons
    assert check_sentence("Photodynamic therapy gave better cosmetic results than cryotherapy. [1]", [1],
                          {1: passage}).status == SUPPORTED


def test_a_range_of_stages_in_roman_numerals():
    passage = "A randomized trial enrolled 592 patients younger than 60 years with stage I or stage II DLBCL."
    assert check_sentence("The trial enrolled patients under 60 with stage I-II DLBCL. [1]", [1],
                          {1: passage}).status == SUPPORTED
    assert check_sentence("The trial enrolled patients under 60 with stage II-III DLBCL. [1]", [1],
                          {1: passage}).status != SUPPORTED


def test_clearly_where_the_passage_finds_no_clear_evidence():
    passage = ("Data from randomized trials show no clear evidence that maintenance chemotherapy improves survival. A "
               "meta-analysis reported an odds ratio of 0.67 for 1-year survival.")
    v = check_sentence("Maintenance chemotherapy clearly improves survival. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any("no clear" in r for r in v.reasons), v.reasons
