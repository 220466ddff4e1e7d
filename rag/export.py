"""An answer and its cited sources, exported for notes and reference managers: Markdown, BibTeX, RIS, CSL-JSON.

Every reference carries its identifiers (PMID, DOI, PMCID, NCT id), its URL, where the cited passage is (section,
page, character offsets into the document's text) and the study type; every export records the question, when
it was made and the index generation the answer came from, so that the same passages can be found again.
BibTeX is written with bibtexparser and RIS with rispy (both read their own output back in the tests); CSL-JSON
is the JSON that citeproc-js and citeproc-py read (the tests format it with citeproc-py).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any

from .datatypes import Answer, Passage

FORMATS = {"markdown": "md", "bibtex": "bib", "ris": "ris", "csl": "json", "csv": "csv"}  # format -> file extension


def export(answer: Answer, fmt: str, when: _dt.datetime | None = None) -> str:
    """The answer (markdown, with its studies table), its references (bibtex, ris, csl) or its studies table (csv)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    when = when or _dt.datetime.now(_dt.timezone.utc)
    refs = references(answer)
    if fmt == "markdown":
        return _markdown(answer, refs, when)
    if fmt == "bibtex":
        return _bibtex(answer, refs, when)
    if fmt == "ris":
        return _ris(answer, refs, when)
    if fmt == "csv":
        return _csv(answer, refs, when)
    return _csl(answer, refs, when)


def references(answer: Answer) -> list[tuple[int, Passage]]:
    """The passages the answer cites, with their numbers (all passages when it cites none: a declined answer)."""
    cited = sorted(set(answer.check.cited)) or list(range(1, len(answer.passages) + 1))
    return [(n, answer.passages[n - 1]) for n in cited if 1 <= n <= len(answer.passages)]


def provenance(answer: Answer, when: _dt.datetime) -> str:
    gen = f"index generation {answer.generation}" if answer.generation else "the index"
    return f"Exported {when:%Y-%m-%d %H:%M} UTC from {gen} (immuno-rag), question: {answer.question}"


def spans(p: Passage) -> list[dict[str, Any]]:
    """The cited span and the paper's other matching spans: section, page, character offsets."""
    out = [{"section": p.citation.section or None, "page": p.citation.page, "char_start": p.char_start,
            "char_end": p.char_end}]
    for s in p.more_spans or []:
        out.append({"section": s.get("section") or None, "page": s.get("page"), "char_start": s.get("char_start"),
                    "char_end": s.get("char_end")})
    return out


def where(p: Passage) -> str:
    """'RESULTS, p. 3, characters 120-480 (and 2 more spans)'."""
    first = spans(p)[0]
    bits = [x for x in (first["section"], f"p. {first['page']}" if first["page"] else "") if x]
    bits.append(f"characters {first['char_start']}-{first['char_end']}")
    more = len(spans(p)) - 1
    return ", ".join(bits) + (f" (and {more} more span{'s' * (more > 1)})" if more else "")


# Particles that belong to a family name written after the given names ("Jan van der Berg").
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "du", "la", "le", "ter", "ten",
              "bin", "al", "el", "st", "st."}
# Words of a group's name ("Keynote Investigators", "National Cancer Institute"): kept whole.
_GROUP = re.compile(r"(?i)\b(group|committee|consortium|society|institute|association|panel|collaborat\w*|network|"
                    r"investigators|team|working|organi[sz]ation|cent(er|re)|university|board|council|foundation|"
                    r"alliance|agency|trialists|study)\b")


def _split_name(name: str) -> tuple[str, str]:
    """(family, given) of an author as the record writes the name: 'Rosenberg SA' -> ('Rosenberg', 'S. A.') and
    'van der Berg JH' -> ('van der Berg', 'J. H.') (PubMed); 'Lütje, Susanne' -> ('Lütje', 'Susanne'); given names
    first, 'Susanne Lütje' -> ('Lütje', 'Susanne') and 'Jan van der Berg' -> ('van der Berg', 'Jan'); a group's
    name or a single word -> (name, '')."""
    name = " ".join(name.split())
    m = re.fullmatch(r"(.+?)\s+([A-Z]{1,4})", name)
    if m:
        return m.group(1), " ".join(f"{c}." for c in m.group(2))
    if "," in name:
        family, given = name.split(",", 1)
        return family.strip(), given.strip()
    parts = name.split(" ")
    if len(parts) < 2 or _GROUP.search(name) or not all(p[:1].isupper() or p.lower() in _PARTICLES for p in parts):
        return name, ""
    start = len(parts) - 1  # the family name is the last word, with the particles before it
    while start > 1 and parts[start - 1].lower() in _PARTICLES:
        start -= 1
    if start == 0:
        return name, ""
    return " ".join(parts[start:]), " ".join(parts[:start])


def _reference_name(name: str) -> str:
    """An author as a reference list writes one: 'Lütje S' for 'Susanne Lütje' or 'Lütje, Susanne'; a PubMed name
    ('Lütje S') or a group's name as it is."""
    family, given = _split_name(name)
    if not given or re.fullmatch(r"(?:[A-Z]\.\s?)+", given):
        return name.strip() if not given else f"{family} {given.replace('.', '').replace(' ', '')}"
    initials = "".join(p[0] for p in re.split(r"[\s\-.]+", given) if p[:1].isalpha()).upper()
    return f"{family} {initials}" if initials else family


def has_metadata(c: Any) -> bool:
    """Does the record say what it is (a title, authors, a journal or a year)? An excerpt alone does not."""
    return bool(c.title or c.authors or c.journal or c.year)


def display_title(p: Passage) -> str:
    """The title to show for a passage's source: its own, or for an untitled record a stand-in made of the
    excerpt's first words, marked as such: '“Tebentafusp is a bispecific…” (excerpt, PMID 123)'."""
    c = p.citation
    if c.title:
        return c.title
    words, out = (p.text or "").split(), ""
    for w in words:
        if len(out) + len(w) + 1 > 48:
            break
        out = f"{out} {w}".strip()
    out = out.rstrip(".,;:")
    more = "…" if len(out) < len(" ".join(words).rstrip(".,;:")) else ""
    ident = (f"PMID {c.pmid}" if c.pmid else f"doi:{c.doi}" if c.doi else c.nct_id or c.pmcid or p.doc_id)
    return f"“{out}{more}” (excerpt, {ident})" if out else f"(untitled excerpt, {ident})"


NO_METADATA = "The record has no metadata (no title, authors, journal or year): its title is the excerpt's first words."


def _identifiers(p: Passage) -> list[str]:
    c = p.citation
    return [x for x in (f"PMID {c.pmid}" if c.pmid else "", f"doi:{c.doi}" if c.doi else "", c.pmcid or "",
                        c.nct_id or "") if x]


def _study(p: Passage) -> str:
    c = p.citation
    bits = [x for x in (c.study_type, c.evidence) if x]
    text = " · ".join(bits)
    return f"{c.notice.upper()}: {text}" if c.notice else text


def _notice(p: Passage) -> str:
    """'⚠ RETRACTED: this paper is marked retracted; do not rely on its findings.' for a source under a notice."""
    from .study_type import NOTICE_SAYS

    notice = p.citation.notice
    if not notice:
        return ""
    says = NOTICE_SAYS.get(notice, f"is from a paper marked {notice.upper()}: weigh it accordingly")
    return f"⚠ {notice.upper()}: this source {says}."


def _key(n: int, p: Passage) -> str:
    c = p.citation
    family = _split_name(c.authors[0])[0] if c.authors else (c.title or p.text or "ref").split()[0]
    return re.sub(r"[^A-Za-z0-9]", "", family).lower()[:20] + (str(c.year) if c.year else "") + f"_{n}"


# --- formats ------------------------------------------------------------------------------------------------


def _markdown(answer: Answer, refs: list[tuple[int, Passage]], when: _dt.datetime) -> str:
    lines = [f"# {answer.question}", "", answer.text.strip(), ""]
    if answer.notes:
        lines += [f"> {note}" for note in answer.notes] + [""]
    if answer.table:
        from .outcomes.table import table_markdown

        lines += ["## Studies", "", table_markdown(answer.table), "",
                  "Values read from the papers' text by rules (rag/outcomes/); each cell's span is in the CSV "
                  "export.", ""]
    lines += ["## References", ""]
    for n, p in refs:
        c = p.citation
        who = ", ".join(_reference_name(a) for a in c.authors[:3]) + (", et al." if len(c.authors) > 3 else "")
        head = ". ".join(x.rstrip(".") for x in (who, f"({c.year})" if c.year else "", display_title(p),
                                                 f"*{c.journal}*" if c.journal else "") if x)
        link = f" <{c.url}>" if c.url else ""
        lines.append(f"{n}. {head}. {'; '.join(_identifiers(p))}{link}")
        if _notice(p):
            lines.append(f"   **{_notice(p)}**")
        lines.append(f"   Cited: {where(p)}." + (f" Study: {_study(p)}." if _study(p) else "")
                     + ("" if has_metadata(c) else f" {NO_METADATA}"))
    lines += ["", "---", provenance(answer, when) + "."]
    return "\n".join(lines) + "\n"


def _bibtex(answer: Answer, refs: list[tuple[int, Passage]], when: _dt.datetime) -> str:
    import bibtexparser
    from bibtexparser import Library
    from bibtexparser.model import Entry, Field, String

    library = Library()
    library.add(String("exported", _bib_text(provenance(answer, when))))  # an @string block: the provenance
    for n, p in refs:
        c = p.citation
        # Every value is written between braces: a brace of its own (a title's "{", a backslash before the closing
        # one) would end it early or never, and the file would not parse. Text gets LaTeX's escapes, links
        # percent-encoding, the spans JSON's u-escapes.
        fields = {
            "title": _bib_text(display_title(p)),
            "author": _bib_text(" and ".join(_bibtex_name(a) for a in c.authors)),
            "year": str(c.year) if c.year else "",
            "journal": _bib_text(c.journal or ""),
            "doi": _bib_link(c.doi or ""),
            "pmid": _bib_text(c.pmid or ""),
            "pmcid": _bib_text(c.pmcid or ""),
            "nctid": _bib_text(c.nct_id or ""),
            "url": _bib_link(c.url or ""),
            "note": _bib_text((f"{_notice(p)} " if _notice(p) else "") + f"Cited: {where(p)}"
                              + (f". Study: {_study(p)}" if _study(p) else "")
                              + ("" if has_metadata(c) else f". {NO_METADATA}")
                              + f". [{n}] in the answer; {provenance(answer, when)}"),
            "citedspans": _json_without_braces(spans(p)),
        }
        kind = "article" if c.source_type in ("abstract", "fulltext") and c.journal else "misc"
        library.add(Entry(kind, _key(n, p), [Field(k, v) for k, v in fields.items() if v]))
    return bibtexparser.write_string(library)


_BIB_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}"}


def _bib_text(text: str) -> str:
    r"""Text for a BibTeX value: its braces and backslashes escaped as LaTeX writes them ("\{", "\}",
    "\textbackslash{}"), so that a title's own unbalanced brace cannot end or swallow the entry."""
    return re.sub(r"[\\{}]", lambda m: _BIB_ESCAPES[m.group()], text)


def _bib_link(link: str) -> str:
    """A URL or DOI for a BibTeX value: braces and backslashes percent-encoded (a link stays a link)."""
    return link.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def _json_without_braces(value: Any) -> str:
    r"""json.dumps(value), with the braces inside its strings written as \u007b and \u007d (json.loads reads
    them back): the JSON's own braces are balanced, a section heading's need not be."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_json_without_braces(str(k))}: {_json_without_braces(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_json_without_braces(v) for v in value) + "]"
    return json.dumps(value).replace("{", "\\u007b").replace("}", "\\u007d")


def _ris(answer: Answer, refs: list[tuple[int, Passage]], when: _dt.datetime) -> str:
    import rispy

    entries = []
    for n, p in refs:
        c = p.citation
        kind = {"abstract": "JOUR", "fulltext": "JOUR", "trial": "DBASE", "nci": "ELEC"}.get(c.source_type, "GEN")
        entry: dict[str, Any] = {
            "type_of_reference": kind,
            "id": _key(n, p),
            "title": display_title(p),
            "authors": [", ".join(x for x in _split_name(a) if x) for a in c.authors],
            "year": str(c.year) if c.year else None,
            "journal_name": c.journal,
            "doi": c.doi,
            "accession_number": c.pmid or c.nct_id,
            "urls": [c.url] if c.url else [],
            "notes": [*(_notice(p) for _ in [0] if _notice(p)), f"Cited: {where(p)}",
                      *(f"Study: {_study(p)}" for _ in [0] if _study(p)),
                      *(NO_METADATA for _ in [0] if not has_metadata(c)),
                      *_identifiers(p), f"[{n}] in the answer; {provenance(answer, when)}"],
        }
        entries.append({k: v for k, v in entry.items() if v not in (None, [], "")})
    return rispy.dumps(entries)


def _bibtex_name(name: str) -> str:
    family, given = _split_name(name)
    if not given:
        return f"{{{family}}}" if " " in family else family  # a group's name, kept whole by BibTeX's braces
    return f"{family}, {given}"


def _csl_name(name: str) -> dict[str, str]:
    family, given = _split_name(name)
    if not given:
        return {"literal": family} if " " in family else {"family": family}
    return {"family": family, "given": given}


def _csl(answer: Answer, refs: list[tuple[int, Passage]], when: _dt.datetime) -> str:
    items = []
    for n, p in refs:
        c = p.citation
        item: dict[str, Any] = {
            "id": _key(n, p),
            "type": {"abstract": "article-journal", "fulltext": "article-journal", "trial": "dataset",
                     "nci": "webpage"}.get(c.source_type, "document"),
            "title": display_title(p),
            "author": [_csl_name(a) for a in c.authors],
            "container-title": c.journal,
            "DOI": c.doi,
            "PMID": c.pmid,
            "PMCID": c.pmcid,
            "URL": c.url,
            "note": (f"{_notice(p)} " if _notice(p) else "") + f"Cited: {where(p)}"
                    + (f". Study: {_study(p)}" if _study(p) else "") + ("" if has_metadata(c) else f". {NO_METADATA}")
                    + (f". {c.nct_id}" if c.nct_id else "") + f". [{n}] in the answer; {provenance(answer, when)}",
        }
        if c.year:
            item["issued"] = {"date-parts": [[int(c.year)]]}
        items.append({k: v for k, v in item.items() if v not in (None, [], "")})
    return json.dumps(items, ensure_ascii=False, indent=2)


def _csv(answer: Answer, refs: list[tuple[int, Passage]], when: _dt.datetime) -> str:
    """The studies table: a row per study, a column per endpoint (header only when the answer has no table), and
    per value the paper and character offsets of its span in a last column."""
    import csv
    import io

    from .outcomes.table import table_csv

    data = answer.table or {"columns": [], "rows": []}
    text = table_csv(data)
    rows = list(csv.reader(io.StringIO(text)))
    rows[0].append("spans")
    for row, study in zip(rows[1:], data["rows"], strict=True):
        row.append("; ".join(f"{c['endpoint']} {c['doc_id']}:{c['char_start']}-{c['char_end']}"
                             for cells in study["cells"].values() for c in cells))
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()
