"""Stored markup in the inputs, opened in a real browser (issue "Safe to publish" §1).

Every payload goes into every free-text field the documents may print — the units' name, territory and address
(``unidades.csv``), the municipality's name (the run's YAML) and the Inclusão Produtiva text fields (osc, curso,
area_renda, empreendimento) — and the real notebooks run. Each shared page is then opened in headless Chromium
(network off, see ``test_navegador.py``): no script ran, no request left the page, and the payloads are shown
as the literal text they are.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
import yaml
from apoio.caminhos import EXEMPLO, RAIZ
from apoio.navegador import Navegador, chromium

from cras_lib.execucao import cli

pytestmark = pytest.mark.lento

CRAS = "31799900001"
CARGAS = (
    "<script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=2>",
    "<svg onload=window.__xss=3>",
    "[clique](javascript:window.__xss=4)",
    "![pixel](http://127.0.0.1:9/pixel.png)",
    "<a href=http://127.0.0.1:9/>link</a>",
    "<style>@import 'http://127.0.0.1:9/a.css'</style>",
    "http://127.0.0.1:9/rastreio",
    "**negrito** `código` | célula",
)
CARGA = " ".join(CARGAS)


def _com_cargas(destino):
    """The example data with every payload in every free-text field, and a run YAML naming the municipality
    with them too."""
    dados = shutil.copytree(EXEMPLO, destino / "dados")
    unidades = pd.read_csv(dados / "unidades.csv", sep=";", dtype=str, keep_default_na=False)
    unidades["nome"] = [f"CRAS {i} {CARGA}" for i in range(1, len(unidades) + 1)]
    unidades["territorio"] = CARGA
    unidades["endereco"] = CARGA
    unidades.to_csv(dados / "unidades.csv", sep=";", index=False)
    inclusao = pd.read_csv(dados / "inclusao_produtiva.csv", sep=";", dtype=str, keep_default_na=False)
    for coluna in ("osc", "curso", "area_renda", "empreendimento"):
        inclusao[coluna] = [f"{CARGA} {i % 3}" for i in range(len(inclusao))]
    inclusao.to_csv(dados / "inclusao_produtiva.csv", sep=";", index=False)
    params = shutil.copytree(RAIZ / "params", destino / "params")
    execucao = yaml.safe_load((params / "exemplo.yaml").read_text(encoding="utf-8"))
    execucao["municipio"]["nome"] = f"Vale {CARGA}"
    (params / "exemplo.yaml").write_text(yaml.safe_dump(execucao, allow_unicode=True), encoding="utf-8")
    return dados, params / "exemplo.yaml"


@pytest.fixture(scope="module")
def paginas(tmp_path_factory):
    executavel = chromium()
    pasta = tmp_path_factory.mktemp("injecao")
    dados, params = _com_cargas(pasta)
    saida = pasta / "saida"
    argumentos = ["run", "--dados", str(dados), "--params", str(params), "--saida", str(saida)]
    codigo = cli.main([*argumentos, "--cras", CRAS, "--workers", "2"])
    assert codigo == 0  # every page published: the payloads arrive as text, the guard finds nothing active
    navegador = Navegador(executavel, pasta / "perfil-chromium")
    resultados = {}
    try:
        for pagina in sorted((saida / "html").rglob("*.html")):
            resultado = navegador.abrir(pagina)
            resultado["xss"] = navegador.avaliar("String(window.__xss)")
            resultado["texto"] = navegador.avaliar("document.body.innerText")
            resultados[pagina.relative_to(saida / "html").as_posix()] = resultado
    finally:
        navegador.fechar()
    return resultados


def test_todas_as_paginas_foram_abertas(paginas):
    documentos = {"avaliacao.html", f"cras/{CRAS}.html", "index.html", "plano-anual-scfv.html"}
    assert documentos <= set(paginas)
    assert all(p in documentos or p.startswith("boletim/") for p in paginas), sorted(paginas)


def test_nenhum_script_roda_e_nada_sai_da_pagina(paginas):
    for pagina, resultado in paginas.items():
        assert resultado["xss"] == "undefined", pagina
        assert all(url.startswith(("file:", "data:")) for url in resultado["pedidos"]), (
            pagina,
            resultado["pedidos"],
        )
        assert resultado["erros"] == [], pagina


def test_cargas_aparecem_como_texto_literal(paginas):
    for pagina, resultado in paginas.items():
        assert resultado["titulo"].endswith(f"Vale {CARGA}/MG"), (
            pagina
        )  # the municipality in <title>, as typed
        for carga in CARGAS:
            assert carga in resultado["texto"], (pagina, carga)


def test_relatorio_mostra_nome_territorio_e_endereco_literais(paginas):
    texto = paginas[f"cras/{CRAS}.html"]["texto"]
    assert f"CRAS 1 {CARGA}" in texto
    assert texto.count(CARGA) >= 4  # name, municipality, territory, address
