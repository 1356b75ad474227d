"""Finding meetings by what a person remembers of them, in the database.

Every word typed must match, each in any of these:

- a number, in any digits or in words, is the meeting's number: «۳۰», «جلسه ۳۰»,
  «سی‌امین جلسه» and «جلسه سی‌ام» all find the 30th meeting (and only it: a
  number alone would otherwise find every text that mentions it);
- a word of the title or the kind: «جلسه» (every kind), «فوق‌العاده», «مجمع»;
- the host agency's name or short name, the hall, the occasion;
- the title of an agenda item;
- a resolution's code, or its start with the year («۱۴۰۴-۰۷-۰۳», «1404-07»).

Resolution texts are not searched here: at 30,000 resolutions a common word
tripled the time of the list (the register finds them, with their meeting).

Words are folded as every search folds them (``secretariat.persian.text.fold``):
مدير finds مدیر, روابط عمومی finds روابط‌عمومی. The host's name is matched on
its stored folded copy; the short name, the occasion, the hall and the agenda
titles keep none, and are folded by the database as it reads them
(``Database.folded``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, exists, false, or_, select

from db.models import Agency, AgendaItem, Meeting, Resolution
from secretariat.database import Database
from secretariat.meetings.kinds import MeetingKind, meeting_title
from secretariat.persian.ordinals import ordinal
from secretariat.persian.text import MAX_SEARCH_TERMS, MAX_TERM_LENGTH, ZWNJ, fold

# Ordinals in words are read up to this meeting number (a province's council holds about 50 a year).
LAST_ORDINAL = 2000
# «بیست و یکمین» is three words; the longest ordinal read here, «هزار و نهصد و نود و نهمین», seven.
_MAX_ORDINAL_WORDS = 7
_DIGITS = re.compile(r"[0-9]+")
_CODE_START = re.compile(r"([0-9]{4})-")


@dataclass(frozen=True)
class MeetingTerm:
    """A folded word of the query, or the meeting number that one or more words name."""

    text: str
    number: int | None = None


def meeting_terms(query: str | None) -> list[MeetingTerm]:
    """The query's terms, at most as many and as long as any search reads
    (``search_terms``); numbers, in digits or words, are read as meeting numbers."""
    folded = (fold(word)[:MAX_TERM_LENGTH] for word in re.split(rf"[\s{ZWNJ}]+", query or ""))
    words = [word for word in folded if word]
    terms: list[MeetingTerm] = []
    start = 0
    while start < len(words) and len(terms) < MAX_SEARCH_TERMS:
        for end in range(min(len(words), start + _MAX_ORDINAL_WORDS), start, -1):
            number = _ordinals().get("".join(words[start:end]))
            if number is not None:
                terms.append(MeetingTerm("".join(words[start:end]), number))
                start = end
                break
        else:
            term = words[start]
            number = int(term) if _DIGITS.fullmatch(term) else None
            terms.append(MeetingTerm(term, number))
            start += 1
    return terms


def matches(term: MeetingTerm, database: Database) -> ColumnElement[bool]:
    """The meetings ``term`` finds, as a condition on ``Meeting``."""
    if term.number is not None:
        return Meeting.number == term.number
    text, folded = term.text, database.folded

    def holds(column: SQLColumnExpression[str]) -> ColumnElement[bool]:
        return column.contains(text, autoescape=True)

    kinds = [kind.value for kind in MeetingKind if text in _kind_words(kind)]
    hosts = select(Agency.id).where(or_(holds(Agency.name_key), holds(folded(Agency.short_name))))
    items = select(AgendaItem.meeting_id).where(holds(folded(AgendaItem.title)))
    return or_(
        Meeting.kind.in_(kinds) if kinds else false(),
        Meeting.host_agency_id.in_(hosts),
        holds(folded(Meeting.venue)),
        holds(folded(Meeting.occasion)),
        Meeting.id.in_(items),
        _has_code(text),
    )


def _has_code(text: str) -> ColumnElement[bool]:
    """A resolution of the meeting has a code that starts with ``text`` («1404-07»).

    A code starts with its meeting's Jalali year: only that year's meetings are
    looked at, one at a time (by the index on meeting_id), not 30,000 codes.
    """
    code = _CODE_START.match(text)
    if code is None:
        return false()
    return and_(
        Meeting.jalali_year == int(code.group(1)),
        exists().where(
            Resolution.meeting_id == Meeting.id, Resolution.code.startswith(text, autoescape=True)
        ),
    )


@cache
def _kind_words(kind: MeetingKind) -> str:
    """The folded words a kind's meetings are called by: its label and its title without the number."""
    title = meeting_title(kind, 1).replace(ordinal(1), "")
    return fold(kind.label) + "|" + fold(title)


@cache
def _ordinals() -> dict[str, int]:
    """Folded ordinal words -> number: «هفتمین» and «هفتم» (as in «جلسه هفتم») -> 7."""
    found = {"اول": 1, "اولین": 1, "یکم": 1, "یکمین": 1}
    for number in range(LAST_ORDINAL, 0, -1):
        adjective = ordinal(number)
        found[fold(adjective)] = number
        found[fold(adjective.removesuffix("ین"))] = number
    return found
