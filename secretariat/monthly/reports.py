"""Recording the monthly reports as they arrive; correcting, voiding, and exempting.

A report is recorded once per agency and month. What was recorded wrong
(the month, the date, a figure, even the agency) is corrected with a reason:
the correction is a new version, the earlier one stays readable beside it,
no longer in force. A report recorded by mistake is voided, with a reason.
An agency that owes no report for a month (a new member, merged, …) is
exempted with a reason; an exemption is lifted if it was wrong.

Refused, with a Persian message beside the field: a received date in the
future or before the month begins, a letter dated after it was received or
in the future, a second report for the same agency and month (correct the
first instead), a figure that is not a figure of its indicator's kind, a
required indicator left empty, a file that is not a PDF, Word document or
image.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import Agency, MonthlyExemption, MonthlyFigure, MonthlyReport, ReportFile
from secretariat import clock, validation
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.meetings.attachments import IncomingFile, read_file
from secretariat.monthly import report_file
from secretariat.monthly.indicators import IndicatorRecord, list_indicators
from secretariat.monthly.months import Month
from secretariat.persian import jalali


class Via(StrEnum):
    """How the report reached the secretariat."""

    LETTER = "letter"
    EMAIL = "email"
    IN_PERSON = "in_person"
    SYSTEM = "system"

    @property
    def label(self) -> str:
        return VIA_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Via:
        typed = text.strip()
        for via in cls:
            if typed in (via.value, via.label):
                return via
        choices = "، ".join(f"{via.label} ({via.value})" for via in cls)
        raise DomainError(f"راه رسیدن «{typed}» شناخته نیست؛ یکی از {choices}.")


VIA_LABELS = {
    Via.LETTER: "نامه",
    Via.EMAIL: "پست الکترونیک",
    Via.IN_PERSON: "حضوری",
    Via.SYSTEM: "سامانه",
}

ALREADY_RECORDED = (
    "گزارش {month} «{agency}» پیش‌تر در {date} ثبت شده است؛ برای تغییر آن، همان گزارش را اصلاح کنید."
)
RECEIVED_IN_FUTURE = "تاریخ دریافت ({date}) هنوز نرسیده است."
RECEIVED_BEFORE_MONTH = (
    "گزارش {month} پیش از آغاز آن ماه ({date}) نمی‌رسد؛ ماه یا تاریخ دریافت را بازبینی کنید."
)
LETTER_AFTER_RECEIPT = "تاریخ نامه پس از تاریخ دریافت است."
REQUIRED_FIGURE = "«{name}» الزامی است؛ رقم آن را بنویسید (اگر کاری نشده، صفر)."
REASON_REQUIRED = "دلیل را بنویسید."
NOTHING_CHANGED = "اصلاحیه با گزارش ثبت‌شده یکی است؛ دست‌کم یکی از ماه، تاریخ‌ها، ارقام یا پرونده را تغییر دهید."
NOT_IN_FORCE = "این نسخه از گزارش پیش‌تر اصلاح یا باطل شده است؛ نسخه‌ی در جریان آن را اصلاح کنید."
EXEMPT_HAS_REPORT = "گزارش {month} «{agency}» رسیده است؛ ماهی که گزارشش رسیده معاف نمی‌شود."
ALREADY_EXEMPT = "«{agency}» برای {month} پیش‌تر معاف شده است."


@dataclass(frozen=True)
class MonthlyReportDraft:
    """A report as typed in the form or on the command line (dates Jalali, any digits)."""

    agency_id: int
    month: str  # «۱۴۰۵/۰۷»
    received_on: str
    via: str = Via.LETTER.value
    letter_number: str = ""
    letter_date: str = ""
    note: str = ""
    # indicator id -> the figure as typed; an empty text: not given
    figures: Mapping[int, str] = field(default_factory=dict)
    recorded_by: str = ""
    file: IncomingFile | None = None
    # For a correction: keep the file of the version corrected when no new file is given.
    keep_file: bool = True


@dataclass(frozen=True)
class StoredFile:
    id: int
    filename: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class MonthlyReportRecord:
    id: int
    agency_id: int
    agency: str
    month: Month
    received_on: dt.date
    via: Via
    letter_number: str
    letter_date: dt.date | None
    note: str
    figures: Mapping[int, float]  # indicator id -> value
    file: StoredFile | None
    recorded_by: str
    recorded_at: dt.datetime
    in_force: bool
    replaces_id: int | None
    reason: str  # why this version corrects the one it replaces
    voided_reason: str
    voided_by: str
    voided_at: dt.datetime | None
    replaced_by_id: int | None = None  # the version that corrects this one

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    def late_days(self, due_day: int) -> int:
        return max(0, (self.received_on - self.month.due_date(due_day)).days)


@dataclass(frozen=True)
class ExemptionRecord:
    id: int
    agency_id: int
    month: Month
    reason: str
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class MonthOfAgency:
    """Everything about one agency's month: the report in force, its earlier versions, an exemption."""

    agency_id: int
    agency: str
    month: Month
    report: MonthlyReportRecord | None
    history: tuple[MonthlyReportRecord, ...]  # every version recorded for this month, oldest first
    exemption: ExemptionRecord | None


class MonthlyReportService:
    def __init__(self, database: Database):
        self._db = database

    # -- writing --------------------------------------------------------

    def read_file(self, path: str | Path) -> IncomingFile:
        incoming = read_file(path)
        if report_file.media_type_of(incoming.data) not in report_file.ACCEPTED:
            raise DomainError(report_file.REFUSED.format(name=incoming.filename))
        return incoming

    def record(self, draft: MonthlyReportDraft) -> MonthlyReportRecord:
        """Record a report that arrived; refused if the agency's month already has one in force."""
        with self._db.transaction() as session:
            values, figures = _checked(session, draft)
            _refuse_second(session, values, excluding=None)
            report = self._add(session, values, figures, draft, previous=None)
            return _record(session, report)

    def correct(
        self, report_id: int, draft: MonthlyReportDraft, *, reason: str, by: str = ""
    ) -> MonthlyReportRecord:
        """A new version of the report in force, with why; the one it corrects stays readable."""
        with self._db.transaction() as session:
            previous = _get(session, report_id)
            if not previous.in_force:
                raise DomainError(NOT_IN_FORCE)
            errors = validation.FieldErrors()
            reason = validation.text(
                errors, "MonthlyReportService.correct", "reason", reason, required=REASON_REQUIRED
            )
            by = validation.text(errors, "MonthlyReportService.correct", "by", by)
            try:
                values, figures = _checked(session, draft)
            except ValidationError as error:
                raise ValidationError({**error.errors, **errors}) from error
            if errors:
                raise ValidationError(errors)
            if draft.file is None and _same(session, previous, values, figures):
                raise DomainError(NOTHING_CHANGED)
            _refuse_second(session, values, excluding=previous.id)
            previous.in_force = False
            session.flush()  # one version in force: the old one leaves before the new one comes
            values["recorded_by"] = by or values["recorded_by"]
            report = self._add(session, values, figures, draft, previous=previous, reason=reason)
            return _record(session, report)

    def replace(self, draft: MonthlyReportDraft, *, reason: str, by: str = "") -> MonthlyReportRecord:
        """Record a report in place of the one in force for the same agency and month (a correction)."""
        month = Month.parse(draft.month)
        with self._db.reading() as session:
            current = _in_force(session, draft.agency_id, month)
        if current is None:
            return self.record(draft)
        return self.correct(current.id, draft, reason=reason, by=by)

    def void(self, report_id: int, *, reason: str, by: str = "") -> MonthlyReportRecord:
        """Take back a report recorded by mistake: it stays readable, and the month owes it again."""
        with self._db.transaction() as session:
            report = _get(session, report_id)
            if not report.in_force:
                raise DomainError(NOT_IN_FORCE)
            errors = validation.FieldErrors()
            reason = validation.text(
                errors, "MonthlyReportService.void", "reason", reason, required=REASON_REQUIRED
            )
            by = validation.text(errors, "MonthlyReportService.void", "by", by)
            if errors:
                raise ValidationError(errors)
            report.in_force = False
            report.voided_reason, report.voided_by, report.voided_at = reason, by, dt.datetime.now()
            session.flush()
            return _record(session, report)

    def exempt(self, agency_id: int, month: str | Month, *, reason: str, by: str = "") -> ExemptionRecord:
        """The agency owes no report for the month; the reason shows in the matrix."""
        month = month if isinstance(month, Month) else Month.parse(month)
        with self._db.transaction() as session:
            agency = _agency(session, agency_id)
            errors = validation.FieldErrors()
            reason = validation.text(
                errors, "MonthlyReportService.exempt", "reason", reason, required=REASON_REQUIRED
            )
            by = validation.text(errors, "MonthlyReportService.exempt", "by", by)
            if errors:
                raise ValidationError(errors)
            if _in_force(session, agency_id, month) is not None:
                raise DomainError(EXEMPT_HAS_REPORT.format(month=month.label, agency=agency.name))
            if _exemption(session, agency_id, month) is not None:
                raise DomainError(ALREADY_EXEMPT.format(month=month.label, agency=agency.name))
            exemption = MonthlyExemption(
                agency_id=agency_id,
                year=month.year,
                month=month.month,
                reason=reason,
                recorded_by=by,
                recorded_at=dt.datetime.now(),
            )
            session.add(exemption)
            try:
                session.flush()
            except IntegrityError as error:  # another desk exempted it a moment ago
                raise DomainError(ALREADY_EXEMPT.format(month=month.label, agency=agency.name)) from error
            return _exemption_record(exemption)

    def lift_exemption(self, agency_id: int, month: str | Month) -> None:
        """An exemption recorded by mistake: the month owes its report again."""
        month = month if isinstance(month, Month) else Month.parse(month)
        with self._db.transaction() as session:
            exemption = _exemption(session, agency_id, month)
            if exemption is None:
                raise NotFoundError("این ماه معاف نبود.")
            session.delete(exemption)

    def _add(
        self,
        session: Session,
        values: dict[str, object],
        figures: Mapping[int, float],
        draft: MonthlyReportDraft,
        *,
        previous: MonthlyReport | None,
        reason: str = "",
    ) -> MonthlyReport:
        file_id = None
        if draft.file is not None:
            file_id = report_file.store(session, draft.file).id
        elif previous is not None and draft.keep_file:
            file_id = previous.file_id
        report = MonthlyReport(
            **values,
            file_id=file_id,
            recorded_at=dt.datetime.now(),
            in_force=True,
            replaces_id=previous.id if previous is not None else None,
            reason=reason,
            voided_reason="",
            voided_by="",
        )
        session.add(report)
        try:
            session.flush()
        except IntegrityError as error:  # another desk recorded the same month a moment ago
            month = Month(report.year, report.month)
            raise ValidationError({"month": f"گزارش {month.label} همین حالا در میز دیگری ثبت شد."}) from error
        session.add_all(
            MonthlyFigure(report_id=report.id, indicator_id=indicator_id, value=value)
            for indicator_id, value in figures.items()
        )
        session.flush()
        return report

    # -- reading --------------------------------------------------------

    def get(self, report_id: int) -> MonthlyReportRecord:
        with self._db.reading() as session:
            return _record(session, _get(session, report_id))

    def of_month(self, agency_id: int, month: str | Month) -> MonthOfAgency:
        """The agency's month as its cell in the matrix opens it."""
        month = month if isinstance(month, Month) else Month.parse(month)
        with self._db.reading() as session:
            agency = _agency(session, agency_id)
            versions = session.scalars(
                select(MonthlyReport)
                .where(
                    MonthlyReport.agency_id == agency_id,
                    MonthlyReport.year == month.year,
                    MonthlyReport.month == month.month,
                )
                .order_by(MonthlyReport.recorded_at, MonthlyReport.id)
            ).all()
            history = tuple(_record(session, version) for version in versions)
            exemption = _exemption(session, agency_id, month)
            return MonthOfAgency(
                agency_id=agency_id,
                agency=agency.name,
                month=month,
                report=next((version for version in history if version.in_force), None),
                history=history,
                exemption=_exemption_record(exemption) if exemption is not None else None,
            )

    def versions(self, report_id: int) -> tuple[MonthlyReportRecord, ...]:
        """The report's versions, the first recorded first, through each correction to the last."""
        with self._db.reading() as session:
            report = _get(session, report_id)
            while report.replaces_id is not None:
                report = _get(session, report.replaces_id)
            chain = [report]
            while (following := _replacement(session, chain[-1].id)) is not None:
                chain.append(following)
            return tuple(_record(session, version) for version in chain)

    def file_content(self, file_id: int) -> tuple[str, bytes]:
        """The file's name and its bytes, checked against its SHA-256."""
        with self._db.reading() as session:
            stored, data = report_file.stored_content(session, file_id)
            return stored.filename, data

    def export_file(self, file_id: int, target: str | Path) -> Path:
        _name, data = self.file_content(file_id)
        target = Path(target)
        try:
            target.write_bytes(data)
        except OSError as error:
            raise DomainError(f"پرونده در «{target}» نوشته نشد: {error.strerror}") from error
        return target


# -- rules ---------------------------------------------------------------


def _checked(session: Session, draft: MonthlyReportDraft) -> tuple[dict[str, object], dict[int, float]]:
    """The stored values of a draft and its figures by indicator, or every field's message."""
    form = "MonthlyReportDraft"
    errors = validation.FieldErrors()
    _agency(session, draft.agency_id)
    month: Month | None = None
    try:
        month = Month.parse(draft.month)
    except DomainError as error:
        errors.check("month", False, error.message)
    received = validation.jalali_date(errors, "received_on", draft.received_on, required=True)
    letter_date = validation.jalali_date(errors, "letter_date", draft.letter_date)
    today = clock.today()
    if received is not None:
        errors.check(
            "received_on", received <= today, RECEIVED_IN_FUTURE.format(date=jalali.format_short(received))
        )
        if month is not None:
            errors.check(
                "received_on",
                received >= month.first_day,
                RECEIVED_BEFORE_MONTH.format(month=month.label, date=jalali.format_short(month.first_day)),
            )
    if letter_date is not None:
        errors.check("letter_date", letter_date <= today, "تاریخ نامه هنوز نرسیده است.")
        if received is not None:
            errors.check("letter_date", letter_date <= received, LETTER_AFTER_RECEIPT)
    via = Via.LETTER
    try:
        via = Via.parse(draft.via)
    except DomainError as error:
        errors.check("via", False, error.message)
    letter_number = validation.text(errors, form, "letter_number", draft.letter_number)
    note = validation.text(errors, form, "note", draft.note)
    recorded_by = validation.text(errors, form, "recorded_by", draft.recorded_by)
    figures = _figures(session, draft.figures, errors)
    if errors:
        raise ValidationError(errors)
    assert month is not None and received is not None
    values: dict[str, object] = {
        "agency_id": draft.agency_id,
        "year": month.year,
        "month": month.month,
        "received_on": received,
        "via": via.value,
        "letter_number": letter_number,
        "letter_date": letter_date,
        "note": note,
        "recorded_by": recorded_by,
    }
    return values, figures


def figure_field(indicator_id: int) -> str:
    """The key of an indicator's figure in ``ValidationError.errors``."""
    return f"figure:{indicator_id}"


def _figures(session: Session, typed: Mapping[int, str], errors: validation.FieldErrors) -> dict[int, float]:
    indicators = {indicator.id: indicator for indicator in list_indicators(session, include_retired=True)}
    figures: dict[int, float] = {}
    for indicator_id, text in typed.items():
        indicator: IndicatorRecord | None = indicators.get(indicator_id)
        if indicator is None:
            raise NotFoundError("این شاخص در فهرست نیست.")
        if not (text or "").strip():
            continue
        try:
            figures[indicator_id] = indicator.parse_value(text)
        except DomainError as error:
            errors.check(figure_field(indicator_id), False, error.message)
    for indicator in indicators.values():
        if indicator.required and not indicator.retired:
            field_name = figure_field(indicator.id)
            errors.check(
                field_name,
                indicator.id in figures or field_name in errors,
                REQUIRED_FIGURE.format(name=indicator.name),
            )
    return figures


def _refuse_second(session: Session, values: Mapping[str, object], *, excluding: int | None) -> None:
    month = Month(int(str(values["year"])), int(str(values["month"])))
    agency_id = int(str(values["agency_id"]))
    current = _in_force(session, agency_id, month)
    if current is not None and current.id != excluding:
        agency = _agency(session, agency_id)
        raise ValidationError(
            {
                "month": ALREADY_RECORDED.format(
                    month=month.label, agency=agency.name, date=jalali.format_short(current.received_on)
                )
            }
        )


def _same(
    session: Session, report: MonthlyReport, values: Mapping[str, object], figures: Mapping[int, float]
) -> bool:
    kept = ("agency_id", "year", "month", "received_on", "via", "letter_number", "letter_date", "note")
    if any(getattr(report, name) != values[name] for name in kept):
        return False
    return _figures_of(session, report.id) == dict(figures)


def _figures_of(session: Session, report_id: int) -> dict[int, float]:
    rows = session.execute(
        select(MonthlyFigure.indicator_id, MonthlyFigure.value).where(MonthlyFigure.report_id == report_id)
    )
    return {indicator_id: value for indicator_id, value in rows}


def _in_force(session: Session, agency_id: int, month: Month) -> MonthlyReport | None:
    return session.scalar(
        select(MonthlyReport).where(
            MonthlyReport.agency_id == agency_id,
            MonthlyReport.year == month.year,
            MonthlyReport.month == month.month,
            MonthlyReport.in_force.is_(True),
        )
    )


def _replacement(session: Session, report_id: int) -> MonthlyReport | None:
    return session.scalar(select(MonthlyReport).where(MonthlyReport.replaces_id == report_id))


def _exemption(session: Session, agency_id: int, month: Month) -> MonthlyExemption | None:
    return session.scalar(
        select(MonthlyExemption).where(
            MonthlyExemption.agency_id == agency_id,
            MonthlyExemption.year == month.year,
            MonthlyExemption.month == month.month,
        )
    )


def _agency(session: Session, agency_id: int) -> Agency:
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise NotFoundError("این دستگاه در فهرست نیست.")
    return agency


def _get(session: Session, report_id: int) -> MonthlyReport:
    report = session.get(MonthlyReport, report_id)
    if report is None:
        raise NotFoundError("این گزارش ماهانه در فهرست نیست.")
    return report


def _record(session: Session, report: MonthlyReport) -> MonthlyReportRecord:
    stored = session.get(ReportFile, report.file_id) if report.file_id is not None else None
    replacement = _replacement(session, report.id)
    return MonthlyReportRecord(
        id=report.id,
        agency_id=report.agency_id,
        agency=_agency(session, report.agency_id).name,
        month=Month(report.year, report.month),
        received_on=report.received_on,
        via=Via(report.via),
        letter_number=report.letter_number,
        letter_date=report.letter_date,
        note=report.note,
        figures=_figures_of(session, report.id),
        file=(
            StoredFile(stored.id, stored.filename, stored.media_type, stored.size, stored.sha256)
            if stored is not None
            else None
        ),
        recorded_by=report.recorded_by,
        recorded_at=report.recorded_at,
        in_force=report.in_force,
        replaces_id=report.replaces_id,
        reason=report.reason,
        voided_reason=report.voided_reason,
        voided_by=report.voided_by,
        voided_at=report.voided_at,
        replaced_by_id=replacement.id if replacement is not None else None,
    )


def _exemption_record(exemption: MonthlyExemption) -> ExemptionRecord:
    return ExemptionRecord(
        id=exemption.id,
        agency_id=exemption.agency_id,
        month=Month(exemption.year, exemption.month),
        reason=exemption.reason,
        recorded_by=exemption.recorded_by,
        recorded_at=exemption.recorded_at,
    )
