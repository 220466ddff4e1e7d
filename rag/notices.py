"""The notices that change how a paper may be cited (retracted, withdrawn, a retraction notice, an expression of
concern, an erratum): from PubMed's publication types, the title ("RETRACTED ARTICLE:", "[Retracted]",
"Retraction Note:", "WITHDRAWN:", "Expression of Concern:") and an abstract that reads "This article has been
retracted". Part of the study-type classifier's rules (classifier_fingerprint in rag/study_type/__init__.py hashes
this file too)."""

from __future__ import annotations

import re
from typing import Any

NOTICES = ("retracted", "withdrawn", "retraction notice", "expression of concern", "erratum")
# The notices that mean a paper has been retracted (or withdrawn), or that the record is a notice of retraction.
RETRACTED = ("retracted", "withdrawn", "retraction notice")
# What an answer says of a cited source under each notice (rag/cite.py notices_said; the exports say the same).
NOTICE_SAYS = {
    "retracted": "is from a paper marked RETRACTED: do not rely on its findings",
    "withdrawn": "is from a paper marked WITHDRAWN: do not rely on its findings",
    "retraction notice": "is a RETRACTION NOTICE: the paper it concerns has been retracted",
    "expression of concern": "is from a paper under an EXPRESSION OF CONCERN: weigh it accordingly",
    "erratum": "is an ERRATUM (a published correction): check the corrected paper",
}
# PubMed publication types that are notices.
_NOTICE_TYPES = {
    "retracted publication": "retracted",
    "retraction of publication": "retraction notice",
    "expression of concern": "expression of concern",
    "published erratum": "erratum",
}


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


# Notices in the title or the abstract, as publishers and PubMed write them. A retraction mark is a label, not a
# word of the title: "RETRACTED ARTICLE:", "Retracted:", "[Retracted]" before or after the title, "WITHDRAWN:";
# a notice of its own: "Retraction Note:", "Notice of Retraction:", "Retraction:", "Expression of Concern:". Titles
# such as "Retraction of the tongue after glossectomy" or "Retracted mesentery in ..." carry no mark.
_TITLE_NOTICES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^\W*(notice of retraction|retraction (note|notice|statement)( to| for| of)?|"
                r"retraction)\s*(:|\]|-\s)", re.I),
     "retraction notice"),
    (re.compile(r"^\W*(retracted article|retracted publication|retracted|this article has been retracted)\s*(:|\]|\)|"
                r"-\s|\.\s)|[\[(]\s*retracted( article| publication)?\s*[\])]", re.I), "retracted"),
    (re.compile(r"^\W*withdrawn\s*(:|\]|\)|-\s)|[\[(]\s*withdrawn\s*[\])]", re.I), "withdrawn"),
    (re.compile(r"^\W*((editorial )?expression of concern|editor'?s'? note of concern)\s*(:|\]|\)|-\s|for\b|"
                r"regarding\b|on\b)|[\[(]\s*expression of concern\s*[\])]", re.I), "expression of concern"),
    (re.compile(r"^\W*(erratum|corrigendum|correction to|correction)\s*(:|\]|-\s|to\b|for\b)", re.I), "erratum"),
]
# The text of a retracted or withdrawn record: PubMed keeps the notice where the abstract was.
_TEXT_NOTICES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(this|the) (article|paper|manuscript|publication) (has been|was|is) (retracted|withdrawn)\b|"
                r"\b(the )?(editors?|publisher|journal|authors?) (has|have) retracted (this|the) (article|"
                r"paper)\b", re.I),
     "retracted"),
    (re.compile(r"\b(this|the) (article|paper|review|protocol) (has been|was) withdrawn\b", re.I), "withdrawn"),
    (re.compile(r"^\W*(the )?(editors?|publisher|journal) (of [^.]{0,60})?(is|are|has|have) (issuing|"
                r"issued) an? expression of concern\b", re.I), "expression of concern"),
]


def _notice(extra: dict[str, Any], title: str, text: str = "") -> str | None:
    for t in _as_list(extra.get("publication_types")):
        if t.strip().lower() in _NOTICE_TYPES:
            return _NOTICE_TYPES[t.strip().lower()]
    for pattern, notice in _TITLE_NOTICES:
        if pattern.search(title or ""):
            return notice
    head = (text or "")[:600]
    for pattern, notice in _TEXT_NOTICES:
        if pattern.search(head):
            return notice
    return None
