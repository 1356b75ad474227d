"""A small council whose attendance over 1404 is known by hand.

Four meetings held in 1404 (P present, L late, A absent, E excused, - not invited):

    agency               1404/02/10  1404/04/15  1404/07/20  1404/10/05   invited present absent excused rate
    آموزش و پرورش              P           P           L           P          4      4       0      0   100%
    شهرداری پردیس               P           A           A           P          4      2       2      0    50%
    بهزیستی                     P           E           A           P          4      2       1      1    50%
    پست                         A           P           E           -          3      1       1      1    33%
    پارک فناوری                 P           A           P           P          4      3       1      0    75%
    تأمین اجتماعی               P           P           A           P          4      3       1      0    75%
    (all)                                                                      23     15       6      2    65%

Worst first: پست (33%); شهرداری پردیس before بهزیستی (50% both, more
absences); پارک فناوری before تأمین اجتماعی (75% and one absence both: Persian
order, where پ comes before ت; code-point order puts it after); آموزش و پرورش.

Not counted: a guest present at the first meeting; a meeting held in 1403
with everyone absent; a meeting cancelled in 1404 and one still planned
(1404/11/20); and «کتابخانه عمومی», which joined after the four meetings and
was invited only to the planned one.
"""

from __future__ import annotations

import math

from secretariat.core import Secretariat
from secretariat.database import Database
from secretariat.meetings.attendance import AttendanceEntry, GuestDraft
from secretariat.persian import jalali
from tests.support.meetings import Council

YEAR_1404 = (jalali.from_jalali(1404, 1, 1), jalali.from_jalali(1404, 12, 29))
EDUCATION, TOWN, WELFARE, POST, PARK, SECURITY = (
    "آموزش و پرورش",
    "شهرداری پردیس",
    "بهزیستی",
    "پست",
    "پارک فناوری",
    "تأمین اجتماعی",
)
SHEETS = {
    "1404/02/10": {
        EDUCATION: "present",
        TOWN: "present",
        WELFARE: "present",
        POST: "absent",
        PARK: "present",
        SECURITY: "present",
    },
    "1404/04/15": {
        EDUCATION: "present",
        TOWN: "absent",
        WELFARE: "excused",
        POST: "present",
        PARK: "absent",
        SECURITY: "present",
    },
    "1404/07/20": {
        EDUCATION: "late",
        TOWN: "absent",
        WELFARE: "absent",
        POST: "excused",
        PARK: "present",
        SECURITY: "absent",
    },
    "1404/10/05": {
        EDUCATION: "present",
        TOWN: "present",
        WELFARE: "present",
        PARK: "present",
        SECURITY: "present",
    },  # پست uninvited
}
# (invited, present, late, absent, excused), worst first.
EXPECTED = [
    (POST, 3, 1, 0, 1, 1),
    (TOWN, 4, 2, 0, 2, 0),
    (WELFARE, 4, 2, 0, 1, 1),
    (PARK, 4, 3, 0, 1, 0),
    (SECURITY, 4, 3, 0, 1, 0),
    (EDUCATION, 4, 4, 1, 0, 0),
]
LIBRARY = "کتابخانه عمومی"


def attendance_world(core: Secretariat | Database) -> dict:
    council = Council(core)
    agencies = {name: council.agency(name) for name in (EDUCATION, TOWN, WELFARE, POST, PARK, SECURITY)}
    before = council.plan("1403/12/20")
    council.hold(before.id, "absent")
    meetings = []
    for date, sheet in SHEETS.items():
        meeting = council.plan(date)
        invitations = {i.agency_id: i for i in council.attendance.invitations(meeting.id)}
        for name, agency_id in agencies.items():
            if name not in sheet:
                council.attendance.uninvite(invitations[agency_id].id)
        guest = council.attendance.invite_guest(meeting.id, GuestDraft(name="مهمان ویژه"))
        entries = [AttendanceEntry(guest.id, "present")]
        for name, attendance in sheet.items():
            entries.append(
                AttendanceEntry(
                    invitations[agencies[name]].id,
                    attendance,
                    excuse="مأموریت" if attendance == "excused" else "",
                )
            )
        council.attendance.record(meeting.id, entries)
        meetings.append(meeting)
    cancelled = council.plan("1404/08/01")
    council.meetings.cancel(cancelled.id, "هم‌زمانی با سفر استاندار")
    library = council.agency(LIBRARY)
    planned = council.plan("1404/11/20")
    return {
        "council": council,
        "agencies": agencies,
        "meetings": meetings,
        "planned": planned,
        "library": library,
        "start": YEAR_1404[0],
        "end": YEAR_1404[1],
    }


def percent_text(part: int, whole: int) -> str:
    """The percentage as the report should print it, worked out here by hand (half up)."""
    value = math.floor(100 * part / whole + 0.5)
    return "".join("۰۱۲۳۴۵۶۷۸۹"[int(d)] for d in str(value)) + "٪"
