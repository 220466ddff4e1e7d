"""A trained tagger for the words a text names its arms with ("the iron group", "IST alone", "FLOT").

The rules of arm_names.py read the arms from the methods' sentences they know; on text written in ways they have not
seen, they find about half of the arms a reader would name. This tagger reads every token and says whether it begins
(B) or continues (I) an arm's name, or neither (O): a logistic regression over the token, its three neighbours each
side, their shapes, prefixes and suffixes. It was trained by ``benchmarks/train_arm_model.py`` on the verbatim
occurrences of the labelled arms in the dev parts of this project's own sets (benchmarks/outcomes/), never on their
test parts. Its names are candidates for the arm chooser (arm_chooser.py), not arms of the record. Weights are plain
arrays in ``arm_model.npz`` (no pickle); this module computes the features the way the training did.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).with_name("arm_model.npz")
# A token is part of a name when the tagger gives B or I at least this probability (chosen with the chooser, by the
# leave-one-set-out check of benchmarks/train_arm_model.py).
MIN_PROBABILITY = 0.5
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+/'’.-]*[A-Za-z0-9+]|[A-Za-z0-9]|[^\sA-Za-z0-9]")
_SHAPES = ((re.compile(r"\d+"), "0"), (re.compile(r"[a-z]+"), "a"), (re.compile(r"[A-Z]+"), "A"))
# Words a name begins or ends with that belong to the sentence, not the name ("by cetuximab", "regimen plus").
_EDGE_WORDS = re.compile(r"^(?:(?:and|or|plus|with|by|of|the|to|in|on|either|without|alone)\s+)+|"
                         r"(?:\s+(?:and|or|plus|with|by|of|the|to|in|either|followed))+$", re.I)


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def shape(word: str) -> str:
    for pattern, letter in _SHAPES:
        word = pattern.sub(letter, word)
    return word


def token_features(toks: list[tuple[str, int, int]], i: int) -> dict[str, int]:
    """The features of token ``i``, as training saw them (the slow, readable form; ``_scores`` computes the same)."""
    f: dict[str, int] = {}
    for d in range(-3, 4):
        j = i + d
        word = toks[j][0] if 0 <= j < len(toks) else ("<s>" if j < 0 else "</s>")
        f[f"w{d}={word.lower()}"] = 1
        if -1 <= d <= 1:
            f[f"shape{d}={shape(word)}"] = 1
            f[f"suffix{d}={word.lower()[-4:]}"] = 1
            f[f"prefix{d}={word.lower()[:3]}"] = 1
    word = toks[i][0]
    f["upper"], f["title"] = int(word.isupper()), int(word[:1].isupper())
    f["hyphen"], f["digit"] = int("-" in word), int(any(c.isdigit() for c in word))
    f[f"bigram={toks[i - 1][0].lower() if i else '<s>'}_{word.lower()}"] = 1
    return f


def use_model(path: Path) -> None:
    """Read the weights from ``path`` from now on (a model trained for a check; the package's by default)."""
    global MODEL_PATH
    MODEL_PATH = Path(path)
    arm_names.cache_clear()
    _word_rows.clear()


def _model():
    return _model_of(MODEL_PATH)


@functools.lru_cache(maxsize=2)
def _model_of(path: Path):
    with np.load(path, allow_pickle=False) as data:
        terms = data["tagger_terms"].tolist()
        coef = data["tagger_coef_int8"].astype(np.float64) * data["tagger_coef_scale"].astype(np.float64)
        intercept = data["tagger_intercept"].astype(np.float64)
        classes = data["tagger_classes"].tolist()
    index = {term: i for i, term in enumerate(terms)}
    # one row a feature (classes in columns) and a last row of zeros for a feature training never saw
    rows = np.vstack([coef.T, np.zeros((1, coef.shape[0]))])
    return index, rows, intercept, classes


# The templates of one word's features: (prefix, offset from the token tagged, what of the word).
_TEMPLATES = [(f"w{d}=", d, "lower") for d in range(-3, 4)] + [
    (f"{kind}{d}=", d, kind) for d in (-1, 0, 1) for kind in ("shape", "suffix", "prefix")]
_FLAGS = (("upper", str.isupper), ("title", lambda w: w[:1].isupper()), ("hyphen", lambda w: "-" in w),
          ("digit", lambda w: any(c.isdigit() for c in w)))
_OFFSETS = range(-3, 4)
_WORDS_KEPT = 100_000


class _WordRows:
    """What each word adds to the scores of the tokens around it, one (class scores) row an offset: the sum of its
    features' rows in the templates of that offset (and, at offset 0, its flags'). Computed once a word: most words
    of one abstract recur in the next."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Forget every word (another model's rows)."""
        self.ids: dict[str, int] = {}
        self.rows = np.zeros((1024, len(_OFFSETS), 3))

    def __call__(self, words: list[str]) -> np.ndarray:
        if len(self.ids) + len(words) > _WORDS_KEPT:
            self.clear()
        ids = self.ids
        for word in words:
            if word not in ids:
                self._add(word)
        return self.rows[np.fromiter((ids[w] for w in words), dtype=np.int64, count=len(words))]

    def _add(self, word: str) -> None:
        index, rows, _, _ = _model()
        if self.rows.shape[2] != rows.shape[1]:
            self.rows = np.zeros((1024, len(_OFFSETS), rows.shape[1]))
        at = len(self.ids)
        if at >= len(self.rows):
            self.rows = np.concatenate([self.rows, np.zeros_like(self.rows)])
        low = word.lower()
        what = {"lower": low, "shape": shape(word), "suffix": low[-4:], "prefix": low[:3]}
        self.rows[at] = 0.0
        for prefix, d, kind in _TEMPLATES:
            found = index.get(prefix + what[kind])
            if found is not None:
                self.rows[at, d + 3] += rows[found]
        for name, flag in _FLAGS:
            found = index.get(name)
            if found is not None and flag(word):
                self.rows[at, 3] += rows[found]
        self.ids[word] = at


_word_rows = _WordRows()


def _scores(toks: list[tuple[str, int, int]]) -> np.ndarray:
    """The decision scores (tokens x classes) of ``token_features`` for every token: what each neighbour's word adds
    at its offset, and the bigram's row."""
    index, rows, intercept, _ = _model()
    missing = len(rows) - 1
    n = len(toks)
    words = ["<s>"] * 3 + [t[0] for t in toks] + ["</s>"] * 3
    table = _word_rows(words)  # positions x offsets x classes
    out = np.tile(intercept, (n, 1))
    for d in _OFFSETS:
        # token i reads the word at i + d (shifted by the three pads) through the templates of offset d
        out += table[3 + d:3 + d + n, d + 3]
    low = [w.lower() for w in words]
    bigram = np.fromiter((index.get(f"bigram={low[i + 2] if i else '<s>'}_{low[i + 3]}", missing) for i in range(n)),
                         dtype=np.int64, count=n)
    return out + rows[bigram]


def tag(toks: list[tuple[str, int, int]]) -> list[str]:
    """B, I or O for each token: B or I (the likelier of the two) where their probability reaches MIN_PROBABILITY."""
    if not toks:
        return []
    scores = _scores(toks)
    classes = _model()[3]
    scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    probabilities = scores / scores.sum(axis=1, keepdims=True)
    outside = classes.index("O")
    inside = np.array([j for j in range(len(classes)) if j != outside])
    best = inside[np.argmax(probabilities[:, inside], axis=1)]
    named = 1.0 - probabilities[:, outside] >= MIN_PROBABILITY
    return [classes[b] if k else "O" for b, k in zip(best.tolist(), named.tolist(), strict=True)]


def names_from_tags(text: str, toks: list[tuple[str, int, int]], tags: list[str]) -> list[str]:
    """The runs of B/I tokens as names, in the order the text first gives them, each once."""
    spans: list[list[int]] = []
    current = None
    for (_, a, b), t in zip(toks, tags, strict=True):
        if t == "B" or (t == "I" and current is None):
            current = [a, b]
            spans.append(current)
        elif t == "I":
            current[1] = b
        else:
            current = None
    return list(dict.fromkeys(text[a:b] for a, b in spans))


def clean(names: list[str]) -> list[str]:
    """Names without the sentence's words at their edges, three letters or more, each once (case folded)."""
    seen: set[str] = set()
    out = []
    for name in names:
        name = _EDGE_WORDS.sub("", name.strip(" ,;:(")).strip(" ,;:(")
        if len(name) < 3 or name.lower() in seen:
            continue
        seen.add(name.lower())
        out.append(name)
    return out


@functools.lru_cache(maxsize=64)
def arm_names(text: str) -> tuple[str, ...]:
    """The names the tagger reads as arms' in a text, in the order it first gives them."""
    toks = tokens(text)
    return tuple(clean(names_from_tags(text, toks, tag(toks))))
