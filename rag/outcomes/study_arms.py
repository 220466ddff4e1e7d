"""A study's arms as its methods (or its title) name them, with the abbreviations and labels the text gives them
("ABCP", "group 1", "the combination group"), and the doses that set arms of one drug apart. A study that is no
trial names its groups as groups.py reads them; an arm's name is cleaned in arm_names.py, a list cut into its arms in
arm_lists.py."""

from __future__ import annotations

import re

from .arm_lists import _join_drug_lists, _named_in_words, _word_labels
from .arm_names import (NUMBERED_LABEL, WORD_LABEL_MARK, _ABBREVIATION, _COMBINATION_ARM, _DOSE_AMOUNT, _DOSED, _DRUG,
                        _DRUG_VS, _I, _NOT_ARM, _ROLE_GROUP, _TREATMENT_LIKE, _VERSUS, _abbreviated, _clean_arm,
                        _doses_of_one_drug, _drop_parentheses, _group_arm, _group_names, _kept_apart,
                        _shared_tail_dropped, _spell_out, _words)
from .groups import (_compared_cohorts, _defined_cohorts, _grouped_by, _received_one_of, _sized_groups, _users,
                     labelled_arms)


# The arms of a comparison: what follows "randomly assigned ... to receive" up to the sentence's end, split at
# "or" and commas, each cut before its dose and schedule; or the two sides of the title's "X versus Y".
_ASSIGN = re.compile(r"\b(?:randomly |randomised |randomized )?(?:assigned|allocated|"
                     # (not the "to" of a verb: "adults who were expected to need ventilation ... to X or Y")
                     r"randomi[sz]ed)\b(?:[^.;]{0,120}?\b(?<!expected )(?<!likely )(?<!able )(?<!due )(?<!going )to |"
                     r"[^.;]{0,220}?\bto (?=(?:intravenously |orally )?receive |either |be treated with ))"
                     r"(?:(?:intravenously |orally )?receive |either |be treated with |treatment with )*|"
                     # a structured abstract's list of what each group got: "Interventions: A single oral dose of
                     # tabernelin 20 mg (n=94), 8 mg (n=92) or 1 mg (n=93; control)"
                     # (not one that says how they were assigned: the assignment is read as such)
                     r"(?<![\w-])(?-i:Interventions?):\s+(?![^.]{0,60}\b(?:randomi[sz]ed|assigned|allocated)\b)"
                     r"(?:(?:a |an )?(?:single |one )?(?:oral |intravenous )?(?:dose|infusion|course)s? of |"
                     r"(?:patients|participants) (?:received|were given) )?", _I)


def _arms_not_randomized(text: str, groups: list[str], title_arms: list[str]) -> tuple[list[str], dict[str, str]]:
    """The groups a study that is no trial compares: those its results name, the cohorts its methods compare, the
    title's "X versus Y", or the one comparison it describes."""
    named = [g for g in groups if not _ROLE_GROUP.match(g)]
    if len(named) >= 2:
        # "the combination group" beside "the doxorubicin-plus-trabectedin group": a role, not another arm
        return named[:4], {}
    if len(groups) >= 2:
        return groups[:4], {}
    cohorts = _compared_cohorts(text)
    if cohorts:
        return cohorts
    labelled = labelled_arms(text)  # "Cohort A comprised patients who received SRS ...; cohort B ..."
    if len(set(labelled.values())) >= 2:
        return _spell_out(list(dict.fromkeys(labelled.values()))[:4], labelled)
    defined = _defined_cohorts(text) or _grouped_by(text)
    if defined:
        return defined, {}
    users = _users(text)
    if users:
        return users, {}
    arms = [a for a in (_clean_arm(t) for t in title_arms) if 2 <= len(a) <= 60 and not _NOT_ARM.match(a)]
    pairs = _compared_pairs(text)
    # "Another trial ... compared gemcitabine plus carboplatin with carboplatin."
    sizes = [[_clean_arm(x) for x in _sized_pair(m)] for m in _GROUP_SIZES.finditer(text)]
    aliases: dict[str, str] = {}
    if len(arms) < 2 and len(pairs) + len(sizes) == 1:
        # (one comparison: a review's several are read a sentence at a time)
        arms = pairs[0][0] if pairs else sizes[0]
        aliases = {alias: arms[at] for alias, at in pairs[0][1].items()} if pairs else {}
    if len(arms) < 2:
        # the groups it counts: "(3,391 axi-cel, 1,715 tisa-cel)" (a comparison it names says more: "comparing
        # inactivated influenza vaccine with placebo" over "(4510 vaccinated, 4491 controls)")
        arms = _sized_groups(text)
    if len(arms) < 2:
        arms, aliases = _received_one_of(text)
    return (arms[:4], aliases) if len(arms) >= 2 else ([], {})  # the title's "X versus Y"


def _the_same(part: str, arm: str, first: str) -> str:
    """An arm named by the first: "the same radiotherapy alone" -> "short-course radiotherapy" (the first arm's words
    up to that treatment), "the same regimen plus romiplostim" -> the first arm plus romiplostim."""
    same = re.match(r"\s*(?:to\s+)?(?:the\s+)?same\s+(?P<x>[\w-]+)(?P<rest>.*)$", part, re.S | _I)
    if not same:
        return arm
    x, rest = same.group("x"), _clean_arm(same.group("rest"))
    if x.lower() in ("regimen", "treatment", "therapy", "schedule", "combination"):
        return f"{first} {rest}".strip() if rest.lower().startswith(("plus ", "with ")) else first
    earlier = re.match(rf"(.*?\b{re.escape(x)})\b", first, _I)
    return earlier.group(1) if earlier and not rest else arm


def _part_name(part: str, i: int, arm: str, aliases: dict[str, int]) -> str:
    """The name of the methods' ``i``-th arm, ``part`` as written and ``arm`` cleaned: a sequence by its label or as
    a sequence, a name too long to read by its abbreviation."""
    named = [alias for alias, at in aliases.items() if at == i and not _ROLE_GROUP.match(alias)
             and not re.fullmatch(r"(?:group|arm|cohort) \w+", alias, _I)]
    steps = [_clean_arm(x) for x in re.split(r"\s+followed by\s+", part, maxsplit=1, flags=_I)]
    if named and re.search(r"\bfollowed by\b|\bthen\b", part, _I):
        # "SABR to all sites followed by maintenance therapy (SABR arm)": a sequence, named by its label
        arm = named[0]
    elif len(steps) == 2 and all(steps) and i > 0 and len(" followed by ".join(steps)) <= 60:
        # "GnP for four months followed by mFOLFIRINOX (arm 3)" beside "gemcitabine plus nab-paclitaxel (GnP; arm
        # 2)": the sequence, not its first part
        arm = " followed by ".join(steps)
    if len(arm) > 60:
        arm = next((short for alias, at in aliases.items() if at == i
                    for short in [_abbreviated(arm, alias)] if short), arm)
    if len(arm) > 60 and named and re.fullmatch(r"[A-Za-z][\w+/-]{1,11}", named[0]):
        # "a modified regimen of fluorouracil, leucovorin, irinotecan, and oxaliplatin (mFOLFIRINOX; group 3)": too
        # long to read as a name, named by the abbreviation the text gives it
        arm = named[0]
    label = [alias for alias, at in aliases.items() if at == i and re.fullmatch(NUMBERED_LABEL, alias)]
    if len(arm) > 60 and label:
        arm = label[0]  # "a 4-month regimen of rifampicin, isoniazid, pyrazinamide and moxifloxacin (regimen A)"
    return arm


def arms_with_aliases(title: str, text: str, design: str) -> tuple[list[str], dict[str, str]]:
    """The arms of a comparison as the methods (or the title) name them, and their abbreviations (ABCP -> arm) and
    labels ("group 1", "the nivolumab-alone group", "the combination group" -> arm). A text that reports no trial of
    its own still names its groups ("7.7 months in the tremelimumab group and 7.3 months in the placebo group")."""
    groups = _group_names(text)
    head = re.split(r"\s+(?:in|for|among|as|after|on)\s+|[:;(]", title or "")[0]
    title_arms = re.split(r",?\s+(?:or|versus|vs\.?|compared with)\s+", head, flags=_I) \
        if re.search(r"\b(?:versus|vs\.?|compared with)\s", head, _I) else []
    if design not in ("randomized", "single-arm"):
        return _arms_not_randomized(text, groups, title_arms)
    labelled = labelled_arms(text)
    if len(set(labelled.values())) >= 2:
        return _spell_out(list(dict.fromkeys(labelled.values()))[:4], labelled)
    candidates = _candidates(text, title_arms)
    spelled = {}
    for parts, aliases in candidates:
        for alias, at in aliases.items():
            name = _clean_arm(parts[at]) if at < len(parts) else ""
            if name and re.search(r"[A-Za-z]{2}", name) and not _NOT_ARM.match(name):  # (not "to", "5 ×")
                spelled[alias.lower()] = name
    methods: tuple[list[str], dict[str, str]] = ([], {})
    for parts, aliases in candidates:
        named_in_words = _word_labels(text, aliases, parts)
        aliases = {k: v for k, v in aliases.items() if not k.startswith(WORD_LABEL_MARK)}
        parts = _doses_of_one_drug(_shared_tail_dropped(parts))
        arms, alias_of, part_of = [], {}, []
        cleaned = [_clean_arm(part) for part in parts]
        collapsed = {c.lower() for c in cleaned if c and sum(d.lower() == c.lower() for d in cleaned) > 1}
        # (also one drug's name within another's, both parts dosed: "adjunctive arbacetam 60 mg/day, arbacetam 30
        # mg/day"; not a combination and one of its drugs)
        words = [set(c.lower().split()) for c in cleaned]
        single = [bool(c) and _DOSED.search(p) is not None and not _COMBINATION_ARM.search(c)
                  for c, p in zip(cleaned, parts, strict=True)]
        collapsed |= {c.lower() for i, c in enumerate(cleaned) if single[i]
                      and any(j != i and single[j] and (words[i] <= words[j] or words[j] <= words[i])
                              for j in range(len(cleaned)))}
        for i, part in enumerate(parts):
            arm = _part_name(part, i, cleaned[i], aliases)
            if i and arms:
                arm = _the_same(part, arm, arms[0])
            if arm.lower() in collapsed:
                arm = _kept_apart(arm, part)
            if 2 <= len(arm) <= 60 and re.search(r"[A-Za-z]{2}", arm) and not _NOT_ARM.match(arm) \
                    and not re.fullmatch(r"[a-z]{1,2}", arm) \
                    and arm.lower() not in (a.lower() for a in arms):
                arms.append(arm)
                part_of.append(i)
                for alias, at in aliases.items():
                    if at == i:
                        alias_of[alias] = arm
        if named_in_words and len(parts) == len(named_in_words) \
                and all(i in part_of for i, label in enumerate(named_in_words) if label):
            # (only while each labelled part is still the arm it was: not when a part was dropped or merged, "X, an
            # anti-IL-6 antibody (active drug), or placebo (dummy drug)")
            arms, alias_of = _named_in_words(arms, alias_of, [named_in_words[i] for i in part_of], cleaned)
        if len(arms) >= 2:
            methods = (arms[:4], alias_of)
            break
    if len(groups) >= 2:
        # The results' groups are the methods' arms when each can be told which ("the ABCP group", "the
        # nivolumab-alone group", "the combination-therapy group"); else the groups are the arms, as the results name
        # them.
        arms, alias_of = methods
        mapped = {g: _group_arm(g, arms, spelled) for g in groups}
        unmapped, unused = [g for g in groups if not mapped[g]], [a for a in arms if a not in mapped.values()]
        if len(unmapped) == 1 and len(unused) == 1 and (
                _ROLE_GROUP.match(unmapped[0]) or len(groups) == len(arms) == 2
                and _TREATMENT_LIKE.search(unused[0])
                and not re.search(r"(?:^|\s)(?:either|or|and|plus|with)$", unused[0])):
            # "the standard-therapy group": the one arm left; "the radiation group" beside "the control group" (no
            # further therapy) in a trial of PCI (not an arm the methods were misread into: "... plus either")
            mapped[unmapped[0]] = unused[0]
        if arms and all(mapped.values()):
            # An arm no group stands for is kept when it names a treatment (not "web response system").
            # (or when the methods gave it a short name: "(Pred+NAC)")
            arms = [a for a in arms if a in mapped.values() or re.search(_DRUG, a, _I) or a in alias_of.values()]
            return _spell_out(arms, {**{k: v for k, v in alias_of.items() if v in arms},
                                     **{g: a for g, a in mapped.items() if g.lower() != a.lower()}})
        shared = [g for g in unmapped if sum(bool(_words(g)) and _words(g) <= _words(a)
                                            and bool(re.search(_DOSE_AMOUNT, a, _I)) for a in arms) >= 2]
        if shared and len(shared) == len(unmapped) and len(arms) > len(groups):
            # "with RTM 1 mg, ... with RTM 2 mg and ... with placebo": the results' group is the drug, the methods'
            # arms its doses
            return _spell_out(arms, alias_of)
        # "the radiation-alone arm" beside "the radiation therapy arm": one group, named twice
        shorter = {g: longer for g in groups for longer in groups
                   if longer.lower().startswith(g.lower() + " ") and not _COMBINATION_ARM.search(longer)}
        groups = [g for g in groups if g not in shorter]
        return _spell_out([spelled.get(g.lower(), g) for g in groups][:4],
                          {**{g: spelled[g.lower()] for g in groups if g.lower() in spelled}, **shorter})
    # (a cohort study read as a trial by its words: "not yet tested in randomised trials", "phase")
    cohorts = None if methods[0] else _compared_cohorts(text)
    return cohorts or _spell_out(*methods)


# (the arm may be a combination, the added drug described first: "camrelizumab plus chemotherapy with or without the
# anti-TIGIT antibody vebrelimab")
_WITH_OR_WITHOUT = re.compile(r"(?P<x>[\w-]+(?: (?:plus|\+) [\w-]+)*) with or without (?:the |an? )?"
                              r"(?:[\w-]+ (?:antibody|inhibitor|agonist|antagonist|conjugate|vaccine) )?"
                              r"(?P<y>[\w-]+(?: (?!or\b|and\b)[\w-]+){0,2})", _I)
# "compared BR versus FCR as first-line therapy", "compared ofatumumab plus chlorambucil with chlorambucil alone"
# (read with the parentheses dropped: "compared X (experimental arm) with Y"; X may be long before its schedule is cut)
_COMPARED_PAIR = re.compile(r"\bcompar(?:ed|ing) (?!with\b|to\b|versus\b|vs\b|between\b)(?:the )?"
                            r"(?P<a>[^,;.()]{2,120}?) "
                            r"(?:with|to|versus|vs\.?) (?:the )?"
                            r"(?P<b>[^,;.()]{2,90}?)(?=\s*(?:[.;,(\[]|\b(?:as|in|for|among|after|at)\b|$))|"
                            # "the efficacy of FOLFOX-4 were compared with the same 5-FU/LV regimen without oxaliplatin"
                            r"\b(?:efficacy|effects?|outcomes?|results|safety) of (?P<pa>[^,;.()]{2,60}?) (?:was|were) "
                            r"compared (?:with|to) (?:the same |a )?(?P<pb>[^,;.()]{2,90}?)"
                            r"(?=\s*(?:[.;,(\[]|\b(?:as|in|for|among|after|at|without|administered|given)\b|$))|"
                            # "..., tivozanib was compared with sorafenib.": a clause's subject, compared
                            r"(?:^|[,;:]\s*)(?P<qa>[A-Za-z][\w+/-]*(?: (?:plus|and|\+|with) [\w+/-]+)?) (?:was|were) "
                            r"compared (?:with|to|versus) (?:the |a )?(?P<qb>[^,;.()]{2,90}?)"
                            r"(?=\s*(?:[.;,(\[]|\b(?:as|in|for|among|after|at|without|administered|given)\b|$))|"
                            # "evaluated the efficacy of a high-dose MVAC regimen ... versus a classic MVAC regimen"
                            r"\b(?:efficacy|effects?|safety) of (?:the |a |an )?(?P<va>[^,;.()]{2,120}?) "
                            r"(?:versus|vs\.?) (?:the |a |an )?(?P<vb>[^,;.()]{2,90}?)"
                            r"(?=\s*(?:[.;,(\[]|\b(?:as|in|for|among|after|at|without|administered|given)\b|$))", _I)
# "compared the BTK inhibitors acalabrutinib and ibrutinib": two drugs of a class, compared
_COMPARED_CLASS = re.compile(rf"\bcompar(?:ed|ing) (?:the )?(?:[\w-]+ ){{0,3}}?(?:inhibitors|agents|drugs|antibodies|"
                             rf"regimens|vaccines) (?P<a>{_DRUG}) and (?P<b>{_DRUG})\b", _I)


def _compared_pairs(text: str) -> list[tuple[list[str], dict[str, int]]]:
    """The treatments a text compares ("compared X with Y", "compared sunitinib with either A or B"), each cleaned,
    with the abbreviations the text gives them in brackets ("bendamustine and rituximab (BR)") by the arm's index."""
    out = []
    for m in _COMPARED_PAIR.finditer(_drop_parentheses(text)[0]):
        if re.search(r"\b(?:patients|those|who|participants)\b", m.group(0), _I):
            continue  # "compared patients treated with the MEK inhibitor with those who received chemotherapy"
        parts = [m.group("a") or m.group("pa") or m.group("qa") or m.group("va")] + re.split(
            r"^either\s+|\s+or\s+", m.group("b") or m.group("pb") or m.group("qb") or m.group("vb"))
        arms = [_clean_arm(p) for p in parts if p.strip()]
        if len(arms) >= 2 and all(2 <= len(a) <= 60 and _TREATMENT_LIKE.search(a) and not _NOT_ARM.match(a)
                                  and not re.match(r"(?:one|any|each|all|some|several|two|three)\b|"
                                                   r"(?-i:it|them|this|these|those|they)\b", a, _I)
                                  # (a clause, not a treatment: "comparing it with surgery remains scarce")
                                  and not re.search(r"\s(?:remains?|seems?|appears?|is|are|was|were)\s+\w+$", a, _I)
                                  and not re.search(r"\b(?:patients|survival|outcomes?|rates?|results|compar\w*|"
                                                    r"OS|PFS|EFS|DFS|FFS|RFS|ORR)\b", a, _I)
                                  for a in arms):
            aliases = {}
            for at, arm in enumerate(arms):
                abbreviation = re.search(rf"(?<![\w-]){re.escape(arm)}\s*\(({_ABBREVIATION})[),;]", text)
                if abbreviation:
                    aliases[abbreviation.group(1)] = at
            if [a.lower() for a in arms] not in ([a.lower() for a in x] for x, _ in out):  # the same pair again
                out.append((arms, aliases))
    for m in _COMPARED_CLASS.finditer(text) if "ompar" in text or "OMPAR" in text else ():
        arms = [m.group("a"), m.group("b")]
        if arms[0].lower() != arms[1].lower() and [a.lower() for a in arms] not in ([a.lower() for a in x]
                                                                                   for x, _ in out):
            out.append((arms, {}))
    return out


_DOSE = r"(?:\d+(?:[.·]\d+)?\s?(?:mg/kg|mg/m2|mg|µg|μg|g)\b|every \d+ (?:weeks|days)|once (?:daily|weekly)|twice daily)"
# "patients receiving pembrolizumab every 2 weeks", "patients who received 10 mg of tarlatamab"
_DOSE_GROUP = re.compile(rf"\b(?:patients|those|participants)(?: who were| who)? (?:receiving|received|treated with|"
                         rf"given) (?:(?P<d>{_DRUG})(?: at(?: a dose of)?)? (?P<q>{_DOSE})|"
                         rf"(?P<q2>{_DOSE}) (?:of )?(?P<d2>{_DRUG}))", _I)


def dose_arms(text: str, arms: list[str]) -> list[str]:
    """The arms with an arm the text splits by dose or schedule written out ("pembrolizumab" -> "pembrolizumab every 2
    weeks", "pembrolizumab every 3 weeks"), in the order the text names them."""
    if "receiv" not in text and "treated" not in text and "given" not in text:
        return arms
    by_drug: dict[str, list[str]] = {}
    for m in _DOSE_GROUP.finditer(text):
        drug, dose = (m.group("d"), m.group("q")) if m.group("d") else (m.group("d2"), m.group("q2"))
        name = f"{drug} {dose}"
        names = by_drug.setdefault(drug.lower(), [])
        if name.lower() not in (n.lower() for n in names):
            names.append(name)
    out: list[str] = []
    for arm in arms:
        split = by_drug.get(arm.lower(), [])
        out += split if len(split) >= 2 else [arm]
    out = list(dict.fromkeys(out))
    if len(out) <= len(arms) or all(a in arms for a in out):
        return arms

    def first(arm: str, start: int = 0) -> int:  # where the text first names the arm as the patients given it
        m = re.compile(rf"\b(?:patients|those|participants)(?: who were| who)? (?:receiving|received|treated with|"
                       rf"given) {re.escape(arm)}\b", _I).search(text, start)
        return m.start() if m else len(text)

    # The order of the list that names the dose groups (not of an earlier sentence that names one arm)
    start = max(0, min(first(a) for a in out if a not in arms) - 200)
    return sorted(out, key=lambda a: (first(a, start), out.index(a)))[:4]



_GIVEN = r"\d+ (?:patients |participants )?(?:were )?(?:treated with|received|receiving|given|assigned to|underwent)"
# "(12 treated with nabiximols and 9 treated with placebo)", "174 underwent ASCT and 262 received chemotherapy alone",
# "121 received BV consolidation and 147 were observed"
_NEXT_WORD = r"(?!(?:and|or|in|at|for|during|with|from|after|before|on|to|of|as|by|were|was|who|patients)\b)[a-z][\w-]+"
_GROUP_SIZES = re.compile(rf"\b{_GIVEN} (?P<a>[\w-]+(?: (?:plus|and|\+) [\w-]+| {_NEXT_WORD})?),? and "
                          rf"(?:{_GIVEN} (?P<b>[\w-]+(?: (?:plus|\+) [\w-]+| {_NEXT_WORD})?)|"
                          rf"\d+ (?:patients |participants )?were (?P<o>observed|not treated|untreated)\b)", _I)


def _sized_pair(m: re.Match) -> list[str]:
    """The two groups "N received X and M received Y" counts; "M were observed" is the observation arm."""
    return [m.group("a"), m.group("b") or "observation"]


def _clause_end(text: str, start: int, most: int = 400) -> int:
    """Where the sentence or clause from ``start`` ends: the first full stop or semicolon outside brackets ("to
    dexmedetomidine (0.2-1.5 µg/kg/h; n = 201), propofol (...) or midazolam (...).")."""
    depth = 0
    for i in range(start, min(len(text), start + most)):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in ".;" and not depth and not (i + 1 < len(text) and text[i + 1].isdigit()) \
                and not (i > 0 and text[i - 1].isdigit() and re.match(r"\s*[a-z(]", text[i + 1:i + 4])):
            # (a full stop after a number ends the clause when a sentence starts after it: "score of -2 to 0. The")
            return i
    return min(len(text), start + most)


def _candidates(text: str, title_arms: list[str]) -> list[tuple[list[str], dict[str, int]]]:
    """The lists of arms the methods may name, most trusted first, each with the abbreviations it defines."""
    candidates: list[tuple[list[str], dict[str, int]]] = []
    # "..., giving four groups: escitalopram with PST, escitalopram without PST, placebo with PST, and placebo alone"
    for m in _GIVING_GROUPS.finditer(text):
        parts, aliases = _join_drug_lists(*_drop_parentheses(text[m.end():_clause_end(text, m.end())], words=True))
        candidates.append(([re.sub(r"^\s*(?:and|or)\s+", "", p) for p in parts], aliases))
    for m in _ASSIGN.finditer(text):
        rest, aliases = _drop_parentheses(text[m.end():_clause_end(text, m.end())], words=True)
        rest = _WITH_OR_WITHOUT.sub(r"\g<x> plus \g<y> or \g<x>", rest)  # "gemcitabine with or without cisplatin"
        candidates.append(_join_drug_lists(rest, aliases))
    if title_arms:
        candidates.append((title_arms, {}))
    pairs = _compared_pairs(text)
    if len(pairs) == 1:  # one comparison, the study's; a review's several are read a sentence at a time
        candidates.append(pairs[0])
    seen: set[tuple[int, int]] = set()
    for hit in _VERSUS.finditer(text):  # (only around its "versus": run over a whole text, the pattern is slow)
        for m in _DRUG_VS.finditer(text, max(0, hit.start() - 120), hit.end() + 120):
            if m.span() not in seen:
                seen.add(m.span())
                candidates.append(([m.group("a"), m.group("b")], {}))
    for m in _GROUP_SIZES.finditer(text):  # "(12 treated with nabiximols and 9 treated with placebo)"
        candidates.append((_sized_pair(m), {}))
    for m in _ASSESSED_OR.finditer(_drop_parentheses(text)[0]):
        parts = [m.group("a"), m.group("b")]
        if all(2 <= len(_clean_arm(p)) <= 60 and _TREATMENT_LIKE.search(_clean_arm(p)) for p in parts):
            candidates.append((parts, {}))
    return candidates


_GIVING_GROUPS = re.compile(r"\b(?:giving|forming|creating|yielding|resulting in|into) (?:the )?"
                            r"(?:two|three|four|five|six|[2-6]) (?:treatment |study )?(?:groups|arms)\s*[:(]\s*", _I)
# A randomized trial's "assessed the use of oral topotecan (...) or intravenous topotecan (...)": its two arms
_ASSESSED_OR = re.compile(r"\b(?:assessed|evaluated|tested|investigated|examined) (?:the (?:use|efficacy|role) of )?"
                          r"(?P<a>[^,;.()]{2,60}?) or (?P<b>[^,;.()]{2,60}?)(?=\s*(?:[.;,]|\b(?:in|for|among)\b|$))",
                          _I)
