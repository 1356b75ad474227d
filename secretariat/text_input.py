"""The one boundary every typed text passes on its way into the database.

The window, the command line and the archive import all reach the core's
validation, which cleans each text field here and holds it to the limit set
for it in ``FIELD_LIMITS``. Cleaning, in this order:

1. Line breaks of every kind (CR LF, CR, NEL, U+2028, U+2029) become ``\\n``;
   in a one-line field every line break and tab becomes a space.
2. Terminal escape sequences (ESC [ ... m and the like) are removed whole,
   then every other control character (C0, DEL, C1) except the newline of
   a multi-line field: a pasted NUL, BEL or ESC has no business in a name
   and breaks the printed pages.
3. Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069)
   are removed: they are invisible, they nest, and one left unclosed turns
   the rest of a printed line or a list around. The byte-order mark U+FEFF
   and lone surrogates (undecodable bytes from a command line) go too.
4. The Persian storage normalisation of ``persian.text.normalize``: ي/ك
   become ی/ک, spaces (and tabs) collapse, the ends are trimmed.

Kept on purpose: the zero-width non-joiner (U+200C, spelling), the
zero-width joiner (U+200D), and the implicit direction marks LRM/RLM/ALM
(U+200E, U+200F, U+061C). A mark neither nests nor leaks past its own
position, and Persian keyboards type it on purpose to place brackets and
Latin runs; removing it would change what the typist chose.

A text longer than its limit is refused with a Persian message, never cut.
The limits are counted in characters (code points) after cleaning, and
none is larger than the database column it is stored in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from secretariat.persian.text import format_int, normalize, normalize_line


@dataclass(frozen=True)
class TextLimit:
    """How long a field may be, and whether it keeps its line breaks."""

    limit: int
    multiline: bool = False


def _line(limit: int) -> TextLimit:
    return TextLimit(limit)


def _lines(limit: int) -> TextLimit:
    return TextLimit(limit, multiline=True)


NAME = 100  # a person's name, the one who records or signs
REASON = 2_000  # why something was postponed, cancelled, reopened, changed
NOTES = 2_000
RESOLUTION_TEXT = 3_000  # a resolution is a paragraph; 3,000 is the worst real case
SUMMARY = 10_000  # what was said on an agenda item, for the minutes

# Form -> field -> limit. A form is the name of the core's Draft class, or
# «Service.method» for texts a service method takes as arguments; a field is
# the key the core uses in ``ValidationError.errors`` (for a Draft: its field
# name), so a form shows the message, and reads the limit, under that key.
FIELD_LIMITS: Mapping[str, Mapping[str, TextLimit]] = MappingProxyType(
    {
        "AgencyDraft": {
            "name": _line(200),
            "short_name": _line(50),
            "parent_ministry": _line(200),
            "address": _lines(500),
            "phones": _line(100),  # several numbers, separated by ،
            "email": _line(200),  # the column holds 200 (RFC 5321 allows 254)
            "website": _line(200),
        },
        "PersonDraft": {
            "full_name": _line(NAME),
            "honorific": _line(50),
            "mobile": _line(50),
            "phone": _line(50),
            "email": _line(200),
            "notes": _lines(NOTES),
        },
        "AppointmentDraft": {"title": _line(200)},
        "DecreeDraft": {"number": _line(50), "issued_by": _line(200), "notes": _lines(NOTES)},
        "CouncilDraft": {
            "name": _line(200),
            "city": _line(100),
            "chair": _line(NAME),
            "secretary": _line(NAME),
        },
        "MeetingDraft": {"venue": _line(200), "chair": _line(NAME), "occasion": _line(200)},
        "MeetingService.postpone": {"reason": _line(REASON)},
        "MeetingService.cancel": {"reason": _line(REASON)},
        # The notes of the review item list every open resolution; they are
        # generated, and may be edited and saved again, hence a summary's room.
        "AgendaItemDraft": {"title": _line(500), "notes": _lines(SUMMARY)},
        "AgendaService.set_summary": {"summary": _lines(SUMMARY)},
        "GuestDraft": {"name": _line(NAME), "title": _line(200), "organization": _line(200)},
        "AttendanceEntry": {"substitute_name": _line(NAME), "excuse": _lines(REASON)},
        "ResolutionDraft": {"text": _lines(RESOLUTION_TEXT)},
        "MinutesService.finalize": {"by": _line(NAME)},
        "MinutesService.amend_resolution": {
            "text": _lines(RESOLUTION_TEXT),
            "reason": _line(1_000),
            "author": _line(NAME),
        },
        "MinutesService.amend_item_summary": {
            "summary": _lines(SUMMARY),
            "reason": _line(1_000),
            "author": _line(NAME),
        },
        "AttachmentService.attach": {"description": _line(300)},
        "FollowUpDraft": {"note": _lines(4_000), "recorded_by": _line(NAME)},
        "FollowUpService.mark_done": {"evidence": _line(REASON)},
        "FollowUpService.cancel": {"reason": _line(REASON)},
        "FollowUpService.reopen": {"reason": _line(REASON)},
        "FollowUpService.defer": {"reason": _lines(REASON)},
        "FollowUpService.change_deadline": {"reason": _line(REASON), "by": _line(NAME)},
        "CorrectionDraft": {"note": _lines(4_000), "recorded_by": _line(NAME), "reason": _line(REASON)},
        "FollowUpService.void": {"reason": _line(REASON), "by": _line(NAME)},
        "IndicatorDraft": {"name": _line(200), "unit": _line(50)},
        "MonthlyReportDraft": {
            "letter_number": _line(100),
            "note": _lines(NOTES),
            "recorded_by": _line(NAME),
        },
        "MonthlyReportService.correct": {"reason": _line(REASON), "by": _line(NAME)},
        "MonthlyReportService.void": {"reason": _line(REASON), "by": _line(NAME)},
        "MonthlyReportService.exempt": {"reason": _line(REASON), "by": _line(NAME)},
        "CriterionDraft": {"name": _line(200), "group_name": _line(200)},
        "EvaluationService.set_tiers": {"name": _line(100)},
        "EvaluationService.exclude": {"reason": _line(REASON)},
        "EvaluationService.score": {"by": _line(NAME), "note": _lines(NOTES)},
        "EvaluationService.publish": {"by": _line(NAME)},
        "EvaluationService.amend": {"reason": _line(REASON), "by": _line(NAME)},
        "IncomingDraft": {
            "subject": _line(1_000),
            "party": _line(300),
            "their_number": _line(100),
            "recorded_by": _line(NAME),
        },
        "LetterService.void": {"reason": _line(REASON), "by": _line(NAME)},
    }
)

# Where each limited text is stored: "table.column" -> (form, field). The
# archive import holds a stored value to the limit of the field it came from;
# a test holds every limit to its column's length.
COLUMN_FIELDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "council.name": ("CouncilDraft", "name"),
        "council.city": ("CouncilDraft", "city"),
        "council.chair": ("CouncilDraft", "chair"),
        "council.secretary": ("CouncilDraft", "secretary"),
        "agency.name": ("AgencyDraft", "name"),
        "agency.short_name": ("AgencyDraft", "short_name"),
        "agency.parent_ministry": ("AgencyDraft", "parent_ministry"),
        "agency.address": ("AgencyDraft", "address"),
        "agency.phones": ("AgencyDraft", "phones"),
        "agency.email": ("AgencyDraft", "email"),
        "agency.website": ("AgencyDraft", "website"),
        "person.full_name": ("PersonDraft", "full_name"),
        "person.honorific": ("PersonDraft", "honorific"),
        "person.mobile": ("PersonDraft", "mobile"),
        "person.phone": ("PersonDraft", "phone"),
        "person.email": ("PersonDraft", "email"),
        "person.notes": ("PersonDraft", "notes"),
        "representation.title": ("AppointmentDraft", "title"),
        "membership_decree.number": ("DecreeDraft", "number"),
        "membership_decree.issued_by": ("DecreeDraft", "issued_by"),
        "membership_decree.notes": ("DecreeDraft", "notes"),
        "meeting.venue": ("MeetingDraft", "venue"),
        "meeting.chair": ("MeetingDraft", "chair"),
        "meeting.occasion": ("MeetingDraft", "occasion"),
        "meeting.cancel_reason": ("MeetingService.cancel", "reason"),
        "meeting.finalized_by": ("MinutesService.finalize", "by"),
        "meeting_postponement.reason": ("MeetingService.postpone", "reason"),
        "agenda_item.title": ("AgendaItemDraft", "title"),
        "agenda_item.notes": ("AgendaItemDraft", "notes"),
        "agenda_item.summary": ("AgendaService.set_summary", "summary"),
        "invitation.guest_name": ("GuestDraft", "name"),
        "invitation.guest_title": ("GuestDraft", "title"),
        "invitation.guest_organization": ("GuestDraft", "organization"),
        "invitation.substitute_name": ("AttendanceEntry", "substitute_name"),
        "invitation.excuse": ("AttendanceEntry", "excuse"),
        "resolution.text": ("ResolutionDraft", "text"),
        "resolution.completion_evidence": ("FollowUpService.mark_done", "evidence"),
        "resolution.status_note": ("FollowUpService.defer", "reason"),
        # An amendment holds a new resolution text, deadline or summary: the longest.
        "amendment.amended": ("MinutesService.amend_item_summary", "summary"),
        "amendment.reason": ("MinutesService.amend_resolution", "reason"),
        "amendment.author": ("MinutesService.amend_resolution", "author"),
        "attachment.description": ("AttachmentService.attach", "description"),
        "follow_up.note": ("FollowUpDraft", "note"),
        "follow_up.recorded_by": ("FollowUpDraft", "recorded_by"),
        "follow_up_correction.reason": ("CorrectionDraft", "reason"),
        "follow_up_correction.recorded_by": ("CorrectionDraft", "recorded_by"),
        "deadline_change.reason": ("FollowUpService.change_deadline", "reason"),
        "deadline_change.changed_by": ("FollowUpService.change_deadline", "by"),
        "indicator.name": ("IndicatorDraft", "name"),
        "indicator.unit": ("IndicatorDraft", "unit"),
        "monthly_report.letter_number": ("MonthlyReportDraft", "letter_number"),
        "monthly_report.note": ("MonthlyReportDraft", "note"),
        "monthly_report.recorded_by": ("MonthlyReportDraft", "recorded_by"),
        "monthly_report.reason": ("MonthlyReportService.correct", "reason"),
        "monthly_report.voided_reason": ("MonthlyReportService.void", "reason"),
        "monthly_report.voided_by": ("MonthlyReportService.void", "by"),
        "monthly_exemption.reason": ("MonthlyReportService.exempt", "reason"),
        "monthly_exemption.recorded_by": ("MonthlyReportService.exempt", "by"),
        "evaluation.published_by": ("EvaluationService.publish", "by"),
        "evaluation_criterion.name": ("CriterionDraft", "name"),
        "evaluation_criterion.group_name": ("CriterionDraft", "group_name"),
        "evaluation_tier.name": ("EvaluationService.set_tiers", "name"),
        "evaluation_exclusion.reason": ("EvaluationService.exclude", "reason"),
        "jury_score.evaluator": ("EvaluationService.score", "by"),
        "jury_score.note": ("EvaluationService.score", "note"),
        "evaluation_amendment.reason": ("EvaluationService.amend", "reason"),
        "evaluation_amendment.amended_by": ("EvaluationService.amend", "by"),
        "letter.subject": ("IncomingDraft", "subject"),
        "letter.party": ("IncomingDraft", "party"),
        "letter.their_number": ("IncomingDraft", "their_number"),
        "letter.recorded_by": ("IncomingDraft", "recorded_by"),
        "letter.voided_reason": ("LetterService.void", "reason"),
        "letter.voided_by": ("LetterService.void", "by"),
    }
)

# Every kind of line break ``str.splitlines`` knows that a person may paste.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# ESC [ parameters intermediates final (CSI), ESC ] ... BEL/ST (OSC), ESC + one.
# Only ASCII is taken after an ESC, so no letter or ZWNJ of the text goes with it.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][ -~]*(?:\x07|\x1b\\)?|\x1b[ -~]?")
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_OTHERS = "\ufeff\ud800-\udfff"
_REMOVED_MULTILINE = re.compile(f"[{_CONTROLS}{_BIDI_CONTROLS}{_OTHERS}]")
_REMOVED_LINE = re.compile(f"[\n{_CONTROLS}{_BIDI_CONTROLS}{_OTHERS}]")


def clean(text: str | None, *, multiline: bool = False) -> str:
    """The stored form of a typed text (see the module's notes); idempotent."""
    if not text:
        return ""
    text = _LINE_BREAKS.sub("\n", text)
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    text = _ESCAPES.sub("", text)
    if multiline:
        return normalize(_REMOVED_MULTILINE.sub("", text))
    return normalize_line(_REMOVED_LINE.sub("", text))


def limit_of(form: str | type, field: str) -> TextLimit:
    """The limit of ``field`` on ``form`` (a Draft class or its name, or «Service.method»)."""
    name = form if isinstance(form, str) else form.__name__
    return FIELD_LIMITS[name][field]


def limits_of(form: str | type) -> Mapping[str, TextLimit]:
    """Every limited text field of ``form``; empty for a form without text fields."""
    name = form if isinstance(form, str) else form.__name__
    return FIELD_LIMITS.get(name, {})


def limit_of_column(table: str, column: str) -> TextLimit | None:
    """The limit of a stored text column (None: not a typed text, or not limited)."""
    where = COLUMN_FIELDS.get(f"{table}.{column}")
    return limit_of(*where) if where else None


def too_long_message(limit: int, length: int) -> str:
    """«حداکثر ۲۰۰ نویسه؛ این متن ۵٬۰۰۰ نویسه است.»"""
    return f"حداکثر {format_int(limit)} نویسه؛ این متن {format_int(length)} نویسه است."


def accept(form: str | type, field: str, text: str | None) -> tuple[str, str]:
    """(the cleaned text, "" or the Persian message if it is too long)."""
    spec = limit_of(form, field)
    value = clean(text, multiline=spec.multiline)
    return value, too_long_message(spec.limit, len(value)) if len(value) > spec.limit else ""
