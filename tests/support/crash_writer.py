"""A process for ``test_crash_safety`` to kill: it saves records through the
real services as fast as it can and reports each one once it is saved.

    python -m tests.support.crash_writer DATABASE ROUND write
        adds agencies (and now and then a person and their post at one of
        them); prints ``agency ID``, ``person ID`` or ``representation ID``
        after each commit, flushed, so every printed id is a change reported
        as saved.
    python -m tests.support.crash_writer DATABASE ROUND backup TARGET
        writes as above and takes a backup to TARGET after every few writes,
        printing ``backup SHA256`` once each is in place.

It prints ``ready`` once the database is open.
"""

from __future__ import annotations

import sys

from secretariat.core import Secretariat
from secretariat.maintenance.backup import backup_to
from secretariat.members.agencies import AgencyDraft
from secretariat.members.people import AppointmentDraft, PersonDraft
from secretariat.members.roles import Role


def main(path: str, round_number: str, mode: str, target: str | None = None) -> None:
    secretariat = Secretariat.open(path)
    database = secretariat.database
    agencies, people = secretariat.agencies, secretariat.people
    print("ready", flush=True)
    count = 0
    while True:
        count += 1
        agency = agencies.add(
            AgencyDraft(name=f"دستگاه آزمون {round_number}-{count}", address="خیابان " * 20)
        )
        print(f"agency {agency.id}", flush=True)
        if count % 5 == 0:
            person = people.add(PersonDraft(full_name=f"کارمند {round_number}-{count}"))
            print(f"person {person.id}", flush=True)
            post = people.appoint(
                AppointmentDraft(
                    agency_id=agency.id,
                    person_id=person.id,
                    role=Role.PR_MANAGER.value,
                    start_date="۱۴۰۵/۰۱/۱۵",
                )
            )
            print(f"representation {post.id}", flush=True)
        if mode == "backup" and count % 3 == 0:
            record = backup_to(database, target)
            print(f"backup {record.sha256}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
