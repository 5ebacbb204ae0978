"""Norms as data: values copied by hand from NOB-RH/SUAS 2006, NOB/SUAS 2005, PNAS 2004, Tipificação 2009."""

from __future__ import annotations

import pytest

from cras_lib.norma import nob_rh, porte, rma, scfv


@pytest.mark.parametrize(
    ("familias", "as_", "psi", "outros", "medio"),
    [
        (1, 1, 1, 0, 2),  # até 2.500: 2 de nível superior (1 AS, 1 psicólogo) + 2 de nível médio
        (2500, 1, 1, 0, 2),
        (2501, 2, 1, 0, 3),  # até 3.500: 3 de nível superior (2 AS, 1 psicólogo) + 3 de nível médio
        (3500, 2, 1, 0, 3),
        (
            3501,
            2,
            1,
            1,
            4,
        ),  # a cada 5.000: 4 de nível superior (2 AS, 1 psicólogo, 1 outro) + 4 de nível médio
        (5000, 2, 1, 1, 4),
        (5001, 4, 2, 2, 8),  # 2 blocos de 5.000
    ],
)
def test_equipe_minima_por_faixa(familias, as_, psi, outros, medio):
    e = nob_rh.equipe_minima(familias)
    assert (e.coordenador, e.assistentes_sociais, e.psicologos, e.outros_superior, e.nivel_medio) == (
        1,
        as_,
        psi,
        outros,
        medio,
    )
    assert e.tecnicos_superior == as_ + psi + outros


@pytest.mark.parametrize(
    ("familias", "capacidade"), [(2500, 500), (2501, 750), (3500, 750), (3501, 1000), (6000, 1000)]
)
def test_capacidade_paif(familias, capacidade):
    assert porte.capacidade_paif(familias) == capacidade


@pytest.mark.parametrize(
    ("habitantes", "nome"),
    [
        (20_000, "Pequeno porte I"),
        (20_001, "Pequeno porte II"),
        (100_000, "Médio porte"),
        (900_001, "Metrópole"),
    ],
)
def test_porte(habitantes, nome):
    assert porte.porte_do_municipio(habitantes).nome == nome


@pytest.mark.parametrize(
    ("idade", "ciclo"),
    [
        (0, "ate_6"),
        (5, "ate_6"),
        (6, "6_a_15"),
        (14, "6_a_15"),
        (15, "15_a_17"),
        (17, "15_a_17"),
        (18, "18_a_29"),
        (29, "18_a_29"),
        (30, "30_a_59"),
        (59, "30_a_59"),
        (60, "60_mais"),
        (101, "60_mais"),
    ],
)
def test_ciclo_da_idade(idade, ciclo):
    assert scfv.ciclo_da_idade(idade) == ciclo


def test_rma_estoques_e_fluxos():
    assert [rma.e_estoque(i) for i in ("a1", "d1", "d5", "d7", "d8")] == [True] * 5
    assert [rma.e_estoque(i) for i in ("a2", "b3", "c1", "c9", "d6")] == [False] * 5
    with pytest.raises(KeyError):
        rma.e_estoque("x1")
    assert rma.rotulo("a1") == "A.1 — Famílias em acompanhamento pelo PAIF"
