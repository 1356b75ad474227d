"""Correcting and voiding a follow-up entry: nothing deleted, the entry taken back no longer counts."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.followup.corrections import (
    ALREADY_CORRECTED,
    ALREADY_VOIDED,
    NOTHING_CHANGED,
    CorrectionDraft,
)
from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.followup.status import FollowUpKind, ResolutionStatus
from secretariat.persian import jalali
from secretariat.reports.followup_letter import gather_followup_letter
from tests.support import files
from tests.support.meetings import Council, unchanged

SECRETARY = "زهرا موسوی"


@pytest.fixture
def council(secretariat):
    return Council(secretariat)


@pytest.fixture
def world(council, secretariat):
    """A held meeting of 1404 with a resolution of the press office, due long ago."""
    press = council.agency("اداره کل فرهنگ و ارشاد اسلامی")
    meeting = council.plan("1404/02/10")
    council.hold(meeting.id)
    training = council.resolve(
        meeting.id, "مقرر شد دوره آموزشی خبرنویسی برگزار شود.", press, due_date="1404/03/31"
    )
    return {"press": press, "training": training.id, "followup": secretariat.followup, "core": secretariat}


def add(world, date: str, progress: str = "", note: str = "نامه شماره ۱۲", **fields):
    draft = FollowUpDraft(date=date, note=note, progress=progress, recorded_by=SECRETARY, **fields)
    return world["followup"].add(world["training"], draft)


def fix(entry, *, reason: str = "درصد اشتباه تایپ شد.", by: str = SECRETARY, **changes) -> CorrectionDraft:
    """The entry as it should have been: its own values, with ``changes``."""
    values = {
        "date": jalali.format_short(entry.date, persian_digits=False),
        "kind": entry.kind.value,
        "note": entry.note,
        "progress": "" if entry.progress is None else str(entry.progress),
    }
    return CorrectionDraft(**{**values, **changes}, reason=reason, recorded_by=by)


def status(world) -> ResolutionStatus:
    return world["followup"].state(world["training"]).status


def test_a_corrected_entry_stays_in_the_log_and_its_correction_counts_instead(world):
    followup = world["followup"]
    first = add(world, "1404/03/01", "20")
    wrong = add(world, "1404/03/10", "۸۰")
    correction = followup.correct(wrong.id, fix(wrong, progress="۸"))

    assert correction.progress == 8 and correction.corrects_id == wrong.id
    assert correction.corrects_date == wrong.date and correction.recorded_by == SECRETARY
    log = followup.log(world["training"])
    assert [(e.id, e.progress, e.in_force) for e in log] == [
        (first.id, 20, True),
        (wrong.id, 80, False),
        (correction.id, 8, True),
    ]
    taken_back = log[1].withdrawal
    assert taken_back.replacement_id == correction.id and not taken_back.voided
    assert (taken_back.reason, taken_back.by) == ("درصد اشتباه تایپ شد.", SECRETARY)
    today = jalali.format_short(dt.date.today())
    assert taken_back.note == f"اصلاح‌شده در {today} توسط {SECRETARY}؛ دلیل: درصد اشتباه تایپ شد."

    # What the printed papers present as current: the correction, never the entry it replaced.
    [letter_row] = gather_followup_letter(world["core"], world["press"]).resolutions
    assert letter_row.last_followup.id == correction.id
    [history] = world["core"].register.histories(1404)
    assert history.last_progress == 8
    assert [entry.progress for entry in history.followups] == [20, 8]


def test_the_last_entry_corrected_to_an_earlier_day_is_no_longer_the_last_follow_up(world):
    followup = world["followup"]
    earlier = add(world, "1404/03/05", note="تماس تلفنی")
    mistaken = add(world, "1404/03/20", "50", note="گزارش دستگاه")
    correction = followup.correct(mistaken.id, fix(mistaken, date="1404/03/01", reason="تاریخ اشتباه بود."))

    # The log in the order of the days followed up: the correction at its own day, the original kept in place.
    assert [e.id for e in followup.log(world["training"])] == [correction.id, earlier.id, mistaken.id]
    [letter_row] = gather_followup_letter(world["core"], world["press"]).resolutions
    assert letter_row.last_followup.id == earlier.id


def test_a_voided_entry_no_longer_counts_and_the_work_it_started_has_not_started(world):
    followup = world["followup"]
    entry = add(world, "1404/03/01", "40")
    assert status(world) is ResolutionStatus.IN_PROGRESS

    voided = followup.void(entry.id, reason="برای مصوبه دیگری بود.", by=SECRETARY)

    assert voided.id == entry.id and voided.progress == 40 and voided.withdrawal.voided
    assert (
        voided.withdrawal.note.startswith("باطل‌شده در ")
        and "؛ دلیل: برای مصوبه دیگری بود." in voided.withdrawal.note
    )
    assert [e.id for e in followup.log(world["training"])] == [entry.id]  # nothing deleted
    assert status(world) is ResolutionStatus.OPEN
    [letter_row] = gather_followup_letter(world["core"], world["press"]).resolutions
    assert letter_row.last_followup is None
    [history] = world["core"].register.histories(1404)
    assert history.followups == () and history.last_progress is None


def test_a_correction_that_reports_progress_starts_the_work_and_one_that_drops_it_stops_it(world):
    followup = world["followup"]
    call = add(world, "1404/03/01", note="تماس تلفنی")
    assert status(world) is ResolutionStatus.OPEN
    reported = followup.correct(call.id, fix(call, progress="30", reason="پیشرفت گزارش شده بود."))
    assert status(world) is ResolutionStatus.IN_PROGRESS
    followup.correct(reported.id, fix(reported, progress="", reason="پیشرفت را دستگاه دیگری گفته بود."))
    assert status(world) is ResolutionStatus.OPEN


def test_an_entry_is_taken_back_once_its_correction_can_be_corrected_again(world, database):
    followup = world["followup"]
    entry = add(world, "1404/03/01", "60")
    correction = followup.correct(entry.id, fix(entry, progress="6"))
    with unchanged(database):
        with pytest.raises(DomainError, match=ALREADY_CORRECTED):
            followup.correct(entry.id, fix(entry, progress="16"))
        with pytest.raises(DomainError, match=ALREADY_CORRECTED):
            followup.void(entry.id, reason="دوباره", by=SECRETARY)
    second = followup.correct(correction.id, fix(correction, progress="16", reason="باز هم اشتباه بود."))
    assert [(e.progress, e.in_force) for e in followup.log(world["training"])] == [
        (60, False),
        (6, False),
        (16, True),
    ]
    followup.void(second.id, reason="این گزارش نرسیده بود.", by=SECRETARY)
    with unchanged(database):
        with pytest.raises(DomainError, match=ALREADY_VOIDED):
            followup.void(second.id, reason="دوباره", by=SECRETARY)
        with pytest.raises(DomainError, match=ALREADY_VOIDED):
            followup.correct(second.id, fix(second, progress="26"))
    assert status(world) is ResolutionStatus.OPEN  # no entry in force reports progress


def test_the_reason_and_who_are_required_beside_their_fields_and_nothing_is_written(world, database):
    followup = world["followup"]
    entry = add(world, "1404/03/01", "60")
    with unchanged(database):
        with pytest.raises(ValidationError) as refused:
            followup.correct(entry.id, fix(entry, progress="6", reason="  ", by=""))
        assert refused.value.errors == {
            "recorded_by": "نام ثبت‌کننده را بنویسید.",
            "reason": "دلیل اصلاح را بنویسید.",
        }
        with pytest.raises(ValidationError) as refused:
            followup.void(entry.id, reason="\u200c", by="")
        assert refused.value.errors == {"reason": "دلیل ابطال را بنویسید.", "by": "نام ثبت‌کننده را بنویسید."}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": "1404/02/01"}, "date"),  # before the meeting
        ({"date": "1420/01/01"}, "date"),  # in the future
        ({"progress": "120"}, "progress"),
        ({"kind": "fax"}, "kind"),
    ],
)
def test_a_correction_is_held_to_the_rules_of_an_entry(world, database, changes, field):
    entry = add(world, "1404/03/01", "60")
    with unchanged(database), pytest.raises(ValidationError) as refused:
        world["followup"].correct(entry.id, fix(entry, **changes))
    assert field in refused.value.errors


def test_a_correction_that_changes_nothing_or_of_no_entry_is_refused(world, database):
    followup = world["followup"]
    entry = add(world, "1404/03/01", "60")
    with unchanged(database):
        with pytest.raises(DomainError, match=NOTHING_CHANGED):
            followup.correct(entry.id, fix(entry))
        with pytest.raises(NotFoundError):
            followup.correct(entry.id + 100, fix(entry, progress="6"))
        with pytest.raises(NotFoundError):
            followup.void(entry.id + 100, reason="اشتباه", by=SECRETARY)


def test_a_closed_resolutions_entry_is_corrected_and_its_status_stays(world):
    # Fixing the record is not new work: no reopening asked, the evidence and the day kept.
    followup = world["followup"]
    entry = add(world, "1404/03/01", "90")
    followup.mark_done(world["training"], evidence="گزارش شماره ۵", on="1404/03/20")
    correction = followup.correct(entry.id, fix(entry, progress="100", kind=FollowUpKind.AGENCY_REPORT.value))
    followup.void(correction.id, reason="گزارش پایانی جداگانه ثبت شده بود.", by=SECRETARY)
    state = followup.state(world["training"])
    assert state.status is ResolutionStatus.DONE and state.completion_evidence == "گزارش شماره ۵"
    assert state.closed_on == jalali.parse("1404/03/20")


def test_the_correction_keeps_the_entrys_document(world, tmp_path):
    followup = world["followup"]
    scan = tmp_path / "نامه ۱۲.pdf"
    scan.write_bytes(files.pdf("نامه شماره ۱۲"))
    entry = add(world, "1404/03/01", "60", document=scan)
    correction = followup.correct(entry.id, fix(entry, progress="6"))
    assert correction.attachment_id == entry.attachment_id and correction.document_name == "نامه ۱۲.pdf"
    assert followup.document(correction.id).data == scan.read_bytes()
