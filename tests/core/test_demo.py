"""The demo council is realistic and obeys the rules it demonstrates."""

import datetime as dt
import hashlib
import json

import pytest

from db.models import Resolution
from secretariat.cli import main
from secretariat.core import Secretariat
from secretariat.demo.council import AGENCIES, create_demo_database
from secretariat.followup.register import ResolutionQuery
from secretariat.followup.status import FollowUpKind, ResolutionStatus
from secretariat.meetings.kinds import Attendance, MeetingKind, MeetingStatus, Priority
from secretariat.meetings.planning import MeetingQuery
from secretariat.members.agencies import AgencyQuery
from secretariat.members.people import PersonQuery
from secretariat.persian import jalali


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo council's secretariat, built once for the module."""
    secretariat = Secretariat(create_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3"))
    yield secretariat
    secretariat.close()


def test_demo_is_a_county_council_of_about_25_agencies(demo):
    council = demo.council.get()
    assert council.is_demo and "پردیس" in council.name
    agencies = demo.agencies
    assert 20 <= agencies.count(AgencyQuery()) <= 30
    assert agencies.count(AgencyQuery(include_inactive=True)) == len(AGENCIES)


def test_every_active_agency_has_a_current_pr_manager(demo):
    rows = demo.agencies.page(AgencyQuery(), limit=None)
    assert all(row.pr_manager for row in rows)


def test_names_typed_with_arabic_letters_are_stored_in_persian(demo):
    typed_arabic = [a for a in AGENCIES if any("ي" in m[0] or "ك" in m[0] for m in a.managers)]
    assert typed_arabic, "the demo should show names typed with Arabic ي/ك"
    people = demo.people.page(PersonQuery(), limit=None)
    assert not any("ي" in p.full_name or "ك" in p.full_name for p in people)
    # ...and found when searched the way they were typed.
    assert demo.people.count(PersonQuery(search="علي اكبر كريمي")) == 1


def test_manager_changes_are_kept_as_history(demo):
    agencies = demo.agencies
    agency = agencies.find_by_name("اداره آموزش و پرورش شهرستان پردیس")
    history = demo.people.history(agency.id)
    managers = [rep for rep in history if rep.role.value == "pr_manager"]
    assert [rep.is_current for rep in managers] == [True, False]
    assert managers[1].end_date == managers[0].start_date
    assert all(rep.decrees for rep in managers)


# -- the meetings -------------------------------------------------------------------


@pytest.fixture(scope="module")
def meetings(demo):
    service = demo.meetings
    rows = service.page(MeetingQuery(newest_first=False), limit=None)
    return [service.detail(row.id) for row in rows]


def held(meetings):
    return [d for d in meetings if d.meeting.status in (MeetingStatus.HELD, MeetingStatus.FINALIZED)]


def test_a_year_and_a_half_of_meetings_ending_around_today(meetings):
    today = dt.date.today()
    dates = [d.meeting.date for d in meetings]
    assert dates == sorted(dates)
    assert 450 <= (today - dates[0]).days <= 600
    past = [d for d in held(meetings)]
    assert 0 < (today - past[-1].meeting.date).days <= 60
    planned = [d for d in meetings if d.meeting.status is MeetingStatus.PLANNED]
    assert 1 <= len(planned) <= 2
    assert all(0 < (d.meeting.date - today).days <= 60 for d in planned)


def test_every_kind_of_meeting_and_occasion_is_there(meetings):
    kinds = {d.meeting.kind for d in meetings}
    assert kinds == set(MeetingKind)
    regular = [d for d in held(meetings) if d.meeting.kind is MeetingKind.REGULAR]
    assert len(regular) >= 5
    # Quarterly: never more than about four months between regular meetings.
    gaps = [(b.meeting.date - a.meeting.date).days for a, b in zip(regular, regular[1:], strict=False)]
    assert max(gaps) <= 130
    assert [d.meeting.title for d in held(meetings) if d.meeting.kind is MeetingKind.GENERAL_ASSEMBLY] == [
        "نخستین جلسه مجمع عمومی"
    ]
    assert len([d for d in held(meetings) if d.meeting.kind is MeetingKind.EXTRAORDINARY]) == 1
    [gathering] = [d.meeting for d in meetings if d.meeting.occasion == "همایش سالانه روابط عمومی‌ها"]
    assert gathering.status is MeetingStatus.FINALIZED


def test_meetings_rotate_between_member_agencies_halls(meetings):
    live = [d.meeting for d in meetings if d.meeting.status is not MeetingStatus.CANCELLED]
    assert all(m.venue and m.host_agency_id for m in live)
    assert all(a.host_agency_id != b.host_agency_id for a, b in zip(live, live[1:], strict=False))
    assert len({m.host_agency_id for m in live}) >= 7


def test_numbering_follows_the_dates(meetings):
    for kind in MeetingKind:
        series = [d.meeting for d in meetings if d.meeting.kind.series == kind.series]
        numbered = [m for m in series if m.status is not MeetingStatus.CANCELLED]
        assert [m.number for m in numbered] == list(range(1, len(numbered) + 1))
    assert [d.meeting.title for d in held(meetings) if d.meeting.kind.series == "council"][-2:] == [
        "هفتمین جلسه",
        "هشتمین جلسه",
    ]


def test_a_postponed_and_a_cancelled_meeting_keep_their_reasons(meetings):
    [postponed] = [d.meeting for d in meetings if d.meeting.postponements]
    [move] = postponed.postponements
    assert move.reason and move.to_date == postponed.date and move.from_date < move.to_date
    assert move.recorded_at.date() < move.from_date
    [cancelled] = [d.meeting for d in meetings if d.meeting.status is MeetingStatus.CANCELLED]
    assert cancelled.cancel_reason and cancelled.number is None


def test_past_minutes_are_finalized_but_the_latest(meetings):
    past = held(meetings)
    assert [d.meeting.status for d in past[:-1]] == [MeetingStatus.FINALIZED] * (len(past) - 1)
    latest = past[-1]
    assert latest.meeting.status is MeetingStatus.HELD and latest.meeting.editable
    assert latest.resolutions and any(not item.summary for item in latest.agenda)
    for detail in past[:-1]:
        assert detail.meeting.finalized_by == "زهرا موسوی"
        assert (
            detail.meeting.date
            < detail.meeting.finalized_at.date()
            <= detail.meeting.date + dt.timedelta(days=14)
        )
        assert all(item.summary for item in detail.agenda if not item.reviews_open_resolutions)


def test_resolutions_are_those_of_real_minutes(meetings):
    past = held(meetings)
    for detail in past[:-1]:
        assert 3 <= len(detail.resolutions) <= 8
    resolutions = [r for d in past for r in d.resolutions]
    assert all(r.text.startswith("مقرر شد ") for r in resolutions)
    assert all(r.lead is not None for r in resolutions)
    assert any(r.collaborators for r in resolutions)
    assert any(r.due_next_meeting for r in resolutions) and any(r.due_date for r in resolutions)
    assert {r.priority for r in resolutions} == set(Priority)
    for detail in past:
        assert all(r.due_date is None or r.due_date >= detail.meeting.date for r in detail.resolutions)
        assert all(r.agenda_item_id in {item.id for item in detail.agenda} for r in detail.resolutions)
    codes = [r.code for r in resolutions]
    assert len(set(codes)) == len(codes)
    text = " ".join(r.text for r in resolutions)
    for subject in (
        "دوره",
        "گزارش ماهانه",
        "شبکه ارتباط رسانه‌ای",
        "پورتال",
        "جهاد تبیین",
        "همایش سالانه",
        "ارزیابی عملکرد",
    ):
        assert subject in text


def test_one_resolution_was_amended_after_finalizing(meetings):
    amendments = [a for d in meetings for a in d.amendments]
    [amendment] = amendments
    assert amendment.field == "due_date" and amendment.reason and amendment.author
    [resolution] = [r for d in meetings for r in d.resolutions if r.id == amendment.resolution_id]
    assert jalali.format_short(resolution.due_date, persian_digits=False) == amendment.amended


def test_attendance_has_absences_excuses_late_comers_and_substitutes(meetings):
    for detail in held(meetings):
        assert detail.quorum.met
        assert all(i.attendance is not Attendance.UNKNOWN for i in detail.invitations)
        assert all(i.excuse for i in detail.invitations if i.attendance is Attendance.EXCUSED)
        assert all(
            i.attendee_name for i in detail.invitations if i.attendance.counts_as_present and not i.is_guest
        )
    invitations = [i for d in held(meetings) for i in d.invitations]
    for attendance in (Attendance.ABSENT, Attendance.EXCUSED, Attendance.LATE):
        assert any(i.attendance is attendance for i in invitations)
    assert any(i.is_guest for i in invitations)
    assert any("کارشناس" in i.attendee_name for i in invitations)  # a substitute, named as typed


def test_an_agency_that_left_attended_earlier_meetings_and_is_not_invited_since(demo, meetings):
    post = demo.agencies.find_by_name("اداره پست شهرستان پردیس")
    invited = [any(i.agency_id == post.id for i in d.invitations) for d in meetings]
    assert invited[0] and not invited[-1]
    assert invited == sorted(invited, reverse=True)


def test_the_signed_scan_is_a_real_pdf(demo, meetings):
    [signed] = [d for d in meetings if d.meeting.signed]
    assert signed.meeting.status is MeetingStatus.FINALIZED
    [scan] = signed.attachments
    assert scan.is_signed_minutes and scan.media_type == "application/pdf"
    data = demo.attachments.content(scan.id)
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-16:]
    assert hashlib.sha256(data).hexdigest() == scan.sha256
    assert signed.meeting.finalized_at < signed.meeting.signed_at


def test_the_command_line_reads_the_demo(demo, meetings, capsys):
    [signed] = [d.meeting for d in meetings if d.meeting.signed]
    [gathering] = [d.meeting for d in meetings if d.meeting.occasion]
    capsys.readouterr()
    year = str(jalali.jalali_year(signed.date))
    assert main(["--db", str(demo.database.path), "meetings", "list", "--json", "--year", year]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["title"] for r in rows if r["signed"]] == ["هفتمین جلسه"]
    assert main(["--db", str(demo.database.path), "meetings", "show", str(gathering.id)]) == 0
    assert "مناسبت: همایش سالانه روابط عمومی‌ها" in capsys.readouterr().out


# -- the follow-up of the resolutions --------------------------------------------------


@pytest.fixture(scope="module")
def register(demo):
    return demo.register.page(ResolutionQuery(descending=False), limit=None)


def test_resolutions_are_done_on_time_late_overdue_cancelled_and_deferred(demo, register):
    statuses = {row.status for row in register}
    assert statuses == set(ResolutionStatus)
    with demo.database.reading() as session:
        closed = {
            r.id: r for r in session.query(Resolution).filter(Resolution.status.in_(["done", "cancelled"]))
        }
    done = [closed[row.id] for row in register if row.status is ResolutionStatus.DONE]
    assert all(r.completion_evidence and r.closed_on for r in done)
    dated = [r for r in done if r.due_date is not None]
    assert any(r.closed_on <= r.due_date for r in dated) and any(r.closed_on > r.due_date for r in dated)
    assert any("فهرست شرکت‌کنندگان" in r.completion_evidence for r in done)
    [cancelled] = [closed[row.id] for row in register if row.status is ResolutionStatus.CANCELLED]
    assert cancelled.status_note and cancelled.closed_on <= dt.date.today()
    overdue = [row for row in register if row.overdue]
    assert 2 <= len(overdue) < len(register) // 4
    assert len({row.lead_agency_id for row in overdue}) >= 2
    [deferred] = [row for row in register if row.status is ResolutionStatus.DEFERRED]
    detail = demo.meetings
    with demo.database.reading() as session:
        target = session.get(Resolution, deferred.id).deferred_to_meeting_id
    assert detail.detail(target).meeting.status is MeetingStatus.PLANNED


def test_overdue_resolutions_have_partial_progress(demo, register):
    service = demo.followup
    for row in (row for row in register if row.overdue):
        progress = [entry.progress for entry in service.log(row.id) if entry.progress is not None]
        assert progress and 0 < progress[-1] < 100


def test_every_kind_of_follow_up_dated_between_its_meeting_and_today(demo, register):
    service = demo.followup
    today = dt.date.today()
    entries = []
    for row in register:
        log = service.log(row.id)
        assert all(row.meeting_date <= entry.date <= today for entry in log)
        assert [e.date for e in log] == sorted(e.date for e in log)
        # Backdated, not "now": recorded on its day, a correction on the day it was corrected.
        for entry in log:
            assert entry.recorded_at.date() == entry.date or entry.corrects_id is not None
            assert entry.date <= entry.recorded_at.date() < today
        assert all(entry.note and entry.recorded_by for entry in log)
        entries += log
    assert len(entries) >= 60
    assert {entry.kind for entry in entries} == set(FollowUpKind)
    assert any(e.progress is not None for e in entries) and any(e.progress is None for e in entries)
    with demo.database.reading() as session:
        closed = session.query(Resolution).filter(Resolution.closed_on.is_not(None)).all()
        assert all(r.meeting.date <= r.closed_on <= today for r in closed)


def test_one_entry_was_corrected_and_one_voided_with_who_when_and_why(demo, register):
    service = demo.followup
    taken_back = [entry for row in register for entry in service.log(row.id) if not entry.in_force]
    [corrected] = [entry for entry in taken_back if not entry.withdrawal.voided]
    [voided] = [entry for entry in taken_back if entry.withdrawal.voided]
    for entry in (corrected, voided):
        assert entry.withdrawal.reason and entry.withdrawal.by
        assert entry.recorded_at < entry.withdrawal.at < dt.datetime.now()
    correction = next(
        entry
        for row in register
        for entry in service.log(row.id)
        if entry.id == corrected.withdrawal.replacement_id
    )
    assert correction.corrects_id == corrected.id and correction.in_force
    assert (correction.date, correction.note) == (corrected.date, corrected.note)
    assert correction.progress != corrected.progress


def test_one_deadline_was_moved_with_its_reason(demo, register):
    service = demo.followup
    changed = [(row, service.deadline_history(row.id)) for row in register]
    [(row, [change])] = [(row, history) for row, history in changed if history]
    assert change.reason and change.changed_by and change.new_due == row.due_date
    assert change.previous_due < change.new_due
    assert row.meeting_date <= change.changed_at.date() <= dt.date.today()
    assert not row.overdue and row.status.value == "in_progress"


def test_some_follow_ups_keep_their_scanned_letter_or_report(demo, register, meetings):
    service = demo.followup
    kept = [entry for row in register for entry in service.log(row.id) if entry.has_document]
    assert len(kept) >= 3 and {entry.kind for entry in kept} == {
        FollowUpKind.LETTER,
        FollowUpKind.AGENCY_REPORT,
    }
    for entry in kept:
        document = service.document(entry.id)
        assert document.filename == entry.document_name and document.media_type == "application/pdf"
        assert document.data.startswith(b"%PDF-")
    # They stay with the follow-up, not among the meetings' own files.
    assert all(a.kind != "followup_document" for d in meetings for a in d.attachments)
