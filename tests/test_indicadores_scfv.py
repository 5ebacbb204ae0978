"""SCFV indicators on the hand-built municipality of ``test_indicadores_dados`` (reference date 2025-04-30)."""

import pandas as pd
import pytest
from apoio.indicadores import A, B, C, contexto

from cras_lib.calculo.indicadores import CATALOGO, MUNICIPIO, calcular_indicador


def valores(codigo: str, **kw) -> pd.DataFrame:
    return calcular_indicador(CATALOGO[codigo], contexto(**kw))


def test_scfv01_ocupacao_e_cras_sem_capacidade():
    r = valores("SCFV-01")
    # active on 2025-04-30: A -> P1, P3 (P2 and P7 left, P4 left in 2024) = 2 of 10 + 10 places = 0,10
    assert (r.loc[A, "numerador"], r.loc[A, "denominador"]) == (2, 20)
    # B -> P5 (P6 enters in May) = 1 of 4 = 0,25
    assert r.loc[B, "valor"] == pytest.approx(0.25)
    # C has one group of capacity 0 and nobody: 0 / 0 -> sem dados
    assert (r.loc[C, "numerador"], r.loc[C, "denominador"]) == (0, 0) and pd.isna(r.loc[C, "valor"])
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx(3 / 24)


def test_scfv02_publico_prioritario_sobre_a_capacidade():
    r = valores("SCFV-02")
    # A: P1 (isolamento) and P3 (deficiência) of 20 places = 0,10; B: P5 (trabalho infantil) of 4 = 0,25
    assert r.loc[A, "valor"] == pytest.approx(0.10)
    assert r.loc[B, "valor"] == pytest.approx(0.25)
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx(3 / 24)


def test_scfv03_frequencia_de_todos_os_usuarios_nos_meses_do_periodo():
    r = valores("SCFV-03")
    # A: presences 6 + 8 + 4 + 0 = 18 of 8 + 8 + 8 + 4 = 28 expected (P2 counts although she left in March;
    #    December 2024 is outside the period) -> 0,642857
    assert (r.loc[A, "numerador"], r.loc[A, "denominador"]) == (18, 28)
    assert r.loc[B, "valor"] == 1  # 4 of 4
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx(22 / 32)
    assert pd.isna(r.loc[C, "valor"])


def test_scfv04_permanencia_apos_n_meses():
    r = valores("SCFV-04")
    # N = 3 (params). Users whose entry + 3 months falls in Jan–Apr 2025:
    #   P1 (2024-10-01 -> 2025-01-01) still active -> stayed; P2 (2024-11-15 -> 2025-02-15) left 2025-03-10,
    #   after the mark -> stayed; P7 (2024-12-01 -> 2025-03-01) left 2025-02-01 -> did not stay.
    #   A: 2 / 3. B: nobody completes 3 months inside the period -> 0 / 0 = sem dados.
    assert (r.loc[A, "numerador"], r.loc[A, "denominador"]) == (2, 3)
    assert r.loc[B, "denominador"] == 0 and pd.isna(r.loc[B, "valor"])


def test_scfv04_n_vem_dos_parametros():
    r = valores("SCFV-04", parametros={"scfv": {"meses_permanencia": 1}})
    # N = 1: marks P1 2024-11-01 (out), P2 2024-12-15 (out), P3 2025-03-01 (in, active), P7 2025-01-01 (in,
    # left 2025-02-01, after the mark) -> A: 2 / 2
    assert (r.loc[A, "numerador"], r.loc[A, "denominador"]) == (2, 2)


def test_sem_arquivo_de_frequencia_fica_sem_dados():
    r = valores("SCFV-03", scfv_frequencia=True)
    assert r["valor"].isna().all() and r["numerador"].isna().all()
