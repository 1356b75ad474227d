"""The year's letter register as archive rows (schema version 4).

Every letter whose sequence year (``Letter.year``) is the archive's, in both
directions and voided ones too, keyed by its number (unique in the council);
the resolutions each is about, by their codes; and its document (the PDF as
first issued, or the scan received), whose bytes the archive holds at
``letters/<out|in>/<number>.<ext>``. A letter may name what lies outside the
year: a meeting of another year (by that meeting's key), a resolution of an
earlier meeting (by its code), or, for an answer, a letter of another year
(by its number); the import links them when the database has them.

An outgoing letter's ``source_key`` says what printed it in the ids of the
database that issued it. Imported elsewhere those ids name other records, so
the import fences it off (``IMPORTED_SOURCE``): a reprint there never takes an
imported letter for its own, and an export gives the key back as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Letter, LetterDocument, LetterResolution, Resolution
from secretariat.archive.layout import LETTERS_FOLDER, safe_filename
from secretariat.letters.numbering import OUT
from secretariat.meetings.content import EXTENSIONS

# Before the source key of an imported letter: no printout's key starts so.
IMPORTED_SOURCE = "archive:"
_IDS_PER_QUERY = 500


@dataclass(frozen=True)
class StoredDocument:
    letter_id: int
    filename: str
    media_type: str
    size: int
    sha256: str


@dataclass
class LetterYear:
    """The year's letters as the database holds them, read in the export's session."""

    letters: list[Letter]  # out, then in; each by its sequence
    links: list[tuple[int, int]]  # (letter id, resolution id)
    documents: dict[int, StoredDocument]  # by letter id
    resolution_code: dict[int, str]  # every resolution linked, of any year
    answered_number: dict[int, str]  # answered letters of other years, by id
    # Not in the data: where each document's bytes go in the archive (letter id, archive path).
    paths: list[tuple[int, str]] = field(default_factory=list)

    @classmethod
    def read(cls, session: Session, year: int) -> LetterYear:
        letters = sorted(
            session.scalars(select(Letter).where(Letter.year == year)),
            key=lambda letter: (letter.direction != OUT, letter.seq, letter.id),
        )
        ids = [letter.id for letter in letters]
        links: list[tuple[int, int]] = []
        documents: dict[int, StoredDocument] = {}
        for start in range(0, len(ids), _IDS_PER_QUERY):
            chunk = ids[start : start + _IDS_PER_QUERY]
            links += [
                (letter_id, resolution_id)
                for letter_id, resolution_id in session.execute(
                    select(LetterResolution.letter_id, LetterResolution.resolution_id).where(
                        LetterResolution.letter_id.in_(chunk)
                    )
                )
            ]
            for row in session.execute(
                select(
                    LetterDocument.letter_id,
                    LetterDocument.filename,
                    LetterDocument.media_type,
                    LetterDocument.size,
                    LetterDocument.sha256,
                ).where(LetterDocument.letter_id.in_(chunk))
            ):
                documents[row.letter_id] = StoredDocument(*row)
        resolution_ids = sorted({resolution_id for _letter, resolution_id in links})
        codes: dict[int, str] = {}
        for start in range(0, len(resolution_ids), _IDS_PER_QUERY):
            codes.update(
                (resolution_id, code)
                for resolution_id, code in session.execute(
                    select(Resolution.id, Resolution.code).where(
                        Resolution.id.in_(resolution_ids[start : start + _IDS_PER_QUERY])
                    )
                )
            )
        within = set(ids)
        outside = {letter.answers_letter_id for letter in letters} - within - {None}
        answered: dict[int, str] = {}
        if outside:
            answered = {
                letter_id: number
                for letter_id, number in session.execute(
                    select(Letter.id, Letter.number).where(Letter.id.in_(outside))
                )
            }
        return cls(letters, links, documents, codes, answered)

    @property
    def agency_ids(self) -> set[int]:
        return {letter.agency_id for letter in self.letters if letter.agency_id is not None}

    @property
    def meeting_ids(self) -> set[int]:
        return {letter.meeting_id for letter in self.letters if letter.meeting_id is not None}

    def rows(
        self, agency_key: Mapping[int, str], meeting_key: Mapping[int, str]
    ) -> dict[str, list[dict[str, object]]]:
        """The register's tables as ``{table: [values by field]}``; the documents' paths noted."""
        number = {letter.id: letter.number for letter in self.letters} | self.answered_number
        rank = {letter.id: index for index, letter in enumerate(self.letters)}
        self.paths = []
        used: set[str] = set()
        documents = []
        for letter in self.letters:
            stored = self.documents.get(letter.id)
            if stored is None:
                continue
            path = _document_path(letter, stored, used)
            self.paths.append((letter.id, path))
            documents.append(
                {
                    "letter": letter.number,
                    "filename": stored.filename,
                    "media_type": stored.media_type,
                    "size": stored.size,
                    "sha256": stored.sha256,
                    "path": path,
                }
            )
        return {
            "letters": [
                {
                    "number": letter.number,
                    "direction": letter.direction,
                    "year": letter.year,
                    "seq": letter.seq,
                    "date": letter.date,
                    "kind": letter.kind,
                    "agency": None if letter.agency_id is None else agency_key[letter.agency_id],
                    "party": letter.party,
                    "subject": letter.subject,
                    "attachments": letter.attachments,
                    "concerns": letter.concerns,
                    "meeting": None if letter.meeting_id is None else meeting_key[letter.meeting_id],
                    "report_year": letter.report_year,
                    "report_month": letter.report_month,
                    "source_key": letter.source_key.removeprefix(IMPORTED_SOURCE),
                    "their_number": letter.their_number,
                    "their_date": letter.their_date,
                    "answers_letter": (
                        None if letter.answers_letter_id is None else number[letter.answers_letter_id]
                    ),
                    "recorded_by": letter.recorded_by,
                    "recorded_at": letter.recorded_at,
                    "voided_reason": letter.voided_reason,
                    "voided_by": letter.voided_by,
                    "voided_at": letter.voided_at,
                }
                for letter in self.letters
            ],
            "letter_resolutions": [
                {"letter": number[letter_id], "resolution": self.resolution_code[resolution_id]}
                for letter_id, resolution_id in sorted(
                    self.links, key=lambda link: (rank[link[0]], self.resolution_code[link[1]])
                )
            ],
            "letter_documents": documents,
        }


def _document_path(letter: Letter, stored: StoredDocument, used: set[str]) -> str:
    """«letters/out/12_ش_1404.pdf»: the number made a file name, the document's own extension."""
    suffix = PurePosixPath(safe_filename(stored.filename)).suffix.lower()
    if not suffix or len(suffix) > 6:
        suffix = EXTENSIONS.get(stored.media_type, "")
    stem = f"{LETTERS_FOLDER}{letter.direction}/{safe_filename(letter.number)}"
    path, copy = f"{stem}{suffix}", 1
    while path in used:  # two numbers that read alike once made file names
        copy += 1
        path = f"{stem}-{copy}{suffix}"
    used.add(path)
    return path
