"""The patients list (issue 15): GET /api/patients and /patients, what needs attention first, searched by name or
number, filtered by status and open escalation, a page at a time with an opaque cursor."""
from __future__ import annotations

import re
from datetime import timedelta

from shared.services.ports import InboundSms
from tests.app.conftest import NOW, csrf_from, enrollment

DEMO_NUMBER = "+15005550006"


def enrolled(world, first_name: str, line: str, yes: bool = True, minutes: int = 0) -> str:
    world.services.clock.set(NOW + timedelta(minutes=minutes))
    created = world.api("POST", "/api/patients", json=enrollment(first_name=first_name, phone=f"(212) 555-{line}",
                                                                 start_date="2027-01-03"))
    assert created.status_code == 201, created.get_json()
    if yes:
        text(world, f"+1212555{line}", "YES", minutes)
    return created.get_json()["id"]


def text(world, phone: str, body: str, minutes: int) -> None:
    world.services.inbound.handle(InboundSms(f"SM{phone}{minutes}{len(body)}", phone, DEMO_NUMBER, body,
                                             NOW + timedelta(minutes=minutes, seconds=30)))


def a_clinic(world) -> dict[str, str]:
    ids = {"active": enrolled(world, "Ana", "0161", minutes=1), "urgent": enrolled(world, "Zoë", "0162", minutes=2),
           "held": enrolled(world, "Hal", "0163", minutes=3), "out": enrolled(world, "Otto", "0164", minutes=4),
           "waiting": enrolled(world, "Wren", "0165", yes=False, minutes=5)}
    text(world, "+12125550162", "I want to kill myself tonight", 6)
    assert world.api("POST", f"/api/patients/{ids['held']}/hold").status_code == 200
    text(world, "+12125550164", "STOP", 7)
    return ids


def listed(world, query: str = "") -> dict:
    answer = world.api("GET", f"/api/patients{query}")
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()


def test_the_list_puts_what_needs_attention_first_and_says_why(world):
    ids = a_clinic(world)
    rows = listed(world)["patients"]
    assert [r["id"] for r in rows] == [ids["urgent"], ids["held"], ids["active"], ids["waiting"], ids["out"]]
    assert [r["attention"] for r in rows] == ["urgent_escalation", "held", "active", "active", "opted_out"]
    assert listed(world)["next_cursor"] is None  # without a limit: everyone, as before


def test_pages_follow_on_with_the_cursor_to_the_same_list(world):
    a_clinic(world)
    whole = [r["id"] for r in listed(world)["patients"]]
    seen, cursor = [], ""
    for _ in range(10):
        page = listed(world, "?limit=2" + (f"&cursor={cursor}" if cursor else ""))
        assert len(page["patients"]) <= 2
        seen += [r["id"] for r in page["patients"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == whole


def test_search_by_name_or_number_and_filter_by_escalation_and_status(world):
    ids = a_clinic(world)
    assert [r["id"] for r in listed(world, "?q=zoe")["patients"]] == [ids["urgent"]]
    assert [r["id"] for r in listed(world, "?q=(212)%20555-0163")["patients"]] == [ids["held"]]
    assert [r["id"] for r in listed(world, "?open_escalation=true")["patients"]] == [ids["urgent"]]
    assert ids["urgent"] not in [r["id"] for r in listed(world, "?open_escalation=false")["patients"]]
    assert [r["id"] for r in listed(world, "?status=awaiting_consent")["patients"]] == [ids["waiting"]]
    assert listed(world, "?q=nobody&limit=3") == {"patients": [], "next_cursor": None}


def test_bad_parameters_are_400s_and_another_clinic_sees_none_of_them(world):
    a_clinic(world)
    for query, field in (("?limit=0", "limit"), ("?limit=201", "limit"), ("?cursor=%25%25%25", "cursor"),
                         ("?cursor=RVNDIzIwMjc", "cursor"), ("?open_escalation=maybe", "open_escalation"),
                         ("?sort=name", "sort")):
        answer = world.api("GET", f"/api/patients{query}")
        assert answer.status_code == 400 and field in answer.get_json()["errors"], query
    assert world.api("GET", "/api/patients", key=world.other_key).get_json()["patients"] == []


def test_the_patients_page_searches_filters_and_pages(world, monkeypatch):
    ids = a_clinic(world)
    monkeypatch.setattr("functions.web.pages.PAGE", 2)
    assert world.sign_in(world.demo.provider_email, world.demo.provider_password).status_code == 302
    page = world.client.get("/patients").get_data(True)
    assert page.index("Urgent escalation") < page.index("Taper held") and "Next page" in page
    assert page.index(ids["urgent"]) < page.index(ids["held"]) and ids["active"] not in page
    next_page = re.search(r'href="([^"]+)">Next page', page).group(1).replace("&amp;", "&")
    following = world.client.get(next_page).get_data(True)
    assert ids["active"] in following and ids["waiting"] in following and "First page" in following
    found = world.client.get("/patients?q=otto").get_data(True)
    assert ids["out"] in found and ids["urgent"] not in found and "Next page" not in found
    assert world.client.get("/patients?cursor=nonsense").status_code == 400
    assert csrf_from(world.client.get("/patients/new"))  # the page still leads on
