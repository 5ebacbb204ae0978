"""Project hygiene: dependency lists agree, lint passes, notebooks are committed without outputs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib

import yaml
from apoio.caminhos import RAIZ

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


def _ruff(*argumentos: str) -> subprocess.CompletedProcess:
    """ruff of the running environment (a test dependency), on the library, the tests and the benchmarks."""
    return subprocess.run(
        [sys.executable, "-m", "ruff", *argumentos, "cras_lib", "tests", "bench"],
        cwd=RAIZ,
        capture_output=True,
        text=True,
    )


def test_ruff_sem_problemas():
    resultado = _ruff("check")
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr


def test_ruff_format_sem_diferencas():
    resultado = _ruff("format", "--check")
    assert resultado.returncode == 0, (
        "rode: .venv/bin/ruff format cras_lib tests bench\n" + resultado.stdout + resultado.stderr
    )


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


def test_nada_cita_a_pasta_shared_fora_do_repositorio():
    """Code, docstrings, README and tests cite the project's own docs/; the outside folder is not in a clone."""
    alvo = "shared" + "/"  # spelled in two parts so that this file does not match itself
    citacoes = [
        f"{caminho.relative_to(RAIZ)}:{numero}"
        for pasta in ("cras_lib", "docs", "tests", "bench")
        for caminho in sorted((RAIZ / pasta).rglob("*"))
        if caminho.is_file() and caminho.suffix in {".py", ".md", ".ipynb", ".j2", ".yaml", ".toml"}
        for numero, linha in enumerate(caminho.read_text(encoding="utf-8").splitlines(), 1)
        if alvo in linha
    ]
    citacoes += [
        f"README.md:{n}"
        for n, linha in enumerate((RAIZ / "README.md").read_text(encoding="utf-8").splitlines(), 1)
        if alvo in linha
    ]
    assert citacoes == []


def test_docs_tem_contrato_dominio_e_arquitetura_com_links_validos():
    docs = RAIZ / "docs"
    paginas = {p.name for p in docs.glob("*.md")}
    assert {"README.md", "contrato-de-dados.md", "dominio.md", "arquitetura.md"} <= paginas
    contrato = (docs / "contrato-de-dados.md").read_text(encoding="utf-8")
    from cras_lib.dados.contrato import ARQUIVOS

    for arquivo in ARQUIVOS:  # every file and column of the contract as code is in the page
        assert f"`{arquivo.nome}`" in contrato, arquivo.nome
        for coluna in arquivo.colunas:
            if re.fullmatch(r"[a-d]\d", coluna.nome):  # RMA items, written as ranges
                continue
            assert f"`{coluna.nome}`" in contrato, (arquivo.nome, coluna.nome)
    assert "`a1`, `a2`, `b1`…`b6`, `c1`…`c9`, `d1`…`d7`" in contrato
    dominio = (docs / "dominio.md").read_text(encoding="utf-8")
    for citacao in ("269/2006", "NOB/SUAS 2005", "PNAS 2004", "01/2013", "Tipificação", "Inclusão Produtiva"):
        assert citacao in dominio, citacao
    for pagina in [*docs.glob("*.md"), RAIZ / "README.md"]:
        texto = pagina.read_text(encoding="utf-8")
        for alvo in re.findall(r"\]\(([^)#:]+?)(?:#[^)]*)?\)", texto):  # relative links point to files
            assert (pagina.parent / alvo).exists(), f"{pagina.name}: link quebrado {alvo}"
        for modulo in re.findall(r"`(cras_lib/[\w/]+\.py)`", texto):  # modules named exist
            assert (RAIZ / modulo).exists(), f"{pagina.name}: {modulo} não existe"


def test_testes_nao_importam_uns_aos_outros():
    """Shared builders and parsers live in tests/apoio/; a test module never imports another one or conftest."""
    cruzados = [
        f"{caminho.name}:{numero}: {linha.strip()}"
        for caminho in sorted((RAIZ / "tests").rglob("*.py"))
        for numero, linha in enumerate(caminho.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"\s*(from|import)\s+(test_\w+|conftest)\b", linha)
    ]
    assert cruzados == [], "mova o que é comum para tests/apoio/"


def test_python_do_ambiente():
    assert sys.version_info >= (3, 11)
