"""Negation and claims: what a clause denies, and the direction or comparison it claims ("higher", "similar",
"persisted", "all", "only"), read against the passage clause it follows."""

from __future__ import annotations

import re

from ...lexical.tokens import tokenize
from .passages import _content


# Words that turn a statement around. "no" and "not" also in "no longer", "not only": still a negation cue. Not
# "without", "absence of", "lack of", which qualify a noun ("patients without prior therapy") rather than deny a
# claim, nor "not reached", "not applicable", "not evaluable" (a value, not a denial).
_NEGATION = re.compile(r"(?<!\()(?<!\[)(?<!median )(?<!duration )\b("
                       r"not(?! (?:applicable|evaluable|estimable|available|calculable|calculated))|no|"
                       r"never|neither|nor|rarely|seldom|"
                       r"none|cannot|can't|didn't|did not|doesn't|don't|isn't|wasn't|weren't|aren't|failed to|"
                       r"non-?significant(?:ly)?|insignificant|little is known|unknown|unclear)\b", re.I)


def _neg(text: str) -> re.Match | None:
    """The first negation of a text that denies something ("median duration of response not reached" gives a value,
    not a denial)."""
    for m in _NEGATION.finditer(text):
        if m.group(0).lower() == "not" and re.match(r"\s+(?:yet\s+)?(?:been\s+)?reached", text[m.end():]) \
                and re.search(r"median|duration|\(|\[", text[max(0, m.start() - 50):m.start()], re.I):
            continue
        return m
    return None


# Words that deny a noun rather than a claim: counted only where an answer's own negation needs its match.
_WEAK_NEGATION = re.compile(r"\b((?<!with or )without|absence of|absent|lack(?:ed|s|ing)? of|free of|failed|fails)\b",
                            re.I)
# Between a negation and the word it denies ("did not significantly prolong", "no clear difference", "none of them
# improved").
_HEDGES = set(tokenize("significantly statistically significant clear clearly meaningful meaningfully major further "
                       "yet always only any evidence of them these those also even necessarily substantially markedly "
                       "notably show shown showed demonstrate demonstrated reveal revealed find found observe "
                       "observed result resulted lead led appear appeared seem seemed respect regard terms case"))


def _denied(clause: str) -> set[str]:
    """The words a negated clause denies: the first content word after each negation cue ("did not significantly
    prolong" -> prolong; "none of them improved" -> improved; "no patient" -> patient)."""
    out = set()
    for m in _NEGATION.finditer(clause):
        if m.group(0).lower() in ("unknown", "unclear"):
            out |= _content(clause[:m.start()])  # "the mechanism is unknown": what is unknown comes before
            continue
        if m.group(0).lower() == "little is known":
            out.add("known")
        for t in tokenize(clause[m.end():m.end() + 80]):
            if t in _HEDGES or t.isdigit():
                continue
            out.add(t)
            break
    return out


# Comparisons and quantities a claim turns on: what the passage clause must not contradict.
_CLAIMS: dict[str, re.Pattern] = {
    "up": re.compile(r"\b(higher|greater|larger|bigger|more|increas\w*|longer|improv\w*|prolong\w*|extend\w*|better|"
                     r"superior|"
                     r"favou?r\w*|stronger|enhanc\w*|elevat\w*|doubl\w*|exceed\w*|outperform\w*|surpass\w*)\b", re.I),
    "down": re.compile(r"\b(lower|less|fewer|smaller|reduc\w*|decreas\w*|shorter|worse|worsen\w*|inferior|weaker|"
                       r"diminish\w*|"
                       r"declin\w*|toxic\w* less)\b", re.I),
    "same": re.compile(r"\b(similar\w*|comparable|(much )?the same|equivalent|identical|indistinguishable|unchanged|"
                       r"independent(ly)? of|regardless|"
                       r"unrelated to|unaffected by|whatever the|"
                       r"irrespective|consistent (across|regardless)|non-?inferior)\b", re.I),
    "differ": re.compile(r"\b(differ|differed|differs|different|difference|distinct|distinctive)\b", re.I),
    "linked": re.compile(r"\b(correlat\w*|associat\w*|linked|depend\w*|predict\w*|driven by)\b", re.I),
    "persist": re.compile(r"\b(persist\w*|maintain\w*|sustain\w*|retain\w*|"
                          r"remain\w* (significant|robust|consistent))\b", re.I),
    "stop": re.compile(r"\b(disappear\w*|vanish\w*|abolish\w*|lost|stopp\w*|halt\w*|terminat\w*|abandon\w*|"
                       r"discontinued development)\b", re.I),
    # ("nearly all", "almost every": a share short of all, not a universal claim)
    "all": re.compile(r"(?<!nearly )(?<!almost )(?<!virtually )(?<!practically )\b(all|every|entire)\b"
                      r"(?!-| at all| \d| other| (two|three|four|six|eight|twelve) )(?<!at all)", re.I),
    # ("Treg cell-restricted deletion": deleted only in Treg cells)
    "only": re.compile(r"\b(only|solely|exclusively|confined to|restricted to|limited to)\b|"
                       r"(?<=[a-z]-)(restricted|confined)\b", re.I),
    "some": re.compile(r"\b(some|several|a few|few|many|a subset|a minority|most)\b", re.I),
    "known": re.compile(r"\b(much|well|already) (is )?(known|established|understood)\b", re.I),
    # A judgement of quality ("concordance was good" against "concordance was poor").
    "good": re.compile(r"\b(good|excellent)\b", re.I),
    "poor": re.compile(r"\b(poor|poorly)\b", re.I),
    # ("a negative impact on outcome" against "a positive impact")
    "positive": re.compile(r"\b(positive(?:ly)?)(?=\s+(?:impact|effect|influence|role|association|correlat\w*|"
                           r"prognostic|associated|correlated))", re.I),
    "negative": re.compile(r"\b(negative(?:ly)?)(?=\s+(?:impact|effect|influence|role|association|correlat\w*|"
                           r"prognostic|associated|correlated))", re.I),
    # A factor that protects against an outcome, and one that is a risk factor for it: opposites.
    "protects": re.compile(r"\b(protect(?:s|ed|ive|ion|ing)?|prevent(?:s|ed|ing)?)\b", re.I),
    "risk": re.compile(r"\b(risk factors?|predispos\w*)\b", re.I),
}
_OPPOSITE = {"up": {"down", "same"}, "down": {"up", "same"}, "same": {"up", "down", "differ", "linked"},
             "differ": {"same"}, "linked": {"same"}, "persist": {"stop"}, "stop": {"persist"},
             "all": {"some", "only", "none"}, "some": {"all", "none"}, "only": {"all", "same"}, "known": {"none"},
             "protects": {"risk"}, "risk": {"protects"}, "good": {"poor"}, "poor": {"good"},
             "positive": {"negative"}, "negative": {"positive"}}
# ("regardless of the partner drug" against "confined to melphalan")
_OPPOSITE["same"] = _OPPOSITE["same"] | {"only"}
_STRICT = {"all", "only"}  # must be said in the passage too
_QUANTITY_WORDS = re.compile(r"\b(more|less|fewer|greater|higher|lower|longer|shorter)\s+than\s+"
                             r"(?=[\d(]|half|a |one|two|three|four|five|ten|twice|\w+ (times|fold))|"
                             r"\b(at least|or more|or less|or longer|or higher|"
                             r"or greater|or lower|or worse|or better|no more than|up to|the most|most common(ly)?|"
                             r"only (?=\d|about|approximately|a few|one|two|three|four|five|six|seven|eight|"
                             r"nine|ten))\b",
                             re.I)
_NONE = re.compile(r"\b(no|none|neither|never|not any|no one)\b", re.I)


_NOT_SIGNIFICANTLY_AFTER = re.compile(r"(?i)(?:[^.;]|\.(?=\d)){0,80}?\b(?:but|though|although|yet)?\s*(?:not|non)[\s-]?"
                                      r"(?:statistically\s+)?significant")


def _claims(clause: str) -> set[str]:
    """The claim classes of a clause; a comparison a negation denies ("did not differ", "was not improved",
    "no significant difference") reads as "the same"."""
    text = _QUANTITY_WORDS.sub(" ", clause)
    found = set()
    for name, pattern in _CLAIMS.items():
        for m in pattern.finditer(text):
            denied = _neg(text[max(0, m.start() - 45):m.start()])
            if denied and name in ("up", "down", "differ", "linked"):
                found.add("same")
                if name in ("up", "down") and re.fullmatch(r"(?i)non-?significantly", denied.group(0)) \
                        and not text[max(0, m.start() - 45):m.start()][denied.end():].strip():
                    found.add(name)  # "nonsignificantly increased": a rise, not shown to be one
            elif denied and name == "all" and re.search(r"\bnot\s+$", text[:m.start()], re.I):
                found.add("some")
            else:
                found.add(name)
                if name == "only" and re.search(r"(?i)\bthe\s+$", text[:m.start()]):
                    found.add("all")  # "the only grade 3 events ... occurred with A": all of them did
                if name in ("up", "down") and _NOT_SIGNIFICANTLY_AFTER.match(text[m.end():]):
                    found.add("same")  # "higher with A, but not significantly": no difference shown either
    if re.match(r"\W*(?:In\s+)?[Aa]ll\s+\d[\d,]*\s+[a-z]", text):
        found.add("all")  # "All 157 specimens had ...": every one of them (not "in all 3 arms", a count)
    if _NONE.search(text):
        found.add("none")
    return found


def _claims_of_words(tokens: set[str]) -> set[str]:
    """The claim classes of a set of (stemmed) words."""
    return {name for name, pattern in _CLAIMS.items() if any(pattern.search(t) for t in tokens)}


def _claim_word(clause: str, kind: str) -> str:
    m = _CLAIMS[kind].search(_QUANTITY_WORDS.sub(" ", clause)) if kind in _CLAIMS else None
    return m.group(0) if m else kind
