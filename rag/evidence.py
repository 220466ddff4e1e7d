"""The evidence labels' vocabulary under the name issue 22's contract gives it (`rag.evidence.STUDY_TYPES`).

The rules live where their names say: rag/study_type/ (study type, evidence level, the basis of the label) and
rag/notices.py (retractions, expressions of concern, errata). This module only re-exports them.
"""

from .notices import NOTICE_SAYS, NOTICES, RETRACTED
from .study_type import EVIDENCE_LEVELS, STUDY_TYPES, Evidence, classify, evidence_of

__all__ = ["STUDY_TYPES", "EVIDENCE_LEVELS", "NOTICES", "RETRACTED", "NOTICE_SAYS", "Evidence", "classify",
           "evidence_of"]
