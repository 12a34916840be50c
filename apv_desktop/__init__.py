"""APV Desktop: offline workplace assessment for health-and-safety representatives."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`__version__`, looked up when first asked for: importlib.metadata costs every command
    (and the window) 25 ms of start-up that only --version and the About box need."""
    if name != "__version__":
        raise AttributeError(f"module 'apv_desktop' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("apv-desktop")
    except PackageNotFoundError:  # running from a checkout that was never installed
        found = "0.0.0+checkout"
    globals()["__version__"] = found
    return found
