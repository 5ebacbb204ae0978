"""The catalogue as a whole: declarations, the long table, targets and classification, display,
conclusions."""

import math
from collections import Counter

import pandas as pd
import pytest
from apoio.indicadores import PARAMETROS, A, B, C, contexto, municipio

from cras_lib.calculo.indicadores import (
    CATALOGO,
    DIMENSOES,
    MUNICIPIO,
    Meta,
    calcular_todos,
    classificar,
    metas,
    parametros_da_avaliacao,
    quadro_municipal,
)
from cras_lib.calculo.indicadores.avaliacao import avaliar, numeros_chave
from cras_lib.calculo.indicadores.catalogo import SERVICOS
from cras_lib.dados.contrato import POR_NOME
from cras_lib.documentos.avaliacao import apresentacao as ap
from cras_lib.documentos.avaliacao.achados import balanco, gerar_conclusoes, rma_nao_informado
from cras_lib.erros import ParametrosInvalidos

EXIGIDOS = [
    "PAIF-01", "PAIF-02", "PAIF-03", "PAIF-08", "PAIF-09", "PAIF-10", "PAIF-11", "PAIF-12", "PAIF-13",
    "SCFV-01", "SCFV-02", "SCFV-03", "SCFV-04",
    *(f"IP-{n:02d}" for n in range(1, 12)),
    "EF-01", "EF-02", "EF-03", "EF-04",
]  # fmt: skip


def test_catalogo_tem_os_indicadores_da_issue_e_cada_um_declara_tudo():
    assert set(EXIGIDOS) <= set(CATALOGO)
    for codigo, ind in CATALOGO.items():
        assert ind.codigo == codigo
        assert ind.nome and ind.formula and ind.numerador and ind.denominador, codigo
        assert ind.dimensao in DIMENSOES and ind.servico in SERVICOS, codigo
        assert ind.fontes and all(f in POR_NOME for f in ind.fontes), codigo
        assert ind.unidade in ("percentual", "moeda", "razao", "nota"), codigo
        assert set(ind.contagens_de_pessoas) <= {"numerador", "denominador"}, codigo
        assert ind.unidade != "razao" or ind.unidade_texto, codigo
    assert {i.dimensao for i in CATALOGO.values()} == set(DIMENSOES)


def test_tabela_longa_tem_todo_indicador_para_todo_cras_e_o_municipio_sem_infinito():
    longa = calcular_todos(contexto())
    assert len(longa) == len(CATALOGO) * 4  # 3 CRAS + municipality
    assert list(longa["codigo"].unique()) == list(CATALOGO)
    assert list(longa["id_cras"].unique()) == [A, B, C, MUNICIPIO]
    numeros = longa["valor"].dropna().astype(float)
    assert not any(math.isinf(v) for v in numeros)


def test_arquivo_opcional_ausente_marca_indicadores_indisponiveis():
    longa = calcular_todos(contexto(scfv_grupos=True, inclusao_produtiva=True))
    indisponiveis = set(longa.loc[~longa["disponivel"], "codigo"])
    assert indisponiveis == {"SCFV-01", "SCFV-02", *(c for c in CATALOGO if c.startswith("IP-"))}
    assert longa.loc[~longa["disponivel"], "valor"].isna().all()


@pytest.mark.parametrize(
    ("valor", "maior_melhor", "esperado"),
    [
        (0.80, True, "atingida"),  # meta 0,8: reached exactly
        (0.65, True, "parcialmente atingida"),  # tolerance 0,2 × 0,8 = 0,16 -> band [0,64; 0,8)
        (0.63, True, "não atingida"),
        (0.80, False, "atingida"),  # lower is better: ≤ 0,8
        (0.95, False, "parcialmente atingida"),  # ≤ 0,8 + 0,16 = 0,96
        (0.97, False, "não atingida"),
        (None, True, "sem dados"),
    ],
)
def test_classificacao_respeita_a_direcao(valor, maior_melhor, esperado):
    meta = metas({"metas": {"PAIF-01": {"meta": 0.8}}})["PAIF-01"]
    assert meta == Meta(0.8, pytest.approx(0.16))
    serie = pd.Series([valor], dtype="Float64")
    assert classificar(serie, meta, maior_melhor).iloc[0] == esperado


def test_classificacao_sem_meta_e_tolerancia_propria():
    assert classificar(pd.Series([0.3], dtype="Float64"), None, True).iloc[0] == "sem meta"
    alvo = metas({"metas": {"PAIF-13": {"meta": 0, "tolerancia": 0.05}}})["PAIF-13"]
    # months not reported: 0 -> atingida; 4 % ≤ 0 + 5 % -> parcialmente; 10 % -> não atingida
    assert list(classificar(pd.Series([0, 0.04, 0.10], dtype="Float64"), alvo, False)) == [
        "atingida",
        "parcialmente atingida",
        "não atingida",
    ]


def test_parametros_invalidos_sao_erro_em_portugues(tmp_path):
    with pytest.raises(
        ParametrosInvalidos, match="chave desconhecida 'XX-99' em parâmetros da avaliação, metas"
    ):
        metas({"metas": {"XX-99": {"meta": 1}}})
    with pytest.raises(ParametrosInvalidos, match="metas › PAIF-01 › meta — deve ser um número"):
        metas({"metas": {"PAIF-01": {"meta": "muito"}}})
    with pytest.raises(ParametrosInvalidos, match="o arquivo não existe"):
        parametros_da_avaliacao(tmp_path / "nao_existe.yaml")


def test_parametros_do_exemplo_sao_validos_e_comentados(raiz):
    caminho = raiz / "params" / "avaliacao.yaml"
    alvo = metas(parametros_da_avaliacao(caminho))
    assert alvo["SCFV-02"].valor == 0.5 and alvo["IP-05"].valor == 0.5  # the two norms' 50 % rules
    linhas_meta = [linha for linha in caminho.read_text(encoding="utf-8").splitlines() if "meta:" in linha]
    assert linhas_meta and all("#" in linha for linha in linhas_meta)


def test_quadro_municipal_compara_periodos_e_classifica():
    atual = calcular_todos(contexto())
    anterior = calcular_todos(contexto("2024-12", "2024-12"))
    quadro = quadro_municipal(atual, metas({"metas": {"PAIF-12": {"meta": 10}}}), anterior).set_index(
        "codigo"
    )
    # PAIF-12: 20 visits per technician ≥ 10 -> atingida; in Dec 2024 only A reported: 999 / 2 technicians
    assert quadro.loc["PAIF-12", "situacao"] == "atingida"
    assert quadro.loc["PAIF-12", "valor_comparacao"] == pytest.approx(999 / 2)
    # relative change (20 − 499,5) / 499,5
    assert quadro.loc["PAIF-12", "variacao"] == pytest.approx((20 - 499.5) / 499.5)
    assert quadro.loc["PAIF-01", "situacao"] == "sem meta"


def test_apresentacao_formata_em_pt_br_e_suprime_contagens_pequenas():
    ind = CATALOGO["IP-06"]  # numerator and denominator count people
    assert ap.parte(ind, "numerador", 3) == "< 5"
    assert ap.parte(ind, "denominador", 0) == "0"
    assert ap.valor(ind, 0.75, 3, 4) == "não divulgado (menos de 5 pessoas)"  # 3 of 4 would reveal them
    assert ap.valor(ind, 0.125, 10, 80) == "12,5 %"
    assert ap.meta(ind, 0.2) == "no máximo 20 %"  # in words, no '≤' for the council
    assert ap.meta(CATALOGO["PAIF-13"], 0) == "zero"
    assert ap.meta(CATALOGO["PAIF-01"], 0.8) == "ao menos 80 %"
    custo = CATALOGO["EF-01"]
    assert ap.parte(custo, "numerador", 1234.5) == "R$ 1.234,50"
    assert ap.variacao(CATALOGO["PAIF-01"], 0.029, None) == "+2,9 p.p."
    assert ap.variacao(custo, None, -0.273) == "-27,3 %"


def test_ranking_ordena_pela_direcao_e_deixa_sem_dados_por_ultimo():
    av = avaliar(municipio(), "2025-01", "2025-04", PARAMETROS)
    # PAIF-01: B 0,8 > A 0,684 > C sem dados
    assert list(ap.ranking(av, "PAIF-01")["id_cras"]) == [B, A, C]
    # EF-01 (lower is better): B R$ 40 < A R$ 52,63
    assert list(ap.ranking(av, "EF-01")["id_cras"])[:2] == [B, A]


def test_ranking_e_mudancas_calculados_uma_vez_por_avaliacao(monkeypatch):
    """The key-indicator section and the conclusions read the same rankings, the comparison section and the
    conclusions the same changes: derived once per evaluation, and a caller changing its copy changes nothing."""
    from cras_lib.documentos.avaliacao import achados

    av = avaliar(municipio(), "2025-01", "2025-04", PARAMETROS, "2024-12", "2024-12")
    chamadas = []
    original_ranking, original_mudancas = ap._ranking, achados._mudancas
    monkeypatch.setattr(ap, "_ranking", lambda *a: chamadas.append("ranking") or original_ranking(*a))
    monkeypatch.setattr(achados, "_mudancas", lambda *a: chamadas.append("mudancas") or original_mudancas(*a))
    primeira = ap.ranking(av, "PAIF-01")
    primeira.loc[0, "nome"] = "alterado"
    segunda = ap.ranking(av, "PAIF-01")
    assert list(segunda["id_cras"]) == [B, A, C] and "alterado" not in set(segunda["nome"])
    assert achados.mudancas(av) == achados.mudancas(av) is not None
    assert chamadas == ["ranking", "mudancas"]
    ap.ranking(av, "PAIF-01", limiar=10)  # another threshold is another ranking
    assert chamadas == ["ranking", "mudancas", "ranking"]


def test_familias_acompanhadas_e_custos_calculados_uma_vez_por_periodo(monkeypatch):
    """PAIF-01 and EF-01 divide by the same families, EF-01 and EF-03 the same PAIF spending: one calculation
    per period (the evaluation's and the comparison's)."""
    from cras_lib.calculo.indicadores import paif
    from cras_lib.calculo.indicadores.contexto import Contexto

    chamadas = []
    familias, custo = paif._familias_acompanhadas, Contexto._custo
    monkeypatch.setattr(
        paif, "_familias_acompanhadas", lambda ctx: chamadas.append("famílias") or familias(ctx)
    )
    monkeypatch.setattr(Contexto, "_custo", lambda ctx, s: chamadas.append(s) or custo(ctx, s))
    avaliar(municipio(), "2025-01", "2025-04", PARAMETROS, "2024-12", "2024-12")
    por_periodo = ["famílias", ("paif",), ("scfv",), ("inclusao_produtiva",)]
    assert Counter(chamadas) == Counter(por_periodo * 2)


def test_avaliacao_numeros_chave_e_conclusoes():
    parametros = PARAMETROS | {
        "metas": {"PAIF-01": {"meta": 0.8}, "PAIF-13": {"meta": 0, "tolerancia": 0.05}}
    }
    av = avaliar(municipio(), "2025-01", "2025-04", parametros, "2024-12", "2024-12")
    chave = numeros_chave(av)
    assert chave["periodo"] == {"inicio": "2025-01", "fim": "2025-04"}
    assert chave["indicadores"]["PAIF-01"]["valor"] == pytest.approx(314 / (500 * 4 / 12 + 250))
    assert chave["indicadores"]["PAIF-02"]["meta"] is None
    # PAIF-01 0,7536 ≥ 0,8 − 0,16 -> parcialmente; PAIF-13 5/12 = 41,7 % > 5 % -> não atingida
    assert chave["situacoes"]["parcialmente atingida"] == 1 and chave["situacoes"]["não atingida"] == 1
    assert chave["meses_nao_reportados"] == 5  # A: March; C: January to April
    assert balanco(av.quadro) == (
        "Dos 2 indicadores com meta e dados no período, nenhum atingiu a meta, 1 atingiu-a parcialmente e "
        "1 não a atingiu."
    )
    assert rma_nao_informado(av) == (
        "O RMA não foi informado em 5 meses do período: CRAS Alfa (março de 2025) e CRAS Gama (janeiro, "
        "fevereiro, março e abril de 2025). Esses meses ficaram fora das médias e somas (não foram contados "
        "como zero)."
    )
    texto = " ".join(gerar_conclusoes(av))
    assert "PAIF-13 — Meses sem RMA informado: 41,7 % (meta: zero)" in texto
    assert "Em relação ao período de dezembro de 2024, as maiores melhoras" in texto
    for palavra in ("nan", "None", "NaT", "inf"):
        assert f" {palavra} " not in f" {texto} "
    assert gerar_conclusoes(av) == gerar_conclusoes(
        avaliar(municipio(), "2025-01", "2025-04", parametros, "2024-12", "2024-12")
    )  # deterministic


def test_classificar_contra_a_meta_com_tolerancia_nos_dois_sentidos():
    from cras_lib.calculo.indicadores.metas import Meta, classificar

    valores = pd.Series(pd.array([0.80, 0.76, 0.74, None, 0.9], dtype="Float64"), index=list("abcde"))
    # goal 80 % with 5 points of tolerance: 80 reached; 76 within the tolerance; 74 below it; unknown
    assert classificar(valores, Meta(0.8, 0.05), True).tolist() == [
        "atingida",
        "parcialmente atingida",
        "não atingida",
        "sem dados",
        "atingida",
    ]
    # lower is better (e.g. dropouts at most 80 %): 90 % is 10 points above, beyond the tolerance
    menor = classificar(valores, Meta(0.8, 0.05), False)
    assert menor.tolist() == ["atingida", "atingida", "atingida", "sem dados", "não atingida"]
    assert menor.index.tolist() == list("abcde") and str(menor.dtype) == "string"
    assert classificar(valores, None, True).tolist() == ["sem meta"] * 3 + ["sem dados", "sem meta"]


def test_resultado_padrao_soma_no_municipio_so_os_cras_com_as_duas_partes():
    from cras_lib.calculo.indicadores.catalogo import resultado

    ids = pd.Index([A, B, C], dtype="string", name="id_cras")
    # B has no denominator and C a zero one: B stays out of the municipal sums, C enters them (0 is known)
    r = resultado(ids, pd.Series([3, 5, 2], index=[C, B, A]), pd.Series([10.0, None, 0.0], index=[A, B, C]))
    assert list(r.index) == [A, B, C, MUNICIPIO] and r.index.dtype == "string"
    assert r.dtypes.tolist() == ["Float64"] * 3
    assert r.loc[A].tolist() == [2.0, 10.0, 0.2]
    assert r.loc[B, "numerador"] == 5 and pd.isna(r.loc[B, "denominador"]) and pd.isna(r.loc[B, "valor"])
    assert r.loc[C, "numerador"] == 3 and r.loc[C, "denominador"] == 0 and pd.isna(r.loc[C, "valor"])
    assert r.loc[MUNICIPIO].tolist() == [5.0, 10.0, 0.5]  # (2 + 3) ÷ (10 + 0)
    # municipal parts given (people counted once), and none known at all
    r = resultado(ids, [1, 1, 1], [4, 4, 4], 2, 8)
    assert r.loc[MUNICIPIO].tolist() == [2.0, 8.0, 0.25]
    r = resultado(ids, pd.NA, 4.0)
    assert (
        r["numerador"].isna().all() and r["valor"].isna().all() and r.loc[MUNICIPIO, "denominador"] is pd.NA
    )


def test_razao_nunca_da_infinito_e_alinha_os_indices():
    from cras_lib.calculo.razao import razao

    num = pd.Series([1, 2, 3, 4], index=["a", "b", "c", "d"], name="x")
    den = pd.Series([2, 0, -1, None], index=["a", "b", "c", "d"], name="x", dtype="Float64")
    r = razao(num, den)
    assert r.dtype == "Float64" and r.name == "x"
    assert r["a"] == 0.5 and r.iloc[1:].isna().all()  # 0, negative and unknown denominators: <NA>
    # different indexes: the union, as pandas' division; different names: no name
    r = razao(pd.Series([6.0], index=["b"], name="x"), pd.Series([3.0, 4.0], index=["a", "b"], name="y"))
    assert list(r.index) == ["a", "b"] and pd.isna(r["a"]) and r["b"] == 1.5 and r.name is None
