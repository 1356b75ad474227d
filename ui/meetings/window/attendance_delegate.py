"""The attendance status cell edits with a drop-down of حاضر، با تأخیر، غایب، غیبت موجه."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from secretariat.meetings.kinds import Attendance
from ui.meetings.window.attendance_sheet_model import AttendanceSheetModel
from ui.widgets.model_index import Index


class AttendanceDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        if not isinstance(model, AttendanceSheetModel) or index.column() != model.column("status"):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setObjectName("attendanceChoice")
        for attendance in Attendance:
            combo.addItem(attendance.label, attendance.value)
        # A choice is a decision: commit it at once, as a spreadsheet would.
        combo.activated.connect(lambda _row, c=combo: self._commit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def _commit(self, editor: QComboBox) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
