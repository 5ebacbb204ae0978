"""The pt-BR narrative of the per-CRAS report: literal sentences for two constructed CRAS (one complete, one with
missing data and a team deficit), agreement of number and gender, and a property test that no generated text shows
NaN, None, NaT, inf, a Python repr or the fallback "sem dados"."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cras_lib.apresentacao import redacao
from cras_lib.calculo.equipe_nob_rh import conformidade_equipe
from cras_lib.calculo.periodo import Periodo
from cras_lib.documentos.relatorio_cras import texto
from cras_lib.documentos.relatorio_cras.fatos import (
    FatosCadunico,
    FatosCras,
    FatosInclusao,
    FatosRma,
    FatosScfv,
    Identificacao,
    ItemRma,
    LinhaScfv,
    Posicao,
)
from cras_lib.documentos.relatorio_cras.pontos_atencao import Limiares, pontos_de_atencao
from cras_lib.norma.rma import ROTULOS
from cras_lib.norma.scfv import CICLOS_SCFV, POR_CODIGO

P = pd.Period
ANO = tuple(pd.period_range("2025-01", "2025-12", freq="M"))
ANO_2025, ANO_2024 = Periodo("2025-01", "2025-12"), Periodo("2024-01", "2024-12")
# period, comparison period and SCFV reference date of a report (FatosCras fields)
COM_COMPARACAO = {"periodo": ANO_2025, "comparacao": ANO_2024, "data_referencia": dt.date(2025, 12, 31)}
SEM_COMPARACAO = {"periodo": ANO_2025, "comparacao": None, "data_referencia": dt.date(2025, 12, 31)}


def roster(*linhas) -> pd.DataFrame:
    tabela = pd.DataFrame(linhas, columns=["funcao", "profissao", "escolaridade", "vinculo"], dtype="string")
    return tabela.assign(id_cras=pd.array(["31000000001"] * len(linhas), dtype="string"))


COORD = ("coordenador", "assistente_social", "superior", "estatutario")
AS = ("tecnico_superior", "assistente_social", "superior", "estatutario")
PSI = ("tecnico_superior", "psicologo", "superior", "estatutario")
MEDIO = ("tecnico_medio", None, "medio", "estatutario")


def rma(valores: dict, *, nao_reportados=(), comparacao: int | None = 12) -> FatosRma:
    """``valores``: item -> valor or (valor, valor_comparacao, variacao)."""
    itens = []
    for item, v in valores.items():
        valor, anterior, variacao = v if isinstance(v, tuple) else (v, None, None)
        estoque = item == "a1" or (item.startswith("d") and item != "d6")
        itens.append(ItemRma(item, ROTULOS[item], estoque, valor, anterior, variacao))
    return FatosRma(
        meses_esperados=12,
        meses_reportados=12 - len(nao_reportados),
        meses_nao_reportados=tuple(P(m, "M") for m in nao_reportados),
        meses_reportados_comparacao=comparacao,
        itens=tuple(itens),
        meses_serie=ANO,
        series=(),
    )


def linha(ciclo, grupos, capacidade, ativos, prioritarios, frequencia=None) -> LinhaScfv:
    rotulo = POR_CODIGO[ciclo].rotulo if ciclo in POR_CODIGO else "Total"
    return LinhaScfv(
        ciclo,
        rotulo,
        grupos,
        capacidade,
        ativos,
        prioritarios,
        ativos / capacidade if capacidade else None,
        prioritarios / ativos if ativos else None,
        prioritarios / capacidade if capacidade else None,
        frequencia,
    )


def posicao(codigo, nome, valor, k, n, municipio, unidade="percentual") -> Posicao:
    return Posicao(codigo, nome, unidade, "", True, valor, None, None, municipio, k, n, ())


def completo() -> FatosCras:
    """A CRAS with every part present (3,200 families: NOB-RH band up to 3,500; PAIF capacity 750)."""
    return FatosCras(
        identificacao=Identificacao(
            "31000000001",
            "CRAS Jardim Primavera",
            "Jardim Primavera e Vila Nova",
            "Rua das Flores, 10",
            3_200,
            15_000,
            40,
            5,
            750,
        ),
        **COM_COMPARACAO,
        rma=rma(
            {
                "a1": (312.5, 277.8, 0.125),
                "a2": (120, 100, 0.2),
                "b1": 40,
                "b2": 65,
                "c1": (2_400, 2_479, -0.032),
                "c2": 50,
                "c3": 80,
                "c4": 12,
                "c5": 9,
                "c6": 180,
                "c7": 3,
                "c8": 2,
                "c9": 40,
                "d1": (45.5, 45.4, 0.002),
                "d6": 300,
            }
        ),
        scfv=FatosScfv(
            dt.date(2025, 12, 31),
            # total: 81 priority users of 150 active (54 %), 81 / 180 places = 45 % -> below the 50 % goal
            linha("total", 12, 180, 150, 81, 0.8),
            (linha("6_a_15", 6, 90, 80, 31, 0.78), linha("60_mais", 6, 90, 70, 50, 0.82)),
        ),
        inclusao=FatosInclusao(
            2025,
            2025,
            inscritos=30,
            com_fase_1=28,
            concluintes_fase_1=20,
            atingiram_75_fase_1=24,
            chegaram_aceleracao=12,
            concluintes=18,
            desistentes=6,
            informaram_renda=20,
            gerando_renda=8,
            informaram_trabalho=20,
            trabalho_formal=3,
            satisfacao_media=4.3,
            empreendimentos=5,
            empreendimentos_ativos=3,
        ),
        cadunico=FatosCadunico(
            P("2025-12", "M"),
            4_000,
            1_000,
            1_500,
            3_000,
            1_800,
            250,
            tuple(
                (c.codigo, n) for c, n in zip(CICLOS_SCFV, (900, 1_800, 500, 1_600, 3_900, 700), strict=True)
            ),
        ),
        equipe=conformidade_equipe(roster(COORD, AS, AS, PSI, MEDIO, MEDIO, MEDIO), 3_200),
        posicoes=(
            posicao("PAIF-01", "Famílias acompanhadas pelo PAIF em relação à capacidade", 0.9, 2, 3, 0.8),
            posicao("EF-03", "Custo do PAIF por atendimento", 150.0, 1, 3, 180.0, unidade="moeda"),
        ),
        total_cras_municipio=3,
    )


def incompleto(limiar: int = 5) -> FatosCras:
    """A CRAS without SCFV, program, CadÚnico and comparison data, 2 months without RMA, and a team deficit."""
    return FatosCras(
        identificacao=Identificacao(
            "31000000002", "Vila Esperança", None, None, 2_000, None, None, None, 500
        ),
        **SEM_COMPARACAO,
        rma=rma({"a1": 80.0, "a2": 1, "c1": 250}, nao_reportados=("2025-03", "2025-07"), comparacao=None),
        scfv=None,
        inclusao=None,
        cadunico=None,
        equipe=conformidade_equipe(roster(("coordenador", None, "superior", "temporario"), AS), 2_000),
        posicoes=(),
        total_cras_municipio=3,
        limiar_supressao=limiar,
    )


# ------------------------------------------------------------------------------------------- complete CRAS
@pytest.fixture(scope="module")
def cras_completo() -> dict[str, str]:
    return texto.secoes(completo())


def test_apresentacao_completa(cras_completo):
    assert cras_completo["apresentacao"] == (
        "O CRAS Jardim Primavera (código 31000000001) atende o território formado por Jardim Primavera e Vila Nova, "
        "onde vivem 15.000 pessoas. Endereço: Rua das Flores, 10. Funciona 40 horas por semana, em 5 dias da semana."
        "\n\nO CRAS referencia 3.200 famílias. Para esse número, a NOB/SUAS 2005 prevê que o PAIF do CRAS atenda "
        "até 750 famílias por ano."
    )


@pytest.mark.parametrize(
    "frase",
    [
        "Em 2025, o CRAS acompanhou no PAIF, em média, 312,5 famílias por mês.",
        "A média mensal de famílias em acompanhamento cresceu 12,5 % em relação a 2024.",
        "Foram inseridas no acompanhamento 120 novas famílias.",
        "Entre elas, 40 estão em situação de extrema pobreza e 65 são beneficiárias do Bolsa Família.",
        "Foram realizados 2.400 atendimentos individualizados e 180 visitas domiciliares.",
        "O total de atendimentos individualizados caiu 3,2 % em relação a 2024.",
        "O CRAS encaminhou 50 famílias para inclusão no Cadastro Único, 80 famílias para atualização do cadastro, "
        "12 pessoas para o BPC e 9 famílias para o CREAS.",
        # 3 + 2 + 40 = 45; 3 and 2 are below the threshold of 5
        "Foram concedidos 45 benefícios eventuais (menos de 5 auxílios-natalidade, menos de 5 auxílios-funeral e 40 outros "
        "benefícios).",
        "Em média, 45,5 famílias participaram por mês dos grupos do PAIF, e 300 pessoas estiveram em atividades "
        "coletivas como palestras e oficinas.",
    ],
)
def test_paif_frases(cras_completo, frase):
    assert frase in cras_completo["paif"]


def test_paif_sem_linha_de_meses_quando_todos_informados(cras_completo):
    assert "não enviou" not in cras_completo["paif"]


@pytest.mark.parametrize(
    "frase",
    [
        # 150 / 180 = 83,3 %
        "Em 31 de dezembro de 2025, 150 pessoas participavam do SCFV neste CRAS, em 12 grupos com 180 vagas "
        "(ocupação de 83,3 %).",
        "O ciclo com mais participantes é o de crianças e adolescentes de 6 a 15 anos, com 80 pessoas.",
        # 81 / 150 = 54 %; 81 / 180 = 45 %
        "Do total de participantes, 81 (54 %) pertencem ao público prioritário definido pela Resolução CNAS 01/2013.",
        "O público prioritário corresponde a 45 % da capacidade de atendimento, abaixo da meta de ao menos 50 %.",
        # 31 / 90 = 34,4 % < 50 %; 50 / 90 = 55,6 % >= 50 %
        "Fica abaixo da meta o ciclo de crianças e adolescentes de 6 a 15 anos.",
        "Os participantes estiveram presentes em 80 % dos encontros previstos em 2025.",
    ],
)
def test_scfv_frases(cras_completo, frase):
    assert frase in cras_completo["scfv"]


@pytest.mark.parametrize(
    "frase",
    [
        "Em 2025, 30 pessoas do território participaram do Programa de Inclusão Produtiva.",
        "Na fase 1 (Preparação para o Mundo do Trabalho), 20 de 28 concluíram todos os módulos, e 24 de 28 cumpriram "
        "ao menos 75 % das horas, requisito para seguir para a fase 2.",
        "Na fase 2 (Fomento ao Empreendedorismo Social), 12 pessoas chegaram à Aceleração.",
        "No total, 6 pessoas desistiram de algum módulo.",
        # 8 / 20 = 40 %; 3 people in formal work is below the threshold: no count, no percentage
        "Entre as pessoas com a informação de renda, 8 de 20 geram renda (40 %); menos de 5 de 20 com a informação de "
        "trabalho têm emprego formal.",
        "Foram apoiados 5 empreendimentos, dos quais 3 estão em atividade (com ao menos um participante gerando "
        "renda).",
        "A satisfação média dos participantes foi de 4,3 numa escala de 1 a 5.",
    ],
)
def test_inclusao_frases(cras_completo, frase):
    assert frase in cras_completo["inclusao"]


def test_cadunico_frases(cras_completo):
    cad = cras_completo["cadunico"]
    assert "Em dezembro de 2025, o Cadastro Único registrava 4.000 famílias no território deste CRAS." in cad
    # 1.000 / 4.000 = 25 %; 1.500 / 4.000 = 37,5 %; 3.000 / 4.000 = 75 %; 1.800 / 4.000 = 45 %
    assert (
        "Entre elas, há 1.000 (25 %) em situação de extrema pobreza, 1.500 (37,5 %) em situação de pobreza e "
        "3.000 (75 %) de baixa renda."
    ) in cad
    assert "O Bolsa Família chega a 1.800 famílias (45 %) do território." in cad
    assert "O Benefício de Prestação Continuada (BPC) é pago a 250 pessoas." in cad


def test_equipe_conforme(cras_completo):
    assert cras_completo["equipe"] == (
        "O cadastro de pessoal registra 7 trabalhadores(as) neste CRAS. Para 3.200 famílias referenciadas, a "
        "NOB-RH/SUAS pede uma equipe de referência de no mínimo 7 profissionais: 1 coordenador(a), 2 assistentes "
        "sociais, 1 psicólogo(a) e 3 técnicos(as) de nível médio. A equipe de referência do CRAS cumpre esse mínimo."
    )


def test_posicao(cras_completo):
    assert cras_completo["posicao"].splitlines()[-2:] == [
        "- Famílias acompanhadas pelo PAIF em relação à capacidade: 2ª posição entre 3 (90 %; município: 80 %).",
        "- Custo do PAIF por atendimento: 1ª posição entre 3 (R$ 150,00; município: R$ 180,00).",
    ]


def test_caixa_resumo_completa():
    itens = texto.itens_resumo(completo())
    assert itens == [
        ("Famílias referenciadas", "3.200", "capacidade do PAIF: 750 famílias por ano"),
        (
            "Famílias em acompanhamento no PAIF (média por mês)",
            "312,5",
            "média mensal cresceu 12,5 % em relação a 2024",
        ),
        ("Atendimentos individualizados", "2.400", "total caiu 3,2 % em relação a 2024"),
        ("Participantes do SCFV", "150", "público prioritário: 45 % das vagas (meta: 50 %)"),
        ("Equipe do CRAS", "completa", "mínimo da NOB-RH/SUAS: 7 profissionais"),
        ("Meses sem RMA no período", "nenhum", "de 12 meses"),
    ]
    caixa = texto.caixa_resumo_html(completo())
    assert caixa.startswith('<section class="resumo-cras" aria-label="Resumo: CRAS Jardim Primavera — 2025">')
    assert "<dd" in caixa and "312,5" in caixa


def test_pontos_do_cras_completo():
    pontos = pontos_de_atencao(completo())
    assert [p.codigo for p in pontos] == ["prioritario_abaixo_da_meta", "inclusao_desistentes"]
    assert pontos[0].descricao == (
        "O público prioritário (45 % da capacidade de atendimento) não alcança a meta de ao menos 50 % da "
        "capacidade de atendimento (Resolução CNAS 01/2013)."
    )


# ------------------------------------------------------------------------------------------- incomplete CRAS
@pytest.fixture(scope="module")
def cras_incompleto() -> dict[str, str]:
    return texto.secoes(incompleto())


def test_uma_linha_para_cada_parte_ausente(cras_incompleto):
    assert cras_incompleto["scfv"] == "Não há dados do SCFV deste CRAS no período."
    assert (
        cras_incompleto["inclusao"]
        == "Não há dados do Programa de Inclusão Produtiva neste território no período."
    )
    assert (
        cras_incompleto["cadunico"]
        == "Não há dados do Cadastro Único para o território deste CRAS no período."
    )
    assert cras_incompleto["posicao"] == (
        "Não há dados para comparar este CRAS com os demais CRAS do município no período."
    )


def test_apresentacao_sem_territorio_nem_horario(cras_incompleto):
    assert cras_incompleto["apresentacao"] == (
        "O CRAS Vila Esperança (código 31000000002) é uma unidade pública da proteção social básica do município."
        "\n\nO CRAS referencia 2.000 famílias. Para esse número, a NOB/SUAS 2005 prevê que o PAIF do CRAS atenda "
        "até 500 famílias por ano."
    )


def test_paif_incompleto(cras_incompleto):
    paif = cras_incompleto["paif"]
    assert "Em 2025, o CRAS acompanhou no PAIF, em média, 80 famílias por mês." in paif
    assert "Foram inseridas no acompanhamento menos de 5 novas famílias." in paif  # 1 family, suppressed
    assert "Foram realizados 250 atendimentos individualizados." in paif  # no C.6: no visits clause
    assert (
        "O CRAS não enviou o RMA de 2 meses do período (março e julho de 2025); os números acima consideram só os "
        "10 meses informados, e um mês sem registro não é contado como zero."
    ) in paif
    # no comparison period: no trend sentence; unknown items: no sentence at all
    assert "em relação a" not in paif and "encaminhou" not in paif and "benefícios" not in paif


def test_equipe_com_deficit(cras_incompleto):
    equipe = cras_incompleto["equipe"]
    # 2,000 families: 1 coordenador + 1 AS + 1 psicólogo + 2 nível médio; the roster has coordinator and 1 AS
    assert "Faltam 1 psicólogo(a) e 2 técnicos(as) de nível médio." in equipe
    assert equipe.endswith(
        "- O(A) coordenador(a) não é servidor(a) de carreira (vínculo temporário); a NOB-RH/SUAS pede um(a) "
        "servidor(a) estatutário(a)."
    )


def test_caixa_resumo_incompleta():
    assert texto.itens_resumo(incompleto()) == [
        ("Famílias referenciadas", "2.000", "capacidade do PAIF: 500 famílias por ano"),
        ("Famílias em acompanhamento no PAIF (média por mês)", "80", ""),
        ("Atendimentos individualizados", "250", ""),
        (
            "Equipe do CRAS",
            "faltam 3",
            "1 psicólogo(a) e 2 técnicos(as) de nível médio; coordenador(a) sem vínculo estatutário",
        ),
        ("Meses sem RMA no período", "2", "de 12 meses"),
    ]


def test_pontos_do_cras_incompleto():
    pontos = pontos_de_atencao(incompleto())
    assert [p.codigo for p in pontos] == ["equipe_incompleta", "coordenador_nao_efetivo", "rma_nao_enviado"]
    assert pontos[0].descricao == (
        "Faltam 1 psicólogo(a) e 2 técnicos(as) de nível médio para chegar ao mínimo de 5 profissionais "
        "(até 2.500 famílias referenciadas)."
    )
    assert pontos[2].descricao == "O CRAS não enviou o RMA de 2 meses do período (março e julho de 2025)."
    md = texto.pontos_markdown(pontos)
    assert md.startswith(
        "## Pontos de atenção\n\n- **Equipe de referência abaixo do mínimo da NOB-RH/SUAS.** "
    )
    assert md.count("*Recomendação:*") == 3


def test_sem_pontos_de_atencao():
    assert (
        texto.pontos_markdown((), titulo=False)
        == "Os dados do período não apontam pontos de atenção para este CRAS."
    )


def test_tabela_scfv_suprime_contagens_pequenas():
    fatos = completo()
    pequeno = linha("15_a_17", 1, 15, 4, 2, 0.7)
    fatos = FatosCras(
        **{**fatos.__dict__, "scfv": FatosScfv(dt.date(2025, 12, 31), fatos.scfv.total, (pequeno,))}
    )
    tabela = texto.tabela_scfv(fatos)
    assert tabela.iloc[0].tolist() == [
        "Adolescentes de 15 a 17 anos",
        "1",
        "15",
        "< 5",
        "—",
        "< 5",
        "—",
        "—",  # attendance of fewer than 5 people is not shown either
    ]
    # the total row with one cycle would give the cycle's count back: it is hidden too (complementary)
    assert tabela.iloc[1][["Participantes", "Ocupação"]].tolist() == ["omitido", "—"]


# ------------------------------------------------------------------------------------------- singular / plural
def test_singular_nas_frases():
    fatos = incompleto(limiar=1)  # no suppression: the count 1 is shown
    itens = {"a1": 1.0, "a2": 1, "b1": 1, "c1": 1, "c6": 1, "c7": 1, "c8": 0, "c9": 0, "d1": 1.0, "d6": 1}
    fatos = FatosCras(**{**fatos.__dict__, "rma": rma(itens, nao_reportados=("2025-05",), comparacao=None)})
    paif = texto.secao(fatos, "paif", titulo=False)
    assert "Em 2025, o CRAS acompanhou no PAIF, em média, 1 família por mês." in paif
    assert "Foi inserida no acompanhamento 1 nova família." in paif
    assert "Entre elas" not in paif  # one new family: no profile sentence
    assert "Foi realizado 1 atendimento individualizado e 1 visita domiciliar." in paif
    assert (
        "Foi concedido 1 benefício eventual (1 auxílio-natalidade, nenhum auxílio-funeral e nenhum outro benefício)."
        in paif
    )
    assert (
        "Em média, 1 família participou por mês dos grupos do PAIF, e 1 pessoa esteve em atividades coletivas"
        in paif
    )
    assert (
        "O CRAS não enviou o RMA de 1 mês do período (maio de 2025); os números acima consideram só os 11 meses"
        in paif
    )


@pytest.mark.parametrize(
    ("n", "esperado"),
    [
        (0, "nenhuma família"),
        (1, "1 família"),
        (2, "2 famílias"),
        (1234, "1.234 famílias"),
        (12.5, "12,5 famílias"),
    ],
)
def test_quantidade_feminina(n, esperado):
    assert redacao.quantidade(n, "família", feminino=True) == esperado


@pytest.mark.parametrize(
    ("n", "esperado"),
    [
        (0, "nenhuma pessoa atendida"),
        (1, "1 pessoa atendida"),
        (2, "2 pessoas atendidas"),
        (3, "menos de 5 pessoas atendidas"),
    ],
)
def test_quantidade_com_adjetivo_e_supressao(n, esperado):
    limiar = 5 if n == 3 else None
    assert (
        redacao.quantidade(n, "pessoa atendida", "pessoas atendidas", feminino=True, limiar=limiar)
        == esperado
    )


def test_quantidade_masculina_e_verbo():
    assert redacao.quantidade(0, "atendimento") == "nenhum atendimento"
    assert redacao.quantidade(1, "visita domiciliar", "visitas domiciliares") == "1 visita domiciliar"
    assert [redacao.verbo(n, "foi", "foram") for n in (0, 1, 2)] == ["foi", "foi", "foram"]
    assert redacao.verbo(3, "foi", "foram", limiar=5) == "foram"  # "< 5 ... foram"


@pytest.mark.parametrize(
    ("variacao", "esperado"),
    [
        (0.125, "cresceu 12,5 % em relação a 2024"),
        (-0.2, "caiu 20 % em relação a 2024"),
        (0.009, "manteve-se estável em relação a 2024"),
        (-0.01, "manteve-se estável em relação a 2024"),  # the tolerance is inclusive
        (None, ""),
    ],
)
def test_comparacao(variacao, esperado):
    assert redacao.comparacao(variacao, "em relação a 2024") == esperado


def test_referencia_de_periodo_parcial():
    per = Periodo("2024-01", "2024-06")
    assert redacao.referencia_comparacao(per) == "em relação ao período de janeiro a junho de 2024"
    assert redacao.referencia_comparacao(ANO_2024) == "em relação a 2024"
    assert redacao.referencia_comparacao(None) == ""


def test_listas():
    assert texto.lista(["a"]) == "a"
    assert texto.lista(["a", "b", "c"]) == "a, b e c"
    assert redacao.lista_meses([P("2025-07", "M"), P("2024-12", "M"), P("2025-03", "M")]) == (
        "dezembro de 2024 e março e julho de 2025"
    )
    assert redacao.ordinal(3) == "3ª"


# ------------------------------------------------------------------------------------------- property test
PROIBIDAS = re.compile(
    r"\b(nan|none|nat|inf|null|true|false)\b|sem dados|Period\(|Timestamp\(|\{'|\['", re.IGNORECASE
)

talvez_int = st.one_of(st.none(), st.integers(0, 20_000))
talvez_real = st.one_of(st.none(), st.floats(0, 20_000, allow_nan=False), st.integers(0, 20_000))
talvez_fracao = st.one_of(st.none(), st.floats(0, 2, allow_nan=False))
talvez_variacao = st.one_of(st.none(), st.floats(-1, 3, allow_nan=False))
texto_livre = st.one_of(st.none(), st.text(alphabet="abcdeçãé ,-0123456789", min_size=0, max_size=20))


@st.composite
def fatos_aleatorios(draw) -> FatosCras:
    recorte = draw(st.sampled_from([COM_COMPARACAO, SEM_COMPARACAO]))
    familias = draw(talvez_int)
    ident = Identificacao(
        "31000000009",
        draw(st.sampled_from(["CRAS Centro", "Centro"])),
        draw(texto_livre),
        draw(texto_livre),
        familias,
        draw(talvez_int),
        draw(talvez_int),
        draw(st.one_of(st.none(), st.integers(0, 7))),
        None if familias is None else 750,
    )
    faltam = draw(st.lists(st.sampled_from(ANO), unique=True, max_size=12))
    itens = {
        i: (draw(talvez_real), draw(talvez_real), draw(talvez_variacao))
        for i in draw(
            st.lists(
                st.sampled_from(
                    ["a1", "a2", "b1", "b2", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "d1", "d6"]
                ),
                unique=True,
            )
        )
    }
    fatos_rma = rma(
        itens,
        nao_reportados=[str(m) for m in faltam],
        comparacao=draw(st.one_of(st.none(), st.integers(0, 12))),
    )

    def linha_aleatoria(ciclo):
        capacidade = draw(talvez_int)
        ativos = draw(st.integers(0, 300))
        return linha(
            ciclo,
            None if capacidade is None else draw(st.integers(0, 20)),
            capacidade,
            ativos,
            draw(st.integers(0, ativos)),
            draw(talvez_fracao),
        )

    scfv = None
    if draw(st.booleans()):
        ciclos = tuple(
            linha_aleatoria(c)
            for c in draw(st.lists(st.sampled_from([c.codigo for c in CICLOS_SCFV]), unique=True))
        )
        scfv = FatosScfv(dt.date(2025, 12, 31), linha_aleatoria("total"), ciclos)
    inclusao = None
    if draw(st.booleans()):
        n = draw(st.integers(1, 60))
        sub = st.integers(0, n)
        inclusao = FatosInclusao(
            2025,
            draw(st.sampled_from([2025, 2026])),
            n,
            draw(sub),
            draw(sub),
            draw(sub),
            draw(sub),
            draw(sub),
            draw(sub),
            draw(sub),
            draw(sub),
            draw(sub),
            draw(sub),
            draw(st.one_of(st.none(), st.floats(1, 5))),
            draw(st.integers(0, 5)),
            draw(st.integers(0, 5)),
        )
    cadunico = None
    if draw(st.booleans()):
        cadunico = FatosCadunico(
            P("2025-11", "M"),
            draw(talvez_int),
            draw(talvez_int),
            draw(talvez_int),
            draw(talvez_int),
            draw(talvez_int),
            draw(talvez_int),
            tuple((c.codigo, draw(talvez_int)) for c in CICLOS_SCFV),
        )
    papeis = [
        COORD,
        AS,
        PSI,
        MEDIO,
        ("coordenador", None, None, None),
        ("tecnico_superior", None, "medio", "voluntario"),
        ("orientador_social", None, "medio", "temporario"),
        ("tecnico_medio", None, "medio", "terceirizado"),
    ]
    equipe = conformidade_equipe(roster(*draw(st.lists(st.sampled_from(papeis), max_size=12))), familias)
    posicoes = tuple(
        Posicao(
            "X",
            "Indicador",
            draw(st.sampled_from(["percentual", "moeda", "razao", "nota"])),
            "por mês",
            draw(st.booleans()),
            draw(talvez_real),
            None,
            None,
            draw(talvez_real),
            draw(st.one_of(st.none(), st.integers(1, 16))),
            16,
            (),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    return FatosCras(
        identificacao=ident,
        **recorte,
        rma=fatos_rma,
        scfv=scfv,
        inclusao=inclusao,
        cadunico=cadunico,
        equipe=equipe,
        posicoes=posicoes,
        total_cras_municipio=16,
        limiar_supressao=draw(st.integers(1, 10)),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fatos_aleatorios())
def test_nenhum_texto_mostra_valor_ausente_ou_repr(fatos):
    saidas = [
        texto.relatorio_markdown(fatos, pontos_de_atencao(fatos)),
        texto.caixa_resumo_html(fatos),
        texto.tabela_scfv(fatos).to_csv(index=False),
        texto.titulo(fatos, "Vale Serrano", "MG"),
    ]
    for saida in saidas:
        visivel = re.sub(
            r"<[^>]+>", " ", saida
        )  # the reader sees text, not tag attributes (style="float:none")
        assert not PROIBIDAS.search(visivel), PROIBIDAS.search(visivel).group(0) + " em: " + visivel


# ------------------------------------------------------------------------------------------- points of attention
def _com(fatos: FatosCras, **mudancas) -> FatosCras:
    return FatosCras(**{**fatos.__dict__, **mudancas})


def _scfv(ativos, capacidade, prioritarios, frequencia) -> FatosScfv:
    return FatosScfv(
        dt.date(2025, 12, 31), linha("total", 10, capacidade, ativos, prioritarios, frequencia), ()
    )


@pytest.mark.parametrize(
    ("scfv", "codigo", "descricao"),
    [
        # 118 / 100 places
        (
            _scfv(118, 100, 60, 0.8),
            "scfv_acima_da_capacidade",
            "Há mais participantes do que vagas nos grupos (ocupação de 118 %).",
        ),
        # 60 / 100 = 60 % < 70 %
        (_scfv(60, 100, 55, 0.8), "scfv_ocupacao_baixa", "Só 60 % das vagas do SCFV estão ocupadas."),
        # attendance 70 % < 75 %
        (
            _scfv(90, 100, 55, 0.7),
            "scfv_frequencia_baixa",
            "Os participantes estiveram em 70 % dos encontros previstos.",
        ),
    ],
)
def test_pontos_do_scfv(scfv, codigo, descricao):
    pontos = {p.codigo: p for p in pontos_de_atencao(_com(completo(), scfv=scfv))}
    assert "prioritario_abaixo_da_meta" not in pontos  # 55 of 100 places (or more) is at least 50 %
    assert pontos[codigo].descricao == descricao


def test_scfv_sem_pontos_quando_tudo_na_meta():
    pontos = pontos_de_atencao(_com(completo(), scfv=_scfv(90, 100, 50, 0.75)))
    assert not [p for p in pontos if p.codigo.startswith(("scfv", "prioritario"))]


def test_funcionamento_reduzido():
    ident = completo().identificacao
    fatos = _com(
        completo(), identificacao=Identificacao(**{**ident.__dict__, "horas_semanais_funcionamento": 32})
    )
    ponto = next(p for p in pontos_de_atencao(fatos) if p.codigo == "funcionamento_reduzido")
    assert (
        ponto.descricao == "O CRAS funciona 32 horas por semana; o mínimo é de 40 horas em 5 dias por semana."
    )
    assert ponto.prioridade == 1


def test_quedas_alem_do_limiar():
    fatos = _com(completo(), rma=rma({"a1": (100.0, 117.6, -0.15), "c1": (900, 1_000, -0.10)}))
    pontos = {p.codigo: p for p in pontos_de_atencao(fatos)}
    assert pontos["queda_acompanhamento"].descricao == (
        "O número de famílias em acompanhamento no PAIF caiu 15 % em relação a 2024."
    )
    assert "queda_atendimentos" not in pontos  # exactly 10 % is not MORE than the 10 % threshold
    mais_estrito = Limiares.de_parametros({"pontos_atencao": {"queda": 0.05}})
    assert "queda_atendimentos" in {p.codigo for p in pontos_de_atencao(fatos, mais_estrito)}
    assert Limiares.de_parametros(None) == Limiares()


def test_regra_dos_50_por_cento_na_aceleracao():
    def com_ip05(valor):
        ip05 = posicao("IP-05", "Pessoas que chegaram à Aceleração em relação à meta", valor, 3, 10, 0.5)
        return {p.codigo: p for p in pontos_de_atencao(_com(completo(), posicoes=(ip05,)))}

    # 6 of a goal of 15 places = 40 % < 50 %: the OSC runs a busca ativa
    abaixo = com_ip05(0.4)["aceleracao_abaixo_da_metade"]
    assert abaixo.descricao == "Menos da metade da meta de vagas chegou à Aceleração (40 % da meta de vagas)."
    assert abaixo.prioridade == 1
    assert "aceleracao_abaixo_da_metade" not in com_ip05(0.5)


# ------------------------------------------------------------------------------------------- boilerplate only where it applies
def _programa(inscritos, chegaram, desistentes, meta=15):
    """The complete CRAS with another program: ``inscritos`` enrolled, ``chegaram`` at Aceleração out of a goal of
    ``meta`` places (IP-05 = chegaram / meta), ``desistentes`` dropouts."""
    fatos = completo()
    inclusao = dataclasses.replace(
        fatos.inclusao, inscritos=inscritos, chegaram_aceleracao=chegaram, desistentes=desistentes
    )
    valor = chegaram / meta if chegaram >= 5 else None  # withheld on a count below 5
    ip05 = Posicao("IP-05", "Aceleração", "percentual", "", True, valor, chegaram, meta, 0.3, None, 3, ())
    return {p.codigo: p for p in pontos_de_atencao(_com(fatos, inclusao=inclusao, posicoes=(ip05,)))}


def test_uma_desistencia_nao_e_ponto_de_atencao():
    assert "inclusao_desistentes" not in _programa(inscritos=20, chegaram=12, desistentes=1)
    # nor a hidden 'menos de 5' (3 of 8 = 37,5 %, but a count under the threshold is no pattern to alarm about)
    assert "inclusao_desistentes" not in _programa(inscritos=8, chegaram=6, desistentes=3)
    # nor a shown count below the share of attention (5 of 40 = 12,5 % <= 15 %)
    assert "inclusao_desistentes" not in _programa(inscritos=40, chegaram=20, desistentes=5)


def test_muitas_desistencias_sao_ponto_com_numero_e_parcela():
    ponto = _programa(inscritos=6, chegaram=0, desistentes=6)["inclusao_desistentes"]
    assert ponto.descricao == (
        "6 das 6 pessoas inscritas desistiram de algum módulo do programa (100 %; o limite de atenção é 15 %)."
    )
    mais_tolerante = Limiares.de_parametros({"pontos_atencao": {"desistencia_alta": 0.99}})
    fatos = completo()
    fatos = _com(fatos, inclusao=dataclasses.replace(fatos.inclusao, inscritos=6, desistentes=6))
    assert "inclusao_desistentes" in {p.codigo for p in pontos_de_atencao(fatos, mais_tolerante)}
    fatos = _com(fatos, inclusao=dataclasses.replace(fatos.inclusao, inscritos=6, desistentes=5))
    assert "inclusao_desistentes" not in {p.codigo for p in pontos_de_atencao(fatos, mais_tolerante)}


def test_poucas_inscricoes_e_dito_no_lugar_de_poucas_pessoas_na_aceleracao():
    # 4 enrolled (hidden) of a goal of 15: at most 4 / 15 < 50 % whatever the hidden value -> the enrolment is
    # the point, not the progression (3 of the 4 reached Aceleração)
    pontos = _programa(inscritos=4, chegaram=3, desistentes=0)
    assert "aceleracao_abaixo_da_metade" not in pontos
    assert pontos["inscricoes_abaixo_da_metade"].descricao == (
        "Menos de 5 pessoas do território se inscreveram no programa, para uma meta de 15 vagas: menos da "
        "metade da meta, e por isso menos da metade da meta pôde chegar à Aceleração."
    )
    # 10 enrolled of 15 (66,7 %), 6 reached Aceleração (40 % of the goal): the progression is the point
    pontos = _programa(inscritos=10, chegaram=6, desistentes=0)
    assert "inscricoes_abaixo_da_metade" not in pontos and "aceleracao_abaixo_da_metade" in pontos
    # 12 reached of 15 (80 %): no point at all
    pontos = _programa(inscritos=14, chegaram=12, desistentes=0)
    assert not {"inscricoes_abaixo_da_metade", "aceleracao_abaixo_da_metade"} & set(pontos)


def test_rma_de_um_mes_concorda_no_singular():
    fatos = _com(completo(), rma=rma({"a1": (100.0, 100.0, 0.0)}, nao_reportados=("2025-03",)))
    ponto = {p.codigo: p for p in pontos_de_atencao(fatos)}["rma_nao_enviado"]
    assert ponto.descricao == "O CRAS não enviou o RMA de 1 mês do período (março de 2025)."
    assert ponto.recomendacao.startswith("Regularizar o envio do RMA desse mês e")
    dois = _com(completo(), rma=rma({"a1": (100.0, 100.0, 0.0)}, nao_reportados=("2025-03", "2025-07")))
    ponto = {p.codigo: p for p in pontos_de_atencao(dois)}["rma_nao_enviado"]
    assert ponto.recomendacao.startswith("Regularizar o envio do RMA desses meses e")
