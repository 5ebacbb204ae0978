"""Resolution of the paths a notebook receives as parameters.

The runner passes absolute paths; an analyst in JupyterLab runs a notebook from ``notebooks/`` with the
defaults relative to the repository root (``data/exemplo``). Both must find the same files.
"""

from __future__ import annotations

from pathlib import Path

_PAI_DO_PACOTE = Path(__file__).resolve().parents[2]
# The checkout's root when the package is used from a source tree (editable install); None when installed
# (site-packages is nobody's project root: there, relative paths resolve from the current folder only).
RAIZ_DO_PROJETO: Path | None = _PAI_DO_PACOTE if (_PAI_DO_PACOTE / "pyproject.toml").is_file() else None


def resolver(caminho: str | Path | None) -> Path | None:
    """``caminho`` as given when absolute or found from the current folder or one of its parents; else relative
    to the project root of a checkout (as given when the package is installed). An absent optional path (None
    or '') stays None."""
    if caminho is None or caminho == "":
        return None
    caminho = Path(caminho)
    if caminho.is_absolute() or caminho.exists():
        return caminho
    for pasta in Path.cwd().resolve().parents:
        if (pasta / caminho).exists():
            return pasta / caminho
    return caminho if RAIZ_DO_PROJETO is None else RAIZ_DO_PROJETO / caminho
