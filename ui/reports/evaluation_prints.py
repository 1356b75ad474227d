"""Printing a year's evaluation: the ranking, the score cards and the certificates.

The evaluation's page connects its print buttons to the three ``print_*``
functions (its year known); the main window's «گزارش‌ها» menu asks for the
year first (``print_from_menu``). Each opens the report's preview, where the
PDF is made in the background; the certificates ask first for the top N
ranks or a tier. Each returns the preview, or None if the person cancelled.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import QDialog, QWidget

from ui import messages, strings
from ui.reports.evaluation_print_dialog import EvaluationPrint, EvaluationPrintDialog, PrintChoice
from ui.reports.report_jobs import certificates_job, evaluation_job, scorecards_job, show_report
from ui.reports.report_preview import ReportPreview
from ui.services import Services


def print_ranking(parent: QWidget, services: Services, year: int) -> ReportPreview:
    """The ranking of ``year``'s evaluation (a draft is printed as one)."""
    return show_report(parent, evaluation_job(services, year))


def print_scorecards(
    parent: QWidget, services: Services, year: int, agency_id: int | None = None
) -> ReportPreview:
    """``year``'s score cards: every agency's, or ``agency_id``'s alone."""
    name = services.agencies.get(agency_id).name if agency_id is not None else ""
    return show_report(parent, scorecards_job(services, year, agency_id, name))


def print_certificates(parent: QWidget, services: Services, year: int) -> ReportPreview | None:
    """Certificates of ``year``'s published evaluation, for the top N or a tier (asked first)."""
    choice = _ask(parent, services, EvaluationPrint.CERTIFICATES, year)
    if choice is None:
        return None
    return show_report(parent, certificates_job(services, year, top=choice.top, tier=choice.tier))


def print_from_menu(parent: QWidget, services: Services, kind: EvaluationPrint) -> ReportPreview | None:
    """The year (and what else the printout needs) asked, then the preview."""
    if not services.evaluations.years():
        messages.warn(parent, strings.EVALUATION_NO_YEARS)
        return None
    choice = _ask(parent, services, kind, None)
    if choice is None:
        return None
    if kind is EvaluationPrint.RANKING:
        return print_ranking(parent, services, choice.year)
    if kind is EvaluationPrint.SCORECARDS:
        return show_report(
            parent, scorecards_job(services, choice.year, choice.agency_id, choice.agency_name)
        )
    return show_report(parent, certificates_job(services, choice.year, top=choice.top, tier=choice.tier))


def _ask(parent: QWidget, services: Services, kind: EvaluationPrint, year: int | None) -> PrintChoice | None:
    dialog = EvaluationPrintDialog(services, kind, parent, year=year)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return cast(PrintChoice, dialog.saved)  # what the dialog saves
