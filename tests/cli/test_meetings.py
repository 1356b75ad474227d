"""``meetings ...`` on the command line: from the plan to finalized, signed
minutes, with the core's rules; every refusal exits 2 with a Persian
message and changes nothing."""

import datetime as dt
import hashlib
import json
import re
import shutil

import pytest

from secretariat.cli import main
from secretariat.meetings.kinds import display_code
from secretariat.persian import jalali

HELD_ON = "۱۴۰۵/۰۸/۱۹"  # a Tuesday, in the past
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
AGENCIES = [
    ("فرمانداری شهرستان پردیس", "فرمانداری"),
    ("اداره بهزیستی شهرستان پردیس", "بهزیستی"),
    ("شهرداری پردیس", "شهرداری"),
    ("اداره آموزش و پرورش شهرستان پردیس", "آموزش و پرورش"),
]


def later(days: int) -> str:
    return jalali.format_short(dt.date.today() + dt.timedelta(days=days), persian_digits=False)


@pytest.fixture(scope="module")
def council_file(tmp_path_factory):
    """A council of four agencies, made once through the command line (the
    schema's migrations take a while) and copied for each test."""
    path = tmp_path_factory.mktemp("council") / "council.sqlite3"

    def run(*args):
        assert main(["--db", str(path), *args]) == 0

    run("init", "--council", "شورای هماهنگی روابط عمومی‌های شهرستان پردیس", "--chair", "محمدرضا صالحی")
    for name, short in AGENCIES:
        run("agencies", "add", "--name", name, "--short-name", short)
    run("people", "add", "--name", "فاطمه رحیمی")
    run("people", "appoint", "--agency", "بهزیستی", "--person", "1", "--start", "1403/02/27")
    return path


@pytest.fixture
def cli(council_file, tmp_path, capsys):
    """Run a command on a copy of the council: (exit code, stdout, stderr)."""
    path = tmp_path / "council.sqlite3"
    shutil.copyfile(council_file, path)

    def run(*args):
        capsys.readouterr()
        code = main(["--db", str(path), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def as_json(cli, *args):
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def create(cli, *args) -> int:
    code, out, err = cli("meetings", "create", *args)
    assert code == 0, err
    return int(re.search(r"شناسه (\d+)", out.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))).group(1))


def refused(cli, *args) -> str:
    """Run a command that must be refused; its Persian message."""
    code, out, err = cli(*args)
    assert code == 2, out
    assert err.startswith("خطا: ")
    return err


@pytest.fixture(scope="module")
def held_file(council_file, tmp_path_factory):
    """The council with a meeting (id 1) held on HELD_ON: an agenda item, everyone present."""
    path = tmp_path_factory.mktemp("held") / "council.sqlite3"
    shutil.copyfile(council_file, path)

    def run(*args):
        assert main(["--db", str(path), "meetings", *args]) == 0

    run("create", "--date", HELD_ON, "--host", "فرمانداری")
    run("agenda", "1", "--title", "تشکیل شبکه ارتباط رسانه‌ای")
    for agency in ("فرمانداری", "بهزیستی", "شهرداری", "آموزش و پرورش"):
        run("attendance", "1", "--agency", agency, "--status", "present")
    return path


@pytest.fixture
def held(cli, held_file, tmp_path) -> int:
    shutil.copyfile(held_file, tmp_path / "council.sqlite3")
    return 1


def test_a_meeting_goes_from_plan_to_signed_minutes_on_the_command_line(cli, tmp_path):
    code, out, err = cli(
        "meetings",
        "create",
        "--kind",
        "regular",
        "--date",
        HELD_ON,
        "--start",
        "۹:۰۰",
        "--end",
        "11:30",
        "--host",
        "فرمانداری",
        "--venue",
        "سالن جلسات فرمانداری",
        "--occasion",
        "هفته روابط عمومی",
    )
    assert code == 0 and err == ""
    assert "«نخستین جلسه»" in out and "سه‌شنبه ۱۹ آبان ۱۴۰۵" in out
    [row] = as_json(cli, "meetings", "list")
    meeting = str(row["id"])
    assert row | {"id": 0} == row | {
        "id": 0,
        "number": 1,
        "title": "نخستین جلسه",
        "date": "1405/08/19",
        "kind": "regular",
        "status": "planned",
        "signed": False,
        "resolution_count": 0,
    }

    # The agenda, a guest, the attendance sheet.
    assert (
        cli(
            "meetings",
            "agenda",
            meeting,
            "--title",
            "تشکیل شبکه ارتباط رسانه‌ای",
            "--presenter",
            "بهزیستی",
            "--notes",
            "پیشنهاد دبیرخانه",
        )[0]
        == 0
    )
    code, out, _ = cli(
        "meetings",
        "invite",
        meeting,
        "--guest",
        "مریم سلطانی",
        "--guest-title",
        "خبرنگار",
        "--guest-org",
        "صدا و سیمای مرکز تهران",
    )
    assert code == 0 and "مریم سلطانی" in out
    detail = as_json(cli, "meetings", "show", meeting)
    item = detail["agenda"][0]["id"]
    guest = next(i["id"] for i in detail["invitations"] if i["guest"])
    steps = [
        ("--agency", "بهزیستی", "--status", "present"),
        ("--agency", "فرمانداری شهرستان پردیس", "--status", "late", "--substitute", "هادی امینی، کارشناس"),
        ("--agency", "شهرداری", "--status", "غیبت موجه", "--reason", "مأموریت اداری"),
        ("--agency", "4", "--status", "present"),
        ("--invitation", str(guest), "--status", "present"),
    ]
    for step in steps:
        code, out, err = cli("meetings", "attendance", meeting, *step)
        assert code == 0, err
    assert "حد نصاب: ۳ از ۴ دستگاه دعوت‌شده حاضرند (لازم: ۳)؛ حد نصاب حاصل است." in out

    # The resolutions: a deadline and collaborators; «تا جلسه بعد», urgent, under the agenda item.
    code, out, err = cli(
        "meetings",
        "add-resolution",
        meeting,
        "--text",
        "مقرر شد شبکه ارتباط رسانه‌ای شهرستان با عضویت مدیران روابط عمومی تشکیل شود.",
        "--lead",
        "فرمانداری",
        "--with",
        "بهزیستی",
        "--with",
        "شهرداری",
        "--due",
        "۱۴۰۵/۰۹/۳۰",
    )
    assert code == 0, err
    assert "۱۴۰۵-۰۱-۰۱" in out
    assert (
        cli(
            "meetings",
            "add-resolution",
            meeting,
            "--text",
            "مقرر شد گزارش ماهانه فعالیت‌ها به دبیرخانه شورا ارسال شود.",
            "--lead",
            "بهزیستی",
            "--next-meeting",
            "--priority",
            "urgent",
            "--item",
            str(item),
        )[0]
        == 0
    )

    detail = as_json(cli, "meetings", "show", meeting)
    assert detail["status"] == "held" and detail["occasion"] == "هفته روابط عمومی"
    assert detail["start_time"] == "09:00" and detail["end_time"] == "11:30"
    assert detail["quorum"] == {"members": 4, "present": 3, "required": 3, "met": True}
    sheet = {i["agency"] or i["guest"]["name"]: i for i in detail["invitations"]}
    assert sheet["اداره بهزیستی شهرستان پردیس"]["attendee"] == "فاطمه رحیمی"  # its PR manager by default
    assert sheet["فرمانداری شهرستان پردیس"]["attendance"] == "late"
    assert sheet["فرمانداری شهرستان پردیس"]["attendee"] == "هادی امینی، کارشناس"
    assert sheet["شهرداری پردیس"]["excuse"] == "مأموریت اداری"
    assert sheet["مریم سلطانی"]["attendance"] == "present"
    first, second = detail["resolutions"]
    assert first["code"] == "1405-01-01" and second["code"] == "1405-01-02"
    assert first["lead"]["name"] == "فرمانداری شهرستان پردیس"
    assert [c["name"] for c in first["collaborators"]] == ["اداره بهزیستی شهرستان پردیس", "شهرداری پردیس"]
    assert first["due"] == "1405/09/30" and not first["due_next_meeting"]
    assert second["due"] is None and second["due_next_meeting"] and second["priority"] == "urgent"
    assert second["agenda_item_id"] == item

    # Finalize, then the signed scan.
    code, out, err = cli("meetings", "finalize", meeting, "--by", "زهرا موسوی")
    assert code == 0, err
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    code, out, err = cli(
        "meetings", "attach", meeting, str(scan), "--signed", "--description", "نسخه امضاشده"
    )
    assert code == 0, err
    [row] = as_json(cli, "meetings", "list")
    assert row["status"] == "finalized" and row["signed"] is True and row["resolution_count"] == 2
    detail = as_json(cli, "meetings", "show", meeting)
    assert detail["finalized_by"] == "زهرا موسوی" and detail["signed_at"]
    [attachment] = detail["attachments"]
    assert attachment["signed_minutes"] and attachment["media_type"] == "application/pdf"
    assert attachment["sha256"] == hashlib.sha256(PDF).hexdigest()

    # A correction after finalizing is an amendment; the resolution is named by its code, as printed.
    code, out, err = cli(
        "meetings",
        "amend",
        "\u2066۱۴۰۵-۰۱-۰۱\u2069",
        "--due",
        "1405/10/30",
        "--reason",
        "به درخواست فرمانداری",
        "--by",
        "زهرا موسوی",
    )
    assert code == 0, err
    first = as_json(cli, "meetings", "show", meeting)["resolutions"][0]
    assert first["due"] == "1405/10/30"
    assert [(a["field"], a["original"], a["amended"]) for a in first["amendments"]] == [
        ("due_date", "1405/09/30", "1405/10/30")
    ]

    # What a person reads: Persian digits, the codes, the quorum, the scan.
    code, out, _ = cli("meetings", "show", meeting)
    assert code == 0
    for text in (
        "نخستین جلسه - شناسه ۱",
        "۱۴۰۵-۰۱-۰۱",
        "مسئول اجرا: فرمانداری شهرستان پردیس",
        "مهلت: تا جلسه بعد؛ اولویت: فوری",
        "اصلاحیه مهلت",
        "نسخه امضاشده صورتجلسه",
        "امضاشده",
        "مهمان: مریم سلطانی، خبرنگار، صدا و سیمای مرکز تهران: حاضر",
    ):
        assert text in out


def test_attendance_for_an_agency_not_invited_is_refused(cli, held):
    # Agencies that join after a meeting was planned are not on its list.
    assert cli("agencies", "add", "--name", "اداره گاز شهرستان پردیس")[0] == 0
    before = as_json(cli, "meetings", "show", str(held))
    err = refused(
        cli, "meetings", "attendance", str(held), "--agency", "اداره گاز شهرستان پردیس", "--status", "present"
    )
    assert "«اداره گاز شهرستان پردیس» به این جلسه دعوت نشده است" in err
    assert as_json(cli, "meetings", "show", str(held)) == before
    # ...until it is invited.
    assert cli("meetings", "invite", str(held), "--agency", "اداره گاز شهرستان پردیس")[0] == 0
    assert (
        cli("meetings", "attendance", str(held), "--agency", "اداره گاز شهرستان پردیس", "--status", "absent")[
            0
        ]
        == 0
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--text", "مقرر شد دوره آموزشی برگزار شود.", "--lead", "بهزیستی", "--due", "1405/08/10"],
            "مهلت نمی‌تواند پیش از تاریخ جلسه (۱۴۰۵/۰۸/۱۹) باشد",
        ),
        (["--text", "مقرر شد دوره آموزشی برگزار شود."], "دستگاه مسئول اجرای مصوبه را انتخاب کنید"),
        (
            [
                "--text",
                "مقرر شد دوره آموزشی برگزار شود.",
                "--lead",
                "بهزیستی",
                "--due",
                "1405/09/30",
                "--next-meeting",
            ],
            "نه هر دو",
        ),
        (["--text", "   ", "--lead", "بهزیستی", "--next-meeting"], "متن مصوبه را بنویسید"),
        (
            ["--text", "مقرر شد دوره آموزشی برگزار شود.", "--lead", "بهزیستی"],
            "مهلت را بنویسید یا «تا جلسه بعد»",
        ),
        (["--text", "مقرر شد ...", "--lead", "اداره ناشناخته"], "دستگاهی با نام «اداره ناشناخته» پیدا نشد"),
        (
            ["--text", "مقرر شد ...", "--lead", "بهزیستی", "--priority", "خیلی فوری"],
            "اولویت «خیلی فوری» شناخته نیست",
        ),
        (["--text", "مقرر شد ...", "--lead", "بهزیستی", "--due", "۱۴۰۵/۱۳/۰۱"], "ماه ۱۳ وجود ندارد"),
    ],
)
def test_a_bad_resolution_is_refused_and_nothing_is_saved(cli, held, args, message):
    before = as_json(cli, "meetings", "show", str(held))
    assert message in refused(cli, "meetings", "add-resolution", str(held), *args)
    assert as_json(cli, "meetings", "show", str(held)) == before


def test_finalized_minutes_cannot_be_edited(cli, held):
    assert (
        cli(
            "meetings",
            "add-resolution",
            str(held),
            "--text",
            "مقرر شد ...",
            "--lead",
            "بهزیستی",
            "--next-meeting",
        )[0]
        == 0
    )
    assert cli("meetings", "finalize", str(held), "--by", "زهرا موسوی")[0] == 0
    before = as_json(cli, "meetings", "show", str(held))
    item = str(before["agenda"][0]["id"])
    finalized = "صورتجلسه این جلسه نهایی شده و دیگر تغییر نمی‌کند"
    for args in (
        ["add-resolution", str(held), "--text", "مقرر شد ...", "--lead", "بهزیستی"],
        ["agenda", str(held), "--title", "بند تازه"],
        ["summary", item, "--text", "خلاصه تازه"],
        ["attendance", str(held), "--agency", "بهزیستی", "--status", "absent"],
        ["invite", str(held), "--guest", "مهمان تازه"],
        ["finalize", str(held), "--by", "زهرا موسوی"],
    ):
        assert finalized in refused(cli, "meetings", *args)
    assert as_json(cli, "meetings", "show", str(held)) == before


def test_a_signed_scan_must_be_a_pdf_or_an_image_of_finalized_minutes(cli, held, tmp_path):
    fake = tmp_path / "scan.pdf"
    fake.write_text("این پرونده PDF نیست")
    real = tmp_path / "real.pdf"
    real.write_bytes(PDF)
    assert "پس از نهایی شدن صورتجلسه" in refused(cli, "meetings", "attach", str(held), str(real), "--signed")
    assert cli("meetings", "finalize", str(held), "--by", "زهرا موسوی")[0] == 0
    err = refused(cli, "meetings", "attach", str(held), str(fake), "--signed")
    assert "باید پرونده PDF یا تصویر" in err
    assert "پیدا نشد" in refused(cli, "meetings", "attach", str(held), str(tmp_path / "missing.pdf"))
    detail = as_json(cli, "meetings", "show", str(held))
    assert detail["attachments"] == [] and detail["signed"] is False
    # Any other file may go with the meeting, without making it signed.
    assert cli("meetings", "attach", str(held), str(fake), "--description", "یادداشت")[0] == 0
    detail = as_json(cli, "meetings", "show", str(held))
    assert len(detail["attachments"]) == 1 and detail["signed"] is False


def test_minutes_are_finalized_only_when_the_attendance_is_complete(cli):
    meeting = str(create(cli, "--date", HELD_ON))
    assert cli("meetings", "attendance", meeting, "--agency", "بهزیستی", "--status", "present")[0] == 0
    err = refused(cli, "meetings", "finalize", meeting, "--by", "زهرا موسوی")
    assert "حضور و غیاب ۳ دستگاه دعوت‌شده ثبت نشده است" in err
    assert "نام نهایی‌کننده" in refused(cli, "meetings", "finalize", meeting)
    assert as_json(cli, "meetings", "show", meeting)["status"] == "held"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "present"], "دستگاه را با --agency"),
        (["--agency", "بهزیستی"], "وضعیت حضور را با --status"),
        (["--agency", "بهزیستی", "--status", "خوابیده"], "وضعیت حضور «خوابیده» شناخته نیست"),
        (["--agency", "بهزیستی", "--status", "excused"], "برای غیبت موجه، دلیل آن را بنویسید"),
        (["--agency", "بهزیستی", "--status", "present", "--person", "1", "--substitute", "کسی"], "نه هر دو"),
        (["--agency", "بهزیستی", "--status", "present", "--person", "99"], "این شخص در فهرست نیست"),
    ],
)
def test_bad_attendance_is_refused(cli, args, message):
    meeting = str(create(cli, "--date", HELD_ON))
    before = as_json(cli, "meetings", "show", meeting)
    assert message in refused(cli, "meetings", "attendance", meeting, *args)
    assert as_json(cli, "meetings", "show", meeting) == before


def test_attendance_waits_for_the_meeting_day(cli):
    meeting = str(create(cli, "--date", later(20)))
    err = refused(cli, "meetings", "attendance", meeting, "--agency", "بهزیستی", "--status", "present")
    assert "پس از برگزاری ثبت می‌شود" in err
    assert "پس از برگزاری جلسه ثبت می‌شوند" in refused(
        cli, "meetings", "add-resolution", meeting, "--text", "مقرر شد ...", "--lead", "بهزیستی"
    )
    assert as_json(cli, "meetings", "show", meeting)["status"] == "planned"


def test_an_unknown_meeting_is_said_so(cli):
    for args in (
        ["show", "۴۲"],
        ["attendance", "42", "--agency", "بهزیستی", "--status", "present"],
        ["add-resolution", "42", "--text", "مقرر شد ...", "--lead", "بهزیستی"],
        ["finalize", "42", "--by", "x"],
    ):
        assert "این جلسه در فهرست نیست" in refused(cli, "meetings", *args)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "۱۴۰۴/۱۲/۳۰"], "کبیسه نیست"),
        ([], "تاریخ را وارد کنید"),
        (["--date", HELD_ON, "--kind", "همایش"], "نوع جلسه «همایش» شناخته نیست"),
        (["--date", HELD_ON, "--start", "11:00", "--end", "10:00"], "ساعت پایان باید پس از ساعت شروع باشد"),
        (["--date", HELD_ON, "--start", "25:00"], "ساعت ۲۵ وجود ندارد"),
        (["--date", HELD_ON, "--host", "99"], "دستگاه میزبان در فهرست نیست"),
    ],
)
def test_a_bad_plan_is_refused(cli, args, message):
    assert message in refused(cli, "meetings", "create", *args)
    assert as_json(cli, "meetings", "list") == []


def test_planning_warns_without_refusing(cli):
    create(cli, "--date", HELD_ON, "--host", "فرمانداری")
    code, out, err = cli(
        "meetings", "create", "--date", "1405/08/22", "--host", "فرمانداری", "--kind", "مجمع عمومی"
    )
    assert code == 0
    assert "«نخستین جلسه مجمع عمومی»" in out
    warnings = err.splitlines()
    assert len(warnings) == 2 and all(line.startswith("هشدار: ") for line in warnings)
    assert "جمعه ۲۲ آبان ۱۴۰۵، تعطیل است" in warnings[0]
    assert "میزبان جلسه پیشین" in warnings[1]


def test_numbers_follow_the_calendar_and_the_list_filters(cli):
    created = as_json(cli, "meetings", "create", "--date", "1405/08/26", "--start", "۱۰:۳۰")
    assert (created["title"], created["date"], created["start_time"], created["chair"]) == (
        "نخستین جلسه",
        "1405/08/26",
        "10:30",
        "محمدرضا صالحی",
    )  # the council's chair by default
    late = created["id"]
    early = create(cli, "--date", "1405/08/12")
    create(cli, "--date", "1404/11/05", "--kind", "extraordinary")
    create(cli, "--date", "1405/08/13", "--kind", "general_assembly")
    rows = as_json(cli, "meetings", "list")
    assert [r["date"] for r in rows] == ["1404/11/05", "1405/08/12", "1405/08/13", "1405/08/26"]
    assert [(r["id"], r["title"]) for r in rows if r["kind"] != "general_assembly"] == [
        (3, "نخستین جلسه (فوق‌العاده)"),
        (early, "دومین جلسه"),
        (late, "سومین جلسه"),
    ]
    assert all(re.fullmatch(r"\d{4}/\d{2}/\d{2}", r["date"]) for r in rows)
    assert {r["date"] for r in as_json(cli, "meetings", "list", "--year", "۱۴۰۵")} == {
        "1405/08/12",
        "1405/08/13",
        "1405/08/26",
    }
    assert [r["title"] for r in as_json(cli, "meetings", "list", "--kind", "مجمع عمومی")] == [
        "نخستین جلسه مجمع عمومی"
    ]
    assert as_json(cli, "meetings", "list", "--status", "held") == []
    assert "«دو هزار» سال نیست" in refused(cli, "meetings", "list", "--year", "دو هزار")
    code, out, _ = cli("meetings", "list")
    assert code == 0 and out.splitlines()[-1] == "۴ جلسه"
    assert "۱۴۰۵/۰۸/۱۲\tدومین جلسه\tجلسه عادی\tبرنامه‌ریزی‌شده" in out


def test_postpone_and_cancel_keep_their_reasons(cli):
    first = str(create(cli, "--date", later(10)))
    second = str(create(cli, "--date", later(20)))
    assert "دلیل تعویق را بنویسید" in refused(cli, "meetings", "postpone", first, "--date", later(30))
    code, out, err = cli("meetings", "postpone", first, "--date", later(30), "--reason", "سفر استاندار")
    assert code == 0, err
    assert "«دومین جلسه» به تعویق افتاد" in out  # it now follows the other one
    detail = as_json(cli, "meetings", "show", first)
    assert detail["status"] == "postponed" and detail["number"] == 2
    assert detail["postponements"][0] | {"recorded_at": None} == {
        "from": later(10),
        "to": later(30),
        "reason": "سفر استاندار",
        "recorded_at": None,
    }
    assert as_json(cli, "meetings", "show", second)["title"] == "نخستین جلسه"

    assert "دلیل لغو جلسه را بنویسید" in refused(cli, "meetings", "cancel", second)
    code, out, _ = cli("meetings", "cancel", second, "--reason", "تعطیلی ادارات")
    assert code == 0 and "«نخستین جلسه»" in out and "لغو شد" in out
    cancelled = as_json(cli, "meetings", "show", second)
    assert cancelled["status"] == "cancelled" and cancelled["number"] is None
    assert cancelled["cancel_reason"] == "تعطیلی ادارات"
    assert as_json(cli, "meetings", "show", first)["title"] == "نخستین جلسه"  # the number passes on
    assert "فقط جلسه‌ای که هنوز برگزار نشده" in refused(
        cli, "meetings", "cancel", second, "--reason", "دوباره"
    )
    assert [r["status"] for r in as_json(cli, "meetings", "list", "--status", "لغوشده")] == ["cancelled"]


def test_amendments_need_finalized_minutes_a_reason_and_one_change(cli, held):
    assert (
        cli(
            "meetings",
            "add-resolution",
            str(held),
            "--text",
            "مقرر شد دوره آموزشی برگزار شود.",
            "--lead",
            "بهزیستی",
            "--due",
            "1405/09/30",
        )[0]
        == 0
    )
    resolution = str(as_json(cli, "meetings", "show", str(held))["resolutions"][0]["id"])
    assert "هنوز نهایی نشده" in refused(
        cli, "meetings", "amend", resolution, "--text", "متن تازه", "--reason", "اصلاح", "--by", "زهرا موسوی"
    )
    assert cli("meetings", "finalize", str(held), "--by", "زهرا موسوی")[0] == 0
    before = as_json(cli, "meetings", "show", str(held))
    for args, message in (
        (["--text", "متن تازه", "--by", "زهرا موسوی"], "دلیل اصلاح را بنویسید"),
        (["--text", "متن تازه", "--reason", "اصلاح"], "نام ثبت‌کننده اصلاحیه"),
        (["--reason", "اصلاح", "--by", "زهرا موسوی"], "متن تازه یا مهلت تازه"),
        (
            ["--text", "متن تازه", "--due", "1405/10/30", "--reason", "اصلاح", "--by", "زهرا موسوی"],
            "یا --text یا --due",
        ),
        (["--due", "1405/08/01", "--reason", "اصلاح", "--by", "زهرا موسوی"], "پیش از تاریخ جلسه"),
    ):
        assert message in refused(cli, "meetings", "amend", resolution, *args)
    assert "مصوبه‌ای با کد «1399-01-01» پیدا نشد" in refused(
        cli, "meetings", "amend", "1399-01-01", "--text", "x", "--reason", "y", "--by", "z"
    )
    assert as_json(cli, "meetings", "show", str(held)) == before

    code, out, _ = cli(
        "meetings",
        "amend",
        resolution,
        "--text",
        "مقرر شد دوره آموزشی در آذرماه برگزار شود.",
        "--reason",
        "اصلاح نگارشی",
        "--by",
        "زهرا موسوی",
    )
    assert code == 0 and "اصلاحیه متن" in out
    [resolution] = as_json(cli, "meetings", "show", str(held))["resolutions"]
    assert resolution["text"] == "مقرر شد دوره آموزشی برگزار شود."  # the minutes keep the original
    assert resolution["current_text"] == "مقرر شد دوره آموزشی در آذرماه برگزار شود."


def test_the_open_resolutions_review_comes_first(cli, held):
    assert (
        cli(
            "meetings",
            "add-resolution",
            str(held),
            "--text",
            "مقرر شد گزارش ماهانه ارسال شود.",
            "--lead",
            "بهزیستی",
            "--next-meeting",
        )[0]
        == 0
    )
    following = str(create(cli, "--date", later(15)))
    assert cli("meetings", "agenda", following, "--title", "برنامه آموزشی")[0] == 0
    code, out, _ = cli("meetings", "agenda", following, "--review-open")
    assert code == 0 and "بند ۱ دستور کار" in out
    agenda = as_json(cli, "meetings", "show", following)["agenda"]
    assert [item["title"] for item in agenda][1] == "برنامه آموزشی"
    assert agenda[0]["reviews_open_resolutions"]
    assert f"{display_code('1405-01-01')}: مقرر شد گزارش ماهانه ارسال شود." in agenda[0]["notes"]


def test_a_council_moving_from_paper_sets_where_its_numbers_begin(cli):
    code, out, err = cli(
        "meetings", "numbering", "--series", "council", "--first", "۳۰", "--first-in-year", "۵"
    )
    assert code == 0, err
    assert out.strip() == "جلسات شورا: نخستین جلسه در برنامه شماره ۳۰، در سال خود شماره ۵"
    meeting = create(cli, "--date", HELD_ON)
    assert cli("meetings", "attendance", str(meeting), "--agency", "بهزیستی", "--status", "present")[0] == 0
    assert cli("meetings", "show", str(meeting))[1].startswith("سی‌امین جلسه - شناسه")

    err = refused(cli, "meetings", "numbering", "--series", "council", "--first", "40")
    assert "دیگر تغییر نمی‌کند: «سی‌امین جلسه» برگزار شده" in err
    code, out, _err = cli("meetings", "numbering")
    lines = out.strip().splitlines()
    assert (
        len(lines) == 3 and "ثابت است" in lines[0] and "مجمع عمومی: نخستین جلسه در برنامه شماره ۱" in lines[1]
    )
    assert "عدد صحیح نیست" in refused(
        cli, "meetings", "numbering", "--series", "working_group", "--first", "سی"
    )
