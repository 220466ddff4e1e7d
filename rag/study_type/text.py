"""A study type read from a title and the start of a text, when the record's metadata does not say.

In order: the title's own words (phase, randomised, meta-analysis, guideline, case report, consensus), then the
design of the study the abstract itself reports (a design word next to "we", "this", "our", "the present" or in
a passive methods sentence: not the trials it mentions), then the rest. When the reading is unclear the lower
level wins: a trial the text only mentions is not the paper's design, and an untitled excerpt with no design of
its own is "other" (unrated), never a review or a trial.
"""

from __future__ import annotations

import re
from typing import Iterable

from . import trained
from .levels import STUDY_TYPES, rates_higher
from .cues import (_ANIMAL, _ARMS_POOLED, _ASSIGNED_ARMS, _CASE_FAMILY, _CASE_OWN, _DID, _GUIDELINE, _GUIDELINE_OWN,
    _HUMAN_SUBJECTS, _I, _IN_VITRO, _LAB, _MENDELIAN_OWN, _META, _META_AS_SOURCE, _META_OWN, _MODEL_OWN, _NARRATIVE,
    _NOT_RANDOMISED, _OBSERVATIONAL_OWN, _OBSERVATIONAL_WEAK, _OPINION_OWN, _OTHER_OWN, _OWN_FINDINGS, _OWN_METHODS,
    _OWN_RESULTS, _PROTOCOL_OWN, _PROTOCOL_RESULTS, _RANDOMISED_OF_OTHERS, _RANDOMISED_OWN, _RESEARCH_HEADINGS,
    _REVIEW_OWN, _SAMPLES_FROM, _SYSTEMATIC, _SYSTEMATIC_STRICT, _TOOL_OWN, _TRIAL_ANALYSIS, _TRIAL_BARE, _TRIAL_OWN)
from .title_cues import (_ABOUT_GUIDELINES, _OPINION_SAYS, _REVIEW_SAYS, _T_ANIMAL, _T_APPROVAL, _T_CASE,
    _T_FROM_TRIAL, _T_GUIDELINE, _T_IN_VITRO, _T_IN_VITRO_WEAK, _T_META, _T_OBSERVATIONAL, _T_OBSERVATIONAL_WEAK,
    _T_OPINION, _T_OPINION_QUESTION, _T_OTHER, _T_POOLED, _T_PROTOCOL, _T_RANDOMISED, _T_REVIEW, _T_REVIEW_FACETS,
    _T_SAMPLES_FROM_TRIAL, _T_SCOPING, _T_SYSTEMATIC, _T_TRIAL, _T_VET, _VET_SAYS, _T_FACET_LIST,
    _VET_STRONG)


def _hit(pattern: re.Pattern, text: str, where: str = "text") -> str:
    m = pattern.search(text)
    return f'{where}: "{m.group(0).strip()}"' if m else ""


def _embedded_title(body: str) -> str:
    """The title of an untitled record when its text starts with it ("Overall Survival Benefit with Tebentafusp in
    Metastatic Uveal Melanoma. CONCLUSIONS: ..."): a first sentence in title case, or a short one with a colon."""
    m = re.match(r"\s*(.{12,220}?)\.(?:\s*(?=[A-Z(])|\s*$)", body)
    if not m:
        return ""
    first = m.group(1)
    long_words = [w for w in re.findall(r"[A-Za-z][\w-]*", first) if len(w) > 3]
    title_case = (long_words and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6
                  and len(long_words) >= 3)
    colon = ": " in first and len(first) <= 160 and not re.search(r"[A-Z]{4,}:", first)
    return first if title_case or colon else ""


def _from_text(text: str, headings: Iterable[str] = ()) -> tuple[str, str]:
    """A study type from the title (the first line) and the start of the text: the title's words first, then the
    design of the study the text reports, then the rest; when unclear, the lower level."""
    title, _, body = text.partition("\n")
    title = title.strip()
    excerpt = False
    if not title:
        title = _embedded_title(body)
        excerpt = not title
    found = _by_title(title, body)
    if found:
        return found
    return _by_design(title, body, excerpt, research=any(_RESEARCH_HEADINGS.match(h or "") for h in headings))


def _guideline_words(text: str) -> str:
    """The text without guideline words that name a study's subject or method ("adherence to guidelines",
    "following PRISMA guidelines")."""
    return _ABOUT_GUIDELINES.sub(" ", text)


def _by_title(title: str, body: str = "") -> tuple[str, str] | None:
    if not title:
        return None
    if _T_APPROVAL.search(title):
        return "other", _hit(_T_APPROVAL, title, "title")
    if _T_OPINION.search(title):
        return "opinion", _hit(_T_OPINION, title, "title")
    if _T_META.search(title):
        return "meta-analysis", _hit(_T_META, title, "title")
    if _T_OTHER.search(title):
        return "other", _hit(_T_OTHER, title, "title")
    guideline_title = _guideline_words(title)
    if _T_GUIDELINE.search(guideline_title) and not _T_SYSTEMATIC.search(title):
        return "guideline", _hit(_T_GUIDELINE, guideline_title, "title")
    if _T_SYSTEMATIC.search(title):
        return "systematic review", _hit(_T_SYSTEMATIC, title, "title")
    if _T_SCOPING.search(title):
        return "review", _hit(_T_SCOPING, title, "title")
    if _T_PROTOCOL.search(title) or (_PROTOCOL_OWN.search(body) and not _PROTOCOL_RESULTS.search(body)
                                     and re.search(r"\b(trial|study)\b", title, _I)):
        return "trial registration", _hit(_T_PROTOCOL, title, "title") or _hit(_PROTOCOL_OWN, body)
    if _T_POOLED.search(title):
        # A pooled analysis of several trials is a meta-analysis only when it says so (or searched for them).
        if _META.search(body) or _SYSTEMATIC.search(body):
            return "meta-analysis", _hit(_META, body) or _hit(_SYSTEMATIC, body)
        return "observational study", _hit(_T_POOLED, title, "title")
    return _by_title_design(title, body)


def _by_title_design(title: str, body: str) -> tuple[str, str] | None:
    """The title's design words, once it names no kind of publication (guideline, review, protocol...)."""
    randomness = _NOT_RANDOMISED.sub(" ", title)
    text = f"{title}\n{body}"
    if (_T_VET.search(title) and _VET_SAYS.search(body)) or (_T_VET.search(body) and _VET_STRONG.search(text)):
        return "animal study", _hit(_T_VET, title, "title") or _hit(_VET_STRONG, text)
    if _T_CASE.search(title):
        if re.search(r"\bcase series\b", title, _I) and _LARGE_SERIES.search(body):
            return "observational study", _hit(_LARGE_SERIES, body)  # a series of dozens of patients: a cohort
        return "case report", _hit(_T_CASE, title, "title")
    meta = _own_meta_analysis(body)
    if meta:
        # "Prevalence of ...", "Association of ...": a title a meta-analysis shares with the studies it pools.
        return "meta-analysis", f'text: "{meta.group(0).strip()}"'
    titled_review = re.sub(r"\b(chart|charts|record|records|case[- ]note|notes|\d+-year|peer) review\b", " ", title,
                           flags=_I)
    review_title = _T_REVIEW.search(titled_review) and re.search(r"\breview\b|\boverview\b", titled_review, _I)
    if _SYSTEMATIC.search(body) and not _HUMAN_SUBJECTS.search(body) and not _T_RANDOMISED.search(randomness) \
            and not (_not_systematic(body) or (review_title and not _SYSTEMATIC_STRICT.search(body))):
        return "systematic review", _hit(_SYSTEMATIC, body)
    if review_title:
        return "review", _hit(_T_REVIEW, titled_review, "title")
    if _REVIEW_SAYS.search(body):
        return "review", _hit(_REVIEW_SAYS, body)
    if _OPINION_SAYS.search(body) and not _has_methods(body):
        return "opinion", _hit(_OPINION_SAYS, body)
    if _T_ANIMAL.search(title):
        return "animal study", _hit(_T_ANIMAL, title, "title")
    if _T_SAMPLES_FROM_TRIAL.search(title):
        return "in vitro study", _hit(_T_SAMPLES_FROM_TRIAL, title, "title")
    if _T_IN_VITRO.search(title) and not re.search(r"\bretrospective\b|\bsurveillance\b", title, _I):
        # Isolates or samples counted over years of routine laboratory records: a retrospective observational study.
        return "in vitro study", _hit(_T_IN_VITRO, title, "title")
    if _T_RANDOMISED.search(randomness) and not _T_FROM_TRIAL.search(title):
        if _ARMS_POOLED.search(body):
            return "observational study", _hit(_ARMS_POOLED, body)
        return "randomised trial", _hit(_T_RANDOMISED, randomness, "title")
    return _by_title_study(title, body)


def _by_title_study(title: str, body: str) -> tuple[str, str] | None:
    """A trial or observational design named in the title, unless the abstract says the paper studies no subjects
    of its own."""
    if _MODEL_OWN.search(body) or _OTHER_OWN.search(body):
        # A model, a survey of clinicians or research on publications: the title's design words ("trends",
        # "prevalence", "national") are not a study of the paper's own subjects.
        return "other", _hit(_MODEL_OWN, body) or _hit(_OTHER_OWN, body)
    trial_title = _T_TRIAL.search(title) and not re.search(r"\btrials\b|\breview\b|\boverview\b", title, _I)
    if trial_title and not _T_FROM_TRIAL.search(title):
        plain = _NOT_RANDOMISED.sub(" ", body)
        if (_TRIAL_ANALYSIS.search(title) and _RANDOMISED_OWN.search(plain)) or _own_randomisation(plain):
            return "randomised trial", _hit(_RANDOMISED_OWN, plain) or _hit(_ASSIGNED_ARMS, plain)
        return "non-randomised trial", _hit(_T_TRIAL, title, "title")
    observational = _T_OBSERVATIONAL.search(title)
    if observational and _T_REVIEW_FACETS.search(title) and not _has_methods(body):
        return None  # "Pneumonitis: incidence, risk factors and management": let the text say what it is
    if observational and not re.search(r"\breview\b", title, _I):
        if (re.search(r"(?<!retro)\bprospective\b", title, _I) and _TRIAL_OWN.search(body)
                and not re.search(r"\bcohort\b|\bobservational\b|\bregistry\b", title, _I)
                and not re.search(r"\bdiscretion\b|\bstandard of care\b|\broutine (care|practice)\b", body, _I)):
            # "a prospective study" in which the patients were given the treatment studied: interventional.
            return "non-randomised trial", _hit(_TRIAL_OWN, body)
        plain = _NOT_RANDOMISED.sub(" ", body)
        if _T_OBSERVATIONAL_WEAK.match(observational.group(0)) and _own_randomisation(plain):
            return "randomised trial", _hit(_RANDOMISED_OWN, plain) or _hit(_ASSIGNED_ARMS, plain)
        return "observational study", _hit(_T_OBSERVATIONAL, title, "title")
    if _T_IN_VITRO_WEAK.search(title):
        return "in vitro study", _hit(_T_IN_VITRO_WEAK, title, "title")
    return None


# A study that calls itself observational ("this was a prospective observational study").
_OBSERVATIONAL_SAID = re.compile(r"\b(this|our|the present|we)\b[^.;]{0,40}\b(observational|cohort study|case-control|"
                                 r"cross-sectional|population-based|diagnostic (accuracy|performance))\b", _I)
# Data taken from records: observational, even where the patients "received" a treatment.
_RECORDS_SAID = re.compile(r"\bwe (retrospectively )?reviewed (the )?(\w+ ){0,3}(records|charts|notes)\b|"
                           r"\b(identified|retrieved|extracted) (\w+ ){0,2}from (the|an?|our) (\w+[- ]){0,3}(database|"
                           r"registry|register|records)\b|"
                           r"\breviewing (the )?(clinical|medical|case) (notes|records|charts)\b", _I)
# A case series of twenty or more patients.
_LARGE_SERIES = re.compile(r"\b([2-9]\d|\d{3,}) (consecutive )?(patients|cases|children|adults)\b", _I)


def _own_randomisation(plain: str) -> bool:
    """The text randomised its own participants (not only trials it cites); `plain` has its non-design randomness
    blanked."""
    randomised = _RANDOMISED_OWN.search(plain) or (_ASSIGNED_ARMS.search(plain) and re.search(r"\btrial\b", plain, _I))
    return bool(randomised) and not (_RANDOMISED_OF_OTHERS.search(plain) and not _HUMAN_SUBJECTS.search(plain))


def _own_meta_analysis(body: str) -> re.Match | None:
    """The abstract's own meta-analysis: not the meta-analysis of genome-wide association studies a Mendelian
    randomisation takes its data from."""
    if _MENDELIAN_OWN.search(body):
        return None
    pooled = _META_AS_SOURCE.sub(" ", body)
    return _META_OWN.search(pooled) if _META.search(pooled) or _SYSTEMATIC.search(body) else None


def _not_systematic(body: str) -> bool:
    """A review that searched the literature but says it is narrative, or calls itself a review and names no marks of
    a systematic one (criteria, PRISMA, reviewers, studies included)."""
    if _SYSTEMATIC_STRICT.search(body):
        return False
    return bool(_NARRATIVE.search(body) or _REVIEW_OWN.search(body))


def _has_methods(body: str) -> bool:
    """The abstract says what its own study did or found."""
    return bool(_OWN_FINDINGS.search(body) or _OWN_METHODS.search(body) or _DID.search(body))


def _by_kind(text: str, body: str) -> tuple[str, str] | None:
    """What kind of publication the abstract says it is: a synthesis, guidance, a review or opinion, a model, a
    protocol."""
    guideline_body = _guideline_words(body)
    if _MENDELIAN_OWN.search(body):
        return "observational study", _hit(_MENDELIAN_OWN, body)
    meta = _own_meta_analysis(body)
    if meta:
        return "meta-analysis", f'text: "{meta.group(0).strip()}"'
    if _GUIDELINE_OWN.search(guideline_body) and _GUIDELINE.search(text):
        return "guideline", _hit(_GUIDELINE_OWN, guideline_body)
    if _SYSTEMATIC.search(body) and not _HUMAN_SUBJECTS.search(body) and not _not_systematic(body):
        return "systematic review", _hit(_SYSTEMATIC, body)
    if _GUIDELINE_OWN.search(guideline_body):
        return "guideline", _hit(_GUIDELINE_OWN, guideline_body)
    if _TOOL_OWN.search(body):
        return "other", _hit(_TOOL_OWN, body)
    own_review = _REVIEW_OWN.search(body) or _NARRATIVE.search(body)
    if own_review:
        return "review", f'text: "{own_review.group(0).strip()}"'
    if _OPINION_OWN.search(body):
        return "opinion", _hit(_OPINION_OWN, body)
    if _MODEL_OWN.search(body):
        return "other", _hit(_MODEL_OWN, body)
    if _OTHER_OWN.search(body):
        return "other", _hit(_OTHER_OWN, body)
    if _PROTOCOL_OWN.search(body) and not _PROTOCOL_RESULTS.search(body) and re.search(r"\b(trial|study)\b", text, _I):
        # A trial that "will randomise": its design, no results yet.
        return "trial registration", _hit(_PROTOCOL_OWN, body)
    return None


def _by_design(title: str, body: str, excerpt: bool, research: bool) -> tuple[str, str]:
    text = f"{title}\n{body}"
    kind = _by_kind(text, body)
    if kind:
        return kind
    plain = _NOT_RANDOMISED.sub(" ", body)  # randomisation words that are no design of a trial, blanked
    animal = len(_ANIMAL.findall(text))
    if _own_randomisation(plain) and animal < 2:
        if _ARMS_POOLED.search(body):
            return "observational study", _hit(_ARMS_POOLED, body)
        return "randomised trial", _hit(_RANDOMISED_OWN, plain) or _hit(_ASSIGNED_ARMS, plain)
    case = _CASE_OWN.search(body)
    methods = _has_methods(body)
    trial = _TRIAL_OWN.search(plain) or (not excerpt and _TRIAL_BARE.search(body))
    observational = _OBSERVATIONAL_OWN.search(body) or (methods and _OBSERVATIONAL_WEAK.search(body))
    if (case and not observational and not re.search(r"\b\d{2,} patients\b", body, _I)) or _CASE_FAMILY.search(body):
        return "case report", _hit(_CASE_OWN, body) or _hit(_CASE_FAMILY, body)
    lab = len(set(m.group(0).lower() for m in _LAB.finditer(text)))
    if lab >= 2 and not trial and not re.search(r"retrospective|\bconsecutive\b", body, _I) and animal < 2:
        return "in vitro study", _hit(_LAB, text)
    if animal >= 2 or (animal and not _HUMAN_SUBJECTS.search(text) and not trial and not observational
                       and (methods or excerpt)):
        return "animal study", _hit(_ANIMAL, text)
    said = (re.search(r"retrospective|\bconsecutive\b", body, _I) or _OBSERVATIONAL_SAID.search(body)
            or _RECORDS_SAID.search(body))
    if observational and (not trial or said):
        return "observational study", _hit(_OBSERVATIONAL_OWN, body) or _hit(_OBSERVATIONAL_WEAK, body)
    if trial:
        return "non-randomised trial", _hit(_TRIAL_OWN, body) or _hit(_TRIAL_BARE, body)
    in_vitro = _IN_VITRO.search(text)
    patients = _HUMAN_SUBJECTS.search(text) and not _SAMPLES_FROM.search(body)  # not only the source of samples
    if (in_vitro or lab) and not patients and (methods or research):
        return "in vitro study", _hit(_IN_VITRO, text) or _hit(_LAB, text)
    if title and not methods and (_T_OPINION_QUESTION.search(title) or (
            (title.rstrip().endswith("?") or re.search(r"\b(should|must|ought to)\b", title, _I))
            and re.search(r"\b(should|must|ought to)\b", body, _I))):
        return "opinion", _hit(_T_OPINION_QUESTION, title, "title")
    if title and _T_FACET_LIST.search(title) and not (_OWN_FINDINGS.search(body) or _DID.search(body)):
        return "review", _hit(_T_FACET_LIST, title, "title")
    if title and _T_REVIEW.search(title) and not methods:
        return "review", _hit(_T_REVIEW, title, "title")
    if excerpt:
        # An excerpt without a title, design or method of its own: not enough to rate it.
        return "other", "an untitled excerpt that states no study design"
    if research:
        return _trained_or(title, body, "other", "a structured abstract that states no study design")
    if not methods and not _OWN_RESULTS.search(body):
        # Neither a design nor methods or results of its own: background and synthesis, as a narrative review writes.
        return _trained_or(title, body, "review", "no study design or results of its own stated")
    return _trained_or(title, body, "other", "no study design stated")


def _trained_or(title: str, body: str, study: str, reason: str) -> tuple[str, str]:
    """The trained reader's study type for a titled abstract no rule placed, when it is sure enough; else the rules'
    fallback."""
    if not trained.ENABLED:
        return study, reason
    guessed, probability = trained.guess(title, body)
    higher = rates_higher(STUDY_TYPES[guessed], STUDY_TYPES[study])  # when unclear, the lower level wins
    if guessed != study and probability >= (trained.MIN_TO_RATE_HIGHER if higher else trained.MIN_PROBABILITY):
        return guessed, f"trained reader ({probability:.2f}); {reason}"
    return study, reason


