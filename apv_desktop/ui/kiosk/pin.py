"""The kiosk's PIN: only a salted hash is kept, and wrong guesses lock it for longer each time.

No Qt here; the clock is a parameter so the lock-out can be tested without waiting."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

FREE_ATTEMPTS = 2  # typing mistakes happen; after these, each wrong PIN locks for longer
FIRST_LOCK_SECONDS = 5.0
MAX_LOCK_SECONDS = 300.0
_ROUNDS = 100_000
MIN_PIN_LENGTH = 4


class PinGuard:
    """Checks PINs against a salted PBKDF2 hash held for this session only."""

    def __init__(self, pin: str, clock: Callable[[], float] = time.monotonic) -> None:
        if len(pin) < MIN_PIN_LENGTH or not pin.isdigit():
            raise ValueError(f"the PIN must be at least {MIN_PIN_LENGTH} digits")
        self._salt = secrets.token_bytes(16)
        self._hash = self._digest(pin)
        self._clock = clock
        self.wrong_attempts = 0
        self._locked_until = 0.0

    def _digest(self, pin: str) -> bytes:
        return hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), self._salt, _ROUNDS)

    def seconds_locked(self) -> float:
        """How long until another attempt is allowed (0 when it is allowed now)."""
        return max(0.0, self._locked_until - self._clock())

    def check(self, attempt: str) -> bool:
        """True for the right PIN; a wrong one (or any attempt while locked) is False."""
        if self.seconds_locked() > 0:
            return False
        if hmac.compare_digest(self._digest(attempt), self._hash):
            self.wrong_attempts = 0
            return True
        self.wrong_attempts += 1
        extra = self.wrong_attempts - FREE_ATTEMPTS
        if extra > 0:
            lock = min(FIRST_LOCK_SECONDS * 2 ** (extra - 1), MAX_LOCK_SECONDS)
            self._locked_until = self._clock() + lock
        return False
