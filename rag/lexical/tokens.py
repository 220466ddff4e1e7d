"""Words into index tokens, the same way for chunks (at build time) and questions (at query time).

Tokens keep what matters in this field: "PD-L1", "IL-2" and "CTLA-4" become "pdl1", "il2", "ctla4" (plus their
parts), so a hyphen or its absence does not break a match; plain words are stemmed (Snowball English).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

# MeSH concept tokens in chunks and queries (mesh.py; added by chunks.py and synonyms.py). Off: measured neutral on
# the tuning questions (full nDCG@10 0.892 either way) and worse on the dev questions (0.789 -> 0.763);
# docs/benchmarks.md, issue 12.
USE_CONCEPTS = False

# A word: letters and digits of any script, joined by hyphens or slashes ("PD-L1", "CD4/CD8").
WORD = re.compile(r"[^\W_]+(?:[-/][^\W_]+)*")
# Hyphen-like characters written for "-" in names ("PD‑L1" with U+2011 occurs in PubMed abstracts); the long
# dashes separate clauses, never join a name.
_DASHES = str.maketrans({**{c: "-" for c in "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"},
                         "\u2014": " ", "\u2015": " "})
# Invisible characters inside a word: a soft hyphen ("PD\u00adL1", "immuno\u00adtherapy": a place the word may be
# broken at the end of a line), a word joiner, a zero-width no-break space. They go, and the word stays whole.
_INVISIBLE = str.maketrans({c: None for c in "\u00ad\u2060\ufeff"})
# Scripts written without spaces: each character is a token (unigrams, as search engines index CJK text).
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


# What NFKC would glue onto the word before it: "Kymriah™" must not become "kymriahtm", nor "lymphoma¹" (a
# footnote) "lymphoma1"; marks go, superscript and subscript characters become separate plain ones.
_MARKS = {"\u2122": " ", "\u2120": " ", "\u00ae": " ", "\u00a9": " "}
_SCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2071" + "".join(map(chr, range(0x2074, 0x209d)))
_DETACH = str.maketrans({**_MARKS, **{c: " " + unicodedata.normalize("NFKC", c) + " " for c in _SCRIPTS}})


def normalize(text: str) -> str:
    """NFKC (ligatures, full-width forms, compatibility characters) and one hyphen for all hyphen-like dashes;
    trademark signs dropped and superscripts set apart first; soft hyphens and other invisible characters inside
    words removed."""
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE).translate(_DETACH)).translate(_DASHES)


def words(text: str) -> list[str]:
    """The words of a text after normalize(), hyphenated names whole; unspaced scripts one character each."""
    out = []
    for m in WORD.finditer(normalize(text)):
        word = m.group(0)
        if _UNSPACED.search(word):
            out.extend(piece for piece in _UNSPACED.split(word) if piece)
            out.extend(_UNSPACED.findall(word))
        else:
            out.append(word)
    return out


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """bm25s's English stop words. Its module is a plain tuple, read here without running bm25s/__init__.py, which
    imports scipy and more (~0.4 s at every start of `rag search` otherwise); the same list either way."""
    import sys

    if "bm25s.stopwords" not in sys.modules:
        import importlib.util

        try:
            package = importlib.util.find_spec("bm25s")
            spec = importlib.util.spec_from_file_location(
                "rag.lexical._bm25s_stopwords", Path(package.submodule_search_locations[0]) / "stopwords.py")
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return frozenset(module.STOPWORDS_EN)
        except (AttributeError, ImportError, OSError, TypeError, IndexError):
            pass  # laid out otherwise: import it the usual way
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


@functools.lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed tokens; hyphenated names yield the joined form and their parts."""
    stop = _stopwords()
    out: list[str] = []
    for word in map(str.lower, words(text)):
        parts = re.split(r"[-/]", word)
        if len(parts) > 1:
            if all(p.isdigit() for p in parts):  # "3-4", "49-72": a range, not a name
                out.extend(p for p in parts if p)
                continue
            out.append("".join(parts))
            out.extend(p for p in parts if len(p) > 1 and p not in stop)
        elif (len(word) > 1 and word not in stop) or _UNSPACED.match(word):
            out.append(word)
        elif word.isdigit():
            out.append(word)  # a lone digit matters in "stage 3", "grade 4"
    stemmer = _stemmer()
    return [stemmer.stemWord(t) if t.isalpha() else t for t in out]


# The tokeniser's fingerprint, recorded in each index (rag/index/shape.py): the source of its functions and
# tables, the stop words, the stemmer's version and its output on a text with every case. When any of them
# changes (our code, PyStemmer, bm25s's stop word list), indexes are rebuilt instead of mixing old stored tokens
# with new query ones.
_PROBE = ("The PD-L1/PD‑L1/PD\u00adL1 and CTLA−4 inhibitors were given to 3 patients (grade 3-4, 49–72%) with ﬁbrosis; "
          "ＩＬ－２ therapies, running trials of T cells — Kymriah™ 10⁹ cells¹ Иммунотерапия 免疫疗法 "
          "αβ T-cell receptors.")


@functools.lru_cache(maxsize=1)
def tokenizer_fingerprint() -> str:
    import hashlib
    import inspect

    import Stemmer

    rules = [inspect.getsource(f) for f in (normalize, words, tokenize)]
    tables = [WORD.pattern, _UNSPACED.pattern, sorted(_DASHES.items()), sorted(_DETACH.items()),
              sorted(_INVISIBLE.items())]
    probe = json.dumps([rules, tables, tokenize(_PROBE), sorted(_stopwords()), getattr(Stemmer, "__version__", "")])
    return hashlib.sha256(probe.encode()).hexdigest()[:12]

def compact_tokens(text: str) -> list[str]:
    """Tokens without the parts of hyphenated words: used to find a name inside a query."""
    toks = []
    stemmer = _stemmer()
    for word in map(str.lower, words(text)):
        word = re.sub(r"[-/]", "", word)
        if word not in _stopwords():
            toks.append(stemmer.stemWord(word) if word.isalpha() else word)
    return toks
