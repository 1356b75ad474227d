"""The quorum of a meeting from its invitations and the council's rule.

Its own module because both the planning (a meeting's detail) and the
attendance need it, and the attendance already imports the planning.
"""

from __future__ import annotations

from db.models import Council
from secretariat.meetings.records import InvitationRecord, Quorum
from secretariat.members.council import QuorumRule, quorum_required


def quorum_of(council: Council | None, invitations: tuple[InvitationRecord, ...]) -> Quorum:
    members = [i for i in invitations if not i.is_guest]
    present = sum(1 for i in members if i.attendance.counts_as_present)
    rule = QuorumRule(council.quorum_rule) if council else QuorumRule.MAJORITY
    required = quorum_required(rule, len(members), council.quorum_count if council else None)
    return Quorum(members=len(members), present=present, required=required)
