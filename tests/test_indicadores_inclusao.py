"""Programa de Inclusão Produtiva indicators on the hand-built municipality of ``test_indicadores_dados``.

People: at A, P1 (every module concluded, generating income, enterprise "Doces") and P2 (dropped out of
Aprendizagem after 66 h); at B, P3 (no cpf; Aprendizagem concluded with 120 h, not generating income, formal
work); C has no enrolment. Goal of places: 10 per CRAS that offered the program (params).
"""

import pandas as pd
import pytest
from apoio.indicadores import A, B, C, contexto

from cras_lib.calculo.indicadores import CATALOGO, MUNICIPIO, calcular_indicador


def valores(codigo: str) -> pd.DataFrame:
    return calcular_indicador(CATALOGO[codigo], contexto())


def test_cras_sem_inscricoes_tem_todas_as_taxas_sem_dados():
    for codigo in [c for c in CATALOGO if c.startswith("IP-")]:
        assert pd.isna(valores(codigo).loc[C, "valor"]), codigo


def test_ip01_acesso_contra_a_meta_de_vagas():
    r = valores("IP-01")
    # A: 2 people / 10 places = 0,2; B: 1 / 10 = 0,1; C did not offer the program: no goal -> sem dados
    assert (r.loc[A, "valor"], r.loc[B, "valor"]) == (pytest.approx(0.2), pytest.approx(0.1))
    assert pd.isna(r.loc[C, "denominador"])
    # municipality: 3 people / (10 × 2 CRAS that offered it) = 0,15
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx(0.15)


def test_ip02_indice_de_frequencia_em_horas():
    r = valores("IP-02")
    # A: done 132+15+15+25+25 + 66 = 278 of planned 132+15+15+25+25 + 132 = 344
    assert (r.loc[A, "numerador"], r.loc[A, "denominador"]) == (278, 344)
    # B: 120 of 132
    assert r.loc[B, "valor"] == pytest.approx(120 / 132)
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx((278 + 120) / (344 + 132))


def test_ip03_e_ip04_conclusao_e_75_por_cento_das_horas_da_fase_1():
    conclusao, horas = valores("IP-03"), valores("IP-04")
    # A: P1 concluded every phase-1 module, P2 dropped out -> 1 / 2
    assert conclusao.loc[A, "valor"] == 0.5
    # B: P3 concluded the only phase-1 module she enrolled in -> 1 / 1
    assert conclusao.loc[B, "valor"] == 1
    # hours: P1 162/162 = 100 % ≥ 75 %; P2 66/162 = 40,7 %; P3 120/162 = 74,1 % (< 75 %: two modules missing)
    assert (horas.loc[A, "valor"], horas.loc[B, "valor"]) == (0.5, 0)
    assert horas.loc[MUNICIPIO, "valor"] == pytest.approx(1 / 3)


def test_ip05_aceleracao_contra_a_regra_dos_50_por_cento_da_meta():
    r = valores("IP-05")
    # A: P1 reached Aceleração: 1 / 10 = 0,1; B: 0 / 10; municipality 1 / 20 = 0,05
    assert (r.loc[A, "valor"], r.loc[B, "valor"]) == (pytest.approx(0.1), 0)
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx(0.05)


def test_ip06_desistencia():
    r = valores("IP-06")
    # A: P2 dropped out: 1 / 2; B: 0 / 1; municipality 1 / 3
    assert (r.loc[A, "valor"], r.loc[B, "valor"]) == (0.5, 0)
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx(1 / 3)
    assert not CATALOGO["IP-06"].maior_melhor


def test_ip07_satisfacao_media():
    r = valores("IP-07")
    # A: (5 + 2) / 2 = 3,5; B: 4; municipality (5 + 2 + 4) / 3 = 3,67
    assert (r.loc[A, "valor"], r.loc[B, "valor"]) == (3.5, 4)
    assert r.loc[MUNICIPIO, "valor"] == pytest.approx(11 / 3)


def test_ip08_e_ip09_renda_e_trabalho_formal_sobre_quem_tem_informacao():
    renda, formal = valores("IP-08"), valores("IP-09")
    # P2 never informed income: left out of the denominator (unknown is not "não")
    # A: P1 generates income -> 1 / 1; B: P3 does not -> 0 / 1; municipality 1 / 2
    assert (renda.loc[A, "denominador"], renda.loc[A, "valor"], renda.loc[B, "valor"]) == (1, 1, 0)
    assert renda.loc[MUNICIPIO, "valor"] == 0.5
    # formal work: P1 não, P3 sim
    assert (formal.loc[A, "valor"], formal.loc[B, "valor"]) == (0, 1)


def test_ip10_empreendimentos_em_atividade():
    r = valores("IP-10")
    # A: "Doces" with P1 generating income -> 1 / 1; B supported no enterprise: 0 / 0 -> sem dados
    assert r.loc[A, "valor"] == 1
    assert r.loc[B, "denominador"] == 0 and pd.isna(r.loc[B, "valor"])


def test_ip11_custo_por_concluinte():
    r = valores("IP-11")
    # A: R$ 2.400 in 2025 × 4/12 months = R$ 800 for 1 completer (P1) = R$ 800
    assert (r.loc[A, "numerador"], r.loc[A, "denominador"], r.loc[A, "valor"]) == (800, 1, 800)
    # B: no cost line -> sem dados (unknown, not free)
    assert pd.isna(r.loc[B, "valor"])
    # municipality: R$ 800 / 2 completers (P1, P3) = R$ 400
    assert r.loc[MUNICIPIO, "valor"] == 400
