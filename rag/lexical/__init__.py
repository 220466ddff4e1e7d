"""Text into search terms, the same way for chunks at build time and for questions at query time.

    tokens.py    normalising, splitting and stemming words into index tokens (with the tokeniser's fingerprint)
    synonyms.py  the curated synonym table of drug, target and gene names, and query expansion with it

The BM25 index over these tokens is part of the index stage (rag/index/bm25.py).
"""
