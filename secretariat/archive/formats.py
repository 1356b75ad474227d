"""The year's records as files: ``data/records.json`` and ``data/csv/<table>.csv``.

JSON: UTF-8 without a byte order mark, two-space indents, Persian as is
(no ``\\u`` escapes), keys in schema order, a final newline. CSV: the same
rows flattened, one file per table, UTF-8 *with* a byte order mark so that
Excel reads Persian (without it Excel guesses the ANSI code page), CRLF
line ends, a header row of the field names, empty cells for null and
``true``/``false`` for booleans.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence

from secretariat.archive.records import YearRecords
from secretariat.archive.schema import TABLES

RECORDS_PATH = "data/records.json"
CSV_FOLDER = "data/csv"
BOM = "\ufeff"


def records_json(records: YearRecords) -> bytes:
    return (json.dumps(records.document(), ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode(
        "utf-8"
    )


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def table_csv(columns: tuple[str, ...], rows: Sequence[Mapping[str, object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row[column]) for column in columns])
    return (BOM + out.getvalue()).encode("utf-8")


def csv_files(records: YearRecords) -> dict[str, bytes]:
    """``{archive path: bytes}``, one CSV per table, in schema order."""
    files = {}
    for table in TABLES:
        rows = [records.council] if table.name == "council" else records.tables[table.name]
        files[f"{CSV_FOLDER}/{table.name}.csv"] = table_csv(table.columns, rows)
    return files
