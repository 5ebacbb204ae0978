"""Per-person and per-CRAS results of the Programa de Inclusão Produtiva, worked out by hand."""

import pandas as pd
import pytest
from apoio.indicadores import A, B, C
from apoio.indicadores import tabela_inclusao as inclusao

from cras_lib.calculo import inclusao_produtiva as ip

P1, P3 = "111.111.111-11", "222.222.222-22"
LINHAS = [
    # P1 at CRAS A: all five modules concluded, generating income in "Doces da Vila"
    ("i1", P1, A, 2025, 1, "aprendizagem", 132, 132, "concluinte", None, None, None, None),
    ("i2", P1, A, 2025, 1, "desenvolvimento_pessoal", 15, 15, "concluinte", None, None, None, None),
    ("i3", P1, A, 2025, 1, "desenvolvimento_gerencial", 15, 12, "concluinte", None, None, None, None),
    ("i4", P1, A, 2025, 2, "pre_aceleracao", 25, 25, "concluinte", None, None, None, None),
    ("i5", P1, A, 2025, 2, "aceleracao", 25, 20, "concluinte", True, False, 5, "Doces da Vila"),
    # P2 at CRAS A, no cpf (counted by id_inscricao): dropped out of Aprendizagem after 60 h
    ("i6", None, A, 2025, 1, "aprendizagem", 132, 60, "desistente", None, None, 2, None),
    # P3 at CRAS A: Aprendizagem still running, Desenvolvimento Pessoal concluded, no Gerencial row
    ("i7", P3, A, 2025, 1, "aprendizagem", 132, 120, "cursando", False, True, None, " doces da vila "),
    ("i8", P3, A, 2025, 1, "desenvolvimento_pessoal", 15, 15, "concluinte", None, None, None, None),
    # P1 again, through CRAS B (same cpf): the municipality counts one person
    ("i9", P1, B, 2025, 1, "aprendizagem", 132, 100, "cursando", None, None, None, "Horta Comunitária"),
    # another year: outside the period
    ("i10", "333.333.333-33", A, 2024, 1, "aprendizagem", 132, 132, "concluinte", True, True, 4, None),
]


@pytest.fixture
def por_cras():
    return ip.resultados_por_cras(inclusao(LINHAS), "2025-01", "2025-12", ids_cras=[A, B, C])


def test_contagens_de_pessoas_por_cras(por_cras):
    a = por_cras.loc[A]
    # people at A: P1, P2 (by id_inscricao), P3 = 3; the 2024 enrolment is out of the period
    assert a["inscritos"] == 3
    assert a["concluintes"] == 1  # only P1 concluded every module
    assert (a["com_fase_1"], a["concluintes_fase_1"]) == (3, 1)  # P3 still cursando Aprendizagem
    assert a["desistentes"] == 1  # P2
    assert a["chegaram_aceleracao"] == 1  # P1


def test_horas_da_fase_1_contra_as_162_horas_da_norma(por_cras):
    a = por_cras.loc[A]
    # P1: (132 + 15 + 12) / 162 = 159/162 = 0,981 ≥ 0,75
    # P2: 60 / 162 = 0,370 < 0,75
    # P3: (120 + 15) / 162 = 135/162 = 0,833 ≥ 0,75 (missing Gerencial module = 0 h of its 15 h)
    assert a["atingiram_75_fase_1"] == 2
    assert a["media_parcela_horas_fase_1"] == pytest.approx((159 + 60 + 135) / 162 / 3)
    # every row's hours: planned 132+15+15+25+25 + 132 + 132+15 = 491; done 132+15+12+25+20 + 60 + 120+15 =
    # 399
    assert (a["horas_previstas"], a["horas_cumpridas"]) == (491, 399)


def test_renda_trabalho_satisfacao_e_empreendimentos(por_cras):
    a = por_cras.loc[A]
    # income: P1 sim, P3 não, P2 never informed (unknown, not "não") -> 2 informed, 1 generating income
    assert (a["informaram_renda"], a["gerando_renda"]) == (2, 1)
    # formal work: P1 não, P3 sim -> 2 informed, 1 in formal work
    assert (a["informaram_trabalho"], a["trabalho_formal"]) == (2, 1)
    # satisfaction: P1 5, P2 2 -> (5 + 2) / 2 = 3,5
    assert (a["responderam_satisfacao"], a["satisfacao_media"]) == (2, 3.5)
    # "Doces da Vila" and " doces da vila " are one enterprise, active because P1 generates income
    assert (a["empreendimentos"], a["empreendimentos_ativos"]) == (1, 1)
    b = por_cras.loc[B]
    assert (b["inscritos"], b["empreendimentos"], b["empreendimentos_ativos"]) == (1, 1, 0)


def test_cras_sem_inscricoes_tem_zero_pessoas_e_medias_sem_dados(por_cras):
    c = por_cras.loc[C]
    assert c["inscritos"] == 0 and c["concluintes"] == 0
    assert pd.isna(c["satisfacao_media"]) and pd.isna(c["media_parcela_horas_fase_1"])


def test_municipio_conta_cada_pessoa_uma_vez():
    m = ip.resultados_municipio(inclusao(LINHAS), "2025-01", "2025-12")
    # P1 (through A and B), P2, P3 = 3 people, not 4
    assert m["inscritos"] == 3
    # P1's row at B is still cursando, so nobody concluded every module of the year in the municipality
    assert m["concluintes"] == 0
    # Doces da Vila (active) + Horta Comunitária (no income informed) = 2 enterprises, 1 active
    assert (m["empreendimentos"], m["empreendimentos_ativos"]) == (2, 1)


def test_sem_inscricoes_no_periodo():
    m = ip.resultados_municipio(inclusao(LINHAS), "2030-01", "2030-12")
    assert m["inscritos"] == 0 and pd.isna(m["satisfacao_media"])
    vazio = ip.resultados_por_cras(inclusao(LINHAS), "2030-01", "2030-12")
    assert vazio.empty


def test_nenhuma_coluna_pessoal_na_saida(por_cras):
    assert not {"cpf", "nome", "pessoa"} & set(por_cras.columns)


def test_sem_nenhum_cpf_no_periodo_cada_inscricao_e_uma_pessoa():
    linhas = [
        ("j1", None, A, 2025, 1, "aprendizagem", 132, 132, "concluinte", None, None, None, None),
        ("j2", None, A, 2025, 1, "aprendizagem", 132, 60, "desistente", None, None, None, None),
        ("j3", P1, A, 2024, 1, "aprendizagem", 132, 132, "concluinte", None, None, None, None),  # other year
    ]
    m = ip.resultados_municipio(inclusao(linhas), "2025-01", "2025-12")
    assert (m["inscritos"], m["concluintes"], m["desistentes"]) == (2, 1, 1)
