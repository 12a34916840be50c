"""Why the operating system refused to read or write a file, in the user's language.

The OS's own text (`strerror`: "Permission denied", "No space left on device") is English on
most systems and would stand alone in a Danish or Swedish sentence. The reasons a user meets
and can act on get a phrase of our own, translated with the sentence it stands in (a Phrase of
errors.py); a rare one keeps the OS's words, which are still better than none.
"""

from __future__ import annotations

import errno

from apv_desktop.errors import Phrase
from apv_desktop.i18n import N_

DISK_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
READ_ONLY = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})

_NO_ACCESS = N_("du har ikke adgang til den, eller et andet program (fx Excel) har den åben")
_REASONS: dict[int, str] = {
    **{number: N_("disken er fuld") for number in DISK_FULL},
    errno.EACCES: _NO_ACCESS,
    errno.EPERM: _NO_ACCESS,
    errno.EBUSY: N_("et andet program bruger den"),
    errno.EROFS: N_("disken er skrivebeskyttet"),
    errno.ENOENT: N_("den findes ikke"),
    errno.ENOTDIR: N_("en del af stien er ikke en mappe"),
    errno.EISDIR: N_("det er en mappe, ikke en fil"),
    errno.EEXIST: N_("den findes allerede"),
    errno.ENAMETOOLONG: N_("navnet er for langt"),
    errno.EINVAL: N_("navnet er ikke gyldigt"),
    errno.EIO: N_("disken kunne ikke læses eller skrives (en fejl på disken eller netværksdrevet)"),
}


def os_reason(error: OSError) -> Phrase | str:
    """Why `error` happened, as a field of a message: a Phrase rendered in the message's
    language (str() gives it in the current one), or the OS's own words when we have none."""
    reason = _REASONS.get(error.errno) if error.errno is not None else None
    if reason is not None:
        return Phrase(reason)
    return error.strerror or str(error)
