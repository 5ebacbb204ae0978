"""Project hygiene: dependency lists agree, lint passes, notebooks are committed without outputs."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib

import yaml
from conftest import RAIZ

# PyPI name -> conda-forge name, where they differ.
NOMES_CONDA: dict[str, str] = {}


def _nome(requisito: str) -> str:
    return re.split(r"[<>=!~ \[;]", requisito, maxsplit=1)[0].strip().lower().replace("_", "-")


def test_environment_yml_espelha_pyproject():
    projeto = tomllib.loads((RAIZ / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pip = {_nome(r) for r in projeto["dependencies"]} | {
        _nome(r) for r in projeto["optional-dependencies"]["test"]
    }
    ambiente = yaml.safe_load((RAIZ / "environment.yml").read_text(encoding="utf-8"))
    conda = {_nome(d) for d in ambiente["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    esperado = {NOMES_CONDA.get(n, n) for n in pip}
    assert conda == esperado, (
        f"só no environment.yml: {conda - esperado}; só no pyproject: {esperado - conda}"
    )


def test_sem_pino_exato_que_bloqueie_versoes_novas():
    projeto = tomllib.loads((RAIZ / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todos = projeto["dependencies"] + projeto["optional-dependencies"]["test"]
    assert not [r for r in todos if "==" in r or "<" in r]


def test_ruff_sem_problemas():
    ruff = shutil.which("ruff") or str(RAIZ / ".venv" / "bin" / "ruff")
    resultado = subprocess.run(
        [ruff, "check", "cras_lib", "tests", "bench"], cwd=RAIZ, capture_output=True, text=True
    )
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr


def test_notebooks_versionados_sem_saidas():
    cadernos = sorted((RAIZ / "notebooks").glob("*.ipynb"))
    assert cadernos, "nenhum notebook em notebooks/"
    sujos = []
    for caderno in cadernos:
        nb = json.loads(caderno.read_text(encoding="utf-8"))
        if any(c.get("outputs") or c.get("execution_count") for c in nb["cells"]):
            sujos.append(caderno.name)
    assert not sujos, f"notebooks com saídas ou contadores de execução: {sujos}"


def test_readme_e_ci_usam_o_mesmo_comando_de_teste():
    readme = (RAIZ / "README.md").read_text(encoding="utf-8")
    ci = (RAIZ / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and re.search(r"^make test$", ci, re.M)
    assert "make run" in readme


def test_python_do_ambiente():
    assert sys.version_info >= (3, 11)
