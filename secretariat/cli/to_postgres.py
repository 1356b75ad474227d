"""``python -m secretariat --db FILE migrate-to-postgres --url postgresql://…``.

Copies the council in the SQLite file to an empty PostgreSQL database and
checks the copy (``secretariat.maintenance.to_postgres``); prints a Persian
summary. Any refusal or difference exits 2 with the Persian reason, and the
PostgreSQL database is left empty. The SQLite file is only read.
"""

from __future__ import annotations

import argparse

from secretariat.cli.common import Commands, location
from secretariat.core import Secretariat
from secretariat.maintenance.to_postgres import copy_to_postgres


def add_parsers(commands: Commands) -> None:
    command = commands.add_parser(
        "migrate-to-postgres",
        help="رونوشت شورا از پرونده SQLite (--db) به پایگاه داده خالی PostgreSQL، با وارسی",
    )
    command.add_argument(
        "--url",
        required=True,
        type=location,
        help="نشانی پایگاه داده خالی، مانند postgresql://USER:PASS@HOST/council",
    )
    command.set_defaults(read_only=True)


def run(secretariat: Secretariat, args: argparse.Namespace) -> int:
    result = copy_to_postgres(secretariat.database, args.url)
    print(result.summary())
    return 0
