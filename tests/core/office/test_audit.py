"""Every kind of change leaves its entry: who, when, what, the values before and after."""

import pytest

from secretariat.errors import PermissionDeniedError
from secretariat.letters.register import LetterKind, OutgoingDraft
from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.office.accounts import UserDraft
from secretariat.office.audit import AuditQuery
from tests.support.meetings import Council


@pytest.fixture
def council(secretariat):
    council = Council(secretariat)
    secretariat.users.add(UserDraft("zahra", "زهرا موسوی", "secretary", "secret-12"))
    secretariat.users.add(UserDraft("ali", "علی رضایی", "expert", "secret-34"))
    return council


def test_a_record_created_changed_and_deactivated_has_its_history(council):
    secretariat = council.secretariat
    secretariat.users.sign_in("ali", "secret-34")
    agency = council.agency("بانک ملی")
    secretariat.agencies.update(agency, AgencyDraft(name="بانک ملی ایران"))
    secretariat.agencies.set_active(agency, False)
    history = secretariat.audit.history("agency", agency)
    assert [entry.action for entry in history] == ["create", "change", "deactivate"]
    assert {entry.username for entry in history} == {"ali"}
    assert {entry.who for entry in history} == {"علی رضایی"}
    assert history[0].changes["name"] == "بانک ملی"
    assert history[1].changes == {"name": ["بانک ملی", "بانک ملی ایران"]}
    assert history[2].changes == {"active": [True, False]}
    assert (history[1].action_label, history[1].kind_label) == ("ویرایش", "دستگاه")


def test_a_meetings_history_holds_its_agenda_and_its_finalizing(council):
    secretariat = council.secretariat
    agency = council.agency("بانک ملی")
    meeting = council.plan("1405/08/20")
    secretariat.agenda.add(meeting.id, AgendaItemDraft(title="گزارش هفته کتاب"))
    council.hold(meeting.id)
    resolution = council.resolve(meeting.id, "مقرر شد گزارش عملکرد ارسال شود.", agency)
    council.finalize(meeting.id)
    council.minutes.amend_resolution(resolution.id, due_date="1405/10/15", reason="تعطیلات", author="دبیر")
    actions = [(entry.kind, entry.action) for entry in secretariat.audit.history("meeting", meeting.id)]
    assert ("meeting", "create") in actions and ("agenda_item", "create") in actions
    assert actions.count(("meeting", "finalize")) == 1
    finalize = next(e for e in secretariat.audit.history("meeting", meeting.id) if e.action == "finalize")
    assert finalize.changes["status"] == ["held", "finalized"] and finalize.username == "zahra"
    resolution_actions = [entry.action for entry in secretariat.audit.history("resolution", resolution.id)]
    assert "amend" in resolution_actions


def test_a_void_and_a_deletion_are_kept_and_the_trail_filters(council):
    secretariat = council.secretariat
    draft = OutgoingDraft(kind=LetterKind.OTHER.value, source_key="x", party="بانک ملی", subject="دعوت")
    letter = secretariat.letters.issue(draft)
    secretariat.letters.void(letter.number, reason="نشانی نادرست")
    doomed = council.agency("دستگاه اشتباهی")
    secretariat.agencies.delete(doomed)
    assert [e.action for e in secretariat.audit.history("letter", letter.id)] == ["create", "void"]
    assert [e.action for e in secretariat.audit.history("agency", doomed)] == ["create", "delete"]
    by_kind = secretariat.audit.page(AuditQuery(kind="letter"))
    assert {entry.kind for entry in by_kind} == {"letter"}
    secretariat.users.sign_in("ali", "secret-34")
    council.agency("بانک سپه")
    secretariat.users.sign_in("zahra", "secret-12")
    mine = secretariat.audit.page(AuditQuery(username="ali"))
    assert [(e.action, e.kind) for e in mine] == [("create", "agency"), ("sign_in", "user_account")]
    assert secretariat.audit.count(AuditQuery(username="ali")) == 2


def test_a_refused_save_leaves_no_entry(council):
    secretariat = council.secretariat
    before = secretariat.audit.count()
    secretariat.users.sign_out()
    with pytest.raises(PermissionDeniedError, match="وارد شوید"):
        council.agency("بانک ملی")
    secretariat.users.sign_in("zahra", "secret-12")
    assert secretariat.audit.count() == before + 1  # only the sign-in
    assert secretariat.audit.page(limit=1)[0].action == "sign_in"


def test_passwords_never_enter_the_trail(council):
    secretariat = council.secretariat
    secretariat.users.reset_password("ali", "another-1")
    text = repr([entry.changes for entry in secretariat.audit.page(AuditQuery(kind="user_account"))])
    assert "scrypt" not in text and "another-1" not in text and "‹محرمانه›" in text
