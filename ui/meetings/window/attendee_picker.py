"""Who came for an agency: a person picker that offers the agency's own people first.

F4 (or Alt+Down) opens the list of the people on record at the agency: its PR
manager of the meeting's day, the deputies and experts serving then, those
who held a role there before or after (``AttendanceService.attendee_choices``).
Typing narrows that list and adds anyone in the people register whose name
matches; a name that is nobody's is kept as typed (someone not in the register).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from secretariat.meetings.attendance import AttendanceService
from secretariat.members.people import PeopleService
from ui import strings
from ui.people.person_picker import MATCH_LIMIT, PersonListModel, PersonMatch, PersonPicker


class AgencyPeopleModel(PersonListModel):
    """The agency's people (with their role there), then the register's people matching the search."""

    def __init__(
        self,
        attendance: AttendanceService,
        people: PeopleService,
        agency_id: int,
        day: dt.date,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(people, parent)
        self._attendance = attendance
        self._agency_id = agency_id
        self._day = day

    def _matches(self, text: str, *, leaving_out: frozenset[int] = frozenset()) -> list[PersonMatch]:
        own = [
            PersonMatch(choice.person_id, choice.name, choice.role)
            for choice in self._attendance.attendee_choices(self._agency_id, self._day, search=text)
            if choice.person_id not in leaving_out
        ]
        if own and not text.strip():
            return own  # the list opened without typing: the agency's people
        others = super()._matches(text, leaving_out=leaving_out | {match.person_id for match in own})
        return (own + others)[:MATCH_LIMIT]


def attendee_picker(
    attendance: AttendanceService,
    people: PeopleService,
    agency_id: int,
    day: dt.date,
    parent: QWidget | None = None,
) -> PersonPicker:
    model = AgencyPeopleModel(attendance, people, agency_id, day)
    picker = PersonPicker(people, parent, model=model, placeholder=strings.ATTENDEE_PICKER_PLACEHOLDER)
    picker.setObjectName("attendeePicker")
    return picker
