"""The evaluation page, driven through its widgets: a year begun, criteria added, the jury's scores
entered cell by cell, publishing refused then done, an amendment beside the original, shared ranks.

A small council: three agencies, each present at the one meeting of 1404, none with a resolution
or a monthly report, so that their computed scores are equal and the jury decides the ranking.
Today is fixed in the spring of 1405, when 1404 is evaluated.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QLabel, QTableView

from secretariat.evaluation.criteria import Source
from secretariat.persian import jalali
from tests.support.meetings import Council
from tests.support.monthly import fix_today
from ui.evaluation import wording
from ui.evaluation.criterion_dialog import CriterionDialog
from ui.evaluation.evaluation_view import EvaluationView
from ui.evaluation.score_dialogs import AmendmentDialog, JuryScoreDialog, ScoreSourceDialog
from ui.evaluation.setup_dialogs import ExcludeDialog, TiersDialog
from ui.evaluation.year_dialogs import NewEvaluationDialog, PublishDialog
from ui.widgets.table_setup import select_row
from ui.window.main_window import EVALUATION, MainWindow

TODAY = jalali.from_jalali(1405, 2, 15)
ALEF, BE, PE = "الف دستگاه", "ب دستگاه", "پ دستگاه"


@pytest.fixture
def agencies(services, monkeypatch) -> dict[str, int]:
    fix_today(monkeypatch, TODAY)
    council = Council(services)
    ids = {name: council.agency(name) for name in (PE, BE, ALEF)}
    meeting = council.plan("1404/05/10")
    council.hold(meeting.id)
    return ids


@pytest.fixture
def view(qtbot, services, agencies) -> EvaluationView:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    window.show_section(EVALUATION)
    return window.evaluation_view


@pytest.fixture
def modal(run_modal):
    """``run_modal``, and the dialog must have opened: a trigger that opens nothing fails."""

    def run(trigger, interact) -> None:
        seen = []

        def interact_and_note(dialog) -> None:
            seen.append(dialog)
            interact(dialog)

        run_modal(trigger, interact_and_note)
        assert seen, "no dialog was opened"

    return run


def jury_criteria(services, year=1404):
    return [c for c in services.evaluations.get(year).criteria if c.source is Source.MANUAL]


def score_all(services, agencies, scores: dict[str, float], year=1404, by="داور یکم") -> None:
    for criterion in jury_criteria(services, year):
        for name, score in scores.items():
            services.evaluations.score(year, agencies[name], criterion.id, score, by=by)


def cell(view: EvaluationView, agency: str, criterion_id: int) -> QModelIndex:
    model = view.scores.model
    row = next(r for r in range(model.rowCount()) if model.standing(r).agency == agency)
    return model.index(row, model.column(f"criterion:{criterion_id}"))


def double_click(qtbot, table: QTableView, index: QModelIndex) -> None:
    table.scrollTo(index)
    centre = table.visualRect(index).center()
    # QTest's double click is the second click only: the first one comes before it.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)


def test_a_year_begins_from_the_default_set_and_takes_a_criterion_of_its_own(qtbot, view, modal, type_text):
    assert view.pages.currentIndex() == 0  # nothing yet: the page offers to begin

    def begin(dialog: NewEvaluationDialog) -> None:
        assert dialog.year.text() == "۱۴۰۴"  # the last full year
        dialog.start_from.setCurrentIndex(dialog.start_from.findData(None))  # the default set
        save(qtbot, dialog)

    modal(view.new_button.click, begin)

    assert view.year == 1404 and view.pages.currentWidget() is view.tabs
    assert view.setup.criteria_model.rowCount() == 7
    assert view.setup.total.text() == wording.TOTAL_MAX.format(total="۱۰۰")
    assert view.status_chip.text() == wording.STATUS_DRAFT
    assert "۶ امتیاز داوری ثبت‌نشده" in view.status_line.text()  # two jury criteria × three agencies

    def add(dialog: CriterionDialog) -> None:
        type_text(dialog.name, "همکاری با رسانه‌ها")
        type_text(dialog.max_score, "ده")  # not a number: said under the field
        save(qtbot, dialog)
        assert dialog.isVisible() and dialog.form.error("max_score")
        dialog.max_score.clear()
        type_text(dialog.max_score, "۵")
        type_text(dialog.group, "کیفیت (داوری)")
        save(qtbot, dialog)

    modal(view.setup.add_button.click, add)

    names = [view.setup.criteria_model.criterion(r).name for r in range(view.setup.criteria_model.rowCount())]
    assert names[-1] == "همکاری با رسانه‌ها"
    assert view.setup.total.text() == wording.TOTAL_MAX.format(total="۱۰۵")
    assert view.scores.model.columnCount() == 1 + 8 + 3  # agency, the criteria, total, rank, tier
    assert "۹ امتیاز داوری ثبت‌نشده" in view.status_line.text()


def test_jury_scores_entered_in_the_dialog_fill_the_table_and_the_missing_count_falls(
    qtbot, services, view, modal, type_text
):
    services.evaluations.create(1404)  # heard by the page, which reads the new year
    assert view.year == 1404
    view.tabs.setCurrentWidget(view.scores)
    quality = jury_criteria(services)[0]
    missing = cell(view, ALEF, quality.id)
    assert missing.data() == wording.NOT_RECORDED  # in words, not by colour only
    assert "۶ امتیاز" in view.status_line.text()

    def first_juror(dialog: JuryScoreDialog) -> None:
        captions = [label.text() for label in dialog.findChildren(QLabel)]
        assert wording.JURY_SCORE.format(max="۱۵") in captions  # the maximum beside the score
        type_text(dialog.evaluator, "داور یکم")
        type_text(dialog.score, "۱۶")  # above the maximum
        save(qtbot, dialog)
        assert "میان ۰ و ۱۵" in dialog.form.error("score")
        dialog.score.clear()
        type_text(dialog.score, "۱۲")
        save(qtbot, dialog)

    modal(lambda: double_click(qtbot, view.scores.table, cell(view, ALEF, quality.id)), first_juror)

    scored = cell(view, ALEF, quality.id)
    assert scored.data() == "۱۲"
    assert "داور یکم" in scored.data(Qt.ItemDataRole.ToolTipRole)
    assert "۵ امتیاز داوری ثبت‌نشده" in view.status_line.text()

    def second_juror(dialog: JuryScoreDialog) -> None:
        assert "داور یکم: ۱۲" in dialog.entries.text()  # the other evaluators' entries for this cell
        assert dialog.evaluator.text() == "داور یکم"  # the name typed last, offered again
        dialog.evaluator.clear()
        type_text(dialog.evaluator, "داور دوم")
        type_text(dialog.score, "۱۴")
        save(qtbot, dialog)

    modal(lambda: double_click(qtbot, view.scores.table, cell(view, ALEF, quality.id)), second_juror)

    assert cell(view, ALEF, quality.id).data() == "۱۳"  # the mean of the two
    assert "۵ امتیاز داوری ثبت‌نشده" in view.status_line.text()  # the same cell, scored again


def test_a_computed_cell_shows_where_its_score_came_from(qtbot, services, view, modal):
    services.evaluations.create(1404)
    view.tabs.setCurrentWidget(view.scores)
    attendance = next(c for c in services.evaluations.get(1404).criteria if c.source is Source.ATTENDANCE)
    index = cell(view, BE, attendance.id)
    assert index.data() == "۲۰"
    assert "۱ جلسه از ۱" in index.data(Qt.ItemDataRole.ToolTipRole)

    def read(dialog: ScoreSourceDialog) -> None:
        assert "۱ جلسه از ۱" in dialog.explanation.text()
        assert "× ۲۰" in dialog.formula.text()
        dialog.reject()

    modal(lambda: double_click(qtbot, view.scores.table, index), read)
    # Enter on the current cell opens it as a double-click does.
    modal(lambda: qtbot.keyClick(view.scores.table, Qt.Key.Key_Return), read)


def test_publishing_is_refused_while_a_jury_score_is_missing_then_an_amendment_shows_the_original(
    qtbot, services, agencies, view, modal, type_text
):
    services.evaluations.create(1404)
    score_all(services, agencies, {ALEF: 10, BE: 10})  # پ not yet

    def refused(dialog: PublishDialog) -> None:
        type_text(dialog.by, "دبیر شورا")
        save(qtbot, dialog)
        assert dialog.isVisible()
        assert "۲ امتیاز داوری هنوز ثبت نشده است" in dialog.form.general_error()
        dialog.done(QDialog.DialogCode.Rejected)

    modal(view.publish_button.click, refused)
    assert not services.evaluations.get(1404).published

    score_all(services, agencies, {PE: 10})

    def published(dialog: PublishDialog) -> None:
        type_text(dialog.by, "دبیر شورا")
        save(qtbot, dialog)

    modal(view.publish_button.click, published)

    assert view.status_chip.text() == wording.STATUS_PUBLISHED
    assert "به دست دبیر شورا" in view.status_line.text()
    assert not view.publish_button.isVisible()
    assert view.setup.read_only_note.isVisible() and not view.setup.add_button.isVisible()

    view.tabs.setCurrentWidget(view.scores)
    attendance = next(c for c in services.evaluations.get(1404).criteria if c.source is Source.ATTENDANCE)

    def amend(dialog: AmendmentDialog) -> None:
        type_text(dialog.score, "۱۵")
        type_text(dialog.reason, "برگه حضور جلسه مرداد اشتباه بود")
        type_text(dialog.by, "دبیر شورا")
        save(qtbot, dialog)

    modal(lambda: double_click(qtbot, view.scores.table, cell(view, BE, attendance.id)), amend)

    amended = cell(view, BE, attendance.id)
    assert amended.data() == "۱۵ (پیش‌تر ۲۰)"
    assert "برگه حضور جلسه مرداد اشتباه بود" in amended.data(Qt.ItemDataRole.ToolTipRole)
    assert "۱ اصلاحیه" in view.status_line.text()


def test_the_ranking_shares_equal_totals_in_persian_order_with_the_change_on_last_year(
    services, agencies, view
):
    services.evaluations.create(1403)
    score_all(services, agencies, {ALEF: 14, BE: 10, PE: 6}, year=1403)
    services.evaluations.publish(1403, by="دبیر شورا")
    services.evaluations.create(1404, copy_from=1403)
    score_all(services, agencies, {ALEF: 5, BE: 12, PE: 12})
    view.show_year(1404)
    view.tabs.setCurrentWidget(view.ranking_tab)
    model = view.ranking_tab.model

    def column(key: str) -> list[str]:
        return [model.index(row, model.column(key)).data() for row in range(model.rowCount())]

    assert column("agency") == [BE, PE, ALEF]  # the tie in Persian alphabetical order
    assert column("rank") == ["۱ (مشترک)", "۱ (مشترک)", "۳"]
    assert column("previous") == ["۲", "۳", "۱"]
    assert column("change") == ["▲۱", "▲۲", "▼۲"]
    assert "مشترک" in model.index(0, model.column("rank")).data(Qt.ItemDataRole.ToolTipRole)
    assert view.ranking_tab.draft_note.isVisible()


def test_tiers_exclusions_and_the_criteria_order_are_set_through_the_setup_tab(
    qtbot, services, agencies, view, modal, type_text, message_boxes
):
    services.evaluations.create(1404)
    setup = view.setup

    def tiers(dialog: TiersDialog) -> None:
        dialog.rows[0].threshold.clear()
        type_text(dialog.rows[0].threshold, "۱۲۰")  # above the total of 100: said beside that row
        save(qtbot, dialog)
        assert dialog.form.error("tier:0")
        dialog.rows[0].threshold.clear()
        type_text(dialog.rows[0].threshold, "۹۰")
        save(qtbot, dialog)

    modal(setup.tiers_button.click, tiers)
    assert services.evaluations.get(1404).tiers[0].min_score == 90
    assert "ممتاز از ۹۰" in setup.tiers.text()

    def exclude(dialog: ExcludeDialog) -> None:
        dialog.agency.set_agency_id(agencies[PE])
        save(qtbot, dialog)
        assert dialog.form.error("reason")  # a reason is needed
        type_text(dialog.reason, "ادغام در سازمان دیگر")
        save(qtbot, dialog)

    modal(setup.exclude_button.click, exclude)
    assert setup.exclusions_model.exclusion(0).reason == "ادغام در سازمان دیگر"
    assert PE not in [view.scores.model.standing(r).agency for r in range(view.scores.model.rowCount())]
    select_row(setup.exclusions, 0)
    setup.include_button.click()
    assert setup.exclusions_model.rowCount() == 0 and view.scores.model.rowCount() == 3

    second = setup.criteria_model.criterion(1).name
    select_row(setup.criteria, 1)
    setup.up_button.click()
    assert setup.criteria_model.criterion(0).name == second
    assert setup.selected_criterion() is not None and setup.selected_criterion().name == second

    removed = jury_criteria(services)[0].name
    select_row(setup.criteria, next(r for r in range(7) if setup.criteria_model.criterion(r).name == removed))
    setup.remove_button.click()
    assert message_boxes.shown and "امتیازهای داوری" in message_boxes.shown[-1][1]
    assert removed not in [c.name for c in services.evaluations.get(1404).criteria]


def test_a_draft_follows_the_records_it_is_counted_from(services, view):
    services.evaluations.create(1404)
    assert view.scores.model.rowCount() == 3
    from secretariat.members.agencies import AgencyDraft

    services.agencies.add(AgencyDraft(name="ت دستگاه"))
    assert view.scores.model.rowCount() == 4
    assert "۸ امتیاز داوری ثبت‌نشده" in view.status_line.text()


def test_the_print_buttons_ask_for_the_printouts_by_signal(qtbot, services, agencies, view, monkeypatch):
    from ui.reports import evaluation_prints

    printed: list[tuple] = []  # what the main window asked to print, in place of the previews
    monkeypatch.setattr(
        evaluation_prints, "print_ranking", lambda parent, s, year: printed.append(("ranking", year))
    )
    monkeypatch.setattr(
        evaluation_prints,
        "print_scorecards",
        lambda parent, s, year, agency=None: printed.append(("cards", agency)),
    )
    monkeypatch.setattr(
        evaluation_prints,
        "print_certificates",
        lambda parent, s, year: printed.append(("certificates", year)),
    )
    services.evaluations.create(1404)
    assert not view.print_certificates_button.isEnabled()  # certificates are for a published year
    with qtbot.waitSignal(view.ranking_print_requested) as ranking:
        view.print_ranking_button.click()
    assert ranking.args == [1404]
    with qtbot.waitSignal(view.scorecards_print_requested) as all_cards:
        view.scorecards_all_action.trigger()
    assert all_cards.args == [1404, 0]
    view.tabs.setCurrentWidget(view.scores)
    view.scores.table.setCurrentIndex(cell(view, BE, jury_criteria(services)[0].id))
    view.print_scorecards_button.menu().aboutToShow.emit()
    assert BE in view.scorecards_one_action.text()
    with qtbot.waitSignal(view.scorecards_print_requested) as one_card:
        view.scorecards_one_action.trigger()
    assert one_card.args == [1404, agencies[BE]]
    score_all(services, agencies, {ALEF: 10, BE: 10, PE: 10})
    services.evaluations.publish(1404, by="دبیر شورا")
    with qtbot.waitSignal(view.certificates_print_requested) as certificates:
        view.print_certificates_button.click()
    assert certificates.args == [1404]
    assert printed == [("ranking", 1404), ("cards", None), ("cards", agencies[BE]), ("certificates", 1404)]
