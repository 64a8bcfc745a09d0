"""Server-side sessions: the cookie holds a random token; the data lives in DynamoDB under its hash."""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from flask.sessions import SessionInterface, SessionMixin
from werkzeug.datastructures import CallbackDict

from shared.errors import StoreUnavailable

if TYPE_CHECKING:
    from flask import Flask, Request, Response

    from shared.services.ports import Clock, Sessions

COOKIE = "taperline_session"
LIFETIME = timedelta(hours=12)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ServerSession(CallbackDict[str, Any], SessionMixin):
    def __init__(self, data: dict[str, Any] | None = None, token: str | None = None):
        def touched(_: ServerSession) -> None:
            self.modified = True

        super().__init__(data or {}, touched)
        self.token = token
        self.modified = False
        self.rotate = False
        self.load_error: Exception | None = None

    def regenerate(self) -> None:
        """A new token at sign-in, so a token planted before it is worthless (session fixation)."""
        self.rotate = True
        self.modified = True


class DynamoSessionInterface(SessionInterface):
    def __init__(self, store: Sessions, clock: Clock, secure: bool):
        self.store = store
        self.clock = clock
        self.secure = secure

    def open_session(self, app: Flask, request: Request) -> ServerSession:
        token = request.cookies.get(COOKIE)
        if token:
            try:
                data = self.store.get_session(token_hash(token), self.clock.now())
            except StoreUnavailable as exc:  # the page answers 503 (app.py); the cookie is left as it is
                empty = ServerSession(token=token)
                empty.load_error = exc
                return empty
            if data is not None:
                return ServerSession(data, token)
        return ServerSession()

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        assert isinstance(session, ServerSession)  # what open_session gave this request
        if not session.modified or session.load_error is not None:
            return
        session.modified = False  # saved once: a failure below is not tried again while the error is answered
        if not session:
            if session.token:
                self.store.delete_session(token_hash(session.token))
                response.delete_cookie(COOKIE, path="/")
            return
        if session.rotate and session.token:
            self.store.delete_session(token_hash(session.token))
        if session.rotate or not session.token:
            session.token = secrets.token_urlsafe(32)
        self.store.put_session(token_hash(session.token), dict(session), self.clock.now() + LIFETIME)
        response.set_cookie(COOKIE, session.token, max_age=int(LIFETIME.total_seconds()), httponly=True,
                            secure=self.secure, samesite="Lax", path="/")
