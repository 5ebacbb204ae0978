"""Builders for the SCFV plan tests: the plan's parameters and a tiny municipality (CRAS A and B)."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pandas as pd

from cras_lib.calculo import scfv_plano as sp
from cras_lib.dados.contrato import CICLOS
from cras_lib.parametros.plano_scfv import ArquivoPlano


def _txt(valores):
    return pd.Series(valores, dtype="string")


def _int(valores):
    return pd.Series(valores, dtype="Int64")


COBERTURA = {"ate_6": 0.01, "6_a_15": 0.04, "15_a_17": 0.05, "18_a_29": 0.0, "30_a_59": 0.07, "60_mais": 0.03}


def parametros(**mudancas) -> sp.ParametrosPlano:
    """15 per group; children and adolescents 2 × 2 h a week (Tue/Thu), adults and older people 1 × 2 h
    (Wed)."""
    ciclos = {}
    for c in CICLOS:
        criancas = c in ("ate_6", "6_a_15", "15_a_17")
        ciclos[c] = sp.ParametrosCiclo(
            tamanho_grupo=15,
            encontros_semanais=2 if criancas else 1,
            horas_por_encontro=2.0,
            dias_semana=(1, 3) if criancas else (2,),
            cobertura_alvo=COBERTURA[c],
        )
    return replace(sp.ParametrosPlano.do_arquivo(ArquivoPlano()), ciclos=ciclos, **mudancas)


def _datas(valores):
    return pd.to_datetime(pd.Series(valores, dtype="string"))


def municipio(**ausentes) -> SimpleNamespace:
    """CRAS A (8 users, 4 prioritários, group of 6_a_15 with capacity 10) and B (3 users, group of 60_mais,
    capacity 15; 2 prioritários). Reference date 2025-12-31; every user born long before and active."""
    n = 11
    m = SimpleNamespace(
        unidades=pd.DataFrame({"id_cras": _txt(["A", "B"]), "nome": _txt(["CRAS Alfa", "CRAS Beta"])}),
        equipes=pd.DataFrame(
            {"id_cras": _txt(["A"]), "funcao": _txt(["orientador_social"]), "horas_semanais": _int([4])}
        ),
        scfv_participantes=pd.DataFrame(
            {
                "id_participante": _txt([f"P{i}" for i in range(n)]),
                "nome": [f"Pessoa {i}" for i in range(n)],
                "data_nascimento": _datas(["2015-03-03"] * 8 + ["1950-01-01"] * 3),
                "id_cras": _txt(["A"] * 8 + ["B"] * 3),
                "id_grupo": _txt(["GA"] * 8 + ["GB"] * 3),
                "data_entrada": _datas(["2025-02-01"] * n),
                "data_saida": _datas([None] * n),
                "situacoes_prioritarias": _txt(["isolamento"] * 4 + [None] * 4 + ["isolamento"] * 2 + [None]),
            }
        ),
        scfv_grupos=pd.DataFrame(
            {
                "id_grupo": _txt(["GA", "GB"]),
                "id_cras": _txt(["A", "B"]),
                "ciclo": _txt(["6_a_15", "60_mais"]),
                "capacidade": _int([10, 15]),
            }
        ),
        scfv_frequencia=pd.DataFrame(
            {
                "id_participante": _txt(["P0", "P8"]),
                "mes_referencia": pd.PeriodIndex(["2025-12", "2025-12"], freq="M"),
                "encontros_previstos": _int([8, 4]),
                "presencas": _int([6, 4]),
            }
        ),
        cadunico_territorios=None,
    )
    for nome in ausentes:
        setattr(m, nome, None)
    return m
