"""Impact indicators: PAIF-14 from the CadÚnico over time, IP-12 and IP-13 from columns outside the contract
("sem dados" naming the column when absent), the program standard's impact table in the evaluation, and the
source and period of every indicator — on the hand-built municipality of apoio.indicadores."""

from __future__ import annotations

import pandas as pd
import pytest
from apoio.indicadores import (
    PARAMETROS,
    A,
    B,
    C,
    cadunico_territorios,
    contexto,
    inclusao_produtiva,
    municipio,
)

from cras_lib.calculo.indicadores import CATALOGO, MUNICIPIO, Contexto, calcular_indicador
from cras_lib.calculo.indicadores.impacto import meses_da_comparacao
from cras_lib.calculo.indicadores.tabela import colunas_ausentes, disponivel
from cras_lib.documentos.avaliacao import documento as doc_
from cras_lib.documentos.avaliacao import impacto as impacto_doc
from cras_lib.documentos.avaliacao.fontes import fonte_e_periodo
from cras_lib.norma.inclusao_produtiva import INDICADORES_IMPACTO


def _valores(resultado: pd.DataFrame) -> dict:
    return {i: (None if pd.isna(v) else round(float(v), 6)) for i, v in resultado["valor"].items()}


def _ctx(**tabelas) -> Contexto:
    m = municipio()
    for nome, tabela in tabelas.items():
        setattr(m, nome, tabela)
    return Contexto.do_municipio(m, "2025-01", "2025-04", PARAMETROS)


# --- PAIF-14 ------------------------------------------------------------------------------------------------


def test_paif_14_calculado_a_mao():
    ctx = contexto()
    # base: December 2024 (the month before the period); final: April 2025 (May is outside the period)
    assert [str(m) for m in meses_da_comparacao(ctx)] == ["2024-12", "2025-04"]
    r = calcular_indicador(CATALOGO["PAIF-14"], ctx)
    # A: (90 − 100) ÷ 100 = −10 %; B: (205 − 200) ÷ 200 = +2,5 %; C: no base month -> sem dados;
    # municipality: (90 + 205 − 300) ÷ 300 = −1,67 %
    assert _valores(r) == {A: -0.1, B: 0.025, C: None, MUNICIPIO: round(-5 / 300, 6)}
    assert (r.loc[MUNICIPIO, "numerador"], r.loc[MUNICIPIO, "denominador"]) == (-5, 300)
    assert CATALOGO["PAIF-14"].dimensao == "impacto" and not CATALOGO["PAIF-14"].maior_melhor


def test_paif_14_sem_mes_anterior_usa_o_primeiro_do_periodo():
    cad = cadunico_territorios()
    cad = cad[cad["mes_referencia"] >= pd.Period("2025-02", "M")]
    ctx = _ctx(cadunico_territorios=cad)
    assert [str(m) for m in meses_da_comparacao(ctx)] == ["2025-02", "2025-04"]
    # A: (90 − 95) ÷ 95; B has no February: sem dados
    assert _valores(calcular_indicador(CATALOGO["PAIF-14"], ctx))[A] == round(-5 / 95, 6)


def test_paif_14_sem_cadunico_ou_com_um_so_mes_e_sem_dados():
    assert not disponivel(CATALOGO["PAIF-14"], contexto(cadunico_territorios=True))
    cad = cadunico_territorios()
    um_mes = _ctx(cadunico_territorios=cad[cad["mes_referencia"] == pd.Period("2025-04", "M")])
    assert meses_da_comparacao(um_mes) == (None, None)
    assert calcular_indicador(CATALOGO["PAIF-14"], um_mes)["valor"].isna().all()


def test_paif_14_no_documento_com_seus_limites():
    d = _documento()
    texto = impacto_doc.paragrafo_paif(d, 5)
    assert (
        "as famílias em extrema pobreza cadastradas no CadÚnico passaram de 300 em dezembro de 2024 para 295 em "
        "abril de 2025 (redução de 1,7 %)" in texto
    )
    assert "não o efeito do PAIF sozinho" in texto and "atribuição, não uma relação de causa" in texto


# --- IP-12 and IP-13: columns outside the contract ----------------------------------------------------------


def _inclusao_com(**colunas) -> pd.DataFrame:
    tabela = inclusao_produtiva()
    for nome, valores in colunas.items():
        tabela[nome] = pd.array(valores, dtype="string")
    return tabela


def test_ip_12_com_a_coluna_calculado_a_mao():
    # P1 (A) generates income in a local productive arrangement; P2 (A) income not informed; P3 (B) not
    # generating income. Header written another way is matched like every header.
    arranjo = [None, None, None, None, "sim", None, "nao"]
    ctx = _ctx(inclusao_produtiva=_inclusao_com(**{"Arranjo Produtivo Local": arranjo}))
    assert disponivel(CATALOGO["IP-12"], ctx) and colunas_ausentes(["IP-12"], ctx) == []
    # A: 1 ÷ 1 informed; B: 0 ÷ 1; C: nobody; municipality 1 ÷ 2
    assert _valores(calcular_indicador(CATALOGO["IP-12"], ctx)) == {A: 1.0, B: 0.0, C: None, MUNICIPIO: 0.5}


def test_ip_13_com_a_coluna_calculado_a_mao():
    tabela = _inclusao_com(formalizacao=[None, None, None, "em_formalizacao", None, None, None])
    tabela.loc[6, "empreendimento"] = "Costura"  # P3's enterprise at B, not in formalisation
    ctx = _ctx(inclusao_produtiva=tabela)
    # A: "Doces" in formalisation (1 of 1); B: "Costura" (0 of 1); municipality 1 of 2
    assert _valores(calcular_indicador(CATALOGO["IP-13"], ctx)) == {A: 1.0, B: 0.0, C: None, MUNICIPIO: 0.5}


def test_coluna_ausente_ou_vazia_e_sem_dados_com_a_coluna():
    ctx = contexto()  # the contract has neither column
    assert colunas_ausentes(["IP-12", "IP-13"], ctx) == [
        ("inclusao_produtiva.csv", "arranjo_produtivo_local"),
        ("inclusao_produtiva.csv", "formalizacao"),
    ]
    assert not disponivel(CATALOGO["IP-12"], ctx)
    vazia = _ctx(inclusao_produtiva=_inclusao_com(arranjo_produtivo_local=[None] * 7))
    assert not disponivel(CATALOGO["IP-12"], vazia)
    # without the whole file the column is not listed: the file is what is missing
    assert colunas_ausentes(["IP-12"], contexto(inclusao_produtiva=True)) == []


# --- the evaluation's impact section ------------------------------------------------------------------------


def _documento(**sem):
    import tempfile
    from pathlib import Path

    import yaml

    with tempfile.TemporaryDirectory() as pasta:
        params = Path(pasta) / "avaliacao.yaml"
        params.write_text(yaml.safe_dump(PARAMETROS), encoding="utf-8")
        return doc_.montar(
            municipio=municipio(**sem), params=params, inicio="2025-01", fim="2025-04", municipio_nome="Teste"
        )


def test_todo_indicador_de_impacto_do_padrao_esta_no_catalogo():
    assert [n for n, _ in INDICADORES_IMPACTO] == [
        "Índice de geração de renda",
        "Índice de inserção no trabalho formal",
        "Pessoas em arranjos produtivos locais gerando renda",
        "Grupos em formalização",
        "Permanência dos empreendimentos apoiados",
    ]
    assert all(CATALOGO[c].dimensao == "impacto" for _, c in INDICADORES_IMPACTO)


def test_tabela_do_padrao_calculado_ou_sem_dados_com_a_coluna():
    d = _documento()
    resultado = dict(
        zip(
            impacto_doc.tabela_do_padrao(d).dados["Indicador do padrão do programa"],
            impacto_doc.tabela_do_padrao(d).dados["Resultado"],
            strict=True,
        )
    )
    # IP-08: 1 of 2 people with income informed (P1 yes, P3 no); P2 never informed -> 50 %
    # IP-09: 1 of 2 with formal work informed -> 50 %; IP-10: "Doces" has P1 generating income -> 100 %
    assert resultado == {
        "Índice de geração de renda": "não divulgado (menos de 5 pessoas)",
        "Índice de inserção no trabalho formal": "não divulgado (menos de 5 pessoas)",
        "Pessoas em arranjos produtivos locais gerando renda": "sem dados — falta a coluna "
        "arranjo_produtivo_local no arquivo inclusao_produtiva.csv",
        "Grupos em formalização": "sem dados — falta a coluna formalizacao no arquivo inclusao_produtiva.csv",
        "Permanência dos empreendimentos apoiados": "100 %",
    }
    sem_arquivo = impacto_doc.tabela_do_padrao(_documento(inclusao_produtiva=True)).dados["Resultado"]
    assert set(sem_arquivo) == {"sem dados — falta o arquivo inclusao_produtiva.csv"}


@pytest.mark.parametrize("codigo", list(CATALOGO))
def test_todo_indicador_diz_fonte_e_periodo(codigo):
    texto = fonte_e_periodo(codigo, contexto())
    assert ".csv" not in texto and ("de janeiro a abril de 2025" in texto or "comparação de" in texto)


def test_conclusoes_dizem_a_coluna_que_falta():
    from cras_lib.documentos.avaliacao.achados import sem_dados

    frases = sem_dados(_documento().avaliacao)
    assert (
        "Não foi possível calcular IP-12 — Pessoas em arranjos produtivos locais gerando renda: falta a coluna "
        "arranjo_produtivo_local no arquivo inclusao_produtiva.csv." in frases
    )
    assert not any("faltam os arquivos ." in f or "falta o arquivo ." in f for f in frases)


def test_paif_14_por_territorio_com_supressao_complementar():
    from cras_lib.apresentacao.privacidade import recuperaveis

    d = _documento()
    (tabela,) = [b for b in impacto_doc.blocos(d) if isinstance(b, doc_.Tabela) and "território" in b.legenda]
    assert tabela.dados.values.tolist() == [
        ["CRAS Alfa", "100", "90", "-10 %"],
        ["CRAS Beta", "200", "205", "+2,5 %"],
        ["Total dos territórios", "300", "295", "-1,7 %"],
    ]
    # B with 3 families in the base month: "< 5", and A hidden too ("omitido"), or 3 = 103 − 100
    cad = cadunico_territorios()
    cad.loc[
        (cad["id_cras"] == B) & (cad["mes_referencia"] == pd.Period("2024-12", "M")),
        "familias_extrema_pobreza",
    ] = 3
    m = municipio()
    m.cadunico_territorios = cad
    d = doc_.montar(municipio=m, params=None, inicio="2025-01", fim="2025-04", municipio_nome="Teste")
    blocos = impacto_doc.blocos(d)
    (tabela,) = [b for b in blocos if isinstance(b, doc_.Tabela) and "território" in b.legenda]
    coluna = list(tabela.dados["Em dezembro de 2024"])
    assert coluna[:2] == ["omitido", "< 5"] and list(tabela.dados["Variação"][:2]) == ["não divulgada"] * 2
    ocultas = [None if c[0].isdigit() else ("primaria" if c == "< 5" else "complementar") for c in coluna[:2]]
    assert not any(recuperaveis([100, 3], ocultas, 103 if coluna[2][0].isdigit() else None))
    assert any("omitido" in b for b in blocos if isinstance(b, str))
