"""0009: what keeps the register fast at 120,000 resolutions - stored Persian sort keys,
an index for the order by deadline, and (SQLite) an index of one- and two-letter search terms.

- ``resolution.text_key`` and ``resolution.lead_key``: the Persian sort keys
  (``secretariat.persian.collation.index_key``, bytes whose plain order is
  the Persian order) of the text and of the lead agency's name, each indexed
  with the id, so that the register sorts by them through an index instead
  of calling the Persian collation for every row. The core keeps them on
  every save (``secretariat/sort_keys.py``); here they are filled
  for the resolutions written before, a batch at a time.
- ``ix_resolution_due_order``: an index on ``(due_date IS NULL, due_date,
  id)``, the register's order by deadline (dated ones first, then those due
  at the next meeting); ``ix_resolution_status_due``: the running
  resolutions overdue or due within N days, found and counted on it alone.
- SQLite: ``resolution_short``, an FTS5 index of every one- and two-letter
  piece of the folded text (``search_text``), so that the first letters typed
  in the search box are looked up rather than matched against every row (the
  trigram index of 0003 serves terms of three letters or more). Its tokens
  are the pieces' UTF-8 bytes in hex; it stores no text and no positions
  (``content=''``, ``detail=none``), only which resolutions hold a piece (and
  its size, so that it can be scanned like the other tables).
  Triggers in plain SQL keep it in step with every write, as 0003's do, so
  any program writing to the file keeps it right. PostgreSQL's pg_trgm index
  (0003) is left to serve every term.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

from secretariat.persian.collation import index_key

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BATCH = 5000

# The pieces of ``{text}`` (a SQL expression) as the index's document: for each
# character, itself and the two from it, in hex. json_each over an array of as
# many zeros as the text has characters counts the positions (a trigger may not
# use a WITH RECURSIVE); an empty text gives NULL, an empty document.
_PIECES = (
    "(SELECT group_concat(hex(substr({text}, key + 1, 1)) || ' ' || hex(substr({text}, key + 1, 2)), ' ') "
    "FROM json_each('[' || rtrim(replace(hex(zeroblob(length({text}))), '00', '0,'), ',') || ']'))"
)
SQLITE_SHORT_TERM_INDEX = (
    "CREATE VIRTUAL TABLE resolution_short USING fts5(pieces, content='', detail=none, tokenize='ascii')",
    "CREATE TRIGGER resolution_short_insert AFTER INSERT ON resolution BEGIN "
    f"INSERT INTO resolution_short(rowid, pieces) VALUES (new.id, {_PIECES.format(text='new.search_text')}); "
    "END",
    "CREATE TRIGGER resolution_short_delete AFTER DELETE ON resolution BEGIN "
    "INSERT INTO resolution_short(resolution_short, rowid, pieces) "
    f"VALUES ('delete', old.id, {_PIECES.format(text='old.search_text')}); END",
    "CREATE TRIGGER resolution_short_update AFTER UPDATE OF search_text ON resolution BEGIN "
    "INSERT INTO resolution_short(resolution_short, rowid, pieces) "
    f"VALUES ('delete', old.id, {_PIECES.format(text='old.search_text')}); "
    f"INSERT INTO resolution_short(rowid, pieces) VALUES (new.id, {_PIECES.format(text='new.search_text')}); "
    "END",
    "INSERT INTO resolution_short(rowid, pieces) "
    f"SELECT id, {_PIECES.format(text='search_text')} FROM resolution",
)
SQLITE_SHORT_TERM_TRIGGERS = ("resolution_short_insert", "resolution_short_delete", "resolution_short_update")

resolution = sa.table(
    "resolution",
    sa.column("id", sa.Integer),
    sa.column("text", sa.Text),
    sa.column("text_key", sa.LargeBinary),
    sa.column("lead_key", sa.LargeBinary),
)
assignment = sa.table(
    "assignment",
    sa.column("resolution_id", sa.Integer),
    sa.column("agency_id", sa.Integer),
    sa.column("role"),
)
agency = sa.table("agency", sa.column("id", sa.Integer), sa.column("name", sa.String))


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    empty = "x''" if dialect == "sqlite" else "'\\x'::bytea"
    for name in ("text_key", "lead_key"):
        op.add_column(
            "resolution", sa.Column(name, sa.LargeBinary(), nullable=False, server_default=sa.text(empty))
        )
    _fill_keys()
    op.create_index("ix_resolution_text_key", "resolution", ["text_key", "id"])
    op.create_index("ix_resolution_lead_key", "resolution", ["lead_key", "id"])
    op.create_index("ix_resolution_status_due", "resolution", ["status", "due_date"])
    op.create_index(
        "ix_resolution_due_order", "resolution", [sa.text("(due_date IS NULL)"), "due_date", "id"]
    )
    if dialect == "sqlite":
        for statement in SQLITE_SHORT_TERM_INDEX:
            op.execute(statement)


def _fill_keys() -> None:
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(
            sa.select(resolution.c.id, resolution.c.text)
            .where(resolution.c.id > last)
            .order_by(resolution.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        connection.execute(
            resolution.update()
            .where(resolution.c.id == sa.bindparam("row_id"))
            .values(text_key=sa.bindparam("key")),
            [{"row_id": row_id, "key": index_key(text)} for row_id, text in rows],
        )
        last = rows[-1][0]
    # One statement an agency: every resolution it leads takes the key of its name.
    for agency_id, name in connection.execute(sa.select(agency.c.id, agency.c.name)).all():
        led = sa.select(assignment.c.resolution_id).where(
            assignment.c.agency_id == agency_id, assignment.c.role == "lead"
        )
        connection.execute(
            resolution.update().where(resolution.c.id.in_(led)).values(lead_key=index_key(name))
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in SQLITE_SHORT_TERM_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS resolution_short")
    for name in (
        "ix_resolution_status_due",
        "ix_resolution_due_order",
        "ix_resolution_lead_key",
        "ix_resolution_text_key",
    ):
        op.drop_index(name, table_name="resolution")
    for name in ("lead_key", "text_key"):
        op.drop_column("resolution", name)
