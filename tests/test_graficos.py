"""Charts and accessible display: text alternatives carry the values; HTML is self-contained."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from cras_lib.apresentacao import exibicao, graficos


def test_barras_texto_alternativo_com_valores_e_meta():
    fig, alt = graficos.barras(
        ["CRAS Norte", "CRAS Sul"],
        [0.4, pd.NA],
        titulo="Público prioritário",
        eixo_valor="Participação",
        tipo="percentual",
        meta=0.5,
    )
    assert "CRAS Norte: 40 %" in alt and "CRAS Sul: sem dados" in alt and "50 %" in alt
    html = exibicao.figura_html(fig, alt, "Figura 1")
    assert html.startswith('<figure class="grafico"><img src="data:image/png;base64,')
    assert 'alt="Gráfico de barras' in html and "<figcaption>Figura 1</figcaption>" in html
    assert "http" not in html


def test_serie_mensal_cita_meses_sem_dados():
    meses = pd.period_range("2025-01", "2025-03", freq="M")
    _, alt = graficos.serie_mensal(meses, {"A.1": [10, None, 30]}, titulo="Famílias", eixo_valor="famílias")
    assert "de 10 em jan/2025 a 30 em mar/2025" in alt
    assert "sem dados em fev/2025" in alt


def _rotulos_y(fig) -> list[str]:
    ax = fig.axes[0]
    baixo, alto = ax.get_ylim()
    formatar = ax.yaxis.get_major_formatter()
    return [formatar(v, None) for v in ax.get_yticks() if baixo <= v <= alto]


def test_serie_de_contagens_tem_marcas_inteiras_no_eixo():
    # 16 CRAS, one of them without RMA in one month: the default ticks were 15,2 15,4 ... 15,8
    meses = pd.period_range("2024-01", "2025-12", freq="M")
    cras = [16] * 10 + [15] + [16] * 13
    fig, _ = graficos.serie_mensal(meses, {"CRAS": cras}, titulo="t", eixo_valor="CRAS", meta=16)
    assert _rotulos_y(fig) == ["15", "16"]
    # a measure that is not a count keeps matplotlib's own ticks, decimals included
    fig, _ = graficos.serie_mensal(
        meses, {"Média": [15.2 + 0.02 * i for i in range(24)]}, titulo="t", eixo_valor="média"
    )
    assert any("," in r for r in _rotulos_y(fig))


def test_figura_png_reprodutivel():
    a = exibicao.figura_html(graficos.barras(["A"], [1.0], titulo="t", eixo_valor="v")[0], "alt")
    b = exibicao.figura_html(graficos.barras(["A"], [1.0], titulo="t", eixo_valor="v")[0], "alt")
    assert a == b


def test_tabela_tem_legenda_cabecalhos_e_numeros_ptbr():
    html = exibicao.tabela_html(pd.DataFrame({"CRAS": ["X"], "Valor": [1234.5], "Falta": [None]}), "Tabela 1")
    assert "<caption>Tabela 1</caption>" in html
    assert '<th scope="col">CRAS</th>' in html
    assert '<td class="numero">1.234,5</td>' in html and "<td>sem dados</td>" in html


def test_exibir_mostra_a_secao_numa_so_saida_html_com_os_blocos_em_ordem(monkeypatch):
    mostrados = []
    monkeypatch.setattr(exibicao, "display", mostrados.append)
    fig, alt = graficos.barras(["A"], [1.0], titulo="t", eixo_valor="v")
    exibicao.exibir(
        [
            "# Título *da* seção",
            exibicao.Tabela(pd.DataFrame({"a": [1]}), "legenda"),
            exibicao.Figura(fig, alt, "leg"),
            exibicao.Html('<div class="caixa">x</div>'),
        ]
    )
    (saida,) = mostrados
    assert isinstance(saida, HTML)
    html_ = saida.data
    posicoes = [
        html_.index(trecho)
        for trecho in ("<h1", "<em>da</em>", "<caption>legenda</caption>", "<figure", "caixa")
    ]
    assert posicoes == sorted(posicoes)
    exibicao.exibir([])
    assert len(mostrados) == 1  # an empty section shows nothing


def test_parte_omitida_concorda_com_o_numero_de_arquivos():
    assert exibicao.omitida("SCFV", "scfv_grupos.csv") == (
        "*SCFV: parte omitida porque o arquivo `scfv_grupos.csv` não está na pasta de dados.*"
    )
    assert exibicao.omitida("Custos", ["custos.csv", "inclusao_produtiva.csv"]) == (
        "*Custos: parte omitida porque os arquivos `custos.csv` e `inclusao_produtiva.csv` não estão na pasta de dados.*"
    )


def _caixas(fig):
    """(axes box, legend box) in display pixels, after a draw."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    (ax,) = fig.axes
    return ax.get_window_extent(renderer), fig.legends[0].get_window_extent(renderer)


def test_legenda_fica_fora_dos_dados_abaixo_dos_eixos():
    fig, _ = graficos.barras(
        ["CRAS Norte", "CRAS Sul", "CRAS Leste"],
        [0.9, 0.45, 0.2],
        titulo="Ocupação",
        eixo_valor="Ocupação",
        tipo="percentual",
        meta=0.8,
        situacoes=["atingida", "parcialmente atingida", "não atingida"],
    )
    eixos, legenda = _caixas(fig)
    assert legenda.y1 <= eixos.y0  # below the data area, not over the bars
    meses = pd.period_range("2025-01", "2025-06", freq="M")
    fig, _ = graficos.serie_mensal(
        meses, {"A": [1, 2, 3, 4, 5, 6], "B": [6, 5, 4, 3, 2, 1]}, titulo="t", eixo_valor="Famílias", meta=3
    )
    eixos, legenda = _caixas(fig)
    assert legenda.y1 <= eixos.y0


def test_cores_das_situacoes_sao_distintas_e_explicadas():
    situacoes = ["atingida", "parcialmente atingida", "não atingida"]
    fig, _ = graficos.barras(
        ["A", "B", "C"],
        [0.9, 0.7, 0.2],
        titulo="t",
        eixo_valor="v",
        tipo="percentual",
        meta=0.8,
        situacoes=situacoes,
    )
    (ax,) = fig.axes
    cores = [tuple(b.get_facecolor()) for b in ax.patches]
    assert len(set(cores)) == 3  # 'parcialmente atingida' is not painted like 'não atingida'
    textos = [t.get_text() for t in fig.legends[0].get_texts()]
    assert textos == ["Meta atingida", "Meta parcialmente atingida", "Meta não atingida", "Meta: 80 %"]


def test_barras_levam_seus_valores_e_eixos_dizem_a_unidade():
    fig, _ = graficos.barras(
        ["A", "B"], [0.425, None], titulo="t", eixo_valor="Ocupação", tipo="percentual", eixo_categoria="CRAS"
    )
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.texts] == ["42,5 %", ""]
    assert ax.get_xlabel() == "Ocupação (%)" and ax.get_ylabel() == "CRAS"
    fig, _ = graficos.barras(["A"], [1234.5], titulo="t", eixo_valor="Custo por atendimento", tipo="moeda")
    assert fig.axes[0].get_xlabel() == "Custo por atendimento (R$)"
    assert [t.get_text() for t in fig.axes[0].texts] == ["R$ 1.234,50"]
    meses = pd.period_range("2025-01", "2025-03", freq="M")
    fig, _ = graficos.serie_mensal(
        meses, {"F": [0.5, 0.6, 0.7]}, titulo="t", eixo_valor="Frequência", tipo="percentual"
    )
    assert fig.axes[0].get_xlabel() == "Mês" and fig.axes[0].get_ylabel() == "Frequência (%)"


def _graficos_da_biblioteca():
    """One of each chart kind, with long labels, a legend and a goal line (what can stick out of a figure)."""
    from cras_lib.apresentacao.idcras import grafico_municipio
    from cras_lib.calculo.idcras import avaliar_cras

    meses = list(pd.period_range("2024-01", "2025-12", freq="M"))
    nomes = {"Famílias em acompanhamento no PAIF (A.1)": 1, "Atendimentos individualizados (C.1)": 2}
    idcras = {
        "1": avaliar_cras("1", familias_referenciadas=5000, equipe=pd.DataFrame(), estrutura=None, rma=None)
    }
    return {
        "serie_mensal": graficos.serie_mensal(
            meses,
            {n: [12_000 * k + i for i in range(24)] for n, k in nomes.items()},
            titulo="RMA mês a mês",
            eixo_valor="Quantidade no mês",
            meta=20_000,
        )[0],
        "barras": graficos.barras(
            ["Serviço de convivência de 6 a 15 anos", "Idosos"],
            [1.15, 0.3],
            titulo="Ocupação das vagas",
            eixo_valor="Usuários ÷ vagas",
            tipo="percentual",
            meta=0.8,
        )[0],
        "barras_nomes_longos": graficos.barras(
            ["CRAS " + "Conjunto Habitacional Serra Azul " * 6, "x" * 150],
            [120_000, 3],
            titulo="Atendimentos por CRAS do território, com o nome completo de cada unidade " * 2,
            eixo_valor="Atendimentos no ano",
        )[0],
        "pequenos_multiplos": graficos.pequenos_multiplos(
            meses,
            {f"CRAS {i}": [100 * i + j for j in range(24)] for i in range(9)},
            titulo="A.1",
            eixo_valor="famílias",
        )[0],
        "idcras": grafico_municipio(idcras, {"1": "CRAS Centro"})[0],
        "idcras_niveis": grafico_municipio({str(i): idcras["1"] for i in range(30)}, {})[0],
    }


def test_graficos_da_biblioteca_cabem_na_figura_sem_recorte():
    """figura_html draws the library's charts once, without cropping (bbox_inches="tight" would draw twice):
    so everything a chart draws — tick labels, legend, title, goal label — must lie inside its figure."""
    for nome, fig in _graficos_da_biblioteca().items():
        fig.canvas.draw()
        conteudo, figura = fig.get_tightbbox(fig.canvas.get_renderer()), fig.bbox_inches
        folga = 0.01  # inches
        assert conteudo.x0 >= -folga and conteudo.y0 >= -folga, nome
        assert conteudo.x1 <= figura.x1 + folga and conteudo.y1 <= figura.y1 + folga, nome


def _tamanho_png(html_: str) -> tuple[int, int]:
    import base64
    import re
    import struct

    png = base64.b64decode(re.search(r"base64,([^\"]+)", html_).group(1))
    return struct.unpack(">II", png[16:24])  # IHDR width, height


def test_figura_do_pyplot_e_recortada_e_fechada():
    """An analyst's own pyplot figure is cropped to its content by matplotlib (its long label is not cut) and
    closed afterwards."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3))
    ax.set_ylabel("um rótulo " * 8)
    html_ = exibicao.figura_html(fig, "alt")
    assert fig.number not in plt.get_fignums()
    assert _tamanho_png(html_) != (440, 330)


def test_grafico_da_biblioteca_recortado_com_borda_branca_de_um_decimo_de_polegada():
    """Grafico.png crops the drawn pixels: 11 px (0,1 in at 110 dpi) of white around the ink on every side."""
    import io

    import numpy as np
    from PIL import Image

    fig, _ = graficos.barras(
        ["CRAS Norte", "CRAS Sul"], [0.4, 0.7], titulo="t", eixo_valor="v", tipo="percentual"
    )
    largura, altura = _tamanho_png(exibicao.figura_html(fig, "alt"))
    assert largura < 7.5 * 110 and altura <= 2.5 * 110
    pixels = np.asarray(Image.open(io.BytesIO(fig.png())).convert("RGB"))
    tinta = (pixels < 255).any(axis=2)
    linhas, colunas = np.flatnonzero(tinta.any(axis=1)), np.flatnonzero(tinta.any(axis=0))
    assert (linhas[0], colunas[0]) == (11, 11)
    assert (pixels.shape[0] - 1 - linhas[-1], pixels.shape[1] - 1 - colunas[-1]) == (11, 11)


def test_graficos_do_mesmo_tamanho_partilham_o_renderizador_sem_misturar_os_desenhos():
    """Two charts of one size draw with one renderer (its text measurements serve both), yet each PNG is the
    one the chart gives alone, whatever was drawn at that size in between."""
    meses = list(pd.period_range("2025-01", "2025-12", freq="M"))

    def grafico(valores):
        return graficos.serie_mensal(meses, {"Famílias": valores}, titulo="RMA", eixo_valor="Famílias")[0]

    a, b = grafico([10 + i for i in range(12)]), grafico([50 - 2 * i for i in range(12)])
    assert a.canvas.get_renderer() is b.canvas.get_renderer()
    sozinho = a.png()
    assert b.png() != sozinho
    assert a.png() == sozinho
    pequeno = graficos.novo_grafico(2, 2)[0]
    assert pequeno.canvas.get_renderer() is not a.canvas.get_renderer()
