"""Loaders: turn corpus files into ``Document`` records.

``discover`` lists the files of a corpus folder; ``load_file`` detects a file's format, runs the loader for it
(``pdf``, ``jats``, ``pubmed`` or ``text``) and fills what only the caller's view of the file gives: the source
path, the fallback document id and the citation URL. Every failure to read a file surfaces as ``LoadError``.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

from rag.study_type import classify
from rag.load import jats, pdf, pubmed, text
from rag.load.common import LoadError, LoadResult, repair_text, strip_markup, text_head, xml_root_name
from rag.datatypes import Document

# Version of what the loaders (rag/load/) make of a file: bump it when that changes, and every index is rebuilt
# on its next build (the embedding cache keeps what did not change); tests/test_config.py fails when their
# output changes without a bump. The chunker and the tokeniser need no number: their fingerprints are computed
# from their code (rag/chunk/, rag/lexical/tokens.py).
LOADER_VERSION = 6  # 2: mojibake repaired (ftfy); 3: HTML tags removed; 4: study type and evidence level;
# 5: no year after this one or before 1800, JATS/PubMed/MEDLINE saved as .md read as such, UTF-16 decoded;
# 6: an excerpt record's overlapping snippets said once, one a line

__all__ = ["DOC_FILE", "SUPPORTED_SUFFIXES", "LoadError", "LoadResult", "citation_url", "discover", "display_path",
           "load_file", "repair_text", "strip_markup", "utf8_name_problem"]

SUPPORTED_SUFFIXES = {".pdf", ".xml", ".nxml", ".json", ".jsonl", ".md", ".markdown", ".txt", ".nbib", ".medline"}

# Documentation that sits beside corpus files and is not itself evidence: exactly README, LICENSE, NOTICE,
# PROVENANCE... with a common documentation extension or none (a paper named "notice-of-retraction.pdf" or
# "license_agreement_trial.md" is a paper), and a file's licence beside it ("paper.pdf.license").
DOC_FILE = re.compile(r"^(readme|license|licence|copying|notice|provenance)(\.(md|markdown|txt|rst|text|html?))?$"
                      r"|\.licen[cs]e$", re.IGNORECASE)


def display_path(path) -> str:
    """A path as text that can always be printed and stored: bytes that are not UTF-8 (a file name from another
    system) shown escaped, 'bad\\xffname.md'."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def utf8_name_problem(path) -> str | None:
    """Why a path cannot be indexed under its name (bytes that are not UTF-8), or None."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return ("the file name is not valid UTF-8 (the index stores names as text): rename it, e.g. with "
                "`convmv -f latin1 -t utf8`")
    return None


# ---------------------------------------------------------------------------------------------- loading


def load_file(path: Path, root: Path | None = None) -> LoadResult:
    """Load one file into documents; raises LoadError (and nothing else) when the file cannot be read."""
    path = Path(path)
    try:
        result = _loader_for(path)(path)
    except LoadError:
        raise
    except RecursionError:
        raise LoadError("too deeply nested to read") from None
    except Exception as exc:  # a loader bug or a file shape nobody foresaw: report it, never crash the build
        raise LoadError(f"{type(exc).__name__}: {exc}") from exc
    if not result.documents:
        reason = "; ".join(result.warnings[:3]) or "no text"
        raise LoadError(f"no documents ({reason})")
    source_path = _relative(path, root)
    numbered = len(result.documents) > 1
    this_year = datetime.date.today().year
    for n, doc in enumerate(result.documents, start=1):
        doc.source_path = source_path
        doc.title = " ".join(strip_markup(repair_text(doc.title)).split()) if doc.title else doc.title
        doc.journal = repair_text(doc.journal) if doc.journal else doc.journal
        doc.authors = [repair_text(a) for a in doc.authors]
        if not doc.doc_id:
            doc.doc_id = f"FILE:{source_path}" + (f"#{n}" if numbered else "")
        if doc.year is not None and not 1800 <= doc.year <= this_year:  # a typo or a placeholder, not a year
            when = f"after this year ({this_year})" if doc.year > this_year else "before 1800"
            name = f"'{doc.title[:80]}' ({doc.doc_id})" if doc.title else doc.doc_id
            result.warnings.append(f"{name}: publication year {doc.year} is {when}: not stored as its year")
            doc.year = None
        doc.extra["evidence"] = classify(doc).to_extra()  # study type, evidence level, notices (rag/study_type/)
        doc.url = citation_url(doc)
    return result


def _loader_for(path: Path):
    """The loader function for a file, chosen by extension and, where one extension has several formats, content."""
    if not path.exists():
        raise LoadError("file not found")
    if not path.is_file():
        raise LoadError("not a regular file")
    if path.stat().st_size == 0:
        raise LoadError("empty file (0 bytes)")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf.load
    if suffix in (".xml", ".nxml"):
        root = xml_root_name(path)
        if root == "article":
            return jats.load
        if root in ("PubmedArticleSet", "PubmedArticle"):
            return pubmed.load
        raise LoadError(f"unsupported XML (root element <{root}>)")
    if suffix in (".json", ".jsonl", ".nbib", ".medline"):
        return pubmed.load
    if suffix in (".txt", ".md", ".markdown"):
        return _sniffed(path, suffix) or text.load
    raise LoadError(f"unsupported file type {suffix or '(no extension)'}")


def _sniffed(path: Path, suffix: str):
    """The loader for a text file whose content is another format (MEDLINE, JATS or PubMed XML saved as .txt or .md),
    with a warning saying so; None for text. XML of another kind is refused: it is markup, not text to index."""
    head = text_head(path).lstrip()
    if pubmed.looks_like_medline(path):
        return _noting(lambda p: pubmed.load(p, fmt="medline"), f"MEDLINE records in a {suffix} file: read as MEDLINE",
                       suffix != ".txt")
    if not head.startswith("<"):
        return None
    try:
        root = xml_root_name(path)
    except LoadError:
        if head.startswith("<?xml"):
            raise
        return None  # Markdown that opens with HTML or a comment
    if root == "article":
        return _noting(jats.load, f"JATS XML in a {suffix} file: read as JATS")
    if root in ("PubmedArticleSet", "PubmedArticle"):
        return _noting(lambda p: pubmed.load(p, fmt="xml"), f"PubMed XML in a {suffix} file: read as PubMed XML")
    if head.startswith("<?xml"):
        raise LoadError(f"XML (root element <{root}>) in a {suffix} file: not a format this library reads")
    return None


def _noting(loader, warning: str, say: bool = True):
    def load(path: Path) -> LoadResult:
        result = loader(path)
        if say:
            result.warnings.insert(0, warning)
        return result

    return load


def _relative(path: Path, root: Path | None) -> str:
    if root is None:
        return str(path)
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)


def citation_url(doc: Document) -> str | None:
    """The URL a reader can check the document at: the richest page for its kind, None if it has no identifier."""
    pmc = f"https://pmc.ncbi.nlm.nih.gov/articles/{doc.pmcid}/" if doc.pmcid else None
    if doc.source_type == "fulltext" and pmc:
        return pmc
    if doc.pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{doc.pmid}/"
    if doc.doi:
        return f"https://doi.org/{doc.doi}"
    if pmc:
        return pmc
    if doc.extra.get("url"):  # a web page's own address (front matter)
        return doc.extra["url"]
    if doc.nct_id:
        return f"https://clinicaltrials.gov/study/{doc.nct_id}"
    return None


# ---------------------------------------------------------------------------------------------- discovery


def discover(corpus_dir: Path,
             ignored: list[tuple[Path, str]] | None = None) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files under corpus_dir to load (sorted), and the things skipped for a reason (symlink loops, broken links,
    names that are not UTF-8).

    Hidden entries are skipped silently; documentation files (README, LICENSE, ...) too, or, when ``ignored`` is
    given, listed there with the reason (the build report shows them). Files of unknown type are returned:
    load_file rejects them with a reason the build summary can show.
    """
    corpus_dir = Path(corpus_dir)
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    if not corpus_dir.is_dir():
        return files, [(corpus_dir, "corpus folder not found")]
    _walk(corpus_dir, (), set(), files, skipped, [] if ignored is None else ignored)
    return files, skipped


def _walk(directory: Path, ancestors: tuple, seen: set, files: list[Path], skipped: list[tuple[Path, str]],
          ignored: list[tuple[Path, str]]) -> None:
    """Depth-first, in name order; folders are known by (device, inode), so links cannot lead round in circles."""
    try:
        st = directory.stat()
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        skipped.append((directory, f"cannot read folder: {exc.strerror or exc}"))
        return
    identity = (st.st_dev, st.st_ino)
    if identity in ancestors:
        skipped.append((directory, "symlink loop (links back to a folder above it)"))
        return
    if identity in seen:
        skipped.append((directory, "folder already read through another link"))
        return
    seen.add(identity)
    for entry in entries:
        path = directory / entry.name
        if entry.name.startswith("."):
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()  # both follow symlinks
        except OSError:  # e.g. a symlink that points at itself (ELOOP)
            is_dir = is_file = False
        bad_name = utf8_name_problem(entry.name)
        if bad_name and (is_dir or is_file):
            skipped.append((path, bad_name if is_file else f"folder: {bad_name}; nothing in it is read"))
        elif is_dir:
            _walk(path, ancestors + (identity,), seen, files, skipped, ignored)
        elif is_file:
            if DOC_FILE.search(entry.name):
                ignored.append((path, "documentation beside the papers (README, LICENSE, NOTICE...), not read"))
            else:
                files.append(path)
        elif entry.is_symlink():
            reason = "symlink loop" if _is_link_loop(path) else "broken symlink"
            skipped.append((path, f"{reason} -> {display_path(os.readlink(path))}"))
        else:
            skipped.append((path, "not a regular file"))


def _is_link_loop(path: Path) -> bool:
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 reports a loop this way
        return True
    except OSError as exc:
        return exc.errno == 40  # ELOOP
    return False
