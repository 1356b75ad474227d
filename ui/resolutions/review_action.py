"""«بررسی مصوبات باز در جلسه بعد»: one action from the register or the dashboard.

The soonest meeting not yet held gets, as its first agenda item, the list of
the resolutions still open (asked again, the list is brought up to date).
"""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from secretariat.errors import DomainError
from secretariat.followup.dashboard import review_query
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from ui import messages, strings
from ui.services import Services


def prepare_review(parent: QWidget, services: Services, message: SignalInstance) -> int | None:
    """The meeting whose agenda now holds the review, or None (the user has been told why)."""
    meeting = services.dashboard.next_meeting()
    if meeting is None:
        messages.warn(parent, strings.PREPARE_REVIEW_NO_MEETING)
        return None
    try:
        services.agenda.add_open_resolutions_review(meeting.id)
    except DomainError as error:
        messages.warn(parent, error.message)
        return None
    count = services.register.count(review_query(meeting.date))
    message.emit(
        strings.PREPARE_REVIEW_DONE.format(
            count=format_int(count), meeting=meeting.title, date=jalali.format_short(meeting.date)
        )
    )
    return meeting.id
