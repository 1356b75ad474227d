"""Letters printed: how they are issued, and what the register said of each (no reportlab here).

What the window's preview and the command line read of a printout of letters
(see ``secretariat.reports.issuing``, which makes them): how many were issued
now, reprinted as copies, or only previewed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from secretariat.persian.text import to_persian_digits

if TYPE_CHECKING:  # the register (the database layer) loads with the letters, not with the window
    from secretariat.letters.register import LetterRecord, OutgoingDraft


class Issuing(StrEnum):
    PREVIEW = "preview"  # register nothing: see what printing gives
    ISSUE = "issue"  # number the letters not issued yet; reprint the others as copies
    NEW = "new"  # issue every letter anew


@dataclass(frozen=True)
class PrintedLetter:
    """One letter of a printout: its place among the drafts, and what the register says of it."""

    index: int  # in the drafts' order
    draft: OutgoingDraft
    record: LetterRecord | None  # None: previewed, not issued
    date: dt.date  # the letter's date: as registered, or the day it would be issued

    @property
    def pending(self) -> bool:
        """Previewed only: printing it issues it."""
        return self.record is None

    @property
    def copy(self) -> bool:
        """A reprint of a letter issued before."""
        return self.record is not None and self.record.copy


@dataclass(frozen=True)
class PrintedLetters:
    pdf: bytes
    letters: tuple[PrintedLetter, ...]

    @property
    def pending(self) -> int:
        """Letters previewed that printing would issue."""
        return sum(1 for letter in self.letters if letter.pending)

    @property
    def copies(self) -> int:
        return sum(1 for letter in self.letters if letter.copy)

    @property
    def issued(self) -> tuple[LetterRecord, ...]:
        """The letters issued by this printout (not the reprints)."""
        return tuple(
            letter.record for letter in self.letters if letter.record is not None and not letter.record.copy
        )

    def summary(self) -> str:
        """What the printout did, in a sentence: «۲ نامه صادر شد (۱۲/ش/۱۴۰۵ تا ۱۳/ش/۱۴۰۵)؛ ...»."""
        parts = []
        issued = self.issued
        if issued:
            numbers = [letter.shown_number for letter in issued]
            span = numbers[0] if len(numbers) == 1 else f"{numbers[0]} تا {numbers[-1]}"
            parts.append(f"{to_persian_digits(len(issued))} نامه صادر و در دفتر ثبت شد ({span})")
        if self.copies:
            parts.append(f"{to_persian_digits(self.copies)} نامه پیش‌تر صادر شده بود و رونوشت آن چاپ شد")
        if self.pending:
            parts.append(f"{to_persian_digits(self.pending)} نامه هنوز صادر نشده است (پیش‌نمایش)")
        return "؛ ".join(parts) + "."
