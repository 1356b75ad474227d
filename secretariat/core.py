"""The one way into the core: the secretariat opened on a database, holding every service.

    secretariat = Secretariat.open(path)          # or Secretariat(database)
    secretariat.agencies.page(...)
    secretariat.meetings.create(...)
    secretariat.database.changes.subscribe(...)   # hear what each commit changed

The command line, the window, the reports, the demo, the self-test and the
tests all start here; nobody builds a service by hand. Services are made on
first use, so a command that needs one service does not build the others.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from secretariat.council_settings import CouncilSettingsService
from secretariat.database import Database, open_database
from secretariat.evaluation.service import EvaluationService
from secretariat.first_steps import FirstStepsService
from secretariat.followup.dashboard import DashboardService
from secretariat.followup.lifecycle import FollowUpService
from secretariat.followup.register import RegisterService
from secretariat.letters.communication import Communication, communicate
from secretariat.letters.register import LetterService
from secretariat.meetings.agenda import AgendaService
from secretariat.meetings.attachments import AttachmentService
from secretariat.meetings.attendance import AttendanceService
from secretariat.meetings.minutes import MinutesService
from secretariat.meetings.planning import MeetingService
from secretariat.meetings.snapshot import MinutesSnapshotService
from secretariat.members.agencies import AgencyService
from secretariat.members.agency_import import AgencyImportService
from secretariat.members.council import CouncilService
from secretariat.members.people import PeopleService
from secretariat.monthly.figures import MonthlyFiguresService
from secretariat.monthly.indicators import IndicatorService
from secretariat.monthly.matrix import MonthlyMatrixService
from secretariat.monthly.reports import MonthlyReportService
from secretariat.office.accounts import UserService
from secretariat.office.audit import AuditService
from secretariat.office.roles import Permission, SignedIn, may, require


class Secretariat:
    """One council's secretariat on one open database."""

    def __init__(self, database: Database):
        self.database = database

    @classmethod
    def open(cls, location: str | Path, *, create: bool = True, read_only: bool = False) -> Secretariat:
        """Open (and create or migrate) the database at a path or URL (see ``open_database``)."""
        return cls(open_database(location, create=create, read_only=read_only))

    @cached_property
    def council(self) -> CouncilService:
        return CouncilService(self.database)

    @cached_property
    def council_settings(self) -> CouncilSettingsService:
        """The council's own settings, shared by every desk (the monthly reports' due day)."""
        return CouncilSettingsService(self.database)

    @cached_property
    def indicators(self) -> IndicatorService:
        """The council's indicators of PR activity the monthly reports give figures for."""
        return IndicatorService(self.database)

    @cached_property
    def monthly_reports(self) -> MonthlyReportService:
        """The agencies' monthly reports: record, correct, void, exempt."""
        return MonthlyReportService(self.database)

    @cached_property
    def monthly_matrix(self) -> MonthlyMatrixService:
        """The year at a glance (agencies × months) and the home page's line."""
        return MonthlyMatrixService(self.database)

    @cached_property
    def monthly_figures(self) -> MonthlyFiguresService:
        """The figures the monthly reports in force gave: totals per indicator, month and agency."""
        return MonthlyFiguresService(self.database)

    @cached_property
    def evaluations(self) -> EvaluationService:
        """The yearly evaluation of the agencies' PR units: criteria, scores, ranking, publishing."""
        return EvaluationService(self.database)

    @cached_property
    def letters(self) -> LetterService:
        """The letter register: letters issued and received, numbered from the council's pattern."""
        return LetterService(self.database)

    def communicate(self, meeting_id: int, *, new: bool = False) -> Communication:
        """Issue (or reprint) the letters communicating a finalized meeting's resolutions (ابلاغ مصوبات)."""
        return communicate(self.meetings, self.minutes, self.letters, meeting_id, new=new)

    @cached_property
    def users(self) -> UserService:
        """The council's user accounts and signing in (see ``secretariat.office``)."""
        return UserService(self.database)

    @cached_property
    def audit(self) -> AuditService:
        """The trail of every change: who, when, what, before and after."""
        return AuditService(self.database)

    @property
    def user(self) -> SignedIn | None:
        """Who is signed in at this desk (None on a council without accounts, or before signing in)."""
        return self.database.desk.user

    def may(self, permission: Permission) -> bool:
        """Whether this desk may do what needs ``permission`` (the window greys out the rest)."""
        return may(self.database.desk.user, self.database.desk.accounts_exist, permission)

    def require(self, permission: Permission) -> None:
        """Refuse (``PermissionDeniedError``, Persian) what this desk's role may not do."""
        require(self.database.desk.user, self.database.desk.accounts_exist, permission)

    @cached_property
    def agencies(self) -> AgencyService:
        return AgencyService(self.database)

    @cached_property
    def agency_import(self) -> AgencyImportService:
        """Agencies and their PR managers from an Excel sheet: a preview, then all or nothing."""
        return AgencyImportService(self.database)

    @cached_property
    def people(self) -> PeopleService:
        return PeopleService(self.database)

    @cached_property
    def meetings(self) -> MeetingService:
        return MeetingService(self.database)

    @cached_property
    def agenda(self) -> AgendaService:
        return AgendaService(self.database)

    @cached_property
    def attendance(self) -> AttendanceService:
        return AttendanceService(self.database)

    @cached_property
    def minutes(self) -> MinutesService:
        return MinutesService(self.database)

    @cached_property
    def snapshots(self) -> MinutesSnapshotService:
        """The minutes as printed: frozen on finalizing (see ``secretariat.meetings.snapshot``)."""
        return MinutesSnapshotService(self.database)

    @cached_property
    def attachments(self) -> AttachmentService:
        return AttachmentService(self.database)

    @cached_property
    def register(self) -> RegisterService:
        return RegisterService(self.database)

    @cached_property
    def followup(self) -> FollowUpService:
        return FollowUpService(self.database)

    @cached_property
    def dashboard(self) -> DashboardService:
        return DashboardService(self.database)

    @cached_property
    def first_steps(self) -> FirstStepsService:
        """How far a new council has come in setting up (the home page's guide)."""
        return FirstStepsService(self.database)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Secretariat:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
