"""Laying a report out without ever failing for want of room.

Tables split inside a row (``splitting_table``) and paragraphs between
lines, so text of any length prints. What is left is the last resort, for
a flowable taller than a whole page that cannot split itself:
``UnfailingDocTemplate`` makes a plain reportlab table (a letter's
signature block) split inside its rows as ours do, and prints anything
else (a drawing) in slices a page tall, each clipped to its page, instead
of stopping.

Should the layout fail even so, ``reported_layout_failure`` turns
reportlab's ``LayoutError`` (English, with a traceback) into a
``ReportLayoutError``: a Persian message for the person at the keyboard,
which the command line and the window show as any other refusal, and an
entry in the reports' log with reportlab's own words, for whoever fixes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reportlab.platypus import BaseDocTemplate, Flowable, Table
from reportlab.platypus.doctemplate import LayoutError

from secretariat import paths
from secretariat.errors import DomainError
from secretariat.reports import wording
from secretariat.reports.splitting_table import SplittingTable

LOG_NAME = "report-errors.log"
_EPSILON = 1e-6


class ReportLayoutError(DomainError):
    """The report could not be laid out on its pages; nothing was written."""


@contextmanager
def reported_layout_failure(title: str) -> Iterator[None]:
    """Run a layout; a ``LayoutError`` in it is logged and raised as ``ReportLayoutError``."""
    try:
        yield
    except LayoutError as error:
        log = _log(title, error)
        where = f"«{log}»" if log is not None else wording.LAYOUT_FAILED_UNLOGGED
        raise ReportLayoutError(wording.LAYOUT_FAILED.format(log=where)) from error


def _log(title: str, error: LayoutError) -> Path | None:
    """Append what reportlab said to the reports' log in the data folder; where it went, or None."""
    entry = f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S} {title}\n{type(error).__name__}: {error}\n"
    try:
        path = paths.data_folder() / "logs" / LOG_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8", errors="backslashreplace") as log:
            log.write(entry)
    except OSError:
        return None
    return path


class UnfailingDocTemplate(BaseDocTemplate):
    """A ``BaseDocTemplate`` that slices a flowable no page can hold, as the last resort.

    platypus moves a flowable that neither fits nor splits to the next
    frame once (marking it ``_postponed``), and stops with a ``LayoutError``
    if it fails there too. Before that second try, a flowable taller than
    the fresh frame that will not split is replaced by its slices.
    """

    def filterFlowables(self, flowables: list[Flowable]) -> None:  # platypus names it
        super().filterFlowables(flowables)
        flowable = flowables[0] if flowables else None
        if flowable is None or not getattr(flowable, "_postponed", False):
            return
        frame = self.frame
        room = frame._y - frame._y1p  # the whole frame: platypus moved on to a fresh one
        _width, height = flowable.wrapOn(self.canv, frame._aW, room)
        if height <= room + _EPSILON:
            return
        if type(flowable) is Table:
            # A plain table (a letter's signature block) splits inside its tall row as
            # ours do: the class adds behaviour and no state, and its parts keep it.
            flowable.__class__ = SplittingTable
        if not frame.split(flowable, self.canv):
            flowables[0:1] = slices(flowable, frame._aW, height, room)


def slices(flowable: Flowable, width: float, height: float, page: float) -> list[Flowable]:
    """``flowable`` (``height`` tall at ``width``) as slices at most ``page`` tall, top first."""
    count = int(-(-height // page))  # rounded up
    return [_Slice(flowable, width, height, top=index * page, page=page) for index in range(count)]


class _Slice(Flowable):
    """A band of a flowable: ``page`` points of it from ``top`` down, clipped to the band."""

    def __init__(self, flowable: Flowable, width: float, height: float, *, top: float, page: float):
        super().__init__()
        self.flowable = flowable
        self.whole_width = width
        self.whole_height = height
        self.top = top
        self.width = width
        self.height = min(page, height - top)
        self.hAlign = getattr(flowable, "hAlign", "CENTER")

    def __repr__(self) -> str:
        return f"_Slice({self.flowable!r}, top={self.top:.0f})"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # platypus names them
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(0, 0, self.width, self.height)
        canvas.clipPath(path, stroke=0, fill=0)
        self.flowable.wrapOn(canvas, self.whole_width, self.whole_height)
        # The flowable's top is ``top`` points above this band's top.
        self.flowable.drawOn(canvas, 0, self.height + self.top - self.whole_height)
        canvas.restoreState()
