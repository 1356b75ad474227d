"""The core services the windows use, opened once per database."""

from __future__ import annotations

from dataclasses import dataclass

from secretariat.agencies import AgencyService
from secretariat.council import CouncilService
from secretariat.database import Database
from secretariat.people import PeopleService
from ui.changes import Changes


@dataclass(frozen=True)
class Services:
    database: Database
    council: CouncilService
    agencies: AgencyService
    people: PeopleService
    changes: Changes

    @classmethod
    def for_database(cls, database: Database) -> Services:
        return cls(
            database=database,
            council=CouncilService(database),
            agencies=AgencyService(database),
            people=PeopleService(database),
            changes=Changes(),
        )
