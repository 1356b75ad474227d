"""The evaluation page for ``--screenshots``: its setup, the score table with a juror's dialog, the
ranking, a published year with an amendment, and each of the page's dialogs.

Where the demo has no evaluation yet, these steps photograph a second main
window on a copy of the demo (``Stage.copy_window``) given two: last full
year's, scored by two jurors, published and amended once, and this year's,
begun from it, with some jury scores still missing and one agency left out.
The demo itself is left as it was. Agencies whose records give them equal
computed scores get equal jury scores, so the ranking shows shared ranks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from secretariat import clock
from secretariat.evaluation.criteria import Source
from secretariat.evaluation.service import CriterionRecord, EvaluationService
from secretariat.persian import jalali
from tools.screenshots.stage import Stage
from ui.evaluation.evaluation_view import EvaluationView
from ui.evaluation.score_dialogs import AmendmentDialog, JuryScoreDialog, ScoreSourceDialog
from ui.evaluation.year_dialogs import NewEvaluationDialog
from ui.services import Services
from ui.widgets.table_setup import select_row
from ui.window.main_window import EVALUATION, MainWindow

JURORS = ("مریم احمدی", "حسین نوروزی")
SECRETARY = "زهرا کریمی"


def _jury_score(place: int, criterion: int, juror: int, max_score: float) -> float:
    """A score in the upper half of the criterion; the agencies at the second and third places
    (equal on the records in the demo) are scored alike, and share their rank."""
    seed = 1 if place == 2 else place
    step = (seed * 5 + criterion * 2 + juror) % 6
    return max_score * (0.5 + step / 10)


def _score_all(evaluations: EvaluationService, year: int, *, leave_out_every: int = 0) -> None:
    ranking = evaluations.ranking(year)
    manual = [c for c in ranking.evaluation.criteria if c.source is Source.MANUAL]
    for place, standing in enumerate(ranking.standings):
        for number, criterion in enumerate(manual):
            if leave_out_every and place % leave_out_every == 1 and number == len(manual) - 1:
                continue  # still missing: the page says which
            for juror, name in enumerate(JURORS[: 1 if leave_out_every else 2]):
                score = _jury_score(place, number, juror, criterion.max_score)
                evaluations.score(year, standing.agency_id, criterion.id, score, by=name)


def _evaluate(services: Services) -> None:
    evaluations = services.evaluations
    last = jalali.jalali_year(clock.today()) - 1
    evaluations.create(last)
    _score_all(evaluations, last)
    evaluations.publish(last, by=SECRETARY)
    ranking = evaluations.ranking(last)
    manual = next(c for c in ranking.evaluation.criteria if c.source is Source.MANUAL)
    amended = ranking.standings[-1]
    evaluations.amend(
        last,
        amended.agency_id,
        manual.id,
        manual.max_score * 0.8,
        reason="بازبینی برگه داوری دوم",
        by=SECRETARY,
    )
    evaluations.create(last + 1, copy_from=last)
    left_out = evaluations.ranking(last + 1).standings[-1]
    evaluations.exclude(last + 1, left_out.agency_id, reason="ادغام در سازمان دیگر در میانه سال")
    _score_all(evaluations, last + 1, leave_out_every=4)


def _window(stage: Stage) -> MainWindow:
    """The demo's window if the demo has evaluations, else the copy's, given two."""
    if stage.services.evaluations.years():
        return stage.window
    window = stage.copy_window()
    if not stage.copy_services().evaluations.years():
        _evaluate(stage.copy_services())
    return window


def _view(stage: Stage, *, published: bool = False, tab: str = "setup") -> EvaluationView:
    """The evaluation page of the newest draft (or the newest published year), on ``tab``."""
    window = _window(stage)
    window.show_section(EVALUATION)
    view = window.evaluation_view
    evaluations = window.services.evaluations
    years = evaluations.years()
    wanted = [year for year in years if evaluations.get(year).published == published]
    view.show_year((wanted or years)[0])
    view.tabs.setCurrentWidget({"setup": view.setup, "scores": view.scores, "ranking": view.ranking_tab}[tab])
    return view


def _jury_criterion(view: EvaluationView) -> CriterionRecord:
    assert view.ranking is not None
    criteria = view.ranking.evaluation.criteria
    return next(c for c in criteria if c.source is Source.MANUAL)


def _column(view: EvaluationView, criterion: CriterionRecord) -> int:
    return view.scores.model.column(f"criterion:{criterion.id}")


def setup(stage: Stage) -> QWidget:
    view = _view(stage)
    select_row(view.setup.criteria, 0)
    return view.window()


def criterion_dialog(stage: Stage) -> QWidget:
    view = _view(stage)
    assert view.ranking is not None
    activity = next(
        (c for c in view.ranking.evaluation.criteria if c.source is Source.ACTIVITY),
        view.ranking.evaluation.criteria[0],
    )
    dialog = view.setup.criterion_dialog(activity)
    assert dialog is not None
    return stage.open(dialog)


def tiers_dialog(stage: Stage) -> QWidget:
    dialog = _view(stage).setup.tiers_dialog()
    assert dialog is not None
    return stage.open(dialog)


def exclude_dialog(stage: Stage) -> QWidget:
    dialog = _view(stage).setup.exclude_dialog()
    assert dialog is not None
    return stage.open(dialog)


def scores(stage: Stage) -> QWidget:
    view = _view(stage, tab="scores")
    model = view.scores.model
    criterion = _jury_criterion(view)
    view.scores.table.setCurrentIndex(model.index(0, _column(view, criterion)))
    return view.window()


def scores_missing(stage: Stage) -> QWidget:
    """Only the agencies with a jury score still missing: «ثبت‌نشده» in words, and tinted."""
    view = _view(stage, tab="scores")
    view.scores.only_missing.setChecked(True)
    return view.window()


def jury_dialog(stage: Stage) -> QWidget:
    """A juror's score of a cell another juror has scored: their entry is in view."""
    view = _view(stage, tab="scores")
    view.scores.only_missing.setChecked(False)
    model = view.scores.model
    criterion = _jury_criterion(view)
    row = next((r for r in range(model.rowCount()) if model.standing(r).cells[criterion.id].jury), 0)
    view.scores.last_evaluator = JURORS[1]
    dialog = view.scores.cell_dialog(model.index(row, _column(view, criterion)))
    assert isinstance(dialog, JuryScoreDialog)
    return stage.open(dialog)


def score_source(stage: Stage) -> QWidget:
    view = _view(stage, tab="scores")
    assert view.ranking is not None
    computed = next(c for c in view.ranking.evaluation.criteria if c.source is Source.RESOLUTIONS)
    dialog = view.scores.cell_dialog(view.scores.model.index(0, _column(view, computed)))
    assert isinstance(dialog, ScoreSourceDialog)
    return stage.open(dialog)


def publish_refused(stage: Stage) -> QWidget:
    """Publishing while jury scores are missing: the core's refusal beside the button."""
    dialog = _view(stage).publish_dialog()
    assert dialog is not None
    stage.open(dialog)
    dialog.by.setText(SECRETARY)
    dialog.accept()
    return dialog


def ranking(stage: Stage) -> QWidget:
    return _view(stage, tab="ranking").window()


def published_scores(stage: Stage) -> QWidget:
    """A published year: an amended cell shows the new score with the original beside it."""
    view = _view(stage, published=True, tab="scores")
    model = view.scores.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            criterion = model.criterion_at(column)
            if criterion is not None and model.standing(row).cells[criterion.id].original is not None:
                view.scores.table.setCurrentIndex(model.index(row, column))
                view.scores.table.scrollTo(model.index(row, column))
    return view.window()


def amendment_dialog(stage: Stage) -> QWidget:
    view = _view(stage, published=True, tab="scores")
    index = view.scores.table.currentIndex()
    if not index.isValid():
        index = view.scores.model.index(0, 1)
    dialog = view.scores.cell_dialog(index)
    assert isinstance(dialog, AmendmentDialog)
    return stage.open(dialog)


def published_ranking(stage: Stage) -> QWidget:
    return _view(stage, published=True, tab="ranking").window()


def new_evaluation(stage: Stage) -> QWidget:
    view = _view(stage)
    return stage.open(NewEvaluationDialog(_window(stage).services.evaluations, view))


def empty(stage: Stage) -> QWidget:
    """A council with no evaluation yet: what the page says, and its one button."""
    window = stage.empty_window()
    window.show_section(EVALUATION)
    return window


SHOTS: list[tuple[str, Callable[[Stage], QWidget]]] = [
    ("evaluation-setup", setup),
    ("evaluation-criterion", criterion_dialog),
    ("evaluation-tiers", tiers_dialog),
    ("evaluation-exclude", exclude_dialog),
    ("evaluation-scores", scores),
    ("evaluation-scores-missing", scores_missing),
    ("evaluation-jury", jury_dialog),
    ("evaluation-score-source", score_source),
    ("evaluation-publish-refused", publish_refused),
    ("evaluation-ranking", ranking),
    ("evaluation-published-scores", published_scores),
    ("evaluation-amendment", amendment_dialog),
    ("evaluation-published-ranking", published_ranking),
    ("evaluation-new", new_evaluation),
    ("evaluation-empty", empty),
]
