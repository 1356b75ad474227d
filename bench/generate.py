"""Generate a council database at the scale of DESIGN.md.

A province over 20 years: 200 agencies and 2,000 people, with PR managers
changing every few years (so most agencies have a history), and 1,000
meetings with their attendance and 30,000 resolutions (see
``generate_meetings``) with 150,000 follow-up entries, their statuses and
deadline changes (see ``generate_followup``), 48,000 monthly reports with
their figures (see ``generate_monthly``) and 60,000 letters in the register
(see ``generate_letters``). The data is deterministic (seeded) so runs compare.
Written in one transaction through the models, with the folded and
normalised text computed by the core exactly as the services do, because
hundreds of thousands of one-row transactions would measure fsync, not the
app.

    python -m bench.generate PATH [--agencies N] [--people N] [--meetings N] [--resolutions N] [--followups N]
                                  [--monthly-years N] [--letters-per-year N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

from bench.generate_letters import PER_YEAR as LETTERS_PER_YEAR
from bench.generate_letters import generate_letters
from bench.generate_meetings import generate_meetings
from bench.generate_monthly import YEARS as MONTHLY_YEARS
from bench.generate_monthly import generate_monthly
from db.models import Agency, Council, Person, Representation
from secretariat.database import open_database
from secretariat.members.agencies import AgencyCategory
from secretariat.members.roles import Role
from secretariat.persian.text import fold, normalize_line

KINDS = ["اداره کل", "سازمان", "شرکت", "اداره", "دانشگاه", "بانک", "بنیاد", "ستاد", "شهرداری", "مرکز"]
SUBJECTS = [
    "آموزش و پرورش",
    "بهزیستی",
    "تأمین اجتماعی",
    "فرهنگ و ارشاد اسلامی",
    "ورزش و جوانان",
    "جهاد کشاورزی",
    "میراث فرهنگی",
    "راه و شهرسازی",
    "منابع طبیعی",
    "آب و فاضلاب",
    "گاز",
    "برق",
    "ثبت اسناد",
    "کتابخانه‌های عمومی",
    "امور مالیاتی",
    "استاندارد",
    "حفاظت محیط زیست",
    "تعاون، کار و رفاه اجتماعی",
    "صنعت، معدن و تجارت",
    "پست",
    "مخابرات",
    "دامپزشکی",
    "هواشناسی",
    "ثبت احوال",
    "زندان‌ها",
    "اوقاف و امور خیریه",
    "پزشکی قانونی",
    "نوسازی مدارس",
    "امور عشایر",
    "شیلات",
    "بیمه سلامت",
    "آموزش فنی و حرفه‌ای",
    "علوم پزشکی",
    "پیام نور",
]
PLACES = [
    "استان",
    "شهرستان پردیس",
    "شهرستان دماوند",
    "شهرستان ری",
    "شهرستان شمیرانات",
    "منطقه یک",
    "شمال استان",
]
FIRST = [
    "علی",
    "محمد",
    "حسین",
    "رضا",
    "مهدی",
    "زهرا",
    "فاطمه",
    "مریم",
    "سارا",
    "پریسا",
    "ژیلا",
    "چنگیز",
    "گلاره",
    "کامران",
    "یاسر",
    "نرگس",
    "ثمین",
    "ظریف",
    "طاهره",
    "غلامرضا",
    "حمید",
    "سمیه",
    "الهام",
    "داوود",
    "هادی",
]
LAST = [
    "احمدی",
    "کریمی",
    "موسوی",
    "رحیمی",
    "نوروزی",
    "قاسمی",
    "جعفری",
    "یزدانی",
    "طاهری",
    "حسینی",
    "رضایی",
    "صادقی",
    "عباسی",
    "مرادی",
    "اکبری",
    "شریفی",
    "امینی",
    "فرهادی",
    "نوری",
    "ملکی",
    "بهرامی",
    "تهرانی",
    "اصفهانی",
    "تقوی",
    "ولی‌زاده",
    "ذوالفقاری",
    "شجاعی",
    "اسدی",
    "پورابراهیم",
    "گودرزی",
    "چگینی",
    "ژیان",
]


def generate(
    path: Path,
    *,
    agencies: int = 200,
    people: int = 2000,
    meetings: int = 1000,
    resolutions: int = 30000,
    followups: int | None = None,
    monthly_years: int = MONTHLY_YEARS,
    letters_per_year: int = LETTERS_PER_YEAR,
    seed: int = 1405,
) -> None:
    """``followups`` defaults to five a resolution (150,000 at full scale); every agency's
    monthly reports for ``monthly_years`` years (0: none), and ``letters_per_year`` letters in
    the register in each of those years."""
    rng = random.Random(seed)
    today = dt.date.today()
    database = open_database(path)
    names: set[str] = set()
    categories = list(AgencyCategory)
    with database.transaction() as session:
        session.add(
            Council(
                name="شورای هماهنگی روابط عمومی‌های استان تهران",
                level="province",
                city="تهران",
                chair="",
                secretary="",
                quorum_rule="majority",
            )
        )
        agency_rows = []
        while len(agency_rows) < agencies:
            name = normalize_line(f"{rng.choice(KINDS)} {rng.choice(SUBJECTS)} {rng.choice(PLACES)}")
            if fold(name) in names:
                continue
            names.add(fold(name))
            category = rng.choice(categories)
            agency = Agency(
                name=name,
                name_key=fold(name),
                short_name=name.split()[-1],
                category=category.value,
                phones=f"021-{rng.randrange(10**7, 10**8)}",
                email="",
                website="",
                parent_ministry="",
                address="",
                joined_on=dt.date(2005, 3, 21) + dt.timedelta(days=rng.randrange(7000)),
                active=rng.random() > 0.1,
                search_text="|".join([fold(name), fold(category.label)]),
            )
            agency_rows.append(agency)
        session.add_all(agency_rows)
        person_rows = []
        for _ in range(people):
            full_name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            person_rows.append(
                Person(
                    full_name=full_name,
                    mobile=f"0912{rng.randrange(10**6, 10**7)}",
                    search_text=fold(full_name),
                )
            )
        session.add_all(person_rows)
        session.flush()
        # Each agency: a chain of PR managers over 20 years, the last current,
        # plus deputies and experts, until every person has held a role.
        pool = iter(rng.sample(person_rows, len(person_rows)))
        start0 = dt.date(2006, 3, 21)
        managers: dict[int, list[tuple[dt.date, dt.date | None, int]]] = {}
        for agency in agency_rows:
            start = start0 + dt.timedelta(days=rng.randrange(400))
            while True:
                person = next(pool, None) or rng.choice(person_rows)
                end = start + dt.timedelta(days=rng.randrange(700, 2200))
                current = end > today
                session.add(
                    Representation(
                        agency_id=agency.id,
                        person_id=person.id,
                        role=Role.PR_MANAGER.value,
                        title="",
                        start_date=start,
                        end_date=None if current else end,
                    )
                )
                managers.setdefault(agency.id, []).append((start, None if current else end, person.id))
                if current:
                    break
                start = end
        for person in pool:
            session.add(
                Representation(
                    agency_id=rng.choice(agency_rows).id,
                    person_id=person.id,
                    role=rng.choice([Role.DEPUTY.value, Role.EXPERT.value]),
                    title="",
                    start_date=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000)),
                )
            )
        if meetings:
            session.flush()
            generate_meetings(
                session,
                rng,
                agency_ids=[a.id for a in agency_rows],
                active_ids=[a.id for a in agency_rows if a.active],
                managers=managers,
                meetings=meetings,
                resolutions=resolutions,
                today=today,
                followups=followups,
            )
        if monthly_years:
            session.flush()
            generate_monthly(
                session,
                agencies=[(a.id, a.active) for a in agency_rows],
                years=monthly_years,
                today=today,
            )
        if monthly_years and letters_per_year:
            session.flush()
            generate_letters(session, years=monthly_years, per_year=letters_per_year, today=today)
    database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--agencies", type=int, default=200)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--resolutions", type=int, default=30000)
    parser.add_argument("--followups", type=int, help="follow-up entries (default: five a resolution)")
    parser.add_argument("--monthly-years", type=int, default=MONTHLY_YEARS, help="years of monthly reports")
    parser.add_argument(
        "--letters-per-year", type=int, default=LETTERS_PER_YEAR, help="letters in the register, in each year"
    )
    args = parser.parse_args()
    if args.path.exists():
        parser.error(f"{args.path} exists; the generator writes a new database")
    generate(
        args.path,
        agencies=args.agencies,
        people=args.people,
        meetings=args.meetings,
        resolutions=args.resolutions,
        followups=args.followups,
        monthly_years=args.monthly_years,
        letters_per_year=args.letters_per_year,
    )
    followups = 5 * args.resolutions if args.followups is None else args.followups
    print(
        f"generated {args.path}: {args.agencies} agencies, {args.people} people, "
        f"{args.meetings} meetings, {args.resolutions} resolutions, {followups} follow-up entries, "
        f"{args.monthly_years} years of monthly reports, {args.letters_per_year} letters a year"
    )


if __name__ == "__main__":
    main()
