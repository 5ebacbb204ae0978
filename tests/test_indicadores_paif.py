"""PAIF indicators from the RMA, on the hand-built municipality of ``test_indicadores_dados`` (values by hand)."""

import pandas as pd
import pytest
from apoio.indicadores import A, B, C, contexto

from cras_lib.calculo.indicadores import CATALOGO, MUNICIPIO, calcular_indicador


def valores(codigo: str) -> pd.DataFrame:
    return calcular_indicador(CATALOGO[codigo], contexto())


def test_paif01_familias_acompanhadas_contra_capacidade_anual_proporcional():
    r = valores("PAIF-01")
    # A: A.1 of the first month reported (Jan: 100) + A.2 of the later months reported (Feb 8 + Apr 6) = 114;
    #    March not reported adds nothing. Capacity 500/year (2.000 families) × 4 months / 12 = 166,67.
    assert r.loc[A, "numerador"] == 114
    assert r.loc[A, "denominador"] == pytest.approx(500 * 4 / 12)
    assert r.loc[A, "valor"] == pytest.approx(114 / (500 * 4 / 12))  # 0,684
    # B: 200 + 0 + 0 + 0 = 200 over 750 × 4/12 = 250 -> 0,8
    assert r.loc[B, "valor"] == pytest.approx(0.8)
    # C reported no month: sem dados, not 0
    assert pd.isna(r.loc[C, "numerador"]) and pd.isna(r.loc[C, "valor"])
    # municipality: (114 + 200) / (166,67 + 250) = 314 / 416,67 = 0,7536 (C left out: no numerator)
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx(314 / (500 * 4 / 12 + 250))


def test_paif02_novas_familias_por_mes_informado():
    r = valores("PAIF-02")
    # A: (10 + 8 + 6) / 3 months reported = 8 — not / 4 with March as zero
    assert (r.loc[A, "numerador"], r.loc[A, "denominador"], r.loc[A, "valor"]) == (24, 3, 8)
    # municipality: (24 + 0) / (3 + 4) months reported = 3,43 families per CRAS and month
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx(24 / 7)
    assert pd.isna(r.loc[C, "valor"])


def test_perfil_das_novas_familias_e_divisao_por_zero():
    b1, b3 = valores("PAIF-03"), valores("PAIF-05")
    # A: B.1 4 + 2 + 3 = 9 of A.2 24 -> 0,375; B.3 1 + 1 + 0 = 2 of 24 -> 0,0833
    assert b1.loc[A, "valor"] == pytest.approx(9 / 24)
    assert b3.loc[A, "valor"] == pytest.approx(2 / 24)
    # B had no new family (A.2 = 0): 0 / 0 is "sem dados", not an error nor infinity
    assert (b1.loc[B, "numerador"], b1.loc[B, "denominador"]) == (0, 0)
    assert pd.isna(b1.loc[B, "valor"])


@pytest.mark.parametrize(
    ("codigo", "soma_a", "esperado_a"),
    [
        ("PAIF-09", 21, 7.0),  # C.2 + C.3: (5+3) + (4+2) + (6+1) = 21 over 3 months = 7
        ("PAIF-10", 3, 1.0),  # C.4: 2 + 1 + 0 = 3 over 3 months = 1
        ("PAIF-11", 3, 1.0),  # C.5: 1 + 0 + 2 = 3 over 3 months = 1
    ],
)
def test_encaminhamentos_por_mes_informado(codigo, soma_a, esperado_a):
    r = valores(codigo)
    assert (r.loc[A, "numerador"], r.loc[A, "valor"]) == (soma_a, esperado_a)
    assert r.loc[B, "valor"] == 0  # B reported 4 months with no referral: a real zero
    assert pd.isna(r.loc[C, "valor"])


def test_paif12_visitas_por_tecnico_de_nivel_superior():
    r = valores("PAIF-12")
    # A: C.6 (30 + 24 + 36) / 3 = 30 visits a month, 2 higher-level technicians -> 15
    assert r.loc[A, "valor"] == 15
    # B has no higher-level technician: 10 / 0 -> sem dados
    assert r.loc[B, "denominador"] == 0 and pd.isna(r.loc[B, "valor"])
    # municipality: (30 + 10) / (2 + 0) = 20 (C has a technician but no RMA: left out)
    assert r.loc[MUNICIPIO, "valor"] == 20


def test_paif13_meses_nao_informados_contados():
    r = valores("PAIF-13")
    # A missed March (1 of 4), B none, C all 4; municipality 5 of 12
    assert list(r["numerador"]) == [1, 0, 4, 5]
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx(5 / 12)
    assert not CATALOGO["PAIF-13"].maior_melhor


def test_periodo_sem_nenhum_rma_da_sem_dados_e_nao_quebra():
    """A period no CRAS reported (e.g. a comparison year before the data begins) is "sem dados" in every PAIF
    indicator, for every CRAS and the municipality — not a pandas error halfway through the evaluation."""
    from cras_lib.calculo.indicadores.tabela import calcular_todos

    vazio = contexto("2019-01", "2019-12")
    assert vazio.rma_linhas.empty
    for codigo in ("PAIF-01", "PAIF-02", "PAIF-06"):
        r = calcular_indicador(CATALOGO[codigo], vazio)
        assert r["valor"].isna().all(), codigo
    longa = calcular_todos(vazio, comparacao=True).set_index(["codigo", "id_cras"])
    paif = longa.loc[[c for c in CATALOGO if c.startswith("PAIF") and c != "PAIF-13"]]
    assert paif["valor"].isna().all()
    # PAIF-13 is the share of months not reported: every month of the 3 CRAS (12 × 3 of 36), a real 100 %
    assert tuple(longa.loc[("PAIF-13", MUNICIPIO), ["numerador", "denominador", "valor"]]) == (36, 36, 1)
