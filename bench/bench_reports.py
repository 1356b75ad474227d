"""Figures: the printed reports, as the report worker makes them (off the GUI thread).

- the minutes of the largest meeting (the most invitees, then resolutions) — target <= 0.5 s;
- the register report of the newest 2,000 resolutions — target <= 10 s;

each beside reportlab drawing the same text in the same run without our
layout (no shaping, no reordering, no wrapping, no tables: one
``drawString`` per text, a new page when one is full): the ratio is what
right-to-left layout costs.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from bench.measure import Figure, Target, attempt, repeat, stopwatch
from db.models import Invitation, Meeting, Resolution
from secretariat.followup.register import ResolutionQuery
from secretariat.reports import render_minutes, render_register
from secretariat.reports.fonts import REGULAR, register_fonts
from secretariat.reports.minutes_data import gather_minutes

REGISTER_ROWS = 2000


def plain_pdf(texts: list[str]) -> bytes:
    """The baseline: every text drawn as is, one line each, in Vazirmatn."""
    register_fonts()
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    sheet.setFont(REGULAR, 10)
    y = A4[1] - 50
    for text in texts:
        sheet.drawString(40, y, text)
        y -= 14
        if y < 50:
            sheet.showPage()
            sheet.setFont(REGULAR, 10)
            y = A4[1] - 50
    sheet.save()
    return out.getvalue()


def report_figures(secretariat: Any, runs: int) -> Iterator[Figure]:
    database = secretariat.database
    with database.reading() as session:
        # The largest meeting: the most invitees (60), then the most resolutions (more at a larger scale).
        invited = (
            select(func.count(Invitation.id)).where(Invitation.meeting_id == Meeting.id).scalar_subquery()
        )
        resolved = (
            select(func.count(Resolution.id)).where(Resolution.meeting_id == Meeting.id).scalar_subquery()
        )
        meeting_id, invitees, resolutions = session.execute(
            select(Meeting.id, invited, resolved).order_by(invited.desc(), resolved.desc()).limit(1)
        ).one()
        total = session.scalar(select(func.count(Resolution.id))) or 0
        # The meeting date from which on there are about 2,000 resolutions.
        since = session.scalar(
            select(Meeting.date)
            .join(Resolution, Resolution.meeting_id == Meeting.id)
            .order_by(Meeting.date.desc())
            .offset(min(REGISTER_ROWS, total) - 1)
            .limit(1)
        )

    data = gather_minutes(secretariat, meeting_id)
    detail = data.detail
    texts = [item.title for item in detail.agenda] + [item.summary for item in detail.agenda]
    texts += [r.current_text for r in detail.resolutions]
    texts += [f"{m.agency_name} {m.attendee_name}" for m in data.present]
    texts += [f"{m.agency_name} {m.excuse}" for m in data.absent]
    minutes = Figure(
        "minutes PDF",
        "s",
        Target(median=0.5),
        note=f"the largest meeting: {invitees} invitees, {resolutions} resolutions; baseline plain reportlab",
    )
    yield attempt(
        minutes,
        lambda f: repeat(
            f,
            lambda run: stopwatch(lambda: render_minutes(secretariat, meeting_id), "s"),
            lambda run: stopwatch(lambda: plain_pdf(texts), "s"),
            runs=min(runs, 5),
        ),
    )

    query = ResolutionQuery(meeting_from=since)
    rows = secretariat.register.page(query, limit=None)
    lines = [
        f"{r.code} {r.text} {r.meeting_title} {r.lead_agency_name} {r.due_text} {r.status.label}"
        for r in rows
    ]
    register = Figure(
        f"register report, {REGISTER_ROWS:,} rows",
        "s",
        Target(median=10),
        note=f"the newest meetings' {len(rows):,} resolutions; baseline plain reportlab",
    )
    yield attempt(
        register,
        lambda f: repeat(
            f,
            lambda run: stopwatch(lambda: render_register(secretariat, query), "s"),
            lambda run: stopwatch(lambda: plain_pdf(lines), "s"),
            runs=min(runs, 3),
            warm_up=False,
        ),
    )
