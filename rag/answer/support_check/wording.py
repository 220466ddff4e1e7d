"""Claims an answer makes by its wording rather than by a figure, read against the passage: a quantifier against
the passage's counts ("most of the 25 patients" where it says 11 of the 25), a primary end point the passage gives as
secondary, patients where it speaks of animals, an intervention it never made, "with X" where it says "without X",
"after" for "before", a drug given to the trial the passage names with another drug, a study design it contradicts,
one agent alone said to beat the combination it prefers, "the only" said of another subject, the site of a disease,
a prefix it negates. (How strongly a claim is made: certainty.py; figures in words: figures.py.)"""

from __future__ import annotations

import re

from ...lexical.mesh import TUMOUR_HEAD
from ...lexical.synonyms import synonym_alternatives
from .names import _DESIGNS, _OUTCOMES, _found_name, _Source, _trial_key, _trials, names
from .numbers import _SHARE, _count, _plain, _quantities
from .passages import _content, _Passages

# --- quantifiers against counts -----------------------------------------------------------------------------------

# "most", "the majority", "more than half": over half; "all", "every": each one; "few", "a minority", "fewer than
# half": under half. ("most common", "at most", "the most" are not shares.)
_MOST = re.compile(r"\b(?<!the )(?<!at )(most|the majority|a majority|majority|more than half|over half)\b"
                   r"(?! (?:common|commonly|frequent|frequently|often|likely|important|effective|active|prominent)\b)",
                   re.I)
_ALL = re.compile(r"(?<!at )\b(all|every|each)\b(?: (?:of )?(?:the )?(\d+|two|three|four|five|six|seven|eight|nine|ten|"
                  r"eleven|twelve))?(?! (?:other|three|but|grades?)\b)", re.I)
_NEARLY = re.compile(r"\b(?:nearly|almost|virtually|practically)\s+$", re.I)
_FEW = re.compile(r"\b(few|a minority|fewer than half|less than half|under half|only a few)\b", re.I)
# A small share in words: what "most" is not ("in a minority of patients", "a small subset", "in select patients").
_SMALL_SHARE = re.compile(r"\b(?:a (?:small )?minority|a small (?:subset|proportion|fraction|number)|a subset|"
                          r"(?:in|for) select(?:ed)? patients|only a few)\b", re.I)
# A percentage that is a threshold, not a share of patients ("more than 50 per cent of volume", "≥1%").
_THRESHOLD = re.compile(r"(?:more than|less than|at least|greater than|up to|over|under|of|[<>≥≤])\s*$", re.I)


def _shares_in(text: str) -> list[tuple[float, str]]:
    """The shares of a passage clause: "11 of the 25" (as 44%), "68 patients (70%)", "45%" (not thresholds, not
    figures in a confidence interval), each with the words that give it."""
    plain = _plain(text)
    out = []
    for m in _SHARE.finditer(plain):
        a, b = _count(m.group(1)), _count(m.group(2))
        if a is not None and b and 0 <= a <= b and b > 1:
            out.append((100.0 * a / b, m.group(0)))
    if out:
        return out
    for q in _quantities(plain):
        if q.percent and not _THRESHOLD.search(plain[max(0, q.start - 14):q.start]) \
                and not re.search(r"\b(CI|confidence|interval)\b", plain[max(0, q.start - 20):q.end + 12], re.I):
            out.append((q.value, q.text))
    return out


def _breakdown_share(clause: str, sentences: list[str]) -> tuple[float, str] | None:
    """The share a passage's breakdown of its patients gives the group the answer clause names ("216 patients were
    enrolled (98 with nivolumab 3 mg/kg, three with ..., 61 with ...)": 98 of 216 for "nivolumab 3 mg/kg")."""
    words = _content(clause)
    for s in sentences:
        plain = _plain(s)
        total = re.search(r"\b(\d[\d,]*)\s+(?:patients|participants|people|subjects)\b[^(]{0,60}\(", plain)
        if not total:
            continue
        inside = plain[total.end():].split(")")[0]
        parts = [(m.group(1), _content(m.group(2))) for m in re.finditer(r"(\w+)\s+(?:with|on|received|given)\s+"
                                                                           r"([^,;]+)", inside)]
        scored = sorted(((len(w & words), -len(w - words), n) for n, w in parts if _count(n) is not None),
                        reverse=True)
        if len(scored) >= 2 and scored[0][0] >= 2 and scored[0][:2] != scored[1][:2]:
            n, whole = _count(scored[0][2]), _count(total.group(1))
            if n is not None and whole:
                return 100.0 * n / whole, f"{scored[0][2]} of {total.group(1)}"
    return None


def quantifier_flags(clause: str, followed: list[str], where: str, sentences: list[str] | None = None) -> list[str]:
    """"most" over half, "all" each one, "few" under half: against the shares of the passage clause the answer
    clause follows (when it gives its share and does not say the quantifier itself), or the share a breakdown of the
    passage's patients gives the group the answer names."""
    most = _MOST.search(clause)
    share = _breakdown_share(clause, sentences or []) if most else None
    if share:  # the group the answer names, counted in the passage's breakdown of its patients
        return [f'"{most.group(1)}": {where} says "{share[1]}"'] if share[0] <= 50 else []
    small = next((m for s in (sentences or [])[:1] for m in [_SMALL_SHARE.search(s)] if m), None) if most else None
    if small and not re.search(r"\b(most|majority|more than half)\b", (sentences or [""])[0], re.I):
        return [f'"{most.group(1)}": {where} says "{small.group(0)}"']  # "most" where it says "a minority"
    if not followed:
        return []
    text = next((c for c in followed if _shares_in(c)), followed[0])
    shares = _shares_in(text)
    flags = []
    few = _FEW.search(clause)
    every = next((m for m in _ALL.finditer(clause) if not re.match(r"\s+(?:of\s+)?(?:whom|which|them)\b",
                                                                     clause[m.end():])), None)
    if most and shares and not re.search(r"\b(most|majority|more than half)\b", text, re.I) \
            and all(v <= 50 for v, _ in shares):
        flags.append(f'"{most.group(1)}": {where} says "{shares[0][1]}"')
    if few and shares and not re.search(r"\b(few|minority|fewer|less than half)\b", text, re.I) \
            and all(v >= 50 for v, _ in shares):
        flags.append(f'"{few.group(1)}": {where} says "{shares[0][1]}"')
    if every and not re.search(r"\b(all|every|each|entire)\b", text, re.I):
        size = _count(every.group(2)) if every.group(2) else None
        of_these = re.search(r"\b(\w+)\s+of\s+(?:these|them|those|the)\b(?:\s+(\w+))?", _plain(text), re.I)
        part = _count(of_these.group(1)) if of_these else None
        if part is not None and size is not None and part < size:
            flags.append(f'"{every.group(0)}": {where} says "{of_these.group(0)}"')
        elif shares and size is None and (all(v < 80 for v, _ in shares) if _NEARLY.search(clause[:every.start()])
                                          else all(v < 100 for v, _ in shares)):  # "nearly all": 80% or more
            flags.append(f'"{every.group(1)}": {where} says "{shares[0][1]}"')
    return flags


# --- a primary end point the passage gives as secondary (and the other way round) ---------------------------------

_RANK = re.compile(r"\b(primary|secondary|main|co-primary|exploratory)\s+(?:efficacy\s+|study\s+)?"
                   r"(end[- ]?points?|objectives?|outcomes?(?:\s+measures?)?|aims?|goals?)\b", re.I)
_ENDPOINT_WORDS = set(_content("primary secondary main co-primary exploratory endpoint endpoints end point points "
                               "objective objectives outcome outcomes measure measures aim aims goal goals study was "
                               "were is are the of"))


def _ranked_ends(text: str) -> dict[str, set[str]]:
    """The words a passage lists under its primary and its secondary end points (up to the next such heading)."""
    out: dict[str, set[str]] = {"primary": set(), "secondary": set()}
    marks = list(_RANK.finditer(text))
    for i, m in enumerate(marks):
        rank = "primary" if m.group(1).lower() in ("primary", "main", "co-primary") else "secondary"
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        out[rank] |= _content(text[m.end():min(end, m.end() + 250)]) - _ENDPOINT_WORDS
    return out


def endpoint_flags(clause: str, texts: list[str], where: str) -> list[str]:
    """"Toxicity is the primary end point" where the passage lists toxicity under its secondary end points and not
    under its primary ones."""
    m = _RANK.search(clause)
    if not m:
        return []
    mine = "primary" if m.group(1).lower() in ("primary", "main", "co-primary") else "secondary"
    other = "secondary" if mine == "primary" else "primary"
    words = _content(clause) - _ENDPOINT_WORDS
    ends = _ranked_ends(" ".join(texts))
    if words and words & ends[other] and not words & ends[mine]:
        return [f'"{m.group(0)}": {where} gives {", ".join(sorted(words & ends[other]))} as {other}']
    return []


# --- a finding in animals or cells said of patients ---------------------------------------------------------------

_HUMANS = re.compile(r"\bin (?:\w+\s+){0,2}(patients|humans|people|participants|the clinic)\b", re.I)
_MODEL = re.compile(r"\b(mice|mouse|murine|rats?|xenografts?|tumou?r-bearing|in vitro|cell lines?|animal models?)\b",
                    re.I)
_PEOPLE = re.compile(r"\b(patients?|humans?|people|participants|subjects|clinical|trial)\b", re.I)


def species_flags(clause: str, near: list[str], where: str) -> list[str]:
    """A finding the answer places in patients ("improves the response in patients with X") where the passage
    sentences it follows (the two closest that share its words) report it in mice or cells and speak of no patients."""
    said = _HUMANS.search(clause)
    if not said:
        return []
    words = _content(clause[:said.start()] + clause[said.end():])
    near = [s for s in near[:2] if len(_content(s) & words) >= 2]
    model = next((m for s in near for m in [_MODEL.search(s)] if m), None)
    if model is None or any(_PEOPLE.search(s) for s in near):
        return []
    return [f'"{said.group(0)}": {where} says "{model.group(1)}"']


# --- an intervention the passage never made ("blocking IL-35" where IL-35 was only measured and added) ------------

_INTERVENE = r"block|inhibit|neutrali[sz]|knock|delet|deplet|silenc|antagoni[sz]|suppress|target"
_INTERVENTION = re.compile(r"\b(?i:(?:block(?:ing|ed)|inhibit(?:ing|ed)|neutrali[sz](?:ing|ed)|knock(?:ing|ed)? "
                           r"(?:down|out)|delet(?:ing|ed)|deplet(?:ing|ed)|silenc(?:ing|ed)|antagoni[sz](?:ing|ed))\s+"
                           r"(?:of\s+)?(?:the\s+)?(?:serum\s+|circulating\s+)?)"
                           r"([A-Za-z][\w+-]*\d[\w+-]*|[A-Z]{2,}[\w+-]*)")


def intervention_flags(clause: str, texts: list[str], where: str) -> list[str]:
    """"Blocking IL-35 restored ..." where the passage names IL-35 but never blocks, inhibits, neutralises, knocks
    down or depletes it ("inhibiting ... IL-35", "anti-IL-35", "IL-35 blockade", "IL-35 knockout")."""
    flags = []
    source = " ".join(texts)
    for m in _INTERVENTION.finditer(clause):
        what = re.escape(m.group(1))
        said = list(re.finditer(rf"(?<![\w-]){what}(?![\w-])", source, re.I))
        if not said:
            continue  # a name the passage does not give is the name check's
        if re.search(rf"\b(?:{_INTERVENE})\w*\s+(?:\S+\s+){{0,3}}{what}|\banti-?{what}|{what}[\s-]+(?:\w+[\s-]+)?"
                     r"(?:inhibit|blockade|block|knock|neutrali|antagonis|deplet|delet|silenc|deficien|null)",
                     source, re.I):
            continue  # "inhibited IL-35 signalling", "anti-IL-35", "IL-35 blockade", "IL-35 knockout mice"
        flags.append(f'"{m.group(0)}" is not said in {where}')
    return flags


# --- "with X" against "without X" ---------------------------------------------------------------------------------

# (the thing ends before the next "with"/"without": "compared with patients without Down syndrome" says "without")
_WITH = re.compile(r"\b(with or without|with|without)\s+"
                   r"((?:(?!with\b|without\b)[\w-]+\s+){0,2}(?!with\b|without\b)[\w-]+)", re.I)
# "X plus Y", "combined with Y": the "with Y" side in other words.
_PLUS = re.compile(r"(?:\bplus\b|\+|\bcombined with\b|\bcombination with\b)\s+((?:[\w-]+\s+){0,1}[\w-]+)", re.I)


def _side(m: re.Match) -> str:
    """"with" or "without" ("with no subsequent therapy" is "without")."""
    return "without" if m.group(1).lower() == "without" or re.match(r"(?i)(no|none)\b", m.group(2)) else "with"


# A clause that says "without X" in other words ("who do not have progressive disease", "had no prior therapy").
_LACKS = re.compile(r"\b(?:(?:do|does|did)\s+not\s+have|(?:had|have|has)\s+no|free\s+of|absence\s+of|lack\s+of)\s+"
                    r"((?:[\w-]+\s+){0,2}[\w-]+)", re.I)


def _stems(text: str) -> set[str]:
    """The words of a text by their first five letters ("progression" and "progressive" alike)."""
    return {w[:5].lower() for w in re.findall(r"[A-Za-z][\w-]{3,}", text)}


def _only_the_other_side(pattern: re.Pattern, sentences: list[str], what: set[str], words_of, side_of,
                         mine) -> re.Match | None:
    """One mechanism for pairs of opposites (with/without, before/after, strong/limited): the first passage mention
    of the same thing (``words_of(match) & what``) on the other side; None when any mention is on this side, or
    none names the thing."""
    other = None
    for s in sentences:
        for p in pattern.finditer(s):
            if words_of(p) & what:
                if side_of(p) == mine:
                    return None
                other = other or p
    return other


def preposition_flags(clause: str, near: list[str], where: str) -> list[str]:
    """"patients with targetable EGFR aberrations" where the passage says "without targetable EGFR aberrations"
    (and never "with" them), and the other way round."""
    flags = []
    for m in _WITH.finditer(clause):
        if m.group(1).lower() == "with or without":
            continue  # both sides
        mine = _side(m)
        words = _content(m.group(2)) - {"patient", "patients"}
        if not words:
            continue
        # "patients who do not have progressive disease": without it
        if mine == "without" and any(_stems(p.group(1)) & _stems(m.group(2)) for s in near for p in _LACKS.finditer(s)):
            continue
        if mine == "with" and any(_stems(p.group(1)) & _stems(m.group(2)) for s in near for p in _PLUS.finditer(s)):
            continue
        other = _only_the_other_side(_WITH, near, words, lambda p: _content(p.group(2)),
                                     lambda p, mine=mine: mine if p.group(1).lower() == "with or without"
                                     else _side(p), mine)
        if other is not None:
            flags.append(f'"{m.group(1)} {m.group(2)}": {where} says "{other.group(0)}"')
    return flags


# --- "after X" where the passage says "before X" ------------------------------------------------------------------

_ORDER = re.compile(r"\b(before|prior to|preceding|after|following)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.I)


def order_flags(clause: str, near: list[str], where: str) -> list[str]:
    """"radiation after high-dose IL-2" where the passage says "radiation ... prior to receiving high-dose IL-2"
    (and never after it), and the other way round."""
    flags = []
    for m in _ORDER.finditer(clause):
        words = _content(m.group(2)) - {"patient", "patients", "receiving", "treatment", "therapy"}
        if not words:
            continue
        other = _only_the_other_side(_ORDER, near, words, lambda p: _content(p.group(2)), _after, _after(m))
        if other is not None:
            flags.append(f'"{m.group(0)}": {where} says "{other.group(0)}"')
    return flags


def _after(m: re.Match) -> bool:
    return m.group(1).lower() in ("after", "following")


# --- a drug given to the wrong trial -------------------------------------------------------------------------------


def _trial_like(name: str) -> bool:
    """A trial's name with its number ("KEYNOTE-859", "CheckMate 017", "ATTRACTION-2"), not a gene's ("PD-1",
    "CTLA-4": a short word and one digit)."""
    m = re.fullmatch(r"(.*?)[ -]?(\d+)", name.strip())
    return bool(m) and _trial_key(name) is not None and (len(m.group(2)) >= 2 or len(m.group(1)) >= 6)


def pairing_flags(plain: str, texts: list[str], titles: list[str], where: str) -> list[str]:
    """A trial and a drug the answer names together, where the passage names the drug only beside another trial
    ("In KEYNOTE-859, nivolumab ..." where nivolumab is the ATTRACTION-2 trial's)."""
    trials = [t for t in _trials(plain) if _trial_like(t)]
    if not trials:
        return []
    sentences = [s for t in texts for s in _Passages.of([t]).sentences]
    alternatives = synonym_alternatives(plain)
    drugs = [n for n in names(plain) if n not in trials and not _OUTCOMES.fullmatch(n) and not _DESIGNS.fullmatch(n)
             and not _trial_key(n)]
    flags = []
    for trial in trials:
        key = _trial_key(trial)
        if any(key in {_trial_key(x) for x in _trials(t)} for t in titles):
            continue  # the paper's own trial
        own = [s for s in sentences if key in {_trial_key(x) for x in _trials(s)}]
        others = [s for s in sentences
                  if s not in own and {_trial_key(x) for x in _trials(s) if _trial_like(x)} - {key}]
        if not own or not others:
            continue
        for drug in drugs:
            if any(_found_name(drug, _Source.of(s), alternatives) for s in own):
                continue
            beside = [s for s in others if _found_name(drug, _Source.of(s), alternatives)]
            if beside:
                other = sorted({x for x in _trials(beside[0]) if _trial_like(x) and _trial_key(x) != key})
                flags.append(f"{drug}: {where} names it with {other[0] if other else 'another trial'}, not {trial}")
    return flags


# --- study designs --------------------------------------------------------------------------------------------------

# Designs that cannot both describe one study: the answer's word, and the passage's words that deny it.
_DESIGN_CONFLICTS = {
    "randomi[sz]ed": r"retrospective(?:ly)?|single-arm|single-group|non-?randomi[sz]ed|observational|matched controls",
    "prospective(?:ly)?": r"retrospective(?:ly)?",
    "retrospective(?:ly)?": r"prospective(?:ly)?",
    "double-blind(?:ed)?": r"open-label",
    "placebo-controlled": r"open-label|single-arm|single-group",
    "open-label": r"double-blind(?:ed)?",
}
# Where a design word speaks of other or future studies ("a randomized trial is needed").
_OTHER_STUDIES = re.compile(r"\b(need|needed|warrant\w*|ongoing|future|planned|should|will|required|further|"
                            r"previous|prior|earlier|other)\b", re.I)


def design_flags(clause: str, texts: list[str], where: str) -> list[str]:
    """A study design the answer names that the passage contradicts ("this randomized study" of a retrospective one):
    the passage names a design that excludes it and speaks of the answer's only as of other or future studies."""
    flags = []
    for mine, theirs in _DESIGN_CONFLICTS.items():
        said = re.search(rf"\b({mine})\b", clause, re.I)
        if not said or re.search(rf"\b({theirs})\b", clause, re.I):
            continue
        text = "\n".join(texts)
        other = re.search(rf"\b({theirs})\b", text, re.I)
        if not other:
            continue
        own = [s for t in texts for s in _Passages.of([t]).sentences if re.search(rf"\b({mine})\b", s, re.I)]
        if all(_OTHER_STUDIES.search(s) for s in own):
            flags.append(f'"{said.group(1)}": {where} says "{other.group(1)}"')
    return flags


# --- one agent alone against the combination -----------------------------------------------------------------------

_ALONE = re.compile(r"\b(alone|on its own|by itself|monotherap\w*|single[- ]agent)\b|-only\b", re.I)
_TOGETHER = re.compile(r"\b(plus|combined with|combining|combination\w*|together with|added to|synerg\w*)\b", re.I)
_WINS = re.compile(r"\b(more effective|more active|better|superior|outperform\w*|surpass\w*|exceed\w*|"
                   r"synergistic|greater)\b", re.I)


def _winner(text: str) -> tuple[str, str] | None:
    """Which wins in a text's comparison of one agent alone with a combination: ("alone" or "together", the words),
    the marker said before the comparison word being the winner ("combining X with Y ... surpassing that of either
    monotherapy"; "X alone outperformed X plus Y")."""
    win = _WINS.search(text)
    if not win or not _ALONE.search(text) or not _TOGETHER.search(text[:win.start()] + text[win.end():]):
        return None
    before = [(m.start(), "alone", m.group(0)) for m in _ALONE.finditer(text, 0, win.start())] + \
             [(m.start(), "together", m.group(0)) for m in _TOGETHER.finditer(text, 0, win.start())]
    if before:
        _, side, marker = max(before)
        return side, f"{marker.strip('-')} ... {win.group(0)}"
    after = re.match(r"[\w\s-]{0,30}?\b(as (?:a )?(?:monotherapy|single agent))|\s+(alone)\b", text[win.end():], re.I)
    if after:
        return "alone", f"{win.group(0)} ... {after.group(1) or after.group(2)}"
    return None


def alone_flags(clause: str, sentences: list[str], where: str) -> list[str]:
    """"X alone was more effective than X plus Y" where the passage says the combination was the better (and the
    other way round), in a passage sentence that speaks of the same agent."""
    mine = _winner(clause)
    if mine is None:
        return []
    words = _content(clause)
    for s in sentences:
        theirs = _winner(s)
        if theirs and len(_content(s) & words) >= 1 and theirs[0] != mine[0]:
            return [f'"{mine[1]}": {where} says "{theirs[1]}"']
    return []


# --- "the only", "the first" said of another subject ---------------------------------------------------------------

_SOLE = re.compile(r"(?:^|[.;:]\s+|,\s+)?([^.;:,]{2,80}?)\s+(?:is|was|are|were|remains|remained|became|has been)\s+"
                   r"(?:still\s+|currently\s+)?the\s+(only|first|sole|single)\s+([^.;:,()]{3,80})", re.I)


def sole_flags(clause: str, sentences: list[str], where: str) -> list[str]:
    """"Z is the only curative treatment for X" where the passage says another subject is ("Allogeneic stem cell
    transplantation is the only potentially curative treatment for BPDCN")."""
    mine = _SOLE.search(clause)
    if not mine:
        return []
    subject, what = _content(mine.group(1)), _content(mine.group(3))
    for s in sentences:
        for theirs in _SOLE.finditer(s):
            if theirs.group(2).lower() != mine.group(2).lower() or len(_content(theirs.group(3)) & what) < 2:
                continue
            if subject and not subject & _content(theirs.group(1)):
                return [f'"{mine.group(1).strip()} ... the {mine.group(2)}": {where} says "{theirs.group(0).strip()}"']
    return []


# --- the site or kind of a disease ("liver metastases" where the passage says CNS metastases) ---------------------

_DISEASE_HEAD = re.compile(rf"\b([a-z][a-z-]{{2,}})\s+({TUMOUR_HEAD}|metastas[ie]s|lesions)\b", re.I)
# Sites and kinds that name where a disease is or what it is, with the words a passage may use instead.
_SITES = [{"cns", "brain", "central", "intracranial", "cerebral"}, {"cutaneous", "skin"}, {"uveal", "ocular", "eye"},
          {"mucosal"}, {"acral"}, {"colorectal", "colon", "rectal", "bowel", "crc"}, {"lung", "pulmonary"},
          {"liver", "hepatic", "hepatocellular"}, {"kidney", "renal"}, {"bone", "skeletal", "osseous"},
          {"breast", "mammary"}, {"gastric", "stomach"}, {"ovarian", "ovary"}, {"prostate", "prostatic"},
          {"pancreatic", "pancreas"}, {"bladder", "urothelial"}, {"cervical", "cervix"}, {"thyroid"},
          {"esophageal", "oesophageal", "oesophagus", "esophagus"}, {"head", "neck"}, {"nodal", "lymph"},
          {"peritoneal"}, {"adrenal"}, {"squamous"}, {"small-cell", "sclc"}, {"follicular"}, {"hodgkin"}]


def site_flags(plain: str, texts: list[str], titles: list[str], where: str) -> list[str]:
    """A site or kind of disease the answer names ("liver metastases", "cutaneous melanoma") that the cited passage
    and title never name, by that word or one the table gives for it, while they speak of that disease."""
    source = " ".join(texts + titles).lower()
    flags = []
    for m in _DISEASE_HEAD.finditer(plain):
        word = m.group(1).lower()
        group = next((g for g in _SITES if word in g), None)
        if group is None or not re.search(rf"\b{re.escape(m.group(2).lower()[:6])}", source):
            continue
        if not any(re.search(rf"\b{re.escape(w)}", source) for w in group):
            flags.append(f"{m.group(0)} not in {where}")
    return flags


# --- "myeloablative" where the passage says "nonmyeloablative" -----------------------------------------------------

_PREFIXED = re.compile(r"(?<![\w-])(non-?|un)([a-z]{6,})\b", re.I)


def prefix_flags(plain: str, texts: list[str], titles: list[str], where: str) -> list[str]:
    """A word the answer says bare where the cited passages and titles say it only with "non"/"un" before it
    ("myeloablative" for "nonmyeloablative", "treated" for "untreated"), or the other way round."""
    source = " ".join(texts + titles)
    flags = []
    theirs = {m.group(2).lower(): m.group(0) for m in _PREFIXED.finditer(source)}
    mine = {m.group(2).lower(): m.group(0) for m in _PREFIXED.finditer(plain)}
    for word in sorted(theirs):
        bare = re.compile(rf"(?<![\w-]){re.escape(word)}\b", re.I)
        said = bare.search(plain)
        if said and re.search(r"(?i)\bnot\s+(?:\w+ly\s+)?$", plain[:said.start()]):
            continue  # "not significantly" for "nonsignificantly": the same denial in two words
        if said and word not in mine and not bare.search(source):
            flags.append(f'"{said.group(0)}": {where} says "{theirs[word]}"')
    for word in sorted(mine):
        bare = re.compile(rf"(?<![\w-]){re.escape(word)}\b", re.I)
        if word not in theirs and bare.search(source) and not bare.search(plain) \
                and not re.search(r"(?i)\bnot\s+(?:\w+ly\s+)?$", source[:bare.search(source).start()]):
            flags.append(f'"{mine[word]}": {where} says "{bare.search(source).group(0)}"')
    return flags


__all__ = ["alone_flags", "design_flags", "endpoint_flags", "intervention_flags", "order_flags", "pairing_flags",
           "prefix_flags", "preposition_flags", "quantifier_flags", "site_flags", "sole_flags", "species_flags"]
