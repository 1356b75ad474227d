"""How the meeting commands print: Persian lines with Persian digits for
people, JSON with Jalali dates in Latin digits (1404/07/15) for scripts."""

from __future__ import annotations

from secretariat.cli.common import json_date, json_datetime, json_time
from secretariat.clock import format_time
from secretariat.meetings.deadline import deadline_text, kept_deadline_text
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.records import (
    AgendaItemRecord,
    AmendmentRecord,
    AttachmentRecord,
    InvitationRecord,
    MeetingDetail,
    MeetingRecord,
    MeetingRow,
    Quorum,
    ResolutionRecord,
)
from secretariat.persian import jalali
from secretariat.persian.text import format_int, to_persian_digits

# A JSON object as printed for scripts; its values are of every kind JSON has.
JsonObject = dict[str, object]

FIELD_LABELS = {"resolution_text": "متن", "due_date": "مهلت", "item_summary": "خلاصه بند"}


def _id(value: int) -> str:
    return to_persian_digits(value)


# -- JSON ------------------------------------------------------------------------


def row_json(row: MeetingRow) -> JsonObject:
    return {
        "id": row.id,
        "number": row.number,
        "title": row.title,
        "date": json_date(row.date),
        "start_time": json_time(row.start_time),
        "kind": row.kind.value,
        "kind_label": row.kind.label,
        "status": row.status.value,
        "status_label": row.status_label,
        "signed": row.signed,
        "resolution_count": row.resolution_count,
        "host": row.host_agency_name or None,
        "venue": row.venue,
    }


def meeting_json(meeting: MeetingRecord) -> JsonObject:
    return {
        "id": meeting.id,
        "number": meeting.number,
        "year_number": meeting.year_number,
        "title": meeting.title,
        "kind": meeting.kind.value,
        "kind_label": meeting.kind.label,
        "date": json_date(meeting.date),
        "date_text": jalali.format_long(meeting.date),
        "start_time": json_time(meeting.start_time),
        "end_time": json_time(meeting.end_time),
        "host_agency_id": meeting.host_agency_id,
        "host": meeting.host_agency_name or None,
        "venue": meeting.venue,
        "chair": meeting.chair,
        "occasion": meeting.occasion,
        "status": meeting.status.value,
        "status_label": meeting.status_label,
        "signed": meeting.signed,
        "cancel_reason": meeting.cancel_reason or None,
        "finalized_at": json_datetime(meeting.finalized_at),
        "finalized_by": meeting.finalized_by or None,
        "signed_at": json_datetime(meeting.signed_at),
        "postponements": [
            {
                "from": json_date(p.from_date),
                "to": json_date(p.to_date),
                "reason": p.reason,
                "recorded_at": json_datetime(p.recorded_at),
            }
            for p in meeting.postponements
        ],
    }


def agenda_json(item: AgendaItemRecord) -> JsonObject:
    return {
        "id": item.id,
        "position": item.position,
        "title": item.title,
        "presenter_agency_id": item.presenter_agency_id,
        "presenter": item.presenter_agency_name or None,
        "notes": item.notes,
        "summary": item.summary,
        "reviews_open_resolutions": item.reviews_open_resolutions,
    }


def invitation_json(invitation: InvitationRecord) -> JsonObject:
    return {
        "id": invitation.id,
        "agency_id": invitation.agency_id,
        "agency": None if invitation.is_guest else invitation.agency_name,
        "guest": {
            "name": invitation.guest_name,
            "title": invitation.guest_title,
            "organization": invitation.agency_name,
        }
        if invitation.is_guest
        else None,
        "attendance": invitation.attendance.value,
        "attendance_label": invitation.attendance.label,
        "attendee": invitation.attendee_name or None,
        "attendee_person_id": invitation.attendee_person_id,
        "excuse": invitation.excuse or None,
    }


def amendment_json(amendment: AmendmentRecord) -> JsonObject:
    return {
        "id": amendment.id,
        "resolution_id": amendment.resolution_id,
        "agenda_item_id": amendment.agenda_item_id,
        "field": amendment.field,
        "original": amendment.original,
        "amended": amendment.amended,
        "reason": amendment.reason,
        "author": amendment.author,
        "recorded_at": json_datetime(amendment.recorded_at),
    }


def resolution_json(resolution: ResolutionRecord) -> JsonObject:
    lead = resolution.lead
    return {
        "id": resolution.id,
        "number": resolution.number,
        "code": resolution.code,
        "text": resolution.text,
        "current_text": resolution.current_text,
        "agenda_item_id": resolution.agenda_item_id,
        "lead": {"id": lead.agency_id, "name": lead.agency_name} if lead else None,
        "collaborators": [{"id": a.agency_id, "name": a.agency_name} for a in resolution.collaborators],
        "due": json_date(resolution.due_date),
        "due_next_meeting": resolution.due_next_meeting,
        "priority": resolution.priority.value,
        "priority_label": resolution.priority.label,
        "status": resolution.status,
        "amendments": [amendment_json(a) for a in resolution.amendments],
    }


def attachment_json(attachment: AttachmentRecord) -> JsonObject:
    return {
        "id": attachment.id,
        "kind": attachment.kind,
        "signed_minutes": attachment.is_signed_minutes,
        "filename": attachment.filename,
        "media_type": attachment.media_type,
        "size": attachment.size,
        "sha256": attachment.sha256,
        "description": attachment.description or None,
        "added_at": json_datetime(attachment.added_at),
    }


def quorum_json(quorum: Quorum) -> JsonObject:
    return {
        "members": quorum.members,
        "present": quorum.present,
        "required": quorum.required,
        "met": quorum.met,
    }


def detail_json(detail: MeetingDetail) -> JsonObject:
    return {
        **meeting_json(detail.meeting),
        "agenda": [agenda_json(item) for item in detail.agenda],
        "invitations": [invitation_json(i) for i in detail.invitations],
        "quorum": quorum_json(detail.quorum),
        "resolutions": [resolution_json(r) for r in detail.resolutions],
        "amendments": [amendment_json(a) for a in detail.amendments],
        "attachments": [attachment_json(a) for a in detail.attachments],
    }


# -- lines for people ---------------------------------------------------------------


def _when(meeting: MeetingRecord) -> str:
    text = jalali.format_long(meeting.date)
    if meeting.start_time and meeting.end_time:
        text += f"، ساعت {format_time(meeting.start_time)} تا {format_time(meeting.end_time)}"
    elif meeting.start_time:
        text += f"، ساعت {format_time(meeting.start_time)}"
    return text


def _where(venue: str, host: str) -> str:
    if venue and host:
        return f"{venue} ({host})"
    return venue or host


def planned_line(verb: str, meeting: MeetingRecord) -> str:
    where = _where(meeting.venue, meeting.host_agency_name)
    return (
        f"«{meeting.title}» {verb}: {_when(meeting)}"
        + (f"، {where}" if where else "")
        + (f" - شناسه {_id(meeting.id)}")
    )


def row_line(row: MeetingRow) -> str:
    count = f"{to_persian_digits(row.resolution_count)} مصوبه" if row.resolution_count else "-"
    return "\t".join(
        [
            _id(row.id),
            jalali.format_short(row.date),
            row.title,
            row.kind.label,
            row.status_label,
            count,
            _where(row.venue, row.host_agency_name) or "-",
        ]
    )


def quorum_line(quorum: Quorum) -> str:
    verdict = "حد نصاب حاصل است" if quorum.met else "حد نصاب حاصل نیست"
    return (
        f"حد نصاب: {to_persian_digits(quorum.present)} از {to_persian_digits(quorum.members)} دستگاه دعوت‌شده "
        f"حاضرند (لازم: {to_persian_digits(quorum.required)})؛ {verdict}."
    )


def invitation_line(invitation: InvitationRecord) -> str:
    text = f"{invitation.display_name}: {invitation.attendance.label}"
    if invitation.attendee_name:
        text += f" - {invitation.attendee_name}"
    if invitation.excuse:
        text += f" (دلیل: {invitation.excuse})"
    return text


def _due(resolution: ResolutionRecord) -> str:
    return deadline_text(resolution.due_date, resolution.due_next_meeting)


def amendment_line(amendment: AmendmentRecord) -> str:
    label = FIELD_LABELS.get(amendment.field, amendment.field)
    original, amended = amendment.original, amendment.amended
    if amendment.field == "due_date":
        original, amended = kept_deadline_text(original), kept_deadline_text(amended)
    return (
        f"اصلاحیه {label} ({jalali.format_short(amendment.recorded_at.date())}، {amendment.author}): "
        f"«{original}» ← «{amended}»؛ دلیل: {amendment.reason}"
    )


def attachment_line(attachment: AttachmentRecord) -> str:
    kind = "نسخه امضاشده صورتجلسه" if attachment.is_signed_minutes else "پیوست"
    size = f"{format_int(max(1, round(attachment.size / 1024)))} کیلوبایت"
    text = f"{kind} [شناسه {_id(attachment.id)}]: {attachment.filename} ({attachment.media_type}، {size})"
    if attachment.description:
        text += f" - {attachment.description}"
    return text + f"\n    SHA-256: {attachment.sha256}"


def detail_text(detail: MeetingDetail) -> str:
    meeting = detail.meeting
    lines = [f"{meeting.title} - شناسه {_id(meeting.id)}"]
    kind = meeting.kind.label
    if meeting.year_number:
        kind += (
            f"؛ جلسه {to_persian_digits(meeting.year_number)} سال {to_persian_digits(meeting.jalali_year)}"
        )
    lines.append(f"نوع: {kind}")
    lines.append(f"تاریخ: {_when(meeting)}")
    where = _where(meeting.venue, meeting.host_agency_name)
    if where:
        lines.append(f"محل: {where}")
    if meeting.chair:
        lines.append(f"رئیس جلسه: {meeting.chair}")
    if meeting.occasion:
        lines.append(f"مناسبت: {meeting.occasion}")
    status = meeting.status_label
    if meeting.finalized_at:
        finalized_on = jalali.format_short(meeting.finalized_at.date())
        status += f" (نهایی شده در {finalized_on} به دست {meeting.finalized_by})"
    lines.append(f"وضعیت: {status}")
    for p in meeting.postponements:
        lines.append(
            f"تعویق: از {jalali.format_short(p.from_date)} به {jalali.format_short(p.to_date)}؛ دلیل: "
            f"{p.reason}"
        )
    if meeting.status is MeetingStatus.CANCELLED:
        lines.append(f"دلیل لغو: {meeting.cancel_reason}")

    lines += ["", "دستور کار:"]
    if not detail.agenda:
        lines.append("  (بندی ندارد)")
    for item in detail.agenda:
        presenter = f" - ارائه: {item.presenter_agency_name}" if item.presenter_agency_name else ""
        lines.append(f"  {to_persian_digits(item.position)}. {item.title}{presenter} [شناسه {_id(item.id)}]")
        lines += [f"     {line}" for line in item.notes.splitlines()]
        if item.summary:
            lines.append(f"     خلاصه: {item.summary}")

    if meeting.status.numbers_frozen:
        lines += ["", "دعوت‌شدگان و حضور و غیاب:", f"  {quorum_line(detail.quorum)}"]
        for invitation in detail.invitations:
            prefix = "مهمان: " if invitation.is_guest else ""
            lines.append(f"  {prefix}{invitation_line(invitation)}")
    else:  # not held: who is invited is all there is to say
        guests = sum(1 for i in detail.invitations if i.is_guest)
        count = f"{to_persian_digits(detail.quorum.members)} دستگاه" + (
            f"، {to_persian_digits(guests)} مهمان" if guests else ""
        )
        lines += ["", f"دعوت‌شدگان ({count}):"]
        lines += [f"  {'مهمان: ' if i.is_guest else ''}{i.display_name}" for i in detail.invitations]

    lines += ["", "مصوبات:"]
    if not detail.resolutions:
        lines.append("  (مصوبه‌ای ثبت نشده است)")
    for resolution in detail.resolutions:
        lines.append(f"  {to_persian_digits(resolution.code)} [شناسه {_id(resolution.id)}] {resolution.text}")
        lead = resolution.lead.agency_name if resolution.lead else "-"
        helpers = "، ".join(a.agency_name for a in resolution.collaborators)
        lines.append(f"     مسئول اجرا: {lead}" + (f"؛ همکاران: {helpers}" if helpers else ""))
        lines.append(f"     مهلت: {_due(resolution)}؛ اولویت: {resolution.priority.label}")
        lines += [f"     {amendment_line(a)}" for a in resolution.amendments]

    others = [a for a in detail.amendments if a.resolution_id is None]
    if others:
        lines += ["", "اصلاحیه‌های دیگر:"] + [f"  {amendment_line(a)}" for a in others]

    lines += ["", "پیوست‌ها:"]
    if not detail.attachments:
        lines.append("  (پیوستی ندارد)")
    lines += [f"  {attachment_line(a)}" for a in detail.attachments]
    return "\n".join(lines)
