"""The register of all resolutions as a lazily paged table, filtered and
sorted by the database (``RegisterService``)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from secretariat.followup.register import RegisterService, RegisterSort, ResolutionQuery, ResolutionRow
from secretariat.followup.status import ResolutionStatus
from secretariat.persian import jalali
from ui import strings
from ui.widgets.columns import Column
from ui.widgets.paged_table_model import PagedTableModel

OVERDUE_COLOUR = QColor("#b3261e")
STATUS_COLOURS = {
    ResolutionStatus.OPEN: "#1f6f8b",
    ResolutionStatus.IN_PROGRESS: "#b26a00",
    ResolutionStatus.DONE: "#2f7d4f",
    ResolutionStatus.CANCELLED: "#8a95a1",
    ResolutionStatus.DEFERRED: "#4a3f8c",
}


def status_text(row: ResolutionRow) -> str:
    """«در حال اجرا», or «معوق (باز)» once the deadline has passed."""
    if row.overdue:
        return strings.REGISTER_STATUS_OVERDUE.format(status=row.status.label)
    return row.status.label


def status_colour(row: ResolutionRow) -> QColor:
    return OVERDUE_COLOUR if row.overdue else QColor(STATUS_COLOURS[row.status])


def _meeting(row: ResolutionRow) -> str:
    return strings.REGISTER_MEETING.format(
        title=row.meeting_title, date=jalali.format_short(row.meeting_date)
    )


class RegisterTableModel(PagedTableModel):
    columns: tuple[Column[ResolutionRow], ...] = (
        Column(
            "code",
            strings.REGISTER_COLUMN_CODE,
            lambda row: row.display_code,
            width=110,
            sort=RegisterSort.CODE,
        ),
        Column(
            "text",
            strings.REGISTER_COLUMN_TEXT,
            lambda row: " ".join(row.text.split()),  # one line in the table
            stretch=True,
            sort=RegisterSort.TEXT,
            tooltip=lambda row: row.text,
        ),
        Column(
            "meeting",
            strings.REGISTER_COLUMN_MEETING,
            _meeting,
            width=190,
            sort=RegisterSort.MEETING_DATE,
            tooltip=lambda row: jalali.format_long(row.meeting_date),
        ),
        Column(
            "lead",
            strings.REGISTER_COLUMN_LEAD,
            lambda row: row.lead_agency_name,
            width=200,
            sort=RegisterSort.LEAD,
        ),
        Column(
            "due", strings.REGISTER_COLUMN_DUE, lambda row: row.due_text, width=95, sort=RegisterSort.DUE_DATE
        ),
        Column(
            "status",
            strings.REGISTER_COLUMN_STATUS,
            status_text,
            width=150,
            sort=RegisterSort.STATUS,
            foreground=status_colour,
        ),
    )

    def __init__(self, register: RegisterService, parent: QObject | None = None) -> None:
        super().__init__(register, ResolutionQuery(), parent)

    def filter_by(self, filters: ResolutionQuery) -> None:
        """Show the rows ``filters`` selects; the search text and the order stay as they are."""
        current = self.query
        self._set_query(
            replace(filters, search=current.search, sort=current.sort, descending=current.descending)
        )
