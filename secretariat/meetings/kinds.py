"""The words of meetings: kinds, statuses, attendance, priorities, titles."""

from __future__ import annotations

import re
from enum import StrEnum

from secretariat.persian.ordinals import ordinal
from secretariat.persian.text import to_persian_digits


class MeetingKind(StrEnum):
    REGULAR = "regular"
    EXTRAORDINARY = "extraordinary"
    GENERAL_ASSEMBLY = "general_assembly"
    WORKING_GROUP = "working_group"

    @property
    def label(self) -> str:
        return {
            "regular": "جلسه عادی",
            "extraordinary": "جلسه فوق‌العاده",
            "general_assembly": "مجمع عمومی",
            "working_group": "کارگروه",
        }[self.value]

    @property
    def series(self) -> MeetingSeries:
        """The numbering sequence: regular and extraordinary meetings are the
        council's meetings; the general assembly and working groups count
        their own («دومین جلسه مجمع عمومی»)."""
        if self in (MeetingKind.REGULAR, MeetingKind.EXTRAORDINARY):
            return MeetingSeries.COUNCIL
        return MeetingSeries(self.value)


class MeetingSeries(StrEnum):
    """A numbering sequence of meetings (see ``MeetingKind.series``)."""

    COUNCIL = "council"
    GENERAL_ASSEMBLY = "general_assembly"
    WORKING_GROUP = "working_group"

    @property
    def label(self) -> str:
        return {
            "council": "جلسات شورا",
            "general_assembly": "مجمع عمومی",
            "working_group": "کارگروه‌ها",
        }[self.value]


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    POSTPONED = "postponed"
    HELD = "held"
    FINALIZED = "finalized"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {
            "planned": "برنامه‌ریزی‌شده",
            "postponed": "به تعویق افتاده",
            "held": "برگزارشده",
            "finalized": "صورتجلسه نهایی",
            "cancelled": "لغوشده",
        }[self.value]

    @property
    def upcoming(self) -> bool:
        return self in (MeetingStatus.PLANNED, MeetingStatus.POSTPONED)

    @property
    def numbers_frozen(self) -> bool:
        """A held meeting keeps its number; planned ones follow the calendar."""
        return self in (MeetingStatus.HELD, MeetingStatus.FINALIZED)


SIGNED_LABEL = "امضاشده"


class Attendance(StrEnum):
    UNKNOWN = "unknown"
    PRESENT = "present"
    LATE = "late"
    ABSENT = "absent"
    EXCUSED = "excused"

    @property
    def label(self) -> str:
        return {
            "unknown": "ثبت‌نشده",
            "present": "حاضر",
            "late": "با تأخیر",
            "absent": "غایب",
            "excused": "غیبت موجه",
        }[self.value]

    @property
    def counts_as_present(self) -> bool:
        return self in (Attendance.PRESENT, Attendance.LATE)


class Priority(StrEnum):
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"

    @property
    def label(self) -> str:
        return {"normal": "عادی", "high": "مهم", "urgent": "فوری"}[self.value]


class AssignmentRole(StrEnum):
    LEAD = "lead"
    COLLABORATOR = "collaborator"

    @property
    def label(self) -> str:
        return {"lead": "مسئول اجرا", "collaborator": "همکار"}[self.value]


def meeting_title(kind: MeetingKind, number: int | None) -> str:
    """«هفتمین جلسه»، «هشتمین جلسه (فوق‌العاده)»، «دومین جلسه مجمع عمومی»."""
    if number is None:
        return f"{kind.label} (لغوشده)"
    base = f"{ordinal(number)} جلسه"
    if kind is MeetingKind.EXTRAORDINARY:
        return f"{base} (فوق‌العاده)"
    if kind is MeetingKind.GENERAL_ASSEMBLY:
        return f"{base} مجمع عمومی"
    if kind is MeetingKind.WORKING_GROUP:
        return f"{base} کارگروه"
    return base


def resolution_code(jalali_year: int, meeting_number: int, series: str, resolution_number: int) -> str:
    """A code unique in the council: year, meeting, number («1404-07-03»).

    The general assembly's and working groups' meetings carry a letter, so
    that their numbers never meet the council meetings' («1404-م2-01»).
    """
    prefix = {"council": "", "general_assembly": "م", "working_group": "ک"}[series]
    return f"{jalali_year}-{prefix}{meeting_number:02d}-{resolution_number:02d}"


LRI, PDI, LRM = "\u2066", "\u2069", "\u200e"
_BETWEEN_NUMBERS = re.compile("[^۰-۹]+")


def display_code(code: str) -> str:
    """The code in Persian digits, isolated left-to-right.

    In a right-to-left line the bidi algorithm reorders Persian digits
    around a hyphen («۱۴۰۴-۰۷-۰۳» would read ۰۳-۰۷-۱۴۰۴); the isolate keeps
    the code in its order on screen and on paper.
    """
    # Left-to-right marks around the hyphens (and the series letter) keep
    # each number in its place even inside the isolate: Persian digits are
    # "Arabic numbers" to the bidi algorithm, and a hyphen or the letter م
    # between them would still turn their order around.
    marked = _BETWEEN_NUMBERS.sub(lambda separator: LRM + separator.group() + LRM, to_persian_digits(code))
    return LRI + marked + PDI
