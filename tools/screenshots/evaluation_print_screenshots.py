"""The dialogs that ask what to print of a year's evaluation (``ui/reports/evaluation_print_dialog.py``).

On the demo council once it has evaluations (a published year and one in
progress); until then on the empty council's database (``Stage.empty_services``),
with a draft evaluation of last year made for the picture. These steps run
after the empty council's own, so they change none of its pictures.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from secretariat import clock
from secretariat.persian import jalali
from tools.screenshots.stage import Stage
from ui.reports.evaluation_print_dialog import EvaluationPrint, EvaluationPrintDialog
from ui.services import Services


def _services(stage: Stage) -> Services:
    if stage.services.evaluations.years():
        return stage.services
    services = stage.empty_services()
    last_year = jalali.jalali_year(clock.today()) - 1
    if last_year not in services.evaluations.years():
        services.evaluations.create(last_year)
    return services


def _dialog(stage: Stage, kind: EvaluationPrint, *, published: bool | None = None) -> EvaluationPrintDialog:
    """The dialog with a published year chosen (or a draft one), if there is one."""
    services = _services(stage)
    dialog = EvaluationPrintDialog(services, kind, stage.window)
    if published is not None:
        for index in range(dialog.year.count()):
            if services.evaluations.get(dialog.year.itemData(index)).published == published:
                dialog.year.setCurrentIndex(index)
                break
    return dialog


def ranking(stage: Stage) -> QWidget:
    return stage.open(_dialog(stage, EvaluationPrint.RANKING))


def scorecards(stage: Stage) -> QWidget:
    return stage.open(_dialog(stage, EvaluationPrint.SCORECARDS, published=True))


def certificates_by_tier(stage: Stage) -> QWidget:
    dialog = _dialog(stage, EvaluationPrint.CERTIFICATES, published=True)
    dialog.by_tier.setChecked(True)
    return stage.open(dialog)


def certificates_of_a_draft(stage: Stage) -> QWidget:
    """A year not yet published: refused beside the year, before any page is made."""
    dialog = _dialog(stage, EvaluationPrint.CERTIFICATES, published=False)
    stage.open(dialog)
    dialog.accept()
    return dialog


SHOTS = [
    ("evaluation-print-ranking", ranking),
    ("evaluation-print-scorecards", scorecards),
    ("evaluation-print-certificates", certificates_by_tier),
    ("evaluation-print-certificates-draft", certificates_of_a_draft),
]
