"""The core services the windows use, opened once per database."""

from __future__ import annotations

from dataclasses import dataclass

from secretariat.database import Database
from secretariat.followup.dashboard import DashboardService
from secretariat.followup.lifecycle import FollowUpService
from secretariat.followup.register import RegisterService
from secretariat.meetings.agenda import AgendaService
from secretariat.meetings.attachments import AttachmentService
from secretariat.meetings.attendance import AttendanceService
from secretariat.meetings.minutes import MinutesService
from secretariat.meetings.planning import MeetingService
from secretariat.members.agencies import AgencyService
from secretariat.members.council import CouncilService
from secretariat.members.people import PeopleService
from ui.changes import Changes


@dataclass(frozen=True)
class Services:
    database: Database
    council: CouncilService
    agencies: AgencyService
    people: PeopleService
    meetings: MeetingService
    agenda: AgendaService
    attendance: AttendanceService
    minutes: MinutesService
    attachments: AttachmentService
    register: RegisterService
    followup: FollowUpService
    dashboard: DashboardService
    changes: Changes

    @classmethod
    def for_database(cls, database: Database) -> Services:
        return cls(
            database=database,
            council=CouncilService(database),
            agencies=AgencyService(database),
            people=PeopleService(database),
            meetings=MeetingService(database),
            agenda=AgendaService(database),
            attendance=AttendanceService(database),
            minutes=MinutesService(database),
            attachments=AttachmentService(database),
            register=RegisterService(database),
            followup=FollowUpService(database),
            dashboard=DashboardService(database),
            changes=Changes(),
        )
