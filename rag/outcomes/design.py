"""What kind of study a text reports: design, phase, number of patients and the trial's acronym. Read from the
study's own sentences (methods, results), not from the studies it mentions. Its arms are read in study_arms.py."""

from __future__ import annotations

import re

from .numbers import COUNT, to_float

_I = re.I
_PHASE = re.compile(
    r"\bphase[- ]?(?P<p>I{1,3}V?|IV|[1-4])(?:\s*(?:[ab]\b))?(?:\s*(?:/|-|–|and|or)\s*(?P<q>I{1,3}|[1-3])[ab]?\b)?",
    _I)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_RANDOMIZED = re.compile(r"\b(?:were|was|been|being|are) (?:randomly )?(?:randomi[sz]ed|assigned|"
                         r"allocated) (?:\(\d[:：]\d\) )?"
                         r"(?:in a \d:\d ratio )?to\b|\brandomly (?:assigned|allocated)|"
                         r"\b(?:we )?randomi[sz]ed\b[^.]{0,80}\b"
                         r"(?:to|patients|participants)\b|\brandomi[sz]ed,? (?:[\w-]+,? ){0,4}(?:phase|trial|study)|"
                         r"\bunderwent randomi[sz]ation\b|\brandomi[sz]ed (?:controlled |clinical )?trial\b", _I)
_RCT_OF_OTHERS = re.compile(r"\b(?:of|from|in|several|two|three|"
                            r"\d+) (?:\w+ ){0,2}randomi[sz]ed (?:controlled )?trials\b", _I)
_META = re.compile(r"\bmeta-?analys[ie]s\b|\bpooled analysis\b|\bsystematic review\b|"
                   r"\bpooled (?:individual[- ](?:patient|participant) )?data\b", _I)
_OBSERVATIONAL = re.compile(r"\bretrospective(?:ly)?\b|\bcohort study\b|\bconsecutive (?:series|patients)\b|"
                            r"\bregist(?:ry|ries|ers?)\b|\breal[- ]world\b|\bchart review\b|\bcase series\b|"
                            r"\bpopulation-based\b|"
                            r"\bobservational\b|\bpropensity[- ]score\b", _I)
# How a study says it randomised its own patients; a text that only names "a randomised trial" and calls itself a
# cohort or registry study is no trial ("a randomised trial is needed", "a randomised trial in Vietnam found").
_RANDOMIZED_OWN = re.compile(r"\b(?:were|was|been|being|are) (?:randomly )?(?:randomi[sz]ed|assigned|allocated)\b|"
                             r"\brandomly (?:assigned|allocated)|\bwe randomi[sz]ed\b|\bunderwent randomi[sz]ation\b|"
                             r"\b(?:this|our|the present|the current)\s+(?:(?!review|summar|discuss|describ|overview)"
                             r"[\w-]+,?\s+){0,4}?randomi[sz]ed\b", _I)
_SINGLE_ARM = re.compile(r"\bsingle[- ]arm\b|\bopen-label,? (?:[\w-]+,? ){0,3}(?:phase|trial|study)\b|"
                         r"\bdose[- ]escalation\b|"
                         r"\bnon-?randomi[sz]ed\b|\bphase (?:I{1,2}|[12])\b[^.]{0,40}\b(?:trial|study)\b|"
                         r"\bexpansion cohorts?\b|"
                         r"\bpatients (?:were|was) (?:treated|enrolled)\b|\bwe (?:treated|enrolled)\b|\breceived\b", _I)
_OTHER = re.compile(r"\b(?:this|the present|our) (?:mini-?)?(?:review|overview|article|perspective|commentary)\b|"
                    r"\bwe (?:review|summari[sz]e|discuss)\b|\bin (?:mice|murine)\b|\bmouse models?\b|\bin vitro\b", _I)

_WHO = r"(?:patients|participants|subjects|women|men|children|adults|individuals|cases)"
_RATIO = r"(?:,?\s*\(?in a \d:\d ratio\)?,?|\s*\(\d:\d\))?"
_N_PATTERNS = (
    ("randomized", re.compile(
        rf"(?P<n>{COUNT}) (?:\w+ ){{0,4}}?{_WHO}(?: \w+){{0,6}}? (?:were|was|had been|underwent|who were) (?:randomly "
        rf"(?:assigned|allocated)|randomi[sz]ed|randomi[sz]ation)|"
        rf"\b(?:of|a total of|in total,?) (?P<n2>{COUNT}) (?:\w+ ){{0,2}}?(?:patients )?(?:who )?(?:underwent|"
        rf"were) randomi[sz]|\brandomi[sz]ed{_RATIO} (?P<n3>{COUNT}) (?:[\w-]+ ){{0,3}}?{_WHO}|"
        rf"\b(?:randomly )?(?:assigned|allocated){_RATIO} (?P<n6>{COUNT}) (?:[\w-]+ ){{0,3}}?{_WHO}", _I)),
    ("enrolled", re.compile(
        rf"(?P<n>{COUNT}) (?:[\w-]+ ){{0,4}}?{_WHO}(?: \w+){{0,6}}? (?:were|was|had been) (?:enrolled|included|"
        rf"recruited|treated|accrued)|"
        rf"\b(?:enroll(?:ed|ing)|included|recruited|accrued|treated) (?P<n2>{COUNT}) (?:[\w-]+ ){{0,4}}?{_WHO}|"
        rf"\b(?:a total of|in total,?|total of) (?P<n3>{COUNT}) (?:[\w-]+ ){{0,4}}?{_WHO}|"
        rf"\b{_WHO} \((?:N|n) ?= ?(?P<n4>\d[\d,]*)\)|"
        rf"(?:^|(?<=[.—:] )|(?<=[—:])|(?<=\D\.))(?P<n5>{COUNT}) (?:[\w-]+ ){{0,3}}?{_WHO}\b|"
        rf"\b(?:series|cohort|population) of (?P<n7>{COUNT}) (?:[\w-]+ ){{0,3}}?{_WHO}|"
        rf"(?P<n8>{COUNT}) (?:[\w-]+ ){{0,3}}?{_WHO} (?:received|were given|underwent)\b|"
        rf"\bAmong (?:the |all )?(?P<n9>{COUNT}) (?:enrolled|treated) {_WHO}", _I | re.M)),
    ("evaluable", re.compile(rf"(?P<n>{COUNT}) (?:\w+ ){{0,2}}?(?:patients )?(?:were |was )?"
                             rf"(?:evaluable|assessable)", _I)),
    ("analysed", re.compile(
        rf"(?P<n>{COUNT}) (?:[\w-]+ ){{0,4}}?{_WHO} (?:were |was )?(?:analy[sz]ed|included in the analysis)|"
        rf"\b(?:identified|analy[sz]ed|reviewed|included|studied|evaluated|profiled)(?: the (?:records|data|"
        rf"charts) of| data from)? (?P<n2>{COUNT}) (?:[\w-]+ ){{0,4}}?{_WHO}|"
        rf"\b(?:review|analysis|study) (?:on|of) (?P<n3>{COUNT}) (?:[\w()-]+ ){{0,4}}?{_WHO}", _I)),
    # The first number of patients the text gives, when nothing above says what it counts.
    ("enrolled", re.compile(rf"\b(?:in|of|from|on|with) (?:the |a total of )?(?P<n>{COUNT}) (?:[\w-]+ ){{0,3}}?{_WHO}\b"
                            rf"(?! (?:with|who) (?:a |an )?(?:response|complete|partial|grade))", _I)),
)


# (every name starts with a capital but coBRIM: the guard passes over other words with one test)
_TRIAL = re.compile(r"\b(?=[A-Zc])(?:KEYNOTE|CheckMate|IMpower|IMbrave|IMvigor|JAVELIN|PACIFIC|CASPIAN|POSEIDON|"
                    r"EMPOWER|ORIENT|RATIONALE|CodeBreaK|KRYSTAL|ZUMA|JULIET|ELIANA|TRANSCEND|KarMMa|CARTITUDE|COMBI|coBRIM|"
                    r"DESTINY|CLEOPATRA|OAK|POPLAR|MYSTIC|ARCTIC|ATLANTIC|DANUBE|NADIM|NEOSTAR|RELATIVITY|"
                    r"[A-Z][A-Za-z]{2,}[A-Z]?)[- ]?\d{2,4}[A-Za-z]?\b|\b(?:OAK|POPLAR|PACIFIC|MYSTIC|CASPIAN|ARCTIC|"
                    r"ATLANTIC|DANUBE|NADIM|MONALEESA|PROSPECT)\b")
_KNOWN_TRIAL = re.compile(r"(?:CheckMate|CodeBreaK)\b")
_NOT_TRIAL = re.compile(r"^(?:CD|IL|PD|HLA|NCT|MHC|CTLA|TLR|COVID|SARS|HER|VEGF|FGF|KRAS|BRAF|EGFR|ALK|ROS|MET|TP|"
                        r"ECOG|RECIST|TNM|AJCC|MAGE|NY|WHO|ISRCTN|EudraCT|UMIN|JPRN|ChiCTR|ACTRN|DRKS|Grade|Phase|"
                        r"Stage|Figure|Table|Version|GP|gp|MART|LAG|TIM|TIGIT|OX|KIR|NKG|ICOS)", _I)


def phase_of(text: str) -> str | None:
    m = _PHASE.search(text)
    if not m:
        return None
    p = _ROMAN.get(m.group("p"), m.group("p").upper())
    q = m.group("q")
    if q:
        q = _ROMAN.get(q, q.upper())
        return "I/II" if (p, q) == ("I", "II") else (p if p not in ("I", "II") else "I/II")
    return p if p in ("I", "II", "III", "IV") else None


# A randomised trial still to come: "is being compared with bevacizumab in a randomised trial", "a randomized trial is
# warranted"
_PLANNED_TRIAL = re.compile(r"\b(?:is|are) being (?:compared|tested|evaluated|assessed)\b[^.;]{0,60}$|"
                            r"\b(?:will be|to be|should be|planned|future)\b[^.;]{0,30}$", _I)
_PLANNED_AFTER = re.compile(r"[^.;]{0,30}\b(?:is|are) (?:warranted|needed|required|planned|under way|ongoing)\b", _I)


def _randomized_here(text: str) -> bool:
    """Does the text say a randomisation of its own (or of a trial it reports), not only one still to come?"""
    return any(not _PLANNED_TRIAL.search(text, max(0, m.start() - 80), m.start())
               and not _PLANNED_AFTER.match(text, m.end()) for m in _RANDOMIZED.finditer(text))


def design_of(title: str, text: str) -> str:
    """randomized | single-arm | observational | meta-analysis | other, the title's words first."""
    title = title or ""
    if _META.search(title):
        return "meta-analysis"
    if re.search(r"\brandomi[sz]ed\b", title, _I) and not _RCT_OF_OTHERS.search(title):
        return "randomized"
    if _OTHER.search(text) and not _RANDOMIZED_OWN.search(text):
        return "other"  # ("Here we review ...": a review that names "a randomised phase 3 trial" reports none)
    if _META.search(text) and re.search(r"\b(?:we|this|our|present)\b[^.]{0,60}\b(?:meta-?analys|pooled analysis|"
                                        r"systematic|pooled (?:individual|data))", text, _I):
        return "meta-analysis"
    if _randomized_here(text) and not (_RCT_OF_OTHERS.search(text) and not re.search(
            r"\b(?:were|was) randomi[sz]ed|randomly (?:assigned|allocated)", text, _I)) \
            and not (_OBSERVATIONAL.search(text) and not _RANDOMIZED_OWN.search(text)):
        return "randomized"
    if _OBSERVATIONAL.search(title) or _OBSERVATIONAL.search(text):
        return "observational"
    if _SINGLE_ARM.search(title) or _SINGLE_ARM.search(text):
        return "single-arm"
    return "other"


# A word every match of each of _N_PATTERNS holds (None: no one word): a window without it is not searched.
_N_NEEDS = (re.compile(r"randomi[sz]|assigned|allocated", _I), None, re.compile(r"evaluable|assessable", _I),
            re.compile(r"analy[sz]|identified|reviewed|included|studied|evaluated|profiled|review|study", _I), None)
_N_WORD = re.compile(r"\b(?:patients|participants|subjects|women|men|children|adults|individuals|cases|evaluable|"
                     r"assessable|randomi[sz])", _I)


def n_of(text: str) -> dict | None:
    """The study's main number of patients and what it counts (randomized > enrolled > evaluable > analysed)."""
    # The patterns are tried only around the words they need: running them over a whole text is slow.
    windows: list[tuple[int, int]] = []
    for hit in _N_WORD.finditer(text):
        a, b = max(0, hit.start() - 140), min(len(text), hit.end() + 90)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    for (what, pattern), needs in zip(_N_PATTERNS, _N_NEEDS, strict=True):
        for a, b in windows:
            if needs is not None and not needs.search(text, a, b):
                continue
            for m in pattern.finditer(text, a, b):
                group = next(g for g in ("n", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9")
                             if g in m.groupdict() and m.group(g))
                value = to_float(m.group(group).replace(",", "") if m.group(group)[:1].isdigit() else m.group(group))
                if re.search(r"\d\s*(?:of|/)\s*$", text[max(0, m.start(group) - 8):m.start(group)]):
                    continue  # "128 of 212 patients": a share of the study, not its size
                if value is None or value < 2 or value != int(value) or 1900 <= value <= 2100:
                    continue
                return {"value": int(value), "what": what, "text": m.group(0), "char_start": m.start(),
                        "char_end": m.end()}
    return None


_OWN_TRIAL = re.compile(r"\b(?:the (?:current|present|new)|this|our) (?:[\w-]+ ){0,3}?(?:trial|study)\b|"
                        r"\b(?:patients|participants) were "
                        r"(?:randomly (?:assigned|allocated)|randomi[sz]ed|enrolled)\b", _I)


def trial_names(text: str) -> list[str]:
    """The trials' acronyms a text names, in order (an acronym of the list, or two capitals: "CheckMate 238", not
    "Study 301")."""
    return [m.group(0) for m in _TRIAL.finditer(text) if not _NOT_TRIAL.match(m.group(0))
            and (re.search(r"[A-Z]{2}", m.group(0)) or _KNOWN_TRIAL.match(m.group(0)))]


def same_trial(a: str, b: str) -> bool:
    """"KEYNOTE-006" is "KEYNOTE 006" and "Keynote006"."""
    return re.sub(r"[\s-]", "", a).lower() == re.sub(r"[\s-]", "", b).lower()


def trial_of(title: str, text: str) -> str | None:
    """The trial's acronym (KEYNOTE-006, CheckMate 067, OAK) when the title or text names one."""
    names = trial_names(title or "")
    if names:
        return names[0]
    # (the text's first 1,500 characters, the last word whole: "CheckMate-066" cut at "CheckMate-06" is another)
    names = trial_names(re.match(r"[\s\S]{0,1500}\S*", text).group(0))
    # A text that names several: the one its own study's sentence names ("In the current trial, called KEYNOTE-002,
    # 540 patients were randomly assigned"), not the earlier trial the background names (read a little further).
    window = re.match(r"[\s\S]{0,2500}\S*", text).group(0)
    found = list(_TRIAL.finditer(window))
    if len({re.sub(r"[\s-]", "", n).lower() for n in trial_names(window)}) > 1:  # (as same_trial reads them)
        for m in found:
            if not trial_names(m.group(0)):
                continue
            a = max(window.rfind(". ", 0, m.start()), window.rfind("\n", 0, m.start())) + 1
            b = window.find(". ", m.end())
            sentence = window[a:b if b >= 0 else len(window)]
            if _OWN_TRIAL.search(sentence):
                return m.group(0)
    return names[0] if names else None
