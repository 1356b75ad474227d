"""The demo council: a county council of about 25 member agencies.

Built in code through the same services a user goes through, so the demo
obeys every rule. Some names are typed with Arabic ي and ك, as people really
type them on Windows; the services store them in Persian letters. The world
is that of the reference news reports: a county PR coordination council,
its governorate, its departments, banks and university; its meetings are in
``demo_meetings``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import event

from db import schema
from secretariat.core import Secretariat
from secretariat.database import Database, open_database
from secretariat.demo.calendar import DemoCalendar
from secretariat.demo.evaluation import EVALUATION_PARTS, build_evaluation
from secretariat.demo.followup import HISTORIES, build_followup
from secretariat.demo.letters import LETTER_PARTS, build_letters
from secretariat.demo.meetings import LEAVES_ON, MEETINGS, build_meetings
from secretariat.demo.monthly import MONTHLY_PARTS, SIZES, MonthlyAgency, build_monthly
from secretariat.errors import DomainError
from secretariat.maintenance import backup
from secretariat.maintenance.backup_check import BackupKind, inspect_backup, read_only_uri
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft
from secretariat.members.people import AppointmentDraft, DecreeDraft, PersonDraft
from secretariat.members.roles import Role

COUNCIL = CouncilDraft(
    name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس",
    level="county",
    city="پردیس",
    chair="محمدرضا صالحی",
    secretary="زهرا موسوی",
    quorum_rule="majority",
)

ISSUER = "فرماندار شهرستان پردیس"


@dataclass(frozen=True)
class DemoAgency:
    name: str
    short_name: str
    category: str
    ministry: str
    phones: str
    email: str
    website: str
    joined: str
    # (person, honorific, mobile, start) oldest first; the last is current.
    managers: tuple[tuple[str, str, str, str], ...]
    active: bool = True


AGENCIES = (
    DemoAgency(
        "فرمانداری شهرستان پردیس",
        "فرمانداری",
        "governorate",
        "وزارت کشور",
        "021-76251001",
        "pr@pardis-gov.ir",
        "pardis-gov.ir",
        "1398/02/10",
        (("زهرا موسوی", "", "09121110001", "1399/07/01"),),
    ),
    DemoAgency(
        "اداره آموزش و پرورش شهرستان پردیس",
        "آموزش و پرورش",
        "directorate",
        "وزارت آموزش و پرورش",
        "021-76252020",
        "pr@pardis-edu.ir",
        "pardis-edu.ir",
        "1398/02/10",
        (
            ("علي اكبر كريمي", "", "09121110002", "1398/03/01"),
            ("مریم احمدی", "دکتر", "09121110003", "1403/06/15"),
        ),
    ),
    DemoAgency(
        "اداره بهزیستی شهرستان پردیس",
        "بهزیستی",
        "directorate",
        "سازمان بهزیستی کشور",
        "021-76253030",
        "pr@behzisti-pardis.ir",
        "",
        "1398/02/10",
        (("فاطمه رحیمی", "", "09121110004", "1400/01/20"),),
    ),
    DemoAgency(
        "اداره تأمین اجتماعی شهرستان پردیس",
        "تأمین اجتماعی",
        "directorate",
        "وزارت تعاون، کار و رفاه اجتماعی",
        "021-76254040",
        "pr.pardis@tamin.ir",
        "tamin.ir",
        "1398/02/10",
        (("حسین نوروزی", "", "09121110005", "1401/09/01"),),
    ),
    DemoAgency(
        "شهرداری پردیس",
        "شهرداری پردیس",
        "municipality",
        "وزارت کشور",
        "021-76255050",
        "pr@pardis.ir",
        "pardis.ir",
        "1398/02/10",
        (
            ("رضا قاسمی", "مهندس", "09121110006", "1399/11/01"),
            ("سعید جعفری", "", "09121110007", "1402/04/10"),
        ),
    ),
    DemoAgency(
        "شهرداری بومهن",
        "شهرداری بومهن",
        "municipality",
        "وزارت کشور",
        "021-76556060",
        "pr@boumehen.ir",
        "boumehen.ir",
        "1398/05/01",
        (("مهدي يزداني", "", "09121110008", "1400/02/01"),),
    ),
    DemoAgency(
        "دانشگاه آزاد اسلامی واحد پردیس",
        "دانشگاه آزاد",
        "university",
        "دانشگاه آزاد اسلامی",
        "021-76257070",
        "pr@pardisiau.ac.ir",
        "pardisiau.ac.ir",
        "1398/08/15",
        (("نرگس طاهری", "دکتر", "09121110009", "1401/07/01"),),
    ),
    DemoAgency(
        "بانک ملی ایران شعبه مرکزی پردیس",
        "بانک ملی",
        "bank",
        "وزارت امور اقتصادی و دارایی",
        "021-76258080",
        "",
        "bmi.ir",
        "1399/01/20",
        (("امیر حسینی", "", "09121110010", "1399/01/20"),),
    ),
    DemoAgency(
        "بانک سپه شعبه بومهن",
        "بانک سپه",
        "bank",
        "وزارت امور اقتصادی و دارایی",
        "021-76559090",
        "",
        "banksepah.ir",
        "1400/03/01",
        (("ابوالفضل رضایی", "", "09121110011", "1400/03/01"),),
    ),
    DemoAgency(
        "اداره فرهنگ و ارشاد اسلامی شهرستان پردیس",
        "فرهنگ و ارشاد",
        "directorate",
        "وزارت فرهنگ و ارشاد اسلامی",
        "021-76251212",
        "pr@ershad-pardis.ir",
        "",
        "1398/02/10",
        (("ليلا كاظمي", "", "09121110012", "1399/05/05"), ("محمد صادقی", "", "09121110013", "1404/02/01")),
    ),
    DemoAgency(
        "شبکه بهداشت و درمان شهرستان پردیس",
        "شبکه بهداشت",
        "directorate",
        "وزارت بهداشت، درمان و آموزش پزشکی",
        "021-76251313",
        "pr@behdasht-pardis.ir",
        "",
        "1398/02/10",
        (("سمیه عباسی", "", "09121110014", "1400/10/01"),),
    ),
    DemoAgency(
        "کمیته امداد امام خمینی (ره) شهرستان پردیس",
        "کمیته امداد",
        "institution",
        "",
        "021-76251414",
        "pr@emdad-pardis.ir",
        "emdad.ir",
        "1398/02/10",
        (("جواد مرادی", "", "09121110015", "1401/01/15"),),
    ),
    DemoAgency(
        "اداره ورزش و جوانان شهرستان پردیس",
        "ورزش و جوانان",
        "directorate",
        "وزارت ورزش و جوانان",
        "021-76251515",
        "",
        "",
        "1398/06/01",
        (("علیرضا کریمیان", "", "09121110016", "1402/08/01"),),
    ),
    DemoAgency(
        "فرماندهی انتظامی شهرستان پردیس",
        "فراجا پردیس",
        "institution",
        "",
        "021-76251616",
        "",
        "",
        "1399/02/01",
        (("سرهنگ حمید اکبری", "", "09121110017", "1402/01/01"),),
    ),
    DemoAgency(
        "شرکت آب و فاضلاب شهرستان پردیس",
        "آبفا",
        "state_company",
        "وزارت نیرو",
        "021-76251717",
        "pr@abfa-pardis.ir",
        "",
        "1398/09/01",
        (("مرتضی شریفی", "", "09121110018", "1401/03/01"),),
    ),
    DemoAgency(
        "شرکت توزیع نیروی برق شهرستان پردیس",
        "برق",
        "state_company",
        "وزارت نیرو",
        "021-76251818",
        "pr@barq-pardis.ir",
        "",
        "1398/09/01",
        (("ناصر اميني", "", "09121110019", "1399/12/01"),),
    ),
    DemoAgency(
        "اداره گاز شهرستان پردیس",
        "گاز",
        "state_company",
        "وزارت نفت",
        "021-76251919",
        "",
        "",
        "1399/04/01",
        (("پیمان فرهادی", "", "09121110020", "1400/06/01"),),
    ),
    DemoAgency(
        "اداره جهاد کشاورزی شهرستان پردیس",
        "جهاد کشاورزی",
        "directorate",
        "وزارت جهاد کشاورزی",
        "021-76252121",
        "",
        "",
        "1398/02/10",
        (("ژیلا نوری", "", "09121110021", "1401/11/01"),),
    ),
    DemoAgency(
        "اداره میراث فرهنگی، گردشگری و صنایع دستی شهرستان پردیس",
        "میراث فرهنگی",
        "directorate",
        "وزارت میراث فرهنگی، گردشگری و صنایع دستی",
        "021-76252222",
        "",
        "",
        "1399/07/01",
        (("چنگیز ملکی", "", "09121110022", "1400/07/01"),),
    ),
    DemoAgency(
        "اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس",
        "تعاون، کار و رفاه",
        "directorate",
        "وزارت تعاون، کار و رفاه اجتماعی",
        "021-76252323",
        "",
        "",
        "1398/02/10",
        (("گلاره بهرامی", "", "09121110023", "1402/02/01"),),
    ),
    DemoAgency(
        "پارک فناوری پردیس",
        "پارک فناوری",
        "organization",
        "معاونت علمی و فناوری ریاست جمهوری",
        "021-76252424",
        "pr@techpark.ir",
        "techpark.ir",
        "1398/02/10",
        (("پریسا تهرانی", "دکتر", "09121110024", "1399/09/01"),),
    ),
    DemoAgency(
        "اداره کتابخانه‌های عمومی شهرستان پردیس",
        "کتابخانه‌های عمومی",
        "directorate",
        "نهاد کتابخانه‌های عمومی کشور",
        "021-76252525",
        "",
        "",
        # The newest member: invited to the meetings since it joined, its monthly reports owed from then.
        "1404/12/10",
        (("ثمین اصفهانی", "", "09121110025", "1404/12/10"),),
    ),
    DemoAgency(
        "شرکت عمران شهر جدید پردیس",
        "عمران پردیس",
        "state_company",
        "وزارت راه و شهرسازی",
        "021-76252626",
        "pr@pardis-ntdc.ir",
        "",
        "1398/02/10",
        (("داوود تقوی", "", "09121110026", "1398/02/10"), ("خدیجه ولی‌زاده", "", "09121110027", "1401/05/20")),
    ),
    DemoAgency(
        "دادگستری شهرستان پردیس",
        "دادگستری",
        "institution",
        "قوه قضاییه",
        "021-76252727",
        "",
        "",
        "1399/03/01",
        (("طاهره ذوالفقاری", "", "09121110028", "1401/02/01"),),
    ),
    DemoAgency(
        "اداره ثبت اسناد و املاک پردیس",
        "ثبت اسناد",
        "directorate",
        "سازمان ثبت اسناد و املاک کشور",
        "021-76252828",
        "",
        "",
        "1399/03/01",
        (("ظریف شجاعی", "", "09121110029", "1400/09/01"),),
    ),
    DemoAgency(
        "اداره پست شهرستان پردیس",
        "پست",
        "state_company",
        "وزارت ارتباطات و فناوری اطلاعات",
        "021-76252929",
        "",
        "",
        "1398/02/10",
        (("غلامرضا اسدی", "", "09121110030", "1398/02/10"),),
        active=False,
    ),
)

# Deputies and experts who help their PR managers: (agency short name, person, role, start)
STAFF = (
    ("آموزش و پرورش", "الهام زارعی", Role.EXPERT, "1402/01/15"),
    ("شهرداری پردیس", "كامران يوسفي", Role.DEPUTY, "1401/06/01"),
    ("فرمانداری", "هادی امینی", Role.EXPERT, "1400/02/01"),
)


class DemoStep(StrEnum):
    """What building the demo is doing, as a progress window names it."""

    REGISTER = "register"
    MEETINGS = "meetings"
    FOLLOWUP = "followup"
    MONTHLY = "monthly"
    LETTERS = "letters"
    EVALUATION = "evaluation"
    SAVING = "saving"

    @property
    def label(self) -> str:
        return {
            "register": "ثبت دستگاه‌ها و مدیران روابط عمومی…",
            "meetings": "ساختن جلسه‌ها و صورتجلسه‌ها…",
            "followup": "ثبت پیگیری مصوبه‌ها…",
            "monthly": "ثبت گزارش‌های ماهانه دستگاه‌ها…",
            "letters": "شماره‌گذاری نامه‌های صادره و ثبت نامه‌های وارده…",
            "evaluation": "ارزیابی عملکرد روابط عمومی‌ها…",
            "saving": "ذخیره شورای نمایشی…",
        }[self.value]


# ``progress(done, total, step)``: ``done`` of ``total`` parts built, ``step`` the one being built.
DemoProgress = Callable[[int, int, DemoStep], None]
BUILD_PARTS = (
    len(AGENCIES) + len(MEETINGS) + len(HISTORIES) + MONTHLY_PARTS + LETTER_PARTS + EVALUATION_PARTS + 1
)  # the last: saving the file


def build_demo(
    secretariat: Secretariat, *, today: dt.date | None = None, progress: DemoProgress | None = None
) -> None:
    """Fill an empty database with the demo council: its register, then a
    year and a half of meetings ending around ``today`` (default: the
    clock's), then the follow-up of their resolutions, then the agencies'
    monthly reports of the same year and a half, the letters in and out of
    those months, and the yearly evaluation: last year's published, this
    year's begun."""
    calendar = DemoCalendar.built_on(today)
    tell = progress or (lambda _done, _total, _step: None)
    tell(0, BUILD_PARTS, DemoStep.REGISTER)
    secretariat.council.create(COUNCIL, is_demo=True)
    agencies = secretariat.agencies
    people = secretariat.people
    person_ids: dict[str, int] = {}
    agency_ids: dict[str, int] = {}
    for index, item in enumerate(AGENCIES, start=1):
        agency = agencies.add(
            AgencyDraft(
                name=item.name,
                short_name=item.short_name,
                category=item.category,
                parent_ministry=item.ministry,
                phones=item.phones,
                email=item.email,
                website=item.website,
                joined_on=calendar.text(item.joined),
                address=f"پردیس، خیابان {'امام خمینی' if index % 2 else 'انقلاب'}، پلاک {index * 7}",
            )
        )
        agency_ids[item.short_name] = agency.id
        for name, honorific, mobile, written_start in item.managers:
            start = calendar.text(written_start)
            person = people.add(PersonDraft(full_name=name, honorific=honorific, mobile=mobile))
            person_ids[name] = person.id
            representation = people.appoint(
                AppointmentDraft(
                    agency_id=agency.id,
                    person_id=person.id,
                    role=Role.PR_MANAGER.value,
                    start_date=start,
                    title=f"مدیر روابط عمومی {item.short_name}",
                )
            )
            people.add_decree(
                DecreeDraft(
                    representation_id=representation.id,
                    number=f"{start[:4]}/{1000 + index * 37}",
                    issued_on=start,
                    issued_by=ISSUER,
                    term_end=calendar.text(f"{int(written_start[:4]) + 3}{written_start[4:]}"),
                )
            )
        tell(index, BUILD_PARTS, DemoStep.REGISTER)
    for short_name, name, role, start in STAFF:
        person = people.add(PersonDraft(full_name=name))
        person_ids[name] = person.id
        people.appoint(
            AppointmentDraft(
                agency_id=agency_ids[short_name],
                person_id=person.id,
                role=role.value,
                start_date=calendar.text(start),
            )
        )
    # The inactive agencies attended the earlier meetings and left the council later.
    leaving = tuple(item.short_name for item in AGENCIES if not item.active)
    done = len(AGENCIES)
    tell(done, BUILD_PARTS, DemoStep.MEETINGS)
    joined = {item.short_name: calendar.day(item.joined) for item in AGENCIES}
    meetings = build_meetings(
        secretariat,
        agency_ids,
        person_ids,
        calendar,
        leaving=leaving,
        joined=joined,
        progress=lambda n: tell(done + n, BUILD_PARTS, DemoStep.MEETINGS),
    )
    done += len(MEETINGS)
    tell(done, BUILD_PARTS, DemoStep.FOLLOWUP)
    build_followup(
        secretariat,
        calendar,
        meetings,
        progress=lambda n: tell(done + n, BUILD_PARTS, DemoStep.FOLLOWUP),
    )
    done += len(HISTORIES)
    tell(done, BUILD_PARTS, DemoStep.MONTHLY)
    build_monthly(
        secretariat,
        calendar,
        tuple(
            MonthlyAgency(
                id=agency_ids[item.short_name],
                short_name=item.short_name,
                joined=joined[item.short_name],
                has_website=bool(item.website),
                left=None if item.active else calendar.day(LEAVES_ON),
            )
            for item in AGENCIES
        ),
        progress=lambda n: tell(done + n, BUILD_PARTS, DemoStep.MONTHLY),
    )
    done += MONTHLY_PARTS
    tell(done, BUILD_PARTS, DemoStep.LETTERS)
    build_letters(
        secretariat, calendar, meetings, progress=lambda n: tell(done + n, BUILD_PARTS, DemoStep.LETTERS)
    )
    done += LETTER_PARTS
    tell(done, BUILD_PARTS, DemoStep.EVALUATION)
    build_evaluation(
        secretariat, calendar, SIZES, progress=lambda n: tell(done + n, BUILD_PARTS, DemoStep.EVALUATION)
    )
    tell(BUILD_PARTS - 1, BUILD_PARTS, DemoStep.SAVING)


def create_demo_database(
    path: Path, *, today: dt.date | None = None, progress: DemoProgress | None = None
) -> Database:
    """The demo council's database at ``path``, left open: the one there, or
    one built now (around ``today``) if there is none or only a half-built one.

    The demo is built in a folder beside ``path`` and moved into place whole,
    so a build that is stopped (the app closed, the power cut) leaves no half
    demo behind: the next build clears the folder and starts again. For the
    same reason its many small saves need not wait for the disk each time
    (``synchronous=OFF``); the finished file is written to the disk once, at
    the end. That wait was most of the build's time on a laptop's disk.
    """
    if path.exists():
        database = open_database(path)
        if Secretariat(database).council.get() is not None:
            return database
        database.close()
        _remove_sqlite(path)
    folder = path.parent / f".{path.stem}-building"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    staged = folder / path.name
    secretariat = Secretariat.open(staged)
    try:
        _skip_waiting_for_the_disk(secretariat.database)
        build_demo(secretariat, today=today, progress=progress)
    finally:
        secretariat.close()
    with staged.open("rb+") as handle:  # closed cleanly: the WAL is in the file and gone
        os.fsync(handle.fileno())
    os.replace(staged, path)
    shutil.rmtree(folder, ignore_errors=True)
    database = open_database(path)
    if progress is not None:
        progress(BUILD_PARTS, BUILD_PARTS, DemoStep.SAVING)
    return database


def _skip_waiting_for_the_disk(database: Database) -> None:
    """Every connection of this (staged, throwaway until finished) database commits without fsync."""

    def unsynced(connection: sqlite3.Connection, _record: object, _proxy: object) -> None:
        connection.execute("PRAGMA synchronous=OFF")

    event.listen(database.engine, "checkout", unsynced)


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def replace_demo_database(path: Path) -> tuple[Database, Path | None]:
    """Build the demo afresh at ``path`` (``demo --force``): the open database and the safety copy.

    Only a file that is the demo's is replaced: a database holding the demo
    council, or one this app started and never gave a council (a half-built
    demo), or an empty file. Anything else (a real council's database, a
    damaged file, another program's) is refused with a Persian message and
    left as it was. What is replaced is first copied beside it
    (``demo.before-demo-20261125-093000.sqlite3``).
    """
    safety: Path | None = None
    if path.exists():
        _check_is_the_demos(path)
        safety = _keep_a_copy(path)
        _remove_sqlite(path)
    return create_demo_database(path), safety


def _check_is_the_demos(path: Path) -> None:
    if path.is_file() and path.stat().st_size == 0:
        return
    info = inspect_backup(path)
    if info.kind is BackupKind.EMPTY:
        return
    untouched = "چیزی در آن تغییر داده نشد."
    if not info.usable:
        raise DomainError(
            f"پرونده «{path.name}» پایگاه داده نمونه نیست ({info.message.rstrip('.')})؛ "
            f"به جای آن پایگاه نمونه ساخته نمی‌شود. {untouched}"
        )
    with closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
        councils = connection.execute(f"SELECT name, is_demo FROM {schema.OWN_TABLE}").fetchall()
    real = [name for name, is_demo in councils if not is_demo]
    if real:
        raise DomainError(
            f"پرونده «{path.name}» پایگاه داده «{real[0]}» است، نه پایگاه نمونه؛ "
            f"پایگاه نمونه به جای آن ساخته نمی‌شود. {untouched}"
        )


def _keep_a_copy(path: Path) -> Path:
    target = backup.beside_name(path, "before-demo")
    if path.stat().st_size == 0:
        shutil.copy2(path, target)
        return target
    with closing(sqlite3.connect(read_only_uri(path), uri=True)) as source:
        return backup.snapshot(source, target).path
