"""The publication guard (issue "Safe to publish"): personal values matched after normalising digits, dates and
names (§3), and active markup refused as a second line of defence behind escaping (§1); each finding names the
field and file it comes from."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pandas as pd
import pytest

from cras_lib.execucao.guarda import GuardaPrivacidade, descrever_achados, marcacao_ativa


@pytest.fixture
def guarda():
    municipio = SimpleNamespace(
        unidades=pd.DataFrame(
            {
                "id_cras": ["31799900001", "31799900002"],
                "nome": ["CRAS Vila Nova", "Maria Aparecida Souza"],
                "territorio": ["Vila Nova", "Centro"],
                "endereco": ["Rua Maria Souza, 10", "Avenida Brasil, 1"],
            }
        ),
        equipes=pd.DataFrame({"id_cras": ["31799900001"], "nome": ["Juliana Modelo Esboço"], "cpf": [pd.NA]}),
        scfv_participantes=pd.DataFrame(
            {
                "nome": ["Maria Aparecida da Silva Souza", "Vitória Campos"],
                "nis": ["28789514229", pd.NA],
                "cpf": ["924.984.523-55", pd.NA],
                "data_nascimento": pd.to_datetime(["2020-08-22", "2019-01-05"]),
            }
        ),
    )
    return GuardaPrivacidade.do_municipio(municipio, datas_permitidas={dt.date(2025, 12, 31)})


def _tipos(guarda, trecho: str) -> list[str]:
    return [
        a.tipo for a in guarda.verificar(f"<html><body><p>Relatório do mês</p><p>{trecho}</p></body></html>")
    ]


@pytest.mark.parametrize(
    "trecho",
    [
        "Participante: Maria Souza.",  # first and last name only
        "SOUZA, Maria",  # surname first
        "maria de souza",  # particle between, lower case
        "MARÍA SOUZA",  # accents do not matter
        "Maria Aparecida da Silva Souza",  # the full name
        "Juliana <b>Modelo</b> Esboço",  # markup between the words
    ],
)
def test_nome_parcial_ou_invertido_e_encontrado(guarda, trecho):
    assert _tipos(guarda, trecho) == ["nome"]


@pytest.mark.parametrize(
    "trecho",
    [
        "CPF 924 984 523 55",
        "CPF 92498452355",
        "CPF 924.984.523-55",
        "NIS 287 8951 4229",
        "NIS 287.89514.22-9",
        "NIS 2878951\u00a04229",
    ],
)
def test_cpf_e_nis_com_espacos_ou_sem_pontuacao(guarda, trecho):
    assert _tipos(guarda, trecho) == ["CPF ou NIS"]


@pytest.mark.parametrize(
    "trecho",
    [
        "22.08.2020",
        "2020/08/22",
        "22/08/2020",
        "2020-08-22",
        "22-08-2020",
        "20200822",
        "22 de agosto de 2020",
    ],
)
def test_data_de_nascimento_em_qualquer_formato(guarda, trecho):
    assert _tipos(guarda, f"nascida em {trecho}") == ["data de nascimento"]


@pytest.mark.parametrize(
    "trecho",
    [
        "Endereço: Rua Maria Souza, 10",  # a street named like a participant
        "Escola Municipal Dr. Maria Souza",  # a school, with a title before the name
        "Território: Vila Nova; Campos de Vitória",  # common words are not a person
        "Maria coordena; Souza é o sobrenome mais comum",  # the words far apart
        "Em 2020 foram 8 22 atendimentos",  # digits that only resemble a date
        "Em 31/12/2025 (data de referência)",  # a date the run prints itself
    ],
)
def test_palavras_comuns_e_nomes_de_rua_nao_bloqueiam(guarda, trecho):
    assert _tipos(guarda, trecho) == []


def test_achado_diz_campo_e_arquivo_para_o_analista_corrigir(guarda):
    """The unit named like a participant: the message names the personal field and the unit's field."""
    achados = guarda.verificar("<h1>Maria Aparecida Souza</h1>")
    mensagem = descrever_achados(achados)
    assert mensagem == (
        "o HTML contém dados pessoais das entradas (nome de scfv_participantes.csv (coluna 'nome'), presente em "
        "unidades.csv, coluna 'nome', id_cras 31799900002); o documento não foi publicado"
    )
    assert "Aparecida" not in mensagem


def test_achado_de_cpf_diz_a_coluna(guarda):
    (achado,) = guarda.verificar("<td>924 984 523 55</td>")
    assert str(achado) == "CPF ou NIS de scfv_participantes.csv (coluna 'cpf')"


# --- active markup (§1, second line of defence) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("pagina", "tipo"),
    [
        ("<p>a</p><script>alert(1)</script>", "elemento script"),
        ("<SCRIPT src=x></SCRIPT>", "elemento script"),
        ('<img src="x" onerror="alert(1)">', "atributo de evento (on…=)"),
        ("<svg/onload=alert(1)>", "atributo de evento (on…=)"),
        ('<a href="javascript:alert(1)">x</a>', "URL javascript:"),
        ('<a href=" JaVa&#x09;ScRiPt:alert(1)">x</a>', "URL javascript:"),
        ('<img src="http://host/x.png" alt="x">', "recurso de rede"),
        ('<img src="//host/x.png" alt="x">', "recurso de rede"),
        ('<a href="https://host/">x</a>', "recurso de rede"),
        ('<p style="background:url(http://host/x.png)">x</p>', "recurso de rede"),
        ("<style>@import 'https://host/a.css';</style>", "recurso de rede"),
        ('<iframe src="data:text/html,x"></iframe>', "elemento iframe"),
        ('<meta http-equiv="refresh" content="0;url=x">', "redirecionamento (meta refresh)"),
    ],
)
def test_marcacao_ativa_e_recusada(pagina, tipo):
    assert [a.tipo for a in marcacao_ativa(pagina)] == [tipo]


@pytest.mark.parametrize(
    "pagina",
    [
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",  # escaped: shown as text
        '<p>&lt;img src=x onerror=alert(1)&gt;</p><img alt="onerror=alert(1)" src="data:image/png;base64,AAAA">',
        "<p>[x](javascript:alert(1)) e ![x](http://host/x.png)</p>",  # text, not links
        '<a href="cras/31799900001.html">CRAS</a> <a href="../index.html">voltar</a> <a href="#s1">seção</a>',
    ],
)
def test_texto_escapado_e_links_locais_passam(pagina):
    assert marcacao_ativa(pagina) == []


def test_marcacao_ativa_nomeia_o_campo_de_onde_veio(guarda):
    guarda = GuardaPrivacidade(
        [],
        [],
        [],
        campos=[("unidades.csv, coluna 'endereco', id_cras 31799900001", "Rua <img src=x onerror=1>")],
    )
    mensagem = descrever_achados(guarda.verificar("<p>Rua <img src=x onerror=1></p>"))
    assert mensagem == (
        "o HTML contém marcação ativa (atributo de evento (on…=) de unidades.csv, coluna 'endereco', "
        "id_cras 31799900001); o documento não foi publicado"
    )
