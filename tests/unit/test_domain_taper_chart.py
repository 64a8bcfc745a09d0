"""The taper chart's data: steps, answers by the patient's day, escalations, held spans, one table row per event day."""
from dataclasses import replace
from datetime import date, datetime, timezone
from decimal import Decimal

from shared.domain import checkins
from shared.domain.checkins import Answer
from shared.domain.patients import Escalation
from shared.domain.taper_chart import held_periods, taper_chart
from tests.builders import a_patient

NY = "America/New_York"


def answered(checkin_id, at, symptoms, mood, withdrawal=None):
    checkin, _ = checkins.start(checkin_id, checkins.STEP, Decimal("3.5"), at)
    values = {"symptoms": symptoms, "mood": mood, "withdrawal": withdrawal}
    return replace(checkin, status="done", answers={q: Answer(v, "" if v is None else str(v), at, f"SM{checkin_id}{q}")
                                                    for q, v in values.items()})


def test_answers_and_escalations_fall_on_the_patients_own_day():
    late_evening = datetime(2027, 1, 9, 3, 30, tzinfo=timezone.utc)  # 22:30 on 8 Jan in New York
    escalation = Escalation("e1", ("symptom_return",), "routine", "open", late_evening)
    chart = taper_chart(a_patient(), [answered("c1", late_evening, 6, 4, None)], [escalation], [],
                        datetime(2027, 1, 10, 15, tzinfo=timezone.utc))
    assert chart.scores["symptoms"] == ((date(2027, 1, 8), 6),) and chart.scores["withdrawal"] == ()
    assert chart.escalation_days == ((date(2027, 1, 8), "routine: symptom_return"),)
    row = next(r for r in chart.rows if r.day == date(2027, 1, 8))
    assert row.dose_mg == Decimal("3.5") and row.scores == {"symptoms": 6, "mood": 4, "withdrawal": None}
    assert row.events == ("Step to 3.5 mg", "Escalation (routine: symptom return)")
    assert chart.today == date(2027, 1, 10) and any(r.events == ("Today",) for r in chart.rows)


def test_dose_steps_end_at_zero_on_the_stop_date_and_the_chart_spans_the_follow_ups():
    patient = a_patient()
    chart = taper_chart(patient, [], [], [], datetime(2027, 1, 5, 15, tzinfo=timezone.utc))
    assert [float(d) for _, d in chart.dose_steps] == [4.5, 3.5, 2.5, 1.5, 0.5, 0]
    assert chart.dose_steps[-1][0] == patient.plan.stop_date
    assert chart.first_day == date(2027, 1, 4) and chart.last_day == patient.plan.follow_up_dates[-1]
    stop = next(r for r in chart.rows if r.events == ("Stop",))
    assert stop.dose_mg == 0


def test_held_spans_run_from_a_hold_to_the_providers_next_action_and_an_open_hold_to_today():
    audit = [{"action": "hold", "at": "2027-01-06T02:00:00Z"},      # 5 Jan evening in New York
             {"action": "resume", "at": "2027-01-09T15:00:00Z"},
             {"action": "hold", "at": "2027-01-12T15:00:00Z"}]
    from zoneinfo import ZoneInfo

    spans = held_periods(audit, "2027-01-12", date(2027, 1, 14), ZoneInfo(NY), date(2027, 2, 9))
    assert spans == ((date(2027, 1, 5), date(2027, 1, 8)), (date(2027, 1, 12), date(2027, 1, 14)))
    assert held_periods([], "", date(2027, 1, 14), ZoneInfo(NY), date(2027, 2, 9)) == ()
    # adjusting a held taper keeps it held: one span, not two overlapping ones
    adjusted = [{"action": "hold", "at": "2027-01-05T15:00:00Z"}, {"action": "adjust", "at": "2027-01-08T15:00:00Z"}]
    assert held_periods(adjusted, "2027-01-05", date(2027, 1, 10), ZoneInfo(NY), date(2027, 2, 9)) == \
        ((date(2027, 1, 5), date(2027, 1, 10)),)
    # held by the escalation rules before any audit entry: the profile's held_since still shades it
    assert held_periods([], "2027-01-13", date(2027, 1, 14), ZoneInfo(NY), date(2027, 2, 9)) == \
        ((date(2027, 1, 13), date(2027, 1, 14)),)


def test_a_held_taper_is_drawn_open_ended_at_its_dose_not_ending_at_the_planning_horizon():
    from shared.domain.replan import hold

    patient = a_patient()
    held = a_patient(plan=hold(patient.plan, date(2027, 1, 9)), held_since="2027-01-09")
    chart = taper_chart(held, [], [], [], datetime(2027, 1, 10, 15, tzinfo=timezone.utc))
    assert [float(d) for _, d in chart.dose_steps] == [4.5, 3.5]
    assert chart.last_day == date(2027, 1, 17) and not any("Stop" in r.events for r in chart.rows)
    assert chart.held == ((date(2027, 1, 9), date(2027, 1, 10)),)
