"""What the council needs to approve the SCFV plan: the biggest change in numbers, the cost and federal
co-financing estimate (Piso Básico Variável, Portaria MDS nº 134/2013), the days and times of the groups and
the busca ativa of each group below the minimum occupancy — on the tiny municipality worked out by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import SimpleNamespace

import pandas as pd
import pytest
from apoio.plano import municipio, parametros

from cras_lib.calculo import scfv_financiamento as sf
from cras_lib.calculo import scfv_mudancas as sm
from cras_lib.calculo import scfv_plano as sp
from cras_lib.documentos.plano import documento as doc
from cras_lib.documentos.plano import financiamento, mudancas
from cras_lib.parametros.arquivo import validar
from cras_lib.parametros.plano_scfv import ArquivoPlano


def _custos() -> pd.DataFrame:
    """SCFV spending: 2025 (the reference year) A 6.000 + 6.000, B 9.000 + 9.000; 2024 and 2026 ignored."""
    linhas = [
        ("A", 2024, "scfv", "municipal", 1.0),
        ("A", 2025, "scfv", "municipal", 6000.0),
        ("A", 2025, "scfv", "federal", 6000.0),
        ("A", 2025, "paif", "federal", 99999.0),
        ("B", 2025, "scfv", "municipal", 9000.0),
        ("B", 2025, "scfv", "federal", 9000.0),
        ("B", 2026, "scfv", "federal", 77777.0),
    ]
    tabela = pd.DataFrame(linhas, columns=["id_cras", "ano", "servico", "fonte", "valor"])
    return tabela.astype({"id_cras": "string", "servico": "string", "fonte": "string"})


def _plano(**mudancas_parametros) -> sp.Plano:
    m = municipio()
    m.custos = _custos()
    return sp.planejar(m, parametros(**mudancas_parametros), 2026, "2025-12-31", "MG")


# --- cost and co-financing ----------------------------------------------------------------------------------


def test_custo_e_cofinanciamento_calculados_a_mao():
    # goals (no CadÚnico): A 6 a 15 anos max(8 ativos, capacity 10) = 10; B 60 anos ou mais 15 -> 25 places.
    # cost of a place: (12.000 + 18.000) spent in 2025 ÷ (10 + 15) places ÷ 12 = R$ 100 per month.
    f = _plano().financiamento
    assert (f.origem_custo, f.ano_custos, f.gasto_base, f.capacidade_base) == ("custos", 2025, 30000.0, 25)
    assert f.custo_vaga_mes == pytest.approx(100.0)
    assert f.federal_registrado == 15000.0  # 6.000 + 9.000 federal SCFV in 2025 (PAIF not counted)
    por_cras = f.por_cras.set_index("id_cras")
    # cost 10 × 100 × 12; PBV 10 × 50 × 12 (Portaria MDS nº 134/2013: capacity × reference value × 12)
    assert por_cras.loc["A", "custo_plano"] == pytest.approx(12000.0)
    assert por_cras.loc["A", "cofinanciamento_plano"] == 6000.0
    assert por_cras.loc["B", "contrapartida_plano"] == pytest.approx(15 * 100 * 12 - 15 * 50 * 12)
    assert f.total("custo_plano") == pytest.approx(30000.0)
    assert f.total("cofinanciamento_plano") == 15000.0
    assert f.total("contrapartida_plano") == pytest.approx(15000.0)


def test_custo_por_vaga_do_parametro_e_valor_de_referencia():
    f = _plano(custo_vaga_mes=120.0, valor_referencia_pbv=60.0).financiamento
    assert f.origem_custo == "parametro" and f.custo_vaga_mes == 120.0
    assert f.total("custo_plano") == pytest.approx(25 * 120 * 12)  # 36.000
    assert f.total("cofinanciamento_plano") == 25 * 60 * 12  # 18.000
    assert f.total("cofinanciamento_atual") == 25 * 60 * 12  # capacity today is also 25


def test_texto_do_custo_e_do_cofinanciamento():
    (texto, tabela) = financiamento.blocos(_plano())
    assert texto.startswith("### Custo estimado e cofinanciamento federal")
    assert (
        "**Custo estimado**: R$ 30.000 por ano (25 vagas × R$ 100,00 por vaga e por mês × 12 meses); o custo "
        "de uma vaga por mês é o gasto com o SCFV em 2025, de todas as fontes (R$ 30.000), dividido pela "
        "capacidade dos mesmos CRAS (25 vagas) e por 12 meses." in texto
    )
    assert "R$ 15.000 por ano (25 vagas × R$ 50,00 por usuário e por mês × 12 meses)" in texto
    assert "o repasse federal para o SCFV foi de R$ 15.000" in texto
    assert "O restante, R$ 15.000 por ano, cabe ao município e ao estado." in texto
    assert ".csv" not in texto  # no file name in text for the council
    total = tabela.dados.iloc[-1]
    assert list(total) == ["Total do município", "25", "25", "R$ 30.000", "R$ 15.000", "R$ 15.000"]


def test_sem_custos_nem_parametro_nao_ha_estimativa_de_custo():
    m = municipio()  # no custos.csv
    plano = sp.planejar(m, parametros(), 2026, "2025-12-31", "MG")
    f = plano.financiamento
    assert f.custo_vaga_mes is None and f.origem_custo is None and f.federal_registrado is None
    assert f.por_cras["custo_plano"].isna().all()
    texto, tabela = financiamento.blocos(plano)
    assert "Não há estimativa de custo" in texto and "R$ 15.000 por ano" in texto
    assert "cabe ao município" not in texto
    assert tabela.dados.iloc[-1]["Custo estimado por ano"] == "sem dados"


def test_estimar_sem_grupos_de_um_cras_com_custo():
    # a CRAS with spending and no group today does not enter the cost of a place (nothing to divide by)
    metas = pd.DataFrame({"id_cras": ["A", "B"], "capacidade_atual": [20, 0], "meta": [20, 15]})
    custos = _custos().assign(ano=2025)
    f = sf.estimar(metas, custos, 2025, 50.0)
    assert f.capacidade_base == 20 and f.gasto_base == 6001.0 + 6000.0
    assert f.custo_vaga_mes == pytest.approx(12001.0 / 20 / 12)


# --- parameters ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dados", "caminho", "dica"),
    [
        ({"financiamento": {"valor_referencia_pbv": 0}}, ("financiamento", "valor_referencia_pbv"), "maior que 0"),
        ({"financiamento": {"custo_vaga_mes": "cem"}}, ("financiamento", "custo_vaga_mes"), "deve ser um número"),
        ({"ciclos": {"ate_6": {"horario_inicio": 840}}}, ("ciclos", "ate_6", "horario_inicio"), '"HH:MM" entre aspas'),
        ({"ciclos": {"ate_6": {"horario_inicio": "25:00"}}}, ("ciclos", "ate_6", "horario_inicio"), "HH:MM"),
    ],
)  # fmt: skip
def test_parametros_novos_com_erro_em_portugues(dados, caminho, dica):
    _, (problema,) = validar(ArquivoPlano, dados, "params/plano_scfv.yaml")
    assert (problema.arquivo, problema.caminho) == ("params/plano_scfv.yaml", caminho)
    assert dica in problema.dica


def test_erro_de_digitacao_na_secao_financiamento():
    _, (problema,) = validar(ArquivoPlano, {"financiamento": {"valor_referencia_pvb": 50.0}}, "p.yaml")
    assert str(problema) == (
        "chave desconhecida 'valor_referencia_pvb' em p.yaml, financiamento — você quis dizer "
        "'valor_referencia_pbv'?"
    )


def test_padroes_do_financiamento_e_do_horario():
    p = sp.ParametrosPlano.do_arquivo(ArquivoPlano())
    assert (p.valor_referencia_pbv, p.custo_vaga_mes) == (50.0, None)
    assert all(c.horario_inicio is None for c in p.ciclos.values())
    projeto = sp.parametros_do_plano("params/plano_scfv.yaml")
    assert projeto.ciclos["6_a_15"].horario_inicio == dt.time(14, 0)


# --- days and times -----------------------------------------------------------------------------------------


def test_horario_dos_encontros():
    ciclo = sp.ParametrosCiclo(15, 2, 1.5, (1, 3), 0.0, dt.time(14, 0))
    assert doc._horario(ciclo) == "das 14h às 15h30"
    assert (
        doc._horario(replace(ciclo, horario_inicio=dt.time(8, 30), horas_por_encontro=2.0))
        == "das 8h30 às 10h30"
    )
    assert doc._horario(replace(ciclo, horario_inicio=None)) == "definido pelo CRAS"


def test_tabela_da_organizacao_tem_dias_e_horarios():
    p = parametros()
    ciclos = dict(p.ciclos)
    ciclos["6_a_15"] = replace(ciclos["6_a_15"], horario_inicio=dt.time(14, 0))
    m = municipio()
    plano = sp.planejar(m, replace(p, ciclos=ciclos), 2026, "2025-12-31", "MG")
    d = doc.DocumentoPlano(plano, m, "Vila Teste")
    (organizacao,) = [
        b for b in doc.calendario(d) if isinstance(b, doc.Tabela) and "Organização" in b.legenda
    ]
    linhas = organizacao.dados.set_index("Ciclo")
    assert (
        linhas.loc["Crianças e adolescentes de 6 a 15 anos", "Dias dos encontros"]
        == "terça-feira e quinta-feira"
    )
    assert linhas.loc["Crianças e adolescentes de 6 a 15 anos", "Horário"] == "das 14h às 16h"
    assert linhas.loc["Pessoas idosas (60 anos ou mais)", "Horário"] == "definido pelo CRAS"


# --- busca ativa per group ----------------------------------------------------------------------------------


def test_grupos_abaixo_da_ocupacao_minima():
    g = _plano().grupos_ociosos
    # GA: 8 of 10 = 80 %, not below 80 %; GB: 3 of 15 = 20 %: ceil(0,8 × 15) = 12, 12 − 3 = 9 to find
    assert g[["id_grupo", "capacidade", "ativos", "faltam"]].astype(str).values.tolist() == [
        ["GB", "15", "3", "9"]
    ]


def test_busca_ativa_por_grupo_suprime_a_contagem_pequena():
    m = municipio()
    plano = sp.planejar(m, parametros(), 2026, "2025-12-31", "MG")
    (tabela,) = doc.busca_ativa_por_grupo(doc.DocumentoPlano(plano, m, "Vila Teste", 5))
    linha = tabela.dados.iloc[0]
    assert (linha["CRAS"], linha["Grupo"], linha["Usuários ativos"]) == ("CRAS Beta", "GB", "< 5")
    # 3 active users are hidden: "9 usuários" would give them back (12 − 9); the least number (12 − 4) is said
    assert linha["Busca ativa"].startswith(
        "buscar pelo menos 8 usuários para chegar a 12 das 15 vagas (80 %)"
    )
    assert "9" not in linha["Busca ativa"]
    (tabela,) = doc.busca_ativa_por_grupo(doc.DocumentoPlano(plano, m, "Vila Teste", 2))
    assert tabela.dados.iloc[0]["Busca ativa"].startswith("buscar 9 usuários para chegar a 12 das 15 vagas")


def test_nenhum_grupo_abaixo_da_ocupacao():
    plano = _plano(ocupacao_minima=0.1)
    d = doc.DocumentoPlano(plano, municipio(), "Vila Teste")
    assert doc.busca_ativa_por_grupo(d) == [
        "Nenhum grupo do SCFV está abaixo da ocupação mínima de 10 % das vagas."
    ]


# --- the biggest change -------------------------------------------------------------------------------------


def _metas(linhas) -> pd.DataFrame:
    colunas = ["id_cras", "ciclo", "capacidade_atual", "grupos_atuais", "meta", "grupos"]
    return pd.DataFrame(linhas, columns=colunas).astype(
        {"capacidade_atual": "Int64", "grupos_atuais": "Int64"}
    )


def _grupos(linhas) -> pd.DataFrame:
    return pd.DataFrame(linhas, columns=["id_grupo", "id_cras", "ciclo", "capacidade"])


def _plano_falso(grupos, metas, tamanho=15) -> SimpleNamespace:
    p = parametros()
    ciclos = {c: replace(x, tamanho_grupo=tamanho) for c, x in p.ciclos.items()}
    return SimpleNamespace(
        mudancas=tuple(sm.mudancas(grupos, metas)),
        metas=metas,
        nomes_cras={"A": "CRAS Alfa", "B": "CRAS Beta", "C": "CRAS Gama"},
        parametros=replace(p, ciclos=ciclos),
        ano=2026,
    )


def test_maior_mudanca_e_o_numero_de_cras():
    # today: 2 groups of 15 in CRAS Alfa; the plan keeps them and opens one group in Beta and one in Gama:
    # groups 2 -> 4 (+100 %), places 30 -> 60 (+100 %), CRAS 1 -> 3 (+200 %), offers 1 -> 3 (+200 %)
    grupos = _grupos([("G1", "A", "6_a_15", 15), ("G2", "A", "6_a_15", 15)])
    metas = _metas(
        [("A", "6_a_15", 30, 2, 30, 2), ("B", "60_mais", 0, 0, 15, 1), ("C", "60_mais", 0, 0, 15, 1)]
    )
    plano = _plano_falso(grupos, metas)
    assert [(m.medida, m.hoje, m.plano) for m in plano.mudancas] == [
        ("grupos", 2, 4), ("vagas", 30, 60), ("cras", 1, 3), ("ofertas", 1, 3)
    ]  # fmt: skip
    assert sm.maior_mudanca(list(plano.mudancas)).medida == "cras"  # ties with ofertas: the first
    assert mudancas.frase_maior_mudanca(plano) == (
        "A maior mudança do plano é no número de CRAS com grupos do SCFV: de 1 para 3 CRAS (mais 2); passam "
        "a ter grupos: CRAS Beta e CRAS Gama."
    )


def test_maior_mudanca_e_a_capacidade():
    # 2 groups of 10 today; the plan: 30 places in 2 groups of 15: groups unchanged, places +50 %
    grupos = _grupos([("G1", "A", "6_a_15", 10), ("G2", "A", "6_a_15", 10)])
    metas = _metas([("A", "6_a_15", 20, 2, 30, 2)])
    assert mudancas.frase_maior_mudanca(_plano_falso(grupos, metas)) == (
        "A maior mudança do plano é na capacidade de atendimento: de 20 para 30 vagas (mais 10), 50 % a mais; "
        "a maior diferença é no ciclo de crianças e adolescentes de 6 a 15 anos (mais 10 vagas)."
    )


def test_maior_mudanca_e_o_numero_de_grupos_pelo_tamanho():
    # 2 groups of 30 today; the plan: 66 places in groups of 15 -> ceil(66 / 15) = 5 groups (+150 %),
    # places +10 %: the group size went from 30 on average to 15
    grupos = _grupos([("G1", "A", "6_a_15", 30), ("G2", "A", "6_a_15", 30)])
    metas = _metas([("A", "6_a_15", 60, 2, 66, 5)])
    assert mudancas.frase_maior_mudanca(_plano_falso(grupos, metas)) == (
        "A maior mudança do plano é no número de grupos: de 2 para 5 grupos (mais 3), para 6 vagas a mais: o "
        "tamanho do grupo passou de 30 usuários em média para 15."
    )


def test_maior_mudanca_e_a_oferta_de_ciclos():
    # one CRAS, a cycle closes and two open: offers 1 -> 2 (+100 %), groups 2 -> 3 (+50 %), places 30 -> 45
    grupos = _grupos([("G1", "A", "6_a_15", 15), ("G2", "A", "6_a_15", 15)])
    metas = _metas([("A", "ate_6", 0, 0, 15, 1), ("A", "6_a_15", 30, 2, 0, 0), ("A", "60_mais", 0, 0, 30, 2)])
    frase = mudancas.frase_maior_mudanca(_plano_falso(grupos, metas))
    assert frase == (
        "A maior mudança do plano é na oferta de ciclos de vida nos CRAS: de 1 para 2 ofertas (mais 1) de ciclo "
        "(cada ciclo de vida com grupo em um CRAS conta uma oferta); ciclos novos: CRAS Alfa — crianças até 6 "
        "anos e CRAS Alfa — pessoas idosas (60 anos ou mais); ciclos que deixam de ser ofertados: CRAS Alfa — "
        "crianças e adolescentes de 6 a 15 anos."
    )


def test_sem_mudanca_nem_grupos_nao_ha_frase():
    grupos = _grupos([("G1", "A", "6_a_15", 15)])
    metas = _metas([("A", "6_a_15", 15, 1, 15, 1)])
    assert mudancas.frase_maior_mudanca(_plano_falso(grupos, metas)) is None
    assert sm.mudancas(None, metas) == []
    assert mudancas.tabela_mudancas(_plano_falso(None, metas)) is None
