"""The attendance sheet's editors: the status cell edits with a drop-down of حاضر، با تأخیر، غایب،
غیبت موجه; who came, with a person picker (``attendee_picker``) made for the line's agency."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from secretariat.meetings.kinds import Attendance
from ui.meetings.window.attendance_sheet_model import AttendanceSheetModel, PickedPerson, SheetLine
from ui.people.person_picker import PersonPicker
from ui.widgets.model_index import Index

# Makes the picker for who came on a line of the sheet, in the cell (its parent).
AttendeePickerFactory = Callable[[SheetLine, QWidget], PersonPicker]


class AttendanceDelegate(QStyledItemDelegate):
    def __init__(
        self, parent: QObject | None = None, *, attendee_picker: AttendeePickerFactory | None = None
    ) -> None:
        super().__init__(parent)
        self._attendee_picker = attendee_picker

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        if not isinstance(model, AttendanceSheetModel):
            return super().createEditor(parent, option, index)
        if index.column() == model.column("status"):
            combo = QComboBox(parent)
            combo.setObjectName("attendanceChoice")
            for attendance in Attendance:
                combo.addItem(attendance.label, attendance.value)
            # A choice is a decision: commit it at once, as a spreadsheet would.
            combo.activated.connect(lambda _row, c=combo: self._commit(c))
            return combo
        if index.column() == model.column("attendee") and self._attendee_picker is not None:
            picker = self._attendee_picker(model.line(index.row()), parent)
            picker.setAutoFillBackground(True)
            picker.chosen.connect(lambda p=picker: self._commit(p))
            return picker
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        model = index.model()
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))
        elif isinstance(editor, PersonPicker) and isinstance(model, AttendanceSheetModel):
            line = model.line(index.row())
            if line.person_id is not None and not line.substitute:
                editor.pick(line.person_id, line.person_name)
            else:
                editor.set_text(line.attendee() or line.manager)
            editor.lineEdit().selectAll()  # typing replaces the name shown
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, PersonPicker):
            person_id = editor.person_id()
            value: object = editor.lineEdit().text()  # a name typed: someone not in the register
            if person_id is not None:
                value = PickedPerson(person_id, editor.picked_name())
            model.setData(index, value, Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
