"""Following resolutions up: the register's filters and search, and the lifecycle's rules."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.followup.register import RegisterSort, ResolutionQuery
from secretariat.followup.status import ResolutionStatus, is_overdue
from tests.support import files
from tests.support.meetings import Council, unchanged


@pytest.fixture
def council(secretariat):
    return Council(secretariat)


@pytest.fixture
def world(council, secretariat):
    """Two held meetings of 1404 with resolutions of three agencies."""
    press = council.agency("اداره کل فرهنگ و ارشاد اسلامی")
    town = council.agency("شهرداری پردیس")
    school = council.agency("آموزش و پرورش")
    first = council.plan("1404/02/10")
    council.hold(first.id)
    training = council.resolve(
        first.id, "مقرر شد دوره آموزشی خبرنویسی برای روابط‌عمومی‌ها برگزار شود.", press, due_date="1404/03/31"
    )
    portal = council.resolve(
        first.id, "مقرر شد صفحه دستگاه‌ها در درگاه فرمانداری به‌روز شود.", town, press, due_date="1420/01/01"
    )
    second = council.plan("1404/06/10")
    council.hold(second.id)
    network = council.resolve(second.id, "مقرر شد شبکه ارتباط رسانه‌ای تشکیل شود.", school)
    return {
        "press": press,
        "town": town,
        "school": school,
        "first": first,
        "second": second,
        "training": training,
        "portal": portal,
        "network": network,
        "register": secretariat.register,
        "followup": secretariat.followup,
    }


def codes(rows):
    return [row.code for row in rows]


def test_overdue_is_derived_from_the_deadline_and_the_status():
    today = dt.date(2026, 1, 1)
    assert is_overdue("open", dt.date(2025, 12, 31), today)
    assert is_overdue("in_progress", dt.date(2025, 12, 31), today)
    assert not is_overdue("open", dt.date(2026, 1, 1), today)
    assert not is_overdue("done", dt.date(2025, 12, 31), today)
    assert not is_overdue("open", None, today)


def test_the_register_filters_by_agency_as_lead_or_collaborator(world):
    register = world["register"]
    assert codes(
        register.page(ResolutionQuery(agency_id=world["press"], sort=RegisterSort.CODE, descending=False))
    ) == [
        "1404-01-01",
        "1404-01-02",
    ]
    assert register.count(ResolutionQuery(agency_id=world["school"])) == 1
    assert register.count(ResolutionQuery()) == 3


def test_the_register_finds_overdue_resolutions(world):
    register = world["register"]
    overdue = register.page(ResolutionQuery(overdue=True))
    assert codes(overdue) == ["1404-01-01"] and overdue[0].overdue
    assert register.count(ResolutionQuery(overdue=True, agency_id=world["town"])) == 0


def test_the_register_searches_words_in_any_spelling(world):
    register = world["register"]
    # Arabic ي/ك, ZWNJ typed as a space, words out of order.
    assert codes(register.page(ResolutionQuery(search="روابط عمومي ها خبرنويسي"))) == ["1404-01-01"]
    assert codes(register.page(ResolutionQuery(search="رسانه شبکه"))) == ["1404-02-01"]
    assert register.count(ResolutionQuery(search="درگاه", agency_id=world["school"])) == 0


def test_the_search_index_follows_every_write(world, council):
    register = world["register"]
    council.minutes.update_resolution(
        world["network"].id, _draft(world, "مقرر شد جشنواره رسانه‌ای برگزار شود.")
    )
    assert register.count(ResolutionQuery(search="جشنواره")) == 1
    assert register.count(ResolutionQuery(search="شبکه ارتباط")) == 0
    council.minutes.remove_resolution(world["network"].id)
    assert register.count(ResolutionQuery(search="جشنواره")) == 0


def _draft(world, text):
    from secretariat.meetings.minutes import ResolutionDraft

    return ResolutionDraft(text, world["school"], due_next_meeting=True)


def test_the_register_filters_by_year_meeting_and_deadline_window(world):
    register = world["register"]
    assert register.count(ResolutionQuery(jalali_year=1404)) == 3
    assert register.count(ResolutionQuery(jalali_year=1403)) == 0
    assert register.count(ResolutionQuery(meeting_id=world["second"].id)) == 1
    assert register.count(ResolutionQuery(due_within_days=10)) == 0


def test_a_follow_up_with_progress_starts_the_work(world, database):
    followup = world["followup"]
    entry = followup.add(
        world["training"].id,
        FollowUpDraft(date="1404/03/01", kind="letter", note="نامه شماره ۱۲", progress="۴۰"),
    )
    assert entry.progress == 40
    rows = world["register"].page(ResolutionQuery(status=ResolutionStatus.IN_PROGRESS))
    assert codes(rows) == ["1404-01-01"]
    assert [e.note for e in followup.log(world["training"].id)] == ["نامه شماره ۱۲"]


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (FollowUpDraft(date="1404/02/01"), "date"),  # before the meeting
        (FollowUpDraft(date="1420/01/01"), "date"),  # in the future
        (FollowUpDraft(date="1404/03/01", progress="120"), "progress"),
        (FollowUpDraft(date="1404/03/01", progress="-5"), "progress"),
        (FollowUpDraft(date="1404/03/01", progress="نیمه"), "progress"),
        (FollowUpDraft(date="1404/03/01", kind="fax"), "kind"),
    ],
)
def test_bad_follow_ups_are_refused_and_nothing_is_written(world, database, draft, field):
    with unchanged(database):
        with pytest.raises(ValidationError) as refused:
            world["followup"].add(world["training"].id, draft)
    assert field in refused.value.errors


def test_done_needs_evidence_and_a_cancelled_resolution_reopens_only_with_a_reason(world, database):
    followup, training = world["followup"], world["training"].id
    with unchanged(database), pytest.raises(ValidationError):
        followup.mark_done(training, evidence="  ")
    followup.mark_done(training, evidence="گزارش برگزاری دوره، نامه ۴۵۶")
    assert world["register"].page(ResolutionQuery(status=ResolutionStatus.DONE))[0].overdue is False
    with pytest.raises(DomainError):
        followup.add(training, FollowUpDraft(date="1404/04/01"))
    portal = world["portal"].id
    followup.cancel(portal, reason="ادغام با مصوبه دیگر")
    with unchanged(database), pytest.raises(ValidationError):
        followup.reopen(portal, reason="")
    followup.reopen(portal, reason="درخواست فرمانداری")
    assert world["register"].page(ResolutionQuery(meeting_id=world["first"].id, status=ResolutionStatus.OPEN))


def test_a_resolution_is_deferred_only_to_an_upcoming_meeting(world, council, database):
    followup = world["followup"]
    with unchanged(database), pytest.raises(ValidationError):
        followup.defer(world["network"].id, meeting_id=world["first"].id)
    coming = council.plan("1420/01/15")
    followup.defer(world["network"].id, meeting_id=coming.id, reason="نیاز به بررسی بیشتر")
    assert world["register"].count(ResolutionQuery(status=ResolutionStatus.DEFERRED)) == 1


def test_a_deadline_changes_only_with_a_reason_and_its_history_is_kept(world, database):
    followup, training = world["followup"], world["training"].id
    with unchanged(database):
        for kwargs in (
            {"new_due": "1404/05/01", "reason": "", "by": "دبیر"},
            {"new_due": "1404/01/01", "reason": "درخواست دستگاه", "by": "دبیر"},
            {"new_due": "1404/12/30", "reason": "درخواست دستگاه", "by": "دبیر"},
        ):
            with pytest.raises(ValidationError):
                followup.change_deadline(training, **kwargs)
    followup.change_deadline(training, new_due="1404/05/01", reason="درخواست دستگاه", by="دبیر شورا")
    history = followup.deadline_history(training)
    assert [(c.previous_due, c.new_due) for c in history] == [(dt.date(2025, 6, 21), dt.date(2025, 7, 23))]
    assert world["register"].page(
        ResolutionQuery(meeting_id=world["first"].id, sort=RegisterSort.CODE, descending=False)
    )[0].due_date == dt.date(2025, 7, 23)


# -- a follow-up entry's document -------------------------------------------------------------

SCAN = files.pdf("نامه شماره ۲۱۵/ش/۱۴۰۴", binary=bytes(range(256)) * 8)


def _scan(tmp_path, name="نامه ۲۱۵.pdf", data=SCAN):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_document_is_kept_with_the_entry_and_read_back_byte_for_byte(world, council, tmp_path):
    followup, training = world["followup"], world["training"].id
    scan = _scan(tmp_path)

    entry = followup.add(training, FollowUpDraft(date="1404/03/01", note="نامه ارسال شد", document=scan))
    scan.unlink()  # a copy is kept, not a link to the file

    assert entry.has_document and entry.document_name == "نامه ۲۱۵.pdf"
    [logged] = followup.log(training)
    assert logged == entry
    document = followup.document(entry.id)
    assert (document.filename, document.media_type, document.data) == (
        "نامه ۲۱۵.pdf",
        "application/pdf",
        SCAN,
    )
    copy = followup.export_document(entry.id, tmp_path / "copy.pdf")
    assert copy.read_bytes() == SCAN
    # Kept as a file of the resolution's meeting, but not among the meeting's own files.
    assert council.attachments.list(world["first"].id) == ()
    assert council.meetings.detail(world["first"].id).attachments == ()
    assert council.attachments.content(entry.attachment_id) == SCAN


def test_an_entry_without_a_document_has_none_to_read(world):
    followup = world["followup"]
    entry = followup.add(world["training"].id, FollowUpDraft(date="1404/03/01", note="تماس"))
    assert not entry.has_document and entry.document_name == ""
    with pytest.raises(NotFoundError) as error:
        followup.document(entry.id)
    assert error.value.message == "این پیگیری سند پیوست ندارد."
    with pytest.raises(NotFoundError):
        followup.document(99999)


def test_a_refused_follow_up_stores_no_document(world, database, tmp_path):
    followup, training = world["followup"], world["training"].id
    scan = _scan(tmp_path)
    with unchanged(database), pytest.raises(ValidationError) as refused:
        followup.add(training, FollowUpDraft(date="1404/03/01", progress="150", document=scan))
    assert set(refused.value.errors) == {"progress"}
    # Refused inside the transaction (before the meeting), then on a closed resolution: still nothing kept.
    with unchanged(database), pytest.raises(ValidationError):
        followup.add(training, FollowUpDraft(date="1404/02/01", document=scan))
    followup.mark_done(training, evidence="نامه ۴۵۶")
    with unchanged(database), pytest.raises(DomainError):
        followup.add(training, FollowUpDraft(date="1404/04/01", document=scan))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "نیست.pdf", "پرونده «{path}» پیدا نشد."),
        (lambda tmp: _scan(tmp, "خالی.pdf", b""), "پرونده «خالی.pdf» خالی است."),
        (lambda tmp: (tmp / "اسکن‌ها").mkdir() or tmp / "اسکن‌ها", "«{path}» پوشه است، نه پرونده."),
    ],
)
def test_a_missing_empty_or_folder_document_is_refused_beside_its_field(
    world, database, tmp_path, make, message
):
    path = make(tmp_path)
    with unchanged(database), pytest.raises(ValidationError) as refused:
        world["followup"].add(world["training"].id, FollowUpDraft(date="1404/03/01", document=path))
    assert refused.value.errors == {"document": message.format(path=path)}


def test_a_document_over_the_limit_is_refused_with_the_attachments_message(
    world, database, tmp_path, monkeypatch
):
    from secretariat.meetings import attachments

    monkeypatch.setattr(attachments, "MAX_BYTES", len(SCAN) - 1)
    with unchanged(database), pytest.raises(ValidationError) as refused:
        world["followup"].add(
            world["training"].id, FollowUpDraft(date="1404/03/01", document=_scan(tmp_path))
        )
    assert refused.value.errors["document"] == "پرونده «نامه ۲۱۵.pdf» بزرگ‌تر از ۵۰ مگابایت است."


def test_a_damaged_stored_document_is_not_handed_out(world, database, tmp_path):
    from sqlalchemy import update

    from db.models import AttachmentContent

    followup = world["followup"]
    entry = followup.add(world["training"].id, FollowUpDraft(date="1404/03/01", document=_scan(tmp_path)))
    with database.transaction() as session:
        session.execute(
            update(AttachmentContent)
            .where(AttachmentContent.attachment_id == entry.attachment_id)
            .values(data=SCAN.replace(b"%%EOF", b"%%EOX"))
        )
    target = tmp_path / "copy.pdf"
    with pytest.raises(DomainError) as error:
        followup.export_document(entry.id, target)
    assert "آسیب دیده" in error.value.message
    assert not target.exists()


# -- what the status rests on ---------------------------------------------------------------------


def test_the_state_shows_what_holds_for_the_current_status(world, council):
    followup, training, network = world["followup"], world["training"].id, world["network"].id
    open_state = followup.state(training)
    assert open_state.status is ResolutionStatus.OPEN and not open_state.has_details

    followup.mark_done(training, evidence="گزارش برگزاری دوره، نامه ۴۵۶", on="1404/03/20")
    done = followup.state(training)
    assert (done.completion_evidence, done.closed_on) == (
        "گزارش برگزاری دوره، نامه ۴۵۶",
        dt.date(2025, 6, 10),
    )
    assert done.has_details and not done.reopened

    followup.reopen(training, reason="گزارش ناقص بود")
    reopened = followup.state(training)
    assert reopened.reopened and reopened.status_note == "گزارش ناقص بود"
    assert (reopened.completion_evidence, reopened.closed_on) == (
        "",
        None,
    )  # the old evidence no longer holds

    followup.cancel(training, reason="ادغام با مصوبه دیگر")
    cancelled = followup.state(training)
    assert (cancelled.status_note, cancelled.closed_on) == ("ادغام با مصوبه دیگر", dt.date.today())

    coming = council.plan("1420/01/15", kind="general_assembly")
    followup.defer(network, meeting_id=coming.id, reason="برای تصویب در مجمع")
    deferred = followup.state(network)
    assert deferred.deferred_to_meeting_id == coming.id
    assert deferred.deferred_to_title == "نخستین جلسه مجمع عمومی"
    assert deferred.deferred_to_date == coming.date
    assert deferred.status_note == "برای تصویب در مجمع" and not deferred.reopened
    with pytest.raises(NotFoundError):
        followup.state(99999)


def test_removing_a_resolution_from_draft_minutes_removes_its_follow_up_documents(
    world, council, database, tmp_path
):
    from sqlalchemy import func, select

    from db.models import Attachment, AttachmentContent

    network = world["network"].id
    world["followup"].add(network, FollowUpDraft(date="1404/06/20", document=_scan(tmp_path)))
    council.minutes.remove_resolution(network)
    with database.reading() as session:
        assert session.scalar(select(func.count(Attachment.id))) == 0
        assert session.scalar(select(func.count(AttachmentContent.attachment_id))) == 0
