"""Calendar of the SCFV groups, checked date by date against the 2026 holidays of Minas Gerais, worked by
hand.

2026 calendar facts used below (1 January 2026 is a Thursday):
- April: Good Friday 03/04 (Friday), Tiradentes 21/04 (Tuesday).
- September: Independência 07/09 (Monday); 08/09 is a Tuesday.
- November: Finados 02/11 (Monday), Proclamação da República 15/11 (Sunday), Consciência Negra 20/11 (Friday;
  national holiday since Lei nº 14.759/2023).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from cras_lib.calculo import calendario as cal
from cras_lib.erros import ErroCras

D = dt.date
TER_QUI = (1, 3)  # Tuesday, Thursday
SEG_SEX = (0, 4)  # Monday, Friday
ANIVERSARIO = cal.FeriadoMunicipal((9, 8), "Aniversário da cidade")


def _mes(datas, mes):
    return [d for d in datas if d.month == mes]


def test_feriados_nacionais_e_estaduais_de_mg_em_2026():
    f = cal.feriados(2026, "MG")
    assert D(2026, 4, 3) in f and D(2026, 4, 21) in f
    assert "Tiradentes" in f[D(2026, 4, 21)]
    assert f[D(2026, 11, 20)] == "Dia Nacional de Zumbi e da Consciência Negra"
    assert D(2026, 2, 17) not in f  # Carnaval is a ponto facultativo, not a holiday
    assert D(2026, 2, 17) in cal.feriados(2026, "MG", pontos_facultativos=True)
    assert list(f) == sorted(f)


def test_feriado_municipal_anual_e_de_um_ano_so():
    corpus = cal.FeriadoMunicipal(D(2026, 6, 4), "Corpus Christi")
    f = cal.feriados(2026, "MG", [ANIVERSARIO, corpus])
    assert f[D(2026, 9, 8)] == "Aniversário da cidade" and f[D(2026, 6, 4)] == "Corpus Christi"
    f27 = cal.feriados(2027, "MG", [ANIVERSARIO, corpus])
    assert D(2027, 9, 8) in f27 and D(2027, 6, 4) not in f27 and D(2026, 6, 4) not in f27
    bissexto = cal.FeriadoMunicipal((2, 29), "Dia bissexto")
    assert bissexto.no_ano(2028) == D(2028, 2, 29) and bissexto.no_ano(2026) is None


def test_grupo_terca_e_quinta_em_abril_de_2026():
    datas = cal.datas_dos_encontros(2026, TER_QUI, cal.feriados(2026, "MG"))
    # Tuesdays 7, 14, 21, 28 (21 = Tiradentes, skipped); Thursdays 2, 9, 16, 23, 30;
    # Good Friday 03/04 is a Friday
    esperado = [D(2026, 4, d) for d in (2, 7, 9, 14, 16, 23, 28, 30)]
    assert _mes(datas, 4) == esperado


def test_grupo_terca_e_quinta_em_novembro_e_setembro_com_feriado_municipal():
    datas = cal.datas_dos_encontros(2026, TER_QUI, cal.feriados(2026, "MG", [ANIVERSARIO]))
    # November: no holiday on Tue/Thu (02 Monday, 15 Sunday, 20 Friday)
    # -> Tue 3, 10, 17, 24 + Thu 5, 12, 19, 26
    assert _mes(datas, 11) == [D(2026, 11, d) for d in (3, 5, 10, 12, 17, 19, 24, 26)]
    # September: Tue 1, 8 (municipal, skipped), 15, 22, 29; Thu 3, 10, 17, 24; 07/09 is a Monday
    assert _mes(datas, 9) == [D(2026, 9, d) for d in (1, 3, 10, 15, 17, 22, 24, 29)]
    # without the municipal holiday, 08/09 is a meeting day
    assert D(2026, 9, 8) in cal.datas_dos_encontros(2026, TER_QUI, cal.feriados(2026, "MG"))


def test_grupo_segunda_e_sexta_em_novembro_de_2026_perde_finados_e_consciencia_negra():
    datas = cal.datas_dos_encontros(2026, SEG_SEX, cal.feriados(2026, "MG"))
    # Mondays 2 (Finados), 9, 16, 23, 30; Fridays 6, 13, 20 (Consciência Negra), 27
    assert _mes(datas, 11) == [D(2026, 11, d) for d in (6, 9, 13, 16, 23, 27, 30)]
    # April: Friday 03/04 is Good Friday -> Mondays 6, 13, 20, 27 and Fridays 10, 17, 24
    assert _mes(datas, 4) == [D(2026, 4, d) for d in (6, 10, 13, 17, 20, 24, 27)]


def test_recesso_remove_o_periodo_inteiro():
    recesso = cal.Recesso(D(2026, 12, 21), D(2026, 12, 31), "Recesso de fim de ano")
    sem = cal.dias_sem_encontro(2026, "MG", recessos=[recesso])
    assert sem[D(2026, 12, 25)] == "Natal; Recesso de fim de ano"
    datas = cal.datas_dos_encontros(2026, TER_QUI, sem)
    # December Tue/Thu: 1, 3, 8, 10, 15, 17 remain; 22, 24, 29, 31 fall in the recesso
    assert _mes(datas, 12) == [D(2026, 12, d) for d in (1, 3, 8, 10, 15, 17)]


def test_dia_da_semana_aceita_grafias_e_rejeita_desconhecido():
    assert [cal.dia_da_semana(n) for n in ("segunda", "Terça-feira", "terca", "SÁBADO")] == [0, 1, 1, 5]
    with pytest.raises(ErroCras, match="dia da semana desconhecido"):
        cal.dia_da_semana("feriado")


def test_calendario_dos_grupos_e_resumo_mensal():
    grupos = pd.DataFrame(
        {
            "id_grupo": ["G1", "G2"],
            "id_cras": ["A", "A"],
            "ciclo": ["6_a_15", "60_mais"],
            "dias_semana": [TER_QUI, (4,)],
            "horas_por_encontro": [2.0, 1.5],
        }
    )
    sem = cal.feriados(2026, "MG")
    c = cal.calendario_dos_grupos(grupos, 2026, sem)
    assert list(c.columns) == ["id_grupo", "id_cras", "ciclo", "data", "mes", "horas"]
    g1_abril = c[(c["id_grupo"] == "G1") & (c["mes"] == pd.Period("2026-04", "M"))]
    assert len(g1_abril) == 8  # the 8 dates of the April test above
    r = cal.resumo_mensal(c, 2026).set_index("mes")
    # April: G1 8 encounters × 2 h = 16 h; G2 Fridays 10, 17, 24 (03/04 Good Friday) = 3 × 1,5 h = 4,5 h
    assert r.loc[pd.Period("2026-04", "M"), "encontros"] == 11
    assert r.loc[pd.Period("2026-04", "M"), "horas"] == pytest.approx(20.5)
    assert len(r) == 12
    por_ciclo = cal.resumo_mensal(c, 2026, por=("ciclo",))
    assert len(por_ciclo) == 24
    abril = por_ciclo[(por_ciclo["ciclo"] == "60_mais") & (por_ciclo["mes"] == pd.Period("2026-04", "M"))]
    assert abril["encontros"].item() == 3


def test_feriado_do_estado_no_mesmo_dia_do_nacional_e_nomeado_uma_vez():
    # MG: "Execução de Tiradentes" (state) falls on the national "Tiradentes", 21 April
    nomes = cal.feriados(2026, "MG")
    assert nomes[dt.date(2026, 4, 21)] == "Tiradentes"
