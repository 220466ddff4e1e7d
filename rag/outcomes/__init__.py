"""Outcomes: trial results read out of a study's text as data, beside chunking.

    record.py   StudyOutcomes, Outcome, NotReached; the endpoint vocabulary
    numbers.py  numbers as abstracts write them (words, middle dots), confidence intervals, p-values
    design.py   design, phase, number of patients, the trial's acronym
    study_arms.py the arms as the methods (or the title) name them, with their abbreviations and labels
    arm_names.py  an arm's name cleaned of doses and schedules, its abbreviation, the results' group names
    groups.py   the groups of a study that is no trial (cohorts compared, labelled, defined, counted, users)
    extract.py  extract_outcomes(): every outcome value with its span, a sentence or a table at a time;
                EXTRACTOR_VERSION
    items.py    the studies a page reports one after another (a cancer.gov summary's numbered trials)
    values.py   the values of a sentence (percentages, shares, times, ratios) with their CIs and p-values
    endpoint_words.py  the endpoint words a sentence may use, and where it names them
    endpoints.py  the endpoint each value of a sentence is filed under
    timepoints.py the time point of a landmark rate
    arms.py     the arm a value is given for
    named_groups.py  the treatments a sentence compares and the groups it names, read from the sentence alone
    sentence_arms.py  the arms a sentence's values are read against, and the passes that settle them
    sentence_roles.py a value's role: the study's own or cited, result or plan, main population, subgroup or cohort
    arm_tagger.py, arm_chooser.py  trained: the names a text gives its arms, the arm of a value the rules leave "all"
    context.py  what a sentence takes from its neighbours: "it was 5.4 months", counts of the patients counted before
    table.py    the studies table: one row per study, the columns a question asks about (rag.retrieve.outcome_table
                builds it for a question's retrieved studies)
"""

from .extract import EXTRACTOR_VERSION, extract_outcomes, study_regions
from .record import ENDPOINTS, NotReached, Outcome, StudyOutcomes
from .table import StudyTable, asked_endpoints, table_for_passages

__all__ = ["extract_outcomes", "study_regions", "EXTRACTOR_VERSION", "ENDPOINTS", "Outcome", "NotReached",
           "StudyOutcomes", "StudyTable", "table_for_passages", "asked_endpoints"]
