"""Pure formatting for the web app (app.py): the chat message of an answer, the sources panel, status lines.

Everything that comes from a document (titles, authors, passage text, identifiers, URLs) is untrusted: HTML is
built from escaped pieces only, links are kept only when they are http(s), and Markdown gets its special
characters escaped. No Gradio here, so these functions are tested on their own (tests/test_ui_format.py).
"""

from __future__ import annotations

import html
import re
from typing import Any, Iterable, Mapping
from urllib.parse import quote, urlparse

from .chunk.sentences import sentence_spans
from .cite import strip_reference_markers

EXTRACTIVE_LABEL = "Extracted answer (no language model)"
LLM_LABEL = "Answer written by a language model"
ABSTAIN_LABEL = "No answer"

SOURCE_LABELS = {"abstract": "PubMed abstract", "fulltext": "Full text", "trial": "Clinical trial", "nci": "NCI page"}
_KIND_PLURALS = {"abstract": ("PubMed abstract", "PubMed abstracts"), "fulltext": ("full-text article", "full-text articles"),
                 "trial": ("clinical trial", "clinical trials"), "nci": ("NCI page", "NCI pages")}

_MARKER = re.compile(r"\[(\d+)\]|\[unsupported\]")
_MARKER_GROUP = re.compile(r"(?:\s*\[\d+\])+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#+|~$])")  # with [ and ] escaped no link or image can form
_WORD = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
_STOP = set("""a an the and or of in on at to for with by from as is are was were be been being this that these those
it its their there than then which who whom whose what when where why how not no nor but also into onto over under
after before between during about against among per via vs versus both each all any some such can could may might
will would should shall has have had do does did done our we they them he she his her i you your my me us""".split())


# --- escaping ----------------------------------------------------------------------------------------------


def esc(text: Any) -> str:
    """HTML-escape any value (None becomes the empty string)."""
    return html.escape("" if text is None else str(text), quote=True)


def md_escape(text: Any) -> str:
    """Text shown literally inside Markdown: HTML-escaped, Markdown syntax backslash-escaped."""
    # Markdown first, HTML second: escaping '#' after html.escape would break entities such as &#x27;.
    return html.escape(_MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text)), quote=False)


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


# --- which sentences an answer cites ------------------------------------------------------------------------


def cited_claims(answer_text: str) -> dict[int, list[str]]:
    """For each passage number, the answer's text that cites it (the words before each group of [n] markers).

    Works line by line, so bullets ("- A sentence. [2]") and prose ("A claim [1][3]. Another [2].") both parse.
    """
    claims: dict[int, list[str]] = {}
    for line in (answer_text or "").splitlines():
        last = 0
        for m in _MARKER_GROUP.finditer(line):
            claim = line[last:m.start()]
            last = m.end()
            # A claim ends at the previous sentence's end: keep only the last sentence before the markers.
            spans = sentence_spans(claim)
            if spans:
                claim = claim[spans[-1][0]:spans[-1][1]]
            claim = re.sub(r"^[\s\-*•.]+", "", claim).strip()
            if not claim:
                continue
            for n in re.findall(r"\[(\d+)\]", m.group(0)):
                claims.setdefault(int(n), []).append(claim)
    return claims


def _words(text: str) -> set[str]:
    out = set()
    for w in _WORD.findall(strip_reference_markers(text).lower()):
        if w in _STOP or len(w) < 2:
            continue
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out


def _normal(text: str) -> str:
    return " ".join(strip_reference_markers(text).split()).strip(" .;:").lower()


def _exact(sentence_norm: str, claim_norm: str) -> bool:
    return bool(sentence_norm) and (sentence_norm == claim_norm or (len(sentence_norm) > 30 and sentence_norm in claim_norm)
                                    or (len(claim_norm) > 30 and claim_norm in sentence_norm))


def passage_marks(texts: list[str], claims: Iterable[str], paraphrase: bool = True) -> list[list[tuple[int, int]]]:
    """For each text of one source (the passage, then its other matching spans), the (start, end) offsets of the
    sentences the claims quote or paraphrase.

    A sentence quoted verbatim (extractive answers) matches wherever it is. Only when a claim is quoted nowhere,
    and ``paraphrase`` is allowed (a language model's answer), the one sentence sharing most of the claim's words
    matches, if it shares at least 3 and 45% of them.
    """
    sentences = []  # (text index, span, normal form, words)
    for t, text in enumerate(texts):
        for a, b in sentence_spans(text):
            sentences.append((t, (a, b), _normal(text[a:b]), _words(text[a:b])))
    chosen: set[int] = set()
    for claim in claims:
        claim_norm, claim_words = _normal(claim), _words(claim)
        exact = [i for i, (_, _, norm, _) in enumerate(sentences) if _exact(norm, claim_norm)]
        if exact:
            chosen.update(exact)
            continue
        if not paraphrase or not claim_words:
            continue
        best, best_score, best_common = -1, 0.0, 0
        for i, (_, _, _, words) in enumerate(sentences):
            common = len(words & claim_words)
            if common / len(claim_words) > best_score:
                best, best_score, best_common = i, common / len(claim_words), common
        if best >= 0 and best_common >= 3 and best_score >= 0.45:
            chosen.add(best)
    out: list[list[tuple[int, int]]] = [[] for _ in texts]
    for i in sorted(chosen):
        out[sentences[i][0]].append(sentences[i][1])
    return out


def matching_sentences(text: str, claims: Iterable[str], paraphrase: bool = True) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one text that the claims quote (or paraphrase): see passage_marks."""
    return passage_marks([text], claims, paraphrase)[0]


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text as HTML with each (start, end) span wrapped in <mark>; everything escaped."""
    out, last = [], 0
    for a, b in sorted(spans):
        a, b = max(a, last), min(b, len(text))
        if a >= b:
            continue
        out.append(esc(text[last:a]))
        out.append(f'<mark class="cited">{esc(text[a:b])}</mark>')
        last = b
    out.append(esc(text[last:]))
    return "".join(out)


# --- the chat message --------------------------------------------------------------------------------------


def _body_markdown(text: str) -> str:
    """The answer body as Markdown: our markers and bullets kept, every other character shown literally."""
    lines = []
    for line in text.splitlines():
        bullet = ""
        m = re.match(r"^(\s*[-*]\s+)", line)
        if m:
            bullet, line = "- ", re.sub(r"^(?:[-*•]\s+)+", "", line[m.end():])  # the source's own list markers
        pieces, last = [], 0
        for mk in _MARKER.finditer(line):
            pieces.append(md_escape(line[last:mk.start()]))
            pieces.append(f"**[{mk.group(1)}]**" if mk.group(1) else "*\\[unsupported\\]*")
            last = mk.end()
        pieces.append(md_escape(line[last:]))
        rendered = "".join(pieces)
        if not bullet and re.match(r"^(Evidence (for|against)\b.*|Supporting evidence\b.*):$", line.strip()):
            lines += ["", f"**{rendered.strip()}**", ""]  # blank lines: not a continuation of the list above
            continue
        lines.append(bullet + rendered)
    return "\n".join(lines).strip("\n")


def mode_label(mode: str, abstained: bool, llm_model: str | None = None) -> str:
    if abstained or mode == "abstain":
        return ABSTAIN_LABEL
    if mode == "llm":
        return LLM_LABEL + (f" ({llm_model})" if llm_model else "")
    return EXTRACTIVE_LABEL


def answer_markdown(answer: Any, llm_model: str | None = None, extractive_note: str = "") -> str:
    """The chat message for a finished Answer: an honest label, the body, the notes, and a short source list."""
    parts = []
    label = mode_label(answer.mode, answer.abstained, llm_model)
    if answer.abstained or answer.mode == "abstain":
        parts.append(f"**{label}.** The library has no passage that answers this question. The closest passages "
                     f"are listed under Sources; they match the question only loosely.")
    else:
        text = answer.text
        if extractive_note and text.startswith(extractive_note):
            text = text[len(extractive_note):].lstrip()
        if answer.mode == "llm":
            explain = "Its citation markers were checked against the retrieved passages."
        else:
            explain = "The sentences below are quoted from the sources; no language model wrote them."
        parts.append(f"**{label}.** {explain}")
        parts.append(_body_markdown(text))
    if answer.notes:
        parts.append("\n".join(f"> {md_escape(note)}  " for note in answer.notes))
    cited = sorted(set(getattr(answer.check, "cited", []) or []))
    listed = [(n, answer.passages[n - 1]) for n in cited if 1 <= n <= len(answer.passages)]
    if listed:
        refs = "; ".join(f"\\[{n}\\] {md_escape(short_reference(p))}" for n, p in listed)
        parts.append(f"<small>Sources: {refs}</small>")
    return "\n\n".join(parts)


def short_reference(passage: Any, title_chars: int = 80) -> str:
    """'Title (Rosenberg SA et al., 2011)': what a reader recognises a source by in a list of them."""
    c = passage.citation
    title = " ".join((c.title or passage.doc_id).split())
    if len(title) > title_chars:
        title = title[:title_chars - 1].rsplit(" ", 1)[0] + "…"
    who = ""
    if c.authors:
        who = c.authors[0] + (" et al." if len(c.authors) > 1 else "")
    when = ", ".join(str(x) for x in (who, c.year) if x)
    return f"{title} ({when})" if when else title


def streaming_markdown(text: str, llm_model: str | None = None) -> str:
    """The chat message while a language model is still writing (not yet checked)."""
    return f"**{LLM_LABEL}{f' ({llm_model})' if llm_model else ''}**, writing… (citations are checked when it is done)\n\n" \
           + _body_markdown(text)


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
        out.append(f'<span class="src-notice" title="PubMed notice on this paper: weigh or drop it">'
                   f'⚠ {esc(c.notice.upper())}</span>')
    if getattr(c, "study_type", ""):
        basis = f"labelled from {c.evidence_basis}" if c.evidence_basis else ""
        level = c.evidence.replace("level ", "level ") if c.evidence else ""
        out.append(f'<span class="src-evidence src-ev-{_LEVEL_CLASS.get(c.evidence, "unrated")}" '
                   f'title="{esc(basis)}">{esc(c.study_type)}{" · " + esc(level) if level else ""}</span>')
    return "".join(out)


def passage_card(n: int, passage: Any, claims: list[str], cited: bool, local_href: str | None = None,
                 paraphrase: bool = True, label_uncited: bool = True) -> str:
    """One source: number, kind, title linked to the paper, authors, year, journal, identifiers, where in the
    paper, the passage with the cited sentences marked, and the paper's other matching spans (collapsed)."""
    c = passage.citation
    url = safe_url(c.url)
    title = c.title or passage.doc_id
    kind = c.source_type if c.source_type in SOURCE_LABELS else "other"
    head = [f'<span class="src-n">{n}</span>',
            f'<span class="src-kind src-kind-{kind}">{esc(SOURCE_LABELS.get(c.source_type, c.source_type or "document"))}</span>']
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

    others = [span for span in passage.more_spans or [] if (span.get("text") or "").strip()]
    texts = [passage.text] + [span["text"] for span in others]
    all_marks = passage_marks(texts, claims, paraphrase) if claims else [[] for _ in texts]
    text_html = highlight(passage.text, all_marks[0])
    more = []
    for span, marks in zip(others, all_marks[1:]):
        span_text = span["text"]
        where_more = _where(span.get("section"), span.get("page"))
        more.append((bool(marks), f'<div class="src-more-item">'
                                  + (f'<div class="src-where">{where_more}</div>' if where_more else "")
                                  + f'<div class="src-text">{highlight(span_text, marks)}</div></div>'))
    more_html = ""
    if more:
        is_open = " open" if any(m for m, _ in more) else ""
        label = f"{len(more)} more matching passage{'s' if len(more) > 1 else ''} in this {'paper' if kind in ('abstract', 'fulltext') else 'source'}"
        more_html = f'<details class="src-more"{is_open}><summary>{label}</summary>{"".join(h for _, h in more)}</details>'

    title_html = _link(url or local_href, esc(title), cls="src-title-link")
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
    for n, p in enumerate(answer.passages, 1):
        cited = n in cited_numbers and not answer.abstained
        card = passage_card(n, p, claims.get(n, []), cited, local_links.get(p.doc_id), paraphrase=answer.mode == "llm",
                            label_uncited=not answer.abstained)
        (cards_cited if cited else cards_other).append(card)
    if answer.abstained:
        head = (f'<div class="src-summary src-summary-abstain">No passage answers the question. '
                f'The {len(answer.passages)} closest, for you to judge:</div>')
        return f'<div class="src-panel">{head}{"".join(cards_other)}</div>'
    label = mode_label(answer.mode, answer.abstained, llm_model)
    head = (f'<div class="src-summary"><b>{len(cards_cited)}</b> cited · {esc(label)}'
            + support_summary(getattr(answer.check, "support", None) or [])
            + (f' · searched for “{esc(answer.search_query)}”' if answer.search_query and answer.search_query != answer.question else "")
            + "</div>")
    rest = ""
    if cards_other:
        rest = (f'<details class="src-rest"><summary>{len(cards_other)} more retrieved, not cited in the answer</summary>'
                f'{"".join(cards_other)}</details>')
    return f'<div class="src-panel">{head}{"".join(cards_cited)}{rest}</div>'


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


# --- library status and uploads ----------------------------------------------------------------------------


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def status_markdown(stats: Mapping[str, Any] | None, compact: bool = False) -> str:
    """One line about the index: documents (by kind), passages, model, last build (compact: counts and build)."""
    if not stats:
        return "**Library:** no index yet."
    if compact:
        built = re.match(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)", str(stats.get("built") or ""))
        return (f"**Library:** {_plural(int(stats.get('documents') or 0), 'document')} · "
                f"{_plural(int(stats.get('chunks') or 0), 'passage')}"
                + (f" · last build {built.group(1)} {built.group(2)}" if built else ""))
    by_type = stats.get("documents_by_type") or {}
    kinds = ", ".join(f"{v:,} {_KIND_PLURALS.get(k, (k, k))[v != 1]}" for k, v in sorted(by_type.items(), key=lambda kv: -kv[1]))
    years = stats.get("years") or (None, None)
    built = str(stats.get("built") or "")
    m = re.match(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)", built)
    built = f"{m.group(1)} {m.group(2)}" if m else built
    bits = [f"**Library:** {_plural(int(stats.get('documents') or 0), 'document')}" + (f" ({esc(kinds)})" if kinds else ""),
            _plural(int(stats.get("chunks") or 0), "passage"),
            ]
    if years and years[0] and years[1]:
        bits.append(f"{years[0]}–{years[1]}")
    bits.append(f"model {esc(stats.get('model'))}")
    if built:
        bits.append(f"last build {esc(built)}")
    if stats.get("skipped_files"):
        bits.append(_plural(int(stats["skipped_files"]), "file") + " skipped")
    line = " · ".join(bits)
    levels = stats.get("documents_by_evidence") or {}
    if levels:
        line += "\n\n**By evidence level:** " + ", ".join(f"{esc(level)}: {n:,}" for level, n in levels.items())
    notices = stats.get("notices") or {}
    if notices:
        line += " · **notices:** " + ", ".join(f"{n:,} {esc(kind)}" for kind, n in notices.items())
    return line


def upload_problem(name: str, size_bytes: int, max_mb: float, suffixes: Iterable[str]) -> str | None:
    """Why a file cannot be added (its type or size), or None when it is fine."""
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    allowed = sorted(suffixes)
    if suffix not in allowed:
        what = f"{suffix} files are" if suffix else "files without an extension are"
        return f"{name}: {what} not accepted (accepted: {', '.join(allowed)})"
    if size_bytes > max_mb * 1024 * 1024:
        return (f"{name}: {size_bytes / 1024 / 1024:.1f} MB is over the {max_mb:g} MB upload limit "
                f"(RAG_MAX_UPLOAD_MB sets it)")
    if size_bytes == 0:
        return f"{name}: the file is empty"
    return None


def report_markdown(report: Any, rejected: list[str] | None = None) -> str:
    """What an upload did, in words: added, skipped (with reasons), rejected before indexing, the index size."""
    blocks = []
    if rejected:
        blocks.append("**Not accepted:**\n" + "\n".join(f"- {md_escape(r)}" for r in rejected))
    if report is None:
        if not rejected:
            blocks.append("Choose files to add first.")
        return "\n\n".join(blocks)
    skipped = {path for path, _ in report.skipped}
    added = [p for p in report.added + report.updated if p not in skipped]
    if added:
        blocks.append(f"**Added {_plural(len(added), 'file')}:** " + ", ".join(md_escape(p) for p in added))
    elif report.up_to_date and not report.failed:
        blocks.append("**Nothing new:** the index already has these files.")
    if report.skipped:
        blocks.append(f"**Skipped {_plural(len(report.skipped), 'file')}:**\n"
                      + "\n".join(f"- {md_escape(path)}: {md_escape(reason)}" for path, reason in report.skipped))
    new_duplicates = [d for d in report.duplicates if d[0] in set(added)]
    if new_duplicates:
        one = len(new_duplicates) == 1
        blocks.append(f"**{_plural(len(new_duplicates), 'document')} in the new files "
                      f"{'duplicates one' if one else 'duplicate ones'} already in the library** "
                      f"(linked to the copy that serves).")
    blocks.append(f"The index now has {_plural(report.documents, 'document')} and {_plural(report.chunks, 'passage')}.")
    return "\n\n".join(blocks)
