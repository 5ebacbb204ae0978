"""Where the repository's files are, for the tests."""

from __future__ import annotations

from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]
EXEMPLO = RAIZ / "data" / "exemplo"
PARAMS_EXEMPLO = RAIZ / "params" / "exemplo.yaml"
NOTEBOOKS = RAIZ / "cras_lib" / "notebooks"
NOTEBOOKS_TESTE = RAIZ / "tests" / "notebooks_teste"
