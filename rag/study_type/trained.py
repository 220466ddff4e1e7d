"""A trained reader for the abstracts the rules cannot place.

When neither the title nor the abstract states a design the rules know (text.py's last fallbacks: "no study design
stated"), a logistic regression over the words and character n-grams of the title and abstract gives the study
type it finds likeliest, with its probability. It was trained by `benchmarks/train_study_type.py` on the dev parts
of this project's own labelled sets (benchmarks/evidence/), never on their test parts; its weights are plain arrays
in `trained_reader.npz` (no pickle), and this module computes the features the way scikit-learn's
TfidfVectorizer(sublinear_tf=True) did at training, so that a new scikit-learn cannot change what it reads.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).with_name("trained_reader.npz")
# Below these probabilities the rules' own fallback stands; a guess that rates the paper higher on the ladder of
# evidence than the fallback does must be surer (both chosen by five-fold cross-validation on the dev parts:
# benchmarks/train_study_type.py --cv).
MIN_PROBABILITY = 0.5
MIN_TO_RATE_HIGHER = 0.9
# False: the rules alone (the benchmarks' baseline, and the training script, which labels before a model exists).
ENABLED = True


def model_text(title: str, body: str) -> str:
    """What the reader reads: the same at training and at use."""
    return f"TITLE {title} BODY {body[:3000]}"


@functools.lru_cache(maxsize=1)
def _reader():
    from sklearn.feature_extraction.text import CountVectorizer

    with np.load(MODEL_PATH, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    parts = []
    for name, analyzer, low, high in (("word", "word", 1, 2), ("char", "char_wb", 3, 5)):
        vocabulary = {term: i for i, term in enumerate(arrays[f"{name}_terms"].tolist())}
        counter = CountVectorizer(analyzer=analyzer, ngram_range=(low, high), vocabulary=vocabulary)
        parts.append((counter, arrays[f"{name}_idf"].astype(np.float64)))
    coef = arrays["coef_int8"].astype(np.float64) * arrays["coef_scale"].astype(np.float64)
    return parts, arrays["classes"].tolist(), coef, arrays["intercept"].astype(np.float64)


def _features(text: str, parts) -> np.ndarray:
    rows = []
    for counter, idf in parts:
        counts = counter.transform([text]).toarray()[0].astype(np.float64)
        tf = np.where(counts > 0, 1.0 + np.log(np.maximum(counts, 1.0)), 0.0)  # sublinear tf
        weights = tf * idf
        norm = math.sqrt(float(weights @ weights))
        rows.append(weights / norm if norm else weights)
    return np.concatenate(rows)


def guess(title: str, body: str) -> tuple[str, float]:
    """The likeliest study type of a title and abstract, and its probability."""
    parts, classes, coef, intercept = _reader()
    scores = coef @ _features(model_text(title, body), parts) + intercept
    scores = np.exp(scores - scores.max())
    probabilities = scores / scores.sum()
    best = int(np.argmax(probabilities))
    return classes[best], float(probabilities[best])
