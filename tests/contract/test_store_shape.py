"""Both stores answer every method of every port, with the protocol's parameters (names, kinds, defaults)."""
import inspect

from shared.services.ports import PARTS, port_methods

PORT_METHODS = [(port, name) for port in PARTS.values() for name in port_methods(port)]


def parameters(function, drop_self: bool) -> list[tuple[str, object, object]]:
    found = list(inspect.signature(function).parameters.values())[1 if drop_self else 0:]
    return [(p.name, p.kind, p.default) for p in found]


def test_the_check_sees_every_ports_methods():
    assert all(port_methods(port) for port in PARTS.values())
    assert {"enroll", "apply_change", "claim", "record_delivery", "save_inbound", "save_escalations", "revoke_api_key",
            "record_login_failure"} <= {name for _, name in PORT_METHODS}


def test_every_port_method_is_there_with_the_protocols_parameters(either):
    missing = [name for _, name in PORT_METHODS if not callable(getattr(either, name, None))]
    differing = {}
    for port, name in PORT_METHODS:
        if name not in missing and parameters(getattr(either, name), False) != parameters(getattr(port, name), True):
            differing[name] = parameters(getattr(either, name), False)
    assert (missing, differing) == ([], {})
