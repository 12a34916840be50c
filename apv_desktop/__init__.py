"""APV Desktop: offline workplace assessment for health-and-safety representatives."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("apv-desktop")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
