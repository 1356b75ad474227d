"""Benchmark: the printed reports at the scale of DESIGN.md.

Prints, each with the median over repeated runs and the size of what was
drawn:
- the minutes of the largest meeting (60 invitees, 25 resolutions);
- the register report of the newest 2,000 resolutions;
- the attendance report of the last whole Jalali year;
and beside each, reportlab drawing the same text in the same run without
our layout (no shaping, no reordering, no wrapping, no tables: one
``drawString`` per text, a new page when one is full). The ratio is what
right-to-left layout costs. Targets: the minutes <= 0.5 s, the 2,000-row
register <= 10 s.

    python -m bench.bench_reports [--runs N] [--db PATH]
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import time

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from bench.measure import run_on_database
from db.models import Invitation, Meeting, Resolution
from secretariat.core import Secretariat
from secretariat.followup.register import ResolutionQuery
from secretariat.persian import jalali
from secretariat.reports import render_attendance, render_minutes, render_register
from secretariat.reports.fonts import REGULAR, register_fonts
from secretariat.reports.minutes_data import gather_minutes

REGISTER_ROWS = 2000
TARGETS = {"minutes": 0.5, "register": 10.0}


def seconds(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


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


def line(label: str, ours: float, pages: int, baseline: float, target: float | None) -> None:
    verdict = ""
    if target is not None:
        verdict = "  ok" if ours <= target else f"  OVER {target:g} s"
    print(
        f"  {label:34s} {ours:7.3f} s  ({pages} pages)   plain reportlab {baseline:7.3f} s"
        f"   ratio {ours / baseline:5.1f}x{verdict}"
    )


def pages_of(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")


def bench(secretariat: Secretariat, runs: int) -> None:
    database = secretariat.database  # the dataset's bare queries take it; the reports, the secretariat
    runs = max(1, min(runs, 5))  # each run is a whole document
    with database.reading() as session:
        # The large meeting of the generated data: the most invitees (60), then resolutions (25).
        meeting_id, invitees = session.execute(
            select(Invitation.meeting_id, func.count())
            .group_by(Invitation.meeting_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
        resolutions = session.scalar(select(func.count()).where(Resolution.meeting_id == meeting_id))
        # The meeting date from which on there are about 2,000 resolutions.
        since = session.scalar(
            select(Meeting.date)
            .join(Resolution, Resolution.meeting_id == Meeting.id)
            .order_by(Meeting.date.desc())
            .offset(REGISTER_ROWS - 1)
            .limit(1)
        )
        last_held = session.scalar(
            select(func.max(Meeting.date)).where(Meeting.status.in_(("held", "finalized")))
        )
    print(f"dataset: the largest meeting has {invitees} invitees and {resolutions} resolutions")

    data = gather_minutes(secretariat, meeting_id)
    detail = data.detail
    minutes_texts = [item.title for item in detail.agenda] + [item.summary for item in detail.agenda]
    minutes_texts += [r.current_text for r in detail.resolutions]
    minutes_texts += [f"{m.agency_name} {m.attendee_name}" for m in data.present]
    minutes_texts += [f"{m.agency_name} {m.excuse}" for m in data.absent]
    ours, pdf = seconds(lambda: render_minutes(secretariat, meeting_id), runs)
    plain, _ = seconds(lambda: plain_pdf(minutes_texts), runs)
    print("\nthe minutes of the largest meeting")
    line("render_minutes", ours, pages_of(pdf), plain, TARGETS["minutes"])

    query = ResolutionQuery(meeting_from=since)
    rows = secretariat.register.page(query, limit=None)
    register_texts = [
        f"{r.code} {r.text} {r.meeting_title} {r.lead_agency_name} {r.due_text} {r.status.label}"
        for r in rows
    ]
    ours, pdf = seconds(lambda: render_register(secretariat, query), runs)
    plain, _ = seconds(lambda: plain_pdf(register_texts), runs)
    print(
        f"\nthe register report of the meetings since {jalali.format_short(since, persian_digits=False)} "
        f"({len(rows)} resolutions)"
    )
    line("render_register", ours, pages_of(pdf), plain, TARGETS["register"])

    year = jalali.jalali_year(last_held) - 1
    start, end = jalali.from_jalali(year, 1, 1), jalali.from_jalali(year + 1, 1, 1) - dt.timedelta(days=1)
    with database.reading() as session:
        held = session.scalar(
            select(func.count()).where(
                Meeting.date.between(start, end), Meeting.status.in_(("held", "finalized"))
            )
        )
        agency_lines = session.scalar(
            select(func.count(func.distinct(Invitation.agency_id)))
            .join(Meeting, Meeting.id == Invitation.meeting_id)
            .where(Meeting.date.between(start, end))
        )
    attendance_texts = [f"agency {n}: invited present absent excused rate" for n in range(agency_lines or 0)]
    ours, pdf = seconds(lambda: render_attendance(secretariat, start, end), runs)
    plain, _ = seconds(lambda: plain_pdf(attendance_texts), runs)
    print(f"\nthe attendance report of {year} ({held} meetings held, {agency_lines} agencies)")
    line("render_attendance", ours, pages_of(pdf), plain, None)
    print(
        f"\ntargets: the minutes <= {TARGETS['minutes']} s, the {REGISTER_ROWS}-row register "
        f"<= {TARGETS['register']:g} s"
    )


if __name__ == "__main__":
    run_on_database(bench, __doc__.splitlines()[0])
