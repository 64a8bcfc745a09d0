"""Ready-made domain records for tests."""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from decimal import Decimal

from shared.domain.enrollment import Enrollment
from shared.domain.patients import Patient, PatientStatus
from shared.domain.plan import build_plan

ENROLLED_AT = datetime(2027, 1, 2, 15, 0, tzinfo=timezone.utc)


def a_patient(patient_id="p1", phone="+12125550123", status=PatientStatus.ACTIVE, clinic_id="c1", **changes) -> Patient:
    fields = dict(patient_id=patient_id, clinic_id=clinic_id, first_name="Ana", last_name="Lopez", phone=phone,
                  timezone="America/New_York", provider_email="dr@example.org", dose_time=time(21, 0),
                  plan=build_plan(Decimal("4.5"), Decimal("1"), 4, date(2027, 1, 4)), status=status,
                  created_at=ENROLLED_AT, enrollment={"clinic_name": "Demo Clinic", "clinic_phone": "+1 212 555 0100"})
    fields.update(changes)
    if isinstance(fields["enrollment"], dict):  # tests write enrollments as they are stored
        fields["enrollment"] = Enrollment.from_record(fields["enrollment"])
    return Patient(**fields)
