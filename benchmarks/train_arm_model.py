"""Train the arm tagger and the arm chooser of rag/outcomes/ (arm_tagger.py, arm_chooser.py) on the dev parts of
this project's labelled outcome sets, and write their weights to rag/outcomes/arm_model.npz.

    python benchmarks/train_arm_model.py            # train on every set's dev part, write the weights
    python benchmarks/train_arm_model.py --cv       # dev, two folds by document: rules against the model
    python benchmarks/train_arm_model.py --leave-out 10a 10b --out /tmp/arm_model.npz
        # train without those sets; then score them with that model:
        # python benchmarks/outcomes_extraction.py --arm-chooser --arm-model /tmp/arm_model.npz --phrasings ...

Material: the dev parts of rounds 1-7 (labels.jsonl) and of every phrasing set (phrasings*.jsonl); never a test part.
The tagger learns B/I/O over the verbatim occurrences (case folded, whole words) of each labelled arm in documents
with two arms or more (logistic regression, balanced classes, C 0.3). The chooser learns from each matched per-arm
value (matched as benchmarks/outcomes_extraction.py matches them): the extractor runs with the rules' arms, each
value's context recorded as the chooser would see it; every candidate of the value is labelled right when, renamed
as the extractor renames arms at the end, the benchmark's arm match accepts it, and a logistic regression (C 0.1)
learns to score candidates from their features (arm_chooser.features). It learns from every per-arm value, and is
asked at use only where the rules end with "all". The chooser's training sees the tagger's names as they will
be at use, from a tagger that did not read the document (two folds). Settings were chosen at stop 39 with
``--leave-out`` (see docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

import outcomes_extraction as oe  # noqa: E402
from rag.outcomes import arm_chooser, arm_tagger  # noqa: E402
from rag.outcomes import extract as _extract  # noqa: E402
from rag.outcomes.record import StudyOutcomes  # noqa: E402

SETS = [("round", str(i)) for i in range(1, 8)] + [
    ("phrasings", name) for name in ["phrasings.jsonl", "phrasings_2.jsonl", "phrasings_3.jsonl"]
    + [f"phrasings_{n}.jsonl" for n in ("4a", "4b", "5a", "5b", "6a", "6b", "7a", "7b", "8a", "8b", "9a", "9b",
                                        "10a", "10b")]]
TAGGER_C, CHOOSER_C = 0.3, 0.1


def material(split: str, leave_out: list[str], only: list[str] | None = None) -> list[tuple[dict, dict]]:
    """The labelled (text, label) pairs of every set's ``split`` part, but the sets named in ``leave_out`` ("9a") or,
    with ``only``, those sets alone."""
    def named(name: str, sets: list[str]) -> bool:
        return any(re.search(rf"(?:^|_){re.escape(x)}\.jsonl$", name) or name == x for x in sets)

    out = []
    for kind, name in SETS:
        if named(name, leave_out) or only and not named(name, only):
            continue
        pairs = oe.load(split, name) if kind == "round" else oe.load_phrasings(split, name)
        out += [(item, {**lab, "set": f"round {name}" if kind == "round" else name}) for item, lab in pairs]
    return out


def fold_of(doc_id: str) -> int:
    return int(hashlib.sha1(doc_id.split("#")[0].encode()).hexdigest(), 16) % 2


# --- the tagger -----------------------------------------------------------------------------------------------------

def tags(text: str, toks, arms: list[str]) -> list[str]:
    """B/I over each verbatim occurrence of a labelled arm's name, longest names first; O elsewhere."""
    out = ["O"] * len(toks)
    low = text.lower()
    for arm in sorted(arms, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w-])" + re.escape(arm.lower()) + r"(?![\w-])", low):
            inside = [i for i, (_, a, b) in enumerate(toks) if a >= m.start() and b <= m.end()]
            if inside and all(out[i] == "O" for i in inside):
                out[inside[0]] = "B"
                for i in inside[1:]:
                    out[i] = "I"
    return out


def train_tagger(pairs):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, ys = [], []
    for item, lab in pairs:
        if len(lab["arms"]) < 2:
            continue
        toks = arm_tagger.tokens(item["text"])
        rows += [arm_tagger.token_features(toks, i) for i in range(len(toks))]
        ys += tags(item["text"], toks, lab["arms"])
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=TAGGER_C, max_iter=2000, class_weight="balanced")
    model.fit(vectorizer.fit_transform(rows), ys)
    return vectorizer, model


def tagger_names(tagger, text: str) -> tuple[str, ...]:
    """The names a trained (scikit-learn) tagger reads, decoded as arm_tagger decodes them."""
    vectorizer, model = tagger
    toks = arm_tagger.tokens(text)
    if not toks:
        return ()
    probabilities = model.predict_proba(vectorizer.transform([arm_tagger.token_features(toks, i)
                                                              for i in range(len(toks))]))
    classes = list(model.classes_)
    outside = classes.index("O")
    inside = [j for j in range(len(classes)) if j != outside]
    predicted = ["O" if 1.0 - row[outside] < arm_tagger.MIN_PROBABILITY else classes[max(inside, key=lambda j: row[j])]
                 for row in probabilities]
    return tuple(arm_tagger.clean(arm_tagger.names_from_tags(text, toks, predicted)))


# --- the chooser's items ----------------------------------------------------------------------------------------------

def _renamed(text: str, name: str) -> str:
    """The arm's name as the extractor writes it at the end ("arm C" -> its treatment, "FUFA" -> its long form)."""
    if name in ("all", "comparison"):
        return name
    record = StudyOutcomes(doc_id="")
    record.outcomes = [_extract.Outcome(endpoint="ORR", arm=name, value=0.0, unit="%", ci_low=None, ci_high=None,
                                        p=None, timepoint=None, text="", char_start=0, char_end=0)]
    _extract._name_labels(text, record)
    _extract._spell_out_abbreviations(text, record)
    return record.outcomes[0].arm


class Contexts:
    """While in use, the extractor's every per-arm choice leaves its context (arm_chooser.ArmContext, as the chooser
    would see it) in ``self.made``: the rules' ``_arm_for`` is wrapped, the sentence and the record read from the
    calls before it. The chooser learns from all of them; the values the extractor asks it about (where the rules
    end with "all") are kept in ``self.asked`` and answered "all": the arms stay the rules'."""

    def __init__(self, names_of):
        self.names_of = names_of
        self.made: list = []
        self.asked: set[int] = set()  # the values the extractor asks the chooser about (by id)
        self.doc = ""
        self.sentence = self.record = None

    def __enter__(self):
        self.saved = {name: getattr(_extract, name) for name in ("_sentence_mentions", "_sentence_arms", "_arm_for")}
        saved = self.saved

        def sentence_mentions(text, s, e, before):
            self.sentence = (s, e, before)
            return saved["_sentence_mentions"](text, s, e, before)

        def sentence_arms(text, s, e, record, aliases, carried):
            self.record = (record, aliases)
            return saved["_sentence_arms"](text, s, e, record, aliases, carried)

        def arm_for(text, v, placed, index, endpoint, arm_mentions, arms, respectively):
            if self.sentence is not None and self.record is not None:
                s, e, before = self.sentence
                record, aliases = self.record
                self.made.append(arm_chooser.context(text, v, placed, endpoint, arm_mentions, arms, respectively,
                                                     record.arms, aliases, s, e, before, record.design,
                                                     self.names_of(self.doc, text)))
            return saved["_arm_for"](text, v, placed, index, endpoint, arm_mentions, arms, respectively)

        def arm_of(text, v, placed, endpoint, arm_mentions, arms, respectively, record_arms, aliases, s, e, before,
                   design="other"):
            if arm_chooser.asks(record_arms, design):
                self.asked.add(id(v))
            return "all"  # the rules' arms

        _extract._sentence_mentions, _extract._sentence_arms = sentence_mentions, sentence_arms
        _extract._arm_for = arm_for
        self.arm_of, arm_chooser.arm_of = arm_chooser.arm_of, arm_of
        return self

    def __exit__(self, *exc):
        for name, f in self.saved.items():
            setattr(_extract, name, f)
        arm_chooser.arm_of = self.arm_of


def collect(pairs, names_of) -> list[dict]:
    """Each matched per-arm value: whether the rules' arm is right, whether the chooser is asked (the rules end with
    "all"), and each candidate's features and label. ``names_of(doc_id, text)`` gives the tagger's names."""
    items = []
    with Contexts(names_of) as contexts:
        for item, lab in pairs:
            text = item["text"]
            contexts.doc = lab["doc_id"]
            contexts.made, contexts.asked = [], set()
            record = _extract.extract_outcomes(text, item["doc_id"], title=item.get("title"))
            aliases, labels = oe.abbreviations(text), oe.bracket_labels(text)

            def right(p: str, g: str, lab=lab, aliases=aliases, labels=labels, text=text) -> bool:
                # (a study of one arm: its values are "all", as the rules and the table read them; the benchmark
                # also takes that one arm's name)
                if len(lab["arms"]) <= 1:
                    return p == "all"
                return oe.same_arm(p, g, lab["arms"], aliases, labels, text)

            preds = list(record.outcomes)
            used: set[int] = set()
            for g in [g for g in lab["outcomes"] if g.get("value") is not None]:
                hit = next((i for i, p in enumerate(preds) if i not in used and oe.same_value(p.to_json(), g)), None)
                if hit is None:
                    continue
                used.add(hit)
                p = preds[hit]
                if g["arm"] in ("all", "comparison"):
                    continue
                ctx = next((c for c in contexts.made if p.char_start <= c.v.start < p.char_end), None)
                rule_ok = oe.same_arm(p.arm, g["arm"], lab["arms"], aliases, labels, text) \
                    or (p.arm == "all" and len(lab["arms"]) <= 1)  # (the benchmark's own match)
                it = {"doc": lab["doc_id"], "set": lab.get("set"), "rule_ok": rule_ok,
                      "asked": ctx is not None and id(ctx.v) in contexts.asked}
                if ctx is not None:
                    it["labels"] = [right(_renamed(ctx.text, c.name), g["arm"]) for c in ctx.candidates]
                    it["feats"] = [arm_chooser.features(ctx, c) for c in ctx.candidates]
                items.append(it)
    return items


def train_chooser(items):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, ys = [], []
    for it in items:
        if "labels" in it and any(it["labels"]) and not all(it["labels"]):  # something to learn
            rows += it["feats"]
            ys += it["labels"]
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=CHOOSER_C, max_iter=5000)
    model.fit(vectorizer.fit_transform(rows), np.array(ys))
    return {name: float(w) for name, w in zip(vectorizer.feature_names_, model.coef_[0], strict=True) if w}, \
        float(model.intercept_[0])


def right_with(items, weights, margin: float = arm_chooser.MARGIN) -> tuple[int, int]:
    """Per-arm values right with the chooser (the rules' arm where it was not asked), and how many it changed."""
    w, b = weights
    ok = changed = 0
    for it in items:
        good = it["rule_ok"]
        if "labels" in it and it["asked"]:
            scores = [b + sum(w.get(k, 0.0) * x for k, x in f.items()) for f in it["feats"]]
            best = int(np.argmax(scores))
            good = it["labels"][best if scores[best] - scores[-1] > margin else -1]
            changed += good != it["rule_ok"]
        ok += good
    return ok, changed


def two_fold_names(pairs):
    """For each document, the names of a tagger trained on the other fold (cached)."""
    taggers = [train_tagger([p for p in pairs if fold_of(p[1]["doc_id"]) != k]) for k in (0, 1)]
    cache: dict[tuple[str, str], tuple[str, ...]] = {}

    def names_of(doc_id: str, text: str) -> tuple[str, ...]:
        key = (doc_id, text)
        if key not in cache:
            cache[key] = tagger_names(taggers[fold_of(doc_id)], text)
        return cache[key]
    return names_of


def write(tagger, weights, path: Path) -> None:
    vectorizer, model = tagger
    coef = model.coef_.astype(np.float64)
    if coef.shape[0] == 1:  # (two classes only: never with B, I and O)
        raise SystemExit("the tagger needs three classes")
    scale = np.abs(coef).max() / 127.0
    terms, coefs = zip(*sorted(weights[0].items()), strict=True)
    np.savez_compressed(
        path, tagger_terms=np.array(vectorizer.feature_names_), tagger_coef_int8=np.round(coef / scale).astype(np.int8),
        tagger_coef_scale=np.array([scale]), tagger_intercept=model.intercept_.astype(np.float64),
        tagger_classes=np.array(list(model.classes_)), chooser_terms=np.array(terms),
        chooser_coef=np.array(coefs, dtype=np.float64), chooser_intercept=np.array([weights[1]]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true", help="two folds of the dev parts by document; writes nothing")
    ap.add_argument("--leave-out", nargs="*", default=[], metavar="SET", help="train without these sets (9a 9b ...)")
    ap.add_argument("--only", nargs="*", metavar="SET", help="train on these sets alone (a quick check: 4a ...)")
    ap.add_argument("--out", type=Path, default=arm_tagger.MODEL_PATH, help="where to write the weights")
    ap.add_argument("--check", nargs="*", default=[], metavar="FILE",
                    help="phrasing sets scored whole by a model trained on the rest (item level; writes nothing)")
    args = ap.parse_args()
    dev = material("dev", args.leave_out, args.only)
    print(f"dev: {len(dev)} documents")
    if args.cv:
        names_of = two_fold_names(dev)
        with contextlib.redirect_stdout(io.StringIO()):
            items = collect(dev, names_of)
        per_set: dict[str, list[int]] = {}
        for k in (0, 1):
            weights = train_chooser([it for it in items if fold_of(it["doc"]) != k])
            for it in items:
                if fold_of(it["doc"]) == k:
                    got, _ = right_with([it], weights)
                    counts = per_set.setdefault(it["set"], [0, 0, 0])
                    counts[0], counts[1], counts[2] = counts[0] + 1, counts[1] + it["rule_ok"], counts[2] + got
        total, rules, ok = (sum(c[i] for c in per_set.values()) for i in range(3))
        print(f"dev cross-validation: {total} matched per-arm values; rules {rules} ({rules / total:.3f}), "
              f"chooser {ok} ({ok / total:.3f})")
        print("  " + "; ".join(f"{name} {c[1]} -> {c[2]} of {c[0]}" for name, c in per_set.items()))
    if args.check:
        names_of = two_fold_names(dev)
        items = collect(dev, names_of)
        weights = train_chooser(items)
        tagger = train_tagger(dev)
        for name in args.check:
            pairs = oe.load_phrasings("all", name)
            checked = collect(pairs, lambda doc_id, text: tagger_names(tagger, text))
            got, moved = right_with(checked, weights)
            rules = sum(it["rule_ok"] for it in checked)
            print(f"{name}, whole: rules {rules} of {len(checked)} ({rules / len(checked):.3f}) -> chooser {got} "
                  f"({got / len(checked):.3f})")
    if args.cv or args.check:
        return
    names_of = two_fold_names(dev)
    items = collect(dev, names_of)
    weights = train_chooser(items)
    tagger = train_tagger(dev)
    write(tagger, weights, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes): tagger "
          f"{len(tagger[0].feature_names_)} features, chooser {len(weights[0])} features, from {len(items)} per-arm "
          f"values")


if __name__ == "__main__":
    main()
