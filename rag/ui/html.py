"""HTML for the sources panel: escaping, safe links, passage cards with their badges, highlighted sentences.

Built from escaped pieces only; a link is kept only when it is an absolute http(s) address.
"""

from __future__ import annotations

import html
from typing import Any, Iterable, Mapping
from urllib.parse import quote, urlparse

from .claims import cited_claims, passage_marks
from .labels import SOURCE_LABELS, mode_label

# --- escaping and links ---------------------------------------------------------------------------------------


def esc(text: Any) -> str:
    """HTML-escape any value (None becomes the empty string)."""
    return html.escape("" if text is None else str(text), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) address, else None (no javascript:, data: or relative links)."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parsed = urlparse(url)
    except ValueError:
        return None
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc or any(c in url for c in "\r\n\t \"'<>`"):
        return None
    return url


def _link(href: str | None, label_html: str, cls: str = "", title: str = "") -> str:
    """An <a> opening in a new tab; the label (already HTML) alone when there is no usable href."""
    if not href:
        return label_html
    attrs = f' class="{cls}"' if cls else ""
    attrs += f' title="{esc(title)}"' if title else ""
    return f'<a href="{esc(href)}" target="_blank" rel="noopener noreferrer"{attrs}>{label_html}</a>'


# --- highlighting ---------------------------------------------------------------------------------------------


def highlight(text: str, spans: Iterable[tuple[int, int]], values: Iterable[tuple[int, int, str]] = ()) -> str:
    """The text as HTML with each (start, end) span wrapped in <mark>; everything escaped. ``values``: the spans of
    the studies table's cells (start, end, anchor id), marked so that a click on a cell shows its span; a cited
    sentence they fall in is cut around them. A value span inside another (a complete response inside the sum of
    complete and partial responses) is marked inside it, so each cell's whole span is one element; one id is
    marked once (cells of one span share it)."""
    values = sorted({v[2]: v for v in values if 0 <= v[0] < v[1] <= len(text)}.values())
    marks = [(a, b, "cited", "") for a, b in spans]
    for va, vb, _ in values:
        marks = [piece for a, b, cls, ident in marks
                 for piece in ((a, min(b, va), cls, ident), (max(a, vb), b, cls, ident))
                 if piece[0] < piece[1]] if any(a < vb and va < b for a, b, _, _ in marks) else marks
    marks += [(a, b, "value", ident) for a, b, ident in values]
    marks.sort(key=lambda m: (m[0], -m[1]))

    def render(lo: int, hi: int, items: list[tuple[int, int, str, str]]) -> str:
        out, last = [], lo
        while items:
            a, b, cls, ident = items.pop(0)
            a, b = max(a, last), min(b, hi)
            inner = [x for x in items if x[0] < b and x[1] <= b]  # every mark inside this one, not only the next
            items = [x for x in items if not (x[0] < b and x[1] <= b)]
            if a >= b:
                out.append(render(last, last, inner))  # (an emptied mark's own inner marks are emptied too)
                continue
            anchor = f' id="{esc(ident)}"' if ident else ""
            out.append(esc(text[last:a]) + f'<mark class="{cls}"{anchor}>{render(a, b, inner)}</mark>')
            last = b
        return "".join(out) + esc(text[last:hi])

    return render(0, len(text), marks)


# --- the sources panel ---------------------------------------------------------------------------------------


def format_authors(authors: list[str] | None, limit: int = 3) -> str:
    authors = [a for a in (authors or []) if a]
    if not authors:
        return ""
    if len(authors) <= limit:
        return ", ".join(authors)
    return ", ".join(authors[:limit]) + ", et al."


def _identifier_links(c: Any) -> list[str]:
    out = []
    if c.pmid:
        out.append(_link(f"https://pubmed.ncbi.nlm.nih.gov/{quote(str(c.pmid))}/", f"PMID {esc(c.pmid)}"))
    if c.pmcid:
        out.append(_link(f"https://pmc.ncbi.nlm.nih.gov/articles/{quote(str(c.pmcid))}/", esc(c.pmcid)))
    if c.doi:
        out.append(_link(f"https://doi.org/{quote(str(c.doi), safe='/:;()._-')}", f"doi:{esc(c.doi)}"))
    if c.nct_id:
        out.append(_link(f"https://clinicaltrials.gov/study/{quote(str(c.nct_id))}", esc(c.nct_id)))
    return out


def _where(section: str | None, page: int | None) -> str:
    bits = []
    if section:
        bits.append(f"§ {esc(section)}")
    if page:
        bits.append(f"p. {esc(page)}")
    return " · ".join(bits)


# The badge's colour class by evidence level (CSS in app.py).
_LEVEL_CLASS = {"level 1": "l1", "level 2": "l2", "level 3": "l3", "level 4": "l4", "level 5": "l5",
                "guidance": "guidance", "preclinical": "pre", "registration": "reg", "unrated": "unrated"}


def evidence_badge(c: Any) -> str:
    """The study type and evidence level of a source, and a red mark for a retraction or other notice."""
    out = []
    if getattr(c, "notice", None):
        out.append(f'<span class="src-notice" title="Notice on this paper (from PubMed or its publisher): weigh or '
                   f'drop it">⚠ {esc(c.notice.upper())}</span>')
    if getattr(c, "study_type", ""):
        basis = f"labelled from {c.evidence_basis}" if c.evidence_basis else ""
        level = c.evidence.replace("level ", "level ") if c.evidence else ""
        out.append(f'<span class="src-evidence src-ev-{_LEVEL_CLASS.get(c.evidence, "unrated")}" '
                   f'title="{esc(basis)}">{esc(c.study_type)}{" · " + esc(level) if level else ""}</span>')
    return "".join(out)


def value_anchor(n: int, char_start: int, char_end: int) -> str:
    """The id of a table cell's span in the sources panel (passage n, the span's offsets in its paper: a sum of
    complete and partial responses starts where its complete response does)."""
    return f"value-{n}-{char_start}-{char_end}"


def _values_in(segment_start: int, segment_text: str, n: int,
               cells: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    out = []
    for c in cells:
        a, b = c["char_start"] - segment_start, c["char_end"] - segment_start
        if 0 <= a < b <= len(segment_text) and segment_text[a:b] == c["span"]:
            out.append((a, b, value_anchor(n, c["char_start"], c["char_end"])))
    return out


def _value_sentences(text: str, start: int, n: int, cells: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """The sentences of a segment that hold a table cell's value span."""
    from ..chunk.sentences import sentence_spans

    values = _values_in(start, text, n, cells)
    return [(a, b) for a, b in sentence_spans(text) if any(a < vb and va < b for va, vb, _ in values)]


def passage_card(n: int, passage: Any, claims: list[str], cited: bool, local_href: str | None = None,
                 paraphrase: bool = True, label_uncited: bool = True, cells: list[dict[str, Any]] | None = None) -> str:
    """One source: number, kind, title linked to the paper, authors, year, journal, identifiers, where in the
    paper, the passage with the cited sentences marked, and the paper's other matching spans (collapsed)."""
    from ..export import display_title, has_metadata

    c = passage.citation
    url = safe_url(c.url)
    title = display_title(passage)  # an untitled excerpt: its first words, marked as an excerpt
    kind = c.source_type if c.source_type in SOURCE_LABELS else "other"
    kind_label = esc(SOURCE_LABELS.get(c.source_type, c.source_type or "document"))
    head = [f'<span class="src-n">{n}</span>', f'<span class="src-kind src-kind-{kind}">{kind_label}</span>']
    badge = evidence_badge(c)
    if badge:
        head.append(badge)
    if not cited and label_uncited:
        head.append('<span class="src-uncited">not cited</span>')
    cosine = (passage.signals or {}).get("cosine")
    if cosine is not None:
        head.append(f'<span class="src-sim" title="cosine similarity of the passage to the question">'
                    f'similarity {float(cosine):.2f}</span>')
    meta = []
    authors = format_authors(c.authors)
    if authors:
        meta.append(f'<span class="src-authors" title="{esc(", ".join(c.authors))}">{esc(authors)}</span>')
    if c.year:
        meta.append(f'<span class="src-year">{esc(c.year)}</span>')
    if c.journal:
        meta.append(f'<span class="src-journal">{esc(c.journal)}</span>')
    links = _identifier_links(c)
    where = _where(c.section, c.page)
    if local_href:
        page = f" at p. {esc(c.page)}" if c.page else ""
        links.append(_link(local_href, f"open the PDF{page}", cls="src-local"))
    if url and not any(f'href="{esc(url)}"' in link for link in links):
        host = urlparse(url).netloc.removeprefix("www.")
        links.insert(0, _link(url, f"{esc(host)} ↗", cls="src-open"))

    # (a span the passage itself holds, a value's span the answer's lead read there, is not shown twice)
    others = [span for span in passage.more_spans or [] if (span.get("text") or "").strip()
              and not (passage.char_end and passage.char_start <= span.get("char_start", -1)
                       and span.get("char_end", 10**12) <= passage.char_end)]
    texts = [passage.text] + [span["text"] for span in others]
    all_marks = passage_marks(texts, claims, paraphrase) if claims else [[] for _ in texts]
    cells = cells or []
    if cited and cells and not any(all_marks):
        # Cited only by the answer's lead of extracted values: the sentences those values were read from are the
        # cited ones.
        starts = [passage.char_start] + [span.get("char_start", -10**9) for span in others]
        all_marks = [_value_sentences(text, start, n, cells) for text, start in zip(texts, starts, strict=True)]
    text_html = highlight(passage.text, all_marks[0], _values_in(passage.char_start, passage.text, n, cells))
    more = []
    for span, marks in zip(others, all_marks[1:], strict=True):
        span_text = span["text"]
        where_more = _where(span.get("section"), span.get("page"))
        values = _values_in(span.get("char_start", -10**9), span_text, n, cells)
        more.append((bool(marks) or bool(values), '<div class="src-more-item">'
                                  + (f'<div class="src-where">{where_more}</div>' if where_more else "")
                                  + f'<div class="src-text">{highlight(span_text, marks, values)}</div></div>'))
    more_html = ""
    if more:
        is_open = " open" if any(m for m, _ in more) else ""
        what = "paper" if kind in ("abstract", "fulltext") else "source"
        label = f"{len(more)} more matching passage{'s' if len(more) > 1 else ''} in this {what}"
        more_html = (f'<details class="src-more"{is_open}><summary>{label}</summary>'
                     f'{"".join(h for _, h in more)}</details>')

    title_html = _link(url or local_href, esc(title), cls="src-title-link")
    if not has_metadata(c):
        title_html = (f'<span class="src-excerpt" title="this record has no title, authors, journal or year: the '
                      f'title shown is its first words">{title_html}</span>')
    return (
        f'<div class="src-card{" src-cited" if cited else ""}" id="source-{n}">'
        f'<div class="src-head">{"".join(head)}</div>'
        f'<div class="src-title">{title_html}</div>'
        + (f'<div class="src-meta">{" · ".join(meta)}</div>' if meta else "")
        + (f'<div class="src-links">{" · ".join(links)}</div>' if links else "")
        + (f'<div class="src-where">{where}</div>' if where else "")
        + f'<div class="src-text">{text_html}</div>'
        + more_html
        + "</div>"
    )


def sources_html(answer: Any, local_links: Mapping[str, str] | None = None, llm_model: str | None = None) -> str:
    """The sources panel for an Answer: cited passages first (as numbered in the answer), then the rest."""
    local_links = local_links or {}
    if not answer.passages:
        return empty_sources_html("No passage matched the question (or the filters).")
    claims = cited_claims(answer.text) if not answer.abstained else {}
    cited_numbers = set(getattr(answer.check, "cited", []) or []) | set(claims)
    cards_cited, cards_other = [], []
    table = getattr(answer, "table", None) if not answer.abstained else None
    cells_of: dict[int, list[dict[str, Any]]] = {}
    for row in (table or {}).get("rows", []):
        for cells in row["cells"].values():
            cells_of.setdefault(row["passage"], []).extend(cells)
    for n, p in enumerate(answer.passages, 1):
        cited = (n in cited_numbers or n in cells_of) and not answer.abstained
        card = passage_card(n, p, claims.get(n, []), cited, local_links.get(p.doc_id), paraphrase=answer.mode == "llm",
                            label_uncited=not answer.abstained, cells=cells_of.get(n))
        (cards_cited if cited else cards_other).append(card)
    if answer.abstained:
        head = (f'<div class="src-summary src-summary-abstain">No passage answers the question. '
                f'The {len(answer.passages)} closest, for you to judge:</div>')
        return f'<div class="src-panel">{head}{"".join(cards_other)}</div>'
    label = mode_label(answer.mode, answer.abstained, llm_model)
    head = (f'<div class="src-summary"><b>{len(cards_cited)}</b> cited · {esc(label)}'
            + support_summary(getattr(answer.check, "support", None) or [])
            + (f' · searched for “{esc(answer.search_query)}”'
               if answer.search_query and answer.search_query != answer.question else "")
            + "</div>")
    rest = ""
    if cards_other:
        rest = (f'<details class="src-rest"><summary>{len(cards_other)} more retrieved, not cited in the answer'
                f'</summary>{"".join(cards_other)}</details>')
    return f'<div class="src-panel">{head}{studies_table_html(table)}{"".join(cards_cited)}{rest}</div>'


def studies_table_html(table: Mapping[str, Any] | None) -> str:
    """The studies table: one row per study, a column per endpoint; every value links to its span in the source
    card below (the span is marked, and shown outlined when its cell is clicked). Everything escaped."""
    if not table or not table.get("rows"):
        return ""
    labels = table.get("labels") or table["columns"]
    head = "".join(f"<th>{esc(h)}</th>" for h in ["Study", "Design", "N", "Arms", *labels])
    body = []
    for row in table["rows"]:
        n = row["passage"]
        design = row["design"] + (f", phase {row['phase']}" if row.get("phase") else "")
        size = f"{row['n']['value']} {row['n']['what']}" if row.get("n") else "–"
        notice = f' <span class="src-notice">⚠ {esc(row["notice"].upper())}</span>' if row.get("notice") else ""
        tds = [f'<td class="st-study"><a href="#source-{n}" class="st-src">[{n}]</a> {esc(row["study"])}{notice}</td>',
               f"<td>{esc(design)}</td>", f"<td>{esc(size)}</td>", f'<td>{esc(" vs ".join(row["arms"]) or "–")}</td>']
        for endpoint in table["columns"]:
            parts = []
            for c in row["cells"].get(endpoint, []):
                who = c.get("population") or (c["arm"] if c["arm"] not in ("all", "comparison") else "")
                label = (f'<span class="st-arm">{esc(who)}:</span> ' if who else "") + esc(c["display"])
                parts.append(f'<a class="st-value" href="#{value_anchor(n, c["char_start"], c["char_end"])}" '
                             f'title="{esc(c["span"])}" data-doc="{esc(c["doc_id"])}" '
                             f'data-span="{c["char_start"]}-{c["char_end"]}">{label}</a>')
            tds.append(f'<td>{"<br>".join(parts) or "–"}</td>')
        body.append(f"<tr>{''.join(tds)}</tr>")
    notes = "".join(f'<div class="st-disagree">⚠ {esc(d)}</div>' for d in table.get("disagreements", []))
    hidden = table.get("studies_without_values") or 0
    foot = (f'<div class="st-foot">Values read from the papers\' text by rules (rag/outcomes/); click one to see its '
            f'span.{f" {hidden} other retrieved studies report none of these endpoints." if hidden else ""}</div>')
    return (f'<div class="studies-table" id="studies-table"><div class="st-title">Studies</div>'
            f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>{notes}{foot}</div>')


def support_summary(support: list[dict[str, Any]]) -> str:
    """' · support check: all 4 sentences found in their sources' (or how many were not, in red)."""
    if not support:
        return ""
    doubtful = [v for v in support if v.get("status") != "supported"]
    if not doubtful:
        return (f' · <span class="src-support-ok" title="numbers, names and negation of every cited sentence were '
                f'found in the passages it cites">support check: all {len(support)} sentences found in their '
                f'sources</span>')
    reasons = "; ".join(r for v in doubtful for r in v.get("reasons", []))[:300]
    return (f' · <span class="src-support-doubt" title="{esc(reasons)}">support check: {len(doubtful)} of '
            f'{len(support)} sentences not found in their sources (marked ⚠)</span>')


def empty_sources_html(message: str = "Ask a question: the passages its answer cites appear here, each with a "
                                       "link to the paper and the cited sentences highlighted.") -> str:
    return f'<div class="src-panel"><div class="src-empty">{esc(message)}</div></div>'
