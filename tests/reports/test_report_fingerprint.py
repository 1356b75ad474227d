"""The seal's format: canonical JSON, SHA-256, document code, QR payload."""

import datetime as dt
import hashlib

import pytest
from reportlab.graphics.barcode import qrencoder

from secretariat.reports.fingerprint import (
    Seal,
    canonical_json,
    document_code,
    fingerprint,
    parse_payload,
    qr_modules,
    seal,
)

CONTENT = {"title": "صورتجلسه", "resolutions": [{"number": 1, "due": "2025-06-08"}], "guests": []}
QR_ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


def test_the_canonical_json_is_as_documented():
    expected = (
        '{"content":{"guests":[],"resolutions":[{"due":"2025-06-08","number":1}],"title":"صورتجلسه"},'
        '"format":"council-secretariat/1","kind":"minutes"}'
    ).encode()
    assert canonical_json("minutes", CONTENT) == expected
    assert fingerprint("minutes", CONTENT) == hashlib.sha256(expected).hexdigest()


def test_key_order_does_not_matter_and_any_change_does():
    reordered = {"guests": [], "resolutions": [{"due": "2025-06-08", "number": 1}], "title": "صورتجلسه"}
    assert fingerprint("minutes", reordered) == fingerprint("minutes", CONTENT)
    assert fingerprint("minutes", CONTENT | {"title": "صورتجلسه‌"}) != fingerprint(
        "minutes", CONTENT
    )  # a ZWNJ
    assert fingerprint("directory", CONTENT) != fingerprint("minutes", CONTENT)


def test_dates_must_be_written_out_explicitly():
    with pytest.raises(TypeError):
        canonical_json("minutes", {"date": dt.date(2025, 6, 8)})


def test_the_code_names_the_document_and_starts_the_fingerprint():
    digest = fingerprint("minutes", CONTENT)
    assert document_code("M", "1404-07", digest) == f"M1404-07-{digest[:8].upper()}"
    sealed = seal("minutes", CONTENT, prefix="M", reference="1404-07")
    assert sealed == Seal(f"M1404-07-{digest[:8].upper()}", digest)


def test_the_qr_payload_reads_back_and_packs_as_alphanumeric():
    sealed = seal("minutes", CONTENT, prefix="M", reference="1404-G02")
    assert set(sealed.payload) <= QR_ALPHANUMERIC
    assert parse_payload(sealed.payload) == sealed
    assert parse_payload(sealed.payload.lower()) == sealed
    assert parse_payload("https://example.ir/") is None


def test_the_qr_code_is_the_one_reportlab_would_draw():
    payload = seal("minutes", CONTENT, prefix="M", reference="1404-07").payload
    modules = qr_modules(payload)
    reference = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    reference.addData(payload)
    reference.make()
    assert len(modules) == reference.getModuleCount() == 33  # version 4: small enough to read off paper
    assert all(modules[r][c] == bool(reference.isDark(r, c)) for r in range(33) for c in range(33))
