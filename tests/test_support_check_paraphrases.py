"""Support check on how people paraphrase abstracts (numbers in words, proportions, bounds, joined facts, quantifiers,
negation scope): readings found on dev sentences of the sixth set, tested on invented passages."""

from rag.answer.support_check import SUPPORTED, check_sentence


def _check(sentence: str, passage: str, title: str = ""):
    return check_sentence(sentence + " [1]", [1], {1: passage}, titles={1: title} if title else None)


def test_count_with_a_preposition_counts_people_not_the_noun_after():
    passage = ("In the deficient cohort, 5 of 12 patients responded, whereas none of the 21 patients with proficient "
               "tumours responded.")
    v = _check("Five of 12 deficient patients responded, against no responders among 21 with proficient tumours.",
               passage)
    assert v.status == SUPPORTED, v.reasons


def test_compound_modifier_is_not_the_counted_thing():
    passage = "Fourteen studies of single-tumor-type trials (a total of 2210 patients) were pooled."
    v = _check("The analysis pooled 14 single-tumour-type studies with 2210 patients.", passage)
    assert v.status == SUPPORTED, v.reasons


def test_negation_read_over_its_own_scope():
    passage = ("Monocytes were loaded with a clinically approved fluorine contrast agent consisting of perfluorocarbon "
               "droplets and were scanned at 3 T. Our results show: (i) labelled cells could be imaged at low numbers; "
               "(ii) Loading does not alter cell survival and migration.")
    v = _check("Loading with the perfluorocarbon contrast agent did not alter monocyte survival or migration.", passage)
    assert v.status == SUPPORTED, v.reasons


def test_restricted_deletion_says_only():
    passage = "Macrophage-restricted deletion of the receptor slowed tumour growth in two murine models."
    v = _check("Deleting the receptor only in macrophages slowed tumour growth in two mouse models.", passage)
    assert v.status == SUPPORTED, v.reasons


def test_and_a_half_in_ratios_and_differences():
    passage = ("Grade 2 colitis was more common with the combination than with monotherapy (7.6% vs 3.0%). "
               "Median survival was 21.4 months with the combination and 16.9 months with monotherapy.")
    assert _check("Grade 2 colitis was about two and a half times as common with the combination (7.6% vs 3.0%).",
                  passage).status == SUPPORTED
    assert _check("Median survival was about four and a half months longer with the combination, 21.4 against "
                  "16.9 months.", passage).status == SUPPORTED
    assert _check("Grade 2 colitis was about four and a half times as common with the combination (7.6% vs 3.0%).",
                  passage).status != SUPPORTED
    assert _check("Median survival was about seven and a half months longer with the combination, 21.4 against "
                  "16.9 months.", passage).status != SUPPORTED


def test_rates_as_proportions_bounds_and_round_counts():
    passage = ("Vaccines were reviewed. In patients with newly diagnosed disease, a phase 1 study of the peptide "
               "vaccine showed 2-year progression-free and overall survival rates of 0.53 and 0.91, respectively. "
               "Other trials are ongoing. Eighteen cohorts (a total of 3112 patients) were included.")
    v = _check("In the phase 1 peptide vaccine study, just over half were progression-free and over 90% alive at two "
               "years.", passage)
    assert v.status == SUPPORTED, v.reasons
    assert _check("Eighteen cohorts with about 3,100 patients were included.", passage).status == SUPPORTED
    assert _check("In the phase 1 peptide vaccine study, over 95% were alive at two years.",
                  passage).status != SUPPORTED
    assert _check("In the phase 1 peptide vaccine study, under 50% were progression-free at two years.",
                  passage).status != SUPPORTED


def test_joined_facts_after_though_are_read_apart():
    passage = ("Serious adverse events occurred in 41.2% of the patients in the nivolumab group and in 39.5% of the "
               "patients in the placebo group. Treatment was stopped because of toxic effects more often in the "
               "nivolumab group than in the placebo group (11.7% vs. 5.2%).")
    v = _check("Serious adverse events were about equally common in both groups (41.2% and 39.5%), though stopping "
               "treatment for toxic effects was roughly twice as frequent with nivolumab (11.7% vs 5.2%).", passage)
    assert v.status == SUPPORTED, v.reasons


def test_a_confidence_bound_is_not_the_figure():
    passage = ("The median progression-free survival was 7.1 months (95% CI, 6.4 to 8.0) in the combination group "
               "and 5.2 months (95% CI, 4.6 to 5.9) in the control group.")
    assert _check("Median progression-free survival was 7.1 months with the combination against 5.9 months in the "
                  "control group.", passage).status != SUPPORTED
    assert _check("Median progression-free survival was 7.1 months with the combination against 5.2 months in the "
                  "control group.", passage).status == SUPPORTED


def test_a_count_put_with_another_groups_whole():
    passage = ("Fewer patients had grade 3 or 4 adverse events with the antibody (32 [11%] of 290 patients) than "
               "with chemotherapy (120 [40%] of 301 patients).")
    assert _check("Grade 3 or 4 adverse events occurred in 32 of 301 patients on the antibody.",
                  passage).status != SUPPORTED
    assert _check("Grade 3 or 4 adverse events occurred in 32 of 290 patients on the antibody.",
                  passage).status == SUPPORTED


def test_a_figure_given_to_the_other_of_a_respectively_pair():
    passage = ("In a phase 2 study of the vaccine, the 2-year progression-free and overall survival rates were 41% "
               "and 72%, respectively.")
    assert _check("The vaccine gave a 2-year overall survival rate of 41%.", passage).status != SUPPORTED
    assert _check("The vaccine gave a 2-year overall survival rate of 72%.", passage).status == SUPPORTED
    assert _check("The vaccine gave a 2-year progression-free survival rate of 41%.", passage).status == SUPPORTED


def test_good_against_poor():
    passage = "Stromal CD8 counts were heterogeneous and agreement between readers was poor."
    assert _check("Agreement between readers on stromal CD8 counts was good.", passage).status != SUPPORTED
    assert _check("Agreement between readers on stromal CD8 counts was poor.", passage).status == SUPPORTED


def test_a_count_of_listed_codes():
    passage = ("Good agreement was seen with the 9A11, 22C3, and SP263 antibodies on tumour cells, whereas SP142 "
               "stained fewer cells.")
    assert _check("The three concordant antibodies agreed on tumour cells.", passage).status == SUPPORTED
    assert _check("The four concordant antibodies agreed on tumour cells.", passage).status != SUPPORTED


def test_a_clone_name_in_digits_said_so_in_the_passage():
    passage = ("Serial sections of 60 archival melanomas were stained at two sites with the 14-7, 22c3 and SP263 "
               "antibodies.")
    assert _check("Sections of 60 archival melanomas were stained at two sites with 14-7, 22c3 and SP263.",
                  passage).status == SUPPORTED
    assert _check("Sections of 60 archival melanomas were stained at two sites with 14-9, 22c3 and SP263.",
                  passage).status != SUPPORTED


def test_most_where_the_passage_says_a_minority():
    passage = ("Durable tumour shrinkage can be achieved in a minority of patients with sarcoma using adoptive "
               "T-cell therapy.")
    assert _check("Adoptive T-cell therapy achieves durable tumour shrinkage in most patients with sarcoma.",
                  passage).status != SUPPORTED
    assert _check("Adoptive T-cell therapy achieves durable tumour shrinkage in a minority of patients with sarcoma.",
                  passage).status == SUPPORTED


def test_negative_against_positive_impact():
    passage = "High expression of the transcript appears to have a positive impact on survival in gastric cancer."
    assert _check("High expression of the transcript appears to have a negative impact on survival in gastric cancer.",
                  passage).status != SUPPORTED
    assert _check("High transcript expression seems to have a positive impact on survival in gastric cancer.",
                  passage).status == SUPPORTED


def test_rarely_is_a_denial_the_passage_must_make():
    passage = "Mycosis fungoides is a lymphoma involving the skin, lymph nodes and blood."
    assert _check("Mycosis fungoides rarely involves the skin.", passage).status != SUPPORTED
    passage_rare = "Mycosis fungoides rarely involves the bone marrow."
    assert _check("Mycosis fungoides seldom involves the bone marrow.", passage_rare).status == SUPPORTED
