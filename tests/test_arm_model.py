"""The trained arm tagger and arm chooser of rag/outcomes/ (arm_tagger.py, arm_chooser.py), with the weights the
package ships (arm_model.npz) and with weights trained here by benchmarks/train_arm_model.py. The chooser is off in
the product (it adds about one wrong arm for each right one on unseen text); these tests turn it on."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rag.outcomes import arm_chooser, arm_tagger, extract_outcomes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def chooser_on():
    """The chooser is off in the product (arm_chooser.ENABLED); these tests read it on."""
    arm_chooser.ENABLED = True
    yield
    arm_chooser.ENABLED = False

# (an abstract written for this test)
TRIAL = ("BACKGROUND Iron deficiency is common in heart failure. METHODS In this double-blind trial, 412 patients "
         "with heart failure and iron deficiency were randomly assigned to intravenous ferric carboxymaltose or to "
         "saline placebo. RESULTS At 52 weeks, the composite outcome occurred less often in the iron group. "
         "Grade 3 or higher adverse events were reported in 41% of patients given ferric carboxymaltose and in 26% "
         "of those given placebo. CONCLUSIONS Intravenous iron improved symptoms.")


def test_the_taggers_scores_are_the_sums_of_its_features_weights():
    # The fast path (a word's rows looked up once) against the features as training saw them, one by one.
    index, rows, intercept, _ = arm_tagger._model()
    toks = arm_tagger.tokens(TRIAL)
    fast = arm_tagger._scores(toks)
    for i in range(len(toks)):
        slow = intercept.copy()
        for name, x in arm_tagger.token_features(toks, i).items():
            if x and name in index:
                slow += rows[index[name]] * x
        assert np.allclose(slow, fast[i]), toks[i]


def test_the_tagger_reads_the_arms_a_trial_names():
    names = [n.lower() for n in arm_tagger.arm_names(TRIAL)]
    assert any("ferric carboxymaltose" in n for n in names), names
    assert any("placebo" in n for n in names), names
    # every name is written in the text, once
    assert all(n.lower() in TRIAL.lower() for n in arm_tagger.arm_names(TRIAL))
    assert len(set(names)) == len(names)


def test_the_chooser_never_changes_an_arm_the_rules_chose():
    # "respectively" after a sentence that names the second arm first: the rules read it right; a model that reads
    # the methods' order would swap the two.
    text = ("Patients were assigned to undergo planned neck dissection or surveillance with positron emission "
            "tomography-computed tomography (PET-CT). PET-CT resulted in fewer operations compared with the surgical "
            "arm, with a 2-year survival rate of 84.9% versus 81.5%, respectively.")
    arms = {o.value: o.arm for o in extract_outcomes(text, "x").outcomes}
    assert arms == {84.9: "surveillance with PET-CT", 81.5: "planned neck dissection"}
    arm_chooser.ENABLED = False
    assert {o.value: o.arm for o in extract_outcomes(text, "x").outcomes} == arms


def test_values_of_the_whole_population_and_of_a_single_arm_study_stay_all():
    text = ("Patients were randomly assigned to drugone or chemotherapy. The response rate was 30% overall and 45% "
            "with chemotherapy.")
    assert [o.arm for o in extract_outcomes(text, "y").outcomes if o.value == 30.0] == ["all"]
    single = ("In this single-arm phase 2 trial, 48 patients with relapsed lymphoma received drugumab every three "
              "weeks. The objective response rate was 52% and the median progression-free survival 7.4 months.")
    assert {o.arm for o in extract_outcomes(single, "z").outcomes} == {"all"}


@pytest.fixture
def small_model(tmp_path):
    out = tmp_path / "arm_model.npz"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "train_arm_model.py"), "--only", "4a",
                           "--out", str(out)], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert f"wrote {out}" in done.stdout
    arm_tagger.use_model(out)
    yield out
    arm_tagger.use_model(ROOT / "rag" / "outcomes" / "arm_model.npz")


def test_the_training_script_writes_plain_arrays_the_extractor_reads(small_model):
    with np.load(small_model, allow_pickle=False) as data:  # no pickle: plain arrays only
        assert {"tagger_terms", "tagger_coef_int8", "chooser_terms", "chooser_coef"} <= set(data.files)
        assert len(data["tagger_classes"]) == 3
    assert arm_tagger.MODEL_PATH == small_model
    record = extract_outcomes(TRIAL, "x")
    assert [o.value for o in record.outcomes] == [41.0, 26.0]
    assert isinstance(arm_tagger.arm_names(TRIAL), tuple)


def test_two_values_of_one_list_the_chooser_cannot_tell_apart_stay_all():
    # (written for this test) the chooser gives its arm one value at a time; where it would give both values of one
    # "x versus y" list the same arm, one of them would be wrong: both stay "all", and no arm joins the record.
    text = ("METHODS This retrospective cohort included 512 patients with laparoscopic resection and 498 with open "
            "resection. RESULTS Three-year overall survival was 78.4% versus 71.9%.")
    record = extract_outcomes(text, "x")
    assert [(o.value, o.arm) for o in record.outcomes] == [(78.4, "all"), (71.9, "all")]
    assert record.arms == []


def test_the_arms_the_chooser_gives_join_the_records_arms():
    from rag.outcomes.sentence_arms import _arms_chosen_join
    from rag.outcomes.record import StudyOutcomes

    record = StudyOutcomes(doc_id="x", arms=[])
    _arms_chosen_join(record, ["users", "non-users", "Users"])
    assert record.arms == ["users", "non-users"]
    one = StudyOutcomes(doc_id="y", arms=[])
    _arms_chosen_join(one, ["drugumab"])  # one arm is no comparison: the record keeps none
    assert one.arms == []
    known = StudyOutcomes(doc_id="z", arms=["nivolumab", "placebo"])
    _arms_chosen_join(known, ["Placebo", "nivolumab plus ipilimumab"])
    assert known.arms == ["nivolumab", "placebo", "nivolumab plus ipilimumab"]
