"""Eficiência indicators (costs prorated to the period, attendances per technician), values by hand."""

import pandas as pd
import pytest
from apoio.indicadores import A, B, C, contexto

from cras_lib.calculo.indicadores import CATALOGO, MUNICIPIO, calcular_indicador


def valores(codigo: str, **kw) -> pd.DataFrame:
    return calcular_indicador(CATALOGO[codigo], contexto(**kw))


def test_ef01_custo_do_paif_por_familia_acompanhada():
    r = valores("EF-01")
    # A: (12.000 + 6.000) in 2025 × 4/12 = 6.000 (2024 is outside) over 114 families (PAIF-01) = 52,63
    assert r.loc[A, "numerador"] == pytest.approx(6_000)
    assert r.loc[A, "valor"] == pytest.approx(6_000 / 114)
    # B: 24.000 × 4/12 = 8.000 over 200 = 40
    assert r.loc[B, "valor"] == pytest.approx(40)
    assert pd.isna(r.loc[C, "valor"])
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx(14_000 / 314)


def test_ef02_custo_do_scfv_por_usuario_atendido_no_periodo():
    r = valores("EF-02")
    # A: 3.600 × 4/12 = 1.200 over users served some day of Jan–Apr: P1, P2, P3, P7 (P4 left in 2024) = 300
    assert (r.loc[A, "denominador"], r.loc[A, "valor"]) == (4, pytest.approx(300))
    # B has no SCFV cost line: sem dados
    assert pd.isna(r.loc[B, "valor"])


def test_ef03_custo_por_atendimento_com_mes_nao_informado():
    r = valores("EF-03")
    # A: monthly cost 6.000 / 4 = 1.500; monthly C.1 over the 3 months reported (200+180+220)/3 = 200 -> 7,50
    assert r.loc[A, "valor"] == pytest.approx(7.5)
    # B: 8.000 / 4 = 2.000 over 100 a month = 20
    assert r.loc[B, "valor"] == pytest.approx(20)
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx(3_500 / 300)


def test_ef04_atendimentos_por_tecnico():
    r = valores("EF-04")
    # A: 200 a month / (2 higher + 1 mid-level technicians) = 66,67; B: 100 / 2 = 50; municipality 300 / 5 =
    # 60
    assert r.loc[A, "valor"] == pytest.approx(200 / 3)
    assert r.loc[B, "valor"] == 50
    assert r.loc[MUNICIPIO, "valor"] == 60


def test_sem_custos_os_indicadores_de_custo_ficam_sem_dados():
    for codigo in ("EF-01", "EF-02", "EF-03", "IP-11"):
        assert valores(codigo, custos=True)["valor"].isna().all(), codigo
