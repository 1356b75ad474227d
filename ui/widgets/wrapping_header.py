"""A table's column titles on as many lines as they need within their columns' widths.

A table whose columns are named by the user (the evaluation's criteria:
«محتوای تولیدشده برای فضای مجازی») cannot give each the width of its title;
cut, the titles no longer say which column is which. This header wraps each
title at its words and is as tall as its tallest title (up to ``MAX_LINES``).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

MAX_LINES = 4
_WRAP = Qt.TextFlag.TextWordWrap
# The titles centred and wrapped (``configure_table`` sets its own alignment: set this after it).
WRAPPED_CENTRE = Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag(_WRAP.value)


class WrappingHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(WRAPPED_CENTRE)
        self.sectionResized.connect(lambda *_: self.fit_height())

    def fit_height(self) -> None:
        """As tall as the titles need at the widths the columns have now."""
        model = self.model()
        if model is not None and model.columnCount():
            self.headerDataChanged(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        model = self.model()
        if model is None:
            return size
        title = str(model.headerData(logicalIndex, Qt.Orientation.Horizontal) or "")
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, self)
        width = max(self.sectionSize(logicalIndex) - 2 * margin, 1)
        metrics = self.fontMetrics()
        needed = metrics.boundingRect(
            QRect(0, 0, width, metrics.lineSpacing() * MAX_LINES), _WRAP.value, title
        )
        height = min(needed.height(), metrics.lineSpacing() * MAX_LINES) + 2 * margin + 4
        return QSize(size.width(), max(size.height(), height))
