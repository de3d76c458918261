"""The move from one follower per dossier to followers per user keeps who followed what, and since when."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("tracker", "0013_ministries_as_ministries")]
AFTER = [("tracker", "0014_followers_per_user")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_schema(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())  # the newest schema again, for other tests


def test_todays_followers_are_kept(old_schema):
    apps = old_schema
    User = apps.get_model("auth", "User")
    Dossier = apps.get_model("tracker", "Dossier")
    since = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)
    clerk = User.objects.create(username="griffier")
    admin = User.objects.create(username="beheerder", is_superuser=True)
    Dossier.objects.create(key="27925", nummer="27925", followed_since=since, followed_by=clerk)
    # followed by an account that was removed since (SET_NULL): the admin takes it over, so the sync goes on
    Dossier.objects.create(key="36200-X", nummer="36200", toevoeging="X", followed_since=since)
    Dossier.objects.create(key="21501-20", nummer="21501-20")  # followed by nobody

    apps = migrate(AFTER)
    Following = apps.get_model("tracker", "Following")
    assert sorted(Following.objects.values_list("dossier__key", "user__username", "since")) == [
        ("27925", "griffier", since), ("36200-X", "beheerder", since)]
    assert admin.pk in Following.objects.values_list("user", flat=True)

    apps = migrate(BEFORE)  # and back: each dossier keeps its earliest follower
    Dossier = apps.get_model("tracker", "Dossier")
    assert sorted(Dossier.objects.filter(followed_since__isnull=False).values_list("key", "followed_by__username")) == [
        ("27925", "griffier"), ("36200-X", "beheerder")]
