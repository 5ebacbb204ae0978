"""Reviewed references of the notebooks executed on the example (``tests/referencias/<nome>.json``), for the
regression tests of ``test_referencias.py`` (pytest-notebook).

A reference is not a notebook (notebooks are committed without outputs): it is the JSON of what a reader sees —
the papermill parameters, the injected-parameters cell and, per cell id, the cell's outputs — from which
:func:`referencia` rebuilds the executed notebook on the CURRENT source notebook.

``make referencias`` (``PYTHONPATH=tests python -m apoio.referencias``) regenerates them: it runs ``cras run`` on
the example exactly as README does (plan, evaluation, the report of one CRAS and the boletim), takes the executed
notebooks and keeps every output's text without what changes from run to run or machine to machine: the data and
params paths become relative to the repository root, embedded images become a placeholder, execution counts,
times and kernel versions are dropped. Review the diff (``git diff tests/referencias``) before committing it: it
is the change of the reports' text.
"""

from __future__ import annotations

import copy
import json
import re
import sys
import tempfile
from pathlib import Path

import nbformat
from nbformat.v4.rwbase import rejoin_lines, split_lines

from apoio.caminhos import NOTEBOOKS, RAIZ

PASTA = RAIZ / "tests" / "referencias"
CRAS = "31799900001"
DOCUMENTOS = {
    # source notebook (cras_lib/notebooks/<nome>.ipynb) -> document of a run (SAIDA/notebooks/<id>.ipynb)
    "plano_anual_scfv": "plano-anual-scfv",
    "avaliacao": "avaliacao",
    "relatorio_cras": f"cras/{CRAS}",
    "boletim_mensal": "boletim/2025-12",
}
INJETADA = "injected-parameters"  # Papermill's tag of the cell it adds after the parameters cell
IMAGEM = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=\s]+")
SEM_IMAGEM = "data:image/png;base64,…"
# What the comparison ignores (pytest-notebook diff paths); see docs/testes.md.
IGNORAR = (
    "/metadata/language_info",
    "/metadata/kernelspec",
    "/metadata/papermill",
    "/metadata/widgets",
    "/cells/*/metadata/papermill",
    "/cells/*/metadata/execution",
    "/cells/*/execution_count",
    "/cells/*/outputs/*/execution_count",
    "/cells/*/outputs/*/data/image/png",
)
SUBSTITUIR = (
    ("/cells/*/outputs/*/data/text/html", IMAGEM.pattern, SEM_IMAGEM),
    ("/cells/*/outputs/*/data/text/markdown", IMAGEM.pattern, SEM_IMAGEM),
)


def _relativo(valor):
    raiz = f"{RAIZ}/"
    if isinstance(valor, dict):  # e.g. the CRAS report's plano, which names the plan's params file
        return {k: _relativo(v) for k, v in valor.items()}
    return valor.removeprefix(raiz) if isinstance(valor, str) else valor


def _injetada(celula) -> bool:
    return INJETADA in celula.metadata.get("tags", [])


def limpar(executado: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """An executed notebook as kept for review: paths relative to the repository, images replaced, no volatile
    metadata (times, counts, versions)."""
    nb = copy.deepcopy(executado)
    parametros = {k: _relativo(v) for k, v in nb.metadata.get("papermill", {}).get("parameters", {}).items()}
    nb.metadata = nbformat.from_dict({"papermill": {"parameters": parametros}})
    for celula in nb.cells:
        celula.metadata.pop("execution", None)
        celula.metadata.pop("papermill", None)
        if celula.cell_type != "code":
            continue
        celula.execution_count = None
        if _injetada(celula):
            celula.source = celula.source.replace(f"{RAIZ}/", "")
        for saida in celula.outputs:
            if "execution_count" in saida:
                saida.execution_count = None
            dados = saida.get("data", {})
            dados.pop("image/png", None)
            for tipo in ("text/html", "text/markdown"):
                if tipo in dados:
                    texto = dados[tipo] if isinstance(dados[tipo], str) else "".join(dados[tipo])
                    dados[tipo] = IMAGEM.sub(SEM_IMAGEM, texto)
    return nb


def arquivo(nome: str) -> Path:
    """The reference file of document notebook ``nome``."""
    return PASTA / f"{nome}.json"


def para_json(executado: nbformat.NotebookNode) -> str:
    """What a reference keeps of an executed notebook (cleaned by :func:`limpar`), as reviewable JSON: texts as
    lists of lines, as nbformat writes notebooks, so that a diff shows the lines that changed."""
    nb = split_lines(limpar(executado))
    conteudo = {
        "parametros": nb.metadata["papermill"]["parameters"],
        "injetadas": [c for c in nb.cells if _injetada(c)],
        "saidas": {c.get("id"): c.outputs for c in nb.cells if c.cell_type == "code" and not _injetada(c)},
        "celulas": [c.get("id") for c in nb.cells if not _injetada(c)],
    }
    return json.dumps(conteudo, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def referencia(nome: str) -> nbformat.NotebookNode:
    """The reference as an executed notebook, and what pytest-notebook executes and compares: the CURRENT source
    notebook, with the reference's injected parameters and, cell by cell (matched by cell id), its outputs.

    Executing it replaces the outputs with today's: the diff is then exactly the change of what the reader sees.
    Code is taken from the source notebook, so a rewrite of a cell that keeps its output is not a regression.
    """
    guardada = json.loads(arquivo(nome).read_text(encoding="utf-8"))
    fonte = nbformat.read(NOTEBOOKS / f"{nome}.ipynb", as_version=4)
    ids = {c.get("id") for c in fonte.cells}
    ausentes = [c.get("id") for c in fonte.cells if c.get("id") not in guardada["celulas"]]
    sobrando = sorted(set(guardada["celulas"]) - ids)
    if ausentes or sobrando:
        raise AssertionError(
            f"as células de {nome}.ipynb mudaram (novas: {ausentes}; removidas: {sobrando}): "
            "revise e regere as referências com `make referencias`"
        )
    nb = copy.deepcopy(fonte)
    celulas = []
    for celula in nb.cells:
        if celula.cell_type == "code":
            celula.outputs = nbformat.from_dict(guardada["saidas"][celula.get("id")])
        celulas.append(celula)
        if "parameters" in celula.metadata.get("tags", []):
            celulas.extend(nbformat.from_dict(guardada["injetadas"]))
    nb.cells = celulas
    rejoin_lines(nb)
    nb.metadata = nbformat.from_dict({"papermill": {"parameters": guardada["parametros"]}})
    nb.metadata["kernelspec"] = fonte.metadata.get(
        "kernelspec", {"name": "python3", "display_name": "Python 3"}
    )
    return nb


def regerar() -> list[Path]:
    """Run the example (plan, evaluation, one CRAS, the boletim) and write the cleaned references."""
    from apoio.execucao import cras_run  # the runner only when regenerating

    PASTA.mkdir(exist_ok=True)
    escritos = []
    with tempfile.TemporaryDirectory() as temporaria:
        saida = Path(temporaria) / "outputs"
        processo = cras_run(saida, "--cras", CRAS, "--workers", "1")
        if processo.returncode != 0:
            raise SystemExit(processo.stdout + processo.stderr)
        for nome, documento in DOCUMENTOS.items():
            executado = nbformat.read(saida / "notebooks" / f"{documento}.ipynb", as_version=4)
            destino = arquivo(nome)
            destino.write_text(para_json(executado), encoding="utf-8")
            escritos.append(destino)
    return escritos


if __name__ == "__main__":
    for caminho in regerar():
        print(f"referência regerada: {caminho.relative_to(RAIZ)}", file=sys.stderr)
    print(
        "Revise com `git diff tests/referencias/` e faça o commit junto com a mudança do texto.",
        file=sys.stderr,
    )


def diferenca(antes: nbformat.NotebookNode, depois: nbformat.NotebookNode) -> str:
    """The diff pytest-notebook reports between two notebooks with this module's replacements and ignored paths
    (the same steps as ``NBRegressionFixture.check`` after execution); empty when they are equal."""
    from pytest_notebook.diffing import diff_notebooks, diff_to_string, filter_diff
    from pytest_notebook.notebook import regex_replace_nb

    antes, depois = regex_replace_nb(antes, list(SUBSTITUIR)), regex_replace_nb(depois, list(SUBSTITUIR))
    filtrada = filter_diff(diff_notebooks(antes, depois), set(IGNORAR))
    return diff_to_string(antes, filtrada, use_color=False) if filtrada else ""
