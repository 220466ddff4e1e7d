"""MeSH concepts in text: which descriptors of NLM's Medical Subject Headings a text names, by any entry term.

"T-cell growth factor", "IL2" and "interleukin-2" all name descriptor D007376 (Interleukin-2); a question and a
passage that name the same descriptor in different words then share a token (``mesh_d007376``), which BM25
uses as it uses a synonym (synonyms.py). The vocabulary is rag/data/mesh_c_d.tsv.gz: the Diseases and
Chemicals and Drugs trees (15,572 descriptors, about 98,000 terms), derived from NLM's MeSH by
scripts/extract-mesh (provenance and terms of use: rag/data/MESH-NOTICE.md). Terms are matched on the
tokeniser's compact tokens (tokens.py), so "PD-1" and "PD1" are one term.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import inspect
import re
from pathlib import Path

from .tokens import compact_tokens

MESH_FILE = Path(__file__).resolve().parent.parent / "data" / "mesh_c_d.tsv.gz"
LONGEST = 8  # tokens in the longest term matched


# The head words that make a phrase a tumour ("mantle cell lymphoma", "non-small-cell lung cancer", "glioblastoma"):
# one rule for the support check's disease names, its disease sites, and the number lead's caveat.
TUMOUR_HEAD = r"(?:[a-z]*omas?|cancers?|leuka?emias?|tumou?rs?|neoplasms?)"

# Tumours as clinicians abbreviate them, which MeSH has no entry term for ("squamous NSCLC"); ambiguous ones (ALL,
# MM, UC, GC) are left out.
_TUMOUR_ABBREVIATIONS = {
    "NSCLC": "non-small cell lung cancer", "SCLC": "small cell lung cancer", "RCC": "renal cell carcinoma",
    "ccRCC": "clear cell renal cell carcinoma", "HCC": "hepatocellular carcinoma", "CRC": "colorectal cancer",
    "mCRC": "colorectal cancer", "HNSCC": "head and neck squamous cell carcinoma",
    "TNBC": "triple negative breast cancer", "AML": "acute myeloid leukemia", "CLL": "chronic lymphocytic leukemia",
    "CML": "chronic myeloid leukemia", "DLBCL": "diffuse large B-cell lymphoma", "NHL": "non-Hodgkin lymphoma",
    "GBM": "glioblastoma", "mCRPC": "castration-resistant prostate cancer", "MCC": "Merkel cell carcinoma",
    "ESCC": "esophageal squamous cell carcinoma", "NPC": "nasopharyngeal carcinoma",
    "MPM": "malignant pleural mesothelioma", "PDAC": "pancreatic ductal adenocarcinoma",
}
_TUMOUR_ABBREVIATION = re.compile(r"\b(" + "|".join(_TUMOUR_ABBREVIATIONS) + r")s?\b")
_HYPHEN_CELL = re.compile(r"(?<=\w)-(?=cells?\b)", re.I)


def tumours_spelled_out(text: str) -> str:
    """The text as MeSH's terms match tumours: each abbreviation followed by its name ("NSCLC (non-small cell lung
    cancer)"), "-cell" written apart ("non-small-cell lung cancer" is "non-small cell lung cancer", as the
    tokeniser's compact tokens read it). For checking which tumours a text names; the index's concepts are MeSH's
    terms alone."""
    text = _HYPHEN_CELL.sub(" ", text)
    return _TUMOUR_ABBREVIATION.sub(lambda m: f"{m.group(0)} ({_TUMOUR_ABBREVIATIONS[m.group(1)]})", text)


# Descriptors too general to be a fact of their own (cancer, disease, antibodies, drugs, death...): a sentence or a
# question that names them says nothing a passage must match.
GENERIC_DESCRIPTORS = frozenset({
    "mesh_d009369", "mesh_d004194", "mesh_d013577", "mesh_d000906", "mesh_d011506", "mesh_d004364", "mesh_d002277",
    "mesh_d012008", "mesh_d009362", "mesh_d003643", "mesh_d000911", "mesh_d000970", "mesh_d007239", "mesh_d014612",
    "mesh_d010919"})


@functools.lru_cache(maxsize=1)
def _terms() -> dict[tuple[str, ...], str]:
    """Each usable term, as compact tokens, -> its descriptor's token. A one-word term must look like a name
    (digits, capitals, or five letters or more): "Lead" and "Gold" would tag every "lead to"."""
    out: dict[tuple[str, ...], str] = {}
    with gzip.open(MESH_FILE, "rt", encoding="utf-8") as f:
        for line in f:
            descriptor, name, entries = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            token = "mesh_" + descriptor.lower()
            for term in [name] + [t for t in entries.split("|") if t]:
                key = tuple(compact_tokens(term))
                if not key or len(key) > LONGEST:
                    continue
                if len(key) == 1 and not (any(c.isdigit() for c in term) or term.isupper() or len(term) >= 5):
                    continue
                out.setdefault(key, token)
    return out


@functools.lru_cache(maxsize=1)
def _starts() -> dict[str, list[tuple[str, ...]]]:
    """First token -> the terms starting with it, longest first."""
    starts: dict[str, list[tuple[str, ...]]] = {}
    for key in _terms():
        starts.setdefault(key[0], []).append(key)
    for keys in starts.values():
        keys.sort(key=len, reverse=True)
    return starts


def mentions(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(descriptor token, the term's compact tokens) for each term the text names, in order, the longest term
    winning at each place."""
    toks = compact_tokens(text)
    terms, starts = _terms(), _starts()
    out, i = [], 0
    while i < len(toks):
        for key in starts.get(toks[i], ()):
            if tuple(toks[i:i + len(key)]) == key:
                out.append((terms[key], key))
                i += len(key)
                break
        else:
            i += 1
    return out


# "<site> cancer": MeSH names most tumours "<Site> Neoplasms" with no "cancer" entry term ("breast cancer", "lung
# cancer", "colorectal cancer" name no descriptor at all).
_SITE_TUMOUR = re.compile(r"\b([A-Za-z]+) (?:cancers?|carcinomas?|tumou?rs?)\b", re.I)


def tumour_mentions(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """``mentions`` of the tumours a text names, as clinicians write them: abbreviations spelled out
    (``tumours_spelled_out``), and "<site> cancer" (carcinoma, tumour) read as the site's "Neoplasms" descriptor where
    MeSH has no such term; the term's tokens are the text's own ("colorectal cancer")."""
    text = tumours_spelled_out(text)
    out = mentions(text)
    terms = _terms()
    for m in _SITE_TUMOUR.finditer(text):
        key = tuple(compact_tokens(m.group(0)))
        neoplasms = terms.get(tuple(compact_tokens(m.group(1) + " neoplasms")))
        if neoplasms and key not in terms:
            out.append((neoplasms, key))
    return out


def concepts(text: str) -> list[str]:
    """The descriptor tokens a text names, once per mention, the longest term winning at each place."""
    return [token for token, _ in mentions(text)]


@functools.lru_cache(maxsize=1)
def vocabulary_fingerprint() -> str:
    """Recorded in each index's shape (when concepts are on): another vocabulary or matcher re-tags the library on
    the next build. The vocabulary file's bytes and the matcher's code (not this file's path or imports), as the
    tokeniser's fingerprint is made."""
    h = hashlib.sha256(MESH_FILE.read_bytes())
    for f in (_terms, _starts, mentions, concepts):
        h.update(inspect.getsource(f).encode())
    h.update(str(LONGEST).encode())
    return h.hexdigest()[:12]
