import re
import pytest

from scripts.create_clinic import main
from shared.domain.accounts import Role
from shared.services.accounts import AccountService


def test_the_command_creates_a_clinic_whose_admin_can_sign_in(local_settings, store, capsys):
    assert main(["--name", "Lakeside Clinic", "--phone", "+1 212 555 0100", "--admin-email", "Admin@Lakeside.example",
                 "--provider-email", "dr@lakeside.example", "--api-key"], settings=local_settings) == 0
    out = capsys.readouterr().out
    password = re.search(r"admin admin@lakeside.example  password (\S+)", out).group(1)
    key = re.search(r"api key (\S+)", out).group(1)
    accounts = AccountService(store)
    from datetime import datetime, timezone

    user = accounts.sign_in("admin@lakeside.example", password, datetime(2027, 1, 1, tzinfo=timezone.utc))
    assert user.role is Role.ADMIN and accounts.clinic(user.clinic_id).name == "Lakeside Clinic"
    assert accounts.caller_for_api_key(key).clinic_id == user.clinic_id
    assert [p.email for p in accounts.providers_of(user.clinic_id)] == ["dr@lakeside.example"]


def test_the_command_sets_the_low_mood_trigger_of_the_safety_question(local_settings, store, capsys):
    assert main(["--name", "Hill Clinic", "--admin-email", "admin@hill.example", "--safety-mood-at-or-below", "3"],
                settings=local_settings) == 0
    clinic_id = re.search(r"id (\S+)", capsys.readouterr().out).group(1)
    assert AccountService(store).clinic(clinic_id).settings.safety_mood_at_or_below == 3


def test_the_command_sets_the_countries_a_clinic_may_text_and_defaults_to_where_988_answers(local_settings, store,
                                                                                          capsys):
    assert main(["--name", "Border Clinic", "--admin-email", "admin@border.example", "--countries", "us,ca"],
                settings=local_settings) == 0
    assert main(["--name", "Plain Clinic", "--admin-email", "admin@plain.example"], settings=local_settings) == 0
    first, second = re.findall(r"id (\S+)", capsys.readouterr().out)
    assert AccountService(store).clinic(first).settings.countries == ("US", "CA")
    assert AccountService(store).clinic(second).settings.countries == ("US", "PR", "VI", "GU", "AS", "MP", "CA")


def test_the_command_gives_a_clinic_its_own_sender_and_refuses_the_deployments_default_or_a_bad_one(local_settings,
                                                                                                 store, capsys):
    assert main(["--name", "Lake Clinic", "--admin-email", "admin@lake.example", "--sender-number", "+13125550199"],
                settings=local_settings) == 0
    assert main(["--name", "Hill Clinic", "--admin-email", "admin@hill.example",
                 "--messaging-service-sid", "MG" + "0a" * 16], settings=local_settings) == 0
    lake, hill = re.findall(r"id (\S+)", capsys.readouterr().out)
    assert AccountService(store).clinic(lake).settings.sender == "+13125550199"
    assert AccountService(store).clinic(hill).settings.sender == "MG" + "0a" * 16
    for sender in (["--sender-number", local_settings.twilio_from_number], ["--sender-number", "312-555-0199"],
                   ["--messaging-service-sid", "MG123"]):
        with pytest.raises(SystemExit):
            main(["--name", "Bad Clinic", "--admin-email", "admin@bad.example", *sender], settings=local_settings)
    assert "default sender" in capsys.readouterr().err
