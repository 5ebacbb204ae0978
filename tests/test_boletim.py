"""The monthly bulletin (cras_lib.documentos.boletim): month selection, a month in which a CRAS did not report,
suppression of small counts, the example's planted alerts, the params file."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from apoio.verificacoes import DEZ, A, B, com, montar_pasta, rma_limpo

from cras_lib.apresentacao.exibicao import Figura, Tabela
from cras_lib.calculo import rma_mensal
from cras_lib.dados import exemplo as gerador
from cras_lib.dados.municipio import carregar_municipio
from cras_lib.documentos.boletim import documento as doc
from cras_lib.erros import ArgumentoInvalido, ParametrosInvalidos
from cras_lib.parametros.boletim import PADRAO, carregar_parametros_boletim

SECOES = (doc.cabecalho, doc.envio, doc.alertas, doc.numeros, doc.scfv, doc.notas)


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def boletim(pasta, mes=None, limiar=5) -> doc.BoletimMensal:
    m = carregar_municipio(pasta)
    return doc.montar(
        municipio=m, municipio_nome="Teste", uf="MG", limiar_supressao=limiar, mes_referencia=mes
    )


def tabela(blocos, inicio: str) -> pd.DataFrame:
    return next(b.dados for b in blocos if isinstance(b, Tabela) and b.legenda.startswith(inicio))


# --- month selection


def test_mes_padrao_e_o_ultimo_do_arquivo_mesmo_se_um_cras_nao_enviou():
    rma = pd.DataFrame(
        {
            "id_cras": ["a", "a", "b"],
            "mes_referencia": pd.PeriodIndex(["2025-10", "2025-11", "2025-10"], freq="M"),
        }
    )
    assert rma_mensal.mes_de_referencia(rma) == pd.Period("2025-11", "M")
    assert rma_mensal.mes_de_referencia(rma, "") == pd.Period("2025-11", "M")
    assert rma_mensal.mes_de_referencia(rma, "2025-06") == pd.Period("2025-06", "M")


@pytest.mark.parametrize("mes", ["2025-13", "12/2025", "dezembro"])
def test_mes_invalido_e_erro_em_portugues(mes):
    rma = pd.DataFrame({"mes_referencia": pd.PeriodIndex(["2025-10"], freq="M")})
    with pytest.raises(ArgumentoInvalido, match="mês de referência do boletim inválido"):
        rma_mensal.mes_de_referencia(rma, mes)


def test_rma_vazio_sem_mes_e_erro():
    with pytest.raises(ArgumentoInvalido, match="informe o mês de referência"):
        rma_mensal.mes_de_referencia(pd.DataFrame({"mes_referencia": pd.PeriodIndex([], freq="M")}))


def test_montar_usa_o_ultimo_mes_ou_o_pedido(tmp_path):
    montar_pasta(tmp_path)
    assert boletim(tmp_path).mes == pd.Period(DEZ, "M")
    assert boletim(tmp_path, "2025-07").mes == pd.Period("2025-07", "M")


# --- a month in which a CRAS did not report


@pytest.fixture
def sem_beta(tmp_path) -> doc.BoletimMensal:
    """CRAS Beta did not send November nor December; CRAS Alfa sent everything (A.1 = 100, C.6 = 9)."""
    rma = [r for r in rma_limpo() if not (r["id_cras"] == B and r["mes_referencia"] in ("2025-11", DEZ))]
    return boletim(montar_pasta(tmp_path, rma))


def test_envio_mostra_o_cras_que_nao_enviou(sem_beta):
    blocos = doc.envio(sem_beta)
    assert "1 dos 2 CRAS enviaram o RMA; falta o RMA de CRAS Beta." in blocos[1]
    envio = tabela(blocos, "Envio do RMA")
    assert envio.to_dict("list") == {
        "CRAS": ["CRAS Alfa", "CRAS Beta"],
        "RMA de dez/2025": ["enviado", "não enviado"],
        "Meses sem envio nos últimos 12": ["0", "2"],
        "Meses seguidos sem envio": ["0", "2"],
    }


def test_alerta_do_cras_que_nao_enviou_diz_o_que_verificar(sem_beta):
    textos = doc.textos_dos_alertas(sem_beta)
    assert textos.to_dict("records") == [
        {
            "severidade": "grave",
            "codigo": "ENV-01",
            "cras": "CRAS Beta",
            "achado": "RMA de dezembro de 2025 não enviado; sem envio há 2 meses",
            "verificar": "Cobrar do CRAS o envio do RMA de dezembro de 2025 e conferir se a linha do mês está "
            "em rma_cras.csv (código do CRAS igual ao de unidades.csv).",
        }
    ]
    assert "1 alerta nos dados de dezembro de 2025 (1 grave)" in doc.alertas(sem_beta)[1]


def test_numeros_do_mes_sem_o_cras_que_nao_enviou(sem_beta):
    """A.1: Alfa 100 in every month; Beta missing in December (and November): municipal = Alfa alone; against
    December 2024 (both reported 100) the same base is Alfa's 100 -> 0 %."""
    a1 = tabela(doc.numeros(sem_beta), "A.1")
    assert a1.to_dict("list") == {
        "CRAS": ["CRAS Alfa", "CRAS Beta", "Município (mesma base)"],
        "dez/2025": ["100", "sem dados", "100"],
        "nov/2025": ["100", "sem dados", "100"],
        "Variação sobre nov/2025": ["0 %", "sem dados", "0 %"],
        "dez/2024": ["sem dados", "sem dados", "sem dados"],
        "Variação sobre dez/2024": ["sem dados", "sem dados", "sem dados"],
    }


def test_todas_as_secoes_montam_com_legendas_e_textos_alternativos(sem_beta):
    blocos = [b for secao in SECOES for b in secao(sem_beta)]
    tabelas = [b for b in blocos if isinstance(b, Tabela)]
    figuras = [b for b in blocos if isinstance(b, Figura)]
    assert all(t.legenda for t in tabelas)
    assert len(figuras) == len(PADRAO.itens_principais)  # one small-multiples chart per main item
    for f in figuras:
        assert f.alt.startswith("Gráficos de linhas, um por unidade") and "CRAS Beta" in f.alt
        largura, _altura = f.fig.get_size_inches()
        assert largura <= 7.5  # inside the A4 text width
        assert getattr(f.fig, "number", None) is None  # its own canvas: not a pyplot figure


# --- suppression


def test_contagens_pequenas_e_suas_variacoes_sao_omitidas(tmp_path):
    """C.6 of Alfa: 3 in December (< 5) against 9 in November: the count reads '< 5' and the change is not
    shown; the municipal C.6 (3 + 9 = 12) is shown, its change on the same base (12 / 18 − 1) too."""
    b = boletim(montar_pasta(tmp_path, com(rma_limpo(), A, DEZ, c6=3)))
    c6 = tabela(doc.numeros(b), "C.6")
    assert c6["dez/2025"].tolist() == ["< 5", "9", "12"]
    assert c6["Variação sobre nov/2025"].tolist() == [doc.OMITIDA, "0 %", "-33,3 %"]
    figura = next(
        f for f in doc.numeros(b) if isinstance(f, Figura) and f.alt.startswith("Gráficos") and "C.6" in f.alt
    )
    assert "CRAS Alfa: menos de 5 em dez/2025" in figura.alt  # running text: no "<" sign


def test_limiar_vem_do_parametro(tmp_path):
    b = boletim(montar_pasta(tmp_path), limiar=10)
    assert tabela(doc.numeros(b), "C.6")["dez/2025"].tolist() == ["< 10", "< 10", "18"]


def test_scfv_no_fim_do_mes(tmp_path):
    """CRAS Alfa: 55 active users, 3 left in November (so 52 at the end of December), capacity 12 + 25 + 12 +
    20 = 69; no entry or exit in December."""
    b = boletim(montar_pasta(tmp_path, saidas_em_novembro=3))
    scfv = tabela(doc.scfv(b), "SCFV por CRAS")
    assert scfv.iloc[0].tolist() == ["CRAS Alfa", "0", "0", "52", "69", "75,4 %", "0 %"]
    assert scfv.iloc[2].tolist() == ["Município", "0", "0", "107", "138", "77,5 %", "0 %"]


def test_sem_lista_do_scfv_a_secao_diz_que_foi_omitida(tmp_path):
    montar_pasta(tmp_path)
    (tmp_path / "scfv_participantes.csv").unlink()
    (tmp_path / "scfv_frequencia.csv").unlink()
    assert "parte omitida porque o arquivo `scfv_participantes.csv`" in doc.scfv(boletim(tmp_path))[1]


# --- the example municipality


def test_boletim_do_exemplo_tem_exatamente_os_alertas_plantados(exemplo):
    """Every alert of data/exemplo/LEIAME.md, and no other, in the bulletin of the example's last month."""
    b = doc.montar(municipio=carregar_municipio(exemplo), municipio_nome="Vale Serrano", uf="MG")
    assert str(b.mes) == gerador.MES_ALERTAS
    achados = set(zip(b.alertas["codigo"], b.alertas["id_cras"], strict=True))
    plantados = {
        (codigo, gerador.CODIGO_TROCADO if codigo == "CRZ-02" else gerador.CRAS[seq - 1].id_cras)
        for codigo, seq, _ in gerador.ALERTAS_PLANTADOS
    }
    # the D.5 of Jardim das Acácias is also far from its own history (RMA-02) and C.1 of Cidade Jardim is RMA-02
    assert achados == plantados | {("RMA-02", gerador.CRAS[5].id_cras)}
    assert {c for c, _ in achados} == set(doc.CATALOGO)  # at least one alert of each kind
    assert b.por_severidade == {"grave": 3, "moderada": 7}


def test_leiame_do_exemplo_lista_os_alertas_plantados(exemplo):
    leiame = (exemplo / "LEIAME.md").read_text(encoding="utf-8")
    for codigo, _seq, _texto in gerador.ALERTAS_PLANTADOS:
        assert f"**{codigo}**" in leiame


# --- params/boletim.yaml


def test_params_do_exemplo_sao_os_padroes(raiz):
    assert carregar_parametros_boletim(raiz / "params" / "boletim.yaml") == PADRAO
    assert carregar_parametros_boletim(None) == PADRAO


def test_params_invalidos_listam_todos_os_problemas(tmp_path):
    arquivo = tmp_path / "boletim.yaml"
    arquivo.write_text(
        "k_mad: -1\nmeses_historico: doze\nitens_principais: [a1, z9]\nextra: 1\n", encoding="utf-8"
    )
    with pytest.raises(ParametrosInvalidos) as erro:
        carregar_parametros_boletim(arquivo)
    assert [(p.caminho, p.mensagem.split()[0]) for p in erro.value.problemas] == [
        (("k_mad",), "valor"),
        (("meses_historico",), "valor"),
        (("itens_principais", "2º item"), "valor"),
        ((), "chave"),
    ]
    mensagem = str(erro.value)
    assert "4 problemas" in mensagem and "boletim.yaml" in mensagem
    for trecho in (
        "deve ser maior que 0",
        "deve ser um número inteiro",
        "item do formulário do RMA",
        "'extra'",
    ):
        assert trecho in mensagem


def test_historico_minimo_nao_passa_do_historico(tmp_path):
    arquivo = tmp_path / "boletim.yaml"
    arquivo.write_text("meses_historico: 6\nminimo_meses_historico: 8\n", encoding="utf-8")
    with pytest.raises(ParametrosInvalidos, match="minimo_meses_historico não pode ser maior"):
        carregar_parametros_boletim(arquivo)
