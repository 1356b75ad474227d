"""An entry of the trail reads as a person reads the records: Persian field names, Jalali dates,
Persian digits, the labels of statuses, and one short line of what changed."""

import datetime as dt

from secretariat import clock
from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.office.accounts import UserDraft
from secretariat.office.audit import AuditRow
from secretariat.office.audit_text import EMPTY, change_lines, shown_value, summary, when
from secretariat.persian import jalali
from tests.support.meetings import Council


def entry(action: str, kind: str, changes: dict) -> AuditRow:
    return AuditRow(
        id=1,
        at=dt.datetime(2025, 5, 17, 14, 5),
        username="ali",
        user_name="علی رضایی",
        action=action,
        kind=kind,
        record="1",
        about_kind=kind,
        about="1",
        changes=changes,
    )


def test_values_read_in_persian_with_jalali_dates_and_labels():
    assert shown_value("resolution", "due_date", "2025-05-22") == "۱۴۰۴/۰۳/۰۱"
    assert shown_value("meeting", "finalized_at", "2025-05-17T14:05:00") == "۱۴۰۴/۰۲/۲۷ ۱۴:۰۵"
    assert shown_value("meeting", "start_time", "09:30:00") == "۰۹:۳۰"
    assert shown_value("meeting", "status", "finalized") == "صورتجلسه نهایی"
    assert shown_value("resolution", "status", "in_progress") == "در حال اجرا"
    assert shown_value("user_account", "role", "expert") == "کارشناس"
    assert shown_value("follow_up", "progress", 60) == "۶۰٪"
    assert shown_value("agency", "active", False) == "خیر"
    assert shown_value("agency", "email", "pr@example.ir") == "pr@example.ir"  # Latin by nature
    assert shown_value("meeting", "host_agency_id", 12) == "شناسه ۱۲"
    assert shown_value("resolution", "note", None) == shown_value("resolution", "note", "") == EMPTY
    # A resolution's code looks like a date and is not one.
    assert shown_value("resolution", "code", "1404-07-03") == "۱۴۰۴-۰۷-۰۳"


def test_a_change_reads_field_by_field_with_the_values_before_and_after():
    changes = {"due_date": ["2025-05-22", "2025-06-21"], "status": ["open", "done"]}
    row = entry("change", "resolution", changes)
    lines = change_lines(row)
    assert [(line.label, line.before, line.after) for line in lines] == [
        ("وضعیت", "باز", "انجام‌شده"),
        ("مهلت", "۱۴۰۴/۰۳/۰۱", "۱۴۰۴/۰۳/۳۱"),
    ]
    assert all(line.changed for line in lines)
    assert summary(row) == "وضعیت: از باز به انجام‌شده؛ مهلت: از ۱۴۰۴/۰۳/۰۱ به ۱۴۰۴/۰۳/۳۱"
    assert when(row.at) == "۱۴۰۴/۰۲/۲۷ ۱۴:۰۵"


def test_a_creation_reads_as_what_the_record_is_called_and_a_deadline_moved_as_a_change():
    created = entry("create", "resolution", {"text": "مقرر شد خبرنامه ماهانه منتشر شود", "number": 3})
    assert summary(created) == "«مقرر شد خبرنامه ماهانه منتشر شود»"
    assert not any(line.changed for line in change_lines(created))
    moved = entry(
        "create",
        "deadline_change",
        {"previous_due": "2025-05-22", "new_due": "2025-06-21", "reason": "درخواست دستگاه"},
    )
    assert summary(moved) == "مهلت: از ۱۴۰۴/۰۳/۰۱ به ۱۴۰۴/۰۳/۳۱؛ دلیل: درخواست دستگاه"
    long = entry("create", "resolution", {"text": "مقرر شد " + "گزارش " * 40})
    assert len(summary(long)) <= 62 and summary(long).endswith("…»")


def test_the_trail_of_real_saves_reads_by_name_oldest_first_in_history(secretariat, monkeypatch):
    council = Council(secretariat)
    secretariat.users.add(UserDraft("zahra", "زهرا موسوی", "secretary", "secret-12"))
    bank = council.agency("بانک ملی")
    meeting = council.plan("1404/02/10", host_agency_id=bank)
    council.hold(meeting.id)
    resolution = council.resolve(meeting.id, "مقرر شد خبرنامه منتشر شود", bank, due_date="1404/03/01")
    secretariat.followup.add(resolution.id, FollowUpDraft(date="1404/02/20", kind="phone", progress="۴۰"))
    secretariat.agencies.update(bank, AgencyDraft(name="بانک ملی", email="pr@bmi.ir"))
    history = secretariat.audit.history("resolution", resolution.id)
    assert [(e.kind, e.action) for e in history][:3] == [
        ("resolution", "create"),
        ("assignment", "create"),
        ("follow_up", "create"),
    ]
    follow_up = history[2]
    assert follow_up.who == "زهرا موسوی"
    assert ("درصد پیشرفت", "۴۰٪") in [(line.label, line.after) for line in change_lines(follow_up)]
    # A row's relationships are records of their own: not repeated as text in its entry.
    assert "assignments" not in history[0].changes
    changed = secretariat.audit.history("agency", bank)[-1]
    assert summary(changed) == f"رایانامه: از {EMPTY} به pr@bmi.ir"
    # Planning and holding a meeting leaves no empty «change» of the meetings nobody touched.
    assert all(entry.record for entry in secretariat.audit.page(limit=None))


def test_the_trail_is_newest_first_by_time_even_for_entries_written_later(secretariat, monkeypatch):
    """An archive's entries, imported today, fall in their own years in the browser."""
    Council(secretariat)
    moment = dt.datetime.combine(jalali.from_jalali(1403, 1, 10), dt.time(9)).astimezone()
    monkeypatch.setattr(clock, "now", lambda: moment)
    old = secretariat.agencies.add(AgencyDraft(name="اداره ارشاد")).id
    rows = secretariat.audit.page(limit=None)
    assert rows[-1].record == str(old) and rows[0].kind == "council"
