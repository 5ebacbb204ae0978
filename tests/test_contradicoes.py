"""No contradiction between sections and documents (issue of the council's reading), on built data."""

from __future__ import annotations

import pandas as pd

from cras_lib.calculo.indicadores import CATALOGO, MUNICIPIO
from cras_lib.calculo.indicadores.metas import ATINGIDA, Meta, classificar
from cras_lib.documentos.avaliacao import apresentacao as ap
from cras_lib.documentos.relatorio_cras import fatos as fc

A, B, C = "31000000001", "31000000002", "31000000003"


def _ocupacao(valores: dict[str, tuple[int, int]]) -> pd.DataFrame:
    linhas = {i: (n, d, n / d) for i, (n, d) in valores.items()}
    tabela = pd.DataFrame.from_dict(linhas, orient="index", columns=["numerador", "denominador", "valor"])
    return tabela.astype("Float64")


def test_acima_da_capacidade_nao_e_o_melhor_resultado(monkeypatch):
    """SCFV-01 is a band (up to 100 % of the places): 118,2 % (130 users for 110 places) counts as 81,8 % and is
    ranked after 95 %, not first — the same CRAS's report lists 'SCFV acima da capacidade' as a point of
    attention."""
    ind = CATALOGO["SCFV-01"]
    assert ind.teto == 1.0
    monkeypatch.setattr(fc, "indicadores_chave", lambda: [ind])
    tabela = _ocupacao({A: (130, 110), B: (95, 100), C: (70, 100), MUNICIPIO: (295, 310)})
    nomes = pd.Series({A: "Industrial", B: "Centro", C: "Vila"})
    posicoes = {i: p[0] for i, p in fc.posicoes_municipio({"SCFV-01": tabela}, nomes).items()}
    assert (posicoes[B].posicao, posicoes[A].posicao, posicoes[C].posicao) == (
        1,
        2,
        3,
    )  # 95 % > 81,8 % > 70 %


def test_acima_da_capacidade_nao_atinge_a_meta():
    """With the target 90 %: 118,2 % is not 'atingida' (counts as 81,8 %); 95 % is."""
    valores = pd.Series([130 / 110, 0.95, pd.NA], dtype="Float64")
    situacao = classificar(CATALOGO["SCFV-01"].valor_comparavel(valores), Meta(0.9, 0.05), True)
    assert situacao[0] != ATINGIDA and situacao[1] == ATINGIDA
    assert ap.meta(CATALOGO["SCFV-01"], 0.9) == "de 90 % a 100 %"
    assert ap.meta(CATALOGO["PAIF-01"], 0.8) == "≥ 80 %"
