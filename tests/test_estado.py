"""Runs over a multi-municipality root (``municipios.csv`` + one contract folder per IBGE code): every
municipality published under html/<ibge>/, per-municipality overrides, a municipality whose data fails does not
stop the others and keeps its previous pages; the state index and panel in headless Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from apoio.caminhos import NOTEBOOKS_TESTE
from apoio.execucao import escrever_params
from apoio.navegador import Navegador, chromium

from cras_lib.dados import sintetico
from cras_lib.execucao import cli, lote

pytestmark = pytest.mark.lento


@pytest.fixture(autouse=True)
def biblioteca_fixa(monkeypatch):
    monkeypatch.setattr(lote, "hash_biblioteca", lambda: "biblioteca-fixa")


def rodar(saida: Path, dados: Path, params: Path, *extra: str) -> int:
    return cli.main(
        ["run", "--dados", str(dados), "--params", str(params), "--saida", str(saida)]
        + ["--notebooks", str(NOTEBOOKS_TESTE), "--workers", "2", "--documentos", "cras", *extra]
    )


def paginas(saida: Path) -> dict[str, bytes]:
    html = saida / "html"
    return {p.relative_to(html).as_posix(): p.read_bytes() for p in sorted(html.rglob("*.html"))}


@pytest.fixture(scope="module")
def estado(tmp_path_factory):
    """Three municipalities run once (all good), then again with the second one's data broken."""
    pasta = tmp_path_factory.mktemp("estado")
    raiz = pasta / "raiz"
    codigos = sintetico.gerar(raiz, 3, cras=(1, 2))
    params = escrever_params(pasta)
    saida = pasta / "saida"
    primeira = rodar(saida, raiz, params)
    antes = paginas(saida)
    quebrado = raiz / codigos[1] / "unidades.csv"
    quebrado.write_text(
        quebrado.read_text(encoding="utf-8").replace("id_cras;", "codigo;", 1), encoding="utf-8"
    )
    segunda = rodar(saida, raiz, params, "--forcar")
    return {
        "raiz": raiz,
        "codigos": codigos,
        "params": params,
        "saida": saida,
        "primeira": primeira,
        "segunda": segunda,
        "antes": antes,
        "depois": paginas(saida),
        "pasta": pasta,
    }


def test_todos_os_municipios_publicados_cada_um_na_sua_pasta(estado):
    assert estado["primeira"] == 0
    for ibge in estado["codigos"]:
        unidades = (estado["raiz"] / ibge / "unidades.csv").read_text(encoding="utf-8").splitlines()[1:]
        relatorios = {f"{ibge}/cras/{linha.split(';')[0]}.html" for linha in unidades}
        assert relatorios <= set(estado["antes"]), relatorios
        assert f"{ibge}/index.html" in estado["antes"]
        indice = estado["antes"][f"{ibge}/index.html"].decode()
        assert 'href="../index.html"' in indice  # back to the state index
        assert f"Município Sintético MG {int(ibge[-4:]):04d}/MG" in indice
    assert "index.html" in estado["antes"] and "painel/index.html" in estado["antes"]


def test_municipio_com_dados_invalidos_nao_para_os_outros_e_mantem_suas_paginas(estado):
    assert estado["segunda"] == 1
    quebrado = estado["codigos"][1]
    antes, depois = estado["antes"], estado["depois"]
    deste = [p for p in antes if p.startswith(f"{quebrado}/")]
    assert deste and all(depois[p] == antes[p] for p in deste)  # byte for byte: nothing of it was rewritten
    indice = depois["index.html"].decode()
    linha = re.search(
        rf"<tr class=\"situacao-falhou\">\s*<th scope=\"row\">.*?{quebrado}.*?</tr>", indice, re.S
    )
    assert linha, "o município com falha deve aparecer como falhou no índice estadual"
    assert "dados inválidos" in linha.group(0) and "mostrada a versão anterior" in linha.group(0)
    registro = json.loads((estado["saida"] / "manifest.json").read_text(encoding="utf-8"))
    situacao = {m["ibge"]: m for m in registro["municipios"]}
    assert situacao[quebrado]["erro"].startswith("dados inválidos")
    assert situacao[quebrado]["painel"], "o painel mantém as linhas anteriores do município"
    assert (
        not situacao[estado["codigos"][0]]["erro"]
        and situacao[estado["codigos"][0]]["nesta_execucao"]["gerado"]
    )


def test_ajuste_por_municipio_e_codigo_desconhecido(estado, tmp_path):
    codigos = estado["codigos"]
    params = estado["params"]
    texto = params.read_text(encoding="utf-8")
    ajustado = params.with_name("ajustado.yaml")
    ajustado.write_text(
        texto + f'municipios:\n  "{codigos[2]}": {{cras: {{inicio: "2025-07"}}}}\n', encoding="utf-8"
    )
    saida = tmp_path / "saida"
    assert rodar(saida, estado["raiz"], ajustado, "--municipios", codigos[0], codigos[2]) == 0
    publicadas = paginas(saida)
    assert not [p for p in publicadas if p.startswith(f"{codigos[1]}/")]  # not chosen
    terceiro = next(v for p, v in publicadas.items() if p.startswith(f"{codigos[2]}/cras/")).decode()
    primeiro = next(v for p, v in publicadas.items() if p.startswith(f"{codigos[0]}/cras/")).decode()
    assert "julho a dezembro de 2025" in terceiro and "janeiro a dezembro de 2025" in primeiro
    errado = params.with_name("errado.yaml")
    errado.write_text(texto + 'municipios:\n  "9999999": {cras: {inicio: "2025-07"}}\n', encoding="utf-8")
    assert rodar(tmp_path / "outra", estado["raiz"], errado) == 2
    assert not (tmp_path / "outra" / "html").exists()
    assert rodar(tmp_path / "outra", estado["raiz"], params, "--municipios", "1234567") == 2


@pytest.fixture(scope="module")
def navegador_estado(estado):
    executavel = chromium()
    navegador = Navegador(executavel, estado["pasta"] / "perfil-chromium")
    html = estado["saida"] / "html"
    try:
        resultados = {
            "indice": navegador.abrir(html / "index.html"),
            "painel": navegador.abrir(html / "painel" / "cras-paif.html"),
        }
        navegador.abrir(html / "index.html")
        visiveis = "Array.from(document.querySelectorAll('.cras-estado tbody tr')).filter(t => t.offsetParent !== null).length"
        abertos = "document.querySelectorAll('details.cras-uf[open]').length"
        resultados["filtro"] = {
            "scripts": navegador.avaliar("document.scripts.length"),
            "abertos": navegador.avaliar(abertos),
            "antes": navegador.avaliar(visiveis),
            "depois": navegador.avaliar(f"document.getElementById('filtro-falhas').click(), {visiveis}"),
        }
        navegador.abrir(html / "painel" / "cras-paif.html")
        resultados["ordens"] = navegador.avaliar(
            "Array.from(document.querySelectorAll('.cras-ordens a')).map(a => a.getAttribute('href'))"
        )
        resultados["colunas"] = navegador.avaliar(
            "Array.from(document.querySelectorAll('.cras-painel tbody tr')).map(t => t.cells[5].textContent)"
        )
        yield resultados
    finally:
        navegador.fechar()


def test_indice_estadual_e_painel_no_navegador(navegador_estado, estado):
    for nome in ("indice", "painel"):
        pagina = navegador_estado[nome]
        assert pagina["erros"] == []
        assert all(u.startswith(("file:", "data:")) for u in pagina["pedidos"]), pagina["pedidos"]
        assert pagina["lang"] == "pt-BR" and pagina["largura_pagina"] <= 1280
    filtro = navegador_estado["filtro"]
    assert filtro["scripts"] == 0 and filtro["abertos"] == 1  # one UF: its group opens by itself
    assert filtro["antes"] == 3 and filtro["depois"] == 1  # CSS only: the one municipality with a failure
    # every other ordering of both levels is one link away
    assert len(navegador_estado["ordens"]) == 9 and "index.html" in navegador_estado["ordens"]


def test_painel_ordena_cobertura_do_paif_da_menor_para_a_maior(navegador_estado):
    valores = []
    for texto in navegador_estado["colunas"]:
        if texto.endswith("%"):
            valores.append(float(texto.replace("%", "").replace(".", "").replace(",", ".").strip()))
    assert valores and valores == sorted(valores)
