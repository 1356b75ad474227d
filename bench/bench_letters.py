"""Figures: the letter register's page, count and search, in the core (20 years × 3,000 letters at scale 1).

Each figure is what the letter register's page asks for when a person
changes what it shows: ``LetterService.page`` (the first hundred rows, with
whether each is answered) and ``count`` of the same filter, beside a
baseline read in the same run: a bare query for the same hundred rows (no
answered column) and a bare count. Each run takes the next value in turn:

- the first page, newest first, the year filter (this year, last year, the
  oldest); letters in or out, alone and with a year;
- a search: a letter's number, a word of the parties' names, a word of the
  subjects, two words together;
- an agency (the busiest and one with few letters);
- the home page's line, ``awaiting_answer`` (letters asking for an answer,
  unanswered past the council's days), and the page it opens.

Target: ≤ 50 ms median and ≤ 80 ms p95, as the resolution register's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Select, func, select

from bench.measure import Figure, Target, attempt, cycle, repeat, stopwatch
from db.models import Letter
from secretariat import clock
from secretariat.database import Database
from secretariat.letters.numbering import OUT
from secretariat.letters.register import ASKS_FOR_ANSWER, LetterQuery, LetterService
from secretariat.persian.text import search_terms

LIST_TARGET = Target(median=50, p95=80)
PAGE = 100


def _page(letters: LetterService, query: LetterQuery) -> None:
    letters.page(query, limit=PAGE)
    letters.count(query)


def _bare(database: Database, query: LetterQuery) -> None:
    """The same hundred rows and count, read bare: the least the register's page can cost."""
    rows = select(Letter.id, Letter.number, Letter.date, Letter.direction, Letter.party, Letter.subject)
    count = select(func.count(Letter.id))

    def filtered(statement: Select[Any]) -> Select[Any]:
        if query.year is not None:
            statement = statement.where(Letter.year == query.year)
        if query.direction:
            statement = statement.where(Letter.direction == query.direction)
        if query.agency_id is not None:
            statement = statement.where(Letter.agency_id == query.agency_id)
        for term in search_terms(query.search):
            statement = statement.where(Letter.search_text.contains(term, autoescape=True))
        if query.awaiting_answer:
            cutoff = clock.today() - dt.timedelta(days=14)
            statement = statement.where(
                Letter.direction == OUT, Letter.kind.in_(ASKS_FOR_ANSWER), Letter.date < cutoff
            )
        return statement

    with database.reading() as session:
        session.execute(
            filtered(rows)
            .order_by(Letter.date.desc(), Letter.direction.desc(), Letter.seq.desc())
            .limit(PAGE)
        ).all()
        session.scalar(filtered(count))


def _figure(
    name: str, letters: LetterService, database: Database, queries: list[LetterQuery], note: str, runs: int
) -> Figure:
    return attempt(
        Figure(name, "ms", LIST_TARGET, note=note),
        lambda f: repeat(
            f,
            lambda run: stopwatch(lambda: _page(letters, cycle(queries, run))),
            lambda run: stopwatch(lambda: _bare(database, cycle(queries, run))),
            runs=runs,
        ),
    )


def letters_figures(secretariat: Any, runs: int) -> Iterator[Figure]:
    database: Database = secretariat.database
    letters: LetterService = secretariat.letters
    years = letters.years()  # newest first, this year included
    total = letters.count()
    with database.reading() as session:
        by_agency = session.execute(
            select(Letter.agency_id, func.count(Letter.id))
            .where(Letter.agency_id.is_not(None))
            .group_by(Letter.agency_id)
            .order_by(func.count(Letter.id).desc())
        ).all()
        number = session.scalar(select(Letter.number).where(Letter.year == years[-1]).limit(1)) or ""
        party = session.scalar(select(Letter.party).where(Letter.agency_id.is_not(None)).limit(1)) or ""
    oldest, last = years[-1], years[min(1, len(years) - 1)]
    lists: list[tuple[str, list[LetterQuery], str]] = [
        (
            "letters: first page and years",
            [LetterQuery(), LetterQuery(year=years[0]), LetterQuery(year=last), LetterQuery(year=oldest)],
            f"all {total:,} letters newest first, then the years {years[0]}, {last} and {oldest} in turn",
        ),
        (
            "letters: direction",
            [
                LetterQuery(direction="in"),
                LetterQuery(direction="out"),
                LetterQuery(year=last, direction="in"),
                LetterQuery(year=last, direction="out"),
            ],
            f"letters in, out, and in and out of {last}, in turn",
        ),
        (
            "letters: search",
            [
                LetterQuery(search=number),
                LetterQuery(search=party.split()[-1] if party else "اداره"),
                LetterQuery(search="پیگیری"),
                LetterQuery(search="گزارش ماهانه"),
            ],
            f"a number ({number}), a word of a party's name, a subject's word, two words, in turn",
        ),
        (
            "letters: agency",
            [LetterQuery(agency_id=by_agency[0][0]), LetterQuery(agency_id=by_agency[-1][0])]
            if by_agency
            else [LetterQuery()],
            "the busiest agency and the one with fewest letters "
            f"({by_agency[0][1] if by_agency else 0:,} and {by_agency[-1][1] if by_agency else 0:,})",
        ),
        (
            "letters: awaiting an answer",
            [LetterQuery(awaiting_answer=True)],
            f"the page the home page's line opens ({letters.awaiting_answer():,} letters unanswered)",
        ),
    ]
    for name, queries, note in lists:
        yield _figure(
            name, letters, database, queries, f"{note}; baseline the same rows and count, bare", runs
        )
    yield _line_figure(letters, database, runs)


def _bare_asking(database: Database) -> None:
    cutoff = clock.today() - dt.timedelta(days=14)
    with database.reading() as session:
        session.scalar(
            select(func.count(Letter.id)).where(
                Letter.direction == OUT, Letter.kind.in_(ASKS_FOR_ANSWER), Letter.date < cutoff
            )
        )


def _line_figure(letters: LetterService, database: Database, runs: int) -> Figure:
    bare: Callable[[], object] = lambda: _bare_asking(database)  # noqa: E731
    return attempt(
        Figure(
            "letters: home page line",
            "ms",
            Target(median=50),
            note="awaiting_answer (the count on the home page); baseline a bare count of the letters asking",
        ),
        lambda f: repeat(
            f, lambda _run: stopwatch(letters.awaiting_answer), lambda _run: stopwatch(bare), runs=runs
        ),
    )
