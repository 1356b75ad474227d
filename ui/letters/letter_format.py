"""How a letter reads on screen: its number, its direction, its answer.

A letter number mixes Persian digits with the pattern's letters and
slashes («۱۲/ش/۱۴۰۵»). In a right-to-left line the bidi algorithm lays such
a number out from the right, the sequence first, as it is read; but a
number beside other text (a party's name, a date) or a pattern whose numbers
touch («۱۲/۱۴۰۵/ش», «۱۲-۰۵») could have its parts swapped with their
neighbours. ``number_text`` isolates it (``ui.rtl.isolated``): a number
whose first letter is Persian keeps the right-to-left order it is read in,
one of digits and Latin alone reads left to right, whole, as a resolution's
code does.
"""

from __future__ import annotations

import datetime as dt

from secretariat import clock
from secretariat.letters import numbering
from secretariat.letters.numbering import OUT
from secretariat.letters.register import ASKS_FOR_ANSWER, LetterKind
from secretariat.persian.text import format_int
from ui.letters import wording
from ui.rtl import isolated


def number_text(number: str) -> str:
    """A stored number (Latin digits) as shown: Persian digits, isolated."""
    return isolated(numbering.shown(number))


def direction_label(direction: str) -> str:
    return wording.OUTGOING if direction == OUT else wording.INCOMING


def asks_for_answer(direction: str, kind: LetterKind) -> bool:
    return direction == OUT and kind.value in ASKS_FOR_ANSWER


def waiting_days(date: dt.date) -> int:
    """Days since a letter was sent."""
    return (clock.today() - date).days


def unanswered_text(date: dt.date) -> str:
    days = waiting_days(date)
    return wording.UNANSWERED.format(days=format_int(days)) if days > 0 else wording.UNANSWERED_TODAY
