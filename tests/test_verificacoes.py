"""The checks of the monthly bulletin on built data: each one fires on the planted case and not on a clean
month; expected figures worked out by hand from the rule (RMA instruction manual, Resolução CIT nº 04/2011)."""

from __future__ import annotations

from pathlib import Path

import pytest
from apoio.verificacoes import DEZ, FORMULARIO, A, B, alertas, com, do_codigo, montar_pasta, rma_limpo

from cras_lib.calculo import verificacoes as v
from cras_lib.parametros.boletim import ArquivoBoletim


@pytest.fixture
def limpa(tmp_path) -> Path:
    return montar_pasta(tmp_path)


# --- the catalogue


def test_catalogo_declara_codigo_regra_gravidade_e_parametros():
    assert list(v.CATALOGO) == [
        "ENV-01", "RMA-01", "RMA-02", "RMA-03", "RMA-04", "RMA-05", "CRZ-01", "CRZ-02", "FRQ-01",
    ]  # fmt: skip
    assert tuple(v.CATALOGO) == v.ORDEM  # the declared order, not the import order
    campos = set(ArquivoBoletim.model_fields)
    for verificacao in v.CATALOGO.values():
        assert verificacao.severidade in v.SEVERIDADES and verificacao.regra and verificacao.arquivos
        assert set(verificacao.parametros) <= campos
        assert "{arquivo}" in verificacao.verificar  # every alert says in which file to look
    assert v.CATALOGO["RMA-02"].parametros[0] == "k_mad"


def test_mes_limpo_nao_tem_alerta(limpa):
    tabela = alertas(limpa)
    assert tabela.empty and list(tabela.columns) == list(v.COLUNAS_ALERTA)
    assert v.por_severidade(tabela) == {"grave": 0, "moderada": 0}


# --- one test per check: fires on the planted case, not on its clean neighbour


def test_env01_rma_nao_enviado_com_meses_seguidos(tmp_path):
    rma = [r for r in rma_limpo() if not (r["id_cras"] == B and r["mes_referencia"] in ("2025-11", DEZ))]
    tabela = alertas(montar_pasta(tmp_path, rma))
    assert do_codigo(tabela, "ENV-01") == [{"id_cras": B, "meses": 2.0, "arquivo": "rma_cras.csv"}]
    assert do_codigo(alertas(tmp_path, "2025-10"), "ENV-01") == []  # October was sent


def test_env01_cras_que_nunca_enviou_conta_desde_o_primeiro_mes_do_arquivo(tmp_path):
    rma = [r for r in rma_limpo() if r["id_cras"] == A]
    assert do_codigo(alertas(montar_pasta(tmp_path, rma)), "ENV-01") == [
        {"id_cras": B, "meses": 12.0, "arquivo": "rma_cras.csv"}
    ]


def test_rma01_formulario_zerado_e_so_ele(tmp_path):
    zeros = dict.fromkeys(FORMULARIO, 0) | {"c1": 0}
    tabela = alertas(montar_pasta(tmp_path, com(rma_limpo(), B, DEZ, **zeros)))
    assert do_codigo(tabela, "RMA-01") == [{"id_cras": B, "arquivo": "rma_cras.csv"}]
    # the zero form is not "far from its history", nor below the SISC list: one alert, not ten
    assert set(tabela.loc[tabela["id_cras"] == B, "codigo"]) == {"RMA-01"}


def test_rma02_fora_do_historico(tmp_path):
    """C.1 history: median 80, MAD 2; limit = max(5 × 2, 0,5 × 80, 10) = 40 -> expected 40 to 120."""
    tabela = alertas(montar_pasta(tmp_path, com(rma_limpo(), A, DEZ, c1=400)))
    assert do_codigo(tabela, "RMA-02") == [
        {
            "id_cras": A,
            "item": "c1",
            "valor": 400.0,
            "referencia": 80.0,
            "minimo": 40.0,
            "maximo": 120.0,
            "meses": 11.0,
            "arquivo": "rma_cras.csv",
        }
    ]


def test_rma02_dentro_da_faixa_e_com_k_menor(tmp_path):
    montar_pasta(tmp_path, com(rma_limpo(), A, DEZ, c1=120))
    assert do_codigo(alertas(tmp_path), "RMA-02") == []  # |120 − 80| = 40, not above the limit
    # with k = 50 the MAD term (50 × 2 = 100) is the limit: expected 0 (not −20) to 180
    montar_pasta(tmp_path, com(rma_limpo(), A, DEZ, c1=180))
    assert do_codigo(alertas(tmp_path, k_mad=50), "RMA-02") == []
    montar_pasta(tmp_path, com(rma_limpo(), A, DEZ, c1=181))
    faixas = [(a["minimo"], a["maximo"]) for a in do_codigo(alertas(tmp_path, k_mad=50), "RMA-02")]
    assert faixas == [(0.0, 180.0)]


def test_rma02_exige_historico_minimo(tmp_path):
    rma = [r for r in com(rma_limpo(), A, DEZ, c1=400) if r["mes_referencia"] >= "2025-08"]
    montar_pasta(tmp_path, rma)  # 4 months of history before December
    assert do_codigo(alertas(tmp_path), "RMA-02") == []
    assert len(do_codigo(alertas(tmp_path, minimo_meses_historico=4), "RMA-02")) == 1


def test_rma03_estoque_sem_fluxo(tmp_path):
    """A.1 of November 100, A.2 of December 10: A.1 may reach 110; 111 jumps."""
    assert do_codigo(alertas(montar_pasta(tmp_path, com(rma_limpo(), A, DEZ, a1=110))), "RMA-03") == []
    tabela = alertas(montar_pasta(tmp_path, com(rma_limpo(), A, DEZ, a1=111)))
    assert do_codigo(tabela, "RMA-03") == [
        {"id_cras": A, "item": "a1", "valor": 111.0, "referencia": 110.0, "arquivo": "rma_cras.csv"}
    ]


def test_rma03_sem_mes_anterior_nao_compara(tmp_path):
    rma = [
        r for r in com(rma_limpo(), A, DEZ, a1=150) if (r["id_cras"], r["mes_referencia"]) != (A, "2025-11")
    ]
    assert do_codigo(alertas(montar_pasta(tmp_path, rma)), "RMA-03") == []


def test_rma04_perfil_maior_que_a2(tmp_path):
    assert do_codigo(alertas(montar_pasta(tmp_path, com(rma_limpo(), B, DEZ, b2=10))), "RMA-04") == []
    tabela = alertas(montar_pasta(tmp_path, com(rma_limpo(), B, DEZ, b2=11, b5=12)))
    assert do_codigo(tabela, "RMA-04") == [
        {"id_cras": B, "item": "b2", "valor": 11.0, "referencia": 10.0, "arquivo": "rma_cras.csv"},
        {"id_cras": B, "item": "b5", "valor": 12.0, "referencia": 10.0, "arquivo": "rma_cras.csv"},
    ]


def test_rma05_item_d_acima_da_capacidade(tmp_path):
    """60 anos ou mais: capacity 20, folga 25 % -> at most 25 older people in D.5."""
    assert do_codigo(alertas(montar_pasta(tmp_path, com(rma_limpo(), A, DEZ, d5=25))), "RMA-05") == []
    tabela = alertas(montar_pasta(tmp_path, com(rma_limpo(), A, DEZ, d5=26)))
    assert do_codigo(tabela, "RMA-05") == [
        {
            "id_cras": A,
            "item": "d5",
            "valor": 26.0,
            "referencia": 20.0,
            "maximo": 25.0,
            "arquivo": "rma_cras.csv",
        }
    ]
    assert do_codigo(alertas(tmp_path, folga_capacidade=0.3), "RMA-05") == []  # 20 × 1,3 = 26


def test_crz01_rma_diferente_da_lista_do_sisc(tmp_path):
    """RMA D.2–D.5 = 55; 20 users of CRAS A left in November -> 35 active; |55 − 35| = 20 > 0,3 × 35."""
    montar_pasta(tmp_path, saidas_em_novembro=20)
    assert do_codigo(alertas(tmp_path), "CRZ-01") == [
        {"id_cras": A, "valor": 55.0, "referencia": 35.0, "arquivo": "rma_cras.csv"}
    ]
    montar_pasta(tmp_path, saidas_em_novembro=12)  # 43 active: |55 − 43| = 12 ≤ 12,9
    assert do_codigo(alertas(tmp_path), "CRZ-01") == []


def test_crz02_codigo_fora_de_unidades(tmp_path):
    intruso = {"id_cras": "33333333333", "mes_referencia": DEZ, **FORMULARIO}
    antigo = {"id_cras": "44444444444", "mes_referencia": "2025-03", **FORMULARIO}
    grupo = {"id_grupo": "GX", "id_cras": "55555555555", "ciclo": "ate_6", "capacidade": 10}
    montar_pasta(tmp_path, rma_limpo() + [intruso, antigo], grupos_extras=[grupo | {"encontros_semanais": 1}])
    assert do_codigo(alertas(tmp_path), "CRZ-02") == [
        {"id_cras": "33333333333", "arquivo": "rma_cras.csv"},  # the March-only code is not of this month
        {"id_cras": "55555555555", "arquivo": "scfv_grupos.csv"},
    ]
    # the intruder's form is CRZ-02's alone: no other check looks at it
    assert set(alertas(tmp_path).loc[lambda t: t["id_cras"] == "33333333333", "codigo"]) == {"CRZ-02"}


def test_frq01_presencas_acima_dos_encontros_possiveis(tmp_path):
    """A 2-a-week group in December (31 days: a weekday occurs at most 5 times) holds at most 10 encounters."""
    linha = {"id_participante": "PA200", "mes_referencia": DEZ}
    montar_pasta(tmp_path, frequencia=[linha | {"encontros_previstos": 10, "presencas": 10}])
    assert do_codigo(alertas(tmp_path), "FRQ-01") == []
    montar_pasta(tmp_path, frequencia=[linha | {"encontros_previstos": 11, "presencas": 11}])
    assert do_codigo(alertas(tmp_path), "FRQ-01") == [
        {
            "id_cras": A,
            "grupo": "GA2",
            "valor": 11.0,
            "referencia": 10.0,
            "pessoas": 1.0,
            "arquivo": "scfv_frequencia.csv",
        }
    ]


def test_frq01_fevereiro_tem_no_maximo_quatro_semanas(tmp_path):
    """February 2025 has 28 days: at most 4 × 2 = 8 encounters; 9 presences is above."""
    linha = {
        "id_participante": "PA200",
        "mes_referencia": "2025-02",
        "encontros_previstos": 9,
        "presencas": 9,
    }
    montar_pasta(tmp_path, frequencia=[linha])
    assert [a["referencia"] for a in do_codigo(alertas(tmp_path, "2025-02"), "FRQ-01")] == [8.0]


def test_sem_arquivos_do_scfv_as_verificacoes_do_scfv_nao_acham_nada(tmp_path):
    montar_pasta(tmp_path, com(rma_limpo(), A, DEZ, d5=90))
    for nome in ("scfv_grupos.csv", "scfv_participantes.csv", "scfv_frequencia.csv"):
        (tmp_path / nome).unlink()
    tabela = alertas(tmp_path)
    assert not set(tabela["codigo"]) & {"RMA-05", "CRZ-01", "FRQ-01"}
    assert set(tabela["codigo"]) == {"RMA-02"}  # D.5 = 90 is still far from its history (15)


def test_alertas_por_severidade(tmp_path):
    rma = [
        r for r in com(rma_limpo(), A, DEZ, b2=11, c1=400) if (r["id_cras"], r["mes_referencia"]) != (B, DEZ)
    ]
    tabela = alertas(montar_pasta(tmp_path, rma))
    assert list(tabela["codigo"]) == ["ENV-01", "RMA-02", "RMA-04"]  # catalogue order
    assert v.por_severidade(tabela) == {"grave": 2, "moderada": 1}
