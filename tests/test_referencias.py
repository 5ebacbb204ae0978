"""Regression of what each report says (pytest-notebook): each notebook executed on the example is compared
with its reviewed reference in ``tests/referencias/`` (the JSON of its outputs, ``apoio.referencias``), so that an unintended change of a report's text
fails with a readable diff. Intended changes: ``make referencias``, review ``git diff tests/referencias``, commit.

What is compared: every output of every cell (the text, tables and image descriptions the reader sees). What is
not: the code of the cells (taken from the current notebook), embedded images, execution counts, times, kernel
and Papermill metadata (``apoio.referencias.IGNORAR``). See docs/testes.md.
"""

from __future__ import annotations

import copy
import json
import re

import nbformat
import pytest
from apoio.caminhos import RAIZ
from apoio.referencias import DOCUMENTOS, IGNORAR, SUBSTITUIR, arquivo, diferenca, referencia
from pytest_notebook.nb_regression import NBRegressionError, NBRegressionFixture


def _primeira_frase(nb: nbformat.NotebookNode) -> tuple[dict, str, str]:
    """The first text output of the notebook holding a sentence, its MIME type and that sentence."""
    for celula in nb.cells:
        for saida in celula.get("outputs", []):
            for tipo in ("text/markdown", "text/html"):
                texto = saida.get("data", {}).get(tipo, "")
                frase = re.search(r"[A-ZÀ-Ú][^<>\n]{30,}?\.", texto)
                if frase:
                    return saida, tipo, frase.group(0)
    raise AssertionError("nenhuma frase nas saídas")


@pytest.mark.lento
@pytest.mark.parametrize("nome", sorted(DOCUMENTOS))
def test_texto_do_documento_igual_a_referencia_revisada(nome, tmp_path):
    caminho = tmp_path / f"{nome}.ipynb"
    nbformat.write(referencia(nome), caminho)
    regressao = NBRegressionFixture(
        exec_cwd=str(RAIZ),
        exec_timeout=600,
        diff_ignore=IGNORAR,
        diff_replace=SUBSTITUIR,
        diff_use_color=False,
    )
    diff = ""
    try:
        regressao.check(str(caminho))  # an error in a cell is raised as it is
    except NBRegressionError as erro:
        diff = str(erro)
    if diff:  # failed outside the except block: the diff is shown once
        pytest.fail(
            f"o texto de {nome} mudou em relação a tests/referencias/{nome}.ipynb:\n{diff}\n"
            "Se a mudança é intencional: make referencias, revise git diff tests/referencias e faça o commit.",
            pytrace=False,
        )


@pytest.mark.parametrize("nome", sorted(DOCUMENTOS))
def test_uma_frase_mudada_aparece_no_diff(nome):
    guardada = referencia(nome)
    mudada = copy.deepcopy(guardada)
    saida, tipo, frase = _primeira_frase(mudada)
    saida["data"][tipo] = saida["data"][tipo].replace(frase, frase[:-1] + " (texto alterado).", 1)
    diff = diferenca(guardada, mudada)
    assert "(texto alterado)" in diff and "outputs" in diff


@pytest.mark.parametrize("nome", sorted(DOCUMENTOS))
def test_campos_volateis_nao_contam(nome):
    guardada = referencia(nome)
    outra = copy.deepcopy(guardada)
    for n, celula in enumerate(c for c in outra.cells if c.cell_type == "code"):
        celula.execution_count = n + 7
        celula.metadata["execution"] = {"iopub.status.idle": "2031-01-01T00:00:00Z"}
        for saida in celula.outputs:
            dados = saida.get("data", {})
            dados["image/png"] = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB"
            for tipo in ("text/html", "text/markdown"):
                if tipo in dados:
                    dados[tipo] = dados[tipo].replace("base64,…", "base64,iVBORw0KGgoAAAANSUhEUg==")
    outra.metadata["language_info"] = {"name": "python", "version": "3.99.0"}
    outra.metadata["papermill"] = {"start_time": "2031-01-01T00:00:00", "duration": 1.5}
    assert diferenca(guardada, outra) == ""


@pytest.mark.parametrize("nome", sorted(DOCUMENTOS))
def test_referencia_limpa_e_portavel(nome):
    texto = arquivo(nome).read_text(encoding="utf-8")
    assert str(RAIZ) not in texto and "/tmp/" not in texto  # paths relative to the repository
    assert re.search(r"base64,[A-Za-z0-9+/]{20}", texto) is None  # no embedded image
    nb = json.loads(nbformat.writes(referencia(nome)))
    assert all(c.get("execution_count") is None for c in nb["cells"])
    assert any(c.get("outputs") for c in nb["cells"])
    parametros = nb["metadata"]["papermill"]["parameters"]
    assert parametros["dados"] == "data/exemplo"
