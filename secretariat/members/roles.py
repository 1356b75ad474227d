"""The roles a person holds at a member agency, and who held the PR manager's role on a day."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import ColumnElement, Subquery, and_, case, func, or_, select

from db.models import Representation


class Role(StrEnum):
    PR_MANAGER = "pr_manager"
    DEPUTY = "deputy"
    EXPERT = "expert"

    @property
    def label(self) -> str:
        return {
            "pr_manager": "مدیر روابط عمومی",
            "deputy": "معاون روابط عمومی",
            "expert": "کارشناس روابط عمومی",
        }[self.value]

    @property
    def single_holder(self) -> bool:
        """An agency has one PR manager at a time; a new one ends the old term."""
        return self is Role.PR_MANAGER


def pr_manager_terms(on: dt.date | None = None) -> Subquery:
    """Each agency's PR manager on day ``on`` (default: the current one), as a SQL
    subquery with one row per agency: ``agency_id``, ``person_id``, ``representation_id``.

    The one rule for "the PR manager of an agency on a day", used by the
    agency list, the people service, attendance and the printed minutes:
    the term that covers the day; on the day of a change (the old term ends
    the day the new one starts) the one who starts that day; and when the
    register has nobody for that day (a meeting recorded before the first
    appointment was entered), the current holder. With no day, the current
    holder: the term not yet ended. An agency with nobody has no row, so
    join it with an outer join.
    """
    not_ended = Representation.end_date.is_(None)
    covers: ColumnElement[bool]
    if on is None:
        covers = not_ended
    else:
        covers = and_(Representation.start_date <= on, or_(not_ended, Representation.end_date >= on))
    rank = func.row_number().over(
        partition_by=Representation.agency_id,
        order_by=(case((covers, 0), else_=1), Representation.start_date.desc(), Representation.id.desc()),
    )
    ranked = (
        select(
            Representation.agency_id,
            Representation.person_id,
            Representation.id.label("representation_id"),
            rank.label("rank"),
        )
        .where(Representation.role == Role.PR_MANAGER.value, or_(covers, not_ended))
        .subquery("ranked_pr_managers")
    )
    return (
        select(ranked.c.agency_id, ranked.c.person_id, ranked.c.representation_id)
        .where(ranked.c.rank == 1)
        .subquery("pr_manager")
    )
