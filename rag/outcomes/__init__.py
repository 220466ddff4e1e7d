"""Outcomes: trial results read out of a study's text as data, beside chunking.

    record.py   StudyOutcomes, Outcome, NotReached; the endpoint vocabulary
    numbers.py  numbers as abstracts write them (words, middle dots), confidence intervals, p-values
    design.py   design, phase, number of patients, arms, the trial's acronym
    extract.py  extract_outcomes(): every outcome value with its span; EXTRACTOR_VERSION
    table.py    outcome_table(): the studies a question retrieves, one row each, the columns it asks about
"""

from .extract import EXTRACTOR_VERSION, extract_outcomes, study_regions
from .record import ENDPOINTS, NotReached, Outcome, StudyOutcomes
from .table import StudyTable, asked_endpoints, outcome_table, table_for_passages

__all__ = ["extract_outcomes", "study_regions", "EXTRACTOR_VERSION", "ENDPOINTS", "Outcome", "NotReached",
           "StudyOutcomes", "StudyTable", "outcome_table", "table_for_passages", "asked_endpoints"]
