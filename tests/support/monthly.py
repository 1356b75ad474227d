"""Helpers for the monthly reports' tests: a fixed today, agencies, and reports recorded by dates."""

from __future__ import annotations

import datetime as dt

from secretariat import clock
from secretariat.members.agencies import AgencyDraft
from secretariat.monthly.reports import MonthlyReportDraft
from secretariat.persian import jalali

# 1405/08/12: Mehr's reports were due on 1405/08/05; Aban's are not due yet.
TODAY = jalali.from_jalali(1405, 8, 12)


def fix_today(monkeypatch, day: dt.date = TODAY) -> None:
    monkeypatch.setattr(clock, "today", lambda: day)


def add_agency(secretariat, name: str, **fields) -> int:
    return secretariat.agencies.add(
        AgencyDraft(name=name, category=fields.pop("category", "directorate"), **fields)
    ).id


def figures_for_required(secretariat, value: str = "3") -> dict[int, str]:
    """A figure for every required indicator, as a form would need to be saved."""
    return {indicator.id: value for indicator in secretariat.indicators.list() if indicator.required}


def record(secretariat, agency_id: int, month: str, received: str, **fields):
    figures = {**figures_for_required(secretariat), **fields.pop("figures", {})}
    draft = MonthlyReportDraft(
        agency_id=agency_id, month=month, received_on=received, figures=figures, **fields
    )
    return secretariat.monthly_reports.record(draft)
