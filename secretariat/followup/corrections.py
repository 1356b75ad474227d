"""Correcting or voiding a follow-up entry (اصلاح و ابطال پیگیری): nothing is deleted.

A mistaken entry is taken back, with a reason and the name of who takes it
back (typed, as the follow-up dialog's «ثبت‌کننده»):
- corrected: a new entry with the right date, kind, note and progress is
  recorded in its place, linked to it;
- voided: nothing replaces it (a call that never happened, an entry
  recorded on the wrong resolution).
The entry taken back stays in the log as it was recorded, with who took it
back, when and why (``Withdrawal``), and no longer counts: the last
follow-up of the follow-up letter, the last progress and the log of the
yearly report, and the status an entry's progress sets read only the
entries in force. An entry is taken back once: a corrected entry is
corrected again through its correction; a voided one stays void.

``FollowUpService.correct`` and ``FollowUpService.void`` (in ``lifecycle``)
are the operations; this module holds their rules and wording.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from db.models import FollowUp, FollowUpCorrection, Resolution
from secretariat.errors import DomainError
from secretariat.followup.status import ResolutionStatus
from secretariat.persian import jalali

CORRECTED_NOTE = "اصلاح‌شده در {date} توسط {by}؛ دلیل: {reason}"
VOIDED_NOTE = "باطل‌شده در {date} توسط {by}؛ دلیل: {reason}"
CORRECTS_NOTE = "اصلاحِ پیگیری {date}"
ALREADY_CORRECTED = (
    "این پیگیری پیش‌تر اصلاح شده است و دیگر به حساب نمی‌آید؛ اگر اصلاح آن هم نادرست است، خود اصلاحیه را "
    "اصلاح یا باطل کنید."
)
ALREADY_VOIDED = "این پیگیری پیش‌تر باطل شده است و دیگر اصلاح یا باطل نمی‌شود."
NOTHING_CHANGED = "اصلاحیه با پیگیری اصلی یکی است؛ دست‌کم یکی از تاریخ، نوع، شرح یا پیشرفت را تغییر دهید."
REASON_REQUIRED = {"correct": "دلیل اصلاح را بنویسید.", "void": "دلیل ابطال را بنویسید."}
BY_REQUIRED = "نام ثبت‌کننده را بنویسید."


@dataclass(frozen=True)
class CorrectionDraft:
    """What the entry should have said, why it is corrected, and who corrects it.

    The corrected entry's document, if it kept one, goes with the correction:
    a wrong date or percentage does not make the letter another letter.
    """

    date: str  # Jalali
    kind: str
    note: str = ""
    progress: str = ""  # percent, any digits; empty: not reported
    reason: str = ""
    recorded_by: str = ""


@dataclass(frozen=True)
class Withdrawal:
    """Why an entry no longer counts: who took it back, when, why, and what replaces it."""

    reason: str
    by: str
    at: dt.datetime
    replacement_id: int | None = None  # the entry that corrects it; None: voided

    @property
    def voided(self) -> bool:
        return self.replacement_id is None

    @property
    def note(self) -> str:
        """«اصلاح‌شده در ۱۴۰۵/۰۹/۱۲ توسط زهرا موسوی؛ دلیل: ...»"""
        wording = VOIDED_NOTE if self.voided else CORRECTED_NOTE
        return wording.format(date=jalali.format_short(self.at.date()), by=self.by, reason=self.reason)


def withdrawal_of(correction: FollowUpCorrection) -> Withdrawal:
    return Withdrawal(
        reason=correction.reason,
        by=correction.recorded_by,
        at=correction.recorded_at,
        replacement_id=correction.replacement_id,
    )


def corrects_note(original_date: dt.date) -> str:
    """What a correcting entry says of the one it replaces: «اصلاحِ پیگیری ۱۴۰۵/۰۹/۰۱»."""
    return CORRECTS_NOTE.format(date=jalali.format_short(original_date))


def not_taken_back() -> ColumnElement[bool]:
    """A condition on ``FollowUp``: the entry has not been taken back (corrected or voided)."""
    return ~exists().where(FollowUpCorrection.follow_up_id == FollowUp.id)


def refuse_if_taken_back(session: Session, entry: FollowUp) -> None:
    """An entry is corrected or voided once; the refusal says what to do instead."""
    correction = session.scalar(select(FollowUpCorrection).where(FollowUpCorrection.follow_up_id == entry.id))
    if correction is None:
        return
    raise DomainError(ALREADY_VOIDED if correction.replacement_id is None else ALREADY_CORRECTED)


def settle_status(session: Session, resolution: Resolution, *, progress_added: bool) -> None:
    """The status the log sets, once an entry is taken back (and perhaps replaced).

    Only «باز» and «در حال اجرا» follow from the log: the first entry with
    progress starts the work, so a correction that reports progress does it
    as a new entry would, and once no entry in force reports any, the work
    has not started after all. Done, cancelled and deferred were set by hand,
    with their evidence or reason: a corrected log leaves them as they are.
    (After a reopening, an older entry in force that reports progress keeps
    the resolution in progress: when the work stopped is not recorded.)
    """
    status = ResolutionStatus(resolution.status)
    if status is ResolutionStatus.OPEN and progress_added:
        resolution.status = ResolutionStatus.IN_PROGRESS.value
    elif status is ResolutionStatus.IN_PROGRESS:
        reported = session.scalar(
            select(
                exists().where(
                    FollowUp.resolution_id == resolution.id, FollowUp.progress.is_not(None), not_taken_back()
                )
            )
        )
        if not reported:
            resolution.status = ResolutionStatus.OPEN.value
