"""The resolution lifecycle: باز → در حال اجرا → انجام‌شده, or لغوشده, or
ارجاع به جلسه بعد. Overdue (معوق) is derived from the deadline, never stored."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from secretariat import clock


class ResolutionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"
    DEFERRED = "deferred"

    @property
    def label(self) -> str:
        return {
            "open": "باز",
            "in_progress": "در حال اجرا",
            "done": "انجام‌شده",
            "cancelled": "لغوشده",
            "deferred": "ارجاع به جلسه بعد",
        }[self.value]

    @property
    def closed(self) -> bool:
        return self in (ResolutionStatus.DONE, ResolutionStatus.CANCELLED)


# The statuses whose deadline can pass: work still to be done by the agency.
RUNNING = (ResolutionStatus.OPEN.value, ResolutionStatus.IN_PROGRESS.value)
# Not yet closed: what «مصوبات باز» counts on the dashboard and the register's «همه مصوبات باز».
STILL_OPEN = (*RUNNING, ResolutionStatus.DEFERRED.value)
# «سررسید در هفت روز آینده»: running and due from today to this many days on.
DUE_SOON_DAYS = 7
OVERDUE_LABEL = "معوق"


def is_overdue(status: str, due_date: dt.date | None, today: dt.date | None = None) -> bool:
    return status in RUNNING and due_date is not None and due_date < (today or clock.today())


class FollowUpKind(StrEnum):
    LETTER = "letter"
    PHONE = "phone"
    AGENCY_REPORT = "agency_report"
    VISIT = "visit"
    MEETING = "meeting"

    @property
    def label(self) -> str:
        return {
            "letter": "نامه",
            "phone": "تماس تلفنی",
            "agency_report": "گزارش دستگاه",
            "visit": "بازدید",
            "meeting": "طرح در جلسه",
        }[self.value]
