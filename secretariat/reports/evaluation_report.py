"""The ranking of a year's evaluation (جدول رتبه‌بندی ارزیابی عملکرد روابط عمومی‌ها).

On A4 turned on its side, under the council's letterhead: the title with the
year, the status (published on a day by someone, and sealed with a document
code and QR code; or a draft, said in red, stamped and watermarked on every
page), the criteria numbered with their groups, maxima and formulas in words,
the tiers, then the table: from the right رتبه، دستگاه، each criterion's
score (its number and maximum in the header), the total, the tier, last
year's rank and the change. Ties share a rank and say so («۲ (مشترک)»); the
next rank skips (۱، ۲، ۲، ۴). A score amended after publishing carries «*»,
and the amendments follow the table with their reasons. With more criteria
than a page can hold as columns, the table gives each group's subtotal
instead, and the score cards give every criterion.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, TableStyle

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.evaluation.criteria import format_score
from secretariat.evaluation.service import Standing
from secretariat.members.agencies import AgencyCategory
from secretariat.persian import jalali
from secretariat.persian.text import format_int, to_persian_digits
from secretariat.reports import styles, wording
from secretariat.reports.evaluation_data import (
    DRAFT_NOTE,
    EvaluationPrint,
    change_of,
    change_text,
    gather_evaluation,
    groups,
    rank_text,
    ranking_seal,
    score_text,
    status_text,
    subtotal,
)
from secretariat.reports.fonts import BOLD, MEDIUM
from secretariat.reports.page import Bookmarked, PageSetup, build_pdf, outlined_heading
from secretariat.reports.paragraph import RtlParagraph, heading, keep_headings_with_their_tables
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.table import Cell, Column, rtl_table

# -- the words of this report -------------------------------------------------------
TITLE = "رتبه‌بندی ارزیابی عملکرد روابط عمومی‌ها؛ سال {year}"
SUBTITLE = "دستگاه‌های عضو {council}"
STATUS = "وضعیت: {status}"
SUMMARY = "{count} دستگاه ارزیابی شدند؛ بیشینه امتیاز: {max}."
EXCLUDED = "کنار گذاشته‌شده: {list}."
EXCLUSION = "{agency} ({reason})"
CRITERIA = "معیارها"
CRITERION_NUMBER = "شماره"
GROUP = "گروه"
CRITERION = "معیار"
MAXIMUM = "بیشینه"
FORMULA = "شیوه امتیازدهی"
TIERS = "رده‌ها: {list}."
TIER_FROM = "{name} از {min}"
RANKING = "جدول رتبه‌بندی"
RANK = "رتبه"
AGENCY = "دستگاه"
CRITERION_COLUMN = "معیار {number}\nاز {max}"
GROUP_COLUMN = "{group}\nاز {max}"
TOTAL = "جمع\nاز {max}"
TIER = "رده"
PREVIOUS_RANK = "رتبه سال {year}"
CHANGE = "تغییر رتبه"
CATEGORY_RANK = "رتبه در گروه دستگاه"
CATEGORY_RANK_CELL = "{rank} ({category})"
KEY = (
    "رتبه‌ها با امتیاز برابر مشترک‌اند و رتبه بعدی به شمار آن‌ها جا می‌گذارد (۱، ۲، ۲، ۴)؛ "
    "دستگاه‌های هم‌امتیاز به ترتیب الفبا آمده‌اند."
)
KEY_GROUPS = "ستون هر گروه جمع امتیاز معیارهای آن است؛ امتیاز هر معیار در کارنامه هر دستگاه آمده است."
MISSING_NOTE = "—: امتیاز داوری هنوز ثبت نشده است ({count} امتیاز)؛ جمع بدون آن حساب شده است."
AMENDED_NOTE = "*: امتیاز پس از انتشار اصلاح شده است؛ اصلاحیه‌ها با دلیل آن‌ها در پایان آمده‌اند."
AMENDMENTS = "اصلاحیه‌ها"
AMENDMENTS_INTRO = "امتیازهای زیر پس از انتشار ارزیابی اصلاح شده‌اند؛ جدول بالا امتیاز اصلاح‌شده را نشان می‌دهد."
AMENDED_FROM = "امتیاز منتشرشده"
AMENDED_TO = "امتیاز اصلاح‌شده"
REASON = "دلیل"
RECORDED = "ثبت"
RECORDED_BY = "{by}، {date}"

# A criterion a column up to this many; beyond, a column a group (see the module's docstring).
MOST_CRITERION_COLUMNS = 10
GATHERED = 0.3  # the share of the progress bar for reading the ranking

# -- the look of this report --------------------------------------------------------
GAIN = colors.HexColor("#2f6b3a")  # a rank gained since last year; a rank lost is in the draft's red
CELL = ParagraphStyle("evaluation_cell", parent=styles.CELL, fontSize=9, leading=14.5)
NUMBER = ParagraphStyle("evaluation_number", parent=CELL, alignment=1)
TOTAL_NUMBER = ParagraphStyle("evaluation_total", parent=NUMBER, fontName=BOLD)
RANK_STYLE = ParagraphStyle("evaluation_rank", parent=NUMBER, fontName=MEDIUM)
UP = ParagraphStyle("evaluation_up", parent=NUMBER, fontSize=8.5, textColor=GAIN)
DOWN = ParagraphStyle("evaluation_down", parent=NUMBER, fontSize=8.5, textColor=styles.DRAFT_RED)
STEADY = ParagraphStyle("evaluation_steady", parent=NUMBER, fontSize=8.5, textColor=styles.MUTED)
STATUS_STYLE = ParagraphStyle("evaluation_status", parent=styles.SUBTITLE, fontName=MEDIUM, spaceAfter=2)
DRAFT_STATUS = ParagraphStyle(
    "evaluation_draft", parent=STATUS_STYLE, fontName=BOLD, textColor=styles.DRAFT_RED
)
KEY_STYLE = ParagraphStyle("evaluation_key", parent=styles.SMALL, spaceAfter=2)
FORMULA_CELL = ParagraphStyle(
    "evaluation_formula", parent=CELL, fontSize=8.5, leading=14, textColor=styles.MUTED
)


def render_evaluation(
    secretariat: Secretariat,
    year: int,
    *,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The ranking of ``year``'s evaluation, as PDF bytes (a draft is marked as one)."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    data = gather_evaluation(secretariat, year)
    run.advance(GATHERED)
    return evaluation_pdf(data, printed_on=printed_on, run=run)


def evaluation_pdf(
    data: EvaluationPrint,
    *,
    printed_on: dt.date | None = None,
    run: ReportRun | None = None,
    archived_at: dt.datetime | None = None,
) -> bytes:
    """The ranking of ``data``; ``archived_at``: for the yearly archive made then, as PDF/A-2b."""
    published = data.evaluation.published
    setup = PageSetup(
        council_name=data.council.name,
        title=TITLE.format(year=to_persian_digits(data.year)),
        printed_on=printed_on or clock.today(),
        draft=not published,
        seal=ranking_seal(data) if published else None,
        created_at=archived_at,
        archival=archived_at is not None,
        landscape=True,
    )
    story = keep_headings_with_their_tables(evaluation_story(data, setup.content_width))
    return build_pdf(story, setup, run, layout_from=GATHERED)


def evaluation_story(data: EvaluationPrint, width: float) -> list[Flowable]:
    evaluation = data.evaluation
    title = TITLE.format(year=to_persian_digits(data.year))
    status = STATUS.format(status=status_text(evaluation))
    story: list[Flowable] = [
        Bookmarked(RtlParagraph(title, styles.TITLE, balanced=True), title),
        RtlParagraph(SUBTITLE.format(council=data.council.name), styles.SUBTITLE, balanced=True),
        RtlParagraph(status, STATUS_STYLE if evaluation.published else DRAFT_STATUS),
    ]
    if not evaluation.published:
        story.append(RtlParagraph(DRAFT_NOTE, styles.SMALL_CENTER))
    summary = SUMMARY.format(count=format_int(len(data.standings)), max=format_score(evaluation.total_max))
    if evaluation.exclusions:
        listed = wording.LIST_SEPARATOR.join(
            EXCLUSION.format(agency=e.agency, reason=e.reason) for e in evaluation.exclusions
        )
        summary += " " + EXCLUDED.format(list=listed)
    story.append(RtlParagraph(summary, styles.BODY))
    story += _criteria(data, width)
    story += _ranking(data, width)
    story += _amendments(data, width)
    return story


def _section(title: str) -> list[Flowable]:
    return outlined_heading(heading(title, styles.HEADING), title)


def by_group(data: EvaluationPrint) -> bool:
    """A column a group rather than a criterion: too many criteria for the page's width."""
    return len(data.evaluation.criteria) > MOST_CRITERION_COLUMNS


def _criteria(data: EvaluationPrint, width: float) -> list[Flowable]:
    evaluation = data.evaluation
    rows: list[list[Cell]] = [
        [
            format_int(number),
            criterion.group or wording.NONE,
            criterion.name,
            format_score(criterion.max_score),
            RtlParagraph(criterion.formula, FORMULA_CELL),
        ]
        for number, criterion in enumerate(evaluation.criteria, start=1)
    ]
    columns = [
        Column(CRITERION_NUMBER, 0.6, centered=True),
        Column(GROUP, 1.6),
        Column(CRITERION, 2.6),
        Column(MAXIMUM, 0.7, centered=True),
        Column(FORMULA, 6.0),
    ]
    flowables = [*_section(CRITERIA), rtl_table(columns, rows, width=width, cell_style=CELL)]
    if evaluation.tiers:
        tiers = wording.LIST_SEPARATOR.join(
            TIER_FROM.format(name=tier.name, min=format_score(tier.min_score)) for tier in evaluation.tiers
        )
        flowables.append(RtlParagraph(TIERS.format(list=tiers), styles.NOTE))
    return flowables


def _ranking(data: EvaluationPrint, width: float) -> list[Flowable]:
    evaluation = data.evaluation
    grouped = by_group(data)
    columns = [Column(RANK, 0.8, centered=True), Column(AGENCY, 4.0)]
    if evaluation.rank_by_category:
        columns.append(Column(CATEGORY_RANK, 1.4, centered=True))
    if grouped:
        parts = groups(evaluation.criteria)
        columns += [
            Column(
                GROUP_COLUMN.format(group=name, max=format_score(sum(c.max_score for c in members))),
                1.0,
                True,
            )
            for name, members in parts
        ]
    else:
        columns += [
            Column(CRITERION_COLUMN.format(number=format_int(n), max=format_score(c.max_score)), 0.8, True)
            for n, c in enumerate(evaluation.criteria, start=1)
        ]
    columns += [
        Column(TOTAL.format(max=format_score(evaluation.total_max)), 0.9, centered=True),
        Column(TIER, 1.2, centered=True),
        Column(PREVIOUS_RANK.format(year=to_persian_digits(data.year - 1)), 0.8, centered=True),
        Column(CHANGE, 1.0, centered=True),
    ]
    rows = [_row(data, standing, grouped) for standing in data.standings]
    table = rtl_table(columns, rows, width=width, cell_style=CELL)
    table.setStyle(TableStyle([("VALIGN", (0, 1), (-1, -1), "MIDDLE")]))
    notes = [KEY_GROUPS if grouped else KEY]
    missing = data.ranking.missing
    if missing:
        notes.append(MISSING_NOTE.format(count=format_int(missing)))
    if data.amendments():
        notes.append(AMENDED_NOTE)
    return [*_section(RANKING), *(RtlParagraph(note, KEY_STYLE) for note in notes), table]


def _row(data: EvaluationPrint, standing: Standing, grouped: bool) -> list[Cell]:
    evaluation = data.evaluation
    cells: list[Cell] = [RtlParagraph(rank_text(standing, data), RANK_STYLE), standing.agency]
    if evaluation.rank_by_category:
        category = _category_label(standing.category)
        rank = format_int(standing.category_rank) if standing.category_rank is not None else wording.NONE
        cells.append(CATEGORY_RANK_CELL.format(rank=rank, category=category))
    if grouped:
        for _name, members in groups(evaluation.criteria):
            amended = any(standing.cells[c.id].amendments for c in members if c.id in standing.cells)
            cells.append(format_score(subtotal(standing, members)) + ("*" if amended else ""))
    else:
        cells += [score_text(standing.cells.get(criterion.id)) for criterion in evaluation.criteria]
    previous = format_int(standing.previous_rank) if standing.previous_rank is not None else wording.NONE
    change = change_of(standing)
    change_style = STEADY if not change else (UP if change > 0 else DOWN)
    cells += [
        RtlParagraph(format_score(standing.total), TOTAL_NUMBER),
        standing.tier or wording.NONE,
        previous,
        RtlParagraph(change_text(standing), change_style),
    ]
    return cells


def _amendments(data: EvaluationPrint, width: float) -> list[Flowable]:
    found = data.amendments()
    if not found:
        return []
    columns = [
        Column(AGENCY, 3.0),
        Column(CRITERION, 2.2),
        Column(AMENDED_FROM, 1.0, centered=True),
        Column(AMENDED_TO, 1.0, centered=True),
        Column(REASON, 3.4),
        Column(RECORDED, 1.6),
    ]
    rows: list[list[Cell]] = [
        [
            standing.agency,
            criterion.name,
            format_score(amendment.previous_score),
            format_score(amendment.score),
            amendment.reason,
            RECORDED_BY.format(by=amendment.by, date=jalali.format_short(amendment.at.date())),
        ]
        for standing, criterion, amendment in found
    ]
    return [
        *_section(AMENDMENTS),
        RtlParagraph(AMENDMENTS_INTRO, styles.NOTE),
        rtl_table(columns, rows, width=width, numbered=True, cell_style=CELL),
    ]


def _category_label(category: str) -> str:
    try:
        return AgencyCategory(category).label
    except ValueError:
        return category
