"""Login throttling: after too many failed attempts for one username from one address,
refuse further attempts for a while.

Counted per username *and* address so that an attacker guessing one account's password is
stopped, while a colleague behind the same NAT who types her own password is not. The counts
live in Django's cache (LocMemCache by default, per process; a shared deployment with several
web processes configures a shared cache).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _limit() -> int:
    return getattr(settings, "VERKOSTO_LOGIN_FAILURE_LIMIT", 5)


def _window() -> int:
    return getattr(settings, "VERKOSTO_LOGIN_FAILURE_WINDOW", 15 * 60)


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy rewrites it.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(username: str, address: str) -> str:
    digest = hashlib.sha256(f"{username.strip().casefold()}|{address}".encode()).hexdigest()
    return f"verkosto:login-failures:{digest}"


def login_failures(username: str, address: str) -> list[float]:
    """Times of the failures still inside the window."""
    now = time.time()
    return [t for t in cache.get(_key(username, address), []) if now - t < _window()]


def login_failure_record(username: str, address: str) -> None:
    failures = login_failures(username, address)
    failures.append(time.time())
    cache.set(_key(username, address), failures, _window())


def login_failures_clear(username: str, address: str) -> None:
    cache.delete(_key(username, address))


def login_wait_seconds(username: str, address: str) -> int:
    """Seconds until another attempt is allowed; 0 when not throttled."""
    failures = login_failures(username, address)
    if len(failures) < _limit():
        return 0
    # The oldest failure that keeps the count at the limit must leave the window first.
    oldest = sorted(failures)[-_limit()]
    return max(1, int(oldest + _window() - time.time()) + 1)
