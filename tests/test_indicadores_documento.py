"""The sections of the avaliação document (cras_lib.documentos.avaliacao.documento), on the small hand-built
municipality of ``test_indicadores_dados`` (3 CRAS, January–April 2025, SCFV-04 with N = 3 months)."""

import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
import yaml
from apoio.indicadores import PARAMETROS, municipio

from cras_lib.apresentacao.exibicao import Figura, Tabela, omitida
from cras_lib.calculo.indicadores import CATALOGO, quadro_municipal
from cras_lib.documentos.avaliacao import apresentacao as ap
from cras_lib.documentos.avaliacao import documento as doc_
from cras_lib.documentos.avaliacao.achados import gerar_conclusoes

SECOES = (
    doc_.cabecalho,
    doc_.metodo,
    doc_.quadro_geral,
    doc_.dimensoes,
    doc_.evolucao_mensal,
    doc_.indicadores_chave,
    doc_.comparacao,
    doc_.idcras,
    doc_.conclusoes,
)


@pytest.fixture(autouse=True)
def _fechar_figuras():
    yield
    plt.close("all")


def documento(comparacao=("2024-12", "2024-12"), parametros=PARAMETROS, limiar=5, cras=None, **sem):
    """The document made by ``montar`` from a params YAML holding ``parametros`` (only the units ``cras`` of
    ``unidades.csv``, when given)."""
    m = municipio(**sem)
    if cras is not None:
        m.unidades = m.unidades.loc[m.unidades["id_cras"].isin(cras)].reset_index(drop=True)
    with tempfile.TemporaryDirectory() as pasta:
        params = Path(pasta) / "avaliacao.yaml"
        params.write_text(yaml.safe_dump(parametros), encoding="utf-8")
        return doc_.montar(
            municipio=m,
            params=params,
            inicio="2025-01",
            fim="2025-04",
            comparacao_inicio=comparacao[0],
            comparacao_fim=comparacao[1],
            municipio_nome="Vale Serrano",
            uf="mg",
            limiar_supressao=limiar,
        )


def textos(blocos) -> list[str]:
    return [b for b in blocos if isinstance(b, str)]


def tudo_visivel(doc) -> str:
    """Every text the reader sees: Markdown, table captions and cells, figure captions and alt texts."""
    partes = []
    for secao in SECOES:
        for bloco in secao(doc):
            if isinstance(bloco, Tabela):
                partes += [bloco.legenda, *bloco.dados.columns, *bloco.dados.astype(str).to_numpy().ravel()]
            elif isinstance(bloco, Figura):
                partes += [bloco.alt, bloco.legenda]
            else:
                partes.append(bloco)
    return "\n".join(partes)


# --- the N of SCFV-04 -----------------------------------------------------------------------------------
def test_nome_da_permanencia_tem_o_n_dos_parametros():
    ind = CATALOGO["SCFV-04"]
    ctx = documento().contexto
    assert ind.nome_em(ctx) == "Permanência no SCFV após 3 meses"  # PARAMETROS: scfv.meses_permanencia 3
    um_mes = documento(parametros={"scfv": {"meses_permanencia": 1}}).contexto
    assert ind.nome_em(um_mes) == "Permanência no SCFV após 1 mês"  # singular
    assert ind.nome_em(documento(parametros={}).contexto) == "Permanência no SCFV após 6 meses"  # default
    assert ind.nome_em(None) == ind.nome == "Permanência no SCFV após N meses"  # the declaration
    assert CATALOGO["PAIF-01"].nome_em(ctx) == CATALOGO["PAIF-01"].nome  # names without a parameter


def test_quadro_e_tabela_mostram_o_nome_com_n_e_a_declaracao_sem_contexto():
    doc = documento()
    nome = "Permanência no SCFV após 3 meses"
    assert doc.avaliacao.quadro.set_index("codigo").loc["SCFV-04", "nome"] == nome
    assert doc.tabela.set_index("Código").loc["SCFV-04", "Indicador"] == nome
    sem_contexto = quadro_municipal(doc.avaliacao.longa, doc.avaliacao.metas).set_index("codigo")
    assert sem_contexto.loc["SCFV-04", "nome"] == "Permanência no SCFV após N meses"


def test_nenhum_n_literal_chega_ao_leitor_fora_da_formula():
    doc = documento()
    visivel = tudo_visivel(doc).replace(CATALOGO["SCFV-04"].formula, "")
    assert "após N meses" not in visivel
    assert visivel.count("Permanência no SCFV após 3 meses") >= 5  # table, dimension, heading, chart, caption


def test_conclusoes_nomeiam_a_permanencia_com_n():
    parametros = PARAMETROS | {"metas": {"SCFV-04": {"meta": 0.9}}}
    doc = documento(parametros=parametros, limiar=2)  # limiar 2: only a count of 1 is suppressed
    # CRAS Alfa, N = 3: P1 (3 months on 01/01/2025), P2 (15/02/2025, left 10/03) and P7 (01/03/2025, left
    # 01/02) complete 3 months in the period; P1 and P2 stayed -> 2/3 = 66,7 %. Band: 0,9 − 0,2 × 0,9 = 0,72
    # > 0,667 -> não atingida. The municipality sums the same 2/3 (Beta 0/0, Gama none).
    frases = gerar_conclusoes(doc.avaliacao, 2)
    assert (
        "**Impacto**: meta não atingida em SCFV-04 — Permanência no SCFV após 3 meses: 66,7 % (meta: ao menos 90 %)."
        in frases
    )
    assert (
        "Em SCFV-04 — Permanência no SCFV após 3 meses (meta: ao menos 90 %), 1 CRAS não atingiu a meta: CRAS Alfa "
        "(66,7 %)." in frases
    )


# --- omitted parts --------------------------------------------------------------------------------------
def test_linha_de_parte_omitida_concorda_com_o_numero_de_arquivos():
    assert omitida("Impacto — SCFV", ["scfv_participantes.csv"]) == (
        "*Impacto — SCFV: parte omitida porque o arquivo `scfv_participantes.csv` não está na pasta de dados.*"
    )
    assert omitida("Eficiência — Inclusão Produtiva", ["custos.csv", "inclusao_produtiva.csv"]) == (
        "*Eficiência — Inclusão Produtiva: parte omitida porque os arquivos `custos.csv` e `inclusao_produtiva.csv` não "
        "estão na pasta de dados.*"
    )


def test_dimensao_sem_arquivo_diz_o_que_falta_e_mostra_so_os_indicadores_disponiveis():
    doc = documento(inclusao_produtiva=True, custos=True)
    impacto = doc_.dimensao(doc, "impacto")
    assert textos(impacto)[:2] == [
        "## 5. Impacto\n\nMudanças na situação das pessoas atendidas: renda, trabalho, empreendimentos e "
        "permanência.",
        "*Impacto — Inclusão Produtiva: parte omitida porque o arquivo `inclusao_produtiva.csv` não está na pasta de "
        "dados.*",
    ]
    tabela, padrao, territorios = [b for b in impacto if isinstance(b, Tabela)]
    assert territorios.legenda.startswith("Famílias em extrema pobreza no CadÚnico, por território")
    # IP-08..IP-10 need inclusao_produtiva.csv; PAIF-14 the CadÚnico
    assert [i[-9:] for i in tabela.dados["Indicador"]] == ["(PAIF-14)", "(SCFV-04)"]
    assert set(padrao.dados["Resultado"]) == {"sem dados — falta o arquivo inclusao_produtiva.csv"}
    assert tabela.legenda == "Impacto: indicadores do município, janeiro a abril de 2025"
    eficiencia = "\n".join(textos(doc_.dimensao(doc, "eficiencia")))
    assert (
        "*Eficiência — Inclusão Produtiva: parte omitida porque os arquivos `custos.csv` e `inclusao_produtiva.csv` não "
        "estão na pasta de dados.*" in eficiencia
    )


def test_dimensao_sem_nenhum_indicador_disponivel_nao_tem_tabela():
    doc = documento(inclusao_produtiva=True, scfv_participantes=True, cadunico_territorios=True)
    impacto = doc_.dimensao(doc, "impacto")
    # only the table of the program standard's impact indicators, every one "sem dados" with the file
    (padrao,) = [b for b in impacto if isinstance(b, Tabela)]
    assert padrao.legenda.startswith("Indicadores de impacto do padrão do Programa de Inclusão Produtiva")
    assert len(textos(impacto)) == 4  # heading, PAIF line, SCFV line, Inclusão Produtiva line


def test_indicador_chave_sem_arquivo_vira_uma_linha():
    blocos = doc_.indicadores_chave(documento(scfv_participantes=True))
    texto = "\n".join(textos(blocos))
    assert (
        "*SCFV-04 — Permanência no SCFV após 3 meses: parte omitida porque o arquivo `scfv_participantes.csv` não está "
        "na pasta de dados.*" in texto
    )
    assert "### SCFV-04" not in texto and "### PAIF-01" in texto


def test_evolucao_sem_frequencia_omite_so_o_grafico_da_frequencia():
    blocos = doc_.evolucao_mensal(documento(scfv_frequencia=True))
    assert [type(b) for b in blocos] == [str, Figura, Figura, Figura, str]
    assert blocos[-1] == omitida("Frequência mensal do SCFV", ["scfv_frequencia.csv"])


# --- sections -------------------------------------------------------------------------------------------
def test_secoes_numeradas_em_ordem():
    doc = documento()
    markdown = "\n".join(b for secao in SECOES for b in secao(doc) if isinstance(b, str))
    titulos = [linha for linha in markdown.splitlines() if linha.startswith("## ")]
    assert titulos == [
        "## 1. Método",
        "## 2. Quadro geral dos indicadores",
        "## 3. Eficácia",
        "## 4. Eficiência",
        "## 5. Impacto",
        "## 6. Evolução mensal",
        "## 7. Os CRAS nos indicadores-chave",
        "## 8. Comparação com dezembro de 2024",
        "## 9. Indicador de Desenvolvimento dos CRAS (IDCRAS)",
        "## 10. Conclusões",
    ]


def test_cabecalho_com_e_sem_comparacao():
    (com,) = textos(doc_.cabecalho(documento()))
    assert com == (
        "# Avaliação de eficácia, eficiência e impacto — janeiro a abril de 2025\n\n"
        "**Município de Vale Serrano (MG)** · Secretaria Municipal de Assistência Social · Vigilância "
        "Socioassistencial · período avaliado: janeiro a abril de 2025 · comparação: dezembro de 2024"
    )
    (sem,) = textos(doc_.cabecalho(documento(comparacao=("", ""))))
    assert sem.endswith("período avaliado: janeiro a abril de 2025")


def test_metodo_usa_n_tolerancia_limiar_e_numero_de_cras():
    (texto,) = textos(doc_.metodo(documento()))
    assert "Programa de Inclusão Produtiva dos 3 CRAS de Vale Serrano" in texto
    assert "A permanência no SCFV (SCFV-04) considera N = 3 meses." in texto
    assert "*parcialmente atingido* quando está a até 20 % da meta" in texto  # default tolerância 0,2
    assert 'famílias de 1 a 4 aparecem como "< 5"' in texto
    parametros = PARAMETROS | {"classificacao": {"tolerancia_relativa": 0.1}}
    (outro,) = textos(doc_.metodo(documento(parametros=parametros, limiar=10)))
    assert "até 10 % da meta" in outro and 'de 1 a 9 aparecem como "< 10"' in outro


def test_quadro_geral_e_a_tabela_do_catalogo_com_as_formulas():
    doc = documento()
    texto, tabela, detalhes = doc_.quadro_geral(doc)
    assert "e a variação em relação a dezembro de 2024" in texto
    completa = ap.tabela_indicadores(doc.avaliacao.quadro, 5)
    # the main table keeps what a reader decides on (fits A4); the code goes with the name
    assert list(tabela.dados.columns) == ["Indicador", "Valor", "Meta", "Situação", "Variação"]
    assert list(tabela.dados["Valor"]) == list(completa["Valor"])
    assert tabela.dados["Indicador"][0] == f"{completa['Indicador'][0]} ({completa['Código'][0]})"
    # formulas, numerators and denominators in the details table under it
    assert list(detalhes.dados.columns) == [
        "Indicador",
        "Fórmula",
        "Numerador",
        "Denominador",
        "Fonte e período",
        "Período de comparação",
    ]
    # sources in plain words with the period (the CadÚnico indicator: the two months it compares)
    fontes = dict(zip(detalhes.dados["Indicador"].str[-9:], detalhes.dados["Fonte e período"], strict=True))
    assert fontes["(PAIF-01)"] == "RMA e cadastro dos CRAS, de janeiro a abril de 2025"
    assert fontes["(PAIF-14)"] == (
        "CadÚnico por território de CRAS, comparação de dezembro de 2024 com abril de 2025"
    )
    assert list(detalhes.dados["Fórmula"]) == [i.formula for i in CATALOGO.values()]
    assert list(detalhes.dados["Numerador"]) == list(completa["Numerador"])
    assert tabela.legenda == "Indicadores de avaliação — Vale Serrano, janeiro a abril de 2025"


def test_sem_comparacao_nao_ha_colunas_nem_secao_de_comparacao():
    doc = documento(comparacao=("2024-12", ""))  # one end missing: no comparison
    assert doc.comparacao is None
    assert "variação" not in doc_.quadro_geral(doc)[0]
    (tabela,) = [b for b in doc_.dimensao(doc, "eficiencia") if isinstance(b, Tabela)]
    assert list(tabela.dados.columns) == doc_.COLUNAS_PRINCIPAIS
    assert doc_.comparacao(doc) == [("## 8. Comparação\n\nSem período de comparação nos parâmetros.")]


def test_comparacao_mostra_os_dois_periodos_dos_indicadores_com_dados_nos_dois():
    doc = documento()
    texto, tabela = doc_.comparacao(doc)
    # no target in these params: changes are named, never called "melhoras" or "pioras"
    assert texto.startswith("## 8. Comparação com dezembro de 2024\n\nEntre os indicadores sem meta")
    colunas = ["Indicador", "dezembro de 2024", "janeiro a abril de 2025", "Variação"]
    assert list(tabela.dados.columns) == colunas
    quadro = doc.avaliacao.quadro
    codigos = [i.rsplit("(", 1)[1].rstrip(")").split("; ")[-1] for i in tabela.dados["Indicador"]]
    assert codigos == list(quadro.loc[quadro["valor"].notna() & quadro["valor_comparacao"].notna(), "codigo"])
    tabela = type(tabela)(tabela.dados.assign(Código=codigos), tabela.legenda)
    # PAIF-12: Dec 2024 only A reported, 999 visits / 2 technicians = 499,5; now 20;
    # change (20 − 499,5) / 499,5 = −0,96
    linha = tabela.dados.set_index("Código").loc["PAIF-12"]
    assert list(linha[colunas[1:]]) == [
        "499,5 visitas por técnico por mês",
        "20 visitas por técnico por mês",
        "-96 %",
    ]
    assert tabela.legenda == "Indicadores com dados em dezembro de 2024 e em janeiro a abril de 2025"


def test_evolucao_comeca_no_periodo_de_comparacao_e_nao_conta_mes_nao_informado():
    blocos = doc_.evolucao_mensal(documento())
    figuras = [b for b in blocos if isinstance(b, Figura)]
    assert len(figuras) == 4  # A.1, C.1, CRAS que informaram, frequência do SCFV
    # A.1: Dec 2024 only A reported (999); Jan (100 + 200) / 2 = 150; Apr (110 + 200) / 2 = 155
    assert "de 999 em dez/2024 a 155 em abr/2025; mínimo 150 (jan/2025)" in figuras[0].alt
    # CRAS reporting: Dec 1 (A), Jan 2, Feb 2, Mar 1 (B; A did not report), Apr 2
    assert "de 1 em dez/2024 a 2 em abr/2025; mínimo 1 (dez/2024), máximo 2 (jan/2025)" in figuras[2].alt
    assert figuras[2].legenda == "CRAS que informaram o RMA por mês (total de CRAS: 3)."
    sem_comparacao = doc_.evolucao_mensal(documento(comparacao=(None, None)))
    assert "de 150 em jan/2025 a 155 em abr/2025" in sem_comparacao[1].alt


@pytest.mark.parametrize(
    ("unidades", "esperado"),
    [
        # A did not report March 2025; B did not report December 2024
        (
            ["00000000001", "00000000002"],
            "Os 2 CRAS do município informaram o RMA em todos os meses de dezembro de 2024 a abril de 2025, "
            "exceto: 1 CRAS sem RMA em dezembro de 2024 e março de 2025.",
        ),
        (
            ["00000000001"],
            "O único CRAS do município informou o RMA em todos os meses de dezembro de 2024 a abril de 2025, "
            "exceto em março de 2025.",
        ),
        (
            ["00000000002"],
            "O único CRAS do município informou o RMA em todos os meses de dezembro de 2024 a abril de 2025, "
            "exceto em dezembro de 2024.",
        ),
    ],
)
def test_com_menos_de_tres_cras_os_cras_que_informaram_vem_numa_frase(unidades, esperado):
    """With one or two CRAS a chart of how many reported is a line at 1 or 2: a sentence says the same."""
    blocos = doc_.evolucao_mensal(documento(cras=unidades))
    figuras = [b for b in blocos if isinstance(b, Figura)]
    assert len(figuras) == 3  # A.1, C.1, frequência do SCFV
    assert not any("CRAS que informaram" in f.alt for f in figuras)
    assert esperado in blocos


def test_ranking_de_indicador_chave_titulo_formula_grafico_e_tabela():
    doc = documento(limiar=2)
    texto, figura, tabela = doc_.ranking(doc, "SCFV-04")
    formula = CATALOGO["SCFV-04"].formula
    assert texto == f"### SCFV-04 — Permanência no SCFV após 3 meses\n\nFórmula: {formula}."
    assert figura.alt.startswith("Gráfico de barras — SCFV-04 — Permanência no SCFV após 3 meses.")
    # Beta and Gama have nobody completing 3 months (0 ÷ 0, none): "sem dados", no bar
    assert figura.legenda == (
        "Permanência no SCFV após 3 meses por CRAS, janeiro a abril de 2025. CRAS sem dados ou com valor não "
        "divulgado ficam sem barra."
    )
    assert tabela.legenda == "SCFV-04 — Permanência no SCFV após 3 meses por CRAS, janeiro a abril de 2025"
    assert tabela.dados.values.tolist() == [
        ["CRAS Alfa", "66,7 %", "sem meta"],  # 2 of 3 stayed (test_conclusoes_nomeiam_a_permanencia_com_n)
        ["CRAS Beta", "sem dados", "sem dados"],
        ["CRAS Gama", "sem dados", "sem dados"],
    ]
    # with the default threshold 5, 2 of 3 would reveal fewer than 5 people
    _, _, suprimida = doc_.ranking(documento(), "SCFV-04")
    assert suprimida.dados.iloc[0].tolist() == [
        "CRAS Alfa",
        "não divulgado (menos de 5 pessoas)",
        "não divulgada",
    ]


def test_indicadores_chave_tem_um_ranking_por_indicador_chave():
    doc = documento()
    blocos = doc_.indicadores_chave(doc)
    chave = [c for c, i in CATALOGO.items() if i.chave]
    cabecalhos = [t.split("\n")[0] for t in textos(blocos) if t.startswith("### ")]
    assert cabecalhos == [f"### {doc.rotulo(c)}" for c in chave]
    assert sum(isinstance(b, Figura) for b in blocos) == len(chave)


def test_conclusoes_sao_as_geradas_em_lista():
    doc = documento()
    (texto,) = textos(doc_.conclusoes(doc))
    esperado = "## 10. Conclusões\n\n" + "\n".join(f"- {f}" for f in gerar_conclusoes(doc.avaliacao, 5))
    assert texto == esperado


def test_documento_nao_mostra_dados_pessoais_nem_valores_crus():
    visivel = tudo_visivel(documento())
    assert "Pessoa P" not in visivel and "11111111111" not in visivel  # nome, cpf of the hand-built rows
    for palavra in ("nan", "NaN", "None", "NaT", "inf", "<NA>"):
        assert f" {palavra} " not in f" {visivel} ".replace("\n", " ")


def test_metodo_lista_os_avisos_da_leitura_dos_dados():
    """Implausible values found when reading (e.g. A.1 above 10× the referenced families) reach the notes."""
    import dataclasses

    aviso = "rma_cras.csv, coluna 'a1': 1 valor acima de 10 vezes as famílias referenciadas do CRAS"
    sem_aviso = "\n".join(textos(doc_.metodo(documento())))
    assert "Avisos sobre os dados recebidos" not in sem_aviso
    com_aviso = "\n".join(textos(doc_.metodo(dataclasses.replace(documento(), avisos=(aviso,)))))
    assert "**Avisos sobre os dados recebidos:**" in com_aviso and f"- {aviso}" in com_aviso


def test_montar_guarda_os_avisos_do_municipio():
    m = municipio()
    m.avisos.append("aviso de teste")
    with tempfile.TemporaryDirectory() as pasta:
        params = Path(pasta) / "avaliacao.yaml"
        params.write_text(yaml.safe_dump(PARAMETROS), encoding="utf-8")
        d = doc_.montar(
            municipio=m,
            params=params,
            inicio="2025-01",
            fim="2025-04",
            municipio_nome="Vale Serrano",
            uf="mg",
            limiar_supressao=5,
        )
    assert d.avisos == ("aviso de teste",)


def test_grafico_de_ordenacao_so_a_partir_de_tres_cras(tmp_path):
    """With 3 CRAS every key indicator gets its ranking chart; with 2 (most municipalities have one or two CRAS)
    only the table, and the section's opening says why — the same tables, no picture that adds nothing."""
    from cras_lib.dados import carregar_municipio, sintetico

    tres = doc_.indicadores_chave(documento())
    graficos_tres = [b for b in tres if isinstance(b, Figura)]
    assert graficos_tres and "Cada gráfico ordena os CRAS" in tres[0]
    (codigo,) = sintetico.gerar(tmp_path, 1, cras=(2, 2))
    dois = doc_.indicadores_chave(
        doc_.montar(
            municipio=carregar_municipio(tmp_path / codigo), params=None, inicio="2025-01", fim="2025-12"
        )
    )
    assert not [b for b in dois if isinstance(b, Figura)]
    assert "Com 2 CRAS, cada indicador vem numa tabela com o valor e a situação de cada um" in dois[0]
    tabelas = [b for b in dois if isinstance(b, Tabela)]
    assert len(tabelas) == len([b for b in dois if isinstance(b, str) and b.startswith("### ")])
    assert all(len(t.dados) == 2 for t in tabelas)
