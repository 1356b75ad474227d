"""Importing a yearly archive (or a JSON file in its schema) into a database.

Everything is written in one transaction: an import that fails part-way
(a damaged file, a record the database refuses, a cancel) changes nothing.
The rules are in ``IMPORT_RULES_DOC`` (also in ``docs/archive-schema.md``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.models import (
    Agency,
    AgendaItem,
    Amendment,
    Assignment,
    Attachment,
    AttachmentContent,
    Council,
    CouncilSetting,
    DeadlineChange,
    Evaluation,
    EvaluationAmendment,
    EvaluationCriterion,
    EvaluationExclusion,
    EvaluationResult,
    EvaluationTier,
    FollowUp,
    FollowUpCorrection,
    Indicator,
    Invitation,
    JuryScore,
    Letter,
    LetterDocument,
    LetterResolution,
    Meeting,
    MembershipDecree,
    MonthlyExemption,
    MonthlyFigure,
    MonthlyReport,
    Person,
    Postponement,
    ReportFile,
    ReportFileContent,
    Representation,
    Resolution,
)
from secretariat import sort_keys
from secretariat.archive.audit_records import add_entries
from secretariat.archive.keys import meeting_keys_of_years, year_of_meeting_key
from secretariat.archive.letter_records import IMPORTED_SOURCE
from secretariat.archive.schema import numbering_fields
from secretariat.archive.source import ArchiveSource, TypedRow, open_source
from secretariat.archive.values import refusal
from secretariat.changes import note_changes
from secretariat.council_settings import MONTHLY_DUE_DAY, read_due_day
from secretariat.database import Database
from secretariat.errors import DomainError
from secretariat.letters import numbering
from secretariat.letters.numbering import OUT
from secretariat.letters.register import _search_text as letter_search_text
from secretariat.meetings.kinds import MeetingKind, MeetingSeries
from secretariat.meetings.numbering_start import NumberingStart, write_start
from secretariat.members.agencies import _search_text as agency_search_text
from secretariat.members.people import _person_search_text as person_search_text
from secretariat.members.roles import Role
from secretariat.monthly.indicators import IndicatorKind
from secretariat.monthly.months import DEFAULT_DUE_DAY
from secretariat.office import audit
from secretariat.office.roles import Permission, require
from secretariat.persian.text import fold, format_int, to_persian_digits
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun

ALREADY_IMPORTED = "این بایگانی پیش‌تر وارد شده است"

IMPORT_RULES_DOC = """## Importing (`archive import`)

`python -m secretariat [--db PATH] archive import FILE` reads an archive's ZIP
or a bare JSON file in this schema (`data/records.json`, or one written by
another program) into the database. The rules:

- **Checked first.** A ZIP is checked against its manifest first (any file
  changed, missing or extra refuses it). The document must say
  `"schema": "council-secretariat-archive"` and a version this app reads
  (a newer version is refused: update the app). Every row must have every
  non-derived field, with a value of its type and references to rows that
  exist.
- **Values checked before anything is written** (`secretariat/archive/values.py`),
  as the app's own forms and rules would have them:
  - *dates* in 1921-2121 (Jalali 1300-1500, the archive's year too); a
    meeting's date in its `jalali_year`; a held or finalized meeting's date
    not in the future; a follow-up, a deadline (`due_date`) and a changed
    deadline (`new_due`) not before the resolution's meeting; a term or
    decree not ending before it starts; a meeting not ending before it starts;
  - *numbers* from 1: a meeting's `number` and `year_number` (present unless
    cancelled) unique in its series, and not used by a meeting of another
    year of the database; a resolution's `number` unique in its meeting (its
    code unique, as every key); an agenda item's `position` unique in its
    meeting; `progress` 0-100; a fixed quorum from 1;
  - *states*: finalized minutes have attendance recorded for every invited
    agency and a `finalized_at`; a cancelled meeting has its
    `cancel_reason`; resolutions belong to held or finalized meetings; a done
    resolution has its `completion_evidence`, a cancelled one its
    `status_note`, both a `closed_on`, which the others do not have; each
    resolution has one lead agency; a signed scan belongs to finalized
    minutes; an agency is invited once to a meeting, a guest has a name;
  - *texts*: names and required texts not empty (nor only spaces and
    invisible marks); no control character (NUL, ESC, BEL, ... only tab and
    line breaks, and these not in a name) nor half a surrogate pair; no text
    longer than its database column, or 10,000 characters for a long text;
    agency names unique in any spelling;
  - *files*: an attachment from 1 byte to the 50 MB `attach` accepts, with a
    SHA-256 and a path under `attachments/`; a monthly report's file the same,
    a PDF, Word document or image, under `monthly_reports/`;
  - *monthly reports*: a month 1-12; the last version of each report for a
    month of the archive's year (earlier versions may be of another year), an
    exemption of that year; a report received neither before its month
    begins nor in the future, a letter not dated after it was received; at
    most one version in force per agency and month; a version corrected once,
    by a version with its `reason`, and then not in force; a voided version
    with its `voided_reason`, not in force; no chain of corrections that goes
    round; a figure once per report and indicator, from 0, a whole number for
    a count and 0 or 1 for yes/no; an agency exempted once a month; indicator
    names unique in any spelling; the due day 1-29;
  - *the evaluation* (version 4): at most one, of the archive's year; a
    published one with its `published_at` and `published_by`, a draft
    without `published_at`; criterion names unique in any
    spelling, a maximum above 0 and at most 1,000, positions unique, an
    indicator for an activity criterion and for no other; tier names unique,
    thresholds from 0 to the criteria's total; an agency excluded once; jury
    scores only for the criteria the jury scores, one per evaluator (in any
    spelling), agency and criterion; every score (a jury's, a result, an
    amendment's) from 0 to its criterion's maximum; results and amendments
    only once published, a result on every criterion for each agency that
    has one; an amendment only of a published result, its `previous_score`
    the score then in force;
  - *letters* (version 4): of the archive's year, dated in it; a sequence
    from 1, unique in its direction; the kind `incoming` for the letters
    received and only for them; a letter received not in the future, the
    sender's date not after it; a month's report 1-12 with its year; an
    answer only from a letter received, to a letter issued; a voided letter
    with its `voided_reason`; a resolution linked to a letter once; a
    letter's document once, from 1 byte to 50 MB, a PDF or an image, under
    `letters/`.

  A refusal names the first bad record, where it is, the field and what is
  wrong: «جلسه ۱۴۰۴-۰۷ (data/records.json، جدول meetings، ردیف ۳، ستون date):
  تاریخ ۰۰۰۱/۰۱/۰۱ پذیرفتنی نیست؛ چیزی وارد نشد.» (exit 2 on the command line).
- **Within ceilings.** A ZIP's members are read in chunks: a member declared
  larger than its ceiling (`data/records.json` 200 MB, `manifest.json` 20 MB,
  an attachment 50 MB, any other file 200 MB), or members adding up to more
  than 4 GB, refuse the archive before anything is inflated; the bytes are
  counted as they are read and refused past the ceiling whatever the ZIP
  declares. A zip bomb is refused without filling the memory. A bare JSON
  file is read up to 200 MB.
- **One transaction.** Everything is written in one transaction: an import
  that fails part-way (an attachment whose bytes do not match its SHA-256, a
  record the database refuses, a cancel) changes nothing.
- **The council.** A database without a council gets the archive's, with
  where its meetings' numbers begin. A database whose council has another
  name (in any spelling) is refused: an archive is imported into its own
  council's database, which keeps its own particulars.
- **A year once.** A year is imported whole into a database that has no
  meeting of that Jalali year yet. If the database holds the archive's
  meetings already, the import is refused with «این بایگانی پیش‌تر وارد شده
  است»; if it holds other meetings of that year, a resolution with one of
  the archive's codes, a monthly report or exemption of that year, the
  year's evaluation, or a letter with one of the archive's numbers or places
  in the year's sequences, it is refused as well, and nothing is merged.
- **Agencies** are matched by name in any spelling (the folded name, which
  the register keeps unique); an agency not in the database is added as the
  archive has it. A matched agency is kept as the database has it.
- **People** are matched by full name in any spelling, among the people the
  database had before the import; when both have a mobile number, it must be
  the same too; of several candidates, the one added first. Others are added.
- **Terms (representations)** already in the database (same agency, person,
  role and start date) are kept as they are; the others are added, except a
  current PR manager's term at an agency that already has a current PR
  manager (one per agency): that one is left out and the result says so.
  Decrees are added to their term unless one with the same number and date
  is there.
- **Meetings, resolutions, follow-up** are added with the archive's numbers,
  codes, statuses and dates, as recorded; the search text is computed again.
  Follow-up entries corrected or voided come with their corrections
  (`follow_up_corrections`: an entry taken back once, a correction of the
  same resolution); an archive of schema version 1 has none.
  A resolution deferred to a meeting outside the archive is linked to it if
  the database has that meeting (same key), else left unlinked (its status
  stays «ارجاع به جلسه بعد») and the result says so.
- **Monthly reports** (version 3) are added with every version, as recorded
  (in force, corrected with the version that corrects them and why, or
  voided), with their figures and the year's exemptions. **Indicators** are
  matched by name in any spelling with the database's (which keeps its own
  name, unit, order and whether required); one of another kind (a count in
  the archive, yes/no in the database) refuses the import; an indicator
  not in the database is added after its own, as the archive has it. **The
  due day** of an archive whose council the import creates is set; a
  database's council keeps its own, and the result says when they differ.
  An archive of version 1 or 2 has no monthly reports.
- **The evaluation** (version 4) is added as archived: a draft goes on
  being scored (its computed criteria from the records, its participants
  the database's active members not excluded), a published one with its
  results and amendments as published. Its activity criteria's indicators
  are matched by name, as the monthly reports' are. Refused when the
  database has that year's evaluation. Last year's rank on the ranking
  comes from the previous year's evaluation: import that year's archive too
  (the codes of the printouts count it).
- **Letters** (version 4) are added with their numbers, sequences, dates
  and voids as recorded (numbering goes on after them), with the
  resolutions they are about and their documents. A letter's meeting, the
  letter it answers, or a resolution it is about outside the archive is
  linked when the database has it (the same key, number or code), else
  left unlinked and the result says so. An outgoing letter's `source_key`
  names records by the ids of the database that issued it: it is kept
  fenced off (`archive:` before it), so that printing here never takes an
  imported letter for its own reprint; an export gives it back as archived.
  An archive of an older version has no evaluation and no letters.
- **The audit trail** (version 5) is added as archived, each entry with its
  time, user, action and values, after the importing database's own
  entries. Its `record` and `about` name the records by the ids of the
  database that wrote it: they are kept fenced off (`archive:` before them),
  so that no history of this database's records shows an imported entry as
  its own; an export gives them back as archived. The import itself is one
  entry of the importing database's trail («ورود بایگانی», with the file,
  the year and what it added), not one entry for each row it wrote. An
  archive of an older version has no trail.
- **Files.** From a ZIP, each attachment's, monthly report file's and
  letter document's bytes are read from its `path` and checked against its
  size and SHA-256. A bare JSON file has no bytes: its attachments are left
  out (their follow-up entries keep no document), so are the reports' files
  (the reports keep none) and the letters' documents, and the result says
  how many.

Imported into an empty database and exported again, an archive gives the
same `data/records.json` and CSV files (the PDFs are printed again, with
the day's date), but for the entry the import writes in the trail, when it
is made in the archive's year.
"""


class _Stored(Protocol):
    """A new row of the database: its id is there once flushed."""

    @property
    def id(self) -> int: ...


@dataclass(frozen=True)
class ImportResult:
    source: Path
    year: int
    council: str
    council_created: bool
    agencies_added: int
    agencies_matched: int
    people_added: int
    people_matched: int
    representations_added: int
    meetings: int
    resolutions: int
    follow_ups: int
    attachments: int
    attachments_skipped: int  # a bare JSON file holds no bytes
    monthly_reports: int = 0  # every version
    monthly_exemptions: int = 0
    indicators_added: int = 0
    report_files: int = 0
    report_files_skipped: int = 0  # a bare JSON file holds no bytes
    evaluation: bool = False  # the year's evaluation was imported
    letters: int = 0
    letter_documents: int = 0
    letter_documents_skipped: int = 0  # a bare JSON file holds no bytes
    audit_entries: int = 0  # the year's trail
    notes: tuple[str, ...] = ()  # what was left out, and why

    def summary(self) -> str:
        n = format_int
        lines = [
            f"بایگانی سال {to_persian_digits(self.year)} وارد شد: {n(self.meetings)} جلسه، "
            f"{n(self.resolutions)} مصوبه، {n(self.follow_ups)} پیگیری، {n(self.attachments)} پیوست.",
            f"دستگاه‌ها: {n(self.agencies_added)} افزوده، {n(self.agencies_matched)} از پیش بود؛ "
            f"افراد: {n(self.people_added)} افزوده، {n(self.people_matched)} از پیش بود.",
        ]
        if self.monthly_reports or self.monthly_exemptions:
            added = f"؛ {n(self.indicators_added)} شاخص افزوده" if self.indicators_added else ""
            lines.append(
                f"گزارش‌های ماهانه: {n(self.monthly_reports)} نسخه گزارش، {n(self.report_files)} پرونده، "
                f"{n(self.monthly_exemptions)} معافیت{added}."
            )
        if self.evaluation:
            lines.append(f"ارزیابی عملکرد روابط عمومی‌های سال {to_persian_digits(self.year)} وارد شد.")
        if self.letters:
            lines.append(f"دفتر نامه‌ها: {n(self.letters)} نامه، {n(self.letter_documents)} پرونده نامه.")
        if self.audit_entries:
            lines.append(f"سابقه تغییرات سال: {n(self.audit_entries)} سطر.")
        if self.council_created:
            lines.append(f"شورای «{self.council}» از بایگانی ساخته شد.")
        if self.attachments_skipped:
            lines.append(
                f"{n(self.attachments_skipped)} پیوست وارد نشد: پرونده JSON محتوای پیوست‌ها را ندارد؛ "
                "برای آن‌ها خود بایگانی ZIP را وارد کنید."
            )
        if self.report_files_skipped:
            lines.append(
                f"{n(self.report_files_skipped)} پرونده گزارش ماهانه وارد نشد: پرونده JSON محتوای آن‌ها را "
                "ندارد؛ برای آن‌ها خود بایگانی ZIP را وارد کنید."
            )
        if self.letter_documents_skipped:
            lines.append(
                f"{n(self.letter_documents_skipped)} پرونده نامه وارد نشد: پرونده JSON محتوای آن‌ها را "
                "ندارد؛ برای آن‌ها خود بایگانی ZIP را وارد کنید."
            )
        lines += self.notes
        return "\n".join(lines)


def import_archive(
    database: Database,
    source: str | Path,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportResult:
    """Import the archive (ZIP) or JSON file at ``source``, whole or not at all.

    Once the council has accounts, only its secretary imports (``Permission.RESTORE``);
    the import is written to the audit trail in the same transaction.
    """
    user = database.desk.user
    require(user, database.desk.accounts_exist, Permission.RESTORE)
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    with open_source(source) as archive:
        run.advance(0.1)
        try:
            with database.transaction() as session:
                # A whole year arrives: every view reads again, rather than hearing of each row.
                note_changes(session, everything=True)
                # And the trail says so once, rather than once for each row.
                audit.own_entry(session)
                result = _Import(session, archive, run).run()
                audit.record_event(
                    session,
                    user,
                    "import",
                    "archive",
                    str(result.year),
                    {**_audited(result), "year": result.year, "entries": result.audit_entries},
                )
                return result
        except SQLAlchemyError as error:
            detail = getattr(error, "orig", None) or error
            raise DomainError(
                f"بایگانی وارد نشد: پایگاه داده سطری از آن را نپذیرفت ({detail}). چیزی در پایگاه داده تغییر "
                "نکرد."
            ) from error


def _audited(result: ImportResult) -> dict[str, object]:
    """What the trail keeps of an import: the file and what came in."""
    return {
        "file": result.source.name,
        "council": result.council,
        "meetings": result.meetings,
        "resolutions": result.resolutions,
        "follow_ups": result.follow_ups,
        "monthly_reports": result.monthly_reports,
        "letters": result.letters,
    }


class _Import:
    """One import inside one transaction: archive keys mapped to the new rows' ids."""

    def __init__(self, session: Session, source: ArchiveSource, run: ReportRun):
        self.s = session
        self.src = source
        self.progress = run
        self.t = source.tables
        self.notes: list[str] = []
        self.agency: dict[str, int] = {}
        self.person: dict[str, int] = {}
        self.representation: dict[str, int | None] = {}
        self.meeting: dict[str, int] = {}
        self.item: dict[str, int] = {}
        self.resolution: dict[str, int] = {}
        self.attachment: dict[str, int] = {}
        self.indicator: dict[str, int] = {}
        self.report_file: dict[str, int] = {}
        self.report: dict[str, int] = {}
        self.criterion: dict[str, int] = {}
        self.letter: dict[str, int] = {}
        self.outside_meetings: dict[int, dict[str, int]] = {}  # by year: the database's meeting keys

    def run(self) -> ImportResult:
        council_created = self._council()
        self._refuse_if_present()
        self.progress.advance(0.2)
        agencies_added = self._agencies()
        people_added = self._people()
        representations_added = self._representations()
        self.progress.advance(0.3)
        self._meetings()
        self.progress.advance(0.45)
        self._resolutions()
        self.progress.advance(0.6)
        attachments = self._attachments()
        self.progress.advance(0.8)
        self._follow_ups()
        indicators_added = self._indicators()
        self.progress.advance(0.85)
        report_files = self._report_files()
        self._monthly_reports()
        evaluation = self._evaluation()
        self.progress.advance(0.9)
        self._letters()
        letter_documents = self._letter_documents()
        add_entries(self.s, self.t["audit_entries"])
        self.s.flush()
        self.progress.advance(1.0)
        t = self.t
        return ImportResult(
            source=self.src.path,
            year=self.src.year,
            council=self.src.council["name"],
            council_created=council_created,
            agencies_added=agencies_added,
            agencies_matched=len(t["agencies"]) - agencies_added,
            people_added=people_added,
            people_matched=len(t["people"]) - people_added,
            representations_added=representations_added,
            meetings=len(t["meetings"]),
            resolutions=len(t["resolutions"]),
            follow_ups=len(t["follow_ups"]),
            attachments=attachments,
            attachments_skipped=len(t["attachments"]) - attachments,
            monthly_reports=len(t["monthly_reports"]),
            monthly_exemptions=len(t["monthly_exemptions"]),
            indicators_added=indicators_added,
            report_files=report_files,
            report_files_skipped=len(t["report_files"]) - report_files,
            evaluation=evaluation,
            letters=len(t["letters"]),
            letter_documents=letter_documents,
            letter_documents_skipped=len(t["letter_documents"]) - letter_documents,
            audit_entries=len(t["audit_entries"]),
            notes=tuple(self.notes),
        )

    # -- the council and the year ---------------------------------------------------

    def _council(self) -> bool:
        archived = dict(self.src.council)
        due_day = archived.pop("monthly_due_day")
        begins = []
        for series in MeetingSeries:
            number, year_number = numbering_fields(series)
            begins.append(NumberingStart(series, archived.pop(number), archived.pop(year_number)))
        council = self.s.scalars(select(Council).order_by(Council.id).limit(1)).first()
        if council is None:
            self.s.add(Council(**archived))
            for start in begins:
                if start != NumberingStart(start.series):
                    write_start(self.s, start)
            if due_day != DEFAULT_DUE_DAY:
                self.s.merge(CouncilSetting(key=MONTHLY_DUE_DAY, value=str(due_day)))
            self.s.flush()
            return True
        if fold(council.name) != fold(archived["name"]):
            raise DomainError(
                f"این بایگانی از «{archived['name']}» است و این پایگاه داده از «{council.name}»؛ "
                "بایگانی هر شورا در پایگاه داده همان شورا وارد می‌شود. چیزی وارد نشد."
            )
        ours = read_due_day(self.s)
        if self.t["monthly_reports"] and due_day != ours:
            self.notes.append(
                f"روز مهلت گزارش ماهانه در بایگانی {to_persian_digits(due_day)} است و در این پایگاه داده "
                f"{to_persian_digits(ours)}؛ روز مهلت این پایگاه داده ماند."
            )
        return False

    def _refuse_if_present(self) -> None:
        year = self.src.year
        present = meeting_keys_of_years(self.s, {year})
        if present:
            archived = {row["key"] for row in self.t["meetings"]}
            if archived <= set(present.values()):
                raise DomainError(
                    f"{ALREADY_IMPORTED}: جلسه‌های سال {to_persian_digits(year)} در این پایگاه "
                    "داده هست. چیزی وارد نشد."
                )
            raise DomainError(
                f"این پایگاه داده از پیش {to_persian_digits(len(present))} جلسه در سال "
                f"{to_persian_digits(year)} "
                "دارد؛ سالی که جلسه‌ای از آن ثبت شده با بایگانی یکی نمی‌شود. چیزی وارد نشد."
            )
        self._refuse_numbers_taken()
        self._refuse_monthly_present()
        self._refuse_evaluation_present()
        self._refuse_letters_present()
        codes = [row["code"] for row in self.t["resolutions"]]
        for start in range(0, len(codes), 500):
            clash = self.s.scalar(
                select(Resolution.code).where(Resolution.code.in_(codes[start : start + 500])).limit(1)
            )
            if clash is not None:
                raise DomainError(
                    f"{ALREADY_IMPORTED}: مصوبه‌ای با کد «{clash}» در این پایگاه داده هست. چیزی وارد نشد."
                )

    def _refuse_monthly_present(self) -> None:
        """Monthly reports or exemptions of the year already in the database: nothing is merged."""
        year = self.src.year
        reports = self.s.scalar(select(func.count(MonthlyReport.id)).where(MonthlyReport.year == year)) or 0
        exemptions = (
            self.s.scalar(select(func.count(MonthlyExemption.id)).where(MonthlyExemption.year == year)) or 0
        )
        if reports or exemptions:
            raise DomainError(
                f"این پایگاه داده از پیش {to_persian_digits(reports)} گزارش ماهانه و "
                f"{to_persian_digits(exemptions)} معافیت از سال {to_persian_digits(year)} دارد؛ "
                "گزارش‌های ماهانه سال با بایگانی یکی نمی‌شوند. چیزی وارد نشد."
            )

    def _refuse_evaluation_present(self) -> None:
        year = self.src.year
        if self.t["evaluations"] and self.s.scalar(select(Evaluation.id).where(Evaluation.year == year)):
            raise DomainError(
                f"این پایگاه داده از پیش ارزیابی عملکرد روابط عمومی‌های سال {to_persian_digits(year)} را "
                "دارد؛ ارزیابی سال با بایگانی یکی نمی‌شود. چیزی وارد نشد."
            )

    def _refuse_letters_present(self) -> None:
        """A letter number of the archive, or a place in the year's sequence, taken in the database."""
        rows = self.t["letters"]
        if not rows:
            return
        numbers = [row["number"] for row in rows]
        for start in range(0, len(numbers), 500):
            clash = self.s.scalar(
                select(Letter.number).where(Letter.number.in_(numbers[start : start + 500])).limit(1)
            )
            if clash is not None:
                raise DomainError(
                    f"نامه‌ای با شماره «{numbering.shown(clash)}» در این پایگاه داده هست؛ شماره هر نامه "
                    f"یکتاست و نامه‌های سال {to_persian_digits(self.src.year)} با بایگانی یکی نمی‌شوند. "
                    "چیزی وارد نشد."
                )
        archived = {(row["direction"], row["seq"]) for row in rows}
        for direction, seq, number in self.s.execute(
            select(Letter.direction, Letter.seq, Letter.number)
            .where(Letter.year == self.src.year)
            .order_by(Letter.direction, Letter.seq)
        ):
            if (direction, seq) in archived:
                side = "صادره" if direction == OUT else "وارده"
                raise DomainError(
                    f"ردیف {to_persian_digits(seq)} نامه‌های {side} سال {to_persian_digits(self.src.year)} "
                    f"را در این پایگاه داده نامه «{numbering.shown(number)}» دارد؛ نامه‌های سال با بایگانی "
                    "یکی نمی‌شوند. چیزی وارد نشد."
                )

    def _refuse_numbers_taken(self) -> None:
        """A meeting number of the archive that a meeting of another year has in the database."""
        numbered: dict[tuple[str, int | None], tuple[int, TypedRow]] = {
            (MeetingKind(row["kind"]).series, row["number"]): (index, row)
            for index, row in enumerate(self.t["meetings"], start=1)
            if row["number"] is not None
        }
        if not numbered:
            return
        taken = self.s.execute(
            select(Meeting.series, Meeting.number, Meeting.jalali_year)
            .where(
                Meeting.series.in_({series for series, _number in numbered}),
                Meeting.number.in_({number for _series, number in numbered}),
            )
            .order_by(Meeting.jalali_year, Meeting.number)
        ).all()
        for series, number, year in taken:
            if (series, number) in numbered:
                index, row = numbered[(series, number)]
                raise refusal(
                    self.src.where,
                    "meetings",
                    index,
                    "number",
                    f"شماره {to_persian_digits(number)} را در این پایگاه داده جلسه‌ای از سال "
                    f"{to_persian_digits(year)} در همین رشته دارد",
                    row,
                )

    # -- the register --------------------------------------------------------------------

    def _agencies(self) -> int:
        rows = self.t["agencies"]
        existing = (
            dict(
                self.s.execute(
                    select(Agency.name_key, Agency.id).where(
                        Agency.name_key.in_({fold(r["name"]) for r in rows})
                    )
                ).all()
            )
            if rows
            else {}
        )
        added = []
        spellings: dict[str, str] = {}
        for row in rows:
            name_key = fold(row["name"])
            if name_key in existing:
                self.agency[row["key"]] = existing[name_key]
                continue
            if name_key in spellings:
                raise DomainError(
                    f"دو دستگاه بایگانی، «{spellings[name_key]}» و «{row['name']}»، یک نام دارند "
                    "(با نگارش‌های گوناگون)؛ چیزی وارد نشد."
                )
            spellings[name_key] = row["name"]
            values = {k: v for k, v in row.items() if k != "key"}
            agency = Agency(**values, name_key=name_key, search_text=agency_search_text(values))
            added.append((row["key"], agency))
        self._flush_ids(added, self.agency)
        return len(added)

    def _people(self) -> int:
        candidates: dict[str, list[tuple[int, str]]] = {}
        for person_id, full_name, mobile in self.s.execute(
            select(Person.id, Person.full_name, Person.mobile).order_by(Person.id)
        ):
            candidates.setdefault(fold(full_name), []).append((person_id, fold(mobile)))
        added = []
        for row in self.t["people"]:
            mobile = fold(row["mobile"])
            match = next(
                (
                    person_id
                    for person_id, theirs in candidates.get(fold(row["full_name"]), ())
                    if not (mobile and theirs) or mobile == theirs
                ),
                None,
            )
            if match is not None:
                self.person[row["key"]] = match
                continue
            values = {k: v for k, v in row.items() if k != "key"}
            added.append((row["key"], Person(**values, search_text=person_search_text(values))))
        self._flush_ids(added, self.person)
        return len(added)

    def _representations(self) -> int:
        agency_ids = set(self.agency.values())
        existing = {}
        current_manager: set[int] = set()
        if agency_ids:
            for r in self.s.scalars(select(Representation).where(Representation.agency_id.in_(agency_ids))):
                existing[(r.agency_id, r.person_id, r.role, r.start_date)] = r.id
                if r.role == Role.PR_MANAGER.value and r.end_date is None:
                    current_manager.add(r.agency_id)
        added = []
        for row in self.t["representations"]:
            agency_id, person_id = self.agency[row["agency"]], self.person[row["person"]]
            found = existing.get((agency_id, person_id, row["role"], row["start_date"]))
            if found is not None:
                self.representation[row["key"]] = found
                continue
            if row["role"] == Role.PR_MANAGER.value and row["end_date"] is None:
                if agency_id in current_manager:
                    self.representation[row["key"]] = None
                    self.notes.append(
                        self._agency_note(
                            row["agency"],
                            (
                                "مدیر روابط عمومی کنونی «{agency}» در بایگانی با پایگاه داده یکی نیست؛ "
                                "سمت بایگانی وارد نشد و سمت پایگاه داده ماند."
                            ),
                        )
                    )
                    continue
                current_manager.add(agency_id)
            values = {k: v for k, v in row.items() if k not in ("key", "agency", "person")}
            added.append((row["key"], Representation(**values, agency_id=agency_id, person_id=person_id)))
        self._flush_ids(added, self.representation)
        decrees = {}
        ids = [i for i in self.representation.values() if i is not None]
        if ids:
            for d in self.s.scalars(
                select(MembershipDecree).where(MembershipDecree.representation_id.in_(ids))
            ):
                decrees[(d.representation_id, d.number, d.issued_on)] = d.id
        for row in self.t["decrees"]:
            representation_id = self.representation.get(row["representation"])
            if representation_id is None or (representation_id, row["number"], row["issued_on"]) in decrees:
                continue
            values = {k: v for k, v in row.items() if k != "representation"}
            self.s.add(MembershipDecree(**values, representation_id=representation_id))
        self.s.flush()
        return len(added)

    def _agency_note(self, key: str, text: str) -> str:
        name = next(row["name"] for row in self.t["agencies"] if row["key"] == key)
        return text.format(agency=name)

    # -- meetings --------------------------------------------------------------------------

    def _meetings(self) -> None:
        added = []
        for row in self.t["meetings"]:
            values = {k: v for k, v in row.items() if k not in ("key", "host")}
            meeting = Meeting(
                **values,
                series=MeetingKind(row["kind"]).series,
                host_agency_id=self.agency[row["host"]] if row["host"] else None,
            )
            added.append((row["key"], meeting))
        self._flush_ids(added, self.meeting)
        for row in self.t["postponements"]:
            values = {k: v for k, v in row.items() if k != "meeting"}
            self.s.add(Postponement(**values, meeting_id=self.meeting[row["meeting"]]))
        items = []
        for row in self.t["agenda_items"]:
            values = {k: v for k, v in row.items() if k not in ("key", "meeting", "presenter")}
            items.append(
                (
                    row["key"],
                    AgendaItem(
                        **values,
                        meeting_id=self.meeting[row["meeting"]],
                        presenter_agency_id=self._agency_id(row["presenter"]),
                    ),
                )
            )
        self._flush_ids(items, self.item)
        for row in self.t["invitations"]:
            values = {k: v for k, v in row.items() if k not in ("meeting", "agency", "attendee")}
            self.s.add(
                Invitation(
                    **values,
                    meeting_id=self.meeting[row["meeting"]],
                    agency_id=self._agency_id(row["agency"]),
                    attendee_person_id=self.person[row["attendee"]] if row["attendee"] else None,
                )
            )
        self.s.flush()

    def _agency_id(self, key: str | None) -> int | None:
        return self.agency[key] if key else None

    # -- resolutions ---------------------------------------------------------------------

    def _resolutions(self) -> None:
        current_text: dict[str, str] = {}
        for row in self.t["amendments"]:
            if row["field"] == "resolution_text" and row["resolution"]:
                current_text[row["resolution"]] = row["amended"]
        added = []
        for row in self.t["resolutions"]:
            values = {
                k: v for k, v in row.items() if k not in ("meeting", "agenda_item", "deferred_to_meeting")
            }
            added.append(
                (
                    row["code"],
                    Resolution(
                        **values,
                        meeting_id=self.meeting[row["meeting"]],
                        agenda_item_id=self.item[row["agenda_item"]] if row["agenda_item"] else None,
                        deferred_to_meeting_id=self._deferred_to(row),
                        search_text=fold(current_text.get(row["code"], row["text"])),
                        text_key=sort_keys.text_key(row["text"]),
                    ),
                )
            )
        self._flush_ids(added, self.resolution)
        for row in self.t["assignments"]:
            self.s.add(
                Assignment(
                    resolution_id=self.resolution[row["resolution"]],
                    agency_id=self.agency[row["agency"]],
                    role=row["role"],
                )
            )
        self.s.flush()
        # Their leads are known now: agencies of the archive or, by the same name, of the database.
        sort_keys.refresh_lead_keys(self.s, self.resolution.values())
        for row in self.t["amendments"]:
            values = {k: v for k, v in row.items() if k not in ("meeting", "resolution", "agenda_item")}
            self.s.add(
                Amendment(
                    **values,
                    meeting_id=self.meeting[row["meeting"]],
                    resolution_id=self.resolution[row["resolution"]] if row["resolution"] else None,
                    agenda_item_id=self.item[row["agenda_item"]] if row["agenda_item"] else None,
                )
            )
        self.s.flush()

    def _deferred_to(self, row: TypedRow) -> int | None:
        key = row["deferred_to_meeting"]
        if key is None:
            return None
        found = self._meeting_id(key)
        if found is not None:
            return found
        self.notes.append(
            f"مصوبه {row['code']} به جلسه {key} ارجاع شده که در این پایگاه داده نیست؛ ارجاع آن برقرار نشد."
        )
        return None

    def _meeting_id(self, key: str) -> int | None:
        """The meeting of the archive, or of the database (another year's), by its key; None if neither."""
        if key in self.meeting:
            return self.meeting[key]
        year = year_of_meeting_key(key)
        if year is None:
            return None
        if year not in self.outside_meetings:
            keys = meeting_keys_of_years(self.s, {year})
            self.outside_meetings[year] = {k: meeting_id for meeting_id, k in keys.items()}
        return self.outside_meetings[year].get(key)

    # -- files and follow-up ---------------------------------------------------------------

    def _attachments(self) -> int:
        rows = self.t["attachments"]
        if not self.src.has_files:
            return 0
        for index, row in enumerate(rows):
            self.progress.advance(0.6 + 0.2 * index / max(1, len(rows)))
            try:
                data = self.src.file(row["path"])
            except KeyError as error:
                raise DomainError(
                    f"پیوست «{row['filename']}» ({row['path']}) در بایگانی نیست؛ چیزی وارد نشد."
                ) from error
            if len(data) != row["size"] or hashlib.sha256(data).hexdigest() != row["sha256"]:
                raise DomainError(
                    f"پیوست «{row['filename']}» با چکیده ثبت‌شده‌اش نمی‌خواند؛ "
                    "بایگانی آسیب دیده است. چیزی وارد نشد."
                )
            values = {k: v for k, v in row.items() if k not in ("key", "meeting", "path")}
            attachment = Attachment(**values, meeting_id=self.meeting[row["meeting"]])
            self.s.add(attachment)
            self.s.flush()
            content = AttachmentContent(attachment_id=attachment.id, data=data)
            self.s.add(content)
            self.s.flush()
            self.s.expunge(content)  # written: its bytes need not stay in memory until the commit
            del content, data
            self.attachment[row["key"]] = attachment.id
        self.s.flush()
        return len(rows)

    def _follow_ups(self) -> None:
        entries = [
            FollowUp(
                **{k: v for k, v in row.items() if k not in ("key", "resolution", "document")},
                resolution_id=self.resolution[row["resolution"]],
                attachment_id=self.attachment.get(row["document"]) if row["document"] else None,
            )
            for row in self.t["follow_ups"]
        ]
        self.s.add_all(entries)
        self.s.flush()
        entry = {row["key"]: added.id for row, added in zip(self.t["follow_ups"], entries, strict=True)}
        for row in self.t["follow_up_corrections"]:
            self.s.add(
                FollowUpCorrection(
                    follow_up_id=entry[row["entry"]],
                    replacement_id=entry[row["replacement"]] if row["replacement"] else None,
                    reason=row["reason"],
                    recorded_by=row["recorded_by"],
                    recorded_at=row["recorded_at"],
                )
            )
        for row in self.t["deadline_changes"]:
            values = {k: v for k, v in row.items() if k != "resolution"}
            self.s.add(DeadlineChange(**values, resolution_id=self.resolution[row["resolution"]]))
        self.s.flush()

    # -- monthly reports ---------------------------------------------------------------------

    def _indicators(self) -> int:
        """Match the archive's indicators with the database's by name; add those it lacks."""
        rows = self.t["indicators"]
        existing = {
            indicator.name_key: indicator
            for indicator in self.s.scalars(
                select(Indicator).where(Indicator.name_key.in_({fold(row["name"]) for row in rows}))
            )
        }
        position = self.s.scalar(select(func.max(Indicator.position))) or 0
        added = []
        for row in rows:
            name_key = fold(row["name"])
            found = existing.get(name_key)
            if found is None:
                position += 1
                values = {k: v for k, v in row.items() if k != "key"}
                added.append((row["key"], Indicator(**values, name_key=name_key, position=position)))
                continue
            if found.kind != row["kind"]:
                raise DomainError(
                    f"شاخص «{row['name']}» در بایگانی «{IndicatorKind(row['kind']).label}» است و در این "
                    f"پایگاه داده «{IndicatorKind(found.kind).label}»؛ ارقام آن با هم نمی‌خوانند. "
                    "چیزی وارد نشد."
                )
            self.indicator[row["key"]] = found.id
        self._flush_ids(added, self.indicator)
        return len(added)

    def _report_files(self) -> int:
        rows = self.t["report_files"]
        if not self.src.has_files:
            return 0
        for row in rows:
            self.progress.check()
            try:
                data = self.src.file(row["path"])
            except KeyError as error:
                raise DomainError(
                    f"پرونده گزارش ماهانه «{row['filename']}» ({row['path']}) در بایگانی نیست؛ چیزی وارد نشد."
                ) from error
            if len(data) != row["size"] or hashlib.sha256(data).hexdigest() != row["sha256"]:
                raise DomainError(
                    f"پرونده گزارش ماهانه «{row['filename']}» با چکیده ثبت‌شده‌اش نمی‌خواند؛ "
                    "بایگانی آسیب دیده است. چیزی وارد نشد."
                )
            stored = ReportFile(**{k: v for k, v in row.items() if k not in ("key", "path")})
            self.s.add(stored)
            self.s.flush()
            content = ReportFileContent(file_id=stored.id, data=data)
            self.s.add(content)
            self.s.flush()
            self.s.expunge(content)  # written: its bytes need not stay in memory until the commit
            del content, data
            self.report_file[row["key"]] = stored.id
        return len(rows)

    def _monthly_reports(self) -> None:
        """Every version in the archive's order (so that the ids keep it), then who corrects whom."""
        rows = self.t["monthly_reports"]
        added = []
        for row in rows:
            values = {k: v for k, v in row.items() if k not in ("key", "agency", "file", "replaces")}
            added.append(
                (
                    row["key"],
                    MonthlyReport(
                        **values,
                        agency_id=self.agency[row["agency"]],
                        file_id=self.report_file.get(row["file"]) if row["file"] else None,
                    ),
                )
            )
        self._flush_ids(added, self.report)
        for (_key, report), row in zip(added, rows, strict=True):
            if row["replaces"] is not None:  # a version may correct one that comes after it in order
                report.replaces_id = self.report[row["replaces"]]
        self.s.flush()
        self.s.add_all(
            MonthlyFigure(
                report_id=self.report[row["report"]],
                indicator_id=self.indicator[row["indicator"]],
                value=row["value"],
            )
            for row in self.t["monthly_figures"]
        )
        self.s.add_all(
            MonthlyExemption(
                **{k: v for k, v in row.items() if k != "agency"}, agency_id=self.agency[row["agency"]]
            )
            for row in self.t["monthly_exemptions"]
        )
        self.s.flush()

    # -- the evaluation ----------------------------------------------------------------------

    def _evaluation(self) -> bool:
        """The year's evaluation as archived: a draft to go on scoring, or published with its results."""
        if not self.t["evaluations"]:
            return False
        evaluation = Evaluation(**self.t["evaluations"][0])
        self.s.add(evaluation)
        self.s.flush()
        criteria = []
        for row in self.t["evaluation_criteria"]:
            values = {k: v for k, v in row.items() if k not in ("key", "indicator")}
            criterion = EvaluationCriterion(
                **values,
                evaluation_id=evaluation.id,
                name_key=fold(row["name"]),
                indicator_id=self.indicator[row["indicator"]] if row["indicator"] else None,
            )
            criteria.append((row["key"], criterion))
        self._flush_ids(criteria, self.criterion)
        self.s.add_all(
            EvaluationTier(**row, evaluation_id=evaluation.id) for row in self.t["evaluation_tiers"]
        )
        self.s.add_all(
            EvaluationExclusion(
                evaluation_id=evaluation.id, agency_id=self.agency[row["agency"]], reason=row["reason"]
            )
            for row in self.t["evaluation_exclusions"]
        )
        self.s.add_all(
            JuryScore(**self._of_cell(row), evaluator_key=fold(row["evaluator"]))
            for row in self.t["jury_scores"]
        )
        self.s.add_all(EvaluationResult(**self._of_cell(row)) for row in self.t["evaluation_results"])
        # In the archive's order, the order they were made in: their ids keep it.
        self.s.add_all(EvaluationAmendment(**self._of_cell(row)) for row in self.t["evaluation_amendments"])
        self.s.flush()
        return True

    def _of_cell(self, row: TypedRow) -> dict[str, object]:
        """A row about an agency on a criterion, its references made ids."""
        values = {k: v for k, v in row.items() if k not in ("criterion", "agency")}
        return {
            **values,
            "criterion_id": self.criterion[row["criterion"]],
            "agency_id": self.agency[row["agency"]],
        }

    # -- the letter register -----------------------------------------------------------------

    def _letters(self) -> None:
        """Every letter with its number, as recorded; then what each answers and is about."""
        rows = self.t["letters"]
        added = []
        for row in rows:
            values = {
                k: v for k, v in row.items() if k not in ("agency", "meeting", "answers_letter", "source_key")
            }
            letter = Letter(
                **values,
                agency_id=self._agency_id(row["agency"]),
                meeting_id=self._letter_meeting(row),
                source_key=IMPORTED_SOURCE + row["source_key"] if row["source_key"] else "",
                search_text=letter_search_text(
                    row["number"], row["party"], row["subject"], row["their_number"]
                ),
            )
            added.append((row["number"], letter))
        self._flush_ids(added, self.letter)
        for (_number, letter), row in zip(added, rows, strict=True):
            if row["answers_letter"] is not None:  # an answer may come before the letter it answers
                letter.answers_letter_id = self._answered(row)
        links = []
        for row in self.t["letter_resolutions"]:
            resolution_id = self._linked_resolution(row)
            if resolution_id is not None:
                links.append(
                    LetterResolution(letter_id=self.letter[row["letter"]], resolution_id=resolution_id)
                )
        self.s.add_all(links)
        self.s.flush()

    def _letter_meeting(self, row: TypedRow) -> int | None:
        key = row["meeting"]
        if key is None:
            return None
        found = self._meeting_id(key)
        if found is None:
            self.notes.append(
                f"نامه {numbering.shown(row['number'])} درباره جلسه {key} است که در این پایگاه داده نیست؛ "
                "پیوند آن با جلسه برقرار نشد."
            )
        return found

    def _answered(self, row: TypedRow) -> int | None:
        number = row["answers_letter"]
        if number in self.letter:
            return self.letter[number]
        found = self.s.scalar(select(Letter.id).where(Letter.number == number, Letter.direction == OUT))
        if found is None:
            self.notes.append(
                f"نامه {numbering.shown(row['number'])} پاسخ نامه {numbering.shown(number)} است که در این "
                "پایگاه داده نیست؛ پیوند پاسخ برقرار نشد."
            )
        return found

    def _linked_resolution(self, row: TypedRow) -> int | None:
        code = row["resolution"]
        if code in self.resolution:
            return self.resolution[code]
        found = self.s.scalar(select(Resolution.id).where(Resolution.code == code))
        if found is None:
            self.notes.append(
                f"نامه {numbering.shown(row['letter'])} درباره مصوبه {to_persian_digits(code)} است که در این "
                "پایگاه داده نیست؛ پیوند آن با مصوبه برقرار نشد."
            )
        return found

    def _letter_documents(self) -> int:
        rows = self.t["letter_documents"]
        if not self.src.has_files:
            return 0
        for row in rows:
            self.progress.check()
            number = numbering.shown(row["letter"])
            try:
                data = self.src.file(row["path"])
            except KeyError as error:
                raise DomainError(
                    f"پرونده نامه {number} ({row['path']}) در بایگانی نیست؛ چیزی وارد نشد."
                ) from error
            if len(data) != row["size"] or hashlib.sha256(data).hexdigest() != row["sha256"]:
                raise DomainError(
                    f"پرونده نامه {number} («{row['filename']}») با چکیده ثبت‌شده‌اش نمی‌خواند؛ "
                    "بایگانی آسیب دیده است. چیزی وارد نشد."
                )
            values = {k: v for k, v in row.items() if k not in ("letter", "path")}
            document = LetterDocument(**values, letter_id=self.letter[row["letter"]], data=data)
            self.s.add(document)
            self.s.flush()
            self.s.expunge(document)  # written: its bytes need not stay in memory until the commit
            del document, data
        return len(rows)

    def _flush_ids(
        self,
        added: Sequence[tuple[str, _Stored]],
        ids: dict[str, int] | dict[str, int | None],  # representations: None for one left out
    ) -> None:
        """Add the new rows in the archive's order and note each one's id under its key."""
        self.progress.check()
        self.s.add_all([row for _key, row in added])
        self.s.flush()
        for key, row in added:
            ids[key] = row.id
