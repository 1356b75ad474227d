"""How a meeting's particulars are written on screen: times, places, the
quorum line, deadlines, file sizes. Plain functions over the core's records."""

from __future__ import annotations

import datetime as dt

from secretariat.clock import format_time
from secretariat.meetings.deadline import deadline_text
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.records import MeetingRecord, MeetingRow, Quorum, ResolutionRecord
from secretariat.persian import jalali
from secretariat.persian.ordinals import ordinal
from secretariat.persian.text import format_int, to_persian_digits
from ui import strings

# One colour per status, on the calendar and in the window's header.
STATUS_COLOURS = {
    MeetingStatus.PLANNED: "#1f6f8b",
    MeetingStatus.POSTPONED: "#b26a00",
    MeetingStatus.HELD: "#2f7d4f",
    MeetingStatus.FINALIZED: "#4a3f8c",
    MeetingStatus.CANCELLED: "#8a95a1",
}
SIGNED_COLOUR = "#1f3b4d"


def status_colour(meeting: MeetingRecord | MeetingRow) -> str:
    return SIGNED_COLOUR if meeting.signed else STATUS_COLOURS[meeting.status]


def time_range(start: dt.time | None, end: dt.time | None) -> str:
    """«ساعت ۱۰:۰۰ تا ۱۲:۰۰», «ساعت ۱۰:۰۰», or nothing."""
    if start is None:
        return ""
    if end is None:
        return strings.TIME_AT.format(start=format_time(start))
    return strings.TIME_RANGE.format(start=format_time(start), end=format_time(end))


def place(host: str, venue: str) -> str:
    """«شهرداری پردیس، سالن اجتماعات»."""
    return strings.LIST_SEPARATOR.join(part for part in (host, venue) if part)


def when(meeting: MeetingRecord) -> str:
    """«پنجشنبه ۲۷ اردیبهشت ۱۴۰۳، ساعت ۱۰:۰۰ تا ۱۲:۰۰»."""
    parts = [jalali.format_long(meeting.date), time_range(meeting.start_time, meeting.end_time)]
    return strings.LIST_SEPARATOR.join(part for part in parts if part)


def number_text(meeting: MeetingRecord) -> str:
    """«۷ (دومین جلسه سال ۱۴۰۳)»; a cancelled meeting has no number."""
    if meeting.number is None:
        return strings.NOT_NUMBERED
    if meeting.year_number is None:
        return to_persian_digits(meeting.number)
    year_number = strings.YEAR_NUMBER.format(
        ordinal=ordinal(meeting.year_number), year=to_persian_digits(meeting.jalali_year)
    )
    return strings.NUMBER_TEXT.format(number=to_persian_digits(meeting.number), year_number=year_number)


def quorum_line(quorum: Quorum) -> str:
    """«۱۴ از ۲۵ عضو حاضر؛ حد نصاب (۱۳ نفر) فراهم است»."""
    if quorum.members == 0:
        return strings.QUORUM_NO_MEMBERS
    text = strings.QUORUM_MET if quorum.met else strings.QUORUM_NOT_MET
    return text.format(
        present=format_int(quorum.present),
        members=format_int(quorum.members),
        required=format_int(quorum.required),
    )


def due_text(resolution: ResolutionRecord) -> str:
    """The deadline in force (an amendment or a later change sets the record's), as the core writes it."""
    return deadline_text(resolution.due_date, resolution.due_next_meeting)


def file_size(size: int) -> str:
    if size < 1024:
        return strings.SIZE_BYTES.format(n=format_int(size))
    if size < 1024 * 1024:
        return strings.SIZE_KB.format(n=format_int(round(size / 1024)))
    megabytes = f"{size / (1024 * 1024):.1f}".replace(".", "٫")
    return strings.SIZE_MB.format(n=to_persian_digits(megabytes))


def short_hash(sha256: str) -> str:
    """The first 12 hex digits: enough to compare with a copy by eye."""
    return sha256[:12]


def timestamp(value: dt.datetime | None) -> str:
    """«۱۴۰۵/۰۹/۰۴ ۱۰:۳۰»."""
    if value is None:
        return ""
    return f"{jalali.format_short(value.date())} {format_time(value.time())}"
