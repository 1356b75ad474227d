"""Render every screen of the app to PNG: ``main.py --demo --screenshots DIR``.

A list of named render steps; a later feature adds its own steps to
``STEPS``. Each step puts the window in a state (or opens a dialog) and
returns the widget to photograph. Nothing is saved to the database.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import cast

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QWidget

from secretariat.demo.council import BUILD_PARTS, DemoStep
from secretariat.errors import DomainError
from secretariat.followup.register import ResolutionQuery
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingQuery
from secretariat.members.agencies import AgencyQuery, AgencyRecord
from secretariat.members.agency_sheet import COLUMNS
from secretariat.members.council import CouncilDraft, CouncilRecord
from secretariat.members.people import RepresentationRecord
from secretariat.persian import jalali
from tools.screenshots.audit_screenshots import SHOTS as AUDIT_SHOTS
from tools.screenshots.backup_screenshots import SHOTS as BACKUP_SHOTS
from tools.screenshots.checks import problems_on_screen
from tools.screenshots.empty_screenshots import SHOTS as EMPTY_SHOTS
from tools.screenshots.evaluation_print_screenshots import SHOTS as EVALUATION_PRINT_SHOTS
from tools.screenshots.evaluation_screenshots import SHOTS as EVALUATION_SHOTS
from tools.screenshots.letter_print_screenshots import SHOTS as LETTER_PRINT_SHOTS
from tools.screenshots.letters_screenshots import SHOTS as LETTERS_SHOTS
from tools.screenshots.meeting_screenshots import SHOTS as MEETING_SHOTS
from tools.screenshots.monthly_print_screenshots import SHOTS as MONTHLY_PRINT_SHOTS
from tools.screenshots.monthly_screenshots import SHOTS as MONTHLY_SHOTS
from tools.screenshots.office_screenshots import SHOTS as OFFICE_SHOTS
from tools.screenshots.register_screenshots import SHOTS as REGISTER_SHOTS
from tools.screenshots.stage import RenderStep, Stage
from ui import messages, strings
from ui.agencies.agency_dialog import AgencyDialog
from ui.agencies.agency_import_dialog import AgencyImportDialog
from ui.council.council_form import CouncilDialog
from ui.people.appointment_dialog import AppointmentDialog
from ui.people.decree_dialog import DecreeDialog
from ui.people.end_role_dialog import EndRoleDialog
from ui.people.person_dialog import PersonDialog
from ui.reports.attendance_period_dialog import AttendancePeriodDialog
from ui.reports.report_jobs import minutes_job, register_job
from ui.reports.report_preview import ReportPreview
from ui.start.welcome_dialog import WelcomeDialog
from ui.widgets import file_choice
from ui.widgets.table_setup import select_row
from ui.widgets.wait_window import WaitWindow
from ui.window.main_window import AGENCIES, DASHBOARD, PEOPLE, RESOLUTIONS, MainWindow

# Searching with Arabic letters shows that the search folds them.
_ARABIC_VARIANTS = str.maketrans({"ی": "ي", "ک": "ك"})


# -- main window --------------------------------------------------------------------


def agencies_with_detail(stage: Stage) -> QWidget:
    view = stage.window.agencies_view
    stage.window.show_section(AGENCIES)
    view.search_box.setText("")
    view.search_box.flush()
    stage.selected_agency()
    return stage.window


def agencies_search(stage: Stage) -> QWidget:
    view = stage.window.agencies_view
    agency = stage.selected_agency()
    # The longest word with a ی or ک, typed with the Arabic letters.
    words = sorted(
        agency.name.split() if agency else ["اداره"], key=lambda w: (("ی" in w or "ک" in w), len(w))
    )
    view.search_box.setText(words[-1].translate(_ARABIC_VARIANTS))
    view.search_box.flush()
    return stage.window


def agencies_with_inactive(stage: Stage) -> QWidget:
    view = stage.window.agencies_view
    view.search_box.setText("")
    view.search_box.flush()
    view.show_inactive.setChecked(True)
    # By status: the inactive agencies come first, greyed.
    view.table.sortByColumn(view.model.column("status"), Qt.SortOrder.AscendingOrder)
    return stage.window


def people_section(stage: Stage) -> QWidget:
    view = stage.window.agencies_view
    view.show_inactive.setChecked(False)
    view.table.sortByColumn(view.model.column("name"), Qt.SortOrder.AscendingOrder)
    stage.window.show_section(PEOPLE)
    if stage.window.people_view.model.rowCount():
        stage.window.people_view.select_person(stage.window.people_view.model.person_id(0))
    return stage.window


# -- dialogs ------------------------------------------------------------------------------


def _refuse(_draft: CouncilDraft) -> CouncilRecord:
    raise DomainError("screenshots do not create councils")


def welcome(stage: Stage) -> QWidget:
    return stage.open(WelcomeDialog(_refuse, stage.window))


def welcome_form(stage: Stage) -> QWidget:
    return stage.open(WelcomeDialog(_refuse, stage.window, start_on_form=True))


def agency_form_empty(stage: Stage) -> QWidget:
    return stage.open(AgencyDialog(stage.services.agencies, parent=stage.window))


def agency_form_errors(stage: Stage) -> QWidget:
    dialog = AgencyDialog(stage.services.agencies, parent=stage.window)
    stage.open(dialog)
    dialog.email.setText("pr@pardis")
    dialog.joined_on.setText("۱۴۰۴/۱۲/۳۰")
    dialog.accept()  # refused: the errors show under the fields, which stay where they were
    return dialog


def agency_form_discard(stage: Stage) -> QWidget:
    """Escape over a form with something typed in: the question before it is thrown away."""
    dialog = AgencyDialog(stage.services.agencies, parent=stage.window)
    stage.open(dialog)
    dialog.name.setText("شهرداری پردیس")
    box = messages.question_box(dialog, strings.DISCARD_CHANGES, yes=strings.DISCARD, no=strings.KEEP_EDITING)
    return stage.open(box)


def file_dialog(stage: Stage) -> QWidget:
    """Qt's own file dialog, as on Linux: Persian words, Jalali dates."""
    dialog = file_choice.file_dialog(
        stage.window, strings.CHOOSE_SIGNED_TITLE, strings.SIGNED_FILTER, native=False
    )
    dialog.show()
    return stage.track(dialog)


def agency_form_edit(stage: Stage) -> QWidget:
    agency = stage.selected_agency()
    return stage.open(AgencyDialog(stage.services.agencies, agency, parent=stage.window))


# A council's sheet as it arrives: new agencies, two the demo has (one with a new PR manager), and
# rows with mistakes (a category the app does not know, a mistyped e-mail).
_SHEET_ROWS = [
    [
        "اداره کل ثبت اسناد و املاک",
        "ثبت",
        "اداره کل",
        "",
        "",
        "021-76250000",
        "pr@sabt.example.ir",
        "",
        "۱۴۰۲/۰۳/۱۵",
        "زهرا",
        "کاظمی",
        "09121112233",
    ],
    [
        "شبکه بهداشت و درمان",
        "بهداشت",
        "سازمان",
        "وزارت بهداشت",
        "",
        "021-76251111",
        "",
        "",
        "۱۴۰۱/۰۷/۰۱",
        "حسین",
        "نوروزی",
        "09123334455",
    ],
    ["اداره ورزش و جوانان", "ورزش", "اداره کل", "", "", "", "", "", "1402/11/20", "سارا", "موسوی", ""],
    [
        "بانک ملی شعبه مرکزی",
        "بانک ملی",
        "بانکی",
        "",
        "",
        "021-76252222",
        "",
        "",
        "",
        "رضا",
        "حیدری",
        "09125556677",
    ],
    ["اداره کل منابع طبیعی", "منابع طبیعی", "اداره کل", "", "", "", "pr@manabe", "", "", "", "", ""],
    [
        "آموزشکده فنی و حرفه‌ای",
        "فنی و حرفه‌ای",
        "دانشگاه",
        "",
        "",
        "",
        "",
        "",
        "",
        "مهدی",
        "رحیمی",
        "09127778899",
    ],
]


def _agency_sheet(folder: Path, stage: Stage) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has its first sheet
    sheet.append([column.title for column in COLUMNS[:12]])
    existing = stage.services.agencies.page(AgencyQuery(), limit=2)
    rows = list(_SHEET_ROWS)
    for number, agency in enumerate(existing):
        manager = agency.pr_manager if number == 0 else "نرگس صالحی"  # the same, then a new one
        first, _space, last = manager.partition(" ")
        rows.insert(
            2 * number + 1,
            [agency.name, agency.short_name, agency.category.label, "", "", "", "", "", "", first, last, ""],
        )
    for row in rows:
        sheet.append(row)
    path = folder / "فهرست دستگاه‌های عضو.xlsx"
    workbook.save(path)
    return path


def agency_import(stage: Stage) -> QWidget:
    """«ورود از اکسل…» on a sample sheet: new, existing and faulty rows, one of these selected."""
    dialog = AgencyImportDialog(stage.services.agency_import, stage.window)
    stage.track(dialog)
    dialog.show()
    folder = Path(tempfile.mkdtemp(prefix="agency-sheet-"))
    try:
        dialog.load(_agency_sheet(folder, stage))
        timer = QElapsedTimer()
        timer.start()
        while dialog.busy() and timer.elapsed() < REPORT_WAIT_MS:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for row in range(dialog.model.rowCount()):
        if dialog.model.preview_row(row).errors:
            select_row(dialog.table, row)
            break
    return dialog


def person_form(stage: Stage) -> QWidget:
    people = stage.services.people
    rows = people.page(limit=1)
    record = people.get(rows[0].id) if rows else None
    return stage.open(PersonDialog(people, record, parent=stage.window))


def appointment(stage: Stage) -> QWidget:
    agency = cast(AgencyRecord, stage.selected_agency())  # the demo has agencies
    dialog = AppointmentDialog(stage.services.people, agency, stage.window)
    rows = stage.services.people.page(limit=1)
    if rows:
        dialog.person.set_person(stage.services.people.get(rows[0].id))
    return stage.open(dialog)


def appointment_new_person(stage: Stage) -> QWidget:
    agency = cast(AgencyRecord, stage.selected_agency())  # the demo has agencies
    dialog = AppointmentDialog(stage.services.people, agency, stage.window)
    dialog.new_choice.setChecked(True)
    return stage.open(dialog)


def _representation(stage: Stage) -> RepresentationRecord:
    """The selected agency's current role: the demo's agencies have people on record."""
    return cast(RepresentationRecord, stage.current_representation())


def decree(stage: Stage) -> QWidget:
    dialog = DecreeDialog(stage.services.people, _representation(stage), stage.window)
    dialog.number.setText("۱۲۳۴/ص/۱۴۰۴")
    dialog.issued_by.setText(f"فرماندار شهرستان {stage.council().city}".strip())
    return stage.open(dialog)


def end_role(stage: Stage) -> QWidget:
    return stage.open(EndRoleDialog(stage.services.people, _representation(stage), stage.window))


def council_settings(stage: Stage) -> QWidget:
    return stage.open(CouncilDialog(stage.services.council, stage.council(), stage.window))


def jalali_calendar(stage: Stage) -> QWidget:
    dialog = DecreeDialog(stage.services.people, _representation(stage), stage.window)
    stage.open(dialog)
    dialog.issued_on.open_calendar()
    return stage.track(dialog.issued_on.calendar_popup())


def dashboard(stage: Stage) -> QWidget:
    stage.window.show_section(DASHBOARD)
    return stage.window


def dashboard_agency_clicked(stage: Stage) -> QWidget:
    """The worst agency on the dashboard, clicked: the register shows its overdue resolutions."""
    stage.window.show_section(DASHBOARD)
    view = stage.window.dashboard_view
    if view.dashboard and view.dashboard.worst_agencies:
        view.worst_list.clicked.emit(view.worst_list.lines.index(0, 0))
    return stage.window


def register_meeting_and_dates(stage: Stage) -> QWidget:
    """The register on one year's meetings between two dates (the second filter row in use)."""
    stage.window.show_section(RESOLUTIONS)
    view = stage.window.register_view
    years = stage.services.meetings.years()
    if years:
        year = years[-1] if len(years) == 1 else years[-2]
        view.show_query(
            ResolutionQuery(
                jalali_year=year,
                meeting_from=jalali.from_jalali(year, 1, 1),
                meeting_to=jalali.from_jalali(year, 6, 31),
            )
        )
    return stage.window


REPORT_WAIT_MS = 30000
PAGES_DRAWN_MS = 1500


def _made(preview: ReportPreview) -> ReportPreview:
    """Wait (events running) until the preview's report is made or has failed."""
    timer = QElapsedTimer()
    timer.start()
    while preview.pages.currentIndex() == 0 and timer.elapsed() < REPORT_WAIT_MS:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    # The view draws its pages in a thread of its own, once it is shown.
    shown = QElapsedTimer()
    shown.start()
    while shown.elapsed() < PAGES_DRAWN_MS:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return preview


def report_preview_minutes(stage: Stage) -> QWidget:
    """The preview of a finalized meeting's minutes, as the meeting window's «چاپ» opens it."""
    finalized = stage.services.meetings.page(MeetingQuery(status=MeetingStatus.FINALIZED), limit=1)
    if not finalized:
        return stage.window
    meeting = finalized[0]
    preview = ReportPreview(minutes_job(stage.services, meeting.id, meeting.title), stage.window)
    stage.track(preview)
    preview.show()  # at the size it opens at on this screen
    return _made(preview)


def report_preview_register(stage: Stage) -> QWidget:
    """The register report of the overdue resolutions, at its actual size."""
    preview = ReportPreview(register_job(stage.services, ResolutionQuery(overdue=True)), stage.window)
    stage.track(preview)
    preview.show()  # at the size it opens at on this screen
    preview.view.setZoomFactor(1.0)
    preview.zoom(1.0)
    return _made(preview)


def demo_wait(stage: Stage) -> QWidget:
    """The window shown while the demo is built (here: halfway through its meetings)."""
    window = WaitWindow(strings.DEMO_WAIT_TITLE, strings.DEMO_WAIT_TEXT, stage.window)
    window.show_step(BUILD_PARTS // 3, BUILD_PARTS, DemoStep.MEETINGS.label)
    return stage.open(window)


def attendance_period(stage: Stage) -> QWidget:
    return stage.open(AttendancePeriodDialog(stage.window))


STEPS: list[RenderStep] = [
    RenderStep("dashboard", dashboard),
    RenderStep("dashboard-agency-clicked", dashboard_agency_clicked),
    RenderStep("register-meeting-dates", register_meeting_and_dates),
    RenderStep("report-preview-minutes", report_preview_minutes),
    RenderStep("report-preview-register", report_preview_register),
    RenderStep("attendance-period", attendance_period),
    RenderStep("agencies", agencies_with_detail),
    RenderStep("agencies-search", agencies_search),
    RenderStep("agencies-with-inactive", agencies_with_inactive),
    RenderStep("people", people_section),
    RenderStep("welcome", welcome),
    RenderStep("welcome-create-council", welcome_form),
    RenderStep("demo-wait", demo_wait),
    RenderStep("agency-form", agency_form_empty),
    RenderStep("agency-form-errors", agency_form_errors),
    RenderStep("agency-form-discard", agency_form_discard),
    RenderStep("agency-form-edit", agency_form_edit),
    RenderStep("agency-import", agency_import),
    RenderStep("person-form", person_form),
    RenderStep("appointment", appointment),
    RenderStep("appointment-new-person", appointment_new_person),
    RenderStep("decree", decree),
    RenderStep("end-role", end_role),
    RenderStep("council-settings", council_settings),
    RenderStep("jalali-calendar", jalali_calendar),
    RenderStep("file-dialog", file_dialog),
    *(RenderStep(name, render) for name, render in MEETING_SHOTS),
    *(RenderStep(name, render) for name, render in REGISTER_SHOTS),
    *(RenderStep(name, render) for name, render in MONTHLY_SHOTS),
    *(RenderStep(name, render) for name, render in BACKUP_SHOTS),
    *(RenderStep(name, render) for name, render in MONTHLY_PRINT_SHOTS),
    *(RenderStep(name, render) for name, render in LETTERS_SHOTS),
    *(RenderStep(name, render) for name, render in LETTER_PRINT_SHOTS),
    *(RenderStep(name, render) for name, render in EMPTY_SHOTS),
    *(RenderStep(name, render) for name, render in EVALUATION_PRINT_SHOTS),
    *(RenderStep(name, render) for name, render in EVALUATION_SHOTS),
    *(RenderStep(name, render) for name, render in OFFICE_SHOTS),
    *(RenderStep(name, render) for name, render in AUDIT_SHOTS),
]


PROBLEMS_FILE = "problems.txt"


def take_screenshots(window: MainWindow, folder: Path, steps: list[RenderStep] | None = None) -> list[str]:
    """Run the steps in order; each one's picture is ``<folder>/<NN>-<name>.png``.

    Returns what the checks found wrong on screen at each step (see ``checks``),
    also written to ``<folder>/problems.txt`` (empty when all is well).
    """
    folder.mkdir(parents=True, exist_ok=True)
    stage = Stage(window)
    problems: list[str] = []
    try:
        for number, step in enumerate(steps or STEPS, start=1):
            widget = step.render(stage)
            _settle()
            name = f"{number:02d}-{step.name}"
            if not widget.grab().save(str(folder / f"{name}.png")):
                raise OSError(f"could not write {folder / name}.png")
            problems += [f"{name}: {problem}" for problem in problems_on_screen()]
            stage.close_opened()
            _settle()
    finally:
        stage.close()  # the empty council's window and database
    (folder / PROBLEMS_FILE).write_text("".join(f"{line}\n" for line in problems), encoding="utf-8")
    return problems


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()
