"""Repeated wrong admin passwords lock the account and the address out (django-axes)."""
import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"


def attempt(client, username, password, address="198.51.100.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_wrong_passwords_then_the_right_one_is_refused(client, settings):
    User.objects.create_superuser("clerk", password="the-right-password-1")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "clerk", "wrong").status_code == 200  # the form again, with an error
    assert attempt(client, "clerk", "wrong").status_code == 429  # the last failure allowed locks
    locked = attempt(client, "clerk", "the-right-password-1")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_holds_per_user_from_another_address(client, settings):
    User.objects.create_superuser("clerk", password="the-right-password-1")
    for i in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "clerk", "wrong", address=f"203.0.113.{i}")
    assert attempt(client, "clerk", "the-right-password-1", address="203.0.113.200").status_code == 429


def test_a_correct_login_before_the_limit_works(client):
    User.objects.create_superuser("clerk", password="the-right-password-1")
    attempt(client, "clerk", "wrong")
    response = attempt(client, "clerk", "the-right-password-1")
    assert response.status_code == 302 and client.session["_auth_user_id"]
