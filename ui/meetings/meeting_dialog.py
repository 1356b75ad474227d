"""Plan a meeting, or edit one not yet held: kind, date, times, host and
hall, chair, occasion. Planning warnings (a Friday, a day with another
meeting, the same host as last time) show as one fills the form and never
block saving."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLabel, QWidget

from secretariat.clock import format_time
from secretariat.meetings.kinds import MeetingKind
from secretariat.meetings.planning import MeetingDraft, MeetingService, validate
from secretariat.meetings.records import MeetingRecord
from secretariat.members.agencies import AgencyService
from ui import strings
from ui.rtl import rtl
from ui.widgets.agency_combo import AgencyCombo
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, line_edit
from ui.widgets.jalali_date_edit import DateSide, JalaliDateEdit


def warnings_text(warnings: tuple[str, ...] | list[str]) -> str:
    return "\n".join(rtl(f"• {warning}") for warning in warnings)


class MeetingDialog(FormDialog):
    """``saved`` is the ``MeetingRecord`` once accepted; ``warnings`` what planning warned of."""

    def __init__(
        self,
        meetings: MeetingService,
        agencies: AgencyService,
        record: MeetingRecord | None = None,
        *,
        date: dt.date | None = None,
        chair: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(
            strings.EDIT_MEETING_TITLE if record else strings.NEW_MEETING_TITLE,
            parent,
            save_text=strings.SAVE if record else strings.PLAN_SAVE,
        )
        self._meetings = meetings
        self._record = record
        self.warnings: tuple[str, ...] = ()
        self.setMinimumWidth(580)
        form = self.form
        self.kind = form.add_field(
            "kind", strings.MEETING_KIND, choice_box([(kind.label, kind.value) for kind in MeetingKind])
        )
        self.date = form.add_field("date", strings.MEETING_DATE, JalaliDateEdit(side=DateSide.FUTURE))
        self.start_time = form.add_field(
            "start_time", strings.MEETING_START, line_edit(strings.TIME_PLACEHOLDER, digits=True)
        )
        self.end_time = form.add_field(
            "end_time", strings.MEETING_END, line_edit(strings.TIME_PLACEHOLDER, digits=True)
        )
        self.host = form.add_field(
            "host_agency_id",
            strings.MEETING_HOST,
            AgencyCombo(agencies, keep=record.host_agency_id if record else None),
        )
        self.venue = form.add_field(
            "venue", strings.MEETING_VENUE, line_edit(strings.MEETING_VENUE_PLACEHOLDER)
        )
        self.chair = form.add_field(
            "chair", strings.MEETING_CHAIR, line_edit(strings.MEETING_CHAIR_PLACEHOLDER)
        )
        self.occasion = form.add_field(
            "occasion", strings.MEETING_OCCASION, line_edit(strings.MEETING_OCCASION_PLACEHOLDER)
        )
        form.limit_texts(MeetingDraft)
        occasions = QCompleter(list(strings.OCCASIONS), self.occasion)
        occasions.setFilterMode(Qt.MatchFlag.MatchContains)
        self.occasion.setCompleter(occasions)
        self.warning_note = form.add_row(QLabel())
        self.warning_note.setObjectName("note")
        self.warning_note.setWordWrap(True)
        self.warning_note.hide()

        if record is not None:
            self._fill(record)
        else:
            # A day chosen on the calendar, or the day the council's rhythm comes to next.
            self.date.setDate(date if date is not None else meetings.proposed_date())
            self.chair.setText(chair)
        form.edited.connect(lambda _key: self.update_warnings())
        self.date.dateChanged.connect(lambda _date: self.update_warnings())
        self.update_warnings()
        self.kind.setFocus()

    def _fill(self, record: MeetingRecord) -> None:
        self.kind.setCurrentIndex(self.kind.findData(record.kind.value))
        self.date.setDate(record.date)
        if record.postponements:
            self.date.setEnabled(False)
            self.date.setToolTip(strings.DATE_BY_POSTPONING)
        self.start_time.setText(format_time(record.start_time))
        self.end_time.setText(format_time(record.end_time))
        self.host.set_agency_id(record.host_agency_id)
        self.venue.setText(record.venue)
        self.chair.setText(record.chair)
        self.occasion.setText(record.occasion)

    def draft(self) -> MeetingDraft:
        return MeetingDraft(
            kind=self.kind.currentData(),
            date=self.date.text(),
            start_time=self.start_time.text(),
            end_time=self.end_time.text(),
            host_agency_id=self.host.agency_id(),
            venue=self.venue.text(),
            chair=self.chair.text(),
            occasion=self.occasion.text(),
        )

    def check(self) -> Mapping[str, str]:
        errors, _values = validate(self.draft())
        if self.host.typed_unknown():
            errors["host_agency_id"] = strings.PICK_AGENCY_FROM_LIST
        return errors

    def update_warnings(self) -> None:
        """What planning would warn of, for the form as filled in now."""
        live = (
            ()
            if self.check()
            else self._meetings.check(self.draft(), meeting_id=self._record.id if self._record else None)
        )
        self.warning_note.setText(warnings_text(live))
        self.warning_note.setVisible(bool(live))

    def shown_warnings(self) -> list[str]:
        text = self.warning_note.text() if self.warning_note.isVisibleTo(self) else ""
        return [line.lstrip("\u200f• ") for line in text.splitlines() if line]

    def save(self) -> MeetingRecord:
        if self._record is None:
            result = self._meetings.plan(self.draft())
        else:
            result = self._meetings.update(
                self._record.id, self.draft(), expected_version=self._record.version
            )
        self.warnings = result.warnings
        return result.meeting

    def reload(self) -> None:
        if self._record is not None:
            self._record = self._meetings.get(self._record.id)
            self._fill(self._record)
            self.update_warnings()
            self.changes.remember()
