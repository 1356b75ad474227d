"""The form of one indicator: its name, unit, kind, and whether every report must give it.

Once some report gave a figure for it, its kind no longer changes (the core
refuses it; the form shows the kind fixed, and why).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from secretariat.monthly.indicators import IndicatorDraft, IndicatorKind, IndicatorRecord, IndicatorService
from ui import strings
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, line_edit


class IndicatorForm(FormDialog):
    """``saved`` is the ``IndicatorRecord`` added or edited."""

    def __init__(
        self, service: IndicatorService, record: IndicatorRecord | None = None, parent: QWidget | None = None
    ):
        super().__init__(
            strings.MONTHLY_EDIT_INDICATOR_TITLE if record else strings.MONTHLY_NEW_INDICATOR_TITLE, parent
        )
        self._service = service
        self._record = record
        form = self.form
        self.name = form.add_field(
            "name", strings.MONTHLY_INDICATOR_NAME, line_edit(strings.MONTHLY_INDICATOR_NAME_PLACEHOLDER)
        )
        self.unit = form.add_field(
            "unit", strings.MONTHLY_INDICATOR_UNIT, line_edit(strings.MONTHLY_INDICATOR_UNIT_PLACEHOLDER)
        )
        self.kind = form.add_field(
            "kind",
            strings.MONTHLY_INDICATOR_KIND,
            choice_box([(kind.label, kind.value) for kind in IndicatorKind]),
        )
        self.required = form.add_field(
            "required", strings.MONTHLY_INDICATOR_REQUIRED, QCheckBox(strings.MONTHLY_INDICATOR_REQUIRED_TEXT)
        )
        form.limit_texts(IndicatorDraft)
        if record is not None:
            self.name.setText(record.name)
            self.unit.setText(record.unit)
            self.kind.setCurrentIndex(max(0, self.kind.findData(record.kind.value)))
            self.required.setChecked(record.required)
            if record.used:
                self.kind.setEnabled(False)
                self.kind.setToolTip(strings.MONTHLY_INDICATOR_KIND_FIXED)
        self.name.setFocus()

    def draft(self) -> IndicatorDraft:
        return IndicatorDraft(
            name=self.name.text(),
            unit=self.unit.text(),
            kind=self.kind.currentData(),
            required=self.required.isChecked(),
        )

    def save(self) -> IndicatorRecord:
        if self._record is None:
            return self._service.add(self.draft())
        return self._service.update(self._record.id, self.draft())
