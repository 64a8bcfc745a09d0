"""What the model-based test found, each kept as the smallest story that shows it; all are fixed
(7150d2d, 7575d7f) and stay as regression tests.

- A completed patient gets texts: a check-in pushed past the plan's end (Twilio refused it until quiet hours,
  so it waited for the morning) goes out after the patient is `completed`, and its nudge after it
  (`job_kinds`: patient texts reached active or completed patients; now active ones only).
- A plan that never ends: the `plan_complete` task is what makes the patient `completed` and frees the number,
  but it is lost three ways, and the patient stays `active` for good:
  it expires like a text (12 hours) when dispatch was down over the moment; START after STOP, once the plan is
  over, plans the rest again with that moment already past, so it expires at once; and a number Twilio refuses
  (21211) cancels it with the texts.
- A held plan that runs dry: a held plan is planned 28 days ahead and `hold_extend` plans it further a week
  before that runs out; it is still a patient-side task with the 12-hour expiry, so the same three ways lose it
  and the patient, still `active` and held, gets no dose reminder after the horizon (and no plan end either).
  START after a STOP longer than three weeks answers "You will get taper texts again from the next reminder",
  and none ever comes.
- Two check-ins opening in the same minute (a night's YES puts the baseline at the end of quiet hours, the minute
  of that morning's check-in): the second's nudge and close took the first's ids, so it never opened and dispatch
  tried it every minute until it expired (found in session 7; their ids now carry the whole check-in id).
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from tests.model.world import SendSeen, World, memory_world

# A 3 mg plan, down 1 mg every 4 days from 7 June, dose at 21:00 in New York.
THREE_MG_PLAN = {"first_name": "Robin", "last_name": "Model", "phone": "+12125550101", "timezone": "America/New_York",
                 "provider_email": "provider@model.example", "start_dose_mg": 3, "step_mg": 1, "step_days": 4,
                 "dose_time": "21:00", "checkin_time": "18:00", "start_date": "2027-06-07", "consent": True}

START = datetime(2027, 6, 7, 14, 0, tzinfo=timezone.utc)   # 10:00 in New York
PHONE = "+12125550101"
# One day at 0.5 mg on 7 June, the taper done on 8 June, a follow-up check-in on 8 June at 20:45: the plan is
# over at midnight after it, 9 June 00:00 in New York (04:00 UTC).
ONE_DAY_PLAN = {"first_name": "Robin", "last_name": "Model", "phone": PHONE, "timezone": "America/New_York",
                "provider_email": "provider@model.example", "start_dose_mg": 0.5, "step_mg": 0.5, "step_days": 1,
                "dose_time": "09:00", "checkin_time": "20:45", "start_date": "2027-06-07", "follow_up_days": [1],
                "consent": True}
PLAN_OVER = datetime(2027, 6, 9, 4, 0, tzinfo=timezone.utc)


def enrolled_and_consenting() -> tuple[World, str]:
    world = memory_world(START, (time(21, 0), time(8, 0)), hold_on_escalation=True)
    response = world.api("POST", "/api/patients", ONE_DAY_PLAN)
    assert response.status_code == 201, response.get_json()
    world.text(PHONE, "YES", "SM-yes")
    return world, response.get_json()["id"]


def status_of(world: World, patient_id: str) -> str:
    return world.store.get_patient(patient_id).status.value


def test_a_check_in_pushed_past_the_end_of_the_plan_is_never_sent_to_the_completed_patient():
    world, patient_id = enrolled_and_consenting()
    world.move_clock(datetime(2027, 6, 9, 0, 44, tzinfo=timezone.utc))   # 20:44 on the follow-up day
    # Given Twilio refuses the follow-up check-in until 21:08, inside quiet hours: it waits for 08:00
    world.sms.script[PHONE] = ["429"] * 4
    # When the plan ends at midnight and the morning comes
    world.move_clock(datetime(2027, 6, 9, 15, 0, tzinfo=timezone.utc))   # 11:00 the next day
    # Then the patient is completed, and nothing was texted to them after that
    assert status_of(world, patient_id) == "completed"
    after_the_end = [(e.job.kind, f"{e.at:%d %b %H:%M}Z", e.status.value) for e in world.sms.events
                     if isinstance(e, SendSeen) and e.at >= PLAN_OVER]
    assert after_the_end == []


def test_the_plan_ends_when_dispatch_was_down_for_more_than_12_hours_over_its_last_moment():
    world, patient_id = enrolled_and_consenting()
    world.move_clock(PLAN_OVER - timedelta(minutes=1))
    # When dispatch is down from just before the plan's end until 13 hours after it
    world.move_clock(PLAN_OVER + timedelta(hours=13), dispatch_down=True)
    # Then the plan is over all the same: the patient is completed, the number free
    assert status_of(world, patient_id) == "completed"


def test_start_after_stop_once_the_plan_is_over_completes_the_plan():
    world, patient_id = enrolled_and_consenting()
    world.move_clock(START + timedelta(hours=2))
    world.text(PHONE, "STOP", "SM-stop")
    world.move_clock(PLAN_OVER + timedelta(days=1))        # the plan's days pass while opted out
    # When the patient texts START a day after the plan ended, and dispatch runs
    world.text(PHONE, "START", "SM-start")
    world.move_clock(PLAN_OVER + timedelta(days=1, minutes=5))
    # Then they are back where STOP found them, with the plan over: completed
    assert status_of(world, patient_id) == "completed"


def test_a_number_twilio_refuses_still_lets_the_plan_end():
    world, patient_id = enrolled_and_consenting()
    # Given Twilio says the number is not a valid one at the first text (the baseline check-in)
    world.sms.script[PHONE] = ["21211"]
    world.move_clock(START + timedelta(minutes=1))
    assert world.store.get_patient(patient_id).phone_problem == "21211"
    # When the plan's days pass
    world.move_clock(PLAN_OVER + timedelta(hours=1))
    # Then its texts stopped, but the plan still ended
    assert status_of(world, patient_id) == "completed"


def held_on_the_first_day() -> tuple[World, str]:
    """Held an hour after YES: planned at 3 mg to 5 July (28 days ahead), its extension due 28 June at noon."""
    world = memory_world(START, (time(21, 0), time(8, 0)), hold_on_escalation=True)
    response = world.api("POST", "/api/patients", THREE_MG_PLAN)
    assert response.status_code == 201, response.get_json()
    patient_id = response.get_json()["id"]
    world.text(PHONE, "YES", "SM-yes")
    world.move_clock(START + timedelta(hours=1))
    held = world.api("POST", f"/api/patients/{patient_id}/hold")
    assert held.status_code == 200 and held.get_json()["plan"]["last_dose_date"] == "2027-07-05", held.get_json()
    return world, patient_id


def dose_reminders_since(world: World, moment: datetime) -> list[str]:
    return [f"{e.at:%d %b %H:%M}Z" for e in world.sms.events
            if isinstance(e, SendSeen) and e.at >= moment and e.job.kind == "dose_reminder"]


HOLD_EXTENDED_AT = datetime(2027, 6, 28, 16, 0, tzinfo=timezone.utc)     # noon in New York, a week before 5 July
AFTER_THE_HORIZON = datetime(2027, 7, 6, 12, 0, tzinfo=timezone.utc)     # 6 July, 08:00 in New York


def test_a_held_plan_goes_on_when_dispatch_was_down_for_more_than_12_hours_over_its_extension():
    world, patient_id = held_on_the_first_day()
    world.move_clock(HOLD_EXTENDED_AT - timedelta(minutes=1))
    # When dispatch is down from just before the extension until 13 hours after it
    world.move_clock(HOLD_EXTENDED_AT + timedelta(hours=13), dispatch_down=True)
    world.move_clock(AFTER_THE_HORIZON + timedelta(days=3))
    # Then the held patient still gets the nightly reminder after the first 28 days
    assert status_of(world, patient_id) == "active"
    assert dose_reminders_since(world, AFTER_THE_HORIZON) == ["07 Jul 01:00Z", "08 Jul 01:00Z", "09 Jul 01:00Z"]


def test_start_after_a_stop_longer_than_three_weeks_brings_a_held_patients_reminders_back():
    world, patient_id = held_on_the_first_day()
    world.text(PHONE, "STOP", "SM-stop")
    world.move_clock(datetime(2027, 7, 10, 14, 0, tzinfo=timezone.utc))
    # When the patient texts START after the held plan's 28 days
    reply = world.text(PHONE, "START", "SM-start")
    assert "again from the next reminder" in reply and status_of(world, patient_id) == "active"
    world.move_clock(datetime(2027, 7, 13, 14, 0, tzinfo=timezone.utc))
    # Then that next reminder comes, every night
    since_start = dose_reminders_since(world, datetime(2027, 7, 10, 14, 0, tzinfo=timezone.utc))
    assert since_start == ["11 Jul 01:00Z", "12 Jul 01:00Z", "13 Jul 01:00Z"]


def test_a_number_twilio_refuses_still_lets_a_held_plan_be_planned_further():
    world, patient_id = held_on_the_first_day()
    # Given Twilio says the number is not a valid one at the next text (the hold's notice)
    world.sms.script[PHONE] = ["21211"]
    # When the hold's extension is due
    world.move_clock(HOLD_EXTENDED_AT + timedelta(hours=1))
    # Then the held plan was planned further all the same (its texts stay stopped)
    assert world.store.get_patient(patient_id).phone_problem == "21211"
    assert world.store.get_patient(patient_id).plan.last_dose_date > date(2027, 7, 5)


def test_a_patient_who_opted_out_has_their_plan_end_and_their_number_freed():
    world, patient_id = enrolled_and_consenting()
    world.move_clock(START + timedelta(hours=2))
    world.text(PHONE, "STOP", "SM-stop-2")
    # When the plan's days pass while they are opted out
    world.move_clock(PLAN_OVER + timedelta(hours=1))
    # Then they stay opted out, their plan is over, and the number can be enrolled again
    patient = world.store.get_patient(patient_id)
    assert (patient.status.value, patient.status_before_opt_out.value) == ("opted_out", "completed")
    again = world.api("POST", "/api/patients", {**ONE_DAY_PLAN, "start_date": "2027-06-10"})
    assert again.status_code == 201, again.get_json()


def test_two_checkins_opening_in_the_same_minute_each_get_their_nudge_and_close():
    # Found after session 7's merge: quiet hours 19:30-08:30, a YES at 19:30 in Kolkata puts the baseline at 08:30,
    # the minute of the next morning's follow-up; the second's nudge and close had the first's ids, so it never
    # opened and dispatch tried it again every minute until it expired.
    world = memory_world(START, (time(19, 30), time(8, 30)), hold_on_escalation=False)
    plan = {**ONE_DAY_PLAN, "timezone": "Asia/Kolkata", "dose_time": "00:00", "checkin_time": "08:30",
            "start_date": "2027-06-07"}
    response = world.api("POST", "/api/patients", plan)
    assert response.status_code == 201, response.get_json()
    world.text(PHONE, "YES", "SM" + "0" * 31 + "1")  # a real SID's length: the generation is its last 12
    runs = world.move_clock(datetime(2027, 6, 8, 14, 0, tzinfo=timezone.utc))
    assert len(runs) < 30
    patient_id = response.get_json()["id"]
    opened = [j for j in world.store.jobs_of(patient_id) if j.kind == "checkin"]
    assert [j.status.value for j in opened] == ["sent", "sent"]
    assert len([j for j in world.store.jobs_of(patient_id) if j.kind == "checkin_close"]) == 2
