"""RMA over a period: stocks averaged over the months reported, flows summed, unreported months counted."""

import pandas as pd
import pytest

from cras_lib.calculo import rma


def _rma(linhas, colunas=("a1", "a2", "c1", "d6", "d7")) -> pd.DataFrame:
    """Frame shaped like ``Municipio.rma_cras`` from (id_cras, 'AAAA-MM', *values) tuples."""
    ids, meses, *valores = zip(*linhas, strict=True)
    dados = {"id_cras": pd.array(ids, dtype="string"), "mes_referencia": pd.PeriodIndex(meses, freq="M")}
    for coluna, serie in zip(colunas, valores, strict=True):
        dados[coluna] = pd.array(serie, dtype="Int64")
    return pd.DataFrame(dados)


# CRAS 001 reports January, February and April 2025 (March missing); CRAS 002 only January.
RMA = _rma(
    [
        ("00000000001", "2025-01", 100, 5, 40, 10, 3),
        ("00000000001", "2025-02", 110, 6, 50, 0, 4),
        ("00000000001", "2025-04", 120, None, 60, 20, 5),
        ("00000000002", "2025-01", 50, 3, 30, 7, 1),
        ("00000000001", "2024-12", 999, 99, 99, 99, 99),  # outside the period: ignored
    ]
)


def test_estoque_com_mes_nao_reportado_e_media_dos_meses_reportados():
    saida = rma.agregar_periodo(RMA, "2025-01", "2025-04")
    linha = saida.loc["00000000001"]
    # A.1 is a stock: (100 + 110 + 120) / 3 reported months = 110 — not the sum 330, not /4 with March as
    # zero.
    assert linha["a1"] == pytest.approx(110.0)
    # D.7 stock: (3 + 4 + 5) / 3 = 4
    assert linha["d7"] == pytest.approx(4.0)
    # A.2 flow: 5 + 6 (+ April empty) = 11; C.1 flow 40 + 50 + 60 = 150; D.6 flow 10 + 0 + 20 = 30
    assert (linha["a2"], linha["c1"], linha["d6"]) == (11, 150, 30)
    # 4 months expected (Jan..Apr), 3 reported, 1 not reported
    assert (linha["meses_esperados"], linha["meses_reportados"], linha["meses_nao_reportados"]) == (4, 3, 1)


def test_cras_sem_nenhum_mes_reportado_fica_sem_dados_e_nao_zero():
    saida = rma.agregar_periodo(RMA, "2025-01", "2025-04", ids_cras=["00000000002", "00000000003"])
    assert list(saida.index) == ["00000000002", "00000000003"]
    assert saida.loc["00000000002", "a1"] == 50  # one month reported: the mean is that month
    semdados = saida.loc["00000000003"]
    assert pd.isna(semdados["a1"]) and pd.isna(semdados["a2"])
    assert (semdados["meses_reportados"], semdados["meses_nao_reportados"]) == (0, 4)


def test_tipos_estoque_real_fluxo_inteiro_e_ordem_do_formulario():
    saida = rma.agregar_periodo(RMA, "2025-01", "2025-04")
    assert list(saida.columns[:5]) == ["a1", "a2", "c1", "d6", "d7"]
    assert str(saida["a1"].dtype) == "Float64" and str(saida["a2"].dtype) == "Int64"
    assert list(saida.index) == ["00000000001", "00000000002"]


def test_colunas_extras_do_rma_sao_agregadas_pela_natureza():
    extra = _rma(
        [("00000000001", "2025-01", 10, 1), ("00000000001", "2025-02", 20, 2)],
        colunas=("d8", "c10"),
    )
    saida = rma.agregar_periodo(extra, "2025-01", "2025-02")
    # D.8 (18–29 years in SCFV) is a stock: (10 + 20) / 2 = 15; an unknown C.10 is a flow: 1 + 2 = 3
    assert saida.loc["00000000001", "d8"] == 15
    assert saida.loc["00000000001", "c10"] == 3


def test_meses_nao_reportados_lista_cada_mes_faltante_ordenado():
    faltam = rma.meses_nao_reportados(RMA, ["00000000002", "00000000001"], "2025-01", "2025-04")
    esperado = [
        ("00000000001", "2025-03"),
        ("00000000002", "2025-02"),
        ("00000000002", "2025-03"),
        ("00000000002", "2025-04"),
    ]
    assert [(i, str(m)) for i, m in faltam.itertuples(index=False)] == esperado


def test_serie_mensal_tem_todos_os_meses_com_lacuna_onde_nao_reportado():
    serie = rma.serie_mensal(RMA, "a1", "2025-01", "2025-04")
    assert [str(m) for m in serie.index] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert serie["00000000001"].tolist()[:2] == [100, 110]
    assert pd.isna(serie.loc[pd.Period("2025-03", "M"), "00000000001"])
    assert serie["00000000002"].isna().sum() == 3


@pytest.mark.parametrize(
    ("atual", "anterior", "esperado"),
    [(110, 100, 0.10), (75, 100, -0.25), (5, 0, None), (pd.NA, 10, None), (10, None, None)],
)
def test_variacao(atual, anterior, esperado):
    # (110 − 100) / 100 = 0,10; (75 − 100) / 100 = −0,25; zero or missing base -> sem dados
    resultado = rma.variacao(atual, anterior)
    if esperado is None:
        assert resultado is pd.NA
    else:
        assert resultado == pytest.approx(esperado)
