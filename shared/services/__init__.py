"""Use cases: they call the domain and the ports, never a client library directly."""
