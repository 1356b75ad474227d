"""The dashboard's two charts (Qt Charts): the status of the recent
resolutions, and the completion rate of the agencies with the most of them.

A click on a slice or a bar asks for the register filtered on what it shows
(``clicked`` carries the ``ResolutionQuery``). Numbers are drawn in Persian
digits by the chart's own localisation. A chart with nothing to show draws
no axes: a sentence says why it is empty.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QPieSlice,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QResizeEvent
from PySide6.QtWidgets import QWidget

from secretariat.followup.dashboard import AgencyCompletion, Dashboard
from secretariat.followup.status import ResolutionStatus
from secretariat.persian.text import format_int
from ui import strings
from ui.resolutions.register_table_model import STATUS_COLOURS
from ui.widgets.empty_state import EmptyMessage, EmptyState

AGENCY_NAME_CHARACTERS = 34  # longer names are shortened on the axis; the tooltip has them whole
COMPLETION_COLOUR = "#2f7d4f"
# What the chart needs besides its bars: title, value axis and its title, margins.
CHART_FURNITURE_HEIGHT = 120


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    title_font = QFont(chart.titleFont())
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.setLocalizeNumbers(True)
    chart.setLocale(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    chart.setBackgroundRoundness(6)
    chart.setMargins(QMargins(6, 6, 6, 6))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


class _ChartView(QChartView):
    clicked = Signal(object)  # a ResolutionQuery

    def __init__(self, chart: QChart, parent: QWidget | None = None):
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Low enough that the home page is whole on a 1366×768 screen.
        self.setMinimumHeight(260)
        # The chart places its legend and axes itself; mirroring the view would
        # only turn its text around.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    def _add_empty_state(self) -> None:
        """The sentence shown while ``is_empty``; call once the chart's series are made."""
        message = EmptyMessage(strings.DASHBOARD_NO_RECENT, strings.DASHBOARD_NO_RECENT_HINT)
        self.empty_state = EmptyState(self, message, is_empty=self.is_empty)
        self.empty_state.setLayoutDirection(Qt.LayoutDirection.RightToLeft)

    def is_empty(self) -> bool:
        raise NotImplementedError


class StatusChart(_ChartView):
    """A ring of the recent resolutions by status; a slice opens the register on that status."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(_chart(strings.DASHBOARD_STATUS_CHART), parent)
        self.series = QPieSeries()
        self.series.setHoleSize(0.42)
        self.series.setPieSize(0.78)
        self.chart().addSeries(self.series)
        legend = self.chart().legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._dashboard: Dashboard | None = None
        self._add_empty_state()

    def is_empty(self) -> bool:
        return self.series.count() == 0

    def show_dashboard(self, dashboard: Dashboard) -> None:
        self._dashboard = dashboard
        self.series.clear()
        for status, count in dashboard.recent_status.items():
            if not count:
                continue
            piece = QPieSlice(
                strings.DASHBOARD_SLICE.format(status=status.label, count=format_int(count)), count
            )
            piece.setColor(QColor(STATUS_COLOURS[status]))
            piece.setBorderColor(QColor("white"))
            piece.hovered.connect(lambda on, p=piece: p.setExploded(on))
            piece.clicked.connect(lambda s=status: self._open(s))
            self.series.append(piece)
        self.chart().legend().setVisible(not self.is_empty())
        self.empty_state.refresh()

    def slices(self) -> list[QPieSlice]:
        return list(self.series.slices())

    def click_slice(self, status: ResolutionStatus) -> None:
        """What a click on the status's slice does (for tests and keyboard users)."""
        self._open(status)

    def _open(self, status: ResolutionStatus) -> None:
        if self._dashboard is not None:
            self.clicked.emit(self._dashboard.recent_status_query(status))


class CompletionChart(_ChartView):
    """Horizontal bars: the share of each agency's recent resolutions that are done."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(_chart(strings.DASHBOARD_COMPLETION_CHART), parent)
        self.agencies: tuple[AgencyCompletion, ...] = ()
        self.chart().legend().hide()
        self.series: QHorizontalBarSeries | None = None
        self._dashboard: Dashboard | None = None
        self._add_empty_state()

    def rows_that_fit(self) -> int:
        """How many agencies the chart's height names, each on its own line.

        Qt's category axis silently drops every other name when they do not
        fit (on a 1366×768 screen it named five of ten bars), so the chart
        shows only as many agencies as it can name.
        """
        line = self.fontMetrics().height() + 6
        return max(3, (self.height() - CHART_FURNITURE_HEIGHT) // line)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._dashboard is not None and self._shown(self._dashboard) != self.agencies:
            self.show_dashboard(self._dashboard)

    def _shown(self, dashboard: Dashboard) -> tuple[AgencyCompletion, ...]:
        """The busiest agencies that fit, best rate at the top (drawn last: Qt draws upwards)."""
        busiest = sorted(dashboard.completion, key=lambda agency: -agency.total)[: self.rows_that_fit()]
        kept = {agency.agency_id for agency in busiest}
        return tuple(reversed([agency for agency in dashboard.completion if agency.agency_id in kept]))

    def is_empty(self) -> bool:
        return not self.agencies

    def show_dashboard(self, dashboard: Dashboard) -> None:
        self._dashboard = dashboard
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.agencies = self._shown(dashboard)
        self.empty_state.refresh()
        if not self.agencies:
            self.series = None  # no bars, and no axes around nothing
            return
        bars = QBarSet(strings.DASHBOARD_COMPLETION_SET)
        bars.setColor(QColor(COMPLETION_COLOUR))
        # White on the dark green (dark on it could not be read).
        bars.setLabelColor(QColor("white"))
        label_font = QFont(bars.labelFont())
        label_font.setBold(True)
        bars.setLabelFont(label_font)
        for agency in self.agencies:
            bars.append(round(agency.rate * 100))
        bars.clicked.connect(self.click_bar)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        series.setLabelsFormat("@value٪")
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([_short(agency.name) for agency in self.agencies])
        names.setTruncateLabels(False)
        names.setGridLineVisible(False)
        values = QValueAxis()
        values.setRange(0, 100)
        values.setTickCount(6)
        values.setLabelFormat("%.0f")  # "%d" draws nothing once numbers are localised
        values.setTitleText(strings.DASHBOARD_COMPLETION_AXIS)
        chart.addAxis(names, Qt.AlignmentFlag.AlignRight)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)
        values.setReverse(True)  # right to left: 0 at the right, beside the names
        self.series = series
        # Fewer bars than agencies (a short screen): the title says which are shown.
        hidden = len(dashboard.completion) - len(self.agencies)
        chart.setTitle(
            strings.DASHBOARD_COMPLETION_CHART
            + (
                strings.DASHBOARD_COMPLETION_BUSIEST.format(count=format_int(len(self.agencies)))
                if hidden
                else ""
            )
        )

    def click_bar(self, index: int) -> None:
        if 0 <= index < len(self.agencies):
            self.clicked.emit(self.agencies[index].query())


def _short(name: str) -> str:
    if len(name) <= AGENCY_NAME_CHARACTERS:
        return name
    return name[:AGENCY_NAME_CHARACTERS].rsplit(" ", 1)[0] + "…"
