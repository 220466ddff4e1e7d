"""The outcome benchmark's arm match (benchmarks/outcomes_extraction.py): the figures in docs/benchmarks.md rest on
it, so a prediction that names no arm in particular must not be credited, and a name the text abbreviates must be."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from outcomes_extraction import abbreviations, same_arm  # noqa: E402


def test_a_name_that_fits_several_labelled_arms_is_not_credited_to_one():
    arms = ["early infectious diseases consultation", "no infectious diseases consultation"]
    assert not same_arm("infectious diseases consultation", arms[0], arms)
    arms = ["durvalumab plus placebo", "durvalumab plus tremelimumab", "placebo"]
    assert not same_arm("durvalumab", arms[0], arms)
    assert same_arm("durvalumab plus placebo", arms[0], arms)
    # the arm whose words are the prediction's wins over one that holds them too
    arms = ["FOLFOX-4 alone", "FOLFOX-4/cetuximab"]
    assert same_arm("FOLFOX-4", arms[0], arms) and not same_arm("FOLFOX-4", arms[1], arms)
    # a prediction that says more: the label with most of its words
    arms = ["surgery alone", "three cycles of preoperative chemotherapy followed by surgery"]
    assert same_arm("chemotherapy plus surgery", arms[1], arms)
    assert not same_arm("chemotherapy plus surgery", arms[0], arms)


def test_an_abbreviation_the_text_defines_names_its_arm():
    text = ("Patients were randomly assigned to stereotactic ablative radiotherapy (SABR) plus maintenance therapy "
            "or maintenance therapy alone.")
    aliases = abbreviations(text)
    assert aliases == {"stereotactic ablative radiotherapy": "sabr"}
    arms = ["SABR plus maintenance therapy", "maintenance therapy"]
    assert same_arm("stereotactic ablative radiotherapy plus maintenance therapy", arms[0], arms, aliases)
    assert not same_arm("stereotactic ablative radiotherapy plus maintenance therapy", arms[0], arms)


def test_a_label_the_text_gives_a_group_in_brackets_names_what_the_group_received():
    from outcomes_extraction import bracket_labels
    text = ("Recipients were either converted to belatacept (conversion group, n = 412) or maintained on tacrolimus "
            "(continuation group, n = 1,462).")
    labels = bracket_labels(text)
    assert labels["conversion"].endswith("converted to belatacept")
    arms = ["belatacept", "tacrolimus"]
    assert same_arm("conversion", "belatacept", arms, {}, labels)
    assert same_arm("continuation group", "tacrolimus", arms, {}, labels)
    assert not same_arm("conversion", "tacrolimus", arms, {}, labels)


def test_group_words_name_no_treatment_and_an_abbreviation_the_text_attaches_to_a_name_is_that_arm():
    arms = ["irAE group", "non-irAE group"]
    assert same_arm("irAE", arms[0], arms) and not same_arm("irAE", arms[1], arms)
    assert same_arm("non-irAE", arms[1], arms)
    text = ("Women were assigned to trastuzumab deruxtecan or docetaxel, carboplatin, trastuzumab, and pertuzumab "
            "(TCHP; group B).")
    arms = ["trastuzumab deruxtecan", "TCHP"]
    assert abbreviations(text) == {}  # the letters do not align: the rule finds no pair here
    assert same_arm("docetaxel, carboplatin, trastuzumab, and pertuzumab", "TCHP", arms, text=text)
    assert not same_arm("docetaxel, carboplatin, trastuzumab, and pertuzumab", "TCHP", arms)
    # only the name the bracket follows: not a part of it, not the other arm
    assert not same_arm("pertuzumab", "TCHP", arms, text=text)
    assert not same_arm("trastuzumab deruxtecan", "TCHP", arms, text=text)


def test_a_name_the_text_abbreviates_right_after_it_is_read_as_its_abbreviation_inside_longer_names():
    text = ("Patients were randomly assigned to modified FOLFIRINOX (mFOLFIRINOX; arm 1), GnP (arm 2) or GnP followed "
            "by mFOLFIRINOX (arm 3).")
    aliases = abbreviations(text)
    assert aliases["modified folfirinox"] == "mfolfirinox"
    arms = ["mFOLFIRINOX", "GnP", "GnP followed by mFOLFIRINOX"]
    assert same_arm("GnP followed by modified FOLFIRINOX", arms[2], arms, aliases)
    assert not same_arm("GnP followed by modified FOLFIRINOX", arms[1], arms, aliases)


def test_a_subgroup_is_right_when_it_names_the_labelled_one_in_other_words():
    from outcomes_extraction import same_population

    assert same_population("among patients with a PD-L1 CPS of 20 or higher", "CPS of 20 or higher") == "right"
    assert same_population("in cohort 2", "cohort 2") == "right"
    assert same_population("in cohort 1", "cohort 2") == "wrong"  # "cohort" alone says not which
    assert same_population("in patients aged 75 years or older", None) == "wrong"
    assert same_population(None, "melanoma") == "missed"
    assert same_population(None, None) == "main"
