"""The attendance sheet as it is being filled in, before it is saved.

One line per invitee: present, late, absent or excused (with the reason);
for an agency present, who came: its PR manager unless another person is
picked (``PickedPerson``: a deputy, an expert, anyone in the register) or
another name typed. The sheet is saved all at once (``entries``); until then the quorum
is counted from the lines as they stand, so the line under the sheet
changes with every click.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QObject, Qt, Signal
from PySide6.QtGui import QColor

from secretariat.meetings.attendance import AttendanceEntry
from secretariat.meetings.kinds import Attendance
from secretariat.meetings.records import InvitationRecord, Quorum
from ui import strings
from ui.widgets.columns import Column, position
from ui.widgets.model_index import ROOT, Index

ATTENDANCE_COLOURS = {
    Attendance.UNKNOWN: QColor("#8a95a1"),
    Attendance.PRESENT: QColor("#2f7d4f"),
    Attendance.LATE: QColor("#b26a00"),
    Attendance.ABSENT: QColor("#b3261e"),
    Attendance.EXCUSED: QColor("#4a3f8c"),
}
DEFAULT_ATTENDEE_COLOUR = QColor("#6b7785")
NEEDS_INPUT_BACKGROUND = QColor("#fde8e6")


@dataclass(frozen=True)
class PickedPerson:
    """A person of the register chosen as who came (the attendee cell's value when picked)."""

    person_id: int
    name: str


@dataclass
class SheetLine:
    invitation: InvitationRecord
    attendance: Attendance
    substitute: str  # a name typed for who came instead of the PR manager
    person_id: int | None  # a person of the register picked or recorded as having come
    person_name: str
    excuse: str
    manager: str  # the agency's current PR manager, who comes by default

    @classmethod
    def of(cls, record: InvitationRecord, manager: str) -> SheetLine:
        person_id, person_name, substitute = None, "", ""
        if record.attendee_person_id is not None:
            if record.attendee_name != manager:
                person_id, person_name = record.attendee_person_id, record.attendee_name
        elif record.attendee_name:
            substitute = record.attendee_name
        return cls(record, record.attendance, substitute, person_id, person_name, record.excuse, manager)

    @property
    def name(self) -> str:
        return self.invitation.display_name

    @property
    def takes_attendee(self) -> bool:
        return not self.invitation.is_guest and self.attendance.counts_as_present

    @property
    def proposes_manager(self) -> bool:
        """The PR manager is shown as who came, but the sheet does not say so yet."""
        record = self.invitation
        recorded = (
            record.attendance.counts_as_present
            and bool(self.manager)
            and record.attendee_name == self.manager
        )
        return self.takes_attendee and not self.attendee() and not recorded

    @property
    def needs_excuse(self) -> bool:
        return self.attendance is Attendance.EXCUSED and not self.excuse.strip()

    def attendee(self) -> str:
        return self.substitute or self.person_name

    def entry(self) -> AttendanceEntry:
        return AttendanceEntry(
            invitation_id=self.invitation.id,
            attendance=self.attendance.value,
            attendee_person_id=self.person_id if self.takes_attendee and not self.substitute else None,
            substitute_name=self.substitute if self.takes_attendee else "",
            excuse=self.excuse if self.attendance is Attendance.EXCUSED else "",
        )


def _attendee(line: SheetLine) -> str:
    if not line.takes_attendee:
        return ""
    return line.attendee() or line.manager or strings.ATTENDEE_UNKNOWN


class AttendanceSheetModel(QAbstractTableModel):
    sheetChanged = Signal()  # a line changed (or the sheet was loaded)

    # What can be edited, and how, is the model's: see ``_is_editable`` and ``setData``.
    columns: tuple[Column[SheetLine], ...] = (
        Column("name", strings.ATTENDANCE_COLUMN_NAME, lambda line: line.name, stretch=True),
        Column(
            "status",
            strings.ATTENDANCE_COLUMN_STATUS,
            lambda line: line.attendance.label,
            width=120,
            foreground=lambda line: ATTENDANCE_COLOURS[line.attendance],
        ),
        Column(
            "attendee",
            strings.ATTENDANCE_COLUMN_ATTENDEE,
            _attendee,
            width=220,
            foreground=lambda line: DEFAULT_ATTENDEE_COLOUR if line.proposes_manager else None,
            tooltip=lambda line: strings.ATTENDEE_HINT if line.takes_attendee else None,
        ),
        Column(
            "excuse",
            strings.ATTENDANCE_COLUMN_EXCUSE,
            lambda line: line.excuse if line.attendance is Attendance.EXCUSED else "",
            width=220,
            background=lambda line: NEEDS_INPUT_BACKGROUND if line.needs_excuse else None,
        ),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[SheetLine] = []
        self._editable = False
        self._dirty = False

    # -- the sheet ------------------------------------------------------------------

    def load(
        self,
        invitations: Sequence[InvitationRecord],
        managers: dict[int, str],
        *,
        editable: bool,
        keep_edits: bool = False,
    ) -> None:
        """Show the invitees as recorded; with ``keep_edits``, unsaved lines stay as edited."""
        edited = {line.invitation.id: line for line in self._lines} if keep_edits and self._dirty else {}
        self.beginResetModel()
        self._lines = [
            edited.get(record.id)
            or SheetLine.of(
                record, managers.get(record.agency_id, "") if record.agency_id is not None else ""
            )
            for record in invitations
        ]
        for line, record in zip(self._lines, invitations, strict=True):
            line.invitation = record
        self._editable = editable
        self._dirty = bool(edited)
        self.endResetModel()
        self.sheetChanged.emit()

    def lines(self) -> list[SheetLine]:
        return list(self._lines)

    def line(self, row: int) -> SheetLine:
        return self._lines[row]

    def is_dirty(self) -> bool:
        return self._dirty

    def mark_saved(self) -> None:
        self._dirty = False

    def entries(self) -> list[AttendanceEntry]:
        return [line.entry() for line in self._lines]

    def rows_missing_excuse(self) -> list[int]:
        return [row for row, line in enumerate(self._lines) if line.needs_excuse]

    def quorum(self, required_for: Callable[[int], int]) -> Quorum:
        """The quorum of the sheet as it stands; ``required_for(members)`` is the council's rule."""
        members = [line for line in self._lines if not line.invitation.is_guest]
        present = sum(1 for line in members if line.attendance.counts_as_present)
        return Quorum(members=len(members), present=present, required=required_for(len(members)))

    def set_attendance(self, row: int, attendance: Attendance) -> None:
        self.setData(self.index(row, self.column("status")), attendance.value)

    def mark_unknown_present(self) -> None:
        for row, line in enumerate(self._lines):
            if line.attendance is Attendance.UNKNOWN:
                self.set_attendance(row, Attendance.PRESENT)

    def column(self, key: str) -> int:
        """The position of the column ``key``."""
        return position(self.columns, key)

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._editable and index.isValid() and self._is_editable(self._lines[index.row()], index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _is_editable(self, line: SheetLine, column: int) -> bool:
        key = self.columns[column].key
        if key == "status":
            return True
        if key == "attendee":
            return line.takes_attendee
        if key == "excuse":
            return line.attendance is Attendance.EXCUSED
        return False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.EditRole:
            if column.key == "status":
                return line.attendance.value
            if column.key == "attendee":
                return line.attendee() or line.manager
            if column.key == "excuse":
                return line.excuse
            return column.display(line)
        return column.data(line, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self._editable:
            return False
        line = self._lines[index.row()]
        if not self._is_editable(line, index.column()):
            return False
        key = self.columns[index.column()].key
        if key == "status":
            attendance = Attendance(value)
            if attendance is line.attendance:
                return False
            line.attendance = attendance
        elif key == "attendee" and isinstance(value, PickedPerson):
            line.person_id, line.person_name, line.substitute = value.person_id, value.name, ""
        elif key == "attendee":
            text = " ".join(str(value).split())
            line.person_id, line.person_name = None, ""
            line.substitute = "" if text == line.manager else text
        else:
            line.excuse = str(value).strip()
        self._dirty = True
        row = index.row()
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.sheetChanged.emit()
        return True
