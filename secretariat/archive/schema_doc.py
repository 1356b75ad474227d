"""``docs/archive-schema.md``, written from ``schema``, ``layout`` and ``importing``.

    python -m secretariat.archive.schema_doc > docs/archive-schema.md

A test compares the file with this text, so the document follows the code.
"""

from __future__ import annotations

from typing import cast

from secretariat.archive.importing import IMPORT_RULES_DOC
from secretariat.archive.layout import LAYOUT_DOC
from secretariat.archive.schema import SCHEMA_NAME, SCHEMA_VERSION, TABLES


def schema_markdown() -> str:
    """``docs/archive-schema.md``: the archive's layout and every table and field."""
    lines = [
        "# The yearly archive (بایگانی سالانه): layout and data schema",
        "",
        "<!-- Generated from secretariat/archive/schema.py by "
        "`python -m secretariat.archive.schema_doc > docs/archive-schema.md`; do not edit by hand. -->",
        "",
        f"Schema `{SCHEMA_NAME}`, version {SCHEMA_VERSION}.",
        "",
        LAYOUT_DOC,
        "## data/records.json",
        "",
        "One JSON object, UTF-8, keys in the order below:",
        "",
        "```json",
        "{",
        f'  "schema": "{SCHEMA_NAME}",',
        f'  "version": {SCHEMA_VERSION},',
        '  "year": 1404,',
        '  "period": {"start": "2025-03-21", "end": "2026-03-20", "start_jalali": "1404/01/01", '
        '"end_jalali": "1404/12/29"},',
        '  "council": {...one row of the council table...},',
        '  "counts": {"agencies": 25, ...},',
        '  "tables": {"agencies": [...], "people": [...], ...}',
        "}",
        "```",
        "",
        "No database id is written: rows refer to each other by archive keys, which are computed "
        "from the records themselves (names in Persian order, meeting numbers, resolution codes), so "
        "that an archive imported into an empty database and exported again gives the same bytes. "
        "The export time is in `manifest.json` only.",
        "",
        "Values: text as stored (Persian letters, ZWNJ kept); `null` for an empty date, time, number "
        "or reference; a `number` (a monthly figure) as a JSON number, a whole one without a decimal "
        "point (42, 7.5); dates ISO Gregorian. Every `date` or `datetime` field `X` is followed by a "
        "derived `X_jalali` («1404/03/18», «1404/03/18 10:30», Latin digits so that spreadsheets sort "
        "them). Derived fields are for people reading the archive and are ignored on import.",
        "",
        "## data/csv/&lt;table&gt;.csv",
        "",
        "The same rows, one file per table (council.csv has one row), the same columns in the same "
        "order: UTF-8 with a byte order mark (so Excel reads Persian), CRLF line ends, a header row "
        "of the field names; empty cells for null, `true`/`false` for booleans.",
        "",
        "## Tables",
        "",
    ]
    for table in TABLES:
        lines += [
            f"### {table.name} ({table.title})",
            "",
            table.description,
            "",
            f"Order: {table.order}.",
            "",
            *(
                [f"Since version {table.since}; empty in an archive of an older version.", ""]
                if table.since > 1
                else []
            ),
            "| field | type | description |",
            "|---|---|---|",
        ]
        for field in table.fields:
            kind = field.type
            if field.choices:
                kind = "enum: " + ", ".join(f"`{c}`" for c in field.choices)
            notes = [field.description]
            if field.nullable:
                notes.append("May be null.")
            if field.derived:
                notes.append("Derived; ignored on import.")
            if field.since > table.since:
                notes.append(f"Since version {field.since}.")
            if field.if_absent is not None:
                notes.append(f"An archive of an older version reads as {field.if_absent}.")
            lines.append(f"| `{field.name}` | {kind} | {' '.join(notes)} |")
            if field.dated:
                lines.append(f"| `{field.name}_jalali` | text | The same in Jalali. Derived. |")
        lines.append("")
    lines += [IMPORT_RULES_DOC, ""]
    return "\n".join(lines)


if __name__ == "__main__":
    import io
    import sys

    # Run from a console, stdout is a text wrapper (typed as any TextIO).
    cast(io.TextIOWrapper, sys.stdout).reconfigure(encoding="utf-8")
    sys.stdout.write(schema_markdown())
