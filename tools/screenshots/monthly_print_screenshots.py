"""The monthly reports' printouts for ``--screenshots``: the dialog of the reminders (as it
opens, and with a month not yet due refused beside it), and the year's dialog of the yearly
summary and of the Excel export. Nothing is printed or written."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from secretariat import clock
from secretariat.monthly.months import Month
from tools.screenshots.stage import Stage
from ui import strings
from ui.reports.monthly_dialogs import MonthlyReminderDialog, MonthlyYearDialog


def _reminders(stage: Stage) -> MonthlyReminderDialog:
    services = stage.services
    return MonthlyReminderDialog(
        services.monthly_matrix.years(), services.council_settings.monthly_due_day(), stage.window
    )


def monthly_reminders(stage: Stage) -> QWidget:
    return stage.open(_reminders(stage))


def monthly_reminders_not_due(stage: Stage) -> QWidget:
    dialog = _reminders(stage)
    stage.open(dialog)
    this_month = Month.of(clock.today())
    dialog.year.setCurrentIndex(dialog.year.findData(this_month.year))
    dialog.month.setCurrentIndex(dialog.month.findData(this_month.month))
    dialog.one_letter.setChecked(True)
    dialog.accept()  # refused: this month's reports are not due yet
    return dialog


def monthly_summary_year(stage: Stage) -> QWidget:
    dialog = MonthlyYearDialog(
        strings.MONTHLY_SUMMARY_TITLE,
        strings.MONTHLY_SUMMARY_INTRO,
        stage.services.monthly_matrix.years(),
        stage.window,
    )
    return stage.open(dialog)


def monthly_export_year(stage: Stage) -> QWidget:
    dialog = MonthlyYearDialog(
        strings.MONTHLY_EXPORT_TITLE,
        strings.MONTHLY_EXPORT_INTRO,
        stage.services.monthly_matrix.years(),
        stage.window,
        save_text=strings.MONTHLY_EXPORT_SAVE,
    )
    return stage.open(dialog)


SHOTS = [
    ("monthly-reminders", monthly_reminders),
    ("monthly-reminders-not-due", monthly_reminders_not_due),
    ("monthly-summary-year", monthly_summary_year),
    ("monthly-export-year", monthly_export_year),
]
