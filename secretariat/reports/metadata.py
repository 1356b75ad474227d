"""What a printed PDF says about itself, for whoever files it.

Every report carries:
- the document information dictionary (what ``pdfinfo`` and a viewer's
  «Properties» show): the Persian title, subject and author as UTF-16 text,
  the program that made it, and its real creation time with its offset from
  UTC (``clock.now()`` unless the caller gives one);
- the same facts as XMP metadata in the catalog (Dublin Core title, creator,
  description and language fa-IR; xmp:CreateDate and CreatorTool;
  pdf:Producer), which PDF/A requires to agree with the dictionary and which
  archive catalogues read; the catalog also says /Lang (fa-IR).

A document for the yearly archive is finished as PDF/A-2b (``pdfa_2b``): its
XMP names the part and conformance, it gets an sRGB output intent (the
colours are device RGB), and it is written again by qpdf (through pikepdf),
which puts an end of line before every ``endstream`` as PDF/A asks and
reportlab does not. reportlab alone cannot write that; pikepdf is the
maintained binding to qpdf, and only the archive needs it.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFStream, PDFString

from secretariat.reports.fonts import resource_dir

LANGUAGE = "fa-IR"
PRODUCER: str = PDFInfo.producer  # reportlab's own name, as pdf:Producer must repeat it
SRGB = "sRGB IEC61966-2.1"
PDFA_PART, PDFA_CONFORMANCE = "2", "B"
# The packet's id is fixed by the XMP specification; the padding lets a tool edit it in place.
_XMP_BEGIN = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
_XMP_END = '<?xpacket end="w"?>'
_XMP_PADDING = (" " * 99 + "\n") * 10


@dataclass(frozen=True)
class DocumentMetadata:
    title: str
    author: str  # the council
    subject: str
    creator: str  # the program, with its version
    created: dt.datetime  # with its offset from UTC; a naive time is taken as local
    pdfa: bool = False  # the XMP claims PDF/A-2b (see ``pdfa_2b``)

    @property
    def moment(self) -> dt.datetime:
        return self.created if self.created.tzinfo else self.created.astimezone()


def pdf_date(moment: dt.datetime) -> str:
    """«D:20250517103000+03'30'»: a PDF date, with the offset from UTC."""
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{minutes:02d}'"


def xmp_date(moment: dt.datetime) -> str:
    """«2025-05-17T10:30:00+03:30»: the same instant as ``pdf_date``, as XMP writes it."""
    return moment.replace(microsecond=0).isoformat()


def xmp_packet(metadata: DocumentMetadata) -> bytes:
    """The XMP metadata of ``metadata``, UTF-8, agreeing with ``_Info``."""
    date = xmp_date(metadata.moment)

    def text(value: str) -> str:
        return escape(value)

    pdfa = (
        f"   <pdfaid:part>{PDFA_PART}</pdfaid:part>\n"
        f"   <pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>\n"
        if metadata.pdfa
        else ""
    )
    body = f"""{_XMP_BEGIN}
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(metadata.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{text(metadata.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text(metadata.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{LANGUAGE}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <xmp:CreatorTool>{text(metadata.creator)}</xmp:CreatorTool>
   <pdf:Producer>{text(PRODUCER)}</pdf:Producer>
{pdfa}  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
{_XMP_PADDING}{_XMP_END}"""  # noqa: E501 (one XMP property a line)
    return body.encode("utf-8")


class _Info(PDFInfo):
    """The document information dictionary: only what the XMP repeats (no empty
    Keywords, no Trapped), the dates real and with their offset (reportlab's
    own drops the half hour of +03:30)."""

    def __init__(self, metadata: DocumentMetadata):
        super().__init__()
        self.metadata = metadata
        self.title, self.author, self.subject = metadata.title, metadata.author, metadata.subject

    def digest(self, md5object: Any) -> None:
        # The file's /ID: the document and the time it was made.
        for value in (self.title, self.author, self.subject, pdf_date(self.metadata.moment)):
            md5object.update(value.encode("utf-8"))

    def format(self, document: Any) -> bytes:
        metadata, date = self.metadata, pdf_date(self.metadata.moment)
        entries = {
            "Title": PDFString(metadata.title),
            "Author": PDFString(metadata.author),
            "Subject": PDFString(metadata.subject),
            "Creator": PDFString(metadata.creator),
            "Producer": PDFString(PRODUCER),
            "CreationDate": PDFString(date),
            "ModDate": PDFString(date),
        }
        formatted: bytes = PDFDictionary(entries).format(document)
        return formatted


def write_metadata(canvas: Any, metadata: DocumentMetadata) -> None:
    """Give the document being drawn on ``canvas`` its information dictionary,
    XMP metadata and language (before it is saved)."""
    document = canvas._doc  # reportlab keeps the PDF document there
    document.info = _Info(metadata)
    document.Catalog.Lang = PDFString(LANGUAGE)
    # Not compressed: PDF/A wants the XMP readable by tools that do not inflate.
    document.Catalog.Metadata = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        xmp_packet(metadata),
        filters=None,  # the document's default: none (an empty list would write «/Filter []»)
    )


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """The bundled sRGB ICC profile (``resources/color``)."""
    return (resource_dir() / "color" / "sRGB.icc").read_bytes()


def pdfa_2b(pdf: bytes) -> bytes:
    """``pdf`` (drawn with ``DocumentMetadata.pdfa``) finished as PDF/A-2b.

    Adds the sRGB output intent and writes the file again with qpdf, which
    keeps every object and stream as it is but ends each stream's data with
    an end of line, and computes the file's /ID from its content.
    """
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        profile = document.make_stream(srgb_profile())
        profile.N = 3
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier=pikepdf.String(SRGB),
            Info=pikepdf.String(SRGB),
            RegistryName=pikepdf.String("http://www.color.org"),
            DestOutputProfile=profile,
        )
        document.Root.OutputIntents = pikepdf.Array([document.make_indirect(intent)])
        out = io.BytesIO()
        # compress_streams=False: the XMP stays uncompressed; reportlab's streams are already deflated.
        document.save(out, compress_streams=False, deterministic_id=True, fix_metadata_version=False)
    return out.getvalue()
