"""Resolution of the paths a notebook receives as parameters.

The runner passes absolute paths; an analyst in JupyterLab runs a notebook from ``notebooks/`` with the
defaults relative to the repository root. Both must find the same files.
"""

from __future__ import annotations

from pathlib import Path

RAIZ_DO_PROJETO = Path(__file__).resolve().parent.parent


def resolver(caminho: str | Path) -> Path:
    """``caminho`` as given when absolute or found from the current folder; else relative to the project root."""
    caminho = Path(caminho)
    if caminho.is_absolute() or caminho.exists():
        return caminho
    return RAIZ_DO_PROJETO / caminho
