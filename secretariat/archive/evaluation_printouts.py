"""The year's evaluation as the archive prints it: the ranking, and the certificates of the best.

The ranking is printed as ``report evaluation`` prints it (a draft as a
draft, watermarked and without a seal). A published evaluation adds the
certificates (لوح تقدیر) of the agencies ranked in the top three (those
sharing the third rank too): the honour every council gives, whatever tiers
it set (a top tier may be empty in a lean year), and one short PDF. They are
dated the day the result was published and addressed to each agency's PR
manager on that day, as they were handed out, so that the archive's copy
says what the ceremony's did, whenever the archive is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from secretariat.archive.layout import certificates_path, ranking_path
from secretariat.core import Secretariat
from secretariat.reports.certificates import RANK, Honoured, certificates_pdf, honoured_standings
from secretariat.reports.evaluation_data import EvaluationPrint, certificate_seal, gather_evaluation
from secretariat.reports.evaluation_report import evaluation_pdf
from secretariat.reports.letter import formal_name
from secretariat.reports.progress import ReportRun

CERTIFICATES_TOP = 3  # the ranks honoured with a certificate in the archive


def evaluation_printouts(
    core: Secretariat,
    year: int,
    *,
    printed_on: dt.date | None,
    archived_at: dt.datetime,
    run_for: Callable[[float, float], ReportRun],
) -> list[tuple[str, bytes]]:
    """``[(archive path, PDF)]``: the ranking, then (published) the top three's certificates.

    ``run_for(start, end)`` gives the run a PDF reports its progress on, as a
    share of the evaluation's part of the export.
    """
    data = gather_evaluation(core, year)
    printouts = [
        (
            ranking_path(year),
            evaluation_pdf(data, printed_on=printed_on, run=run_for(0.0, 0.6), archived_at=archived_at),
        )
    ]
    published_at = data.evaluation.published_at
    if not data.evaluation.published or published_at is None or not data.standings:
        return printouts
    day = published_at.date()
    honoured = top_certificates(core, data, day)
    printouts.append(
        (
            certificates_path(year),
            certificates_pdf(
                data,
                [(each, day, None) for each in honoured],
                printed_on=day,
                run=run_for(0.6, 1.0),
                archived_at=archived_at,
            ),
        )
    )
    return printouts


def top_certificates(core: Secretariat, data: EvaluationPrint, day: dt.date) -> list[Honoured]:
    """The top three's certificates, each addressed to the agency's PR manager on ``day`` (printed
    as of that day, without a letter number: the archive keeps the result, not a letter issued)."""
    standings = honoured_standings(data, top=CERTIFICATES_TOP, tier=None)
    managers = core.people.pr_managers_on({standing.agency_id for standing in standings}, day)
    honoured = []
    for standing in standings:
        manager = managers.get(standing.agency_id)
        recipient = formal_name(manager.full_name, manager.honorific) if manager else ""
        seal = certificate_seal(data, standing, recipient=recipient, honour=RANK)
        honoured.append(Honoured(standing, recipient, RANK, seal))
    return honoured
