"""A methods sentence's list of arms cut into its arms: an "or" inside an arm ("with cisplatin or carboplatin"),
labels that end arms ("(arm A)", "(HD-ASA)"), and the names in words a list gives its arms ("(endovascular
strategy)")."""

from __future__ import annotations

import re

from .arm_names import _ABBREVIATION, _ARM_SPLIT, _DOSE_AMOUNT, _I, WORD_LABEL_MARK


def _word_labels(text: str, aliases: dict[str, int], parts: list[str]) -> list[str | None]:
    """The names in words a list gives every one of its arms in brackets, when the text uses them again ("...
    randomised to immediate CT followed by endovascular repair (endovascular strategy) or to transfer to the
    operating theatre for open repair (open repair)", then "in the endovascular strategy group"): the arms' names."""
    labels = {at: alias[len(WORD_LABEL_MARK):] for alias, at in aliases.items() if alias.startswith(WORD_LABEL_MARK)}
    # (an arm may go by an abbreviation or a role instead: "(tacrolimus monotherapy)", "(combination)", ...)
    # (or by its own short name, used again: "..., EV monotherapy, or ...")
    def again(name: str) -> bool:
        return len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, _I)) >= 2
    named = {at for alias, at in aliases.items() if not re.fullmatch(_ABBREVIATION, alias)} \
        | {i for i, part in enumerate(parts) if len(part.split()) <= 3 and again(part.strip())}
    if len(parts) < 2 or not labels or named != set(range(len(parts))) \
            or len({v.lower() for v in labels.values()}) < len(labels):
        return []
    return [labels.get(i) for i in range(len(parts))] if all(again(v) for v in labels.values()) else []


def _named_in_words(arms: list[str], alias_of: dict[str, str], labels: list[str | None],
                    cleaned: list[str]) -> tuple[list[str], dict[str, str]]:
    """The arms renamed by their labels in words, their methods' names kept as aliases (not "prednisolone", a word
    of another arm: "tacrolimus plus prednisolone")."""
    renamed = {arm: label or arm for arm, label in zip(arms, labels, strict=True)}
    aliases = {alias: renamed.get(arm, arm) for alias, arm in alias_of.items()}
    for arm, label in renamed.items():
        if label != arm and sum(arm.lower() in c.lower() for c in cleaned) <= 1:
            aliases.setdefault(arm, label)
    return [renamed[a] for a in arms], aliases


def _join_drug_lists(rest: str, aliases: dict[str, int]) -> tuple[list[str], dict[str, int]]:
    """The arms of "either X or Y", with one arm's own list of drugs kept whole: "the combination of liposomal
    irinotecan, 5-FU, and leucovorin (arm A) or cisplatin plus gemcitabine (arm B)"."""
    pieces = re.split(f"({_ARM_SPLIT.pattern})", rest, flags=_I)
    pieces, aliases = _split_at_second_label(pieces, aliases)
    pieces, aliases = _one_arm_before_to(pieces, aliases)
    # (the part each piece began as: the aliases point at those)
    origin = list(range(len(pieces) // 2 + 1))
    serial = next((i for i in range(1, len(pieces), 2) if re.fullmatch(r",\s*or\s+", pieces[i], _I)), len(pieces))
    for i in range(len(pieces) - 2, 0, -2):
        either = re.search(r"\b(?:plus|with|and) either [\w-]+$", pieces[i - 1], _I)
        if either and re.fullmatch(r"\s*or\s*", pieces[i]) or i > serial and re.fullmatch(r"\s+or\s+", pieces[i], _I) \
                and not re.match(r"to\s", pieces[i + 1], _I):
            # "gemcitabine plus either cisplatin or carboplatin", "..., EV monotherapy, or gemcitabine with cisplatin
            # or carboplatin" (an "or" after the list's own ", or"): one arm's choice of drug, not two arms (but "or
            # to placebo" starts one)
            pieces[i - 1:i + 2] = ["".join(pieces[i - 1:i + 2])]
            del origin[(i + 1) // 2]
    after = next((i for i in range(serial + 1, len(pieces), 2)
                  if re.match(r"(?:followed by|then|and then)\b", pieces[i], _I)), None)
    if after is not None:  # "..., or atezolizumab plus BCP, followed by maintenance therapy with ...": the list ended
        pieces, origin = pieces[:after - 1], origin[:after // 2]
    at_part = {old: new for new, first in enumerate(origin)
               for old in range(first, origin[new + 1] if new + 1 < len(origin) else 1 + len(pieces))}
    aliases = {alias: at_part.get(at, at) for alias, at in aliases.items()}
    if sum(bool(re.fullmatch(r",?\s+(?:versus|vs\.?)\s+", p, _I)) for p in pieces[1::2]) == 1 \
            and len(pieces) == 5 and re.fullmatch(r"\s+or\s+", pieces[3], _I):
        # "bendamustine and rituximab versus R-CHOP or R-CVP": the comparator is the choice of two regimens
        pieces[2:5] = ["".join(pieces[2:5])]
    parts, seps = pieces[0::2], pieces[1::2]
    labelled = {at for alias, at in aliases.items() if not alias.startswith(WORD_LABEL_MARK)}
    if not any(re.match(r"and\s", p) for p in parts[1:]) and len(labelled) < 2:
        return parts, aliases
    runs: list[list[int]] = [[0]]
    for i, sep in enumerate(seps):
        if re.search(r"\b(?:or|versus|vs)\b", sep, _I):
            runs.append([i + 1])
        else:
            runs[-1].append(i + 1)
    # "a 4-month regimen of rifampicin, isoniazid, pyrazinamide and moxifloxacin (regimen A), a 4-month regimen of
    # bedaquiline, pretomanid, ... (regimen B), or the standard regimen (control)": the labels end the arms
    by_labels = len(labelled) >= 2 and any(len(run) > 1 for run in runs) \
        and all(run[-1] in labelled for run in runs if len(run) > 1) \
        and not any(_NOT_A_LIST_ITEM.match(parts[j]) for run in runs for j in run[1:])
    if by_labels:
        cuts = [cut for run in runs for cut in _cut_after(run, labelled)]
        # (the drugs of one arm's list are short names: not "three soft stools daily, rifaximin 550 mg twice daily")
        by_labels = all(len(parts[j].split()) <= 3 and not re.search(r"\d", parts[j]) for cut in cuts for j in cut[1:])
        runs = cuts if by_labels else runs
    merged: list[str] = []
    index: dict[int, int] = {}
    for run in runs:
        if len(run) > 1 and (re.match(r"and\s", parts[run[-1]]) and len(runs) > 1 or by_labels):
            merged.append(", ".join(parts[j] for j in run))
            index.update({j: len(merged) - 1 for j in run})
        else:
            for j in run:
                merged.append(parts[j])
                index[j] = len(merged) - 1
    return merged, {alias: index.get(at, at) for alias, at in aliases.items()}


# (what goes on after an arm's name is no further drug of its list: "continued conventional management, with ECMO
# permitted as rescue (control group)")
_NOT_A_LIST_ITEM = re.compile(r"\s*(?:with|without|for|in|at|as|on|given|including|followed|then|each|all|both|"
                              r"every|until|from|to|daily|weekly|twice|once|\d)\b", _I)


def _one_arm_before_to(pieces: list[str], aliases: dict[str, int]) -> tuple[list[str], dict[str, int]]:
    """"to osimertinib with cisplatin or carboplatin plus pemetrexed, followed by ... maintenance, or to osimertinib
    alone": where the arms after the first are each introduced by "or to", what comes before the first of them is one
    arm, whatever "or" and commas it holds."""
    parts, seps = pieces[0::2], pieces[1::2]
    starts = [i for i, part in enumerate(parts) if i and re.match(r"to\s", part, _I)]
    if not starts or starts[0] < 2 or starts != list(range(starts[0], len(parts))) \
            or not re.search(r"\bor\s*$", seps[starts[0] - 1], _I) \
            or not any(re.fullmatch(r"\s+or\s+", sep, _I) and not re.match(rf"\s*{_DOSE_AMOUNT}", parts[j + 1], _I)
                       for j, sep in enumerate(seps[:starts[0] - 1])):
        # (no "or" inside the first, or one between its doses, which are arms: "X at 1.6 mg/kg or 2.0 mg/kg"; its commas
        # are descriptions, dropped elsewhere)
        return pieces, aliases
    k = starts[0]
    first = "".join(pieces[:2 * k - 1])
    aliases = {alias: 0 if at < k else at - k + 1 for alias, at in aliases.items()}
    return [first, *pieces[2 * k - 1:]], aliases


def _split_at_second_label(pieces: list[str], aliases: dict[str, int]) -> tuple[list[str], dict[str, int]]:
    """"... plus placebo (HD-PLB) and high-dose rifampicin plus aspirin (HD-ASA)": two labels in one part mark two
    arms joined by its last "and"."""
    ats = [at for alias, at in aliases.items() if not alias.startswith(WORD_LABEL_MARK)]  # (names in words end arms)
    for i in sorted({at for at in ats if ats.count(at) == 2}, reverse=True):
        part = pieces[2 * i] if 2 * i < len(pieces) else ""
        joint = list(re.finditer(r"\s+and\s+", part))
        if not joint:
            continue
        cut = joint[-1]
        pieces = pieces[:2 * i] + [part[:cut.start()], cut.group(), part[cut.end():]] + pieces[2 * i + 1:]
        second = [alias for alias, at in aliases.items() if at == i and not alias.startswith(WORD_LABEL_MARK)][1]
        aliases = {alias: at + 1 if at > i or alias == second else at for alias, at in aliases.items()}
    return pieces, aliases


def _cut_after(run: list[int], labelled: set[int]) -> list[list[int]]:
    """A run of parts cut after each part that has a label of its own."""
    cuts: list[list[int]] = [[]]
    for j in run:
        cuts[-1].append(j)
        if j in labelled and j != run[-1]:
            cuts.append([])
    return cuts
