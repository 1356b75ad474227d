"""Words of a resolution's text in the register: its folded text (``search_text``) holds
every term, as a substring; ``%`` and ``_`` are letters like the others.

On SQLite two FTS5 indexes find the resolutions holding a term: the trigram
index (migration 0003) for terms of three letters or more, and the index of
every one- and two-letter piece (migration 0009) for the first letters
typed. A query either *lists* the matches through them (``listed``), or
*tests* each row it reads anyway (``tested``): a list of 120,000 ids costs
tens of milliseconds to build, the text of a row a fraction of a
microsecond, so a term found in nearly every resolution is better tested
on the few hundred rows other filters leave. PostgreSQL tests the column,
which its pg_trgm index serves (terms of three letters or more).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, column, func, literal_column, select, table

from db.models import Resolution

# Terms of this many letters or more are found by the trigram index; shorter ones by the other.
SHORTEST_TRIGRAM_TERM = 3

_TRIGRAMS = table("resolution_search", column("rowid", Integer))
_PIECES = table("resolution_short", column("rowid", Integer))


def tested(terms: list[str]) -> ColumnElement[bool]:
    """Each row's text holds every term (no index)."""
    return and_(*(Resolution.search_text.contains(term, autoescape=True) for term in terms))


def listed(terms: list[str]) -> ColumnElement[bool]:
    """The resolution is among those the SQLite indexes list for the terms.

    The long terms through the trigram index; the short ones through the index of pieces
    when there is no long one, else tested on the (fewer) rows the long ones list.
    """
    long_terms = [t for t in terms if len(t) >= SHORTEST_TRIGRAM_TERM]
    short_terms = [t for t in terms if len(t) < SHORTEST_TRIGRAM_TERM]
    if not long_terms:
        return Resolution.id.in_(_pieces_matching(short_terms))
    return and_(
        Resolution.id.in_(_trigrams_matching(long_terms)), *([tested(short_terms)] if short_terms else [])
    )


def counted(terms: list[str]) -> Select[int]:
    """How many resolutions hold every term, counted in the SQLite indexes alone where one
    index answers for every term (each indexed row is a resolution: triggers keep them so)."""
    if all(len(t) >= SHORTEST_TRIGRAM_TERM for t in terms):
        return select(func.count()).select_from(_trigrams_matching(terms).subquery())
    if all(len(t) < SHORTEST_TRIGRAM_TERM for t in terms):
        return select(func.count()).select_from(_pieces_matching(terms).subquery())
    return select(func.count()).select_from(Resolution).where(listed(terms))


def _trigrams_matching(terms: list[str]) -> Select[Any]:
    # One MATCH of quoted phrases: with the trigram tokenizer a phrase
    # matches as a substring, as LIKE does, but the index intersects the
    # terms itself instead of checking each match's text (at 30,000
    # resolutions, 4 ms instead of 16 for a common and a rarer word).
    phrases = " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)
    return select(_TRIGRAMS.c.rowid).where(literal_column("resolution_search").op("MATCH")(phrases))


def _pieces_matching(terms: list[str]) -> Select[Any]:
    # A piece is indexed as the hex of its UTF-8 bytes (see migration 0009).
    pieces = " AND ".join('"' + term.encode("utf-8").hex() + '"' for term in terms)
    return select(_PIECES.c.rowid).where(literal_column("resolution_short").op("MATCH")(pieces))
