"""The council's particulars: one form, used to create the council (welcome
dialog) and to edit it later (menu «مشخصات شورا...»)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from secretariat.members import council
from secretariat.members.council import CouncilDraft, CouncilLevel, CouncilRecord, CouncilService, QuorumRule
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.council.numbering_fields import NumberingFields
from ui.widgets.error_form import ErrorForm
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, line_edit
from ui.widgets.screen_fit import fit_to_screen

# Wide enough that the numbering group's hint takes two lines and a fixed series' note one.
DIALOG_WIDTH = 640


class CouncilFields:
    def __init__(self, form: ErrorForm):
        self._form = form
        self.name = form.add_field("name", strings.COUNCIL_NAME, line_edit(strings.COUNCIL_NAME_PLACEHOLDER))
        self.level = form.add_field(
            "level", strings.COUNCIL_LEVEL, choice_box([(level.label, level.value) for level in CouncilLevel])
        )
        self.city = form.add_field("city", strings.COUNCIL_CITY, line_edit(strings.COUNCIL_CITY_PLACEHOLDER))
        self.chair = form.add_field(
            "chair", strings.COUNCIL_CHAIR, line_edit(strings.COUNCIL_CHAIR_PLACEHOLDER)
        )
        self.secretary = form.add_field("secretary", strings.COUNCIL_SECRETARY, line_edit())
        self.quorum_rule = form.add_field(
            "quorum_rule",
            strings.COUNCIL_QUORUM_RULE,
            choice_box([(rule.label, rule.value) for rule in QuorumRule]),
        )
        self.quorum_count = form.add_field(
            "quorum_count",
            strings.COUNCIL_QUORUM_COUNT,
            line_edit(strings.COUNCIL_QUORUM_COUNT_PLACEHOLDER, digits=True),
        )
        self.quorum_rule.currentIndexChanged.connect(self._show_quorum_count)
        form.limit_texts(CouncilDraft)
        self._show_quorum_count()

    def _show_quorum_count(self) -> None:
        # The count means something only for a fixed quorum.
        self._form.set_field_visible("quorum_count", self.quorum_rule.currentData() == QuorumRule.FIXED.value)

    def fill(self, record: CouncilRecord) -> None:
        self.name.setText(record.name)
        self.level.setCurrentIndex(self.level.findData(record.level.value))
        self.city.setText(record.city)
        self.chair.setText(record.chair)
        self.secretary.setText(record.secretary)
        self.quorum_rule.setCurrentIndex(self.quorum_rule.findData(record.quorum_rule.value))
        self.quorum_count.setText(to_persian_digits(record.quorum_count) if record.quorum_count else "")

    def draft(self) -> CouncilDraft:
        return CouncilDraft(
            name=self.name.text(),
            level=self.level.currentData(),
            city=self.city.text(),
            chair=self.chair.text(),
            secretary=self.secretary.text(),
            quorum_rule=self.quorum_rule.currentData(),
            quorum_count=self.quorum_count.text(),
        )

    def check(self) -> Mapping[str, str]:
        errors, _values = council.validate(self.draft())
        return errors


class CouncilDialog(FormDialog):
    """Edit the council's particulars and where its meetings' numbers begin; ``saved`` is the
    ``CouncilRecord``."""

    def __init__(self, service: CouncilService, record: CouncilRecord, parent: QWidget | None = None):
        super().__init__(strings.COUNCIL_DIALOG_TITLE, parent)
        self._service = service
        self.fields = CouncilFields(self.form)
        self.fields.fill(record)
        self.numbering = NumberingFields(self.form, service.numbering())
        # At least as tall as its wrapped hints need: Qt sizes a window it shows (adjustSize) to at
        # most two thirds of the screen, 512 pixels on a 768-pixel laptop, and the hints were cut.
        self.ensurePolished()
        height = self.heightForWidth(DIALOG_WIDTH)
        self.setMinimumSize(DIALOG_WIDTH, height)
        fit_to_screen(self, DIALOG_WIDTH, height)

    def draft(self) -> CouncilDraft:
        return dataclasses.replace(self.fields.draft(), numbering=self.numbering.drafts())

    def check(self) -> Mapping[str, str]:
        errors, _values = council.validate(self.draft())
        return errors

    def save(self) -> CouncilRecord:
        return self._service.update(self.draft())
