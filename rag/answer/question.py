"""What a question asks: its type (factoid, list, yes/no, summary) and its terms, weighted by rarity.

The type shapes the answer (a lead sentence for factoid and list questions, evidence for and against for yes/no,
a synthesis of distinct points for summaries). The terms are the question's content words as the index tokenises
them, each with its BM25 idf in the library and the other names the synonym table knows for it; the rare ones
(and names shaped like drugs, genes or trials) are the question's key terms, which a passage must mention to
speak to the question at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..lexical.names import name_shaped
from ..lexical.synonyms import synonym_alternatives
from ..lexical.tokens import tokenize, words

QUESTION_TYPES = ("factoid", "list", "yesno", "summary")

_YES_NO = re.compile(r"^(is|are|was|were|does|do|did|can|could|should|has|have|had|will|would|may|might|must)\b", re.I)
_LIST = re.compile(r"^(list|enumerate|name (the |all |some )?|give (the |a list))|\b(which|what) (are|were) the\b|"
                   r"^(which|what) \w+(s|ies|ae|es)\b (are|were|have|do|can|is|has)\b", re.I)
_SUMMARY = re.compile(r"^(describe|explain|summari[sz]e|discuss|outline|how (does|do|did|can|is|are)|why\b|"
                      r"what (is|are) the (role|roles|mechanism|mechanisms|effect|effects|function|impact|"
                      r"advantage|advantages|rationale|evidence|outcome|outcomes|current|status)\b|"
                      r"what is known|what do we know)", re.I)
# Words that frame a question rather than say what it is about.
_FRAME = {"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "list", "name", "describe",
          "explain", "tell", "give", "known", "main", "kind", "type", "types", "role", "please", "there", "any",
          "many", "much", "often", "use", "used", "using", "common", "commonly", "usual", "usually", "current",
          "currently", "summarize", "summarise", "discuss", "outline", "enumerate", "does", "do", "did", "can",
          "could", "should", "would", "will", "may", "might", "must", "has", "have", "had", "is", "are", "was",
          "were", "be", "been", "being", "it", "its", "they", "them", "their", "this", "that", "these", "those"}
_FRAME_TOKENS = {t for w in _FRAME for t in tokenize(w)}


def question_type(question: str) -> str:
    q = " ".join(question.strip().split())
    if _YES_NO.match(q):
        return "yesno"
    if _LIST.search(q):
        return "list"
    if _SUMMARY.match(q):
        return "summary"
    if re.match(r"^(which|what|who|when|where|how many|how much|how long|in which|at what|by how)\b", q, re.I):
        return "factoid"
    return "summary"


_QUANTITY = re.compile(r"\b(how (many|much|long|often|frequent)|proportion|percentage|percent|fraction|rates?|"
                       r"dose|dosage|median|incidence|frequency|number of|hazard ratio|odds ratio|duration|"
                       r"survival time|response rate)\b", re.I)


# Which quantity a question asks for, by its wording: a dose has mass or units per body weight, a rate is a
# percentage or "x of y", a duration is in months or years.
_QUANTITY_KINDS = (
    ("dose", re.compile(r"\b(dose|dosage|dosing|how much)\b", re.I)),
    ("percent", re.compile(r"\b(rates?|proportion|percentage|percent|fraction|incidence|frequency|how often|"
                           r"how frequent)\b", re.I)),
    ("time", re.compile(r"\b(how long|duration|survival time|time to|median (overall |progression-free |event-free |"
                        r"disease-free |recurrence-free |relapse-free )?survival|months|years)\b", re.I)),
)


def answer_kind(question: str, qtype: str) -> str:
    """What a factoid or list answer looks like: a quantity ('dose', 'percent', 'time' or, for others such as a
    hazard ratio or a count, 'number') or 'name' (a drug, gene, receptor, company...); '' for yes/no and summary
    questions."""
    if qtype not in ("factoid", "list"):
        return ""
    if not _QUANTITY.search(question):
        return "name"
    return next((kind for kind, cue in _QUANTITY_KINDS if cue.search(question)), "number")


# What a question asks about a treatment besides what it does: its side effects, or how they are managed. Such a
# question is answered by sentences that say them (ASPECT_CUES), or its answer is called weak.
_ASKS_TOXICITY = re.compile(r"\b(toxicit(y|ies)|toxic effects?|side[- ]effects?|adverse (events?|effects?|reactions?)|"
                            r"ir-?AEs?|safety|tolerability|complications?|harms?|cytokine release syndrome|CRS|ICANS|"
                            r"neurotoxicity|colitis|pneumonitis|hepatitis)\b", re.I)
_ASKS_MANAGEMENT = re.compile(r"\b(manag(e|ed|es|ing|ement)|mitigat\w*|prevent(ed|ion)?|handled?|reversed?)\b", re.I)
_ASKS_EFFICACY = re.compile(r"\b(efficacy|effective(ness)?|responses?|survival|benefits?|outcomes?|work)\b", re.I)
ASPECT_CUES = {
    "toxicity": re.compile(
        r"\b(adverse|toxicit\w*|toxic|side[- ]effects?|grade\s?[1-5]\b|grade [≥>]|tolera\w*|safety|safe|dose-limiting|"
        r"fatal\w*|(?<!cell )deaths?|died|ir-?AEs?|immune-related|immune-mediated|complications?|hypotension|"
        r"capillary leak|fluid retention|oedema|edema|fever|chills|rash|pruritus|colitis|diarrh\w*|hepatitis|"
        r"hepatotox\w*|pneumonitis|nephritis|myocarditis|endocrinopath\w*|thyroid\w*|hypophysitis|fatigue|nausea|vomiting|"
        r"neurotox\w*|cytokine release|CRS|ICANS|neutropenia|an(a)?emia|thrombocytopenia|myelosuppression|"
        r"discontinu\w*|well tolerated)\b", re.I),
    "management": re.compile(
        r"\b(manag(e|ed|es|ing|ement)|guidelines?|recommend\w*|corticosteroids?|steroids?|glucocorticoids?|prednis\w*|"
        r"methylprednis\w*|tocilizumab|infliximab|vedolizumab|mycophenolate|immunosuppress\w*|supportive care|"
        r"withh[eo]ld\w*|interrupt\w*|resum\w*|dose (reduction|delay|modification)s?|monitor\w*|"
        r"hormone replacement|levothyroxine|algorithms?|treated with (high-dose )?(cortico)?steroids)\b", re.I),
}
# What makes a sentence on the aspect concrete: a named event, a grade, a death; a drug or an action that manages it.
ASPECT_SPECIFIC = {
    "toxicity": re.compile(
        r"\b(grade\s?[1-5]\b|grade [≥>]|dose-limiting|fatal\w*|(?<!cell )deaths?|died|hypotension|capillary leak|"
        r"fluid retention|oedema|edema|fever|chills|rash|pruritus|colitis|diarrh\w*|hepatitis|hepatotox\w*|"
        r"pneumonitis|nephritis|myocarditis|endocrinopath\w*|thyroid\w*|hypophysitis|fatigue|nausea|vomiting|"
        r"neurotox\w*|cytokine release|CRS|ICANS|neutropenia|an(a)?emia|thrombocytopenia|myelosuppression|"
        r"inflammation|allergic)\b|\d\s?%", re.I),
    "management": re.compile(
        r"\b(corticosteroids?|steroids?|glucocorticoids?|prednis\w*|methylprednis\w*|tocilizumab|infliximab|"
        r"vedolizumab|mycophenolate|immunosuppress\w*|withh[eo]ld\w*|interrupt\w*|suspen\w*|resum\w*|"
        r"discontinu\w*|hormone replacement|levothyroxine|grade\s?[1-5]\b)", re.I),
}
ASPECT_NAMES = {"toxicity": "side effects or toxicity", "management": "how side effects are managed"}


def aspect_tokens(question: str) -> set[str]:
    """The index tokens of the words that name the aspect asked about ("immune-related adverse events"), not its
    subject."""
    found = [m.group(0) for cue in (_ASKS_TOXICITY, _ASKS_MANAGEMENT, *ASPECT_CUES.values())
             for m in cue.finditer(question)]
    return set(tokenize(" ".join(found)))


def asked_aspect(question: str) -> str:
    """'management' for a question on managing side effects ("and how are they managed? (... adverse events)"),
    'toxicity' for one on side effects alone (not "efficacy and safety"), else ''."""
    toxicity = _ASKS_TOXICITY.search(question) is not None
    if toxicity and _ASKS_MANAGEMENT.search(question):
        return "management"
    if toxicity and not _ASKS_EFFICACY.search(question):
        return "toxicity"
    return ""


@dataclass
class Term:
    """One content word of the question as the index tokenises it."""

    token: str
    idf: float
    alternatives: list[tuple[str, ...]] = field(default_factory=list)  # other names, as index tokens
    key: bool = False

    def found_in(self, tokens: set[str]) -> bool:
        return self.token in tokens or any(all(t in tokens for t in alt) for alt in self.alternatives)


@dataclass
class QuestionTerms:
    terms: list[Term]
    named: bool = False  # the key terms are names (drug, gene, trial, acronym), not just rare words

    @property
    def key(self) -> list[Term]:
        return [t for t in self.terms if t.key]

    @property
    def total(self) -> float:
        return sum(t.idf for t in self.terms)

    def coverage(self, tokens: set[str]) -> float:
        """Share of the question's idf mass found in these tokens (synonyms count)."""
        total = self.total
        return sum(t.idf for t in self.terms if t.found_in(tokens)) / total if total else 0.0

    def key_coverage(self, tokens: set[str]) -> float:
        key = self.key
        total = sum(t.idf for t in key)
        return sum(t.idf for t in key if t.found_in(tokens)) / total if total else 1.0


def question_terms(question: str, idf: Callable[[list[str]], dict[str, float]], key_idf: float) -> QuestionTerms:
    """The question's content terms; a term is key when its idf reaches ``key_idf`` or it is shaped like a name
    (acronym, digits, drug suffix). Without either, the rarest term is the key."""
    seen: dict[str, str] = {}  # token -> the word it came from
    for word in words(question):
        tokens = tokenize(word)
        if not tokens or word.lower() in _FRAME or tokens[0] in _FRAME_TOKENS:
            continue
        seen.setdefault(tokens[0], word)  # a hyphenated name counts once, by its joined form
    weights = idf(list(seen))
    alternatives = synonym_alternatives(question)
    terms = []
    for token, word in seen.items():
        coded = any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
        shaped = (word.isupper() and len(word) > 1) or coded \
            or name_shaped(word) or token in alternatives  # drug, biologic or enzyme names: rag/lexical/names.py
        terms.append(Term(token, weights.get(token, 0.0), alternatives.get(token, []), key=shaped))
    # Names (drugs, genes, trials, acronyms) are the key terms when the question has any: "company" in "Which
    # company produces Keytruda?" is rare in this literature but is not what a passage must mention. Without
    # names, the rare words are the keys, or else the rarest word.
    named = any(t.key for t in terms)
    if not named:
        for t in terms:
            t.key = t.idf >= key_idf
    if terms and not any(t.key for t in terms):
        max(terms, key=lambda t: t.idf).key = True
    return QuestionTerms(terms, named)
