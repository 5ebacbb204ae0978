"""The shared pages in a real browser: Debian's Chromium, headless, with the network off (``apoio.navegador``).

Opens ``index.html`` and one CRAS report of the session's ``cras run`` on the example and asserts that every
image rendered, that the browser logged no error and requested nothing but the local files, and that a
phone-sized screen needs no sideways scrolling of the page. Without Chromium the test is skipped, except under
CI (``CI`` set), where it fails.
"""

from __future__ import annotations

import pytest
from apoio.navegador import Navegador, chromium

pytestmark = pytest.mark.lento

CRAS = "31799900001"


@pytest.fixture(scope="module")
def paginas(execucao_exemplo, tmp_path_factory):
    """The pages of the session's one run of the example (conftest.py), opened in one browser."""
    executavel = chromium()
    saida = execucao_exemplo.saida
    navegador = Navegador(executavel, tmp_path_factory.mktemp("perfil-chromium"))
    try:
        yield {
            "indice": navegador.abrir(saida / "html" / "index.html"),
            "relatorio": navegador.abrir(saida / "html" / "cras" / f"{CRAS}.html"),
            "relatorio_celular": navegador.abrir(saida / "html" / "cras" / f"{CRAS}.html", largura=390),
        }
    finally:
        navegador.fechar()


@pytest.mark.parametrize("pagina", ["indice", "relatorio", "relatorio_celular"])
def test_pagina_abre_sem_rede_sem_erros(paginas, pagina):
    resultado = paginas[pagina]
    assert resultado["erros"] == []
    assert all(url.startswith(("file:", "data:")) for url in resultado["pedidos"]), resultado["pedidos"]
    assert resultado["lang"] == "pt-BR" and resultado["titulo"].endswith("Vale Serrano/MG")


def test_todas_as_imagens_do_relatorio_aparecem(paginas):
    imagens = paginas["relatorio"]["imagens"]
    assert imagens, "o relatório deveria ter gráficos"
    assert all(i["src"].startswith("data:image/png;base64,") for i in imagens)
    assert all(i["largura"] > 0 for i in imagens), imagens
    assert all(i["alt"].strip() for i in imagens)


def test_relatorio_cabe_na_tela_do_celular(paginas):
    # wide tables scroll inside their own box; the page itself never scrolls sideways
    assert paginas["relatorio_celular"]["largura_pagina"] <= 390
