"""A small council with meetings at each stage, for the meetings' widget tests.

Meetings that are held are dated in 1404 (always past when the tests run);
planned ones in 1420 (always future).
"""

from __future__ import annotations

from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.meetings.attendance import AttendanceEntry
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.meetings.planning import MeetingDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft
from secretariat.members.people import AppointmentDraft, PersonDraft

COUNCIL_NAME = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
CHAIR = "فرماندار شهرستان پردیس"
SECRETARY = "زهرا موسوی"
AGENCIES = (
    "شهرداری پردیس",
    "اداره آموزش و پرورش شهرستان پردیس",
    "اداره بهزیستی شهرستان پردیس",
    "اداره پست پردیس",
    "بانک ملی ایران شعبه پردیس",
)
MANAGERS = {"شهرداری پردیس": "مریم احمدی", "اداره پست پردیس": "علی رضایی"}
HELD_DATE = "1404/02/25"  # a Thursday, in the past
FUTURE_DATE = "1420/01/15"


def make_council(services) -> dict[str, int]:
    """The council (with its chair and secretary) and its agencies; name -> id."""
    services.council.create(CouncilDraft(name=COUNCIL_NAME, city="پردیس", chair=CHAIR, secretary=SECRETARY))
    ids = {name: services.agencies.add(AgencyDraft(name=name)).id for name in AGENCIES}
    for agency, person in MANAGERS.items():
        person_id = services.people.add(PersonDraft(full_name=person)).id
        services.people.appoint(
            AppointmentDraft(agency_id=ids[agency], person_id=person_id, start_date="1400/01/15")
        )
    return ids


def plan(services, date: str = HELD_DATE, **fields):
    return services.meetings.plan(MeetingDraft(date=date, start_time="10:00", **fields)).meeting


def held_meeting(services, agencies: dict[str, int], *, date: str = HELD_DATE):
    """A meeting held: every member present, three agenda items, no resolutions yet."""
    meeting = plan(services, date, host_agency_id=agencies[AGENCIES[0]], venue="سالن اجتماعات")
    for title in ("تشکیل شبکه ارتباط رسانه‌ای", "برنامه‌های هفته روابط عمومی", "گزارش ماهانه دستگاه‌ها"):
        services.agenda.add(meeting.id, AgendaItemDraft(title=title))
    entries = [AttendanceEntry(i.id, "present") for i in services.attendance.invitations(meeting.id)]
    services.attendance.record(meeting.id, entries)
    return services.meetings.get(meeting.id)


def with_resolution(services, meeting_id: int, lead: int, text: str = "مقرر شد گزارش ماهانه ارسال شود."):
    return services.minutes.add_resolution(
        meeting_id, ResolutionDraft(text=text, lead_agency_id=lead, due_next_meeting=True)
    )


def finalized_meeting(services, agencies: dict[str, int]):
    meeting = held_meeting(services, agencies)
    with_resolution(services, meeting.id, agencies[AGENCIES[1]])
    return services.minutes.finalize(meeting.id, by=SECRETARY)
