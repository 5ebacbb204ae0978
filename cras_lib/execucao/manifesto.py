"""The run's provenance record, ``SAIDA/manifest.json``: inputs, parameters, software, times, documents.

It records the sha256 of every input file (data and params), the run parameters, the versions of Python and of
the key packages, the project's version and git commit (when the project is a git checkout), the start and end
time, and per document its status, duration, output hashes and error. It is also the memory of the incremental
cache (``ultima_geracao`` of each document).
"""

from __future__ import annotations

import json
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import cras_lib
from cras_lib.execucao.gravacao import gravar_atomico

VERSAO_MANIFESTO = 1
PACOTES = (
    "pandas",
    "numpy",
    "matplotlib",
    "babel",
    "holidays",
    "jinja2",
    "pyyaml",
    "papermill",
    "nbclient",
    "nbconvert",
    "nbformat",
    "jupyter_client",
    "ipykernel",
)


def versoes() -> dict[str, str]:
    """Python and the key packages, as installed."""
    resultado = {"python": platform.python_version()}
    for pacote in PACOTES:
        try:
            resultado[pacote] = version(pacote)
        except PackageNotFoundError:
            resultado[pacote] = "ausente"
    return resultado


def commit_git() -> dict | None:
    """The commit of the project's checkout and whether it has local changes; None outside a git checkout."""
    raiz = Path(cras_lib.__file__).resolve().parent.parent
    if not (raiz / ".git").exists():
        return None
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=raiz, capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
        sujo = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=raiz,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return {"commit": commit, "alteracoes_locais": bool(sujo)}


def carregar(caminho: Path) -> dict:
    """The previous manifest, or an empty one when there is none (or it cannot be read)."""
    try:
        manifesto = json.loads(Path(caminho).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifesto if isinstance(manifesto, dict) else {}


def documentos_anteriores(manifesto: dict) -> dict[str, dict]:
    return {d["id"]: d for d in manifesto.get("documentos", []) if isinstance(d, dict) and "id" in d}


def gravar(caminho: Path, manifesto: dict) -> None:
    gravar_atomico(caminho, json.dumps(manifesto, ensure_ascii=False, indent=2, default=str) + "\n")
