"""Small but whole files of the formats a scanner or a phone produces, and impostors.

Whole: a PDF with its cross-reference table, ``startxref`` and ``%%EOF``; a
PNG from its ``IHDR`` to its ``IEND``; a JPEG from its start marker through
its image data to its end marker. The content checks of the core accept
exactly these, not files that only start like them.
"""

import struct
import zlib


def pdf(text: str = "signed minutes", binary: bytes = b"") -> bytes:
    """A one-page PDF whose ``startxref`` points at its cross-reference table (``binary``: in its stream)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode() + binary
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png() -> bytes:
    """A 1×1 white pixel."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + _chunk(b"IEND", b"")
    )


def jpeg() -> bytes:
    """Start marker, a JFIF segment, the start of scan with some image data, the end marker."""
    jfif = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    scan = b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\x12\x34\x56\x78"
    return b"\xff\xd8" + jfif + scan + b"\xff\xd9"


def tiff(order: str = "II") -> bytes:
    """A header whose first directory (empty) follows it."""
    if order == "II":
        return b"II*\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00"
    return b"MM\x00*\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00"


def executable_posing_as_pdf() -> bytes:
    """A Windows program with ``%PDF-`` written over its first bytes."""
    return (
        b"%PDF-1.7\n"
        + b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"
        + b"\x00" * 50
        + b"PE\x00\x00"
        + bytes(range(256)) * 16
    )
