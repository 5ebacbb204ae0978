"""Facts of one CRAS computed from a hand-built municipality (values worked out by hand in the comments) and from
the example data; absent optional files give None parts, never a crash."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from cras_lib.calculo import rma
from cras_lib.calculo.equipe_nob_rh import conformidade_por_cras
from cras_lib.calculo.indicadores import CATALOGO
from cras_lib.calculo.periodo import Periodo
from cras_lib.dados.municipio import Municipio, carregar_municipio
from cras_lib.documentos.relatorio_cras import fatos as fc
from cras_lib.erros import ErroCras

EXEMPLO = Path(__file__).resolve().parent.parent / "data" / "exemplo"
ALFA, BETA = "31000000001", "31000000002"
TRIMESTRE = Periodo("2025-01", "2025-03")


def _s(valores) -> pd.array:
    return pd.array(valores, dtype="string")


def _i(valores) -> pd.array:
    return pd.array(valores, dtype="Int64")


def _datas(valores) -> pd.Series:
    return pd.to_datetime(pd.Series(valores, dtype="object"))


def unidades() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id_cras": _s([ALFA, BETA]),
            "nome": _s(["CRAS Alfa", "CRAS Beta"]),
            "territorio": _s(["Centro, Vila Nova", "Beta"]),
            "familias_referenciadas": _i([3_000, 6_000]),
            "populacao_territorio": _i([12_000, None]),
            "horas_semanais_funcionamento": _i([40, 32]),
            "dias_semana_funcionamento": _i([5, 4]),
            "endereco": _s(["Rua A, 1", "Rua B, 2"]),
        }
    )


def rma_cras() -> pd.DataFrame:
    linhas = [
        # id, month, a1, a2, c1, c6
        (ALFA, "2024-01", 80, 10, 20, 5),
        (ALFA, "2024-02", 100, 12, 40, 5),
        (ALFA, "2024-03", 90, 8, 30, 5),
        (ALFA, "2025-01", 100, 20, 30, 6),
        (ALFA, "2025-03", 120, 15, 50, 4),  # February 2025 not reported
        (BETA, "2025-01", 200, 10, 100, 10),
        (BETA, "2025-02", 210, 10, 100, 10),
        (BETA, "2025-03", 220, 10, 100, 10),
    ]
    ids, meses, *valores = zip(*linhas, strict=True)
    tabela = pd.DataFrame({"id_cras": _s(ids), "mes_referencia": pd.PeriodIndex(meses, freq="M")})
    for coluna, serie in zip(("a1", "a2", "c1", "c6"), valores, strict=True):
        tabela[coluna] = _i(serie)
    return tabela


def equipes() -> pd.DataFrame:
    linhas = [
        (ALFA, "coordenador", "assistente_social", "superior", "estatutario"),
        (ALFA, "tecnico_superior", "assistente_social", "superior", "estatutario"),
        (ALFA, "tecnico_superior", "assistente_social", "superior", "estatutario"),
        (ALFA, "tecnico_superior", "psicologo", "superior", "estatutario"),
        *[(ALFA, "tecnico_medio", None, "medio", "estatutario")] * 3,
        (BETA, "coordenador", None, "superior", "estatutario"),
        (BETA, "tecnico_superior", "assistente_social", "superior", "celetista"),
    ]
    tabela = pd.DataFrame(
        linhas, columns=["id_cras", "funcao", "profissao", "escolaridade", "vinculo"], dtype="string"
    )
    return tabela.assign(
        nome=_s([f"Pessoa {i}" for i in range(len(linhas))]), horas_semanais=_i([40] * len(linhas))
    )


def scfv() -> dict[str, pd.DataFrame]:
    grupos = pd.DataFrame(
        {
            "id_grupo": _s(["G1", "G2", "G3"]),
            "id_cras": _s([ALFA, ALFA, BETA]),
            "ciclo": _s(["6_a_15", "60_mais", "6_a_15"]),
            "capacidade": _i([10, 10, 15]),
            "encontros_semanais": _i([2, 1, 2]),
            "horas_por_encontro": pd.array([2.0, 2.0, 2.0], dtype="Float64"),
        }
    )
    participantes = pd.DataFrame(
        {
            "id_participante": _s(["P1", "P2", "P3", "P4", "P5"]),
            "nome": _s(["Ana", "Bia", "Caio", "Davi", "Eva"]),
            "data_nascimento": _datas(["2015-05-01", "2016-01-01", "1950-01-01", "1955-01-01", "2012-06-01"]),
            "id_cras": _s([ALFA, ALFA, ALFA, ALFA, BETA]),
            "id_grupo": _s(["G1", "G1", "G2", "G2", "G3"]),
            "data_entrada": _datas(["2024-02-01", "2024-03-01", "2023-01-10", "2023-01-10", "2024-08-01"]),
            "data_saida": _datas([None, None, None, "2025-02-01", None]),  # P4 left before 31/03/2025
            "situacoes_prioritarias": _s(
                ["trabalho_infantil", None, "isolamento", None, "violencia_negligencia"]
            ),
        }
    )
    frequencia = pd.DataFrame(
        {
            "id_participante": _s(["P1", "P2", "P3"]),
            "mes_referencia": pd.PeriodIndex(["2025-01", "2025-01", "2025-02"], freq="M"),
            "encontros_previstos": _i([8, 8, 4]),
            "presencas": _i([6, 4, 4]),
        }
    )
    return {"scfv_participantes": participantes, "scfv_grupos": grupos, "scfv_frequencia": frequencia}


def cadunico() -> pd.DataFrame:
    colunas = [
        "familias_cadastradas",
        "familias_extrema_pobreza",
        "familias_pobreza",
        "familias_baixa_renda",
        "familias_bolsa_familia",
        "pessoas_bpc",
        "pessoas_0_6",
        "pessoas_6_15",
        "pessoas_15_17",
        "pessoas_18_29",
        "pessoas_30_59",
        "pessoas_60_mais",
    ]
    tabela = pd.DataFrame(
        {"id_cras": _s([ALFA, ALFA]), "mes_referencia": pd.PeriodIndex(["2025-02", "2025-05"], freq="M")}
    )
    for i, coluna in enumerate(colunas):
        tabela[coluna] = _i([500 + i, 999])
    return tabela


def inclusao() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id_inscricao": _s(["I1", "I2"]),
            "cpf": _s(["11111111111", "22222222222"]),
            "id_cras": _s([ALFA, ALFA]),
            "osc": _s(["OSC", "OSC"]),
            "ano": _i([2025, 2025]),
            "fase": _i([1, 1]),
            "modulo": _s(["aprendizagem", "aprendizagem"]),
            "curso": _s(["Cozinha", "Cozinha"]),
            "horas_previstas": pd.array([132.0, 132.0], dtype="Float64"),
            "horas_cumpridas": pd.array([132.0, 20.0], dtype="Float64"),
            "situacao": _s(["concluinte", "desistente"]),
            "gerando_renda": pd.array([True, None], dtype="boolean"),
            "area_renda": _s(["alimentação", None]),
            "trabalho_formal": pd.array([False, None], dtype="boolean"),
            "satisfacao": _i([5, None]),
            "empreendimento": _s([None, None]),
        }
    )


def municipio(**opcionais) -> Municipio:
    return Municipio(
        pasta=Path("."), unidades=unidades(), rma_cras=rma_cras(), equipes=equipes(), **opcionais
    )


@pytest.fixture(scope="module")
def completo():
    m = municipio(**scfv(), cadunico_territorios=cadunico(), inclusao_produtiva=inclusao())
    return fc.fatos_de_todos(m, TRIMESTRE, Periodo("2024-01", "2024-03"))


def test_identificacao_e_capacidade(completo):
    ident = completo[ALFA].identificacao
    assert (ident.nome, ident.territorio, ident.familias_referenciadas) == (
        "CRAS Alfa",
        "Centro, Vila Nova",
        3_000,
    )
    assert (
        ident.capacidade_paif == 750
    )  # NOB/SUAS 2005: up to 3,500 referenced families -> 750 families a year
    assert completo[BETA].identificacao.capacidade_paif == 1_000
    assert completo[BETA].identificacao.populacao_territorio is None  # missing stays missing
    assert (ident.horas_semanais_funcionamento, ident.dias_semana_funcionamento) == (40, 5)


def test_rma_estoque_fluxo_e_meses_nao_reportados(completo):
    r = completo[ALFA].rma
    assert (r.meses_esperados, r.meses_reportados, r.meses_reportados_comparacao) == (3, 2, 3)
    assert r.meses_nao_reportados == (pd.Period("2025-02", "M"),)
    a1 = r.item("a1")
    # stock: (100 + 120) / 2 = 110 against (80 + 100 + 90) / 3 = 90 -> 110 / 90 - 1 = +22,2 %
    assert (a1.valor, a1.valor_comparacao) == (110, 90)
    assert a1.variacao == pytest.approx(110 / 90 - 1)
    c1 = r.item("c1")
    # flow: 30 + 50 = 80 over 2 months (40/month) against 20 + 40 + 30 = 90 over 3 (30/month) -> +33,3 %
    assert (c1.valor, c1.valor_comparacao) == (80, 90)
    assert c1.variacao == pytest.approx(40 / 30 - 1)
    # C.6: (6 + 4) / 2 = 5 a month against 15 / 3 = 5 -> no change
    assert r.item("c6").variacao == pytest.approx(0.0)
    assert r.valor("b1") is None  # an item the file does not have


def test_rma_sem_meses_no_periodo_de_comparacao(completo):
    r = completo[BETA].rma
    assert r.meses_reportados_comparacao == 0
    assert r.item("a1").valor == pytest.approx(210.0) and r.item("a1").variacao is None
    assert r.meses_nao_reportados == ()


def test_serie_mensal_para_o_grafico(completo):
    r = completo[ALFA].rma
    assert r.meses_serie == tuple(pd.period_range("2024-01", "2025-03", freq="M"))
    series = dict(r.series)
    assert series["a1"][:3] == (80.0, 100.0, 90.0)
    assert series["a1"][-3:] == (100.0, None, 120.0)  # the month not reported is a gap, not zero


def test_scfv_por_ciclo_e_publico_prioritario(completo):
    s = completo[ALFA].scfv
    t = s.total
    # active on 31/03/2025: P1, P2, P3 (P4 left); priority: P1, P3; places 10 + 10
    assert (t.ativos, t.prioritarios, t.capacidade, t.grupos) == (3, 2, 20, 2)
    assert t.ocupacao == pytest.approx(3 / 20)
    assert t.participacao_prioritaria == pytest.approx(2 / 3)
    assert s.parcela_prioritaria_meta == pytest.approx(2 / 20)  # 10 % of the capacity, below the 50 % goal
    assert s.abaixo_da_meta is True
    assert t.taxa_frequencia == pytest.approx((6 + 4 + 4) / (8 + 8 + 4))
    assert [(c.ciclo, c.ativos, c.prioritarios, c.capacidade) for c in s.ciclos] == [
        ("6_a_15", 2, 1, 10),
        ("60_mais", 1, 1, 10),
    ]
    assert s.data_referencia == dt.date(2025, 3, 31)  # default: last day of the period


def test_cadunico_ultimo_mes_ate_o_fim(completo):
    cad = completo[ALFA].cadunico
    assert cad.mes == pd.Period("2025-02", "M")  # May 2025 is after the period
    assert (cad.familias_cadastradas, cad.pessoas_bpc) == (500, 505)
    assert cad.pessoas_por_ciclo[0] == ("ate_6", 506)
    assert completo[BETA].cadunico is None  # no row for this territory


def test_inclusao_no_territorio(completo):
    p = completo[ALFA].inclusao
    assert (p.inscritos, p.desistentes, p.concluintes, p.gerando_renda, p.informaram_renda) == (2, 1, 1, 1, 1)
    assert p.satisfacao_media == pytest.approx(5.0)
    assert completo[BETA].inclusao is None  # no enrolment in this territory


def test_equipe(completo):
    assert completo[ALFA].equipe.conforme
    beta = completo[BETA].equipe
    assert beta.tem_aviso("acima_de_5000") and not beta.conforme


def test_posicoes(monkeypatch):
    # the ranks do not depend on which indicators the catalogue marks as key: fix three of them
    monkeypatch.setattr(
        fc, "indicadores_chave", lambda: [CATALOGO[c] for c in ("PAIF-01", "SCFV-02", "EF-03")]
    )
    todos = fc.fatos_de_todos(municipio(**scfv()), TRIMESTRE)
    alfa = {p.indicador: p for p in todos[ALFA].posicoes}
    assert list(alfa) == ["PAIF-01", "SCFV-02", "EF-03"]
    # PAIF-01: Alfa (100 + 15) / (750 × 3/12) = 0,613; Beta (200 + 10 + 10) / (1.000 × 3/12) = 0,88
    assert alfa["PAIF-01"].valor == pytest.approx(115 / 187.5)
    assert (alfa["PAIF-01"].posicao, alfa["PAIF-01"].total) == (2, 2)
    assert {p.indicador: p for p in todos[BETA].posicoes}["PAIF-01"].posicao == 1
    assert [v[0] for v in alfa["PAIF-01"].valores_municipio] == [BETA, ALFA]
    # SCFV-02 (público prioritário ÷ vagas): Alfa 2/20, Beta 1/15 — both built on fewer than 5 people: the
    # value and the rank are withheld (the rank "1ª entre 2" with 20 places would tell the hidden count's side)
    assert alfa["SCFV-02"].valor is None and alfa["SCFV-02"].posicao is None and alfa["SCFV-02"].total == 0
    # with threshold 2 the same counts may be shown: Alfa first
    base = fc.base_municipal(municipio(**scfv()), TRIMESTRE)
    assert {p.indicador: p for p in fc.fatos_de(base, ALFA, limiar_supressao=2).posicoes}[
        "SCFV-02"
    ].posicao == 1
    # no custos.csv: the cost indicator has no value and no rank
    assert alfa["EF-03"].valor is None and alfa["EF-03"].posicao is None and alfa["EF-03"].total == 0


def test_arquivos_opcionais_ausentes_dao_none():
    fatos = fc.fatos_cras(municipio(), ALFA, TRIMESTRE)
    assert (fatos.scfv, fatos.inclusao, fatos.cadunico) == (None, None, None)
    assert fatos.comparacao is None
    assert fatos.rma.item("a1").valor_comparacao is None and fatos.rma.item("a1").variacao is None
    assert all(p.posicao is None for p in fatos.posicoes if p.indicador.startswith(("SCFV", "IP")))


def test_cras_desconhecido():
    with pytest.raises(ErroCras, match="não consta em unidades.csv"):
        fc.fatos_cras(municipio(), "99999999999", TRIMESTRE)


def test_data_de_referencia_explicita():
    fatos = fc.fatos_cras(municipio(**scfv()), ALFA, TRIMESTRE, data_referencia="2025-01-31")
    # on 31/01/2025 P4 was still active: 4 users, 2 of them priority
    assert (fatos.scfv.total.ativos, fatos.scfv.total.prioritarios) == (4, 2)
    assert fatos.data_referencia == dt.date(2025, 1, 31)


def test_numeros_chave(completo):
    chave = fc.numeros_chave(completo[ALFA])
    assert chave["familias_acompanhamento_media"] == 110
    assert chave["atendimentos_individualizados"] == 80
    assert chave["participantes_scfv"] == 3
    assert chave["equipe_em_falta"] == 0 and chave["equipe_exigida"] == 7  # 1 + 2 + 1 + 0 + 3
    assert chave["meses_nao_reportados"] == ["2025-02"]
    assert chave["posicoes"] == {p.indicador: p.posicao for p in completo[ALFA].posicoes}


def test_base_municipal_em_cache_por_hash_das_entradas(calculos_em_cache):
    m = municipio()
    m.arquivos = {"unidades.csv": "a", "rma_cras.csv": "b", "equipes.csv": "c"}
    per = TRIMESTRE
    primeira = fc.base_municipal(m, per)
    assert fc.base_municipal(m, per) is primeira
    assert (
        fc.base_municipal(m, per, parametros={"inclusao_produtiva": {"vagas_por_cras": 20}}) is not primeira
    )
    sem_hash = municipio()
    assert fc.base_municipal(sem_hash, per) is not fc.base_municipal(sem_hash, per)
    assert fc.base_municipal(m, per, Periodo("2024-01", "2024-03")) is not primeira  # another comparison
    calculos_em_cache.desativar()
    assert fc.base_municipal(m, per) is not fc.base_municipal(m, per)  # off: built at every call


def test_exemplo_todos_os_cras_conferem_com_a_biblioteca():
    m = carregar_municipio(EXEMPLO)
    todos = fc.fatos_de_todos(m, Periodo("2025-01", "2025-12"), Periodo("2024-01", "2024-12"))
    ids = sorted(m.unidades["id_cras"])
    assert list(todos) == ids
    agregado = rma.agregar_periodo(m.rma_cras, "2025-01", "2025-12", ids)
    faltas = rma.meses_nao_reportados(m.rma_cras, ids, "2025-01", "2025-12")
    equipes_ = conformidade_por_cras(m.unidades, m.equipes)
    for i, fatos in todos.items():
        assert fatos.rma.item("a1").valor == pytest.approx(float(agregado.loc[i, "a1"]))
        assert fatos.rma.item("c1").valor == float(agregado.loc[i, "c1"])
        assert list(fatos.rma.meses_nao_reportados) == list(
            faltas.loc[faltas["id_cras"] == i, "mes_referencia"]
        )
        assert fatos.equipe == equipes_[i]
        assert all(p.posicao is None or 1 <= p.posicao <= p.total <= len(ids) for p in fatos.posicoes)
    assert any(f.rma.meses_nao_reportados for f in todos.values())
    assert any(not f.equipe.conforme for f in todos.values())
    assert any(f.scfv is not None and f.scfv.abaixo_da_meta for f in todos.values())
