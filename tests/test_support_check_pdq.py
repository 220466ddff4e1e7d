"""The support check on the way cancer.gov PDQ summaries are written: reference markers after a full stop, arms
named by hyphenated compounds, vulgar fractions, imaging abbreviations (rag/answer/support_check/)."""

from __future__ import annotations

from rag.answer.support_check import SUPPORTED, check_sentence


def test_reference_markers_after_a_full_stop_end_the_sentence():
    # The denial of the first sentence is not read into the second, which the answer follows.
    passage = ("Trials show no clear evidence that consolidation radiation improves survival.[12-14][Level of evidence "
               "A1] However, a pooled analysis of nine trials reported a hazard ratio of 0.72 for death with "
               "consolidation radiation.[15]")
    v = check_sentence("Pooling nine trials gave a hazard ratio for death of 0.72 with consolidation radiation. [1]",
                       [1], {1: passage})
    assert v.status == SUPPORTED, v.reasons


def test_vulgar_fractions_are_numbers():
    passage = ("The trial enrolled 120 patients with bulky disease, defined as a mass >10 cm or >⅓ of the maximum "
               "intrathoracic diameter. Median follow-up was 4½ years.")
    for sentence in ("Bulky disease meant a mass over 10 cm or more than a third of the chest's widest diameter.",
                     "Bulky disease meant a mass over 10 cm or more than ⅓ of the maximum intrathoracic diameter.",
                     "Patients with bulky disease were followed for a median of 4.5 years."):
        v = check_sentence(sentence + " [1]", [1], {1: passage})
        assert v.status == SUPPORTED, (sentence, v.reasons)
    for sentence in ("Bulky disease meant a mass over 10 cm or more than half of the maximum intrathoracic diameter.",
                     "Patients with bulky disease were followed for a median of 4 years."):
        assert check_sentence(sentence + " [1]", [1], {1: passage}).status != SUPPORTED, sentence


def test_an_arm_named_by_a_hyphenated_combination_is_the_added_treatment():
    passage = ("Patients were randomly assigned to best supportive care (BSC) with oral topotecan or BSC alone. The "
               "objective response rate was 7% in the BSC-plus-topotecan group and 1% in the BSC-alone group.")
    for sentence in ("Responses were rare: 7% with topotecan and 1% with BSC alone.",
                     "Responses were rare: 7% with BSC plus topotecan and 1% with BSC alone."):
        v = check_sentence(sentence + " [1]", [1], {1: passage})
        assert v.status == SUPPORTED, (sentence, v.reasons)
    for sentence in ("Responses were rare: 1% with topotecan and 7% with BSC alone.",
                     "Responses were more frequent with BSC alone than with topotecan."):
        assert check_sentence(sentence + " [1]", [1], {1: passage}).status != SUPPORTED, sentence


def test_fdg_pet_is_the_fludeoxyglucose_scan():
    passage = ("In 40 patients with an unknown primary tumour, a fluorine F 18-fludeoxyglucose–PET scan found the "
               "primary site in 30% of patients.")
    v = check_sentence("An FDG-PET scan found the primary site in 30% of 40 patients. [1]", [1], {1: passage})
    assert v.status == SUPPORTED, v.reasons
    for sentence in ("A PSMA-PET scan found the primary site in 30% of 40 patients.",
                     "An FDG-MRI scan found the primary site in 30% of 40 patients."):
        v = check_sentence(sentence + " [1]", [1], {1: passage})
        assert v.status != SUPPORTED, sentence


def test_higher_but_not_significantly_is_a_nonsignificant_increase():
    passage = ("A total of 140 patients were randomly assigned. The wound infection rate was nonsignificantly "
               "increased in the drainage group (8.1% vs. 4.0%; P = .31).")
    v = check_sentence("Wound infection was somewhat higher with drainage, 8.1% versus 4.0%, but not significantly."
                       " [1]",
                       [1], {1: passage})
    assert v.status == SUPPORTED, v.reasons
    for sentence in ("Wound infection was significantly higher with drainage, 8.1% versus 4.0%.",
                     "Wound infection was lower with drainage, 8.1% versus 4.0%, but not significantly."):
        assert check_sentence(sentence + " [1]", [1], {1: passage}).status != SUPPORTED, sentence


def test_comparison_figures_written_with_vs_and_not_counts_of_arms_or_grades():
    passage = ("Drug M was compared with docetaxel in 400 patients. The response rate was higher with drug M than "
               "with docetaxel (31.2% vs. 20.4%), and adverse events of any grade were less frequent (occurring in "
               "60.1% vs. 85.3% of patients). In older patients there was no difference between the two arms, but "
               "more rashes occurred with drug M than with docetaxel (grade 3 to 5 rash, 12% vs. 4%).")
    v = check_sentence("Adverse events of any grade were more frequent with drug M than with docetaxel. [1]", [1],
                       {1: passage})
    assert v.status != SUPPORTED and any("60.1%" in r and "85.3%" in r for r in v.reasons), v.reasons
    for sentence in ("Adverse events of any grade were less frequent with drug M than with docetaxel.",
                     "In older patients, rashes were more frequent with drug M than with docetaxel."):
        v = check_sentence(sentence + " [1]", [1], {1: passage})
        assert v.status == SUPPORTED, (sentence, v.reasons)


def test_a_population_the_sentence_opens_with_may_be_given_anywhere_in_the_passage():
    passage = ("A single-arm trial gave drug Q to 140 patients with recurrent disease. A separate analysis was done in "
               "64 patients whose tumours expressed the marker.\n\n- The response rate among marker-positive "
               "patients was 22%, with 4 complete responses.")
    v = check_sentence("In the 64 marker-positive patients, the response rate was 22%. [1]", [1], {1: passage})
    assert v.status == SUPPORTED, v.reasons
    v = check_sentence("In the 46 marker-positive patients, the response rate was 22%. [1]", [1], {1: passage})
    assert v.status != SUPPORTED, v.reasons


def test_a_ratio_to_each_of_two_figures_that_follow():
    passage = ("Three arms were compared. The median PFS was 9.6 months in arm R, 4.7 months in arm S, and 5.0 months "
               "in arm T.")
    v = check_sentence("Median PFS was 9.6 months in arm R, about twice that of arms S and T (4.7 and 5.0 months). [1]",
                       [1], {1: passage})
    assert v.status == SUPPORTED, v.reasons
    v = check_sentence("Median PFS was 9.6 months in arm R, about three times that of arms S and T (4.7 and 5.0 "
                       "months). [1]", [1], {1: passage})
    assert v.status != SUPPORTED, v.reasons


def test_the_only_events_of_a_kind_are_all_of_them():
    passage = ("Rashes were more common with drug K (21%) than with placebo (6%). The only grade 3 rashes reported in "
               "three or more patients occurred in the drug K group.")
    v = check_sentence("Grade 3 rashes seen in three or more patients all occurred in the drug K group. [1]", [1],
                       {1: passage})
    assert v.status == SUPPORTED, v.reasons


def test_all_with_a_count_opening_a_sentence_says_every_one():
    passage = ("Of 80 tested tumours from adults undergoing resection, 78 (97.5%) carried the mutation. All 78 "
               "tumours had the mutation in exon 2.")
    v = check_sentence("Nearly all tested tumours (78 of 80) carried the mutation, every one of them in exon 2. [1]",
                       [1], {1: passage})
    assert v.status == SUPPORTED, v.reasons


def test_significantly_where_the_outcome_s_p_value_is_over_005():
    passage = ("In this trial, 900 patients were randomly assigned to drug V or placebo.\n\n- The median PFS was 7.1 "
               "months with drug V and 5.9 months with placebo (HR, 0.80; P = .004).\n- The median OS was 18.2 months "
               "with drug V and 17.0 months with placebo (HR, 0.92; P = .21).")
    v = check_sentence("Drug V significantly improved overall survival in this trial. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any("P = 0.21" in r for r in v.reasons), v.reasons
    for sentence in ("Drug V significantly improved progression-free survival in this trial.",
                     "Drug V improved median overall survival from 17.0 to 18.2 months, not significantly."):
        v = check_sentence(sentence + " [1]", [1], {1: passage})
        assert v.status == SUPPORTED, (sentence, v.reasons)


def test_a_whole_percentage_that_is_only_the_rounded_bound_of_an_interval():
    passage = ("A separate analysis was done in 64 patients whose tumours expressed the marker.\n\n- The response "
               "rate among marker-positive patients was 18% (95% CI, 9.7%–31.4%) with 4 complete responses.")
    v = check_sentence("The response rate among marker-positive patients was 31%. [1]", [1], {1: passage})
    assert v.status != SUPPORTED, v.reasons
    for sentence in ("The response rate among marker-positive patients was 18%.",
                     "The response rate among marker-positive patients was 18% (95% CI, 10%-31%)."):
        v = check_sentence(sentence + " [1]", [1], {1: passage})
        assert v.status == SUPPORTED, (sentence, v.reasons)


def test_an_arm_given_alone_is_not_the_combination_that_contains_it():
    passage = ("Median PFS was 10.4 months (95% CI, 9.1–11.8 months) for patients who received cetuximab/FOLFIRI and "
               "8.2 months (95% CI, 7.4–9.0 months) for patients who received FOLFIRI.")
    v = check_sentence("Median PFS was shorter with cetuximab-FOLFIRI than with FOLFIRI alone. [1]", [1], {1: passage})
    assert v.status != SUPPORTED and any("10.4" in r for r in v.reasons), v.reasons
    v = check_sentence("Median PFS was longer with cetuximab-FOLFIRI than with FOLFIRI alone. [1]", [1], {1: passage})
    assert v.status == SUPPORTED, v.reasons
