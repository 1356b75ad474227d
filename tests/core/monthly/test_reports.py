import pytest

from secretariat.errors import DomainError, ValidationError
from secretariat.meetings.attachments import IncomingFile
from secretariat.monthly.months import Month
from secretariat.monthly.reports import MonthlyReportDraft, figure_field
from secretariat.persian import jalali
from tests.support import files
from tests.support.monthly import add_agency, figures_for_required, fix_today, record


@pytest.fixture
def agency(secretariat, monkeypatch):
    fix_today(monkeypatch)
    return add_agency(secretariat, "اداره کل فرهنگ و ارشاد اسلامی")


def draft(secretariat, agency, month="1405/07", received="1405/08/03", **fields):
    figures = {**figures_for_required(secretariat), **fields.pop("figures", {})}
    return MonthlyReportDraft(agency_id=agency, month=month, received_on=received, figures=figures, **fields)


def test_a_report_is_recorded_with_its_letter_figures_and_file(secretariat, agency):
    news = secretariat.indicators.list()[0]
    report = secretariat.monthly_reports.record(
        draft(
            secretariat,
            agency,
            via="email",
            letter_number="۴۵۶/ر",
            letter_date="1405/08/01",
            figures={news.id: "۴۲"},
            note="با پیوست تصاویر",
            file=IncomingFile("mehr.pdf", files.pdf(), None),
        )
    )
    assert report.month == Month(1405, 7)
    assert report.received_on == jalali.from_jalali(1405, 8, 3)
    assert report.letter_date == jalali.from_jalali(1405, 8, 1)
    assert report.figures[news.id] == 42
    assert report.file is not None and report.file.media_type == "application/pdf"
    name, data = secretariat.monthly_reports.file_content(report.file.id)
    assert (name, data) == ("mehr.pdf", files.pdf())


def test_a_second_report_for_the_same_month_is_refused(secretariat, agency):
    record(secretariat, agency, "1405/07", "1405/08/03")
    with pytest.raises(ValidationError) as refused:
        record(secretariat, agency, "1405/07", "1405/08/04")
    assert "پیش‌تر" in refused.value.errors["month"]
    assert len(secretariat.monthly_reports.of_month(agency, "1405/07").history) == 1


@pytest.mark.parametrize(
    ("month", "received", "field"),
    [
        ("1405/07", "1405/08/13", "received_on"),  # tomorrow
        ("1405/07", "1405/06/31", "received_on"),  # before Mehr begins
        ("1405/07", "1405/07/31/", "received_on"),  # not a date
        ("1405/13", "1405/08/03", "month"),
    ],
)
def test_impossible_dates_are_refused_beside_their_field(secretariat, agency, month, received, field):
    with pytest.raises(ValidationError) as refused:
        record(secretariat, agency, month, received)
    assert field in refused.value.errors
    assert secretariat.monthly_reports.of_month(agency, "1405/07").report is None


def test_a_letter_dated_after_it_arrived_is_refused(secretariat, agency):
    with pytest.raises(ValidationError) as refused:
        record(secretariat, agency, "1405/07", "1405/08/03", letter_date="1405/08/04")
    assert "letter_date" in refused.value.errors


def test_a_required_figure_left_empty_is_named(secretariat, agency):
    required = next(i for i in secretariat.indicators.list() if i.required)
    with pytest.raises(ValidationError) as refused:
        record(secretariat, agency, "1405/07", "1405/08/03", figures={required.id: ""})
    assert required.name in refused.value.errors[figure_field(required.id)]


def test_a_file_that_is_not_a_report_is_refused(secretariat, agency, tmp_path):
    program = tmp_path / "report.pdf"
    program.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    with pytest.raises(DomainError) as refused:
        secretariat.monthly_reports.read_file(program)
    assert "Word" in refused.value.message


def test_a_word_document_is_kept(secretariat, agency, tmp_path):
    import zipfile

    path = tmp_path / "گزارش مهر.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<document/>")
    incoming = secretariat.monthly_reports.read_file(path)
    report = record(secretariat, agency, "1405/07", "1405/08/03", file=incoming)
    assert report.file.media_type.endswith("wordprocessingml.document")


def test_a_correction_keeps_the_first_version_with_its_reason(secretariat, agency):
    news = secretariat.indicators.list()[0]
    first = record(secretariat, agency, "1405/07", "1405/08/03", figures={news.id: "40"})
    corrected = secretariat.monthly_reports.correct(
        first.id,
        draft(secretariat, agency, figures={news.id: "44"}),
        reason="رقم اخبار اشتباه خوانده شده بود",
        by="زهرا موسوی",
    )
    assert corrected.figures[news.id] == 44 and corrected.replaces_id == first.id
    assert corrected.reason == "رقم اخبار اشتباه خوانده شده بود"
    earlier = secretariat.monthly_reports.get(first.id)
    assert not earlier.in_force and earlier.figures[news.id] == 40 and earlier.replaced_by_id == corrected.id
    assert [v.id for v in secretariat.monthly_reports.versions(first.id)] == [first.id, corrected.id]
    month = secretariat.monthly_reports.of_month(agency, "1405/07")
    assert month.report.id == corrected.id and len(month.history) == 2


def test_a_report_recorded_for_the_wrong_month_is_moved_by_a_correction(secretariat, agency):
    first = record(secretariat, agency, "1405/06", "1405/08/03")
    secretariat.monthly_reports.correct(
        first.id, draft(secretariat, agency, month="1405/07"), reason="ماه اشتباه"
    )
    assert secretariat.monthly_reports.of_month(agency, "1405/06").report is None
    assert secretariat.monthly_reports.of_month(agency, "1405/07").report is not None
    # the wrong month keeps what was recorded there, no longer in force
    assert [v.in_force for v in secretariat.monthly_reports.of_month(agency, "1405/06").history] == [False]


def test_a_correction_needs_a_reason_and_a_change_and_the_version_in_force(secretariat, agency):
    first = record(secretariat, agency, "1405/07", "1405/08/03")
    with pytest.raises(ValidationError) as no_reason:
        secretariat.monthly_reports.correct(
            first.id, draft(secretariat, agency, received="1405/08/04"), reason=" "
        )
    assert "reason" in no_reason.value.errors
    with pytest.raises(DomainError) as unchanged:
        secretariat.monthly_reports.correct(first.id, draft(secretariat, agency), reason="بازبینی")
    assert "یکی است" in unchanged.value.message
    secretariat.monthly_reports.correct(
        first.id, draft(secretariat, agency, received="1405/08/04"), reason="تاریخ"
    )
    with pytest.raises(DomainError):
        secretariat.monthly_reports.correct(
            first.id, draft(secretariat, agency, received="1405/08/05"), reason="x"
        )


def test_replace_is_a_correction_of_the_report_in_force(secretariat, agency):
    first = record(secretariat, agency, "1405/07", "1405/08/03")
    replaced = secretariat.monthly_reports.replace(
        draft(secretariat, agency, received="1405/08/06"), reason="نامه دوم جایگزین شد"
    )
    assert replaced.replaces_id == first.id


def test_a_voided_report_leaves_the_month_owed_and_stays_readable(secretariat, agency):
    report = record(secretariat, agency, "1405/07", "1405/08/03")
    voided = secretariat.monthly_reports.void(report.id, reason="گزارش دستگاه دیگری بود", by="زهرا موسوی")
    assert voided.voided and not voided.in_force
    month = secretariat.monthly_reports.of_month(agency, "1405/07")
    assert month.report is None and month.history[0].voided_reason == "گزارش دستگاه دیگری بود"
    record(secretariat, agency, "1405/07", "1405/08/04")


def test_an_exemption_has_a_reason_and_is_refused_once_the_report_came(secretariat, agency):
    with pytest.raises(ValidationError):
        secretariat.monthly_reports.exempt(agency, "1405/06", reason="")
    exemption = secretariat.monthly_reports.exempt(agency, "1405/06", reason="ادغام با سازمان دیگر")
    assert exemption.month == Month(1405, 6)
    with pytest.raises(DomainError):
        secretariat.monthly_reports.exempt(agency, "1405/06", reason="دوباره")
    record(secretariat, agency, "1405/07", "1405/08/03")
    with pytest.raises(DomainError) as has_report:
        secretariat.monthly_reports.exempt(agency, "1405/07", reason="اشتباه")
    assert "رسیده" in has_report.value.message
    secretariat.monthly_reports.lift_exemption(agency, "1405/06")
    assert secretariat.monthly_reports.of_month(agency, "1405/06").exemption is None


def test_an_agency_with_reports_is_not_deleted(secretariat, agency):
    record(secretariat, agency, "1405/07", "1405/08/03")
    with pytest.raises(DomainError):
        secretariat.agencies.delete(agency)
