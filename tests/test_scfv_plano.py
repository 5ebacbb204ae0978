"""Plano Anual do SCFV: demand, goals, groups, orientador hours and actions, against values worked out by
hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from apoio.plano import municipio, parametros

from cras_lib.calculo import scfv_plano as sp
from cras_lib.dados.contrato import CICLOS
from cras_lib.erros import ParametrosInvalidos

RAIZ = Path(__file__).resolve().parent.parent


def _txt(valores):
    return pd.Series(valores, dtype="string")


def _int(valores):
    return pd.Series(valores, dtype="Int64")


def situacao() -> pd.DataFrame:
    """Current situation per CRAS and cycle, as ``situacao_atual`` returns it."""
    return pd.DataFrame(
        {
            "id_cras": _txt(["A", "A", "B", "B"]),
            "ciclo": _txt(["6_a_15", "60_mais", "ate_6", "15_a_17"]),
            "grupos": _int([3, 1, 1, 1]),
            "capacidade": _int([45, 20, 0, 20]),
            "ativos": _int([40, 20, 0, 30]),
            "prioritarios": _int([12, 15, 0, 18]),
        }
    )


def demanda() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id_cras": _txt(["A", "A", "B", "B", "B"]),
            "ciclo": _txt(["6_a_15", "60_mais", "ate_6", "15_a_17", "30_a_59"]),
            "populacao_ciclo": _int([1000, 2000, 100, 25, 100]),
        }
    )


def test_metas_regra_de_cobertura_capacidade_e_demanda():
    m = sp.metas(situacao(), demanda(), parametros()).set_index(["id_cras", "ciclo"])
    # A 6_a_15: alvo = ceil(0,04 × 1000) = 40; max(capacidade 45, 40) = 45; min(45, 1000) = 45; max(ativos 40,
    # 45) = 45 -> 45 / 15 = 3 groups; vagas prioritárias ceil(0,5 × 45) = ceil(22,5) = 23; lacuna 23 − 12 = 11
    a = m.loc[("A", "6_a_15")]
    colunas = ["alvo_cobertura", "meta", "grupos", "vagas_prioritarias", "lacuna_prioritaria"]
    assert a[colunas].tolist() == [40, 45, 3, 23, 11]
    # A 60_mais: alvo = ceil(0,03 × 2000) = 60 > capacidade 20 -> meta 60; ceil(60 / 15) = 4 groups; vagas 30;
    # lacuna 30 − 15 = 15
    b = m.loc[("A", "60_mais")]
    assert (b["meta"], b["grupos"], b["vagas_prioritarias"], b["lacuna_prioritaria"]) == (60, 4, 30, 15)
    # B 15_a_17 (over capacity): alvo ceil(0,05 × 25) = ceil(1,25) = 2; max(20, 2) = 20; min(20, 25) = 20;
    # max(ativos 30, 20) = 30 (nobody loses the place) -> 2 groups; vagas 15; 18 prioritários -> lacuna
    # max(0, 15 − 18) = 0
    c = m.loc[("B", "15_a_17")]
    assert (c["meta"], c["grupos"], c["vagas_prioritarias"], c["lacuna_prioritaria"]) == (30, 2, 15, 0)
    # B ate_6: no capacity, no user; alvo ceil(0,01 × 100) = 1 -> meta 1, 1 group, ceil(0,5) = 1 place,
    # lacuna 1 − 0 = 1
    d = m.loc[("B", "ate_6")]
    assert (d["meta"], d["grupos"], d["vagas_prioritarias"], d["lacuna_prioritaria"]) == (1, 1, 1, 1)
    # B 30_a_59: only in the demand; 0,07 × 100 = 7,000000000000001 in floating point, still 7 (not 8)
    e = m.loc[("B", "30_a_59")]
    assert (e["alvo_cobertura"], e["meta"], e["ativos"], e["grupos"], e["lacuna_prioritaria"]) == (
        7,
        7,
        0,
        1,
        4,
    )
    assert list(m.index) == [
        ("A", "6_a_15"),
        ("A", "60_mais"),
        ("B", "ate_6"),
        ("B", "15_a_17"),
        ("B", "30_a_59"),
    ]


def test_meta_limitada_pela_populacao_e_sem_cadunico():
    s = situacao()
    s.loc[1, "capacidade"] = 100  # A 60_mais: capacity 100, 20 active
    d = demanda()
    d.loc[1, "populacao_ciclo"] = 50  # only 50 older people registered
    m = sp.metas(s, d, parametros()).set_index(["id_cras", "ciclo"])
    # alvo ceil(0,03 × 50) = 2; max(100, 2) = 100; min(100, 50) = 50; max(20, 50) = 50
    # -> ceil(50 / 15) = ceil(3,33) = 4 groups
    assert (m.loc[("A", "60_mais"), "meta"], m.loc[("A", "60_mais"), "grupos"]) == (50, 4)
    sem = sp.metas(situacao(), None, parametros()).set_index(["id_cras", "ciclo"])
    # without CadÚnico: meta = max(ativos, capacidade): A 6_a_15 45, A 60_mais 20, B 15_a_17 30;
    # B ate_6 has meta 0 and is dropped
    assert sem["meta"].to_dict() == {("A", "6_a_15"): 45, ("A", "60_mais"): 20, ("B", "15_a_17"): 30}


def test_metas_sem_lista_de_usuarios():
    capacidade = situacao().drop(columns=["ativos", "prioritarios"]).assign(ativos=pd.NA, prioritarios=pd.NA)
    m = sp.metas(capacidade, demanda(), parametros(), lista_conhecida=False).set_index(["id_cras", "ciclo"])
    # users unknown: B 15_a_17 meta = min(max(20, 2), 25) = 20 (not 30); gap unknown
    assert m.loc[("B", "15_a_17"), "meta"] == 20
    assert m["lacuna_prioritaria"].isna().all() and m["ativos"].isna().all()


def test_metas_por_cras_e_grupos_planejados():
    m = sp.metas(situacao(), demanda(), parametros())
    c = sp.metas_por_cras(m).set_index("id_cras")
    # A: meta 45 + 60 = 105, 3 + 4 = 7 groups, 23 + 30 = 53 places (53 / 105 ≥ 0,5), gap 11 + 15 = 26
    assert (c.loc["A", "meta"], c.loc["A", "grupos"], c.loc["A", "vagas_prioritarias"]) == (105, 7, 53)
    assert c.loc["A", "lacuna_prioritaria"] == 26
    assert c.loc["A", "participacao_prioritaria_planejada"] == pytest.approx(53 / 105)
    g = sp.grupos_planejados(m, parametros())
    assert len(g) == 3 + 4 + 1 + 2 + 1
    assert g["id_grupo"].iloc[0] == "A-6_a_15-01" and g["dias_semana"].iloc[0] == (1, 3)


def test_demanda_usa_o_ultimo_mes_ate_a_data():
    cadunico = pd.DataFrame(
        {
            "id_cras": _txt(["A", "A", "B"]),
            "mes_referencia": pd.PeriodIndex(["2025-10", "2026-01", "2026-02"], freq="M"),
            "familias_pobreza": _int([500, 600, 700]),
            "familias_extrema_pobreza": _int([300, 350, 400]),
            **{col: _int([n, n + 1, n + 2]) for col, n in (
                ("pessoas_0_6", 100), ("pessoas_6_15", 200), ("pessoas_15_17", 40), ("pessoas_18_29", 300),
                ("pessoas_30_59", 600), ("pessoas_60_mais", 150))},
        }
    )  # fmt: skip
    d = sp.demanda(cadunico, situacao(), "2025-12-31").set_index(["id_cras", "ciclo"])
    # A: October 2025 is the latest month ≤ December 2025 (January 2026 is later); B has no month ≤ the date
    assert set(d.index.get_level_values("id_cras")) == {"A"}
    assert d.loc[("A", "6_a_15"), "populacao_ciclo"] == 200
    assert d.loc[("A", "6_a_15"), "mes_cadunico"] == pd.Period("2025-10", "M")
    assert d.loc[("A", "60_mais"), "familias_pobreza"] == 500
    # known priority cases and coverage: A 6_a_15 12 prioritários; 40 active / 200 people = 0,2
    assert d.loc[("A", "6_a_15"), "prioritarios_conhecidos"] == 12
    assert d.loc[("A", "6_a_15"), "cobertura_atual"] == pytest.approx(0.2)
    # a cycle without users has 0 known cases
    assert d.loc[("A", "ate_6"), "prioritarios_conhecidos"] == 0


def test_orientadores_horas_necessarias_e_disponiveis():
    grupos = pd.DataFrame(
        {
            "id_grupo": ["a1", "a2", "a3", "a4", "b1", "b2"],
            "id_cras": ["A", "A", "A", "A", "B", "B"],
            "encontros_semanais": [2, 2, 2, 1, 2, 1],
            "horas_por_encontro": [2.0, 2.0, 2.0, 2.0, 1.5, 2.0],
        }
    )
    equipes = pd.DataFrame(
        {
            "id_cras": _txt(["A", "A", "B", "B", "C"]),
            "funcao": _txt(["orientador_social", "tecnico_medio", "orientador_social", "orientador_social",
                            "orientador_social"]),
            "horas_semanais": _int([20, 40, 30, 30, 40]),
        }
    )  # fmt: skip
    o = sp.orientadores(grupos, equipes, parametros()).set_index("id_cras")
    # A: 3 × 2 × 2 h + 1 × 1 × 2 h = 14 h of encounters; planning 25 % = 3,5 h; needed 17,5 h; available 20 h
    # (the técnico de nível médio does not count) -> saldo 2,5 h, nobody missing
    assert o.loc["A", ["horas_encontros", "horas_necessarias", "horas_disponiveis"]].tolist() == [
        14.0,
        17.5,
        20.0,
    ]
    assert o.loc["A", "orientadores_faltantes"] == 0
    # B: 2 × 1,5 + 1 × 2 = 5 h; needed 6,25 h; available 60 h
    assert o.loc["B", "horas_necessarias"] == pytest.approx(6.25) and o.loc[
        "B", "saldo_horas"
    ] == pytest.approx(53.75)
    # C: no group, one orientador of 40 h
    assert (o.loc["C", "grupos"], o.loc["C", "saldo_horas"]) == (0, 40.0)
    # with a 50 % planning share and no orientador in A: needed 14 × 1,5 = 21 h -> ceil(21 / 40) = 1 missing
    sem_a = equipes[equipes["id_cras"] != "A"]
    o2 = sp.orientadores(grupos, sem_a, parametros(fracao_planejamento=0.5)).set_index("id_cras")
    assert (o2.loc["A", "horas_necessarias"], o2.loc["A", "orientadores_faltantes"]) == (21.0, 1)
    # 90 h of encounters a week with 40 h available: (90 × 1,25 − 40) / 40 = 72,5 / 40 -> 2 missing (ceil)
    muitos = pd.DataFrame({"id_grupo": [f"g{i}" for i in range(45)], "id_cras": ["C"] * 45,
                           "encontros_semanais": [1] * 45, "horas_por_encontro": [2.0] * 45})  # fmt: skip
    o3 = sp.orientadores(muitos, equipes, parametros()).set_index("id_cras")
    assert (o3.loc["C", "saldo_horas"], o3.loc["C", "orientadores_faltantes"]) == (-72.5, 2)


def test_parametros_do_plano_do_projeto():
    p = sp.parametros_do_plano(RAIZ / "params" / "plano_scfv.yaml")
    assert set(p.ciclos) == set(CICLOS)
    assert p.ciclos["6_a_15"].dias_semana == (1, 3)  # terça e quinta
    assert (p.ciclos["60_mais"].encontros_semanais, p.ciclos["60_mais"].tamanho_grupo) == (1, 15)
    aniversario = [f for f in p.feriados_municipais if f.data == (9, 8)]
    assert len(aniversario) == 1
    assert any(r.inicio == dt.date(2026, 12, 21) for r in p.recessos)


def test_parametros_do_plano_rejeitam_dias_incoerentes(tmp_path):
    arquivo = tmp_path / "p.yaml"
    arquivo.write_text(
        "ciclos:\n  ate_6:\n    encontros_semanais: 2\n    dias_semana: [terca]\n", encoding="utf-8"
    )
    with pytest.raises(ParametrosInvalidos, match="2 encontro"):
        sp.parametros_do_plano(arquivo)
    arquivo.write_text("ciclos:\n  bebes: {}\n", encoding="utf-8")
    with pytest.raises(ParametrosInvalidos, match="bebes"):
        sp.parametros_do_plano(arquivo)
    arquivo.write_text("calendario:\n  feriados_municipais:\n    - data: '13-40'\n", encoding="utf-8")
    with pytest.raises(ParametrosInvalidos, match="13-40"):
        sp.parametros_do_plano(arquivo)
    vazio = tmp_path / "vazio.yaml"
    vazio.write_text("", encoding="utf-8")
    padrao = sp.parametros_do_plano(vazio)
    # defaults of docs/dominio.md: 15 users; 2 encounters for children and adolescents, 1 for adults
    assert padrao.ciclos["ate_6"].encontros_semanais == 2 and padrao.ciclos["30_a_59"].encontros_semanais == 1
    assert padrao.ciclos["30_a_59"].tamanho_grupo == 15


# --- the whole plan on a tiny municipality ------------------------------------------------------------------


def test_plano_completo_resumo_e_acoes():
    plano = sp.planejar(municipio(), parametros(), 2026, "2025-12-31", "MG")
    assert plano.ausentes == ("cadunico_territorios.csv",)
    r = sp.resumo_plano(plano)
    # A: meta max(8, 10) = 10 -> ceil(10 / 15) = 1 group, 5 priority places, 4 prioritários -> gap 1;
    # B: meta max(3, 15) = 15 -> 1 group, ceil(7,5) = 8 places, 2 prioritários -> gap 6
    assert (r["meta_total"], r["grupos_planejados"], r["vagas_prioritarias"], r["lacuna_prioritaria"]) == (
        25,
        2,
        13,
        7,
    )
    # municipality now: 11 active, capacity 25, 6 prioritários: 6/25 = 0,24 of capacity;
    # attendance (6 + 4) / (8 + 4) = 10/12
    atual = r["situacao_atual"]
    assert (atual["ativos"], atual["capacidade"], atual["prioritarios"]) == (11, 25, 6)
    assert atual["prioritarios_sobre_capacidade"] == pytest.approx(0.24)
    assert atual["taxa_frequencia"] == pytest.approx(10 / 12)
    # A: 4/10 = 40 % < 50 %; B: 2/15 = 13,3 % < 50 %
    assert r["cras_abaixo_meta_prioritario"] == ["A", "B"]
    # orientador: A 1 group × 2 × 2 h × 1,25 = 5 h needed, 4 h available -> 1 missing;
    # B 1 × 1 × 2 h × 1,25 = 2,5 h needed, none available -> 1 missing; total 7,5 h and 2 missing
    assert r["horas_orientador_necessarias"] == pytest.approx(7.5) and r["orientadores_faltantes"] == 2
    acoes = sp.o_que_precisa_de_acao(plano)
    texto = "\n".join(acoes)
    assert "cadunico_territorios.csv" in acoes[0]
    # A: 4 prioritários is a small count: 40 % of 10 places (and 5 − 4 = 1 place missing) would give it back
    assert "**CRAS Alfa**: o público prioritário (menos de 5 pessoas) fica abaixo da meta de 50 %" in texto
    assert "40 %" not in texto and "faltam 1 vaga" not in texto
    # B occupancy 3/15 = 20 % < 80 %: 3 users is a small count; its rate would give it back (15 × 20 % = 3),
    # so only what holds for any hidden count is said: at most 4/15 = 26,7 % < 80 %
    assert "**CRAS Beta**: menos de 5 usuários ativos para 15 vagas (ocupação abaixo de 80 %)" in texto
    assert "20 %" not in texto.split("CRAS Beta**: menos")[1].split("\n")[0]
    assert "Pessoa" not in texto
    assert "No município, o público prioritário ocupa 24 % da capacidade" in texto


def test_plano_sem_arquivos_opcionais_nao_quebra():
    plano = sp.planejar(
        municipio(scfv_participantes=1, scfv_frequencia=1), parametros(), 2026, "2025-12-31", "MG"
    )
    assert plano.situacao is None and plano.situacao_cras is None
    assert set(plano.ausentes) == {
        "scfv_participantes.csv",
        "scfv_frequencia.csv",
        "cadunico_territorios.csv",
    }
    # users unknown: goals from capacity only (10 and 15), gap unknown
    assert plano.metas["meta"].tolist() == [10, 15] and plano.metas["lacuna_prioritaria"].isna().all()
    r = sp.resumo_plano(plano)
    assert r["situacao_atual"]["ativos"] is None and r["lacuna_prioritaria"] is None
    assert sp.o_que_precisa_de_acao(plano)[0].startswith("Enviar a lista de usuários do SCFV")
    nada = sp.planejar(municipio(scfv_participantes=1, scfv_grupos=1), parametros(), 2026, "2025-12-31", "MG")
    assert nada.metas.empty and nada.calendario.empty and sp.resumo_plano(nada)["meta_total"] == 0


def test_calendario_mensal_do_plano():
    plano = sp.planejar(municipio(), parametros(), 2026, "2025-12-31", "MG")
    mensal = sp.calendario_mensal(plano).set_index("mes")
    abril = mensal.loc[pd.Period("2026-04", "M")]
    # one Tue/Thu group has 8 encounters in April 2026 (21/04 Tiradentes skipped, see test_calendario);
    # Wednesdays 1, 8, 15, 22, 29 -> 5. All groups: A's 6_a_15 group 8 × 2 h + B's 60_mais group
    # 5 × 2 h = 26 h
    assert (abril["6_a_15"], abril["60_mais"], abril["encontros"], abril["horas"]) == (8, 5, 13, 26.0)
    dias = sp.datas_por_ciclo(plano).set_index("mes")
    assert dias.loc[pd.Period("2026-04", "M"), "6_a_15"] == "2, 7, 9, 14, 16, 23, 28, 30"
    feriados = sp.feriados_em_dias_de_encontro(plano.feriados, plano.parametros)
    # holidays of 2026 on Tue/Thu/Wed: 01/01 (Thu), 21/04 (Tue); 25/12 is a Friday, 03/04 a Friday
    assert [d.isoformat() for d in feriados["data"]] == ["2026-01-01", "2026-04-21"]


def test_orientadores_com_horas_so_em_faixa_contam_o_limite_superior():
    """A roster from the Censo SUAS has hour bands: 31–40 h counts 40 h, 11–20 h counts 20 h, "mais de 44 h"
    counts 44 h; exact hours, when given, win over the band."""
    grupos = pd.DataFrame({"id_grupo": ["a1"], "id_cras": ["A"], "encontros_semanais": [2],
                           "horas_por_encontro": [2.0]})  # fmt: skip
    equipes = pd.DataFrame(
        {
            "id_cras": _txt(["A", "A", "A", "A"]),
            "funcao": _txt(["orientador_social"] * 4),
            "horas_semanais": pd.array([None, None, None, 12], dtype="Int64"),
            "horas_semanais_faixa": _txt(["31_a_40", "11_a_20", "mais_de_44", "31_a_40"]),
        }
    )
    o = sp.orientadores(grupos, equipes, parametros()).set_index("id_cras")
    # 40 + 20 + 44 from the bands, 12 exact = 116 h; 3 of the 4 known only by the band
    assert (o.loc["A", "horas_disponiveis"], o.loc["A", "orientadores_so_faixa"]) == (116.0, 3)
