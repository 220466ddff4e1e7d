"""Words shaped like the name of a drug, biologic or enzyme: the one rule the question's key terms
(rag/answer/question.py), a follow-up's subject (rag/answer/followup.py) and the support check
(rag/answer/support_check/) share.

A name by its ending: the WHO's international nonproprietary name stems ("-mab" antibodies, "-nib" and "-tinib"
kinase inhibitors, "-cel" and "-leucel" cell therapies, "-leukin" and "-kin" interleukins, "-cept" fusion proteins,
"-platin", "-taxel", "-parib"...) and "-ase" enzymes; a common English word with the same ending is not a name
("skin", "concept", "phase", "disease", "peptide").
"""

from __future__ import annotations

import re

# Endings of drug, biologic and enzyme names (INN stems; the longer ones are listed for readability, the shorter
# ones they end with would match anyway).
NAME_SUFFIXES = (
    "mab", "nib", "tinib", "rafenib", "sib", "cel", "leucel", "leukin", "kin", "kinra", "cept", "tide", "platin",
    "taxel", "rubicin", "mide", "stat", "parib", "lisib", "degib", "ciclib", "zomib", "gene", "fusp", "tug", "vec",
    "limus", "mustine", "fosfamide", "citabine", "trexate", "sertib", "cillin", "stim", "ase",
)
# Common words (and class nouns) that end like a name but name nothing in particular.
COMMON_WORDS = frozenset("""
skin akin kin napkin pumpkin bodkin catkin
concept concepts except accept intercept precept
tide peptide peptides polypeptide nucleotide oligonucleotide dipeptide
gene genes oncogene oncogenes transgene transgenes antigene pseudogene
phase phases disease diseases increase increases decrease decreases release releases case cases base bases
database databases purchase ease cease lease please whereas vase chase erase showcase staircase suitcase
briefcase encase crease phrase phrases paraphrase
excel parcel
stat
vec
mide
""".split())

_SUFFIX = re.compile(r"(?i)^[a-z][a-z-]*(" + "|".join(sorted(NAME_SUFFIXES, key=len, reverse=True)) + r")$")


def name_shaped(word: str) -> bool:
    """Does the word end like a drug, biologic or enzyme name ("nivolumab", "aldesleukin", "tisagenlecleucel",
    "kinase"), and is it not a common word with that ending ("skin", "concept", "phase")?"""
    w = word.strip("-/").lower()
    return len(w) > 4 and w not in COMMON_WORDS and _SUFFIX.match(w) is not None
