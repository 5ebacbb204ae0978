"""Suppression of small counts and personal columns (LGPD)."""

from __future__ import annotations

import pandas as pd

from cras_lib.apresentacao import privacidade as p


def test_contagem_segura_suprime_de_1_a_limiar_menos_1():
    assert [p.contagem_segura(n) for n in (0, 1, 4, 5, 1234)] == ["0", "< 5", "< 5", "5", "1.234"]
    assert p.contagem_segura(9, limiar=10) == "< 10"
    assert p.contagem_segura(pd.NA) == "sem dados"


def test_suprimir_tabela_nao_altera_original():
    t = pd.DataFrame({"cras": ["A", "B"], "n": [3, 12]})
    s = p.suprimir_tabela(t, ["n"])
    assert s["n"].tolist() == ["< 5", "12"]
    assert t["n"].tolist() == [3, 12]


def test_colunas_pessoais_do_contrato():
    assert {"nome", "cpf", "nis", "data_nascimento"} == set(p.COLUNAS_PESSOAIS)
    t = pd.DataFrame({"id_participante": ["P1"], "nome": ["X"], "cpf": ["1"], "nis": ["2"]})
    assert list(p.sem_colunas_pessoais(t).columns) == ["id_participante"]
