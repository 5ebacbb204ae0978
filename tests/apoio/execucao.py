"""Helpers of the runner tests: a run parameters file, the external-resource detector of a page, the
warm-pool-versus-cold-Papermill comparison, and the example run shared by the whole session."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import papermill

from apoio.caminhos import EXEMPLO, NOTEBOOKS_TESTE, PARAMS_EXEMPLO, RAIZ
from cras_lib.execucao import cli
from cras_lib.execucao.executores import Tarefa, criar_executor
from cras_lib.execucao.pool_quente import PoolQuente  # noqa: F401 — defines (registers) the "local" executor

# src of any element, href of <link>, CSS url(...) and @import: what a browser fetches by itself.
_RECURSOS = re.compile(
    r"""\ssrc\s*=\s*["']?([^"'\s>]+)|<link\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)|url\(\s*["']?([^"')\s]+)|@import\s+["']?([^"';\s]+)""",
    re.I,
)


def recursos_externos(pagina: str) -> list[str]:
    """Every resource reference of a page that is not embedded (data:) nor local (relative path or #anchor)."""
    achados = []
    for grupos in _RECURSOS.findall(pagina):
        valor = next(g for g in grupos if g)
        if valor.startswith(("data:", "#")):
            continue
        if "//" in valor or re.match(r"^[a-z][a-z0-9+.-]*:", valor, re.I):
            achados.append(valor)
    return achados


def escrever_params(pasta: Path, **mudancas) -> Path:
    """A run parameters file like params/exemplo.yaml, with its per-document params files beside it."""
    (pasta / "plano.yaml").write_text("ciclos: {}\n", encoding="utf-8")
    (pasta / "avaliacao.yaml").write_text("metas: {}\n", encoding="utf-8")
    campos = {
        "nome": "Vale Serrano",
        "uf": "MG",
        "ano": "2026",
        "data_referencia": '"2025-12-31"',
        "inicio": '"2025-01"',
        "fim": '"2025-12"',
        "comparacao_inicio": '"2024-01"',
        "comparacao_fim": '"2024-12"',
    } | mudancas
    texto = f"""
municipio: {{nome: {campos["nome"]}, uf: {campos["uf"]}}}
limiar_supressao: 5
plano: {{ano: {campos["ano"]}, data_referencia: {campos["data_referencia"]}, params: plano.yaml}}
avaliacao:
  inicio: {campos["inicio"]}
  fim: {campos["fim"]}
  comparacao_inicio: {campos["comparacao_inicio"]}
  comparacao_fim: {campos["comparacao_fim"]}
  params: avaliacao.yaml
cras: {{inicio: {campos["inicio"]}, fim: {campos["fim"]}}}
"""
    arquivo = pasta / "execucao.yaml"
    arquivo.write_text(texto, encoding="utf-8")
    return arquivo


def normalizar(nb: nbformat.NotebookNode, fonte: Path) -> dict:
    """A notebook without what legitimately differs between two runs: times, durations, paths, and the cell ids
    drawn at random on each run (by Papermill for the injected-parameters cell, by nbformat for every cell of a
    source notebook saved without ids)."""
    ids_fixos = {c.get("id") for c in json.loads(fonte.read_text(encoding="utf-8"))["cells"]} - {None}
    nb = json.loads(nbformat.writes(nb))
    for chave in ("start_time", "end_time", "duration", "input_path", "output_path"):
        nb["metadata"]["papermill"].pop(chave, None)
    for celula in nb["cells"]:
        celula["metadata"].pop("execution", None)
        for chave in ("start_time", "end_time", "duration"):
            celula["metadata"].get("papermill", {}).pop(chave, None)
        if celula.get("id") not in ids_fixos:
            celula.pop("id", None)
    return nb


def equivalencia(tmp_path: Path, notebook: Path, parametros: list[dict]) -> None:
    """The last document executed by one warm kernel, after the others, equals a cold Papermill run of it."""
    frio = papermill.execute_notebook(
        str(notebook),
        str(tmp_path / "frio.ipynb"),
        parameters=parametros[-1],
        kernel_name="python3",
        progress_bar=False,
        cwd=str(RAIZ),
    )
    with criar_executor("local", workers=1, dados=EXEMPLO) as executor:
        for i, p in enumerate(parametros):
            resultado = executor.submeter(
                Tarefa(f"d{i}", notebook, p, tmp_path / f"quente{i}.ipynb", RAIZ)
            ).result()
            assert resultado.ok, resultado.erro
    quente = nbformat.read(tmp_path / f"quente{len(parametros) - 1}.ipynb", as_version=4)
    assert [c.execution_count for c in quente.cells if c.cell_type == "code"] == list(
        range(1, 1 + sum(c.cell_type == "code" for c in quente.cells))
    )
    assert normalizar(quente, notebook) == normalizar(frio, notebook)


def cras_run(saida: Path, *extra: str, dados: Path = EXEMPLO, params: Path = PARAMS_EXEMPLO):
    """The command as README and cron call it: a new process, ``python -m cras_lib run``, from the repository."""
    return subprocess.run(
        [sys.executable, "-m", "cras_lib", "run", "--dados", str(dados), "--params", str(params)]
        + ["--saida", str(saida), *extra],
        capture_output=True,
        text=True,
        cwd=RAIZ,
        timeout=900,
    )


@dataclass(frozen=True)
class ExecucaoExemplo:
    """README's first command run once on the example: its output folder, the process and the first manifest."""

    saida: Path
    processo: subprocess.CompletedProcess
    manifesto: dict

    def caderno(self, documento: str) -> nbformat.NotebookNode:
        """The executed notebook of ``documento`` (``"plano-anual-scfv"``, ``"avaliacao"``, ``"cras/<id>"``)."""
        return nbformat.read(self.saida / "notebooks" / f"{documento}.ipynb", as_version=4)


def executar_exemplo(pasta: Path) -> ExecucaoExemplo:
    saida = pasta / "outputs"
    processo = cras_run(saida)
    assert processo.returncode == 0, processo.stdout + processo.stderr
    manifesto = json.loads((saida / "manifest.json").read_text(encoding="utf-8"))
    return ExecucaoExemplo(saida, processo, manifesto)


CRAS_A, CRAS_B, CRAS_C = "31799900001", "31799900002", "31799900003"


def rodar(saida: Path, dados: Path, params: Path, *extra: str, notebooks: Path = NOTEBOOKS_TESTE) -> int:
    return cli.main(
        [
            "run",
            "--dados",
            str(dados),
            "--params",
            str(params),
            "--saida",
            str(saida),
            "--notebooks",
            str(notebooks),
            "--workers",
            "2",
            *extra,
        ]
    )


def documentos(saida: Path) -> dict[str, dict]:
    return {
        d["id"]: d for d in json.loads((saida / "manifest.json").read_text(encoding="utf-8"))["documentos"]
    }


def copiar_dados(destino: Path) -> Path:
    shutil.copytree(EXEMPLO, destino)
    return destino
