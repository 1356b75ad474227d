"""The dashboard's two charts (Qt Charts): the status of the recent
resolutions, and the completion rate of the agencies with the most of them.

A click on a slice or a bar asks for the register filtered on what it shows
(``clicked`` carries the ``ResolutionQuery``). Numbers are drawn in Persian
digits by the chart's own localisation.
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
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from secretariat.followup.dashboard import AgencyCompletion, Dashboard
from secretariat.followup.status import ResolutionStatus
from secretariat.persian.text import format_int
from ui import strings
from ui.resolutions.register_table_model import STATUS_COLOURS

AGENCY_NAME_CHARACTERS = 34  # longer names are shortened on the axis; the tooltip has them whole
COMPLETION_COLOUR = "#2f7d4f"


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
        self.setMinimumHeight(330)
        # The chart places its legend and axes itself; mirroring the view would
        # only turn its text around.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


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
        if self.series.count() == 0:
            self.chart().setTitle(strings.DASHBOARD_STATUS_CHART + "\n" + strings.DASHBOARD_NO_RECENT)
        else:
            self.chart().setTitle(strings.DASHBOARD_STATUS_CHART)

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

    def show_dashboard(self, dashboard: Dashboard) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        # Best at the top: a horizontal bar chart draws its first category at the bottom.
        self.agencies = tuple(reversed(dashboard.completion))
        bars = QBarSet(strings.DASHBOARD_COMPLETION_SET)
        bars.setColor(QColor(COMPLETION_COLOUR))
        bars.setLabelColor(QColor("#1d2733"))
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
        title = strings.DASHBOARD_COMPLETION_CHART
        chart.setTitle(title if self.agencies else title + "\n" + strings.DASHBOARD_NO_RECENT)

    def click_bar(self, index: int) -> None:
        if 0 <= index < len(self.agencies):
            self.clicked.emit(self.agencies[index].query())


def _short(name: str) -> str:
    if len(name) <= AGENCY_NAME_CHARACTERS:
        return name
    return name[:AGENCY_NAME_CHARACTERS].rsplit(" ", 1)[0] + "…"
