"""A clinic's settings change with their audit entry, all or nothing, one change at a time (by version)."""
from dataclasses import replace

import pytest

from shared.domain.clinic_settings import ClinicSettings
from shared.domain.patients import Clinic
from shared.errors import StatusMoved
from tests.contract.records import LATER, NOW

CLINIC = Clinic("c1", "Demo Clinic", "+12125550100")


def entry(n: int) -> dict:
    return {"id": f"set-{n}", "who": "admin@example.org", "at": f"2027-01-0{n}T12:00:00Z",
            "changes": {"discreet_texts": {"from": False, "to": True}}}


def test_a_change_writes_the_clinic_and_its_entry_and_counts_the_version(either):
    either.put_clinic(CLINIC, NOW)
    changed = replace(CLINIC, name="Renamed", settings=ClinicSettings(discreet_texts=True))
    either.change_clinic(either.get_clinic("c1"), changed, entry(1), NOW)
    assert either.get_clinic("c1") == replace(changed, version=1)
    either.change_clinic(either.get_clinic("c1"), replace(changed, contact_phone="+12125550199"), entry(2), LATER)
    assert either.get_clinic("c1").contact_phone == "+12125550199" and either.get_clinic("c1").version == 2
    assert either.settings_changes_of("c1") == [entry(2), entry(1)]  # newest first
    assert either.settings_changes_of("c2") == []


def test_a_change_read_before_another_landed_writes_nothing(either):
    either.put_clinic(CLINIC, NOW)
    first = either.get_clinic("c1")
    either.change_clinic(first, replace(first, name="First"), entry(1), NOW)
    with pytest.raises(StatusMoved):
        either.change_clinic(first, replace(first, name="Second"), entry(2), LATER)
    assert either.get_clinic("c1").name == "First" and either.settings_changes_of("c1") == [entry(1)]


def test_there_is_no_change_to_a_clinic_that_is_not_there(either):
    with pytest.raises(StatusMoved):
        either.change_clinic(CLINIC, replace(CLINIC, name="Ghost"), entry(1), NOW)
    assert either.get_clinic("c1") is None and either.settings_changes_of("c1") == []
