"""SCFV situation at a reference date, checked against values worked out by hand (Resolução CNAS 01/2013)."""

from __future__ import annotations

import pandas as pd
import pytest

from cras_lib.calculo import scfv_situacao as s
from cras_lib.dados.contrato import SITUACOES_PRIORITARIAS

REF = "2025-12-31"


def _datas(valores):
    return pd.to_datetime(pd.Series(valores, dtype="string"))


def _txt(valores):
    return pd.Series(valores, dtype="string")


def participantes() -> pd.DataFrame:
    """Six users, two CRAS (A, B). At 2025-12-31: P1 born 2010-12-31 -> 15 today (birthday today); group G1
    (6_a_15); active; isolamento|deficiencia. P2 born 2011-01-01 -> 14 (birthday tomorrow); G1; entered on the
    date itself -> active; not prioritário. P3 born 1960-05-05 -> 65; G2 (60_mais, CRAS B); left ON the date
    -> not active. P4 born 2020-01-01 -> 5; group GX unknown -> counted in its age cycle ate_6; active;
    trabalho_infantil. P5 born 1958-07-01 -> 67; G2; enters 2026-01-01 -> not active yet. P6 born 1950-03-10
    -> 75; G2; active; isolamento.
    """
    return pd.DataFrame(
        {
            "id_participante": _txt(["P1", "P2", "P3", "P4", "P5", "P6"]),
            "nome": ["Ana", "Bia", "Caio", "Davi", "Edu", "Fia"],
            "cpf": ["111", "222", "333", "444", "555", "666"],
            "data_nascimento": _datas(
                ["2010-12-31", "2011-01-01", "1960-05-05", "2020-01-01", "1958-07-01", "1950-03-10"]
            ),
            "id_cras": _txt(["A", "A", "B", "A", "B", "B"]),
            "id_grupo": _txt(["G1", "G1", "G2", "GX", "G2", "G2"]),
            "data_entrada": _datas(
                ["2025-01-01", "2025-12-31", "2024-01-01", "2025-03-01", "2026-01-01", "2023-05-01"]
            ),
            "data_saida": _datas([None, None, "2025-12-31", None, None, None]),
            "situacoes_prioritarias": _txt(
                ["isolamento|deficiencia", None, "isolamento", "trabalho_infantil", None, "isolamento"]
            ),
        }
    )


def grupos() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id_grupo": _txt(["G1", "G2", "G3"]),
            "id_cras": _txt(["A", "B", "B"]),
            "ciclo": _txt(["6_a_15", "60_mais", "30_a_59"]),
            "capacidade": pd.Series([15, 20, 0], dtype="Int64"),
            "encontros_semanais": pd.Series([2, 1, 1], dtype="Int64"),
            "horas_por_encontro": pd.Series([2.0, 2.0, 2.0], dtype="Float64"),
        }
    )


def frequencia() -> pd.DataFrame:
    """P1: Nov 6/8, Dec 7/8; P2: Dec 2024 4/4 (outside the default window Jan–Dec 2025); P6: Oct 3/4."""
    return pd.DataFrame(
        {
            "id_participante": _txt(["P1", "P1", "P2", "P6"]),
            "mes_referencia": pd.PeriodIndex(["2025-11", "2025-12", "2024-12", "2025-10"], freq="M"),
            "encontros_previstos": pd.Series([8, 8, 4, 4], dtype="Int64"),
            "presencas": pd.Series([6, 7, 4, 3], dtype="Int64"),
        }
    )


def test_idade_em_conta_o_aniversario_no_proprio_dia():
    nasc = _datas(["2010-12-31", "2011-01-01", "2008-02-29", None])
    # 2025 - 2010 = 15 (birthday on the date); 2025 - 2011 = 14 (born 01/01, birthday already passed); 2025 -
    # 2008 = 17 (29/02 already passed); unknown birth date -> <NA>
    assert s.idade_em(nasc, "2025-12-31").tolist() == [15, 14, 17, pd.NA]
    # one day earlier the first person is still 14
    assert s.idade_em(nasc, "2025-12-30").tolist()[0] == 14
    # born 29/02/2008: on 28/02/2026 still 17, on 01/03/2026 18
    assert s.idade_em(nasc, "2026-02-28").tolist()[2] == 17
    assert s.idade_em(nasc, "2026-03-01").tolist()[2] == 18


def test_ciclos_das_idades_usa_as_faixas_da_tipificacao():
    idades = pd.Series([0, 5, 6, 14, 15, 17, 18, 29, 30, 59, 60, 99, pd.NA], dtype="Int64")
    esperado = ["ate_6", "ate_6", "6_a_15", "6_a_15", "15_a_17", "15_a_17", "18_a_29", "18_a_29",
                "30_a_59", "30_a_59", "60_mais", "60_mais", pd.NA]  # fmt: skip
    assert s.ciclos_das_idades(idades).tolist() == esperado


def test_participantes_ativos_na_data():
    ativos = s.participantes_ativos(participantes(), grupos(), REF)
    # active: P1, P2 (entered on the date), P4, P6; P3 left on the date; P5 enters later
    assert ativos["id_participante"].tolist() == ["P1", "P2", "P4", "P6"]
    assert ativos["idade"].tolist() == [15, 14, 5, 75]
    assert ativos["ciclo"].tolist() == ["15_a_17", "6_a_15", "ate_6", "60_mais"]
    assert ativos["ciclo_grupo"].tolist() == ["6_a_15", "6_a_15", pd.NA, "60_mais"]
    assert ativos["prioritario"].tolist() == [True, False, True, True]
    assert list(ativos.columns) == list(s.COLUNAS_ATIVOS)
    assert not {"nome", "cpf", "nis", "data_nascimento"} & set(ativos.columns)


def test_participantes_ativos_sem_arquivo_de_grupos():
    ativos = s.participantes_ativos(participantes(), None, REF)
    assert ativos["ciclo_grupo"].isna().all()
    # without groups the situation falls back to the age cycle
    assert s.ciclo_da_situacao(ativos).tolist() == ["15_a_17", "6_a_15", "ate_6", "60_mais"]


def test_situacao_atual_por_cras_e_ciclo():
    t = s.situacao_atual(participantes(), grupos(), frequencia(), REF).set_index(["id_cras", "ciclo"])
    # CRAS A, ate_6: only P4 (group unknown -> age cycle); no group -> capacity 0, occupancy unknown
    a0 = t.loc[("A", "ate_6")]
    assert (a0["ativos"], a0["capacidade"], a0["grupos"], a0["prioritarios"]) == (1, 0, 0, 1)
    assert pd.isna(a0["ocupacao"]) and pd.isna(a0["prioritarios_sobre_capacidade"])
    assert a0["participacao_prioritaria"] == 1.0
    # CRAS A, 6_a_15 (group G1, capacity 15): P1 and P2 -> occupancy 2/15; 1 prioritário -> 1/2 of the users
    # and 1/15 of the capacity; attendance (6 + 7) / (8 + 8) = 13/16 = 0.8125 (P2's Dec 2024 is outside)
    a1 = t.loc[("A", "6_a_15")]
    assert (a1["ativos"], a1["capacidade"], a1["prioritarios"]) == (2, 15, 1)
    assert a1["ocupacao"] == pytest.approx(2 / 15)
    assert a1["participacao_prioritaria"] == pytest.approx(0.5)
    assert a1["prioritarios_sobre_capacidade"] == pytest.approx(1 / 15)
    assert a1["taxa_frequencia"] == pytest.approx(13 / 16)
    # CRAS B, 30_a_59: group G3 with capacity 0 and no user -> 0 active, shares unknown
    b0 = t.loc[("B", "30_a_59")]
    assert (b0["ativos"], b0["grupos"], b0["capacidade"]) == (0, 1, 0)
    assert pd.isna(b0["participacao_prioritaria"]) and pd.isna(b0["taxa_frequencia"])
    # CRAS B, 60_mais: P6 only (P3 left, P5 not yet): 1/20 occupancy, 1/1 prioritário, attendance 3/4
    b1 = t.loc[("B", "60_mais")]
    assert (b1["ativos"], b1["capacidade"], b1["prioritarios"]) == (1, 20, 1)
    assert b1["ocupacao"] == pytest.approx(0.05)
    assert b1["taxa_frequencia"] == pytest.approx(0.75)
    # sorted by CRAS then Tipificação cycle order
    assert list(t.index) == [("A", "ate_6"), ("A", "6_a_15"), ("B", "30_a_59"), ("B", "60_mais")]


def test_janela_da_frequencia_configuravel():
    # only December 2025: P1 7/8
    t = s.situacao_atual(participantes(), grupos(), frequencia(), REF, inicio="2025-12", fim="2025-12")
    linha = t.set_index(["id_cras", "ciclo"]).loc[("A", "6_a_15")]
    assert linha["taxa_frequencia"] == pytest.approx(7 / 8)
    assert s.janela_frequencia(REF) == (pd.Period("2025-01", "M"), pd.Period("2025-12", "M"))


def test_situacao_por_cras_e_municipal():
    c = s.situacao_por_cras(participantes(), grupos(), frequencia(), REF).set_index("id_cras")
    # A: 3 active (P1, P2, P4), capacity 15, 2 prioritários (P1, P4): 2/3 of users, 2/15 of capacity
    assert (c.loc["A", "ativos"], c.loc["A", "capacidade"], c.loc["A", "prioritarios"]) == (3, 15, 2)
    assert c.loc["A", "participacao_prioritaria"] == pytest.approx(2 / 3)
    assert c.loc["A", "prioritarios_sobre_capacidade"] == pytest.approx(2 / 15)
    # B: 1 active, capacity 20 + 0 = 20 in 2 groups
    assert (c.loc["B", "ativos"], c.loc["B", "capacidade"], c.loc["B", "grupos"]) == (1, 20, 2)
    m = s.situacao_municipal(participantes(), grupos(), frequencia(), REF).iloc[0]
    # municipality: 4 active, capacity 35, 3 prioritários; attendance (6 + 7 + 3) / (8 + 8 + 4) = 16/20
    assert (m["ativos"], m["capacidade"], m["grupos"], m["prioritarios"]) == (4, 35, 3, 3)
    assert m["ocupacao"] == pytest.approx(4 / 35)
    assert m["prioritarios_sobre_capacidade"] == pytest.approx(3 / 35)
    assert m["taxa_frequencia"] == pytest.approx(0.8)


def test_sem_grupos_e_sem_frequencia_medidas_ficam_sem_dados():
    t = s.situacao_atual(participantes(), None, None, REF)
    assert t["capacidade"].isna().all() and t["ocupacao"].isna().all() and t["taxa_frequencia"].isna().all()
    assert t["ativos"].sum() == 4


def test_contagem_por_situacao():
    t = s.contagem_por_situacao(participantes(), grupos(), REF).set_index(["id_cras", "ciclo"])
    assert list(t.columns) == list(SITUACOES_PRIORITARIAS)
    # P1 counts in isolamento AND deficiencia; P4 in trabalho_infantil; P6 in isolamento; P3 (left) not
    # counted
    assert t.loc[("A", "6_a_15"), "isolamento"] == 1
    assert t.loc[("A", "6_a_15"), "deficiencia"] == 1
    assert t.loc[("A", "ate_6"), "trabalho_infantil"] == 1
    assert t.loc[("B", "60_mais"), "isolamento"] == 1
    total = s.contagem_por_situacao(participantes(), grupos(), REF, por=()).iloc[0]
    assert (total["isolamento"], total["deficiencia"], total["trabalho_infantil"], total["acolhimento"]) == (
        2,
        1,
        1,
        0,
    )
