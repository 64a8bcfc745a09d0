"""Dose-time texts of a plan: one a day at the local dose time, DST included, with the right doses."""
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, strategies as st

from shared.domain import safety_question, texts
from shared.domain.plan import build_plan
from shared.domain.quiet_hours import in_quiet_hours, next_allowed
from shared.domain.job_kinds import JobKind
from shared.domain.reminders import local_moment, plan_reminders

DOSE_REMINDER, TAPER_DONE = JobKind.DOSE_REMINDER, JobKind.TAPER_DONE

D = Decimal
NY = "America/New_York"


def local(reminder, zone):
    return reminder.send_at.astimezone(ZoneInfo(zone))


def test_a_21_00_reminder_stays_21_00_local_across_spring_forward_2027_03_14():
    plan = build_plan(D("2.5"), D("0.5"), 4, date(2027, 3, 5))
    reminders = plan_reminders(plan, time(21, 0), NY, "Demo Clinic")
    assert len(reminders) == 21 and [r.day for r in reminders] == [date(2027, 3, 5) + timedelta(days=n) for n in range(21)]
    assert all(local(r, NY).time() == time(21, 0) for r in reminders)
    utc_hours = {r.day: r.send_at.hour for r in reminders}
    assert utc_hours[date(2027, 3, 13)] == 2 and utc_hours[date(2027, 3, 14)] == 1  # EST then EDT


def test_a_21_00_reminder_stays_21_00_local_across_fall_back_2027_11_07():
    plan = build_plan(D("1"), D("0.5"), 5, date(2027, 11, 1))
    reminders = plan_reminders(plan, time(21, 0), NY, "Demo Clinic")
    assert all(local(r, NY).time() == time(21, 0) for r in reminders)
    assert {r.day: r.send_at.hour for r in reminders}[date(2027, 11, 7)] == 2  # 21:00 EST = 02:00 UTC


def test_a_zone_without_dst_keeps_the_same_utc_time():
    plan = build_plan(D("2.5"), D("0.5"), 4, date(2027, 3, 5))
    reminders = plan_reminders(plan, time(21, 0), "America/Phoenix", "Demo Clinic")
    assert {r.send_at.time() for r in reminders} == {time(4, 0)}


def test_a_skipped_local_time_sends_once_an_hour_later_and_a_repeated_one_once():
    skipped = local_moment(date(2027, 3, 14), time(2, 30), NY)
    assert skipped == datetime(2027, 3, 14, 7, 30, tzinfo=timezone.utc)  # 03:30 EDT
    repeated = local_moment(date(2027, 11, 7), time(1, 30), NY)
    assert repeated == datetime(2027, 11, 7, 5, 30, tzinfo=timezone.utc)  # the first 01:30 (EDT)
    plan = build_plan(D("1"), D("1"), 10, date(2027, 3, 10))
    assert len({r.day for r in plan_reminders(plan, time(2, 30), NY, "C")}) == len(plan_reminders(plan, time(2, 30), NY, "C"))


def test_texts_announce_the_step_down_the_day_before_and_on_the_day_and_the_last_dose():
    plan = build_plan(D("3.5"), D("1"), 2, date(2027, 1, 4))
    by_day = {r.day: r.text for r in plan_reminders(plan, time(21, 0), NY, "Demo Clinic")}
    assert by_day[date(2027, 1, 4)] == "Demo Clinic: Tonight: LDN 3.5 mg."
    assert by_day[date(2027, 1, 5)] == "Demo Clinic: Tonight: LDN 3.5 mg. From tomorrow: 2.5 mg."
    assert by_day[date(2027, 1, 6)] == "Demo Clinic: Starting tonight your LDN dose is 2.5 mg (was 3.5 mg)."
    assert by_day[date(2027, 1, 11)] == "Demo Clinic: Tonight: LDN 0.5 mg. It is your last dose."
    assert by_day[date(2027, 1, 12)].startswith("Demo Clinic: Your LDN taper is done.")
    kinds = [r.kind for r in plan_reminders(plan, time(21, 0), NY, "Demo Clinic")]
    assert kinds.count(TAPER_DONE) == 1 and kinds[-1] == TAPER_DONE and kinds.count(DOSE_REMINDER) == 8


def test_one_day_steps_carry_both_the_change_and_the_heads_up():
    plan = build_plan(D("3"), D("1"), 1, date(2027, 1, 4))
    by_day = {r.day: r.text for r in plan_reminders(plan, time(21, 0), NY, "C")}
    assert by_day[date(2027, 1, 5)] == "C: Starting tonight your LDN dose is 2 mg (was 3 mg). From tomorrow: 1 mg."
    assert by_day[date(2027, 1, 6)] == "C: Starting tonight your LDN dose is 1 mg (was 2 mg). It is your last dose."


def test_discreet_texts_never_name_the_drug():
    plan = build_plan(D("2"), D("1"), 2, date(2027, 1, 4))
    for reminder in plan_reminders(plan, time(21, 0), NY, "Demo Clinic", discreet=True):
        assert "LDN" not in reminder.text and "naltrexone" not in reminder.text.lower()
    assert "Tonight's dose: 2 mg" in plan_reminders(plan, time(21, 0), NY, "Demo Clinic", discreet=True)[0].text
    assert "LDN" not in texts.help_text("Demo Clinic", "+1 212 555 0100", discreet=True)
    assert "LDN" not in texts.welcome_text("Demo Clinic", "Ana", discreet=True)


WORST_CLINIC, WORST_NAME = "C" * 40, "F" * 20
DOSES = [D("5.75"), D("0.25"), D("2.25")]


@pytest.mark.parametrize("discreet", [False, True])
def test_every_template_fits_one_gsm7_segment_at_its_longest(discreet):
    rendered = [
        texts.help_text(WORST_CLINIC, "+1 (555) 555-5555", discreet), texts.welcome_text(WORST_CLINIC, WORST_NAME, discreet),
        texts.consent_reminder_text(WORST_CLINIC, discreet), texts.consent_confirmed_text(WORST_NAME, time(10, 30)),
        texts.taper_done_text(WORST_CLINIC, discreet),
        texts.not_enrolled_text(), safety_question.crisis_text(), texts.note_received_text(), texts.opted_out_text(),
        texts.opted_in_text(), texts.already_active_text(), texts.call_requested_text(), texts.resubscribed_text(),
        texts.plan_held_text(WORST_CLINIC, D("5.75")), texts.plan_ended_text(WORST_CLINIC, D("5.75")),
        texts.plan_changed_text(WORST_CLINIC, D("5.75"), D("5.25"), date(2027, 9, 30)),
    ]
    for dose in DOSES:
        for previous in (None, D("5.75")):
            for tomorrow, last in ((None, False), (D("0.25"), False), (None, True)):
                rendered.append(texts.dose_reminder_text(WORST_CLINIC, dose, previous=previous, tomorrow=tomorrow,
                                                         last=last, discreet=discreet))
    for text in rendered:
        assert texts.gsm7_length(text) is not None, f"needs UCS-2: {text!r}"
        assert texts.fits_one_segment(text), f"{texts.gsm7_length(text)} septets: {text!r}"


@given(st.integers(50, 600), st.integers(25, 300), st.integers(1, 30), st.dates(date(2026, 1, 1), date(2030, 12, 31)),
       st.sampled_from([NY, "America/Phoenix", "Europe/London", "Australia/Lord_Howe", "Pacific/Chatham"]),
       st.times())
def test_every_plan_day_gets_exactly_one_text_at_its_dose_time(start, step, days, first, zone, at):
    at = at.replace(second=0, microsecond=0, tzinfo=None)
    plan = build_plan(D(start) / 100, D(step) / 100, days, first)
    reminders = plan_reminders(plan, at, zone, "C")
    assert [r.day for r in reminders] == [first + timedelta(days=n) for n in range((plan.stop_date - first).days + 1)]
    assert all(r.send_at.tzinfo is timezone.utc for r in reminders)
    assert all(texts.fits_one_segment(r.text) for r in reminders)


def test_quiet_hours_slide_a_text_to_the_next_allowed_minute():
    late = datetime(2027, 1, 5, 3, 0, tzinfo=timezone.utc)     # 22:00 in New York
    assert in_quiet_hours(late, NY)
    assert next_allowed(late, NY) == datetime(2027, 1, 5, 13, 0, tzinfo=timezone.utc)  # 08:00 local
    early = datetime(2027, 1, 5, 11, 0, tzinfo=timezone.utc)   # 06:00 local, same morning
    assert next_allowed(early, NY) == datetime(2027, 1, 5, 13, 0, tzinfo=timezone.utc)
    noon = datetime(2027, 1, 5, 17, 0, tzinfo=timezone.utc)
    assert not in_quiet_hours(noon, NY) and next_allowed(noon, NY) == noon


def test_one_day_steps_never_put_two_check_ins_on_one_day():
    from collections import Counter

    from shared.domain.schedule import checkin_jobs
    from tests.builders import a_patient

    patient = a_patient(plan=build_plan(D("3"), D("1"), 1, date(2027, 1, 4)))
    days = Counter(j.send_at.astimezone(ZoneInfo(NY)).date() for j in checkin_jobs(patient, datetime(2027, 1, 1,
                                                                                                        tzinfo=timezone.utc), "SMx"))
    assert days and max(days.values()) == 1


def test_names_are_folded_to_gsm7_for_texts():
    assert texts.sms_name("María") == "Maria"
    assert texts.sms_name("李") == ""
    assert texts.welcome_text("Demo Clinic", "李").startswith("Demo Clinic: Hi there,")
    assert texts.gsm7_length(texts.welcome_text("Demo Clinic", "Zoë")) is not None


@pytest.mark.parametrize("quiet", [{"quiet_start": "23:00"}, {"quiet_end": "06:00"}, {"quiet_start": "09:00"}])
def test_clinic_quiet_hours_must_cover_the_federal_window(quiet):
    from shared.domain.patients import ClinicSettings

    with pytest.raises(ValueError, match="21:00-08:00"):
        ClinicSettings.from_dict(quiet)
    assert ClinicSettings.from_dict({"quiet_start": "20:00", "quiet_end": "09:00"}).quiet_start == time(20, 0)
