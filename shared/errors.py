"""Every error the domain, services and adapters raise on purpose: one base, a few kinds the web maps once."""
from __future__ import annotations


class TaperlineError(Exception):
    """Base of every error raised on purpose; anything else is a bug.

    `public` is what the caller may be told (the message itself unless a class says otherwise); `field_errors`
    names the request fields at fault, for the API's {"errors": {field: [message]}} answer."""

    public = ""

    @property
    def message(self) -> str:
        return self.public or str(self)

    @property
    def field_errors(self) -> dict[str, list[str]] | None:
        return None


class Refused(TaperlineError):
    """The request is wrong as given (400)."""


class FieldsRefused(Refused):
    """Refused for what the schema alone could not judge, with the errors keyed by the request's field names."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(m for ms in errors.values() for m in ms))
        self.errors = errors

    @property
    def field_errors(self) -> dict[str, list[str]]:
        return self.errors


class NotSignedIn(TaperlineError):
    """Wrong or missing credentials (401)."""


class NotAllowed(TaperlineError):
    """The caller's role may not do this (403)."""


class NotFound(TaperlineError):
    """No such thing for this caller (404); another clinic's things are not found either."""


class Conflict(TaperlineError):
    """The request does not fit where things stand now (409)."""


class Throttled(TaperlineError):
    """Too many attempts; try again later (429)."""


class Unavailable(TaperlineError):
    """A dependency is down for now: nothing was lost, try again (503)."""


class StoreUnavailable(Unavailable):
    """The store could not be reached or refused the call for now."""

    public = "Storage is unavailable for a moment; please try again."


class StatusMoved(Unavailable):
    """The patient's record changed under us; read again and retry (503 when retries ran out)."""

    public = "The record changed while we worked on it; please try again."


class JobExists(Conflict):
    """A job with this id is already in the outbox."""

    public = "This was done already; nothing was changed."


class LeaseLost(Conflict):
    """A claimed job is no longer this dispatch's to settle (its lease lapsed and another run took it)."""

    public = "Another run took this job over."


class PhoneTaken(Conflict):
    """The number belongs to a patient whose plan is not over."""

    public = "This number already belongs to a patient whose plan is not over."

    @property
    def field_errors(self) -> dict[str, list[str]]:
        return {"phone": [self.public]}


class NumberUnavailable(PhoneTaken):
    """The number is in an ongoing plan at another clinic on the same sender. The caller learns nothing about that
    clinic or its patient: the same words whatever holds the number elsewhere."""

    public = "This number cannot be enrolled now; ask the patient to text HELP or contact support."


class AlreadyExists(Conflict):
    """The item (a user's email, a clinic) is already there."""

    public = "This already exists."


class SendError(TaperlineError):
    """A send that did not go through. `retryable` says whether trying later can help; `ambiguous`
    that it may have gone through after all (a read timeout), so it must never be resent blindly."""

    def __init__(self, message: str, *, code: str = "", retryable: bool = False, ambiguous: bool = False):
        super().__init__(message)
        self.code = code
        self.retryable = retryable and not ambiguous
        self.ambiguous = ambiguous
