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


def test_supressao_complementar_esconde_a_menor_parte_seguinte():
    """144 = 3 + 40 + 101: com '< 5' ao lado do total e das outras partes, 144 − 141 = 3; a menor parte
    seguinte (40) fica 'omitido'."""
    ocultas, total_oculto = p.suprimir_partes([3, 40, 101])
    assert ocultas == ["primaria", "complementar", None] and not total_oculto
    assert [p.texto_parte(n, o) for n, o in zip([3, 40, 101], ocultas, strict=True)] == [
        "< 5",
        "omitido",
        "101",
    ]


def test_supressao_complementar_duas_pequenas_que_somam_2_sao_reveladas():
    """1 + 1 com o total mostrado: a soma das ocultas é 2 e cada uma vale ao menos 1, logo ambas são 1."""
    ocultas, _ = p.suprimir_partes([1, 1, 50, 60])
    assert ocultas == ["primaria", "primaria", "complementar", None]
    assert not any(p.recuperaveis([1, 1, 50, 60], ocultas, 112))


def test_parte_complementar_igual_ao_limiar_revelaria_a_pequena():
    """1 + 5 (+ 100): ocultando 1 e 5, a soma 6 só se faz com 1 + 5, pois a complementar vale 0 ou ≥ 5."""
    assert p.recuperaveis([1, 5, 100], ["primaria", "complementar", None], 106) == [True, True, False]
    ocultas, _ = p.suprimir_partes([1, 5, 100])
    assert not any(p.recuperaveis([1, 5, 100], ocultas, 106))
    assert ocultas.count(None) == 0 or ocultas == ["primaria", "complementar", "complementar"]


def test_sem_outra_parte_o_total_e_ocultado():
    ocultas, total_oculto = p.suprimir_partes([3, 0])
    assert ocultas == ["primaria", None] and total_oculto


def test_sem_parte_pequena_nada_muda():
    assert p.suprimir_partes([0, 7, 12]) == ([None, None, None], False)


def test_conclusao_segura_vale_para_qualquer_valor_oculto():
    """Menos de 5 de 15 vagas: no máximo 4/15 = 26,7 %, abaixo de 50 % seja qual for o número."""
    assert p.conclusao_segura(3, 15, 0.5) == "abaixo de 50 %"
    assert p.conclusao_segura(3, 6, 0.5) is None  # 1/6 a 4/6: depende do número oculto
    assert p.conclusao_segura(3, 150, 0.5) == "abaixo de 50 %"
    assert p.conclusao_segura(12, 15, 0.5) == "acima de 50 %"


def test_divulgavel():
    assert p.divulgavel(0, 12, 5) and not p.divulgavel(12, 3)
