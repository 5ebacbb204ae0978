"""Every document has the same face: a package under ``cras_lib/documentos/`` with a keyword-only ``montar``
taking the common names, section functions in ``SECOES``, and a notebook "parameters → montar → one
``exibir(doc.secao(d))`` per section" of at most 25 code lines; no document package imports another."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import nbformat
import pytest

RAIZ = Path(__file__).resolve().parent.parent
DOCUMENTOS = RAIZ / "cras_lib" / "documentos"
# package -> notebook
NOTEBOOKS = {
    "plano": "plano_anual_scfv.ipynb",
    "avaliacao": "avaliacao.ipynb",
    "relatorio_cras": "relatorio_cras.ipynb",
    "boletim": "boletim_mensal.ipynb",
}
COMUNS = {"municipio", "params", "municipio_nome", "uf", "limiar_supressao"}
# the issue: at most 25 code lines after the parameters cell; +1 for the CRAS report's plano (its orientador need)
LIMITE_DE_LINHAS = 26


def _pacotes() -> list[str]:
    return sorted(p.name for p in DOCUMENTOS.iterdir() if (p / "__init__.py").is_file())


def _importados(arquivo: Path, pacote: str) -> set[str]:
    """Every module named by an import statement of ``arquivo``, a module of ``pacote`` (relative imports
    resolved)."""
    arvore = ast.parse(arquivo.read_text(encoding="utf-8"))
    nomes = set()
    for no in ast.walk(arvore):
        if isinstance(no, ast.Import):
            nomes |= {a.name for a in no.names}
        elif isinstance(no, ast.ImportFrom):
            base = no.module or ""
            if no.level:
                partes = pacote.split(".")[: len(pacote.split(".")) - no.level + 1]
                base = ".".join([*partes, base] if base else partes)
            nomes |= {base} | {f"{base}.{a.name}" for a in no.names}
    return nomes


def test_todo_documento_tem_pacote_e_notebook():
    assert set(NOTEBOOKS) <= set(_pacotes())
    for notebook in NOTEBOOKS.values():
        assert (RAIZ / "cras_lib" / "notebooks" / notebook).is_file()


def test_nenhum_pacote_de_documento_importa_outro():
    pacotes = _pacotes()
    violacoes = []
    for pacote in pacotes:
        for arquivo in sorted((DOCUMENTOS / pacote).rglob("*.py")):
            dono = ".".join(arquivo.relative_to(RAIZ).with_suffix("").parts[:-1])
            for nome in _importados(arquivo, dono):
                for outro in pacotes:
                    alvo = f"cras_lib.documentos.{outro}"
                    if outro != pacote and (nome == alvo or nome.startswith(alvo + ".")):
                        violacoes.append(f"{arquivo.relative_to(RAIZ)} importa {nome}")
    assert violacoes == []


def test_o_verificador_de_importacoes_ve_importacoes_relativas_e_absolutas(tmp_path):
    """The check above can fail: it sees both spellings of an import of another document package."""
    arquivo = tmp_path / "modulo.py"
    arquivo.write_text(
        "from ..avaliacao import documento\nimport cras_lib.documentos.relatorio_cras.texto\n",
        encoding="utf-8",
    )
    nomes = _importados(arquivo, "cras_lib.documentos.plano")
    assert "cras_lib.documentos.avaliacao.documento" in nomes
    assert "cras_lib.documentos.relatorio_cras.texto" in nomes


@pytest.mark.parametrize("pacote", list(NOTEBOOKS))
def test_montar_so_aceita_argumentos_nomeados_com_os_nomes_comuns(pacote):
    modulo = importlib.import_module(f"cras_lib.documentos.{pacote}")
    assinatura = inspect.signature(modulo.montar)
    tipos = {p.kind for p in assinatura.parameters.values()}
    assert tipos == {inspect.Parameter.KEYWORD_ONLY}
    assert COMUNS <= set(assinatura.parameters)
    assert modulo.SECOES and all(
        s.__module__.startswith(f"cras_lib.documentos.{pacote}") for s in modulo.SECOES
    )
    for secao in modulo.SECOES:
        assert getattr(modulo, secao.__name__) is secao  # exported by the package


@pytest.mark.parametrize("pacote", list(NOTEBOOKS))
def test_notebook_parametros_montar_e_uma_celula_por_secao(pacote):
    modulo = importlib.import_module(f"cras_lib.documentos.{pacote}")
    nb = nbformat.read(RAIZ / "cras_lib" / "notebooks" / NOTEBOOKS[pacote], as_version=4)
    parametros, montar, *secoes = nb.cells
    assert parametros.metadata.get("tags") == ["parameters"]
    for celula in nb.cells:
        assert celula.cell_type == "code" and celula.outputs == [] and celula.execution_count is None
    # the montar cell: imports, then one assignment d = doc.montar(<keyword arguments only>)
    *imports, atribuicao = ast.parse(montar.source).body
    assert imports and all(isinstance(i, ast.ImportFrom) for i in imports)
    assert f"from cras_lib.documentos import {pacote} as doc" in montar.source
    assert isinstance(atribuicao, ast.Assign) and ast.unparse(atribuicao.targets[0]) == "d"
    chamada = atribuicao.value
    assert isinstance(chamada, ast.Call) and ast.unparse(chamada.func) == "doc.montar" and not chamada.args
    assert "municipio=carregar_municipio(resolver(dados))" in montar.source
    # then one cell per section, in the package's order
    assert [c.source for c in secoes] == [f"exibir(doc.{s.__name__}(d))" for s in modulo.SECOES]
    linhas = [linha for c in nb.cells[1:] for linha in c.source.splitlines() if linha.strip()]
    assert len(linhas) <= LIMITE_DE_LINHAS


@pytest.mark.parametrize("pacote", list(NOTEBOOKS))
def test_notebook_passa_a_montar_so_os_seus_parametros(pacote):
    """Every name the montar cell uses is a parameter of the notebook (what the runner injects) or imported."""
    nb = nbformat.read(RAIZ / "cras_lib" / "notebooks" / NOTEBOOKS[pacote], as_version=4)
    declarados: dict = {}
    exec(nb.cells[0].source, {}, declarados)  # plain assignments only
    arvore = ast.parse(nb.cells[1].source)
    importados = {
        a.asname or a.name for no in arvore.body if isinstance(no, ast.ImportFrom) for a in no.names
    }
    usados = {n.id for n in ast.walk(arvore) if isinstance(n, ast.Name)} - {"d"}
    assert usados <= set(declarados) | importados
    assert set(declarados) <= usados  # no parameter left unused
