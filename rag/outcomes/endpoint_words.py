"""The endpoint words a sentence may use ("objective response rate", "median PFS", "grade 3 or higher adverse
events", "HR for death"), each with the endpoint it names, and where a sentence names them (``_mentions``).
Which endpoint each value is then filed under is decided in endpoints.py."""

from __future__ import annotations

import re
from dataclasses import dataclass



# After "grade 3-4" with no events named: not one kind of event ("grade 3/4 neutropenia occurred in 30%").
_NOT_ONE_EVENT = (r"(?!\s+(?!(?:treatment|immune|drug)-related\b|adverse\b|toxic|side\b|events?\b|AEs?\b|TRAEs?\b|"
                  r"irAEs?\b|in\b|was\b|were\b|occurred\b|and\b|or\b|of\b|rates?\b|incidences?\b|reactions?\b|"
                  r"effects?\b|any\b|with\b|than\b|for\b)[a-z][a-z-]{3,})")


# The words a grade's events may carry and still be all of them ("grade 3 or higher treatment-related adverse
# events"); any other word names one kind ("grade 3 or higher neurological events", "haematological toxicity").
_ALL_EVENTS_WORDS = re.compile(r"(?:(?:treatment|immune|drug|therapy)[- ]related|treatment[- ]emergent|"
                               r"immune[- ]mediated|all[- ]cause|serious|any|all|overall|total|reported|clinical|"
                               r"and|or|of|the|grade|higher|worse|greater|acute)$",
                               re.I)


_NOT_A_NAME = re.compile(r"(?i)in|occurred|was|were|is|are|with|for|at|had|has|have|patients|than|versus|vs|"
                         r"compared|developed|experienced|reported|observed|seen|by|to|from")


_EVENT_NOUN = re.compile(r"\b(?:adverse|toxic|side|events?|effects?|AEs?|TRAEs?|irAEs?|toxicit(?:y|ies)|complications|"
                         r"reactions)\b", re.I)


def _one_kind_of_event(text: str, mention: "_Mention", s: int) -> bool:
    """Does a grade's mention speak of one kind of event: words between the grade and its event noun that name it
    ("grade 3 or higher genitourinary or gastrointestinal toxicity"), or an event of that grade ("infections of grade
    3 or 4")?"""
    if not _EVENT_NOUN.search(text, mention.start, mention.end):
        # The words after the grade, up to its event noun or the verb ("grade 3 or higher cytokine release syndrome
        # occurred in 7%"; not past them: "grade 3 occurred in 7 patients").
        named = []
        after = _PARENTHESES.sub(" ", text[mention.end:mention.end + 90])
        for w in re.findall(r"[A-Za-z][\w-]*", re.split(r"\d", after)[0]):  # (its name comes before its figures)
            if _EVENT_NOUN.fullmatch(w) or _NOT_A_NAME.fullmatch(w):
                break
            named.append(w)
        if len(named) <= 7 and any(not _ALL_EVENTS_WORDS.match(w) for w in named):
            return True
    before = re.search(r"\b([A-Za-z][\w-]{3,})\s+(?:of|at)\s+$", text[max(s, mention.start - 40):mention.start])
    return bool(before) and not _EVENT_NOUN.fullmatch(before.group(1)) and not re.fullmatch(
        r"(?i)incidences?|rates?|frequency|proportion|percentage|toxicit(?:y|ies)|events?", before.group(1))


# Endpoint words, most specific first; each gives a family (what a value near it measures).
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("pCR", r"\bpath(?:ologic(?:al)?)? complete (?:response|remission)s?(?: rates?)?|\bpCRs?\b"),
    ("AE3", r"\bgrades?\s*(?:3|III)\s*(?:,\s*4\s*,?\s*)?(?:or|to|-|–|/|and)\s*(?:grade\s*)?"  # "grade 3 to grade 4"
            r"(?:4|5|IV|V|higher|greater|worse|above|more)\b"
            r"(?=[^.;]{0,90}?\b(?:adverse|toxic|side|events?|effects?|AEs?|TRAEs?|irAEs?|toxicit))|"
            r"\bgrade\s*(?:≥|>=|≧|>)\s*(?:3|III)\b(?=[^.;]{0,90}?\b(?:adverse|toxic|side|events?|effects?|AEs?|TRAEs?|"
            r"irAEs?))|\bgrades?\s*(?:3|III)\s*\+(?=\s*(?:(?:treatment|immune|drug)-related\s+)?(?:adverse|toxic|side|"
            r"events?|AEs?|TRAEs?|irAEs?))|"
            r"\b(?:adverse events?|AEs|TRAEs|toxicit(?:y|ies)|side effects)\s+(?:of\s+)?grade\s*(?:(?:3|III)\s*(?:or|"
            r"to|-|–|/)\s*(?:4|5|IV|V|higher|greater|worse|above|more)|(?:≥|>=|>)\s*3)\b|"
            r"\bgrade\s*(?:3|III)\s+(?:(?:treatment|immune|drug)-related\s+)?"
            r"(?:adverse events?|AEs?|TRAEs?|irAEs?|events?|toxicit(?:y|ies))\b|"
            r"(?<!moderate to )(?<!moderate-to-)(?<!moderate or )\b(?:severe|high-grade) (?:treatment-related |"
            r"immune-related |drug-related |treatment-emergent |maternal |neonatal |systemic )?"
            r"(?:adverse (?:events?|effects?|reactions?)|AEs?\b|TRAEs?\b|toxicit(?:y|ies)|complications)|"
            r"\bgrade\s*(?:3|III)\s*(?:or|to|-|–|/)\s*(?:grade\s*)?(?:4|5|IV|V)\b" + _NOT_ONE_EVENT + "|"
            r"\bgrade\s*(?:≥|>=|>)\s*3\b" + _NOT_ONE_EVENT + "|"
            # "G3-4 AEs", "G≥3 TRAEs"
            r"(?-i:\bG\s?(?:3\s?(?:-|–|/)\s?[45]|(?:≥|>=)\s?3|3\+))(?=\s+(?:(?:treatment|immune|drug)-related\s+)?"
            r"(?:adverse|toxic|AEs?\b|TRAEs?\b|irAEs?\b|events?\b))"),
    ("DCR", r"\bdisease[- ]control(?: rates?)?|\bcontrolled disease\b|\bDCRs?\b|\bclinical benefit(?: rates?)?|"
            r"\bCBRs?\b"),
    ("CR", r"\bcomplete (?:(?:clinical|radiologic(?:al)?|radiographic|objective|tumou?r|durable|confirmed|overall|"
           r"renal) )?(?:response|remission|regression|responder)s?(?: rates?)?"
           # (not "complete remission with incomplete haematological recovery", a lesser response; composites with it,
           # "CR/CRi", "CR plus CRh", are read as complete responses, as most labellers read them)
           r"(?!\s+with (?:incomplete|partial) (?:haemato|hemato|blood count))|"
           # a disease's remission as its trials define it ("clinical remission at week 12"), a complete renal
           # response (CRR)
           r"\bclinical remission(?: rates?)?\b|\bCRRs?\b|"
           # a remission with no kind named: the disease's remission ("remission rates 36.0% and 38.4%" beside the
           # response rates of a depression trial; "Remission was achieved in 45 of 60" in leukaemia), not a partial,
           # molecular, immunological or cytogenetic one, nor a patient "in first remission"
           r"\b(?=[Rr]emission)(?<!partial )(?<!molecular )(?<!cytogenetic )(?<!haematologic )(?<!hematologic )"
           r"(?<!metabolic )"
           r"(?<!biochemical )(?<!serologic )(?<!immunologic )(?<!immunological )(?<!major )(?<!deep )"
           r"(?<!stringent )(?<!in )(?<!into )(?<!first )(?<!second )"
           r"\b[Rr]emissions?(?: rates?)?\b|"
           r"\bCRs?\b(?! ?\d+(?![\d.]*\s*%))(?!\s*\+\s*PR)(?!\s*with\s*(?:incomplete|partial))|"
           r"\bcomplete(?= and partial (?:response|remission))|\bcomplete(?:ly)? (?:responded|regressed)|"
           r"\b(?:disappeared|resolved|regressed) completely\b|"
           r"\bcomplete (?:disappearance|resolution) of (?:all )?(?:\w+ )?(?:lesions|tumou?rs?|disease)\b"),
    ("PR", r"\bpartial (?:response|remission|regression)s?|\bPRs?\b(?! ?\d+(?![\d.]*\s*%))|"
           r"\bpartial(?= and complete (?:response|remission))"),
    ("SD", r"\bstable disease\b|\bSD\b(?!-[A-Z])|\b(?:disease |tumou?r )?stabili[sz]ations?\b"),
    ("DOR", r"\bduration of (?:the )?(?:objective |tumou?r |complete )?(?:responses?|remissions?)|"
            r"(?-i:\bduration of (?:CR|PR|CRi|CR/CRi|CR plus CRh|CR/CRh|CR or CRh|CR or PR)\b)|"
            r"\bdurations of (?:the )?(?:objective |tumou?r |complete )?(?:responses?|remissions?)|"
            r"\bresponse duration|\bDoRs?\b|\bresponses? "
            r"(?:lasted|lasting|were durable)|\bmedian (?:duration of )?response (?:duration|time)"),
    ("TTP", r"\btime to (?:disease |tumou?r )?progression\b|\bTTP\b"),
    ("PFS", r"\bprogression[- ]free(?:[- ]survival)?|(?<![\w-][a-z]-)\bm?PFS\b|\bprogression or death\b"),
    ("EFS", r"\bevent[- ]free(?:[- ]survival)?|\bEFS\b"),
    ("RFS", r"\b(?:relapse|recurrence)[- ]free(?:[- ]survival)?|\bRFS\b|"
            # "the proportion free of relapse at 12 months", "remained free of relapse"
            r"\bfree (?:of|from) (?:a )?(?:relapse|recurrence)\b"),
    ("DFS", r"\bdisease[- ]free(?:[- ]survival)?|\bDFS\b|\brecurrence or death\b"),
    # Metastasis-free survival ("time to death or distant metastasis"): not in the vocabulary, but its values and
    # its hazard ratio must not be read as overall survival's.
    # Survival of one cause, not overall survival: not in the vocabulary.
    ("DSS", r"\b(?:disease|cancer|melanoma|tumou?r|breast cancer)[-– ]specific survival\b|\b(?:DSS|CSS)\b|"
            # Survival free of another event ("transplant-free", "failure-free"), a graft's survival: not OS either.
            r"\b(?:transplant|failure|leuka?emia|lymphoma|graft|ventilation|ventilator|dialysis|intervention|"
            r"amputation|GVHD)[-– ]free survival\b|\b(?:death[-– ]censored )?graft survival\b|"
            # Survival relative to the population's, local or locoregional progression-free survival: not OS, PFS.
            r"\brelative survival\b|(?-i:\b[a-z]{3,}-PFS\b)|"
            r"\b(?:local|locoregional)(?: \d+-(?:year|month))? (?:progression-free survival|"
            r"progression-free|PFS)\b(?: rates?)?|"
            r"\b(?:cardiovascular|cardiac|cancer|disease|melanoma|tumou?r)[- ](?:related |specific )?(?:deaths?|"
            r"mortality)\b"),
    ("MFS", r"\b(?:distant[- ])?metastasis[- ]free(?: survival)?|\b(?:death or (?:distant )?metastas[ie]s|"
            r"(?:distant )?metastasis or death)\b|\bD?MFS\b"),
    ("OS", r"\boverall survival\b|\bm?OS\b|\bMST\b|"
           # (not survival with a good outcome, "survival with a favourable neurological outcome")
           r"\bsurvival(?: rates?)?\b(?! (?:with|without) (?:an? )?(?:favou?rable |good |intact |major |severe )?"
           r"(?:neurolog|disab|sequela|impair|dialysis|dependen))|"
           r"\b(?:were|be|remain(?:ed)?|are|patients|participants) alive\b(?! (?:and|without|free))|"
           r"\bdeath\b|\bsurvived\b|\blived\b"),
    # A pathological response short of complete ("major pathological response", MPR): not in the vocabulary.
    ("MPR", r"\bmajor path(?:ologic(?:al)?)? (?:response|regression)s?|\bMPRs?\b|"
            r"\bpath(?:ologic(?:al)?)? (?:partial )?(?:response|regression)s?|"
            # complete remission short of full blood counts ("CR with incomplete haematological recovery")
            r"\b(?:CR|complete (?:remission|response)) with (?:incomplete|partial) "
            r"(?:haemato|hemato|blood count)\w*(?: recovery)?"),
    ("ORR", r"\b(?:objective|overall|clinical|tumou?r|best overall|confirmed|major|durable|antitumou?r|radiographic|"
            r"intracranial|investigator-assessed) (?:(?!molecular|cytogenetic|metabolic|biochemical|serologic|immune|"
            r"immunologic|virologic|ha?ematologic|PSA|complete|partial)\w+ )?(?:response|remission|regression)s?"
            r"(?: rates?)?|"
            r"(?<!-)(?<!non )\bresponse rates?\b|"
            r"\bORRs?\b|\bRRs?\b|\bresponded\b|(?<!-)(?<!non )\bresponders?\b|(?<!-)(?<!non )\bresponses?\b|"
            r"\bpartial or complete\b|"
            r"\bcomplete or partial\b|"
            r"\bCR\s*\+\s*PR\b|\bregression of (?:measurable|all)|\bobjective(?:ly)? (?:tumou?r )?respon"),
    ("HR", r"\bhazard ratios?\b|\ba?HRs?\b(?![-+]|\s(?:positive|negative|status|expression))|"  # not "HR-positive"
           # a subscript flattened into the word: "HRdeath", "HRprogression", "HRdisease progression or death",
           # "HRdeath or progression", "HRPFS or death"
           r"(?-i:\bHR(?:death|progression|recurrence|relapse|events?|disease progression|PFS|OS|DFS|EFS)"
           r"(?: or (?:death|progression|disease progression|recurrence|relapse))?\b)"),
    ("OR", r"\bodds ratios?\b|\ba?ORs?\b(?=\s*(?:[=:,]|of\b|was\b|were\b|is\b|are\b|for\b|associated\b|\d|\())"),
    # Words of other measures: values near them are not outcomes. Events of any grade or of grades 1, 2, 4 alone,
    # serious events, shares of a population ("comprising approximately 5% of cases"), follow-up, age, times to other
    # events, expression and test accuracy, positivity, mutations.
    ("STOP", r"\b(?:any|all)[- ]grades?\b|"
             # control of the disease at a site ("the rate of local-regional control was 75%"), not survival
             r"\b(?:local|regional|locoregional|local-regional|distant|intracranial|tumou?r) control\b|"
             # a recurrence, deaths of the treatment, ratios of other kinds
             r"\b(?:experienced|had|developed) an? (?:local |distant )?(?:recurrence|relapse)\b|"
             r"\b(?:treatment|therapy)-related (?:mortality|deaths?)\b|"
             # survival of a graft, or free of a non-cancer event: no overall survival
             r"\b(?:rejection|transplant|graft|dialysis|ventilat(?:or|ion)|amputation|disability|hospitali[sz]ation)"
             r"[- ]free survival\b|\b(?:graft|allograft|kidney|renal|liver|technique|device) survival\b|"
             r"\b(?:postoperative|perioperative|\d+-(?:day|month)) mortality\b|(?-i:\bSIRs?\b)|"
             r"\bstandardi[sz]ed incidence ratios?\b|\brelative risks?\b|\brisk ratios?\b|\bincidence rate ratios?\b|"
             r"\b(?:led to|leading to|resulting in|requiring) (?:treatment |drug |study )?"
             r"(?:discontinuation|withdrawal|interruption|dose reduction)s?\b|\bdiscontinu(?:ation|ed)\b|"
             r"\bdose (?:reductions?|interruptions?|delays?)\b|\bcompris(?:e|es|ing)\b|\baccount(?:s|ed|ing)? for\b|"
             r"\bconstitut(?:e|es|ing)\b|\bgrade\s*(?:[1245]|I{1,2}|IV|V|one|two|four|five)"
             r"(?:\s*(?:or|to|-|–|/|and)\s*(?:[12]|I{1,2}|one|two))?\s+(?:(?:treatment|immune|drug)-related\s+)?"
             r"(?:adverse\s+)?(?:events?|AEs?|TRAEs?|irAEs?|toxicit(?:y|ies)|side effects)\b|"
             # one kind of severe event ("grade 4 anaemia was seen in 1.0%, 11.5% and 2.4%"), the commonest kinds ("the
             # most frequent were neutropenia (9.8%, 32.7%)"): no longer all grade >=3 events
             r"\bgrade\s*(?:[345]|III|IV|V)" + _NOT_ONE_EVENT.replace("(?!\\s+(?!", "(?=\\s+(?!", 1) + "|"
             r"\bmost (?:frequent|common)(?: ones?)? (?:were|was|being)\b|"
             r"\b(?:serious|fatal) (?:(?:treatment|immune|drug)-related )?(?:adverse (?:events?|effects?|reactions?)|"
             r"AEs?|TRAEs?|toxicit(?:y|ies))|\bfollow[- ]?up\b(?: (?:for|of) (?:overall )?survival\b)?|"
             r"(?<=\bof )events\b|"  # "(66% of events)": a share of the events, not a rate
             r"\btime to (?:death|distant|second|subsequent)|\bmedian age\b|\baged?\b|\byears? old\b|"
             r"\bduration of (?:therapy|treatment)\b|\btime to (?:response|onset|treatment)\b|"
             r"\bmedian time\b(?! to (?:disease |tumou?r )?progression)|\bexpression\b|\bprevalence\b|\bincidence\b|"
             r"\bsensitivity\b|\bspecificity\b|\baccuracy\b|"
             r"(?<![\w-])positive\b(?! (?:tumou?rs?|patients|disease|cohort|subgroup|group|population))|"
             r"\bmutations?\b(?![- ](?:positive|negative|carriers?|cohorts?|groups?|subgroups?|populations?|"
             r"patients))"),
)


# The letters each family's words can begin with (those of DSS and STOP begin with most): a family whose letters
# are not there is passed over with one test instead of each of its patterns. Kept in step with _KEYWORDS: a word
# its letters miss would be lost (a test checks every pattern's first letters against them).
_FIRST_LETTERS = {"pCR": "p", "AE3": "gatsh", "DCR": "dc", "CR": "cdr", "PR": "p", "SD": "sdt", "DOR": "drm",
                  "TTP": "t", "PFS": "pm", "EFS": "e", "RFS": "rf", "DFS": "dr", "MFS": "dm", "OS": "omswbrapdl",
                  "MPR": "mpc", "ORR": "octbmdarip", "HR": "ha", "OR": "oa"}


# Every endpoint word starts a word: the guard skips the other positions at once, and the commonest words no
# endpoint starts with (nearly half of a text's words) at the cost of one short test instead of every pattern.
_KEYWORD = re.compile(r"\b(?=[A-Za-z])(?-i:(?!(?:the|and|of|in|with|to|for|than|at|by|is|as|on|from|that|this|a|an|we|"
                      r"had|who|which|was|between|after|before|during|or|months|CI|group|rate|received|trial|study|"
                      r"chemotherapy|mg|plus|arm|vs|compared|have|not|more|higher|The|In|P)\b))"
                      r"(?:" + "|".join(f"(?P<{name}>"
                                        + (f"(?=[{_FIRST_LETTERS[name]}])" if name in _FIRST_LETTERS else "")
                                        + f"(?:{pattern}))" for name, pattern in _KEYWORDS) + ")", re.I)


_CASE_SENSITIVE = {"CR", "PR", "SD", "OS", "HR", "OR", "DCR", "TTP", "PFS", "EFS", "RFS", "DFS", "ORR", "MFS", "DSS",
                   "MPR"}


# A response of the immune system or a laboratory measure ("tumor-specific T cell responses", "antibody response"),
# not a tumour's: the words just before "response".
_LAB_RESPONSE = re.compile(r"(?:\bT[- ]?cells?|\bimmune|\bimmunologic(?:al)?|\bantibody|\bserologic(?:al)?|\bhumoral|"
                           r"\bcellular|\bCD[48]\+?(?: T)?|\bantigen-specific|\bDTH|\bcytokine|\bIFN-?γ?|"
                           r"\binterferon-?(?:γ|gamma)?|\bT-?helper|\bTh[12]|\bvaccine-induced|"
                           r"\bdelayed-type hypersensitivity|\bPSA|\bmolecular|\bmetabolic|\bbiochemical|\bcytogenetic|"
                           r"\bhaematologic(?:al)?|\bhematologic(?:al)?|"
                           r"\bvirologic(?:al)?|\bserum|\bACR\s?\d+|\bPASI\s?\d+|\bASAS\s?\d+|\bEASI\s?\d+|\bEULAR|"
                           r"\bDAS28)"
                           r"(?:[- ](?!related)[\w-]+)?\s*$", re.I)


_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


@dataclass
class _Mention:
    kind: str
    start: int
    end: int


def _mentions(text: str, s: int, e: int) -> list[_Mention]:
    out = []
    for m in _KEYWORD.finditer(text, s, e):
        kind = m.lastgroup
        if kind in _CASE_SENSITIVE and m.group(0).isalpha() and m.group(0).upper() == m.group(0) \
                and not re.fullmatch(r"[A-Z]+s?", m.group(0)):
            continue
        if kind == "pCR" and m.group(0).startswith("PCR"):
            continue  # polymerase chain reaction ("PCR-MRD assay"), not a pathological complete response
        # "mOS", "mPFS": median OS, PFS; "aHR", "aOR": an adjusted ratio
        word = m.group(0)[1:] if m.group(0)[:2] in ("mO", "mP") or m.group(0) in ("aHR", "aOR") else m.group(0)
        if kind in ("OS", "HR", "OR", "CR", "PR", "SD") and len(word) <= 3 and not word[:2].isupper():
            continue  # "or", "os", "hr" in running text are words, not abbreviations
        if kind == "ORR" and (_LAB_RESPONSE.search(text, max(s, m.start() - 40), m.start())
                              or re.match(r"(?:clinical|endoscopic|histologic|steroid-free) remission", word, re.I)):
            # "T cell responses in 71%", "an immune response was found in 62 patients (64%)", "an ACR20 response",
            # "clinical remission" of an inflammatory disease: no tumour's response
            kind = "STOP"
        out.append(_Mention(kind, m.start(), m.end()))
    return out
