"""The named things of a sentence (drugs, genes, codes, trials, MeSH diseases and chemicals, outcomes, designs) and
whether a passage names them, by any name the synonym table or MeSH gives or as an abbreviation's words."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...lexical.mesh import GENERIC_DESCRIPTORS, TUMOUR_HEAD, mentions as mesh_mentions
from ...lexical.names import name_shaped
from ...lexical.synonyms import synonym_alternatives
from ...lexical.tokens import compact_tokens, normalize, tokenize, words
from .numbers import _NAMED_NUMBER
from .passages import _content, _tok, _us


# Units of a dose or a concentration ("mg/m2", "IU/kg", "mg/ml").
_UNIT = re.compile(r"(?i)(?:mg|g|µg|mcg|ug|ng|iu|miu|mu|ml|l|mmol|kg|m2)(?:/(?:kg|m2|ml|l|dl|day|d|h|week|wk))+")
_PROPER = re.compile(r"(?<=[a-z0-9,;)] )([A-Z][a-z]{3,}(?:-[A-Za-z]+)?"
                     r"(?:(?:\s+(?:and|of|for|the|de|van|von))*\s+[A-Z][a-z]+(?:-[A-Za-z]+)?)*)\b")
_NOT_PROPER = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
               "phase", "grade", "stage", "table", "figure", "type", "group", "arm", "patients", "although",
               "however", "while", "whereas", "because", "these", "this", "that", "those", "with", "among", "after"}
# Labels of the numbers they precede (the numbers are checked): not names of their own.
_LABELS = {"HR", "OR", "RR", "CI", "IQR", "SD", "SE", "SEM", "vs", "N", "n"}
# A trial named by its acronym: "In PACIFIC, ...", "the START trial", "CheckMate 057".
_TRIAL_NAME = re.compile(r"\b(?:[Ii]n (?:the )?|[Tt]he )([A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:[ -]\d{1,4})?)"
                         r"(?=,| (?:trial|study|analysis|cohort)\b)|\b([A-Z][a-z]+[A-Z][A-Za-z]*|"
                         r"[A-Z]{4,})[ -](\d{1,4})\b(?![.,]\d)")
# Outcomes and designs a sentence may claim: they must be in the passage itself (not only elsewhere in the paper).
_OUTCOMES = re.compile(r"\b(overall survival|progression-free survival|disease-free survival|event-free survival|"
                       r"relapse-free survival|recurrence-free survival|metastasis-free survival|quality of life|"
                       r"(objective|overall|complete|partial|pathological complete) response)\b", re.I)
_DESIGNS = re.compile(r"\b(intravenous(?:ly)?|subcutaneous(?:ly)?|intradermal(?:ly)?|intranodal(?:ly)?|"
                      r"intratumou?ral(?:ly)?|intramuscular(?:ly)?|intraperitoneal(?:ly)?|orally|randomi[sz]ed|retrospective(ly)?|prospective(ly)?|double-blind|placebo-controlled|"
                      r"meta-analys[ie]s|phase (?:I{1,3}|[1-3])(?:/(?:I{1,3}|[1-3]))?[ab]?)\b", re.I)
# A disease by its kind: "colorectal cancer", "mantle cell lymphoma" (the words before the head that say which).
_DISEASE = re.compile(r"\b((?:(?:[\w-]+(?:al|ar|ic|ous|ary|oid|ial|ine|ile|ian|eal|ular|cell|cytic)|"
                      r"breast|lung|prostate|bladder|skin|colon|liver|kidney|head and neck|neck|brain|bone|thyroid|"
                      r"stomach|mantle|hodgkin|"
                      r"non-hodgkin|b-cell|t-cell|small-cell|non-small-cell|cell|merkel|mast)\s+){1,4})"
                      rf"({TUMOUR_HEAD})\b", re.I)
_DISEASE_MODIFIERS = set("""a an the of in with and or for to on at by from as advanced metastatic recurrent refractory
relapsed resected unresectable untreated previously treated pretreated early late stage locally primary secondary
patients patient common rare high-risk low-risk high low grade all other most these those their its this that some many
several both either each any various different""".split())


@functools.lru_cache(maxsize=4096)
def _mesh_terms(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(descriptor token, the term's compact tokens) for each MeSH disease or chemical term the text names."""
    return tuple(mesh_mentions(text))


def names(sentence: str) -> list[str]:
    """The named things of a sentence: acronyms and codes, trials with their number, drugs by the name rule,
    synonym-table names, MeSH diseases and chemicals of more than one word, outcomes and designs."""
    table = synonym_alternatives(sentence)
    out: list[str] = []
    text = normalize(sentence)
    for m in _NAMED_NUMBER.finditer(text):
        out.append(m.group(0))  # as written: "KEYNOTE-010", "CheckMate 057"
    in_trial = {w for n in out for w in re.split(r"[\s-]", n)} | set(out)
    for i, word in enumerate(words(sentence)):
        w = word.strip("-/")
        if len(w) < 2 or w in in_trial or any(part in in_trial for part in w.split("-")) or w in _LABELS \
                or re.fullmatch(r"\d[\d.]*-(NR|NA|NE|NC)", w):  # "6.7–NR": a bound not reached, not a name
            continue
        # "CD19", "IL-2", the clone "22C3"; not "1,000-fold"
        coded = w[0].isalpha() and any(c.isdigit() for c in w) or bool(re.fullmatch(r"\d+[A-Z]+\d+[A-Za-z0-9]*", w))
        acronym = sum(c.isupper() for c in w) >= 2
        toks = tokenize(w)
        known = bool(toks) and toks[0] in table and w[0].isupper() and i > 0  # "Keytruda", not "survival"
        shaped = name_shaped(w) or name_shaped(w.split("-")[0])  # "sipuleucel-T"
        if _UNIT.fullmatch(w):
            continue  # "mg/m2", "IU/kg": a unit of the dose it follows
        if (coded or acronym or shaped or known) and w not in out:
            out.append(w)
    # A proper noun in the middle of a sentence ("measured with the Oncomine assay", "in Europe").
    for m in _PROPER.finditer(text):
        w = m.group(1)
        w = re.sub(r"^(?:(?:" + "|".join(map(re.escape, sorted(_NOT_PROPER, key=len, reverse=True))) + r")\b\s*)+", "",
                   w, flags=re.I)
        if len(w) > 3 and w not in out and w.lower() not in _NOT_PROPER and not any(w in n for n in out):
            out.append(w)
    for token, key in _mesh_terms(text):
        if token in GENERIC_DESCRIPTORS or (len(key) < 2 and len(key[0]) < 6):
            continue
        phrase = _phrase(text, key)
        if phrase and not any(phrase.lower() in n.lower() or n.lower() in phrase.lower() for n in out):
            out.append(phrase)
    for m in _DISEASE.finditer(text):  # "colorectal cancer", "mantle cell lymphoma"
        kept = [w for w in m.group(1).split() if w.lower() not in _DISEASE_MODIFIERS and _content(w)]
        phrase = " ".join(kept + [m.group(2)])
        if kept and not any(phrase.lower() in n.lower() or n.lower() in phrase.lower() for n in out):
            out.append(phrase)
    for pattern in (_OUTCOMES, _DESIGNS):
        for m in pattern.finditer(text):
            if m.group(0) not in out:
                out.append(m.group(0))
    return out


def _phrase(text: str, key: tuple[str, ...]) -> str:
    """The words of the text that a MeSH term's compact tokens came from."""
    ws = words(text)
    toks = [compact_tokens(w) for w in ws]
    flat = [(i, t) for i, ts in enumerate(toks) for t in ts]
    for j in range(len(flat) - len(key) + 1):
        if tuple(t for _, t in flat[j:j + len(key)]) == key:
            return " ".join(ws[flat[j][0]:flat[j + len(key) - 1][0] + 1])
    return ""


def _initials(text: str) -> set[str]:
    """Every run of word initials of a text ("hazard ratio" -> "hr"; "non-small-cell lung cancer" -> "nsclc"):
    where an abbreviation is spelled out."""
    parts = [p for p in re.split(r"[\s\-/]+", normalize(text).lower()) if p and p[0].isalnum()]
    out = set()
    # (and without the small words: "Food and Drug Administration" -> "fda")
    for letters in ([p[0] for p in parts], [p[0] for p in parts if p not in ("and", "of", "for", "the", "in")]):
        for i in range(len(letters)):
            for n in range(2, 7):
                if i + n <= len(letters):
                    out.add("".join(letters[i:i + n]))
    return out


@dataclass
class _Source:
    """Where a name may be found: the passage (tokens, spelled-out abbreviations, MeSH descriptors)."""

    tokens: set[str]
    initials: set[str]
    mesh: set[str]
    compact: str
    text: str = ""

    @classmethod
    def of(cls, text: str) -> "_Source":
        text = re.sub(r"α(?=[A-Z])", "anti-", _us(text))  # "αPD-1": anti-PD-1
        compact = " " + " ".join(compact_tokens(text)) + " "
        if "-" in text:  # "event free survival" and "event-free survival" alike
            compact += "| " + " ".join(compact_tokens(text.replace("-", " "))) + " "
        return cls(set(tokenize(text)), _initials(text), {t for t, _ in _mesh_terms(normalize(text)[:200000])},
                   compact, text)


# A route of administration by its abbreviations ("intravenously": "i.v.", "IV").
_ROUTES = [(re.compile(r"(?i)intravenous"), re.compile(r"\b(?:[Ii]\.[Vv]\.|IV)(?![\w-])|(?i:intravenous)")),
           (re.compile(r"(?i)subcutaneous"), re.compile(r"\b(?:[Ss]\.[Cc]\.|SC|SQ)(?![\w-])|(?i:subcutaneous)")),
           (re.compile(r"(?i)intramuscular"), re.compile(r"\b(?:[Ii]\.[Mm]\.|IM)(?![\w-])|(?i:intramuscular)")),
           (re.compile(r"(?i)intraperitoneal"), re.compile(r"\b(?:[Ii]\.[Pp]\.|IP)(?![\w-])|(?i:intraperitoneal)")),
           (re.compile(r"(?i)intradermal"), re.compile(r"\b(?:[Ii]\.[Dd]\.|ID)(?![\w-])|(?i:intradermal)")),
           (re.compile(r"(?i)orally"), re.compile(r"\b(?:[Pp]\.[Oo]\.|PO)(?![\w-])|(?i:\boral\b|by mouth)"))]


# Abbreviations no initials spell out (the letters come from inside one word): "FDG" for fludeoxyglucose.
_INNER_ABBREVIATIONS = {"fdg": ("fludeoxyglucose", "fluorodeoxyglucose", "fluoro-2-deoxy-d-glucose")}


def _found_name(name: str, where: _Source, alternatives: dict[str, list[tuple[str, ...]]]) -> bool:
    route = next((said for word, said in _ROUTES if word.match(name)), None)
    return route is not None and route.search(where.text) is not None or _found_as_written(name, where, alternatives)


def _found_as_written(name: str, where: _Source, alternatives: dict[str, list[tuple[str, ...]]]) -> bool:
    toks = _tok(name)
    if not toks:
        return True
    if re.fullmatch(r"[A-Z]{2,}s", name) and _found_name(name[:-1], where, alternatives):
        return True  # "DCs": the plural of "DC"
    if " " in name.strip() or len(toks) > 1 and not re.search(r"[-/]", name):
        # A phrase (a disease, an outcome, a trial with its number): the same MeSH descriptor, all its words, or its
        # abbreviation.
        mesh = [t for t, key in _mesh_terms(name) if len(key) > 1]
        if mesh and all(m in where.mesh for m in mesh):
            return True
        keys = {" " + " ".join(compact_tokens(n)) + " " for n in (name, name.replace("-", " "))} - {"  "}
        if any(k in where.compact for k in keys):  # ("event-free survival" as "event free survival")
            return True
        if _trial_key(name):
            return _trial_key(name) in _trial_keys(where.text)
        if "".join(w[0] for w in re.split(r"[\s\-/]+", name.lower()) if w) in where.tokens:
            return True
        if "".join(w[0] for w in re.split(r"[\s\-/]+", name.lower())
                   if w and w not in ("and", "of", "for", "the", "de", "van", "von")) in where.tokens:
            return True  # "Food and Drug Administration" for "FDA"
        return all(t in where.tokens or any(set(alt) <= where.tokens for alt in alternatives.get(t, [])) for t in toks)
    if toks[0] in where.tokens:  # the joined form ("pdl1") or the word itself
        return True
    if any(set(alt) <= where.tokens for alt in alternatives.get(toks[0], [])):
        return True
    if any(set(_tok(spelled)) <= where.tokens for spelled in _INNER_ABBREVIATIONS.get(name.lower(), ())):
        return True
    mesh = [t for t, _ in _mesh_terms(name)]
    if mesh and all(m in where.mesh for m in mesh):
        return True
    plain = re.sub(r"[^a-z]", "", name.lower())
    joined = re.sub(r"[^a-z0-9]", "", name.lower())
    if len(joined) >= 4 and re.search(r"\d", joined) and re.search(r"[a-z]", joined) and joined in where.compact:
        return True  # "G12C" in "KRASG12C"
    if (name.isupper() or sum(c.isupper() for c in name) >= 2) and not re.search(r"\d", name) and len(plain) >= 3:
        # "ORR" for "objective response rate", "NSCLC" for "non-small-cell lung cancer" (not a gene such as "CD8":
        # two letters and a digit are spelled out by nothing)
        if plain in where.initials:
            return True
        if plain.endswith("s") and len(plain) >= 4 and plain[:-1] in where.initials:  # "AEs", "TKIs"
            return True
    if len(plain) >= 3 and re.fullmatch(r"[A-Za-z]+-?\d+", name) and joined in where.initials:
        return True  # "CTLA-4" for "cytotoxic T-lymphocyte antigen-4"
    return _found_in_parts(name, where, alternatives)


def _found_in_parts(name: str, where: _Source, alternatives: dict[str, list[tuple[str, ...]]]) -> bool:
    """A name written in parts the passage may write apart or by other names."""
    # "PD-1/CD274", "anti-CD19": each part by itself, as the passage may write them apart or by another name.
    parts = [part for part in re.split(r"/", name) if len(part) > 1]
    if len(parts) > 1:
        return all(_found_name(part, where, alternatives) for part in parts)
    m = re.fullmatch(r"(?i)(anti|non)-?(.+)", name)
    if m and len(m.group(2)) > 1:
        return _found_name(m.group(2), where, alternatives)
    # "FDG-PET", "PET-CT": abbreviations joined by a hyphen, each by itself (the passage may spell one out).
    parts = name.split("-")
    if len(parts) > 1 and all(re.fullmatch(r"[A-Z]{2,}s?", part) for part in parts):
        return all(_found_name(part, where, alternatives) for part in parts)
    # "PD-L1-positive", "TCR-transduced", "G12C-mutant": the name before a plain word.
    m = re.fullmatch(r"(.+?)-([a-z]+)", name)
    if m and len(m.group(1)) > 1:
        return _found_name(m.group(1), where, alternatives)
    return False


def _trials(text: str, asides: bool = True) -> set[str]:
    """The trials a text names ("CheckMate 057", "the DETERMINE study", "(START)" in a title; with ``asides``
    False, not an acronym in parentheses, which in a passage is mostly an abbreviation: "(NSCLC)")."""
    out = {(m.group(1) or f"{m.group(2)} {m.group(3)}").strip() for m in _TRIAL_NAME.finditer(normalize(text))}
    if asides:
        out |= {m.group(1) for m in re.finditer(r"\(([A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:[ -]\d{1,4})?)\)", text)
                if not re.fullmatch(r"[A-Z]{1,3}\d*", m.group(1))}
    return out


def _trial_key(name: str) -> tuple[str, int] | None:
    """("keynote", 10) for "KEYNOTE-010", "KEYNOTE 10" and "Keynote-010"."""
    m = re.fullmatch(r"\s*([A-Za-z][A-Za-z]+)[\s-]*0*(\d{1,4})\s*", name)
    return (m.group(1).lower(), int(m.group(2))) if m else None


@functools.lru_cache(maxsize=256)
def _trial_keys(text: str) -> frozenset[tuple[str, int]]:
    return frozenset((m.group(1).lower(), int(m.group(2)))
                     for m in re.finditer(r"\b([A-Za-z][A-Za-z]+)[ -]?0*(\d{1,4})\b", normalize(text)))
