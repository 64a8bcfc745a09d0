"""Escalation rules at and around their thresholds (issue 7 groundwork; rules are pure)."""
from datetime import datetime, timedelta, timezone

import pytest

from shared.domain.checkins import BASELINE, COMPLETED, EXPIRED, STEP, Answer, CheckIn
from shared.domain.escalation_rules import Thresholds, findings

T0 = datetime(2027, 1, 4, 23, 0, tzinfo=timezone.utc)


def checkin(n, symptoms=None, mood=None, withdrawal=None, kind=STEP, status=COMPLETED):
    answers = {q: Answer(v, str(v), f"SM{n}{q}", T0) for q, v in
               (("symptoms", symptoms), ("mood", mood), ("withdrawal", withdrawal))}
    return CheckIn(f"c{n}", kind, T0 + timedelta(days=n), None, status=status, position=3, answers=answers)


def base(symptoms=2, mood=7, withdrawal=0):
    return checkin(0, symptoms, mood, withdrawal, kind=BASELINE)


def reasons(history, **thresholds):
    return [(f.reason, f.why) for f in findings(history, Thresholds(**thresholds))]


@pytest.mark.parametrize("symptoms, expected", [(4, []), (5, [("symptom_return", "symptoms 5, baseline 2")])])
def test_symptoms_three_above_baseline(symptoms, expected):
    assert reasons([base(), checkin(1, symptoms, 7, 0)]) == expected


@pytest.mark.parametrize("symptoms, expected", [(6, []), (7, [("symptom_return", "symptoms 7 (high)")])])
def test_symptoms_at_seven_or_more_even_from_a_high_baseline(symptoms, expected):
    assert reasons([base(symptoms=5), checkin(1, symptoms, 7, 0)]) == expected


def test_symptoms_rising_two_over_two_check_ins():
    assert reasons([base(symptoms=1), checkin(1, 2, 7, 0), checkin(2, 3, 7, 0)]) == [
        ("symptom_return", "symptoms up 2 over two check-ins, now 3")]
    assert reasons([base(symptoms=1), checkin(1, 2, 7, 0), checkin(2, 2, 7, 0)]) == []


@pytest.mark.parametrize("mood, expected", [(5, []), (4, [("mood_change", "mood 4, baseline 7")]),
                                            (3, [("mood_change", "mood 3, baseline 7")])])
def test_mood_three_below_baseline(mood, expected):
    assert reasons([base(), checkin(1, 2, mood, 0)]) == expected


def test_mood_low_without_a_baseline_and_falling_trend():
    assert reasons([checkin(1, 2, 3, 0)]) == [("mood_change", "mood 3 (low)")]
    assert reasons([checkin(1, 2, 4, 0)]) == []
    assert reasons([base(mood=8), checkin(1, 2, 7, 0), checkin(2, 2, 6, 0)]) == [
        ("mood_change", "mood down 2 over two check-ins, now 6")]


def test_withdrawal_severe_once_or_moderate_twice_in_a_row():
    assert reasons([base(), checkin(1, 2, 7, 3)]) == [("withdrawal", "withdrawal severe")]
    assert reasons([base(), checkin(1, 2, 7, 2)]) == []
    assert reasons([base(), checkin(1, 2, 7, 2), checkin(2, 2, 7, 2)]) == [
        ("withdrawal", "withdrawal moderate twice in a row")]
    assert reasons([base(), checkin(1, 2, 7, 2), checkin(2, 2, 7, 1), checkin(3, 2, 7, 2)]) == []


def test_two_unanswered_check_ins_in_a_row():
    missed = [checkin(n, status=EXPIRED) for n in (1, 2)]
    assert reasons([base(), *missed]) == [("missed_checkins", "2 check-ins in a row with no answer")]
    assert reasons([base(), missed[0]]) == []


def test_thresholds_are_clinic_settings():
    assert reasons([base(), checkin(1, 4, 7, 0)], symptoms_above_baseline=2) == [
        ("symptom_return", "symptoms 4, baseline 2")]
    assert Thresholds.from_dict({"mood_low": "2", "unknown": 9}).mood_low == 2
