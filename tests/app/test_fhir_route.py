"""GET /api/patients/<id>/fhir (issue 20): the record as a FHIR Bundle, through the app, read back by the library."""
from __future__ import annotations

from fhir.resources.R4B.bundle import Bundle

from shared.services.ports import InboundSms
from tests.app.conftest import NOW, enrollment


def test_a_patients_record_comes_as_a_fhir_bundle_the_library_reads_back(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0191", first_name="Odile",
                                                                        start_date="2027-01-03")).get_json()
    world.services.inbound.handle(InboundSms("SMy", "+12125550191", "+15005550006", "YES", NOW))
    assert world.api("POST", f"/api/patients/{created['id']}/hold").status_code == 200
    answer = world.api("GET", f"/api/patients/{created['id']}/fhir")
    assert answer.status_code == 200 and answer.mimetype == "application/fhir+json"
    bundle = Bundle.model_validate_json(answer.get_data())
    assert bundle.type == "collection"
    by_type = {}
    for entry in bundle.entry:
        by_type.setdefault(entry.resource.get_resource_type(), []).append(entry.resource)
    [patient] = by_type["Patient"]
    assert patient.name[0].given == ["Odile"] and patient.telecom[0].value == "+12125550191"
    [request] = by_type["MedicationRequest"]
    assert request.status == "on-hold" and request.statusReason.text.startswith("Taper held")
    assert request.medicationCodeableConcept.coding[0].code == "7243"
    assert len(request.dosageInstruction) == len(world.services.store.get_patient(created["id"]).plan.steps)


def test_another_clinics_key_gets_no_bundle(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0192")).get_json()
    assert world.api("GET", f"/api/patients/{created['id']}/fhir", key=world.other_key).status_code == 404
    assert world.api("GET", "/api/patients/nobody/fhir").status_code == 404
    assert world.client.get(f"/api/patients/{created['id']}/fhir").status_code == 401
