"""Each role against each door of the core: the hooks refuse whatever service tries."""

import pytest

from secretariat.errors import PermissionDeniedError
from secretariat.members.agencies import AgencyDraft
from secretariat.office.accounts import UserDraft
from secretariat.office.roles import Permission
from tests.support.meetings import Council, unchanged


@pytest.fixture
def council(secretariat):
    council = Council(secretariat)
    secretariat.users.add(UserDraft("zahra", "زهرا موسوی", "secretary", "secret-12"))
    secretariat.users.add(UserDraft("ali", "علی رضایی", "expert", "secret-34"))
    secretariat.users.add(UserDraft("mina", "مینا کاظمی", "viewer", "secret-56"))
    return council


PASSWORDS = {"zahra": "secret-12", "ali": "secret-34", "mina": "secret-56"}


def sign_in(secretariat, username):
    secretariat.users.sign_in(username, PASSWORDS[username])


def test_a_council_without_accounts_works_as_before(secretariat):
    Council(secretariat).agency("بانک ملی")
    assert secretariat.may(Permission.RESTORE) and secretariat.user is None


def test_nobody_signed_in_saves_nothing_once_there_are_accounts(council):
    secretariat = council.secretariat
    secretariat.users.sign_out()
    with unchanged(secretariat.database), pytest.raises(PermissionDeniedError, match="وارد شوید"):
        council.agency("بانک ملی")
    assert not secretariat.may(Permission.EDIT)


def test_a_viewer_reads_but_saves_nothing(council):
    secretariat = council.secretariat
    agency = council.agency("بانک ملی")
    sign_in(secretariat, "mina")
    assert secretariat.agencies.get(agency).name == "بانک ملی"
    with unchanged(secretariat.database):
        with pytest.raises(PermissionDeniedError, match="ناظر"):
            secretariat.agencies.update(agency, AgencyDraft(name="بانک ملی ایران"))
        with pytest.raises(PermissionDeniedError):
            council.plan("1405/09/20")
    assert not secretariat.may(Permission.EDIT)


def test_an_expert_records_the_meeting_but_the_secretary_finalizes_it(council):
    secretariat = council.secretariat
    agency = council.agency("بانک ملی")
    sign_in(secretariat, "ali")
    meeting = council.plan("1405/08/20")
    council.hold(meeting.id)
    resolution = council.resolve(meeting.id, "مقرر شد گزارش عملکرد ارسال شود.", agency)
    refused = pytest.raises(PermissionDeniedError, match="نهایی کردن و اصلاح صورتجلسه")
    with unchanged(secretariat.database), refused:
        council.finalize(meeting.id)
    assert not secretariat.may(Permission.FINALIZE) and secretariat.may(Permission.EDIT)
    sign_in(secretariat, "zahra")
    council.finalize(meeting.id)
    assert secretariat.meetings.get(meeting.id).status == "finalized"
    sign_in(secretariat, "ali")  # nor may the expert amend the finalized minutes
    with unchanged(secretariat.database), pytest.raises(PermissionDeniedError):
        council.minutes.amend_resolution(resolution.id, due_date="1405/10/15", reason="تعطیلات", author="علی")


def test_an_expert_cannot_restore_or_manage_users(council):
    secretariat = council.secretariat
    sign_in(secretariat, "ali")
    with pytest.raises(PermissionDeniedError, match="بازگرداندن پشتیبان"):
        secretariat.require(Permission.RESTORE)
    sign_in(secretariat, "zahra")
    secretariat.require(Permission.RESTORE)


def test_the_signed_in_user_is_who_recorded_not_what_was_typed(council):
    secretariat = council.secretariat
    agency = council.agency("بانک ملی")
    sign_in(secretariat, "ali")
    meeting = council.plan("1405/08/20")
    council.hold(meeting.id)
    resolution = council.resolve(meeting.id, "مقرر شد گزارش عملکرد ارسال شود.", agency)
    sign_in(secretariat, "zahra")
    secretariat.minutes.finalize(meeting.id, by="نام تایپ‌شده")
    assert secretariat.meetings.get(meeting.id).finalized_by == "زهرا موسوی"
    amendment = secretariat.minutes.amend_resolution(
        resolution.id, due_date="1405/10/15", reason="تعطیلات", author="دبیر"
    )
    assert amendment.author == "زهرا موسوی"
    from secretariat.followup.lifecycle import FollowUpDraft

    sign_in(secretariat, "ali")
    entry = secretariat.followup.add(
        resolution.id, FollowUpDraft(date="1405/08/25", kind="phone", note="تماس", recorded_by="کس دیگر")
    )
    assert entry.recorded_by == "علی رضایی"
