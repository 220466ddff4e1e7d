"""A trained chooser of the arm of a value the rules could give none.

The rules (arms.py ``_arm_for`` and the sentence rules of extract.py) give a value the arm its sentence names
nearest, the arm of its place in a list, or the other arm of a pair; where they find no basis they say "all". On text
they were not written from, most of their misses are such values of an arm they did not see. This chooser scores
each candidate such a value may be given: the record's arms, the sentence's, the groups the sentence and the one
before name, the treatments they name, the names the arm tagger reads (arm_tagger.py), and "all". A candidate's
features say where it came from and where the text names it against the value: side, distance, the words between,
the value's place in its list ("x% vs y%", "..., respectively") against the candidate's place among the arms named,
the record's arms and the tagger's names, and how often and where the whole text names it. A logistic regression
trained by ``benchmarks/train_arm_model.py`` on the dev parts of this project's sets scores them; the best replaces
"all" when it scores higher by more than MARGIN. An arm the rules chose is never changed: where they have a basis
they are right more often than the model (swaps of two arms in a "respectively" list, among others). Weights:
``arm_model.npz``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import numpy as np

from . import arm_tagger
from .arm_names import _NOT_ARM
from .arms import _arm_mentions, _chain, _name_pattern
from .named_groups import _TREATMENT, _local_arms
from .values import _Value

# The model's choice replaces "all" where it scores higher by more than this (log-odds; chosen by the
# leave-one-set-out check of benchmarks/train_arm_model.py).
MARGIN = 0.0
# Off: measured, not trusted yet. On text the rules were not written from it gives about one wrong arm for each
# right one it adds (held-out parts: 16 more right, 47 more wrong, 63 fewer "all"; docs/benchmarks.md, stop 39),
# and a wrong arm misleads where "all" only says less. True: the chooser answers (benchmarks, the next model).
ENABLED = False

_ROLE = re.compile(r"\b(?:control|placebo|standard|observation|experimental|investigational|best supportive care|"
                   r"(?:arm|group|cohort) [A-Z0-9])\b", re.I)
_COMBO = re.compile(r"[\s-](?:plus|and|with|\+)[\s-]|/", re.I)
_GAP_WORDS = frozenset(("with", "in", "for", "among", "of", "the", "group", "groups", "arm", "arms", "versus", "vs",
                        "compared", "than", "and", "respectively", "patients", "receiving", "received", "treated",
                        "whereas", "while", "but", "to", "those", "who"))
# "on the cabozantinib arm", "the classic MVAC regimen", "the high-dose group": a group a sentence names
_PHRASE = re.compile(r"\b(?:the|on|in|for|with)\s+(?P<n>(?:(?!the\b|a\b|an\b|two\b|both\b|each\b|all\b|other\b|"
                     r"same\b|study\b|treatment\b)[\w-]+\s+){0,2}?(?!the\b|a\b|an\b|this\b|that\b|two\b|both\b|each\b|"
                     r"all\b|other\b|same\b|study\b|treatment\b)[\w-]+)\s+(?:arm|group|regimen|cohort)s?\b", re.I)
_CLAUSE_CUT = re.compile(r"[;]|, (?:and|but|whereas|while)\b|\bwhereas\b")
_DIGIT = re.compile(r"\d")
_GAP_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:[.·]\d+)?|[;,()\[\]%]")
_SENTENCE_END = re.compile(r"[.;]\s")
_VERSUS = re.compile(r"\b(?:versus|vs|v|compared)\b", re.I)
# Words that name no arm: pointers and pieces of a sentence ("this retrospective" cohort, "the new" drug), and what
# arm_names.py reads as no arm.
_NO_NAME = re.compile(rf"^(?:this|that|these|those|our|its|their|such|new|present|current|same|other|either|each|"
                      rf"with|without|drug|drugs|agent|agents)\b|"
                      rf"{_NOT_ARM.pattern}", re.I)


@dataclass
class Candidate:
    name: str
    sources: set[str] = field(default_factory=set)
    tag_index: int | None = None  # its place among the tagger's names


@dataclass
class ArmContext:
    """What the chooser reads of one value: the text, the value and the values placed in its sentence, the
    sentence's bounds and the one before, the arms of the sentence and of the record, the tagger's names."""
    text: str
    v: _Value
    placed: list
    endpoint: str
    arm_mentions: tuple  # (start, end, arm) where the sentence names an arm
    arms: list[str]
    respectively: bool
    record_arms: list[str]
    aliases: dict[str, str]
    s: int
    e: int
    before: tuple[int, int] | None
    names: tuple[str, ...] = ()
    design: str = "other"
    candidates: list[Candidate] = field(default_factory=list)
    _ranks: tuple[dict[str, int], int] | None = None
    _chain: tuple | None = None
    _before_mentions: tuple | None = None
    _versus: bool | None = None
    _lowered: dict[str, list[str]] = field(default_factory=dict)

    def lowered(self, key: str, names, once: bool = False) -> list[str]:
        """``names`` case folded (each once with ``once``), kept under ``key`` for the value's other candidates."""
        if key not in self._lowered:
            low = [n.lower() for n in names]
            self._lowered[key] = list(dict.fromkeys(low)) if once else low
        return self._lowered[key]


def asks(record_arms: list[str], design: str) -> bool:
    """Is the chooser asked about a study's values the rules gave no arm? (See ``arm_of``.)"""
    return len(record_arms) >= 2 or design not in ("randomized", "single-arm")


def arm_of(text: str, v: _Value, placed, endpoint: str, arm_mentions, arms: list[str], respectively: bool,
           record_arms: list[str], aliases: dict[str, str], s: int, e: int, before: tuple[int, int] | None,
           design: str = "other") -> str:
    """The arm of value ``v``, which the rules gave no arm ("all"): the candidate the chooser scores highest where it
    beats "all" by more than MARGIN, else "all". Asked only where the record knows two arms or more, or of a study
    that is no trial (observational, a review, a meta-analysis): the groups of those are what the rules, written
    for trials, miss; a trial whose record knows no arms is most often a single-arm one, whose values are all its
    patients' (dev cross-validation: asked in every study, the PubMed abstracts of round 1 lost 17 of 224 per-arm
    values, mostly to names the tagger read in single-arm trials)."""
    if not ENABLED or not asks(record_arms, design):
        return "all"
    return choose(context(text, v, placed, endpoint, arm_mentions, arms, respectively, record_arms, aliases, s, e,
                          before, design, arm_tagger.arm_names(text)))


def context(text: str, v: _Value, placed, endpoint: str, arm_mentions, arms: list[str], respectively: bool,
            record_arms: list[str], aliases: dict[str, str], s: int, e: int, before: tuple[int, int] | None,
            design: str, names: tuple[str, ...]) -> ArmContext:
    """What the chooser reads of value ``v``, with its candidates (``names``: the tagger's)."""
    ctx = ArmContext(text, v, placed, endpoint, tuple(arm_mentions), list(arms), respectively, list(record_arms),
                     dict(aliases), s, e, before, names=names, design=design)
    ctx.candidates = candidates(ctx)
    return ctx


def candidates(ctx: ArmContext) -> list[Candidate]:
    """The names a value may be given: the record's arms, the sentence's, those the sentence and the one before name
    (by an arm's name or a group's), the treatments they name, the tagger's names, and "all" (last)."""
    return list(_candidates(ctx.text, ctx.s, ctx.e, ctx.before, tuple(ctx.record_arms), tuple(ctx.arms),
                            tuple(a for _, _, a in ctx.arm_mentions), ctx.names))


@functools.lru_cache(maxsize=256)
def _candidates(text: str, s: int, e: int, before: tuple[int, int] | None, record_arms: tuple[str, ...],
                arms: tuple[str, ...], named: tuple[str, ...], names: tuple[str, ...]) -> tuple:
    # (the values of one sentence share their candidates; features only read them)
    out: dict[str, Candidate] = {}
    for name, sources in _sentence_candidates(text, s, e, before, record_arms, arms, named):
        out[name.lower()] = Candidate(name, set(sources))
    every = out.pop("all", None)  # "all" comes last, after the tagger's names
    for i, name in enumerate(names):
        if name.lower() == "all" or _NO_NAME.search(name):
            continue
        c = out.get(name.lower())
        if c is None:
            c = out[name.lower()] = Candidate(name)
        c.sources.add("tagger")
        c.tag_index = i
    every = every or Candidate("all")
    every.sources.add("all")
    return (*out.values(), every)


@functools.lru_cache(maxsize=256)
def _sentence_candidates(text: str, s: int, e: int, before: tuple[int, int] | None, record_arms: tuple[str, ...],
                         arms: tuple[str, ...], named: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The candidates every value of one sentence shares, in order, with where each came from."""
    out: dict[str, tuple[str, list[str]]] = {}

    def add(name: str, source: str) -> None:
        if name and not _NO_NAME.search(name):
            out.setdefault(name.lower(), (name, []))[1].append(source)

    for a in record_arms:
        add(a, "record")
    for a in arms:
        add(a, "sentence_arms")
    for a in named:
        add(a, "named")
    for a in _local_arms(text[s:e]):
        add(a, "local")
    if before and before[1] > before[0]:
        for a in _local_arms(text[before[0]:before[1]]):
            add(a, "local_before")
    for a, b, tag in ((s, e, ""), (*(before or (0, 0)), "_before")):
        if b <= a:
            continue
        for m in _TREATMENT.finditer(text, a, b):
            add(m.group(0), f"drug{tag}")
        for m in _PHRASE.finditer(text, a, b):
            add(m.group("n"), f"phrase{tag}")
    return tuple((name, tuple(sources)) for name, sources in out.values())


def _bucket(x: float, edges=(5, 15, 30, 60, 120)) -> int:
    return next((i for i, b in enumerate(edges) if x < b), len(edges))


@functools.lru_cache(maxsize=4096)
def _positions(text: str, a: int, b: int, name: str, mentions: tuple) -> list[tuple[int, int]]:
    """Where the text between ``a`` and ``b`` names the candidate: as an arm the sentence names, or by its name."""
    found = [(x, y) for x, y, arm in mentions if arm.lower() == name.lower() and a <= x < b]
    if not found and name != "all" and len(name) >= 2:
        found = [(m.start(), m.end()) for m in _name_pattern(name).finditer(text, a, b)]
    return found


@functools.lru_cache(maxsize=4096)
def _occurrences(text: str, name: str) -> tuple[int, ...]:
    """Where the whole text writes the name (as written, case folded)."""
    return tuple(m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text, re.I))


def features(ctx: ArmContext, cand: Candidate) -> dict[str, float]:
    """A (value, candidate) pair's features."""
    name = cand.name
    f: dict[str, float] = {"bias": 1.0}
    for source in cand.sources:
        f[f"src={source}"] = 1.0
    f[f"n_record={min(len(ctx.record_arms), 4)}"] = 1.0
    f[f"n_arms={min(len(ctx.arms), 4)}"] = 1.0
    f[f"resp={ctx.respectively}"] = 1.0
    if name == "all":
        # what makes a study's values the whole study's: its design, how many arms the record and the tagger know
        f["is_all"] = 1.0
        f[f"all|design={ctx.design}"] = 1.0
        f[f"all|n_record={min(len(ctx.record_arms), 3)}"] = 1.0
        f[f"all|n_tag={min(len(ctx.names), 4)}"] = 1.0
        f[f"all|n_arms={min(len(ctx.arms), 3)}"] = 1.0
        return f
    if _ROLE.search(name):
        f["role"] = 1.0
    if _COMBO.search(f" {name} "):
        f["combo"] = 1.0
    record = ctx.lowered("record", ctx.record_arms)
    if name.lower() in record:
        f[f"rec_index={min(record.index(name.lower()), 3)}"] = 1.0
    _mention_features(f, ctx, name)
    _order_features(f, ctx, name, record)
    _text_features(f, ctx, cand)
    return f


def _mention_features(f: dict, ctx: ArmContext, name: str) -> None:
    """Where the sentence names the candidate, against the value: side, distance, the words between."""
    text, v, s, e, before = ctx.text, ctx.v, ctx.s, ctx.e, ctx.before
    mentions = ctx.arm_mentions
    pos = _positions(text, s, e, name, mentions)
    others = [(x, y) for x, y, arm in mentions if arm.lower() != name.lower()]
    after = [(x - v.tail, x, y) for x, y in pos if x >= v.tail]
    prior = [(v.start - y, x, y) for x, y in pos if y <= v.start]
    f["named_in_sentence"] = float(bool(pos))
    if not pos and before and before[1] > before[0]:
        if ctx._before_mentions is None:
            ctx._before_mentions = tuple(_arm_mentions(text, before[0], before[1], ctx.arms, ctx.aliases))
        f["named_before_only"] = float(bool(_positions(text, before[0], before[1], name, ctx._before_mentions)))
    for side, near in (("after", after), ("before", prior)):
        if not near:
            continue
        d, x, y = min(near)
        gap = text[v.tail:x] if side == "after" else text[y:v.start]
        toks = [t.lower() for t in _GAP_TOKEN.findall(gap)]
        f[side] = 1.0
        f[f"{side}_d={_bucket(d)}"] = 1.0
        f[f"{side}_t={_bucket(len(toks), (1, 3, 6, 10, 20))}"] = 1.0
        # the nearest of the arms named on that side?
        other_d = [o[0] - v.tail for o in others if o[0] >= v.tail] if side == "after" else \
            [v.start - o[1] for o in others if o[1] <= v.start]
        f[f"{side}_nearest={not other_d or d < min(other_d)}"] = 1.0
        f[f"{side}_clause={not _CLAUSE_CUT.search(gap)}"] = 1.0
        f[f"{side}_number_between={bool(_DIGIT.search(gap))}"] = 1.0
        for w in set(toks) & _GAP_WORDS:
            f[f"{side}_gap:{w}"] = 1.0
        for w in ("(", ";", ","):
            if w in toks:
                f[f"{side}_gap:{w}"] = 1.0
        if side == "after" and d < 30:
            f[f"after_close_gap:{' '.join(t for t in toks if t.isalpha())[:30]}"] = 1.0
        for w in [t.lower() for t in _GAP_TOKEN.findall(text[max(s, x - 25):x])][-2:]:
            f[f"{side}_lead:{w}"] = 1.0


def _ranks(ctx: ArmContext) -> tuple[dict[str, int], int]:
    """The order of the candidates the sentence names (overlapping mentions count as one)."""
    if ctx._ranks is None:
        firsts = []
        for c in ctx.candidates:
            at = _positions(ctx.text, ctx.s, ctx.e, c.name, ctx.arm_mentions) if c.name != "all" else []
            if at:
                firsts.append((at[0][0], at[0][1], c.name.lower()))
        rank, end, ranks = -1, -1, {}
        for a, b, name in sorted(firsts):
            if a >= end:
                rank += 1
            end = max(end, b)
            ranks[name] = rank
        ctx._ranks = (ranks, rank + 1)
    return ctx._ranks


def _chain_of(ctx: ArmContext) -> tuple[list, int, int, list]:
    """The sentence's values of the value's endpoint, the value's place among them, its place in its list, the list."""
    if ctx._chain is None:
        same = [p for p in ctx.placed if p[1] == ctx.endpoint]
        k = next((i for i, p in enumerate(same) if p[0] is ctx.v), 0)
        chain = _chain(ctx.text, same, ctx.v)
        j = next((i for i, x in enumerate(chain) if x is ctx.v), 0)
        ctx._chain = (same, k, j, chain)
    return ctx._chain


def _order_features(f: dict, ctx: ArmContext, name: str, record: list[str]) -> None:
    """The value's place among the sentence's values of its endpoint (its "a vs b" or "respectively" list) against
    the candidate's among the arms named, the sentence's arms and the record's."""
    text = ctx.text
    same, k, j, chain = _chain_of(ctx)
    named = ctx.lowered("named", [arm for _, _, arm in ctx.arm_mentions], once=True)
    arms = ctx.lowered("arms", ctx.arms)
    if ctx._versus is None:
        ctx._versus = len(chain) >= 2 and any(_VERSUS.search(text[chain[i].tail:chain[i + 1].start])
                                              for i in range(len(chain) - 1))
    versus = ctx._versus
    ranks, n_ranked = _ranks(ctx)
    if name.lower() in ranks and len(chain) >= 2:
        i = ranks[name.lower()]
        f[f"chain_mrank_match={j == i}|fits={n_ranked == len(chain)}"] = 1.0
        f[f"chain_mrank_match={j == i}|vs={versus}|resp={ctx.respectively}"] = 1.0
    if len(chain) == 2 and len(record) == 2 and name.lower() in record and name.lower() not in ranks:
        other = record[1 - record.index(name.lower())]
        if other in ranks:
            f[f"other_of_pair|j={j}"] = 1.0
    f[f"chain={min(len(chain), 4)}"] = 1.0
    f[f"nsame={min(len(same), 4)}"] = 1.0
    f[f"nnamed={min(len(named), 4)}"] = 1.0
    for tag, order in (("named", named), ("arms", arms), ("rec", record)):
        if name.lower() not in order:
            continue
        i = order.index(name.lower())
        if len(chain) >= 2:
            f[f"chain_{tag}_match={j == i}"] = 1.0
            f[f"chain_{tag}_match={j == i}|resp={ctx.respectively}"] = 1.0
            f[f"chain_{tag}_match={j == i}|vs={versus}"] = 1.0
            f[f"chain_{tag}_match={j == i}|fits={len(chain) == len(order)}"] = 1.0
        if len(same) >= 2:
            f[f"same_{tag}_match={k == i}|resp={ctx.respectively}"] = 1.0


def _text_features(f: dict, ctx: ArmContext, cand: Candidate) -> None:
    """How often and where the whole text names the candidate; its place among the tagger's names."""
    occurrences = _occurrences(ctx.text, cand.name)
    f[f"n_occ={min(len(occurrences), 4)}"] = 1.0
    if occurrences:
        f[f"first_rel={int(4 * occurrences[0] / max(len(ctx.text), 1))}"] = 1.0
        prior = [o for o in occurrences if o < ctx.s]
        if prior:
            f[f"back_sent={min(len(_SENTENCE_END.findall(ctx.text, prior[-1], ctx.s)), 3)}"] = 1.0
        f[f"later={any(o > ctx.e for o in occurrences)}"] = 1.0
    else:
        f["not_verbatim"] = 1.0
    f[f"nwords={min(len(cand.name.split()), 5)}"] = 1.0
    if cand.sources == {"tagger"}:
        f["tagger_only"] = 1.0
    if cand.tag_index is not None:
        f[f"tag_index={min(cand.tag_index, 3)}"] = 1.0
        f[f"n_tag={min(len(ctx.names), 5)}"] = 1.0
        _, _, j, chain = _chain_of(ctx)
        if len(chain) >= 2:
            f[f"chain_tag_match={j == cand.tag_index}"] = 1.0
            f[f"chain_tag_match={j == cand.tag_index}|fits={len(chain) == len(ctx.names)}"] = 1.0


def _weights() -> tuple[dict[str, float], float]:
    return _weights_of(arm_tagger.MODEL_PATH)


@functools.lru_cache(maxsize=2)
def _weights_of(path) -> tuple[dict[str, float], float]:
    with np.load(path, allow_pickle=False) as data:
        terms = data["chooser_terms"].tolist()
        coef = data["chooser_coef"].astype(np.float64).tolist()
        intercept = float(data["chooser_intercept"][0])
    return dict(zip(terms, coef, strict=True)), intercept


def score(feats: dict[str, float]) -> float:
    weights, intercept = _weights()
    return intercept + sum(weights.get(k, 0.0) * x for k, x in feats.items())


def choose(ctx: ArmContext) -> str:
    """The candidate the model scores highest where it beats "all" (the last) by more than MARGIN, else "all"."""
    scores = [score(features(ctx, c)) for c in ctx.candidates]
    best = int(np.argmax(scores))
    return ctx.candidates[best].name if scores[best] - scores[-1] > MARGIN else "all"
