"""The demo council's monthly reports (گزارش ماهانه): a year and a half of them, up to today.

Eighteen months up to the last one that is due (from the first month of
their first Jalali year: 18 to 29 months), and the month just ended as far
as its reports have come in by today. Most agencies send theirs in
the last days of the month or by the due day; three are habitually late (by
2 to 15 days); two owe the last month that is due (and one of them the
month before and another long ago), another owed two months last year, so
the matrix, the reminders and the home page's line have something to show.
The agency that joined mid-period owes nothing for the months before it
joined (the matrix says so from its joining date); the agency that left the
council reported until it left. One month of one agency is exempted
(«ادغام در سازمان …»), one report was corrected (a figure typed ten times
too big) and one voided (another agency's letter recorded under the wrong
name), each with its reason. The figures are believable for a county:
bigger agencies publish more, and months with occasions (Nowruz, the PR
week of Ordibehesht, the start of the school year, the Fajr decade) more.
A few reports keep their file, a one-page "scan".

Built relative to ``calendar.today`` in whole Jalali months (not moved by
weeks as the meetings are: a report belongs to its month). The reports and
their figures go in bulk in one transaction, as the services store them
(one version in force per agency and month, received on or after the
month's first day and never after today); the correction, the void and the
exemption go through ``MonthlyReportService``, and the clock stamps they
write are moved back to the days they would have happened.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import insert, select

from db.models import MonthlyExemption, MonthlyFigure, MonthlyReport
from secretariat.changes import note_changes
from secretariat.core import Secretariat
from secretariat.council_settings import read_due_day
from secretariat.demo.calendar import DemoCalendar
from secretariat.demo.meetings import scanned_sheet
from secretariat.meetings import content
from secretariat.meetings.attachments import IncomingFile
from secretariat.monthly import report_file
from secretariat.monthly.indicators import IndicatorKind, IndicatorRecord
from secretariat.monthly.months import Month
from secretariat.monthly.reports import MonthlyReportDraft, Via
from secretariat.persian import jalali
from secretariat.persian.text import fold, to_persian_digits

SECRETARY = "زهرا موسوی"
MONTHS = 18  # due months recorded, the last due one included
MONTHLY_PARTS = 3  # progress: the reports planned, stored, then corrected

# How big an agency's PR work is (1: an average directorate).
SIZES = {
    "فرمانداری": 1.4,
    "آموزش و پرورش": 1.7,
    "شهرداری پردیس": 1.9,
    "شهرداری بومهن": 1.0,
    "دانشگاه آزاد": 1.3,
    "بانک ملی": 0.6,
    "بانک سپه": 0.4,
    "فرهنگ و ارشاد": 1.3,
    "شبکه بهداشت": 1.5,
    "کمیته امداد": 1.1,
    "ورزش و جوانان": 0.9,
    "فراجا پردیس": 1.2,
    "برق": 1.0,
    "آبفا": 0.9,
    "گاز": 0.8,
    "جهاد کشاورزی": 0.8,
    "میراث فرهنگی": 0.9,
    "تعاون، کار و رفاه": 0.6,
    "پارک فناوری": 1.0,
    "کتابخانه‌های عمومی": 0.7,
    "عمران پردیس": 0.8,
    "دادگستری": 0.7,
    "ثبت اسناد": 0.5,
    "پست": 0.5,
}
# Agencies that meet people and answer their complaints (the others rarely do).
SERVING = {
    "فرمانداری",
    "شهرداری پردیس",
    "شهرداری بومهن",
    "شبکه بهداشت",
    "کمیته امداد",
    "تأمین اجتماعی",
    "بهزیستی",
    "برق",
    "آبفا",
    "گاز",
    "آموزش و پرورش",
    "فراجا پردیس",
    "دادگستری",
}
HABITUALLY_LATE = ("ورزش و جوانان", "بانک سپه", "ثبت اسناد")
# Months never sent, counted back from the last month that is due (0: that month).
MISSING = {"دادگستری": (0, 1, 9), "گاز": (0,), "میراث فرهنگی": (12, 13)}
EXEMPT = ("عمران پردیس", 4, "ادغام در سازمان عمران شهرهای جدید؛ گزارش آن ماه را سازمان فرستاد.")
CORRECTED = ("آموزش و پرورش", 2)  # its news figure typed ten times too big
VOIDED = ("بانک ملی", 1)  # بانک سپه's letter recorded under بانک ملی
WITH_FILE = (("فرمانداری", 0), ("فرمانداری", 1), ("فرمانداری", 2), ("شبکه بهداشت", 0), ("پارک فناوری", 3))

# More news in the months with occasions: Nowruz, the PR week (27 Ordibehesht), the government
# week, the school year and the sacred-defence week, the Fajr decade, the end of the year.
SEASON = {1: 1.1, 2: 1.2, 3: 1.0, 4: 0.9, 5: 0.9, 6: 1.1, 7: 1.2, 8: 1.0, 9: 1.0, 10: 0.9, 11: 1.45, 12: 1.15}
OCCASIONS = {1: 2, 2: 2, 6: 1, 7: 1, 11: 3, 12: 1}
NOTES = {
    1: "همراه با گزارش تصویری طرح استقبال از نوروز",
    2: "همراه با گزارش برنامه‌های هفته روابط عمومی",
    11: "همراه با گزارش تصویری برنامه‌های دهه فجر",
}
LATE_NOTE = "با پوزش از تأخیر؛ کارشناس روابط عمومی در مرخصی بود."
CORRECTION_REASON = "رقم «اخبار و گزارش‌های منتشرشده» ده برابر ثبت شده بود؛ در نامه دستگاه {right} است."
VOID_REASON = "نامه بانک سپه به اشتباه به نام بانک ملی ثبت شد؛ گزارش بانک سپه جداگانه ثبت شده است."

NEWS = "اخبار و گزارش‌های منتشرشده"
PRESS = "نشست‌های خبری و مصاحبه‌های رسانه‌ای"
PUBLIC = "برنامه‌های ملاقات مردمی"
SOCIAL = "محتوای تولیدشده برای فضای مجازی"
EVENTS = "مراسم و مناسبت‌های برگزارشده"
TRAINING = "ساعت آموزش کارکنان روابط عمومی"
MONITORING = "گزارش‌های پایش رسانه"
COMPLAINTS = "پاسخ به شکایات و درخواست‌های مردم"
WEBSITE = "به‌روزرسانی وبگاه دستگاه"


@dataclass(frozen=True)
class MonthlyAgency:
    """What the reports need to know of a demo agency."""

    id: int
    short_name: str
    joined: dt.date
    has_website: bool
    left: dt.date | None = None  # the day it left the council


def due_months(today: dt.date, due_day: int) -> tuple[Month, ...]:
    """The months the demo has reports for: ``MONTHS`` up to the last one due by ``today``, from
    the first month of their first year (so no year's matrix begins with months nobody recorded),
    and the month just ended if it is not due yet."""
    just_ended = Month.of(today).previous()
    last_due = just_ended if just_ended.due_date(due_day) < today else just_ended.previous()
    month = Month(_back(last_due, MONTHS - 1).year, 1)
    months = [month]
    while month != just_ended:
        month = month.next()
        months.append(month)
    return tuple(months)


def build_monthly(
    secretariat: Secretariat,
    calendar: DemoCalendar,
    agencies: tuple[MonthlyAgency, ...],
    *,
    progress: Callable[[int], None] | None = None,
) -> None:
    """The agencies' monthly reports up to ``calendar.today``; ``progress(n)`` is told each of the
    ``MONTHLY_PARTS`` parts done."""
    tell = progress or (lambda _done: None)
    today = calendar.today
    with secretariat.database.reading() as session:
        due_day = read_due_day(session)
    months = due_months(today, due_day)
    last_due = months[-1] if months[-1].due_date(due_day) < today else months[-2]
    indicators = {fold(indicator.name): indicator for indicator in secretariat.indicators.list()}
    by_name = {agency.short_name: agency for agency in agencies}
    planner = _Planner(today, due_day, last_due, indicators)
    for agency in agencies:
        for month in months:
            planner.plan(agency, month)
    genuine, corrected = planner.genuine, planner.corrected
    assert genuine is not None and corrected is not None, "the demo's agencies report those months"
    mistaken = planner.mistaken(genuine, by_name["بانک سپه"])
    tell(1)

    with secretariat.database.transaction() as session:
        for report in planner.with_file:
            report.file_id = report_file.store(session, _scan(report)).id
        # The database numbers the rows (its own sequence on PostgreSQL, which explicit ids would
        # leave behind); the ids come back in the order the rows were given.
        rows = [report.row(ordinal) for ordinal, report in enumerate(planner.reports, start=1)]
        ids = session.scalars(
            insert(MonthlyReport).returning(MonthlyReport.id, sort_by_parameter_order=True), rows
        ).all()
        for report, report_id in zip(planner.reports, ids, strict=True):
            report.id = report_id
        session.execute(
            insert(MonthlyFigure),
            [
                {"report_id": report.id, "indicator_id": indicator_id, "value": value}
                for report in planner.reports
                for indicator_id, value in report.stored_figures.items()
            ],
        )
        note_changes(session, monthly={agency.id for agency in agencies})
    tell(2)

    reports = secretariat.monthly_reports
    stamps = _Stamps()
    # The exemption, recorded a few days after the month's reports fell due.
    exempt_agency, exempt_ago, reason = EXEMPT
    exempt_month = _back(last_due, exempt_ago)
    exemption = reports.exempt(by_name[exempt_agency].id, exempt_month, reason=reason, by=SECRETARY)
    stamps.exemptions[exemption.id] = _at(exempt_month.due_date(due_day) + dt.timedelta(days=3), 10)
    # A figure typed ten times too big, corrected a week later.
    right = corrected.figures[planner.news_id]
    correction = reports.correct(
        corrected.id,
        corrected.draft(indicators),
        reason=CORRECTION_REASON.format(right=to_persian_digits(int(right))),
        by=SECRETARY,
    )
    stamps.recorded[correction.id] = min(_at(corrected.received_on, 12) + dt.timedelta(days=6), _at(today, 8))
    # Another agency's letter recorded under بانک ملی: voided, then بانک ملی's own recorded.
    voided_on = min(_at(mistaken.received_on, 9) + dt.timedelta(days=3), _at(today, 8))
    reports.void(mistaken.id, reason=VOID_REASON, by=SECRETARY)
    stamps.voided[mistaken.id] = voided_on
    recorded = reports.record(genuine.draft(indicators))
    stamps.recorded[recorded.id] = voided_on + dt.timedelta(minutes=35)
    _backdate(secretariat, stamps)
    tell(3)


def _back(month: Month, count: int) -> Month:
    for _ in range(count):
        month = month.previous()
    return month


def _months_ago(month: Month, last_due: Month) -> int:
    return (last_due.year - month.year) * 12 + last_due.month - month.month


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


class _Days(NamedTuple):
    first: dt.date
    last: dt.date
    due: dt.date
    following: dt.date  # the first day of the following month


@lru_cache(maxsize=64)
def _days(month: Month, due_day: int) -> _Days:
    """A month's days, converted from the Jalali calendar once for all its agencies (most of the
    planning's time, before)."""
    following = month.next().first_day
    return _Days(month.first_day, following - dt.timedelta(days=1), month.due_date(due_day), following)


@dataclass
class _Report:
    """A report as it arrived: its row in bulk, or a draft for the service."""

    agency: MonthlyAgency
    month: Month
    received_on: dt.date
    via: Via
    figures: dict[int, float]  # indicator id -> as the agency's letter says
    letter_number: str = ""
    letter_date: dt.date | None = None
    note: str = ""
    stored_figures: dict[int, float] = field(default_factory=dict)  # as recorded, a typo included
    file_id: int | None = None
    id: int = 0  # known once given its row

    def row(self, ordinal: int) -> dict[str, object]:
        """The report's row; ``ordinal`` (its place in the demo) spreads the minutes it was typed at."""
        return {
            "agency_id": self.agency.id,
            "year": self.month.year,
            "month": self.month.month,
            "received_on": self.received_on,
            "via": self.via.value,
            "letter_number": self.letter_number,
            "letter_date": self.letter_date,
            "note": self.note,
            "file_id": self.file_id,
            "recorded_by": SECRETARY,
            "recorded_at": _at(self.received_on, 9 + ordinal % 6, ordinal % 60),
            "in_force": True,
            "replaces_id": None,
            "reason": "",
            "voided_reason": "",
            "voided_by": "",
            "voided_at": None,
        }

    def draft(self, indicators: Mapping[str, IndicatorRecord]) -> MonthlyReportDraft:
        """As a user types it into the form (for the service)."""
        kinds = {indicator.id: indicator.kind for indicator in indicators.values()}

        def typed(indicator_id: int, value: float) -> str:
            return f"{value:g}" if kinds[indicator_id] is IndicatorKind.HOURS else str(int(value))

        return MonthlyReportDraft(
            agency_id=self.agency.id,
            month=self.month.key,
            received_on=jalali.format_short(self.received_on, persian_digits=False),
            via=self.via.value,
            letter_number=self.letter_number,
            letter_date=jalali.format_short(self.letter_date, persian_digits=False),
            note=self.note,
            figures={indicator: typed(indicator, value) for indicator, value in self.figures.items()},
            recorded_by=SECRETARY,
        )


class _Planner:
    """The reports, each agency's month from its own seeded stream (the same demo when built twice
    on one day)."""

    def __init__(
        self, today: dt.date, due_day: int, last_due: Month, indicators: Mapping[str, IndicatorRecord]
    ):
        self.today, self.due_day, self.last_due = today, due_day, last_due
        names = (NEWS, PRESS, PUBLIC, SOCIAL, EVENTS, TRAINING, MONITORING, COMPLAINTS, WEBSITE)
        self.ids = {name: indicators[fold(name)].id for name in names if fold(name) in indicators}
        self.news_id = self.ids[NEWS]
        self.reports: list[_Report] = []  # in bulk
        self.with_file: list[_Report] = []
        self.corrected: _Report | None = None  # recorded with a typo, corrected through the service
        self.genuine: _Report | None = None  # بانک ملی's report, recorded through the service after the void

    def plan(self, agency: MonthlyAgency, month: Month) -> None:
        ago = _months_ago(month, self.last_due)
        short = agency.short_name
        days = _days(month, self.due_day)
        if days.first < agency.joined or (agency.left is not None and days.last >= agency.left):
            return  # not a member that month: the matrix says so
        if ago in MISSING.get(short, ()) or (short, ago) == EXEMPT[:2]:
            return
        rng = random.Random(f"{short}/{month.key}")
        due = days.due
        note = NOTES.get(month.month, "") if rng.random() < 0.3 else ""
        if short in HABITUALLY_LATE and (rng.random() < 0.75 or ago == 0):
            received = due + dt.timedelta(days=rng.randint(2, 15))
            if ago == 0 and short == HABITUALLY_LATE[0]:
                received = min(received, self.today)  # it came in today, late: the home line shows it
            note = LATE_NOTE if rng.random() < 0.2 else note
        elif _days(month.previous(), self.due_day).first < agency.joined:
            received = due + dt.timedelta(days=7)  # a new member's first report: late, learning the way
            note = "نخستین گزارش پس از عضویت در شورا"
        elif rng.random() < 0.06:
            received = due + dt.timedelta(days=rng.randint(1, 5))
        else:
            received = days.following + dt.timedelta(days=rng.randint(-3, self.due_day - 1))
        received = max(received, days.first)
        if received > self.today:
            return  # not sent yet
        report = self._report(rng, agency, month, received, note)
        if (short, ago) == VOIDED:
            self.genuine = report
            return
        if (short, ago) == CORRECTED:
            self.corrected = report
            report.stored_figures[self.news_id] *= 10
        self.reports.append(report)
        if (short, ago) in WITH_FILE:
            self.with_file.append(report)

    def mistaken(self, genuine: _Report, sender: MonthlyAgency) -> _Report:
        """The report of ``sender`` recorded under ``genuine``'s agency by mistake, two days before
        that agency's own came; in force until it is voided."""
        month = genuine.month
        received = max(_days(month, self.due_day).first, genuine.received_on - dt.timedelta(days=2))
        rng = random.Random(f"{sender.short_name}/{month.key}/mistaken")
        report = self._report(rng, sender, month, received, "")
        report.agency = genuine.agency
        self.reports.append(report)
        return report

    def _report(
        self, rng: random.Random, agency: MonthlyAgency, month: Month, received: dt.date, note: str
    ) -> _Report:
        figures = self._figures(rng, agency, month)
        via = rng.choices(list(Via), (45, 25, 25, 5))[0]
        report = _Report(agency, month, received, via, figures, note=note, stored_figures=dict(figures))
        if via is Via.LETTER:
            days = _days(month, self.due_day)
            written = max(days.first, received - dt.timedelta(days=rng.randint(0, 4)))
            year = month.year if written < days.following else month.next().year
            report.letter_date = written
            report.letter_number = f"{rng.randint(120, 980)}/ر/{year}"
        return report

    def _figures(self, rng: random.Random, agency: MonthlyAgency, month: Month) -> dict[int, float]:
        """Figures of the size of the agency and the season; optional ones not always given."""
        size = SIZES.get(agency.short_name, 1.0)
        season = SEASON[month.month]
        serving = agency.short_name in SERVING
        values: dict[str, float | None] = {
            NEWS: round(size * season * rng.uniform(14, 26)),
            PRESS: round(size * season * rng.uniform(0.5, 3.5)),
            PUBLIC: round(size * rng.uniform(1, 4)) if serving else None,
            SOCIAL: round(size * season * rng.uniform(25, 55)),
            EVENTS: round(OCCASIONS.get(month.month, 0) * min(size, 1.5) + rng.uniform(0, 1.6)),
            TRAINING: rng.choice((0, 2, 4, 4, 6, 8, 12.5)) if rng.random() < 0.7 else None,
            MONITORING: rng.choice((2, 3, 4, 4, 4, 5)) if size >= 0.8 else None,
            COMPLAINTS: round(size * rng.uniform(4, 28)) if serving else None,
            WEBSITE: float(agency.has_website and rng.random() < 0.85),
        }
        return {
            self.ids[name]: float(value)
            for name, value in values.items()
            if value is not None and name in self.ids
        }


def _scan(report: _Report) -> IncomingFile:
    """A one-page "scan" of the agency's report, named as the secretariat saves it."""
    month = report.month
    day = jalali.format_short(report.received_on, persian_digits=False)
    page, buffer, width, height = scanned_sheet(
        f"Monthly PR activity report {month.key}",
        f"Monthly PR activity report, {month.key}  -  received {day}",
        "Scanned copy",
    )
    page.setLineWidth(0.6)
    for line in range(16):
        y = height - 160 - line * 22
        page.line(72, y, width - 72 - (line % 5) * 35, y)  # the lines of the report's text
    page.showPage()
    page.save()
    name = f"گزارش ماهانه {month.label} {report.agency.short_name}.pdf"
    return IncomingFile(filename=name, data=buffer.getvalue(), media_type=content.PDF)


@dataclass
class _Stamps:
    """The days the service's clock stamps are moved back to."""

    recorded: dict[int, dt.datetime] = field(default_factory=dict)  # report id -> recorded at
    voided: dict[int, dt.datetime] = field(default_factory=dict)
    exemptions: dict[int, dt.datetime] = field(default_factory=dict)


def _backdate(secretariat: Secretariat, stamps: _Stamps) -> None:
    with secretariat.database.transaction() as session:
        for report in session.scalars(
            select(MonthlyReport).where(MonthlyReport.id.in_([*stamps.recorded, *stamps.voided]))
        ):
            if report.id in stamps.recorded:
                report.recorded_at = stamps.recorded[report.id]
            if report.id in stamps.voided:
                report.voided_at = stamps.voided[report.id]
        for exemption in session.scalars(
            select(MonthlyExemption).where(MonthlyExemption.id.in_(stamps.exemptions))
        ):
            exemption.recorded_at = stamps.exemptions[exemption.id]
