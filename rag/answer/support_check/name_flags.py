"""The names of an answer sentence against its cited passages: drugs, genes, trials, diseases, outcomes and designs
must be in the passage by any name the synonym table or MeSH gives, else in the cited paper's title or elsewhere in
the paper (the flag says where); a trial given the other trial's drug, and two names swapped, are flagged."""

from __future__ import annotations

import functools
import math
import re

from ...lexical.names import name_shaped
from ...lexical.synonyms import synonym_alternatives
from .names import _DESIGNS, _OUTCOMES, _found_name, _Source, _trial_key, _trials, names
from .numbers import _quantities, _supports_number
from .passages import _Check, _content


def _name_flags(ctx: _Check) -> tuple[int, list[str], list[str]]:
    """Names: in the passage; else in the paper's title or elsewhere in the paper (noted); else flagged.
    (facts checked, flags, notes)."""
    where, texts, titles = ctx.where, ctx.texts, ctx.titles
    alternatives = synonym_alternatives(ctx.plain)
    source = _Source.of("\n".join(texts))
    outcome_or_design = re.compile(f"{_OUTCOMES.pattern}|{_DESIGNS.pattern}", re.I)
    trials = _trials(ctx.plain)
    named = names(ctx.plain)
    missing, notes = [], []
    for name in named:
        if _found_name(name, source, alternatives) or (ctx.value_spans and _OUTCOMES.fullmatch(name)):
            continue
        if _ROMAN_RANGE.fullmatch(name) and all(re.search(rf"\b{part}\b", "\n".join(texts))
                                                for part in re.split(r"[-–/]", name)):
            continue  # "stage I-II" where the passage says "stage I or stage II"
        found_in = ""
        for n, title in titles.items():
            if _found_name(name, _Source.of(title), alternatives):
                found_in = f"in the title of [{n}]"
                break
        if not found_in and not outcome_or_design.fullmatch(name):
            for n, paper in ctx.papers.items():
                if _found_name(name, _paper_source(paper), alternatives):
                    found_in = f"elsewhere in the paper of [{n}], not in the cited passage"
                    break
        swapped = _swapped_name(ctx, name, named, alternatives) if found_in else None
        if swapped:
            missing.append(f"{name} not in {where} (it says {swapped} there)")
        elif found_in:
            notes.append(f"{name}: {found_in}")
        elif (name in trials or _trial_key(name) is not None and _trial_key(name) in {_trial_key(t) for t in trials}) \
                and _trial_like(name):
            # A trial the cited sources do not name cannot be checked against them; one they name otherwise is wrong.
            others = sorted(_trials("\n".join(texts), asides=False) | _trials("\n".join(titles.values())))
            if others:
                missing.append(f"{name} not in {where} (it names {', '.join(others[:3])})")
            else:
                notes.append(f"{name}: no trial is named in {where}")
        else:
            missing.append(f"{name} not in {where}")
    return len(named), missing, notes


_ROMAN_RANGE = re.compile(r"(?:I{1,3}|IV|V)(?:[-–/](?:I{1,3}|IV|V))+")


def _swapped_name(ctx: _Check, name: str, named: list[str], alternatives: dict) -> str | None:
    """A drug the passage does not name (its paper or title does) where the passage sentence that holds the answer's
    figures (or, without figures, the one it follows nearly word for word) names another drug instead ("19.3 months
    with vemurafenib" where it says "19.3 months in the ipilimumab arm"): that other drug, or None."""
    if not name_shaped(name):
        return None
    figures = [q for q in _quantities(ctx.plain, sentence=True) if not q.loose]
    if figures:
        holders = [s for s in ctx.passages.sentences if all(_supports_number(q, s) for q in figures)]
    else:  # no figures: the passage sentence the answer follows nearly word for word
        words = ctx.answer_words - _content(name)
        total = math.fsum(ctx.passages.weight.get(t, math.log(2)) for t in words)
        holders = [s for s in ctx.ranked[:1] if total and ctx.passages.overlap(words, s) >= 0.75 * total]
    for s in holders:
        # (a drug by the one name rule, or by an INN stem: "dacarbazine", "cisplatin")
        others = [n for n in names(s) if name_shaped(n) or re.fullmatch(r"[a-z]{4,}(?:mab|nib|azine|platin|taxel|"
                                                                          r"rubicin|mide|leucel)", n.lower())]
        others = [n for n in others if n not in named and not _found_name(n, _Source.of(ctx.plain), alternatives)]
        if others:
            return others[0]
    return None


def _trial_like(name: str) -> bool:
    """A trial's name rather than a gene's or an antigen's ("KEYNOTE-024", "CheckMate 057", "PACIFIC"; not "MART-1",
    "CTLA-4", "MAGE-3": one digit after capitals)."""
    digits = re.search(r"\d+\s*$", name)
    return digits is None or len(digits.group(0).strip()) >= 2 or not name.split()[0].split("-")[0].isupper()


@functools.lru_cache(maxsize=64)
def _paper_source(text: str) -> _Source:
    return _Source.of(text)
