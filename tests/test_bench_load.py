"""The load benchmark's own logic: the mix of requests, the figures it prints, and its login through the form."""

import random
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.contrib.auth.models import User

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import bench_load  # noqa: E402  the benchmark is a script beside bench_web, not a package

URLS = {"overzicht": ["/"], "tijdlijn dossier": ["/dossiers/1/", "/dossiers/2/"], "ministerie": ["/m/"],
        "zoeken": ["/zoeken/?q=a"], "iCalendar-feed": ["/f.ics"]}


def test_the_plan_holds_the_mix_in_its_proportions_and_is_the_same_each_run():
    plan = bench_load.request_plan(URLS, 1200, random.Random(1))
    assert len(plan) == 1200
    counts = Counter(what for what, _ in plan)
    total = sum(bench_load.MIX.values())
    assert counts == {what: 1200 * weight // total for what, weight in bench_load.MIX.items()}
    assert plan == bench_load.request_plan(URLS, 1200, random.Random(1))
    assert {url for what, url in plan if what == "tijdlijn dossier"} == {"/dossiers/1/", "/dossiers/2/"}
    assert plan[:20] != sorted(plan[:20])  # shuffled, not one kind after another


def test_a_plan_of_odd_length_is_exactly_that_long_and_leaves_out_kinds_without_addresses():
    plan = bench_load.request_plan({**URLS, "ministerie": []}, 7, random.Random(2))
    assert len(plan) == 7 and "ministerie" not in {what for what, _ in plan}


def test_the_summary_gives_each_page_its_percentiles_and_failures_then_all_together():
    samples = [bench_load.Sample("overzicht", ms, 200) for ms in range(1, 101)]
    samples += [bench_load.Sample("zoeken", 40.0, 500)]
    rows = bench_load.summary(bench_load.Run(2.0, samples))
    assert [row[0] for row in rows] == ["overzicht", "zoeken", "alles"]
    what, n, p50, p95, errors = rows[0]
    assert (n, p50, errors) == (100, 50.5, "") and 95 <= p95 <= 96
    assert rows[1] == ("zoeken", 1, 40.0, 40.0, "1 fout")
    assert rows[2][1] == 101 and rows[2][4] == "1 fout"


def test_the_targets_scale_with_how_fast_the_machine_runs_the_fixed_load():
    assert bench_load.slowdown(bench_load.QUIET_FIXED_LOAD_MS / 2) == pytest.approx(0.5)  # a faster machine
    assert bench_load.slowdown(bench_load.QUIET_FIXED_LOAD_MS * 1.5) == pytest.approx(1.5)


@pytest.mark.django_db
def test_the_login_page_carries_the_token_the_benchmark_reads(client):
    User.objects.create_user("bench-load-1", password=bench_load.PASSWORD)
    token = bench_load.CSRF_FIELD.search(client.get("/inloggen/").content.decode()).group(1)
    client.handler.enforce_csrf_checks = True
    answer = client.post("/inloggen/", {"username": "bench-load-1", "password": bench_load.PASSWORD,
                                        "csrfmiddlewaretoken": token, "next": "/"})
    assert answer.status_code == 302 and answer["Location"] == "/"
