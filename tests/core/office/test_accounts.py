import datetime as dt

import pytest
from sqlalchemy import text

from secretariat import clock
from secretariat.errors import NotFoundError, PermissionDeniedError, SignInError, ValidationError
from secretariat.office.accounts import UserDraft
from secretariat.office.passwords import check_password, hash_password
from secretariat.office.roles import Role

NOON = dt.datetime(2026, 12, 4, 12, 0, 0)


@pytest.fixture
def office(secretariat):
    """A secretary (signed in, as the first account is) and an expert."""
    secretariat.users.add(UserDraft("zahra", "زهرا موسوی", "viewer", "secret-12"))
    secretariat.users.add(UserDraft("ali", "علی رضایی", "expert", "secret-34"))
    return secretariat


def test_passwords_are_kept_only_as_slow_salted_hashes():
    first, second = hash_password("گذرواژه۱۲۳"), hash_password("گذرواژه۱۲۳")
    assert first != second and first.startswith("scrypt$16384$8$1$")  # salted, its cost stated
    assert "گذرواژه" not in first
    assert check_password("گذرواژه۱۲۳", first) and check_password("گذرواژه123", first)  # digits any layout
    assert not check_password("گذرواژه۱۲۴", first)
    assert not check_password("x", "not a hash")


def test_the_first_account_is_the_secretary_and_is_signed_in(secretariat):
    assert not secretariat.users.any() and secretariat.user is None
    first = secretariat.users.add(UserDraft(" Zahra ", "زهرا موسوی", "viewer", "secret-12"))
    assert first.role is Role.SECRETARY and first.username == "zahra"
    assert secretariat.user is not None and secretariat.user.username == "zahra"
    assert secretariat.users.any()
    with secretariat.database.reading() as session:
        stored = session.execute(text("SELECT password_hash FROM user_account")).scalar()
    assert "secret-12" not in stored and check_password("secret-12", stored)


def test_a_bad_account_is_refused_beside_its_fields(office):
    with pytest.raises(ValidationError) as refused:
        office.users.add(UserDraft("علی رضا", " ", "boss", "123"))
    assert set(refused.value.errors) == {"username", "full_name", "role", "password"}
    with pytest.raises(ValidationError) as taken:
        office.users.add(UserDraft("ALI", "علی دیگر", "expert", "secret-56"))
    assert "ali" in taken.value.errors["username"]
    assert [user.username for user in office.users.list()] == ["zahra", "ali"]


def test_signing_in_checks_the_password_and_slows_down_after_three_failures(office, monkeypatch):
    now = [NOON]
    monkeypatch.setattr(clock, "now", lambda: now[0])
    office.users.sign_out()
    for _ in range(3):
        with pytest.raises(SignInError, match="درست نیست"):
            office.users.sign_in("ali", "wrong")
    with pytest.raises(SignInError, match="۲ ثانیه"):  # even the right password waits
        office.users.sign_in("ali", "secret-34")
    now[0] = NOON + dt.timedelta(seconds=3)
    with pytest.raises(SignInError, match="درست نیست"):
        office.users.sign_in("ali", "wrong")
    with pytest.raises(SignInError, match="۴ ثانیه"):  # the wait doubles
        office.users.sign_in("ali", "secret-34")
    now[0] = NOON + dt.timedelta(seconds=10)
    assert office.users.sign_in("ALI", "secret-34").role is Role.EXPERT
    assert office.user.full_name == "علی رضایی"
    with pytest.raises(SignInError, match="درست نیست"):
        office.users.sign_in("nobody", "secret-34")


def test_users_are_managed_by_the_secretary_only(office):
    office.users.sign_in("ali", "secret-34")
    for attempt in (
        lambda: office.users.add(UserDraft("mina", "مینا کاظمی", "viewer", "secret-78")),
        lambda: office.users.reset_password("zahra", "new-pass-1"),
        lambda: office.users.deactivate("zahra"),
        lambda: office.users.set_role("ali", "secretary"),
    ):
        with pytest.raises(PermissionDeniedError, match="مدیریت کاربران"):
            attempt()
    office.users.change_own_password("secret-34", "better-34")  # everyone changes their own
    with pytest.raises(ValidationError):
        office.users.change_own_password("wrong", "better-56")
    office.users.sign_in("zahra", "secret-12")
    office.users.reset_password("ali", "reset-99")
    office.users.sign_in("ali", "reset-99")


def test_a_deactivated_account_cannot_sign_in_and_the_last_secretary_stays(office):
    with pytest.raises(ValidationError):
        office.users.deactivate("zahra")  # one's own
    office.users.deactivate("ali")
    with pytest.raises(SignInError, match="غیرفعال"):
        office.users.sign_in("ali", "secret-34")
    with pytest.raises(ValidationError, match="دبیر"):
        office.users.set_role("zahra", "viewer")
    with pytest.raises(NotFoundError):
        office.users.deactivate("nobody")
    assert [(user.username, user.active) for user in office.users.list()] == [("zahra", True), ("ali", False)]
