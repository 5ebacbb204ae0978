"""IDCRAS importers: the published xlsx (python-calamine) and the Censo SUAS Dados Gerais -> estrutura_cras.csv."""

from __future__ import annotations

import pandas as pd
import pytest
from apoio.xlsx_minimo import gravar_xlsx

from cras_lib.dados.contrato import ESTRUTURA_CRAS, IDCRAS_PUBLICADO
from cras_lib.dados.importacao.estrutura import estrutura_de_dados_gerais, gravar_estrutura
from cras_lib.dados.importacao.idcras_publicado import gravar_idcras_publicado, ler_idcras_publicado
from cras_lib.dados.leitura import ler_arquivo
from cras_lib.erros import DadosInvalidos

TITULO = [["Ministério do Desenvolvimento e Assistência Social"], [], ["IDCRAS - Censo SUAS"], [], [], []]
CABECALHO_2023 = [
    "Nº IDENTIFICADOR do CRAS",
    "Código IBGE",
    "Porte",
    "Estrutura Física",
    "Recursos Humanos",
    "Serviços ",
    "IDCRAS",
]


def test_planilha_de_2023_com_seis_linhas_de_titulo(tmp_path):
    caminho = tmp_path / "IDCRAS_2023.xlsx"
    gravar_xlsx(
        caminho,
        [
            *TITULO,
            CABECALHO_2023,
            [31799900001, 317999, 4, 5, 3, 4, 4.0],
            ["31799900002", "317999", "4", "2", "5", "5", "4,00"],
            [41000000001, 410000, 1, 1, 1, 1, 1],  # another municipality
            [],
            ["Fonte: Censo SUAS 2023"],  # footnote without a CRAS code
        ],
    )
    tabela = ler_idcras_publicado(caminho, municipio_ibge="3179990")
    assert list(tabela.columns) == [c.nome for c in IDCRAS_PUBLICADO.colunas]
    assert list(tabela["id_cras"]) == ["31799900001", "31799900002"]
    assert list(tabela["ano"]) == [2023, 2023]
    assert list(tabela["estrutura_fisica"]) == [5, 2] and list(tabela["servicos_beneficios"]) == [4, 5]
    assert list(tabela["valor_idcras"]) == [4.0, 4.0]
    # written and read back through the contract
    destino = gravar_idcras_publicado(tabela, tmp_path)
    lida, problemas = ler_arquivo(destino, IDCRAS_PUBLICADO)
    assert problemas == [] and list(lida["recursos_humanos"]) == [3, 5]


def test_nomes_de_colunas_de_anos_anteriores_casam_por_apelido(tmp_path):
    caminho = tmp_path / "idcras_antigo.xlsx"
    gravar_xlsx(
        caminho,
        [
            ["IDCRAS 2014"],
            [
                "NU_IDENTIFICADOR",
                "IBGE7",
                "Dimensão Estrutura Física",
                "RH",
                "Serviços e Benefícios",
                "IDCRAS 2014",
            ],
            [31799900001, 3179990, 3, 4, 2, 3],
        ],
    )
    tabela = ler_idcras_publicado(caminho)
    assert tabela.iloc[0][
        ["ano", "estrutura_fisica", "recursos_humanos", "servicos_beneficios"]
    ].tolist() == [
        2014,
        3,
        4,
        2,
    ]
    assert tabela.iloc[0]["valor_idcras"] == 3.0


def test_valores_invalidos_dao_linha_e_coluna_da_planilha(tmp_path):
    caminho = tmp_path / "IDCRAS_2023.xlsx"
    gravar_xlsx(
        caminho, [*TITULO, CABECALHO_2023, [31799900001, 317999, 4, 7, 3, 4, 4.0], [123, 1, 1, 1, 1, 1, 1]]
    )
    with pytest.raises(DadosInvalidos) as erro:
        ler_idcras_publicado(caminho)
    problemas = [(p.linha, p.coluna) for p in erro.value.problemas]
    assert problemas == [(8, "Estrutura Física"), (9, "Nº IDENTIFICADOR do CRAS")]


def test_planilha_sem_cabecalho_do_idcras(tmp_path):
    caminho = tmp_path / "outra.xlsx"
    gravar_xlsx(caminho, [["a", "b"], [1, 2]])
    with pytest.raises(DadosInvalidos, match="cabeçalho do IDCRAS não encontrado"):
        ler_idcras_publicado(caminho)


# --- Censo SUAS Dados Gerais -> estrutura_cras.csv


def dados_gerais():
    return pd.DataFrame(
        {
            "NU_IDENTIFICADOR": ["31799900002", "31799900001", "41000000001"],
            "q0_1": ["CRAS B", "CRAS A", "CRAS C"],
            "q1": [" 5.000", " 2.500", " 3.500"],
            "Porte_pop2022": [" Grande", " Grande", " Pequeno I"],
            "q5_1": [" Sim", " Não", " Sim"],
            "q6": ["3", "x", "2"],
        }
    )


def test_dados_gerais_preenche_o_que_o_layout_confirma_e_lista_o_resto():
    r = estrutura_de_dados_gerais(dados_gerais(), ano=2024, ids=["31799900001", "31799900002"])
    assert list(r.linhas.columns) == [c.nome for c in ESTRUTURA_CRAS.colunas]
    assert list(r.linhas["id_cras"]) == ["31799900001", "31799900002"]
    assert list(r.linhas["capacidade"]) == ["2500", "5000"]
    assert list(r.linhas["porte_municipio"]) == ["grande", "grande"]
    assert list(r.linhas["ano_referencia"]) == ["2024", "2024"]
    assert "salas_atendimento" in r.nao_preenchidos and "vinculo_creas" in r.nao_preenchidos
    assert "capacidade" not in r.nao_preenchidos
    assert "complete à mão" in r.resumo


def test_mapa_informado_converte_pelo_tipo_do_campo():
    r = estrutura_de_dados_gerais(dados_gerais(), mapa={"recepcao": "q5_1", "salas_atendimento": "q6"})
    assert list(r.linhas["recepcao"]) == ["nao", "sim", "sim"]
    assert list(r.linhas["salas_atendimento"]) == ["", "3", "2"]
    assert r.avisos == ["CRAS 31799900001: valor 'x' de q6 não reconhecido para salas_atendimento"]


def test_gravar_estrutura_mantem_o_preenchido_a_mao(tmp_path):
    (tmp_path / "estrutura_cras.csv").write_text(
        "id_cras;capacidade;veiculo\n31799900001;3500;sim\n31799900009;;nao\n", encoding="utf-8"
    )
    r = estrutura_de_dados_gerais(dados_gerais(), ids=["31799900001", "31799900002"])
    destino = gravar_estrutura(r, tmp_path)
    tabela, problemas = ler_arquivo(destino, ESTRUTURA_CRAS)
    assert problemas == []
    por_id = tabela.set_index("id_cras")
    assert por_id.loc["31799900001", "capacidade"] == "2500"  # the imported value replaces the old one
    assert bool(por_id.loc["31799900001", "veiculo"]) is True  # the hand-filled value is kept
    assert bool(por_id.loc["31799900009", "veiculo"]) is False
    assert por_id.loc["31799900002", "capacidade"] == "5000"
