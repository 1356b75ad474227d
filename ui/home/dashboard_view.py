"""The home page «پیشخوان»: the figures of the follow-up work at a glance.

A council not yet set up sees the first-run guide on top (``FirstRunGuide``:
agencies, PR managers, the first meeting, its minutes) until it has held a
meeting. Four figures (open, overdue, due within a week, done this year),
the line of last month's monthly reports («گزارش‌های ماهانه مهر: ۱۷ از ۲۵
رسیده»), the agencies with the most overdue resolutions, the next meetings,
and two charts. Everything leads on: a figure, an agency, a slice or a bar
opens the register filtered on exactly what it counted (``show_register``);
a meeting opens its window (``show_meeting``); the monthly line the monthly
reports' page on its month (``show_monthly``). The page reads the database
again after any change, once it is next shown. A figure at zero is quiet:
the overdue card is red only when something is overdue.

At start-up the page can show its heading, four figures and monthly line
before the core has loaded (``show_first_look``, from
``secretariat.first_look``); the lists and charts, and every link, come with
the services (``attach``). This module therefore loads neither the core nor
Qt Charts until then.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from secretariat import clock
from secretariat.persian import jalali
from secretariat.persian.text import format_int, to_persian_digits
from ui import strings
from ui.home.awaiting_letters import AwaitingLettersLine
from ui.home.first_run_guide import FirstRunGuide
from ui.rtl import rtl

if TYPE_CHECKING:
    import datetime as dt

    from secretariat.changes import Changes
    from secretariat.first_look import FirstLook
    from secretariat.followup.dashboard import Dashboard
    from secretariat.followup.register import ResolutionQuery
    from secretariat.monthly.months import Month
    from ui.home.dashboard_charts import CompletionChart, StatusChart
    from ui.services import Services

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


class MonthLine(Protocol):
    """Last month's reports: a ``MonthSummary``, or the first look's ``MonthlyLine``."""

    @property
    def month(self) -> Month: ...
    @property
    def due_date(self) -> dt.date: ...
    @property
    def expected(self) -> int: ...
    @property
    def received(self) -> int: ...
    @property
    def late(self) -> int: ...


class Figures(Protocol):
    """The four figures, the monthly line and their day: a ``Dashboard``, or the ``FirstLook``
    read before the core loads."""

    @property
    def today(self) -> dt.date: ...
    @property
    def still_open(self) -> int: ...
    @property
    def overdue(self) -> int: ...
    @property
    def due_soon(self) -> int: ...
    @property
    def done_this_year(self) -> int: ...
    @property
    def jalali_year(self) -> int: ...
    @property
    def monthly(self) -> MonthLine: ...


def monthly_text(line: MonthLine, today: dt.date) -> str:
    """«گزارش‌های ماهانه مهر: ۱۷ از ۲۵ رسیده (۳ با تأخیر)»; before the due day
    «… ۱۲ از ۲۵ رسیده؛ تا ۵ آبان موعد دارد»."""
    text = strings.DASHBOARD_MONTHLY.format(
        month=line.month.name, received=format_int(line.received), expected=format_int(line.expected)
    )
    if today <= line.due_date:
        due = jalali.to_jalali(line.due_date)
        return text + strings.DASHBOARD_MONTHLY_NOT_DUE.format(
            due=f"{to_persian_digits(due.day)} {jalali.MONTHS[due.month - 1]}"
        )
    if line.late:
        text += strings.DASHBOARD_MONTHLY_LATE.format(late=format_int(line.late))
    return text


class ClickableFrame(QFrame):
    """Labels in a frame that leads somewhere: ``clicked`` on a click, Enter or Space.

    A frame, not a push button: a button's size ignores the labels laid out in it.
    """

    clicked = Signal()

    def __init__(self, tip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setToolTip(tip)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class FigureCard(ClickableFrame):
    """A big number over its caption; a click (or Enter, Space) opens the register on those resolutions."""

    def __init__(self, caption: str, tip: str, *, warning: bool = False, parent: QWidget | None = None):
        super().__init__(tip, parent)
        self.setObjectName("figureCard")
        self._warning = warning  # red while its count is above zero: a zero is good news
        self.setProperty("alarm", False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.number = QLabel("—")
        self.number.setObjectName("figureNumber")
        self.caption = QLabel(caption)
        self.caption.setObjectName("figureCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        for label in (self.number, self.caption):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)

    def set_count(self, count: int) -> None:
        self.number.setText(format_int(count))
        alarm = self._warning and count > 0
        if self.property("alarm") != alarm:
            self.setProperty("alarm", alarm)
            for widget in (self, self.number):
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def alarming(self) -> bool:
        return bool(self.property("alarm"))


class MonthlyLine(ClickableFrame):
    """Last month's monthly reports in a line beside the page's heading, and a link to their
    page; a click (or Enter, Space) anywhere on it opens the page."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(strings.DASHBOARD_MONTHLY_TIP, parent)
        self.setObjectName("monthlyLine")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.text = QLabel()
        self.text.setObjectName("monthlyText")
        self.link = QLabel(strings.DASHBOARD_MONTHLY_OPEN)
        self.link.setObjectName("monthlyLink")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.setSpacing(18)
        layout.addWidget(self.text)
        layout.addWidget(self.link)

    def show_line(self, line: MonthLine, today: dt.date) -> None:
        self.text.setText(rtl(monthly_text(line, today)))
        # A council with no agency yet owes no report: nothing to say.
        self.setVisible(bool(line.expected or line.received))


def _panel(title: str, body: QWidget, *extra: QWidget) -> QFrame:
    frame = QFrame()
    frame.setObjectName("dashboardPanel")
    heading = QLabel(title)
    heading.setObjectName("panelTitle")
    layout = QVBoxLayout(frame)
    layout.addWidget(heading)
    layout.addWidget(body)
    layout.addStretch(1)
    for widget in extra:
        layout.addWidget(widget)
    return frame


class LinkList(QListView):
    """A few lines that lead somewhere (an agency, a meeting): a list view over a small model.

    ``activated_value`` carries the value of the line clicked; a note line has none.
    """

    activated_value = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboardList")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.lines = QStandardItemModel(self)
        self.setModel(self.lines)
        self.clicked.connect(self._on_clicked)
        self.activated.connect(self._on_clicked)

    def show_lines(self, lines: Sequence[tuple[str, object]], empty: str) -> None:
        """(text, value) lines, or the ``empty`` note; as tall as its lines, never scrolled."""
        self.lines.clear()
        for text, value in lines:
            line = QStandardItem(text)
            line.setData(value, VALUE_ROLE)
            line.setEditable(False)
            self.lines.appendRow(line)
        if not lines:
            note = QStandardItem(empty)
            note.setFlags(Qt.ItemFlag.NoItemFlags)
            self.lines.appendRow(note)
        rows = sum(self.sizeHintForRow(row) for row in range(self.lines.rowCount()))
        self.setFixedHeight(max(rows + 2 * self.frameWidth() + 4, 60))

    def count(self) -> int:
        return self.lines.rowCount()

    def text(self, row: int) -> str:
        return self.lines.item(row).text()

    def row_rect(self, row: int) -> QRect:
        return self.visualRect(self.lines.index(row, 0))

    def _on_clicked(self, index: QModelIndex) -> None:
        value = index.data(VALUE_ROLE)
        if value is not None:
            self.activated_value.emit(value)


class DashboardView(QWidget):
    message = Signal(str)
    show_register = Signal(object)  # a ResolutionQuery
    show_meeting = Signal(int)
    show_agenda = Signal(int)  # the meeting whose agenda has just been given the review
    show_letters = Signal(object)  # a LetterQuery: the letter register on the letters awaiting an answer
    show_monthly = Signal(object)  # the Month of the monthly line: the monthly reports' page on it

    def __init__(self, services: Services | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._services: Services | None = None
        self.dashboard: Dashboard | None = None
        self._stale = True

        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.guide = FirstRunGuide()
        self.guide.hide()  # until the core says how far the council has come
        self.open_card = FigureCard(strings.DASHBOARD_OPEN, strings.DASHBOARD_OPEN_TIP)
        self.overdue_card = FigureCard(strings.DASHBOARD_OVERDUE, strings.DASHBOARD_OVERDUE_TIP, warning=True)
        self.due_card = FigureCard(strings.DASHBOARD_DUE_SOON, strings.DASHBOARD_DUE_SOON_TIP)
        self.done_card = FigureCard("", strings.DASHBOARD_DONE_TIP)
        cards = QHBoxLayout()
        cards.setSpacing(12)
        queries: tuple[tuple[FigureCard, Callable[[Dashboard], ResolutionQuery]], ...] = (
            (self.open_card, lambda d: d.still_open_query()),
            (self.overdue_card, lambda d: d.overdue_query()),
            (self.due_card, lambda d: d.due_soon_query()),
            (self.done_card, lambda d: d.done_this_year_query()),
        )
        for card, query in queries:
            card.clicked.connect(lambda q=query: self._open_figure(q))
            cards.addWidget(card)
        self.monthly_line = MonthlyLine()
        self.monthly_line.hide()  # until the figures are read
        self.monthly_line.clicked.connect(self._open_monthly)

        page = QWidget()
        page.setObjectName("dashboardPage")
        layout = QVBoxLayout(page)
        layout.setSpacing(14)
        # The monthly line beside the heading: a row of its own would push the charts off a laptop's screen.
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.monthly_line)
        layout.addLayout(top)
        layout.addWidget(self.guide)
        layout.addLayout(cards)
        # The lists and charts, made with the services (see ``attach``); until then an empty space.
        self._details = QWidget()
        layout.addWidget(self._details, 1)
        self._page_layout = layout
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        # Changes come in runs (a dialog may save more than once, a worker's arrive queued):
        # read once after them.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._reload_if_shown)
        if services is not None:
            self.attach(services)

    def show_first_look(self, look: FirstLook) -> None:
        """The heading and the four figures, read before the core has loaded; nothing leads on yet."""
        self._show_figures(look)

    def attach(self, services: Services) -> None:
        """Read everything through ``services``: the lists and charts are made, the figures lead on."""
        from ui.home.dashboard_charts import CompletionChart, StatusChart  # Qt Charts: only now

        self._services = services
        self.worst_list = LinkList()
        self.worst_list.activated_value.connect(lambda agency: self.show_register.emit(agency.query()))
        self.meetings_list = LinkList()
        self.meetings_list.activated_value.connect(lambda meeting_id: self.show_meeting.emit(meeting_id))
        self.review_button = QPushButton(strings.PREPARE_REVIEW)
        self.review_button.setToolTip(strings.PREPARE_REVIEW_TIP)
        self.review_button.clicked.connect(self.prepare_review)
        from secretariat.office.roles import Permission
        from ui.office.gate import guard

        guard(services, Permission.EDIT, self.review_button)
        lists = QHBoxLayout()
        lists.setSpacing(12)
        lists.addWidget(_panel(strings.DASHBOARD_WORST, self.worst_list), 1)
        lists.addWidget(_panel(strings.DASHBOARD_NEXT_MEETINGS, self.meetings_list, self.review_button), 1)

        self.status_chart: StatusChart = StatusChart()
        self.completion_chart: CompletionChart = CompletionChart()
        for chart in (self.status_chart, self.completion_chart):
            chart.clicked.connect(self._open_register)
        charts = QGridLayout()
        charts.setSpacing(12)
        charts.addWidget(self.status_chart, 0, 0)
        charts.addWidget(self.completion_chart, 0, 1)
        charts.setColumnStretch(0, 2)
        charts.setColumnStretch(1, 3)

        self.letters_line = AwaitingLettersLine()
        self.letters_line.clicked.connect(self._open_letters)

        details = QWidget()
        layout = QVBoxLayout(details)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.letters_line)
        layout.addLayout(lists)
        layout.addLayout(charts, 1)
        self._page_layout.replaceWidget(self._details, details)
        self._details.deleteLater()
        self._details = details
        details.show()  # now, not when the event loop next runs: the page is shown already
        services.changes.changed.connect(self._on_changes)
        self.reload()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        assert self._services is not None, "attach() the services first"
        dashboard = self._services.dashboard.load()
        self.dashboard = dashboard
        self._stale = False
        self.guide.show_steps(self._services.first_steps.load())
        self._show_figures(dashboard)

        self.worst_list.show_lines(
            [
                (
                    strings.DASHBOARD_WORST_ITEM.format(name=agency.name, count=format_int(agency.overdue)),
                    agency,
                )
                for agency in dashboard.worst_agencies
            ],
            strings.DASHBOARD_NO_OVERDUE,
        )
        meetings = []
        for meeting in dashboard.next_meetings:
            when = jalali.format_long(meeting.date)
            if meeting.start_time is not None:
                when = strings.DASHBOARD_MEETING_TIME.format(
                    date=when, time=clock.format_time(meeting.start_time)
                )
            if meeting.venue:
                when = strings.LIST_SEPARATOR.join((when, meeting.venue))
            meetings.append((rtl(meeting.title) + "\n" + rtl(when), meeting.id))
        self.meetings_list.show_lines(meetings, strings.DASHBOARD_NO_MEETINGS)
        self.review_button.setEnabled(bool(dashboard.next_meetings))

        self.status_chart.show_dashboard(dashboard)
        self.completion_chart.show_dashboard(dashboard)
        letters = self._services.letters
        self.letters_line.show_count(letters.awaiting_answer(), letters.answer_days())

    def _show_figures(self, figures: Figures) -> None:
        self.heading.setText(rtl(strings.DASHBOARD_HEADING.format(date=jalali.format_long(figures.today))))
        self.open_card.set_count(figures.still_open)
        self.overdue_card.set_count(figures.overdue)
        self.due_card.set_count(figures.due_soon)
        self.done_card.set_count(figures.done_this_year)
        self.done_card.caption.setText(
            strings.DASHBOARD_DONE.format(year=to_persian_digits(figures.jalali_year))
        )
        self.monthly_line.show_line(figures.monthly, figures.today)

    def _on_changes(self, changes: Changes) -> None:
        # Roles: the guide counts the agencies without a PR manager. Monthly: the line of last
        # month's reports; council: its due day is a council setting.
        if changes.touches("followups", "resolutions", "meetings", "agencies", "roles", "monthly", "council"):
            self._mark_stale()
        if changes.touches("letters", "council"):  # the line of letters awaiting an answer, its days
            self._mark_stale()

    def _mark_stale(self) -> None:
        self._stale = True
        self._reload_timer.start()

    def _reload_if_shown(self) -> None:
        if self._stale and self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._services is not None:
            self.reload()

    # -- links ------------------------------------------------------------------------------

    def _open_figure(self, query: Callable[[Dashboard], ResolutionQuery]) -> None:
        if self.dashboard is not None:  # a first look leads nowhere: the register needs the core
            self._open_register(query(self.dashboard))

    def _open_letters(self) -> None:
        from secretariat.letters.numbering import OUT
        from secretariat.letters.register import LetterQuery

        self.show_letters.emit(LetterQuery(direction=OUT, awaiting_answer=True))

    def _open_monthly(self) -> None:
        if self.dashboard is not None:  # as a figure: the page needs the core
            self.show_monthly.emit(self.dashboard.monthly.month)

    def _open_register(self, query: ResolutionQuery | None) -> None:
        if query is not None:
            self.show_register.emit(query)

    def prepare_review(self) -> bool:
        from ui.resolutions.review_action import prepare_review

        assert self._services is not None, "the button is made with the services"
        meeting_id = prepare_review(self, self._services, self.message)
        if meeting_id is not None:
            self.show_agenda.emit(meeting_id)
        return meeting_id is not None
