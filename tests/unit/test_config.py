import pytest

from local.settings import DevStackSettings
from shared.config import ConfigError, Settings


def test_settings_read_every_documented_name():
    settings = Settings.from_env({
        "TAPERLINE_MODE": "local", "TABLE_NAME": "t", "PUBLIC_BASE_URL": "https://x.example/",
        "TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "s3cr3t-token", "APP_SECRET": "app-s3cr3t", "TWILIO_FROM_NUMBER": "+15005550006",
        "TWILIO_MESSAGING_SERVICE_SID": "MG1", "TWILIO_API_URL": "http://127.0.0.1:9/", "SES_SENDER": "a@b.org",
        "AWS_REGION": "eu-west-1", "AWS_ENDPOINT_URL": "http://127.0.0.1:5000", "DUE_SHARDS": "4",
        "LOG_LEVEL": "debug", "TWILIO_AUTH_TOKEN_PARAM": "/p"})
    assert settings.public_base_url == "https://x.example" and settings.twilio_api_url == "http://127.0.0.1:9"
    assert (settings.mode, settings.table_name, settings.due_shards, settings.log_level) == ("local", "t", 4, "DEBUG")
    assert settings.is_local and "s3cr3t" not in repr(settings)


def test_defaults_are_deployed_mode():
    settings = Settings.from_env({})
    assert settings.mode == "aws" and not settings.is_local and settings.due_shards == 8


@pytest.mark.parametrize("env, message", [
    ({"TAPERLINE_MODE": "prod"}, "TAPERLINE_MODE"),
    ({"PUBLIC_BASE_URL": "taper.example"}, "PUBLIC_BASE_URL"),
    ({"DUE_SHARDS": "zero"}, "DUE_SHARDS"),
    ({"DUE_SHARDS": "0"}, "DUE_SHARDS"),
    ({"TWILIO_API_URL": "http://127.0.0.1:1"}, "TWILIO_API_URL"),
    ({"AWS_ENDPOINT_URL": "http://127.0.0.1:5000"}, "AWS_ENDPOINT_URL"),
])
def test_bad_settings_fail_with_the_setting_named(env, message):
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(env)


def test_local_stack_settings_and_their_defaults():
    assert DevStackSettings.from_env({}) == DevStackSettings(8000, "", "", 5.0)
    custom = DevStackSettings.from_env({"PORT": "0", "DEV_TICK_SECONDS": "0", "LOCAL_API_KEY": "k",
                                          "DEV_START_TIME": "2027-01-01T00:00:00Z"})
    assert (custom.port, custom.dev_tick_seconds, custom.local_api_key) == (0, 0.0, "k")
    with pytest.raises(ConfigError, match="DEV_TICK_SECONDS"):
        DevStackSettings.from_env({"DEV_TICK_SECONDS": "-1"})
    for bad in ("tomorrow", "2027-03-13T17:00:00"):
        with pytest.raises(ConfigError, match="DEV_START_TIME"):
            DevStackSettings.from_env({"DEV_START_TIME": bad})


def test_a_deployed_function_missing_twilio_settings_says_which():
    with pytest.raises(ConfigError, match="TWILIO_ACCOUNT_SID.*TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID"):
        Settings.from_env({"TWILIO_AUTH_TOKEN_PARAM": "/taperline/dev/twilio-auth-token"}).check_deployed()
    Settings.from_env({"TWILIO_ACCOUNT_SID": "AC1", "TWILIO_MESSAGING_SERVICE_SID": "MG1",
                       "TWILIO_AUTH_TOKEN_PARAM": "/p", "APP_SECRET_PARAM": "/a"}).check_deployed()


def test_building_services_from_incomplete_settings_fails_before_any_client():
    from shared.wiring import build_services

    with pytest.raises(ConfigError, match="TWILIO_ACCOUNT_SID"):
        build_services(Settings.from_env({}))
