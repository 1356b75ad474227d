"""The audit trail on paper: the filter under the title, then each change oldest first, with its
time, user, action, kind of record and what changed, read as the window reads it."""

import datetime as dt
import io
import unicodedata

import pytest
from pypdf import PdfReader

from secretariat import clock
from secretariat.errors import DomainError
from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.office.accounts import UserDraft
from secretariat.office.audit import AuditQuery
from secretariat.persian import jalali
from secretariat.reports.audit_report import render_audit
from tests.support.meetings import Council
from tests.support.reports import readable, rtl, text_runs

HEADER = ["ردیف", "زمان", "کاربر", "کار", "نوع رکورد", "شرح تغییر"]  # from the right


def lines(pdf: bytes) -> str:
    """The pages' text as a reader copies it (logical order), whitespace collapsed."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in pages)


def at(monkeypatch, month: int, day: int) -> None:
    moment = dt.datetime.combine(jalali.from_jalali(1404, month, day), dt.time(11, 30)).astimezone()
    monkeypatch.setattr(clock, "now", lambda: moment)


@pytest.fixture
def office(secretariat, monkeypatch):
    """A resolution recorded by the secretary, followed up and moved by an expert."""
    at(monkeypatch, 2, 1)
    council = Council(secretariat)
    secretariat.users.add(UserDraft("zahra", "زهرا موسوی", "secretary", "secret-12"))
    secretariat.users.add(UserDraft("ali", "علی رضایی", "expert", "secret-34"))
    bank = council.agency("بانک ملی")
    meeting = council.plan("1404/02/10", host_agency_id=bank)
    council.hold(meeting.id)
    resolution = council.resolve(meeting.id, "مقرر شد خبرنامه منتشر شود", bank, due_date="1404/03/01")
    secretariat.users.sign_in("ali", "secret-34")
    at(monkeypatch, 2, 20)
    secretariat.followup.add(resolution.id, FollowUpDraft(date="1404/02/20", kind="phone", note="تماس تلفنی"))
    at(monkeypatch, 2, 25)
    secretariat.followup.change_deadline(
        resolution.id, new_due="1404/04/01", reason="درخواست دستگاه", by="علی رضایی"
    )
    secretariat.users.sign_in("zahra", "secret-12")  # the whole trail is the secretary's to print
    return secretariat


def test_the_users_changes_are_printed_oldest_first_with_persian_labels(office):
    text = lines(render_audit(office, AuditQuery(username="ali"), printed_on=jalali.from_jalali(1404, 3, 1)))
    assert "سابقه تغییرات" in text and "کاربر: ali" in text
    assert "۴ تغییر، از قدیم به جدید." in text  # the sign-in, the follow-up, the new deadline, the moved due
    assert "علی رضایی" in text and "زهرا موسوی" not in text.split("شرح تغییر", 1)[1]
    assert text.index("«تماس تلفنی»") < text.index("مهلت: از ۱۴۰۴/۰۳/۰۱ به ۱۴۰۴/۰۴/۰۱")
    assert "۱۴۰۴/۰۲/۲۰ ۱۱:۳۰" in text and "پیگیری" in text and "تغییر مهلت" in text


def test_the_columns_run_from_the_right(office):
    [page] = text_runs(render_audit(office, AuditQuery(username="ali")))
    header = {title: next(run for run in page if readable(run.text) == rtl(title)) for title in HEADER}
    xs = [header[title].x for title in HEADER]
    assert xs == sorted(xs, reverse=True)  # ردیف on the right, then to the left


def test_the_filter_is_said_under_the_title(office):
    query = AuditQuery(
        kind="resolution", start=jalali.from_jalali(1404, 2, 15), end=jalali.from_jalali(1404, 2, 30)
    )
    text = lines(render_audit(office, query))
    assert "نوع رکورد: مصوبه؛ از ۱۴۰۴/۰۲/۱۵ تا ۱۴۰۴/۰۲/۳۰" in text
    assert "«مقرر شد خبرنامه منتشر شود»" not in text  # recorded on 1404/02/01, before the period
    assert "«تماس تلفنی»" in text


def test_a_filter_with_nothing_in_it_is_refused_in_persian(office):
    with pytest.raises(DomainError, match="تغییری در سابقه نیست"):
        render_audit(office, AuditQuery(username="nobody"))
