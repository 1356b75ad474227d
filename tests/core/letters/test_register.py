import pytest

from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.followup.status import ResolutionStatus
from secretariat.letters.numbering import check_pattern, format_number
from secretariat.letters.register import IncomingDraft, LetterKind, LetterQuery, OutgoingDraft
from secretariat.meetings.attachments import IncomingFile
from secretariat.monthly.months import Month
from secretariat.persian import jalali
from tests.support import files
from tests.support.meetings import Council
from tests.support.monthly import fix_today, record

TODAY = jalali.from_jalali(1405, 9, 12)


@pytest.fixture
def council(secretariat, monkeypatch):
    fix_today(monkeypatch, TODAY)
    return Council(secretariat)


def reminder(agency_id=None, key="monthly_reminder:1405/07:1", **fields):
    return OutgoingDraft(
        kind=LetterKind.MONTHLY_REMINDER.value,
        source_key=key,
        party="اداره کل ورزش و جوانان",
        subject="یادآوری گزارش ماهانه مهر ۱۴۰۵",
        agency_id=agency_id,
        **fields,
    )


def test_the_pattern_numbers_the_year_and_is_checked():
    assert format_number("{seq}/ش/{year}", seq=12, year=1405) == "12/ش/1405"
    assert format_number("ش/{yy}/{seq}", seq=7, year=1405) == "ش/05/7"
    for bad in ("{seq}", "{year}/ش", "{seq}/{year}/{month}", "{seq}/{year}}", ""):
        with pytest.raises(ValidationError):
            check_pattern(bad)


def test_letters_are_numbered_in_order_and_the_sequence_restarts_each_year(secretariat, council):
    letters = secretariat.letters
    first = letters.issue(reminder(key="a"))
    second = letters.issue(reminder(key="b"))
    assert (first.number, second.number) == ("1/ش/1405", "2/ش/1405")
    assert first.shown_number == "۱/ش/۱۴۰۵" and first.date == TODAY
    next_year = letters.issue(reminder(key="c"), on=jalali.from_jalali(1406, 1, 5))
    assert next_year.number == "1/ش/1406"
    letters.set_pattern("{seq}-د-{yy}")
    assert letters.issue(reminder(key="d")).number == "3-د-05"


def test_printing_the_same_letter_again_reprints_its_number_as_a_copy(secretariat, council):
    letters = secretariat.letters
    first = letters.issue(reminder())
    again = letters.issue(reminder())
    assert again.id == first.id and again.copy and not first.copy
    fresh = letters.issue(reminder(), new=True)
    assert fresh.number == "2/ش/1405" and not fresh.copy
    assert letters.issue(reminder()).id == fresh.id  # the newest is the one reprinted


def test_a_voided_letter_keeps_its_number_and_a_reprint_issues_a_new_one(secretariat, council):
    letters = secretariat.letters
    first = letters.issue(reminder())
    with pytest.raises(ValidationError):
        letters.void("۱/ش/۱۴۰۵", reason=" ")
    voided = letters.void("۱/ش/۱۴۰۵", reason="نشانی گیرنده نادرست بود", by="زهرا موسوی")
    assert voided.voided and voided.number == first.number
    with pytest.raises(DomainError):
        letters.void("1/ش/1405", reason="دوباره")
    reissued = letters.issue(reminder())
    assert reissued.number == "2/ش/1405" and not reissued.copy
    assert [row.voided for row in letters.page(LetterQuery(year=1405))] == [False, True]
    with pytest.raises(NotFoundError):
        letters.void("99/ش/1405", reason="نیست")


def test_an_incoming_answer_to_a_resolution_enters_its_follow_up_log(secretariat, council):
    agency = council.agency("اداره کل ورزش و جوانان")
    meeting = council.plan("1405/08/20")
    council.hold(meeting.id)
    resolution = council.resolve(meeting.id, "مقرر شد ویژه‌نامه هفته تربیت بدنی منتشر شود.", agency)
    letter = secretariat.letters.record_incoming(
        IncomingDraft(
            received_on="1405/09/10",
            subject="گزارش اقدامات ویژه‌نامه",
            agency_id=agency,
            their_number="۴۵۶/ر",
            their_date="1405/09/08",
            file=IncomingFile("scan.pdf", files.pdf(), "application/pdf"),
            answers_resolution=resolution.code,
            progress="۴۰",
            recorded_by="زهرا موسوی",
        )
    )
    assert letter.number == "1/و/1405" and letter.resolution_ids == (resolution.id,)
    assert secretariat.letters.document(letter.id) == ("scan.pdf", files.pdf())
    entry = secretariat.followup.log(resolution.id)[-1]
    assert "۴۵۶/ر" in entry.note and entry.progress == 40
    assert secretariat.followup.state(resolution.id).status == ResolutionStatus.IN_PROGRESS
    assert [found.id for found in secretariat.letters.of_resolution(resolution.id)] == [letter.id]


def test_an_incoming_letter_answers_an_outgoing_one_and_leaves_the_awaiting_count(
    secretariat, council, monkeypatch
):
    agency = council.agency("بانک ملی")
    sent = secretariat.letters.issue(reminder(agency), on=jalali.from_jalali(1405, 8, 10))
    assert secretariat.letters.awaiting_answer(14) == 1
    assert secretariat.letters.awaiting_answer(60) == 0
    secretariat.letters.record_incoming(
        IncomingDraft(
            received_on="1405/09/01", subject="ارسال گزارش", agency_id=agency, answers_letter="1/ش/1405"
        )
    )
    assert secretariat.letters.awaiting_answer(14) == 0
    assert secretariat.letters.get(sent.id).answered_by


def test_a_reminder_is_answered_once_the_months_report_arrives_however_it_came(secretariat, council):
    sent_on = jalali.from_jalali(1405, 8, 10)
    asked, exempted = council.agency("بانک ملی"), council.agency("بانک سپه")
    for agency in (asked, exempted):
        secretariat.letters.issue(
            reminder(agency, key=f"monthly_reminder:1405/07:{agency}", report_month=Month(1405, 7)),
            on=sent_on,
        )
    assert secretariat.letters.awaiting_answer(14) == 2
    record(secretariat, asked, "1405/06", "1405/08/20")  # another month's report answers nothing
    assert secretariat.letters.awaiting_answer(14) == 2
    record(secretariat, asked, "1405/07", "1405/08/20", via="email")
    secretariat.monthly_reports.exempt(exempted, Month(1405, 7), reason="ادغام با بانک دیگر", by="")
    assert secretariat.letters.awaiting_answer(14) == 0
    assert all(row.answered for row in secretariat.letters.page(LetterQuery(year=1405)))


def test_a_follow_up_letter_is_answered_by_the_agencys_report_on_one_of_its_resolutions(secretariat, council):
    agency = council.agency("اداره کل ورزش و جوانان")
    meeting = council.plan("1405/07/20")
    council.hold(meeting.id)
    by_letter = council.resolve(meeting.id, "مقرر شد ویژه‌نامه هفته تربیت بدنی منتشر شود.", agency)
    by_phone = council.resolve(meeting.id, "مقرر شد همایش روز ورزش برگزار شود.", agency)

    def ask(resolution):
        draft = OutgoingDraft(
            kind=LetterKind.FOLLOWUP.value,
            source_key=f"followup:{resolution.id}",
            party="اداره کل ورزش و جوانان",
            subject="پیگیری مصوبه",
            agency_id=agency,
            concerns="resolutions",
            resolution_ids=(resolution.id,),
        )
        secretariat.letters.issue(draft, on=jalali.from_jalali(1405, 8, 10))

    def answer(sender, received_on):
        secretariat.letters.record_incoming(
            IncomingDraft(
                received_on=received_on,
                subject="گزارش اقدامات",
                agency_id=sender,
                answers_resolution=by_letter.code,
            )
        )

    ask(by_letter), ask(by_phone)
    assert secretariat.letters.awaiting_answer(14) == 2
    answer(agency, "1405/08/01")  # the agency's own letter, but before it was asked
    secretariat.followup.add(by_phone.id, FollowUpDraft(date="1405/08/15", kind="phone", note="تماس گرفتیم"))
    assert secretariat.letters.awaiting_answer(14) == 2  # our own call is no answer
    answer(agency, "1405/09/01")
    report = FollowUpDraft(date="1405/08/20", kind="agency_report", note="همایش برگزار شد", progress="100")
    secretariat.followup.add(by_phone.id, report)
    assert secretariat.letters.awaiting_answer(14) == 0


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"received_on": "1405/09/13"}, "received_on"),  # tomorrow
        ({"received_on": "1405/09/10", "their_date": "1405/09/11"}, "their_date"),
        ({"subject": " "}, "subject"),
        ({"agency_id": None, "party": ""}, "party"),
        ({"answers_month": "1405/13"}, "answers_month"),
        ({"answers_resolution": "1405-ع99-9"}, "answers_resolution"),
    ],
)
def test_an_impossible_incoming_letter_is_refused_beside_its_field(secretariat, council, fields, field):
    agency = council.agency("بانک ملی")
    values = {"received_on": "1405/09/10", "subject": "گزارش", "agency_id": agency, **fields}
    with pytest.raises(ValidationError) as refused:
        secretariat.letters.record_incoming(IncomingDraft(**values))
    assert field in refused.value.errors
    assert secretariat.letters.count() == 0


def test_the_register_is_searched_in_any_spelling_and_filtered(secretariat, council):
    agency = council.agency("اداره کل ورزش و جوانان")
    secretariat.letters.issue(reminder(agency))
    secretariat.letters.record_incoming(
        IncomingDraft(received_on="1405/09/01", subject="درخواست همكاري در هفته كتاب", party="کتابخانه عمومی")
    )
    assert secretariat.letters.count(LetterQuery(search="همکاری")) == 1
    assert secretariat.letters.count(LetterQuery(direction="out")) == 1
    assert secretariat.letters.count(LetterQuery(agency_id=agency)) == 1
    assert secretariat.letters.count(LetterQuery(year=1404)) == 0
    assert secretariat.letters.count(LetterQuery(search="۱/و")) == 1


def test_communicating_resolutions_issues_one_letter_per_responsible_agency(secretariat, council):
    sport, bank, city = (council.agency(n) for n in ("اداره کل ورزش", "بانک ملی", "شهرداری"))
    meeting = council.plan("1405/08/20")
    council.hold(meeting.id)
    first = council.resolve(meeting.id, "مقرر شد ویژه‌نامه منتشر شود.", sport, bank)
    second = council.resolve(meeting.id, "مقرر شد نشست خبری برگزار شود.", bank)
    with pytest.raises(DomainError):
        secretariat.communicate(meeting.id)
    council.finalize(meeting.id)
    communication = secretariat.communicate(meeting.id)
    assert [item.agency for item in communication.letters] == ["اداره کل ورزش", "بانک ملی"]
    bank_letter = communication.letters[1]
    assert [r.id for r in bank_letter.resolutions] == [second.id, first.id]  # what it leads first
    assert {found.kind for found in secretariat.letters.of_resolution(first.id)} == {LetterKind.COMMUNICATION}
    again = secretariat.communicate(meeting.id)
    assert all(item.letter.copy for item in again.letters)
    assert [i.letter.number for i in again.letters] == [i.letter.number for i in communication.letters]
    assert city not in {item.agency_id for item in communication.letters}
