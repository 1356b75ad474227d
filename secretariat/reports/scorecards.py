"""The score cards of a year's evaluation (کارنامه ارزیابی): one page per agency.

Each card, under the council's letterhead: the agency, its rank this year
(shared, when it is) and last year's with the change, its tier and total;
each criterion by group with its maximum, its score and where the score came
from (the meetings counted, the resolutions, the reports, the jury's scores:
the core's explanation), each group's subtotal and the total; the amendments
of its scores, with their reasons; and «پیشنهاد برای بهبود»: the two or three
criteria on which it lost the most of their maximum, each worded as advice.

A published evaluation's cards each carry their own document code, and a QR
code in the letterhead (``evaluation_data.scorecard_seal``); a draft's are
stamped and watermarked «پیش‌نویس». Every card has its own page numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, TableStyle

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.evaluation.criteria import Source, format_score
from secretariat.evaluation.service import CriterionRecord, ScoreCell, Standing
from secretariat.persian import jalali
from secretariat.persian.text import format_int, to_persian_digits
from secretariat.reports import styles, wording
from secretariat.reports.evaluation_data import (
    DRAFT_NOTE,
    SHARED,
    EvaluationPrint,
    change_text,
    gather_evaluation,
    groups,
    out_of,
    scorecard_seal,
    status_text,
    subtotal,
)
from secretariat.reports.fonts import BOLD, MEDIUM
from secretariat.reports.page import CONTENT_WIDTH, PageSetup, build_pdf, letters_story
from secretariat.reports.paragraph import RtlParagraph, heading
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.table import Cell, Column, details_table, rtl_table

# -- the words of this report -------------------------------------------------------
TITLE = "کارنامه ارزیابی عملکرد روابط عمومی؛ سال {year}"
DOCUMENT_TITLE = "کارنامه‌های ارزیابی عملکرد روابط عمومی؛ سال {year}"  # the PDF's, every agency
RUNNING_HEAD = "کارنامه ارزیابی سال {year}؛ {agency}"
STATUS = "وضعیت ارزیابی: {status}"
RANK = "رتبه"
RANK_VALUE = "{rank} از {count} دستگاه"
RANK_SHARED = "{rank} از {count} دستگاه ({shared})"
PREVIOUS_RANK = "رتبه سال {year}"
PREVIOUS_VALUE = "{rank} (امسال {change})"
NOT_RANKED = "در ارزیابی سال {year} رتبه‌ای نداشت"
TIER = "رده"
TOTAL = "امتیاز کل"
CATEGORY_RANK = "رتبه در گروه دستگاه"
SCORES = "امتیاز هر معیار"
GROUP = "گروه"
CRITERION = "معیار"
MAXIMUM = "بیشینه"
SCORE = "امتیاز"
SOURCE = "منشأ امتیاز"
GROUP_SUBTOTAL = "جمع گروه: {score}"
GRAND_TOTAL = "جمع کل"
AMENDED = "پس از انتشار از {original} به {score} اصلاح شد."
AMENDMENTS = "اصلاحیه‌ها"
AMENDMENT = "«{criterion}»: امتیاز از {previous} به {score} اصلاح شد؛ دلیل: {reason} ({by}، {date})."
ADVICE = "پیشنهاد برای بهبود"
ADVICE_INTRO = "معیارهایی که بیشترین امتیاز در آن‌ها از دست رفت، از بیشترین:"
ADVICE_LINE = "{criterion}: {score} از {max} ({percent}٪). {advice}"
ADVICE_NONE = "در همه معیارها بیشینه امتیاز گرفته شد؛ ادامه همین روند را آرزومندیم."
ADVICE_BY_SOURCE = {
    Source.ATTENDANCE: "حضور مدیر روابط عمومی یا جانشین او در همه جلسات شورا.",
    Source.RESOLUTIONS: (
        "انجام مصوبات پیش از پایان مهلت و گزارش اقدامات به دبیرخانه؛ مصوبه‌ای که با تأخیر انجام شود "
        "نیمی از امتیاز را دارد."
    ),
    Source.MONTHLY_REPORTS: (
        "ارسال گزارش ماهانه پیش از موعد هر ماه؛ گزارش با تأخیر نیمی از امتیاز را دارد "
        "و گزارش نرسیده امتیازی ندارد."
    ),
    Source.ACTIVITY: "افزایش «{indicator}» و ثبت کامل آن در گزارش‌های ماهانه.",
    Source.MANUAL: "ارتقای «{name}» به نظر داوران.",
}
JURY_NOTES = " داوران نوشته‌اند: {notes}."
NO_MATCH = "«{agency}» در ارزیابی سال {year} نیست."
NOBODY = "در ارزیابی سال {year} دستگاهی نیست که کارنامه‌اش چاپ شود."

MOST_ADVICE = 3
# The third piece of advice only for a criterion that lost at least this share of its maximum.
THIRD_ADVICE_LOSS = 0.1
GATHERED = 0.3

# -- the look of this report --------------------------------------------------------
AGENCY_STYLE = ParagraphStyle(
    "scorecard_agency", parent=styles.TITLE, fontSize=13, leading=24, textColor=styles.INK, spaceAfter=2
)
STATUS_STYLE = ParagraphStyle("scorecard_status", parent=styles.SMALL_CENTER, spaceAfter=8)
DRAFT_STATUS = ParagraphStyle(
    "scorecard_draft", parent=STATUS_STYLE, fontName=BOLD, fontSize=9.5, textColor=styles.DRAFT_RED
)
CELL = ParagraphStyle("scorecard_cell", parent=styles.CELL, fontSize=9, leading=15)
NAME = ParagraphStyle("scorecard_name", parent=CELL, fontName=MEDIUM)
FORMULA = ParagraphStyle("scorecard_formula", parent=CELL, fontSize=8, leading=13, textColor=styles.MUTED)
NUMBER = ParagraphStyle("scorecard_number", parent=CELL, alignment=1)
SCORE_STYLE = ParagraphStyle("scorecard_score", parent=NUMBER, fontName=BOLD, fontSize=10)
GROUP_STYLE = ParagraphStyle("scorecard_group", parent=CELL, fontName=MEDIUM, alignment=1)
SUBTOTAL_STYLE = ParagraphStyle("scorecard_subtotal", parent=FORMULA, alignment=1, textColor=styles.ACCENT)
AMENDED_STYLE = ParagraphStyle("scorecard_amended", parent=FORMULA, textColor=styles.DRAFT_RED)
TOTAL_STYLE = ParagraphStyle("scorecard_total", parent=NUMBER, fontName=BOLD, fontSize=10)
ADVICE_STYLE = ParagraphStyle("scorecard_advice", parent=styles.BODY, fontSize=10, leading=18, rightIndent=6)
SMALL_HEADING = ParagraphStyle("scorecard_heading", parent=styles.HEADING, fontSize=11, spaceBefore=8)


@dataclass(frozen=True)
class Advice:
    """A criterion the agency lost points on, and what to do about it."""

    criterion: CriterionRecord
    score: float
    text: str

    @property
    def lost_share(self) -> float:
        return 1 - self.score / self.criterion.max_score


def render_scorecards(
    secretariat: Secretariat,
    year: int,
    *,
    agency_id: int | None = None,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """Every taking-part agency's score card in rank order, or only ``agency_id``'s, as PDF bytes."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    data = gather_evaluation(secretariat, year)
    if agency_id is not None and all(s.agency_id != agency_id for s in data.standings):
        agency = secretariat.agencies.get(agency_id).name
        raise DomainError(NO_MATCH.format(agency=agency, year=to_persian_digits(year)))
    run.advance(GATHERED)
    return scorecards_pdf(data, agency_id=agency_id, printed_on=printed_on, run=run)


def scorecards_pdf(
    data: EvaluationPrint,
    *,
    agency_id: int | None = None,
    printed_on: dt.date | None = None,
    run: ReportRun | None = None,
    archived_at: dt.datetime | None = None,
) -> bytes:
    standings = [s for s in data.standings if agency_id is None or s.agency_id == agency_id]
    if not standings:
        raise DomainError(NOBODY.format(year=to_persian_digits(data.year)))
    published = data.evaluation.published
    year = to_persian_digits(data.year)
    title = (
        TITLE.format(year=year) + f"؛ {standings[0].agency}"
        if len(standings) == 1
        else DOCUMENT_TITLE.format(year=year)
    )
    setup = PageSetup(
        council_name=data.council.name,
        title=title,
        printed_on=printed_on or clock.today(),
        draft=not published,
        sealed_letters=published,
        created_at=archived_at,
        archival=archived_at is not None,
    )
    story = letters_story(
        (
            RUNNING_HEAD.format(year=year, agency=standing.agency),
            scorecard(data, standing),
            standing.agency,
            scorecard_seal(data, standing) if published else None,
        )
        for standing in standings
    )
    return build_pdf(story, setup, run, layout_from=GATHERED)


def scorecard(data: EvaluationPrint, standing: Standing) -> list[Flowable]:
    """One agency's card, top to bottom."""
    evaluation = data.evaluation
    year = to_persian_digits(data.year)
    story: list[Flowable] = [
        RtlParagraph(TITLE.format(year=year), styles.TITLE, balanced=True),
        RtlParagraph(standing.agency, AGENCY_STYLE, balanced=True),
        RtlParagraph(
            STATUS.format(status=status_text(evaluation)),
            STATUS_STYLE if evaluation.published else DRAFT_STATUS,
        ),
    ]
    if not evaluation.published:
        story.append(RtlParagraph(DRAFT_NOTE, STATUS_STYLE))
    story.append(details_table(_particulars(data, standing), width=CONTENT_WIDTH))
    story += heading(SCORES, SMALL_HEADING)
    story.append(_scores(data, standing))
    story += _amendments(data, standing)
    story += heading(ADVICE, SMALL_HEADING)
    advice = improvements(data, standing)
    if advice:
        story.append(RtlParagraph(ADVICE_INTRO, styles.NOTE))
        for number, item in enumerate(advice, start=1):
            story.append(RtlParagraph(item.text, ADVICE_STYLE, bullet=f"{format_int(number)}."))
    else:
        story.append(RtlParagraph(ADVICE_NONE, ADVICE_STYLE))
    return story


def _particulars(data: EvaluationPrint, standing: Standing) -> list[tuple[str, str]]:
    count = format_int(len(data.standings))
    shared = standing.rank in data.shared_ranks
    rank = (RANK_SHARED if shared else RANK_VALUE).format(
        rank=format_int(standing.rank), count=count, shared=SHARED
    )
    last_year = to_persian_digits(data.year - 1)
    if standing.previous_rank is None:
        previous = NOT_RANKED.format(year=last_year)
    else:
        previous = PREVIOUS_VALUE.format(
            rank=format_int(standing.previous_rank), change=change_text(standing)
        )
    pairs = [
        (RANK, rank),
        (PREVIOUS_RANK.format(year=last_year), previous),
        (TIER, standing.tier or wording.NONE),
        (TOTAL, out_of(standing.total, data.evaluation.total_max)),
    ]
    if data.evaluation.rank_by_category and standing.category_rank is not None:
        pairs.append((CATEGORY_RANK, format_int(standing.category_rank)))
    return pairs


def _scores(data: EvaluationPrint, standing: Standing) -> Flowable:
    """By group: the group (with its subtotal) at the right of its criteria; the total last."""
    columns = [
        Column(GROUP, 1.3, centered=True),
        Column(CRITERION, 2.6),
        Column(MAXIMUM, 0.7, centered=True),
        Column(SCORE, 0.7, centered=True),
        Column(SOURCE, 3.4),
    ]
    rows: list[list[Cell]] = []
    spans: list[tuple[int, int]] = []  # each group's first and last body row
    for name, members in groups(data.evaluation.criteria):
        first = len(rows) + 1  # the header is row 0
        group_cell: list[Flowable] = [RtlParagraph(name, GROUP_STYLE)]
        if len(members) > 1:
            group_cell.append(
                RtlParagraph(
                    GROUP_SUBTOTAL.format(score=format_score(subtotal(standing, members))), SUBTOTAL_STYLE
                )
            )
        for index, criterion in enumerate(members):
            cell = standing.cells.get(criterion.id)
            rows.append(
                [
                    group_cell if index == 0 else "",
                    [RtlParagraph(criterion.name, NAME), RtlParagraph(criterion.formula, FORMULA)],
                    format_score(criterion.max_score),
                    RtlParagraph(format_score(cell.score if cell else None), SCORE_STYLE),
                    _source(cell),
                ]
            )
        spans.append((first, len(rows)))
    rows.append(
        [
            "",  # spanned by the next: reportlab draws a span's leftmost cell
            RtlParagraph(GRAND_TOTAL, TOTAL_STYLE),
            RtlParagraph(format_score(data.evaluation.total_max), TOTAL_STYLE),
            RtlParagraph(format_score(standing.total), TOTAL_STYLE),
            "",
        ]
    )
    table = rtl_table(columns, rows, width=CONTENT_WIDTH, zebra=False, cell_style=CELL)
    last = len(columns) - 1  # reportlab's index of the reading order's first column (the group)
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, -1), (-1, -1), styles.HEADER_FILL),
        ("LINEABOVE", (0, -1), (-1, -1), 0.9, styles.RULE),
        ("SPAN", (last - 1, len(rows)), (last, len(rows))),  # «جمع کل» over the group and the criterion
    ]
    commands += [("SPAN", (last, first), (last, end)) for first, end in spans if end > first]
    commands += [("LINEBELOW", (0, end), (-1, end), 0.9, styles.RULE) for _first, end in spans]
    table.setStyle(TableStyle(commands))
    return table


def _source(cell: ScoreCell | None) -> list[Flowable]:
    if cell is None:
        return [RtlParagraph(wording.NONE, CELL)]
    flowables: list[Flowable] = [RtlParagraph(cell.explanation or wording.NONE, CELL)]
    if cell.amendments:
        flowables.append(
            RtlParagraph(
                AMENDED.format(original=format_score(cell.original), score=format_score(cell.score)),
                AMENDED_STYLE,
            )
        )
    return flowables


def _amendments(data: EvaluationPrint, standing: Standing) -> list[Flowable]:
    found = [(criterion, amendment) for s, criterion, amendment in data.amendments() if s is standing]
    if not found:
        return []
    flowables: list[Flowable] = heading(AMENDMENTS, SMALL_HEADING)
    for criterion, amendment in found:
        text = AMENDMENT.format(
            criterion=criterion.name,
            previous=format_score(amendment.previous_score),
            score=format_score(amendment.score),
            reason=amendment.reason,
            by=amendment.by,
            date=jalali.format_short(amendment.at.date()),
        )
        flowables.append(RtlParagraph(text, ADVICE_STYLE, bullet=wording.LIST_BULLET))
    return flowables


def improvements(data: EvaluationPrint, standing: Standing) -> list[Advice]:
    """The criteria on which the agency lost the most of their maximum (two, or three), with advice."""
    lost: list[Advice] = []
    for criterion in data.evaluation.criteria:
        cell = standing.cells.get(criterion.id)
        if cell is None or cell.score is None or cell.score >= criterion.max_score:
            continue
        lost.append(Advice(criterion, cell.score, _advice_text(criterion, cell)))
    lost.sort(
        key=lambda a: (-round(a.lost_share, 4), -(a.criterion.max_score - a.score), a.criterion.position)
    )
    chosen = lost[: MOST_ADVICE - 1]
    if len(lost) >= MOST_ADVICE and lost[MOST_ADVICE - 1].lost_share >= THIRD_ADVICE_LOSS:
        chosen.append(lost[MOST_ADVICE - 1])
    return chosen


def _advice_text(criterion: CriterionRecord, cell: ScoreCell) -> str:
    advice = ADVICE_BY_SOURCE[criterion.source].format(indicator=criterion.indicator, name=criterion.name)
    notes = [entry.note for entry in cell.jury if entry.note]
    if notes:
        advice += JURY_NOTES.format(notes=wording.LIST_SEPARATOR.join(f"«{note}»" for note in notes))
    score = cell.score or 0.0
    percent = to_persian_digits(round(100 * score / criterion.max_score))
    return ADVICE_LINE.format(
        criterion=criterion.name,
        score=format_score(score),
        max=format_score(criterion.max_score),
        percent=percent,
        advice=advice,
    )
