"""Support check (round on set 6): general readings found on dev sentences, tested on invented passages."""

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
