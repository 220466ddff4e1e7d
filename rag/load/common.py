"""What the format loaders (jats, pdf, pubmed, text) share: the error and result of loading a file, the builder of
a document's text and sections, text cleaning, identifiers and the reading of text and XML files."""

from __future__ import annotations

import codecs
import html.entities
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from rag.datatypes import Document, Section


class LoadError(Exception):
    """A file that cannot be read at all; str(err) is the human reason, e.g. 'encrypted PDF (no password)'."""


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    # Non-fatal problems, e.g. 'record 17 (line 17): invalid JSON, skipped'.
    warnings: list[str] = field(default_factory=list)


class TextBuilder:
    """Assembles a document's text from blocks under headings, and the sections that span them.

    Blocks are joined by a blank line; consecutive blocks with the same heading and page form one section.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.sections: list[Section] = []

    def add(self, heading: str, block: str, page: int | None = None, joiner: str = "\n\n") -> None:
        block = strip_markup(repair_text(block)).strip()
        if not block:
            return
        if self._parts:
            self._parts.append(joiner)
            self._length += len(joiner)
        start = self._length
        self._parts.append(block)
        self._length += len(block)
        last = self.sections[-1] if self.sections else None
        if last and last.heading == heading and last.page == page:
            last.end = self._length
        else:
            self.sections.append(Section(heading, start, self._length, page))

    @property
    def text(self) -> str:
        return "".join(self._parts)


# HTML that PubMed keeps inside abstracts and titles ("<br><b>METHODS</b>:", "I<sup>2</sup>", "<i>p</i>"):
# a line break where it breaks a line, nothing where it only styled the text.
_BREAK_TAG = re.compile(r"<(?:br|p|/p|sec|/sec|title|/title)\s*/?>", re.IGNORECASE)
_STYLE_TAG = re.compile(r"</?(?:b|i|u|em|strong|sup|sub|span|sc|italic|bold)(?:\s[^<>]{0,80})?>", re.IGNORECASE)


def strip_markup(text: str) -> str:
    if "<" not in text:
        return text
    return _STYLE_TAG.sub("", _BREAK_TAG.sub("\n", text))


def repair_text(text: str) -> str:
    """Put back UTF-8 that was read as Latin-1 or Windows-1252 somewhere upstream ("MDâ\x80\x89=" for "MD =",
    "Î±" for "α": found in real PubMed exports), with ftfy, which leaves text that is not mojibake alone."""
    if text.isascii():
        return text
    import ftfy

    return ftfy.fix_encoding(text)


def squash(text: str | None) -> str:
    """All whitespace runs to one space, trimmed."""
    return re.sub(r"\s+", " ", text or "").strip()


def first_year(value) -> int | None:
    """The first plausible year (1800-2199) in a value such as 2014, '2014', '2014 Jul-Aug' or '1998 Dec-1999 Jan'.
    A value that is a year and nothing else (1750, '2999') is returned as it is: load_file reports a year before
    1800 or after this one rather than storing it."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1000 <= value <= 2999 else None
    if re.fullmatch(r"\s*[12]\d\d\d\s*", str(value or "")):
        return int(str(value))
    m = re.search(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)", str(value or ""))
    return int(m.group(1)) if m else None


def clean_doi(value: str | None) -> str | None:
    """A DOI lowercased, without 'doi:' or resolver prefixes and trailing punctuation."""
    if not value:
        return None
    m = re.search(r"10\.\d{4,9}/[^\s\"<>]+", value)
    return m.group(0).rstrip(".,;:)]}'").lower() if m else None


def clean_pmcid(value: str | None) -> str | None:
    m = re.search(r"(\d+)", str(value or ""))
    return f"PMC{m.group(1)}" if m else None


def pubmed_name(name: str) -> str:
    """An author name in PubMed style: 'de Geus-Oei, Lioe-Fee' -> 'de Geus-Oei L'; other shapes as given."""
    name = squash(name)
    if name.count(",") != 1:
        return name
    surname, given = (part.strip() for part in name.split(","))
    words = [w for w in re.split(r"[\s.\-]+", given) if w]
    if not surname or not words or len(words) > 4:
        return name
    return f"{surname} {''.join(w[0].upper() for w in words)}"


def doc_id_for(pmid=None, doi=None, pmcid=None, nct_id=None) -> str:
    """The document id by the project's precedence; '' when there is no identifier (load_file then uses the path)."""
    if pmid:
        return f"PMID:{pmid}"
    if doi:
        return f"DOI:{doi.lower()}"
    if pmcid:
        return f"PMC:{pmcid}"
    if nct_id:
        return f"NCT:{nct_id}"
    return ""


def page_doc_id(url: str | None) -> str:
    """NCI:<path> for cancer.gov pages, URL:<url> for other pages, '' without a URL."""
    if not url:
        return ""
    if is_cancer_gov(url):
        return f"NCI:{urlparse(url).path.rstrip('/') or '/'}"
    return f"URL:{url}"


def is_cancer_gov(url: str | None) -> bool:
    host = (urlparse(url or "").hostname or "").lower()
    return host == "cancer.gov" or host.endswith(".cancer.gov")


def read_text(path: Path) -> tuple[str, list[str]]:
    """A text file's content: UTF-8 (with or without BOM), else cp1252 or Latin-1 with a warning.

    Raises LoadError for binary content, which no text encoding makes readable.
    """
    data = path.read_bytes()
    unicode = _utf16_or_32(data)
    if unicode:
        try:
            text = data.decode(unicode[0]).lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            raise LoadError(f"not valid {unicode[1]} ({exc.reason} at byte {exc.start})") from None
        if sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f") > len(text[:8192]) * 0.05:
            raise LoadError("binary file, not text")  # zero bytes that only looked like UTF-16
        return text, [f"{unicode[1]} text (decoded)"]
    if b"\x00" in data[:8192]:
        raise LoadError("binary file, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
        if controls > len(text) * 0.05:
            raise LoadError("binary file, not text")
        return text, [f"not valid UTF-8: decoded as {encoding}"]
    raise LoadError("cannot decode text")  # unreachable: latin-1 decodes any bytes


def _utf16_or_32(data: bytes) -> tuple[str, str] | None:
    """(codec, name) of text in UTF-32 or UTF-16: by its byte-order mark, or, without one, by the zero bytes that
    UTF-16 puts beside every ASCII character; None for anything else (UTF-8, legacy encodings, binary)."""
    for bom, codec, name in ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
                             (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16")):
        if data.startswith(bom):
            return codec, name
    head = data[:4096]
    if len(head) < 16:
        return None
    even, odd = head[0::2], head[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.4 and zeros_even < 0.05:
        return "utf-16-le", "UTF-16"
    if zeros_even > 0.4 and zeros_odd < 0.05:
        return "utf-16-be", "UTF-16"
    return None


def text_head(path: Path, size: int = 4096) -> str:
    """The start of a file as text, for sniffing its format (UTF-16 and UTF-32 decoded, a BOM dropped)."""
    with open(path, "rb") as fh:
        data = fh.read(size)
    unicode = _utf16_or_32(data)
    if unicode:
        data = data[: len(data) - len(data) % (4 if unicode[1] == "UTF-32" else 2)]
    return data.decode(unicode[0] if unicode else "utf-8", "replace").lstrip("\ufeff")


class _Root(Exception):
    pass


def xml_root_name(path: Path) -> str:
    """The local name of a file's root element. Read with expat up to the root's start tag, however long the prolog
    (a DTD of any size, comments), in any encoding XML allows (UTF-16 with its byte-order mark); entity
    declarations are not expanded here (parse_xml refuses them)."""
    from xml.parsers import expat

    parser = expat.ParserCreate()

    def start(name, attrs):
        raise _Root(name.rsplit(":", 1)[-1])

    parser.StartElementHandler = start
    try:
        with open(path, "rb") as fh:  # expat detects UTF-16 by its byte-order mark or its first '<'
            for block in iter(lambda: fh.read(1 << 16), b""):
                parser.Parse(block, False)
            parser.Parse(b"", True)
    except _Root as root:
        return str(root)
    except expat.ExpatError as exc:
        raise LoadError(f"malformed XML: {expat.ErrorString(exc.code)} (line {exc.lineno}) before the "
                        f"root element") from None
    raise LoadError("malformed XML: no root element")


_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}


def parse_xml(path: Path) -> ET.Element:
    """The parsed root element; HTML named entities (&nbsp;), which some exports carry without a DTD, are resolved.
    Parsed with defusedxml: a file may come from anyone (the app's upload), and entity declarations (the "billion
    laughs") or external entities are refused rather than expanded."""
    from defusedxml import DefusedXmlException
    from defusedxml import ElementTree as SafeET

    try:
        return SafeET.parse(path).getroot()
    except DefusedXmlException as exc:
        raise LoadError(f"XML with entity declarations or external references refused ({type(exc).__name__})") from None
    except ET.ParseError as exc:
        if "undefined entity" not in str(exc):
            raise LoadError(f"malformed XML: {exc}") from None
    data = path.read_bytes()
    unicode = _utf16_or_32(data)
    text = data.decode(unicode[0] if unicode else "utf-8", "replace").lstrip("\ufeff")
    if unicode:  # the text is handed over decoded: its declaration must not name another encoding
        text = re.sub(r"^<\?xml[^>]*\?>", "", text)

    def entity(m: re.Match) -> str:
        name = m.group(1)
        if name in _XML_ENTITIES:
            return m.group(0)
        char = html.entities.html5.get(name + ";")
        return char.replace("&", "&amp;").replace("<", "&lt;") if char else m.group(0)

    try:
        return SafeET.fromstring(re.sub(r"&([A-Za-z][A-Za-z0-9]*);", entity, text))
    except DefusedXmlException as exc:
        raise LoadError(f"XML with entity declarations or external references refused ({type(exc).__name__})") from None
    except ET.ParseError as exc:
        raise LoadError(f"malformed XML: {exc}") from None


def local_name(tag) -> str:
    """An element's tag without namespace ('{ns}math' -> 'math'); '' for comments and processing instructions."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
