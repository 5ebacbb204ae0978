"""cras_lib — loaders and calculations of the CRAS reporting and planning workbench."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cras-lib")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
