"""Experiment: can a trained token tagger find the arms a text names where the rules do not? (stop 38)

The rules of rag/outcomes/ find about half of the labelled arms of documents they have not seen, and arm
attribution stops there: a value cannot be given an arm its record does not know. This script trains a per-token
tagger for arm mentions on the dev parts' labels and compares the arms it finds with the record's arms on the test
parts. It changes nothing in rag/.

    python benchmarks/outcomes_arm_tagger.py --cv               # dev, two folds by document: choose the settings
    python benchmarks/outcomes_arm_tagger.py --C 0.3 --balanced  # train on all dev, score the test parts once

Training spans: every verbatim occurrence (case folded, whole words) of a labelled arm's name in a document with two
arms or more; every other token is outside. Features: the token and its neighbours (three each side), their shapes,
prefixes and suffixes, the bigram before. Model: logistic regression over B/I/O (scikit-learn), decoded as runs.
Scoring, per document with two labelled arms or more: a labelled arm is found when some predicted name (or some
record arm, for the rules) matches it by the benchmark's arm match (benchmarks/outcomes_extraction.py); names right
are the predicted names that match a labelled arm.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

import outcomes_extraction as oe
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from rag.outcomes import extract_outcomes

SETS = [("round", str(i)) for i in range(1, 8)] + [
    ("phrasings", name) for name in ["phrasings.jsonl", "phrasings_2.jsonl", "phrasings_3.jsonl"]
    + [f"phrasings_{n}.jsonl" for n in ("4a", "4b", "5a", "5b", "6a", "6b", "7a", "7b", "8a", "8b", "9a", "9b")]]
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+/'’.-]*[A-Za-z0-9+]|[A-Za-z0-9]|[^\sA-Za-z0-9]")


def documents(split: str) -> list[tuple[dict, dict]]:
    out = []
    for kind, name in SETS:
        pairs = oe.load(split, name) if kind == "round" else oe.load_phrasings(split, name)
        out += [(item, lab) for item, lab in pairs if len(lab["arms"]) >= 2]
    return out


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def tags(text: str, toks: list[tuple[str, int, int]], arms: list[str]) -> list[str]:
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


def _shape(word: str) -> str:
    return re.sub(r"[A-Z]+", "A", re.sub(r"[a-z]+", "a", re.sub(r"\d+", "0", word)))


def features(toks: list[tuple[str, int, int]], i: int) -> dict[str, int]:
    f: dict[str, int] = {}
    for d in range(-3, 4):
        j = i + d
        word = toks[j][0] if 0 <= j < len(toks) else ("<s>" if j < 0 else "</s>")
        f[f"w{d}={word.lower()}"] = 1
        if -1 <= d <= 1:
            f[f"shape{d}={_shape(word)}"] = 1
            f[f"suffix{d}={word.lower()[-4:]}"] = 1
            f[f"prefix{d}={word.lower()[:3]}"] = 1
    word = toks[i][0]
    f["upper"], f["title"] = int(word.isupper()), int(word[:1].isupper())
    f["hyphen"], f["digit"] = int("-" in word), int(any(c.isdigit() for c in word))
    f[f"bigram={toks[i - 1][0].lower() if i else '<s>'}_{word.lower()}"] = 1
    return f


def table(docs: list[tuple[dict, dict]]):
    rows, ys, kept = [], [], []
    for item, lab in docs:
        toks = tokens(item["text"])
        rows += [features(toks, i) for i in range(len(toks))]
        ys += tags(item["text"], toks, lab["arms"])
        kept.append((item, lab, toks))
    return rows, ys, kept


def names(text: str, toks: list[tuple[str, int, int]], predicted) -> list[str]:
    spans: list[list[int]] = []
    current = None
    for (_, a, b), tag in zip(toks, predicted, strict=True):
        if tag == "B" or (tag == "I" and current is None):
            current = [a, b]
            spans.append(current)
        elif tag == "I":
            current[1] = b
        else:
            current = None
    return list(dict.fromkeys(text[a:b] for a, b in spans))


def score(train, test, c: float, balanced: bool) -> Counter:
    rows, ys, _ = table(train)
    test_rows, _, kept = table(test)
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced" if balanced else None)
    model.fit(vectorizer.fit_transform(rows), ys)
    predicted = model.predict(vectorizer.transform(test_rows))
    counts, at = Counter(), 0
    for item, lab, toks in kept:
        found = names(item["text"], toks, predicted[at:at + len(toks)])
        at += len(toks)
        text = item["text"]
        aliases, labels = oe.abbreviations(text), oe.bracket_labels(text)
        record = extract_outcomes(text, item["doc_id"], title=item.get("title"))

        def same(a: str, b: str, lab=lab, aliases=aliases, labels=labels, text=text) -> bool:
            return oe.same_arm(a, b, lab["arms"], aliases, labels, text)

        for arm in lab["arms"]:
            counts["labelled arms"] += 1
            counts["tagger found"] += any(same(n, arm) for n in found)
            counts["rules found"] += any(same(n, arm) for n in record.arms)
        counts["tagger names"] += len(found)
        counts["tagger names right"] += sum(any(same(n, arm) for arm in lab["arms"]) for n in found)
        counts["rules names"] += len(record.arms)
        counts["rules names right"] += sum(any(same(n, arm) for arm in lab["arms"]) for n in record.arms)
        # the ceiling of a chooser: per-arm values whose labelled arm is among the candidates
        for value in lab["outcomes"]:
            if value.get("value") is None or value["arm"] in ("all", "comparison"):
                continue
            counts["per-arm values"] += 1
            counts["arm among the record's arms"] += any(same(n, value["arm"]) for n in record.arms)
            counts["arm among the record's and the tagger's"] += any(same(n, value["arm"])
                                                                     for n in [*record.arms, *found])
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true", help="two folds of the dev parts by document, every setting")
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--balanced", action="store_true", help="weigh the classes by their inverse frequency")
    args = ap.parse_args()
    if args.cv:
        dev = documents("dev")
        for c in (0.3, 1.0, 3.0):
            for balanced in (False, True):
                total = Counter()
                for fold in (0, 1):
                    total += score([d for i, d in enumerate(dev) if i % 2 != fold],
                                   [d for i, d in enumerate(dev) if i % 2 == fold], c, balanced)
                print(f"C={c} balanced={balanced}: {dict(total)}")
        return
    print(dict(score(documents("dev"), documents("test"), args.C, args.balanced)))


if __name__ == "__main__":
    main()
