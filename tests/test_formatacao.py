"""pt-BR formatting (Babel): expected strings written by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from cras_lib.apresentacao import formatacao as f


@pytest.mark.parametrize(
    ("valor", "casas", "esperado"),
    [
        (1234.5, 1, "1.234,5"),
        (1234.56, 1, "1.234,6"),
        (0.0, 1, "0"),
        (1_000_000, 0, "1.000.000"),
        (2.25, 2, "2,25"),
    ],
)
def test_numero(valor, casas, esperado):
    assert f.numero(valor, casas) == esperado


def test_inteiro_e_ausentes():
    assert f.inteiro(12345) == "12.345"
    assert f.inteiro(pd.NA) == "sem dados"
    assert f.numero(float("nan")) == "sem dados"
    assert f.numero(float("inf")) == "sem dados"
    assert f.percentual(None) == "sem dados"


def test_percentual_com_espaco_antes_do_sinal():
    assert f.percentual(0.125) == "12,5 %"
    assert f.percentual(0.5, casas=0) == "50 %"
    assert f.percentual(-0.1) == "-10 %"


def test_moeda():
    assert f.moeda(1234.5) == "R$ 1.234,50"


def test_meses_e_datas():
    assert f.mes_extenso(pd.Period("2025-01", "M")) == "janeiro de 2025"
    assert f.mes_abreviado(pd.Period("2025-03", "M")) == "mar/2025"
    assert f.data_extenso(dt.date(2025, 12, 31)) == "31 de dezembro de 2025"
    assert f.data_curta("2026-04-21") == "21/04/2026"
    assert f.periodo_extenso("2025-01", "2025-12") == "janeiro a dezembro de 2025"
    assert f.periodo_extenso("2024-07", "2025-06") == "julho de 2024 a junho de 2025"
    assert f.periodo_extenso("2025-05", "2025-05") == "maio de 2025"


def test_plural():
    assert f.plural(1, "família") == "1 família"
    assert f.plural(2, "família") == "2 famílias"
    assert f.plural(0, "família") == "0 famílias"
    assert f.plural(1234, "ação", "ações") == "1.234 ações"
