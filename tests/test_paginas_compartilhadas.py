"""Every shared page of the example, as published by ``cras run``: no suppressed cell can be worked out from a
table's total and its other rows (``docs/privacidade.md``), and every element fits an A4 page with 1 cm margins
(print styles) and a 1280 px screen, without sideways scrolling, and no word of a table breaks across lines
but at a syllable (Chromium headless, DevTools protocol; the measuring scripts are sent by the test, never added
to the pages)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from apoio.navegador import Navegador, chromium
from apoio.texto_pagina import sem_hifens

from cras_lib.apresentacao import privacidade

pytestmark = pytest.mark.lento

A4_CONTEUDO_PX = round((21.0 - 2 * 1.0) / 2.54 * 96)  # 21 cm wide page, 1 cm margins, 96 px per inch -> 718
_LARGOS = """
(() => { const w = document.documentElement.clientWidth; const largos = [];
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0) continue;
    if (r.right > w + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
      largos.push(`${e.tagName.toLowerCase()}.${e.className} ${Math.round(r.right)}/${w} `
                  + (e.querySelector('caption') || e).textContent.slice(0, 60));
  }
  return {pagina: document.documentElement.scrollWidth, largura: w, largos: largos.slice(0, 10)}; })()
"""

# Where a table cell's text goes to the next line: it may only be after a space, a soft hyphen (a syllable), a
# hyphen or a slash, and never inside a figure (td.numero). Each character's line is the top of the last box of
# its range (the first box of a character after a soft hyphen is the hyphen drawn at the end of the line before).
_PALAVRAS_PARTIDAS = """
(() => { const partidas = []; const faixa = document.createRange();
  const linha = (no, i) => { faixa.setStart(no, i); faixa.setEnd(no, i + 1);
    const caixas = Array.from(faixa.getClientRects()).filter(r => r.width > 0.5);
    return caixas.length ? Math.round(caixas[caixas.length - 1].top) : null; };
  for (const celula of document.querySelectorAll('th, td')) {
    const numero = celula.classList.contains('numero');
    const texto = document.createTreeWalker(celula, NodeFilter.SHOW_TEXT);
    for (let no = texto.nextNode(); no; no = texto.nextNode()) {
      let antes = linha(no, 0);
      for (let i = 1; i < no.length; i++) {
        const agora = linha(no, i);
        if (agora === null) continue;
        const livre = !numero && (/[\\s\\u00ad\\/-]/.test(no.data[i - 1]) || /\\s/.test(no.data[i]));
        if (antes !== null && agora !== antes && !livre) partidas.push(no.data.slice(Math.max(0, i - 8), i + 8));
        antes = agora;
      }
    }
  }
  return partidas.slice(0, 10); })()
"""


@pytest.fixture(scope="module")
def publicadas(execucao_exemplo) -> Path:
    """The shared pages of the session's one run of the example (conftest.py)."""
    return execucao_exemplo.saida / "html"


class _Tabelas(HTMLParser):
    """The tables of a page: each a list of rows of cell texts (header row first)."""

    def __init__(self):
        super().__init__()
        self.tabelas: list[list[list[str]]] = []
        self._celula: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tabelas.append([])
        elif tag == "tr" and self.tabelas:
            self.tabelas[-1].append([])
        elif tag in ("td", "th") and self.tabelas:
            self._celula = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._celula is not None:
            self.tabelas[-1][-1].append(" ".join("".join(self._celula).split()))
            self._celula = None

    def handle_data(self, data):
        if self._celula is not None:
            self._celula.append(sem_hifens(data))


def _valor_exibido(texto: str):
    """(value, hidden kind) of a count cell as shown: (12, None), (None, 'primaria') for '< 5', (None,
    'complementar') for 'omitido'; None when the cell is not a count."""
    if re.fullmatch(r"< \d+", texto):
        return None, "primaria"
    if texto == privacidade.OMITIDO:
        return None, "complementar"
    if re.fullmatch(r"\d{1,3}(\.\d{3})*", texto):
        return int(texto.replace(".", "")), None
    return None


def celulas_recuperaveis(tabela: list[list[str]], limiar: int = 5) -> list[str]:
    """Hidden cells of a table with a 'Total' row that the shown total and the other rows give back."""
    cabecalho, *linhas = tabela
    totais = [i for i, linha in enumerate(linhas) if linha and linha[0].lower().startswith("total")]
    achados = []
    for t in totais:
        partes = [linha for i, linha in enumerate(linhas) if i != t]
        for coluna in range(1, len(cabecalho)):
            celulas = [_valor_exibido(linha[coluna]) for linha in partes if len(linha) > coluna]
            total = _valor_exibido(linhas[t][coluna]) if len(linhas[t]) > coluna else None
            if total is None or total[1] or any(c is None for c in celulas) or not any(c[1] for c in celulas):
                continue
            valores = [0 if c[0] is None else c[0] for c in celulas]
            ocultas = [c[1] for c in celulas]
            for i, sim in enumerate(privacidade.recuperaveis(valores, ocultas, total[0], limiar)):
                if sim:
                    achados.append(f"{cabecalho[coluna]}, linha {partes[i][0]!r}")
    return achados


def test_deteccao_encontra_celula_recuperavel():
    """The check itself: '< 5' next to the total and the other rows is found; with the complement, not."""
    aberta = [["Ciclo", "Participantes"], ["A", "< 5"], ["B", "40"], ["C", "101"], ["Total", "144"]]
    assert celulas_recuperaveis(aberta) == ["Participantes, linha 'A'"]
    protegida = [["Ciclo", "Participantes"], ["A", "< 5"], ["B", "omitido"], ["C", "101"], ["Total", "144"]]
    assert celulas_recuperaveis(protegida) == []


def test_nenhuma_celula_suprimida_pode_ser_deduzida_do_total(publicadas):
    paginas = sorted(publicadas.rglob("*.html"))
    assert len(paginas) >= 18
    achados, com_total = [], 0
    for pagina in paginas:
        leitor = _Tabelas()
        leitor.feed(pagina.read_text(encoding="utf-8"))
        for tabela in leitor.tabelas:
            if any(linha and linha[0].lower().startswith("total") for linha in tabela[1:]):
                com_total += 1
            achados += [f"{pagina.name}: {a}" for a in celulas_recuperaveis(tabela)]
    assert com_total > 0  # the example has tables with totals (SCFV by cycle in every CRAS report)
    assert achados == []


def test_toda_pagina_cabe_em_a4_e_na_tela_de_1280_sem_partir_palavras(publicadas, tmp_path):
    navegador = Navegador(chromium(), tmp_path / "perfil")
    problemas = []
    try:
        for pagina in sorted(publicadas.rglob("*.html")):
            for midia, largura in (("screen", 1280), ("print", A4_CONTEUDO_PX)):
                navegador.comando("Emulation.setEmulatedMedia", sessao=True, media=midia)
                navegador.abrir(pagina, largura)
                medida = navegador.avaliar(_LARGOS)
                if medida["pagina"] > medida["largura"] or medida["largos"]:
                    problemas.append(f"{pagina.relative_to(publicadas)} ({midia} {largura}px): {medida}")
                if partidas := navegador.avaliar(_PALAVRAS_PARTIDAS):
                    problemas.append(
                        f"{pagina.relative_to(publicadas)} ({midia} {largura}px) partidas: {partidas}"
                    )
    finally:
        navegador.fechar()
    assert problemas == []
