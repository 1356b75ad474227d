"""Where a meeting stands on its way from plan to signed minutes, step by step.

The meeting window's first tab shows these steps, so that a secretary who
opens a meeting sees at once what is done and what comes next (the agenda
still empty, attendance not taken, the resolutions not yet communicated to
the agencies responsible, the signed scan not yet attached), each with a
way to the tab where it is done (or, for the communication, to its letters).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from secretariat.meetings.kinds import Attendance, MeetingStatus
from secretariat.meetings.records import MeetingDetail
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits


class StepState(StrEnum):
    DONE = "done"
    NEXT = "next"  # the first step not done: what the secretary does now
    LATER = "later"
    SKIPPED = "skipped"  # of a cancelled meeting


class StepPlace(StrEnum):
    """The tab of the meeting window where the step is done."""

    DETAILS = "details"
    AGENDA = "agenda"
    INVITEES = "invitees"
    ATTENDANCE = "attendance"
    RESOLUTIONS = "resolutions"
    ATTACHMENTS = "attachments"
    # Not a tab: the communication letters' preview, where they are issued (ابلاغ مصوبات).
    COMMUNICATION = "communication"


@dataclass(frozen=True)
class MeetingStep:
    title: str
    state: StepState
    text: str  # what is recorded, or what is still to do
    place: StepPlace


def meeting_steps(detail: MeetingDetail, today: dt.date, communicated: int = 0) -> tuple[MeetingStep, ...]:
    """The steps; ``communicated``: how many letters communicating its resolutions are in force."""
    meeting = detail.meeting
    status = meeting.status
    held = status in (MeetingStatus.HELD, MeetingStatus.FINALIZED)
    n = to_persian_digits
    members = [i for i in detail.invitations if not i.is_guest]
    unknown = sum(1 for i in members if i.attendance is Attendance.UNKNOWN)
    quorum = detail.quorum
    day_come = meeting.date <= today

    attendance_text = (
        f"{n(quorum.present)} از {n(quorum.members)} عضو حاضر"
        + (f"؛ حضور {n(unknown)} دستگاه ثبت نشده است" if unknown else "")
        if held
        else ("روز جلسه رسیده است: حضور و غیاب را ثبت کنید" if day_come else "در روز جلسه ثبت می‌شود")
    )
    finalized_text = (
        f"{jalali.format_short(meeting.finalized_at.date())}، به دست {meeting.finalized_by}"
        if meeting.finalized_at
        else "پس از ثبت کامل حضور و غیاب و مصوبات، صورتجلسه را نهایی کنید"
    )
    resolutions = len(detail.resolutions)
    responsible = {a.agency_id for r in detail.resolutions for a in r.assignments}
    finalized = status is MeetingStatus.FINALIZED
    if communicated:
        communication_text = f"{n(communicated)} نامه ابلاغ به دستگاه‌های مسئول صادر شده است"
    elif finalized and not responsible:
        communication_text = "مصوبه‌ای دستگاه مسئول ندارد؛ ابلاغی لازم نیست"
    elif finalized:
        communication_text = f"نامه ابلاغ مصوبات را برای {n(len(responsible))} دستگاه مسئول صادر کنید"
    else:
        communication_text = "پس از نهایی‌سازی، مصوبات به دستگاه‌های مسئول ابلاغ می‌شود"
    steps = [
        ("برنامه", True, f"{jalali.format_long(meeting.date)}", StepPlace.DETAILS),
        (
            "دستور کار",
            bool(detail.agenda),
            f"{n(len(detail.agenda))} بند" if detail.agenda else "هنوز بندی ندارد",
            StepPlace.AGENDA,
        ),
        (
            "دعوت‌شدگان",
            bool(detail.invitations),
            f"{n(len(members))} دستگاه عضو"
            + (
                f" و {n(len(detail.invitations) - len(members))} مهمان"
                if len(members) < len(detail.invitations)
                else ""
            )
            if detail.invitations
            else "هنوز کسی دعوت نشده است",
            StepPlace.INVITEES,
        ),
        ("حضور و غیاب", held and not unknown, attendance_text, StepPlace.ATTENDANCE),
        (
            "صورتجلسه و مصوبات",
            held and resolutions > 0,
            f"{n(resolutions)} مصوبه" if resolutions else "مصوبات را در زبانه «مصوبات» بنویسید",
            StepPlace.RESOLUTIONS,
        ),
        ("نهایی‌سازی", finalized, finalized_text, StepPlace.DETAILS),
        (
            "ابلاغ مصوبات",
            finalized and (communicated > 0 or not responsible),
            communication_text,
            StepPlace.COMMUNICATION,
        ),
        (
            "نسخه امضاشده",
            meeting.signed,
            "اسکن صورتجلسه امضاشده پیوست شده است"
            if meeting.signed
            else "اسکن صورتجلسه امضاشده را پیوست کنید",
            StepPlace.ATTACHMENTS,
        ),
    ]
    result: list[MeetingStep] = []
    next_found = False
    for title, done, text, place in steps:
        if status is MeetingStatus.CANCELLED and not done:
            state, text = StepState.SKIPPED, "جلسه لغو شده است"
        elif done:
            state = StepState.DONE
        elif not next_found:
            state, next_found = StepState.NEXT, True
        else:
            state = StepState.LATER
        result.append(MeetingStep(title, state, text, place))
    return tuple(result)
