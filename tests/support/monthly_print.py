"""A small council with a year of monthly reports, for the printed reminders, the yearly summary
and the Excel export; today is ``monthly.TODAY`` (1405/08/12: Mehr was due on 1405/08/05).

Mehr 1405, agency by agency:
- «اداره کل ثبت اسناد و املاک»: every month on time;
- «اداره کل ورزش و جوانان»: on time (Shahrivar 4 days late); a PR manager «خانم دکتر»;
- «آموزش و پرورش»: Mehr received 4 days late, after the due day;
- «بانک ملی»: missing (Tir and Mordad too); a PR manager «آقای مهندس»;
- «جهاد کشاورزی»: missing, no PR manager;
- «شهرداری پردیس»: exempt (a new PR manager was being appointed);
- «اداره کل میراث فرهنگی»: joined on 1405/08/01: Mehr began before, it owes nothing.
"""

from __future__ import annotations

from secretariat.members.council import CouncilDraft
from secretariat.members.people import AppointmentDraft, PersonDraft
from secretariat.monthly.months import Month
from tests.support.monthly import add_agency, record

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
CHAIR = "آقای محمدرضا صالحی"
SECRETARY = "زهرا موسوی"

REGISTRY = "اداره کل ثبت اسناد و املاک"
SPORT = "اداره کل ورزش و جوانان"
EDUCATION = "آموزش و پرورش"
BANK = "بانک ملی"
AGRICULTURE = "جهاد کشاورزی"
MUNICIPALITY = "شهرداری پردیس"
HERITAGE = "اداره کل میراث فرهنگی"

OWING_MEHR = (BANK, AGRICULTURE)  # in Persian order
# The news each agency reported in month m of 1405 (a figure of the first indicator).
NEWS = {REGISTRY: 10, SPORT: 20, EDUCATION: 5, BANK: 3, MUNICIPALITY: 7}


def news_of(agency: str, month: int) -> int:
    return NEWS[agency] + month


def build_monthly_world(secretariat) -> dict[str, int]:
    """The council above; the agencies' ids by name."""
    secretariat.council.create(CouncilDraft(name=COUNCIL, city="پردیس", chair=CHAIR, secretary=SECRETARY))
    ids = {
        REGISTRY: add_agency(secretariat, REGISTRY),
        SPORT: add_agency(secretariat, SPORT),
        EDUCATION: add_agency(secretariat, EDUCATION, category="organization"),
        BANK: add_agency(secretariat, BANK, category="bank"),
        AGRICULTURE: add_agency(secretariat, AGRICULTURE),
        MUNICIPALITY: add_agency(secretariat, MUNICIPALITY, category="municipality"),
        HERITAGE: add_agency(secretariat, HERITAGE, joined_on="1405/08/01"),
    }
    _manager(secretariat, ids[SPORT], "مریم احمدی", "خانم دکتر")
    _manager(secretariat, ids[BANK], "رضا قاسمی", "آقای مهندس")
    _manager(secretariat, ids[REGISTRY], "علی رحیمی", "")
    news = secretariat.indicators.list()[0].id
    hours = next(i.id for i in secretariat.indicators.list() if i.kind.value == "hours")

    def sent(agency: str, month: int, received: str) -> None:
        figures = {news: str(news_of(agency, month)), hours: "2.5"}
        record(secretariat, ids[agency], f"1405/{month:02d}", received, figures=figures)

    for month in range(1, 8):
        following = Month(1405, month).next()
        on_time = f"{following.year}/{following.month:02d}/03"
        sent(REGISTRY, month, on_time)
        sent(SPORT, month, "1405/07/09" if month == 6 else on_time)
        sent(EDUCATION, month, "1405/08/09" if month == 7 else on_time)
        if month not in (4, 5, 7):
            sent(BANK, month, on_time)
        if month != 7:
            sent(MUNICIPALITY, month, on_time)
    secretariat.monthly_reports.exempt(ids[MUNICIPALITY], "1405/07", reason="تغییر مدیر روابط عمومی")
    return ids


def _manager(secretariat, agency_id: int, name: str, honorific: str) -> None:
    person = secretariat.people.add(PersonDraft(full_name=name, honorific=honorific))
    secretariat.people.appoint(
        AppointmentDraft(agency_id=agency_id, person_id=person.id, start_date="1400/01/01")
    )
