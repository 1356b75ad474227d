"""Checking the code printed on an evaluation's document against the records.

A published evaluation's printouts carry a document code (``reports.
evaluation_data``): «E1404-R-9F3A1C2B» the ranking of 1404, «E1404-S012-…»
a score card, «E1404-C012-…» a certificate. The fingerprint is recomputed
with the same public ``*_seal`` functions, from the ranking as published and
amended, and as it stood before each later amendment: a copy printed before
an amendment still matches, and is said to be of the earlier state.

A score card's and a certificate's number is the agency's id in the
database that printed it; the agency is found by the fingerprint instead
(its name is part of the content), so that a copy printed before the year
was archived and imported elsewhere still matches. A certificate's content
says who it was addressed to and what it honours (the rank or the tier):
each of the agency's PR managers, and nobody, is tried with each honour.
A draft is never sealed: a code of a year whose evaluation is a draft does
not match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from sqlalchemy import select

from db.models import Person, Representation
from secretariat.core import Secretariat
from secretariat.database import Database
from secretariat.errors import NotFoundError
from secretariat.evaluation.ranking import competition_ranks, rounded, tier_of
from secretariat.evaluation.service import AmendmentRecord, Ranking, ScoreCell, Standing
from secretariat.members.roles import Role
from secretariat.persian.text import to_persian_digits
from secretariat.reports.certificates import RANK, TIER
from secretariat.reports.evaluation_data import (
    CODE_PREFIX,
    EvaluationPrint,
    certificate_seal,
    gather_evaluation,
    ranking_seal,
    scorecard_seal,
)
from secretariat.reports.fingerprint import CODE_DIGEST_LENGTH, Seal
from secretariat.reports.letter import formal_name

CODE = re.compile(rf"^{CODE_PREFIX}(\d{{4}})-(R|S\d{{3,}}|C\d{{3,}})-([0-9A-F]{{{CODE_DIGEST_LENGTH}}})$")


@dataclass(frozen=True)
class EvaluationVerdict:
    matches: bool
    message: str  # Persian: the verdict and why
    current_code: str | None = None  # the document's code as the records give it now
    amended_since: bool = False  # matches the evaluation as it was before a later amendment


@dataclass(frozen=True)
class _Printed:
    """A document the records could have printed: what it is, and its seal."""

    title: str
    identity: tuple[object, ...]  # the same document in another state of the evaluation
    seal: Seal


def check_evaluation_code(database: Database, code: str, sha256: str | None) -> EvaluationVerdict:
    """Does an evaluation's document code (and, from a QR code, its fingerprint) match the records?"""
    match = CODE.match(code)
    assert match is not None, "checked by the caller"
    year, document = int(match.group(1)), match.group(2)
    digest = match.group(3)
    shown_year = to_persian_digits(year)
    core = Secretariat(database)
    try:
        current = gather_evaluation(core, year)
    except NotFoundError:
        return EvaluationVerdict(
            False,
            f"در سوابق ارزیابی سال {shown_year} نیست؛ سند «{code}» از این دبیرخانه نیست یا کد آن "
            "نادرست خوانده شده است.",
        )
    if not current.evaluation.published:
        return EvaluationVerdict(
            False,
            f"ارزیابی سال {shown_year} هنوز منتشر نشده است و سند مهرشده‌ای از آن نیست؛ "
            f"سند «{code}» از این سوابق نیست.",
        )
    recipients = _recipients(database, current) if document.startswith("C") else {}
    states = list(_states(current))  # now first, then before each later amendment
    for index, state in enumerate(states):
        for printed in _printed(state, document, recipients):
            if printed.seal.code.endswith(digest) and (sha256 is None or printed.seal.sha256 == sha256):
                now = next(
                    p for p in _printed(current, document, recipients) if p.identity == printed.identity
                )
                if index == 0:
                    return EvaluationVerdict(
                        True, f"سند «{code}» با سوابق می‌خواند: {printed.title}.", current_code=now.seal.code
                    )
                return EvaluationVerdict(
                    True,
                    f"سند «{code}» با سوابق می‌خواند: {printed.title}، چنان که پیش از اصلاحیه‌های بعدی بود؛ "
                    f"کد کنونی آن «{now.seal.code}» است.",
                    current_code=now.seal.code,
                    amended_since=True,
                )
    if document == "R":
        now_code = ranking_seal(current).code
        return EvaluationVerdict(
            False,
            f"سند «{code}» با سوابق نمی‌خواند: رتبه‌بندی ارزیابی سال {shown_year} در سوابق کد «{now_code}» "
            "دارد. نسخه چاپی دست‌کاری شده، یا از سوابقی جز این‌هاست.",
            current_code=now_code,
        )
    return EvaluationVerdict(
        False,
        f"سند «{code}» با سوابق نمی‌خواند: هیچ کارنامه یا لوح تقدیری از ارزیابی سال {shown_year} این "
        "کد را ندارد. نسخه چاپی دست‌کاری شده، یا از سوابقی جز این‌هاست.",
    )


def _printed(data: EvaluationPrint, document: str, recipients: dict[int, list[str]]) -> Iterator[_Printed]:
    year = to_persian_digits(data.year)
    if document == "R":
        yield _Printed(f"رتبه‌بندی ارزیابی سال {year}", ("R",), ranking_seal(data))
        return
    for standing in data.standings:
        if document.startswith("S"):
            title = f"کارنامه ارزیابی «{standing.agency}» در سال {year}"
            yield _Printed(title, ("S", standing.agency_id), scorecard_seal(data, standing))
            continue
        title = f"لوح تقدیر «{standing.agency}» در ارزیابی سال {year}"
        for recipient in recipients.get(standing.agency_id, [""]):
            for honour in (RANK, TIER):
                seal = certificate_seal(data, standing, recipient=recipient, honour=honour)
                yield _Printed(title, ("C", standing.agency_id, recipient, honour), seal)


def _recipients(database: Database, data: EvaluationPrint) -> dict[int, list[str]]:
    """Each agency's PR managers of any time, as a certificate addresses them, and nobody."""
    ids = [standing.agency_id for standing in data.standings]
    found: dict[int, list[str]] = {agency_id: [""] for agency_id in ids}
    with database.reading() as session:
        rows = session.execute(
            select(Representation.agency_id, Person.full_name, Person.honorific)
            .join(Person, Person.id == Representation.person_id)
            .where(Representation.agency_id.in_(ids), Representation.role == Role.PR_MANAGER.value)
        )
        for agency_id, full_name, honorific in rows:
            name = formal_name(full_name, honorific)
            if name not in found[agency_id]:
                found[agency_id].append(name)
    return found


def _states(data: EvaluationPrint) -> Iterator[EvaluationPrint]:
    """The evaluation now, then as it stood before its last amendment, the one before, ... as published."""
    yield data
    amendments = sorted(
        (a for standing in data.standings for cell in standing.cells.values() for a in cell.amendments),
        key=lambda a: a.at,
    )
    for count in range(len(amendments) - 1, -1, -1):
        yield _as_of(data, {id(a) for a in amendments[:count]})


def _as_of(data: EvaluationPrint, kept: set[int]) -> EvaluationPrint:
    """``data`` with only the amendments ``kept`` (by identity): scores, totals, ranks and tiers again."""
    restated: list[tuple[Standing, float]] = []
    for standing in data.standings:
        cells = {criterion_id: _cell_as_of(cell, kept) for criterion_id, cell in standing.cells.items()}
        restated.append((replace(standing, cells=cells), sum(cell.score or 0.0 for cell in cells.values())))
    tiers = data.evaluation.tiers
    ranked = competition_ranks(restated, lambda item: item[1], lambda item: item[0].agency)
    standings = tuple(
        replace(standing, total=rounded(total), rank=rank, tier=tier_of(total, tiers))
        for rank, (standing, total) in ranked
    )
    return replace(data, ranking=Ranking(data.evaluation, standings))


def _cell_as_of(cell: ScoreCell, kept: set[int]) -> ScoreCell:
    if not cell.amendments:
        return cell
    amendments: tuple[AmendmentRecord, ...] = tuple(a for a in cell.amendments if id(a) in kept)
    if amendments:
        return replace(cell, score=amendments[-1].score, amendments=amendments)
    return replace(cell, score=cell.original, original=None, amendments=())
