"""Who may send which request: the one table of request type × role, checked on every request.

Every request type in client_api.registry must have a row (a test enumerates the table).
"""

from __future__ import annotations

ROLES = ("operator", "supervisor", "handler", "trainer", "admin", "installer")

EVERYONE = frozenset(ROLES)
INTAKE = frozenset({"operator", "supervisor", "trainer", "admin", "installer"})
SUPERVISION = frozenset({"supervisor", "admin"})

PERMISSIONS: dict[str, frozenset[str]] = {
    # core (before login, anyone may say hello, log in and ping)
    "hello": EVERYONE,
    "login": EVERYONE,
    "logout": EVERYONE,
    "ping": EVERYONE,
    "subscribe": EVERYONE,
    "reference.get": EVERYONE,
    "status.get": EVERYONE,
    "case.list": EVERYONE,
    "case.create": INTAKE,
}


def allowed(request_type: str, role: str) -> bool:
    return role in PERMISSIONS.get(request_type, frozenset())
