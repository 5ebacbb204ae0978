"""Reading one file by the data contract (docs/contrato-de-dados.md, "Regras de leitura").

The tables are written the way a municipality's export might be by the builders of ``apoio.tabelas``
(``Estilo``, ``como_texto``, ``escrever``, ``amostra``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from apoio.tabelas import (
    AMOSTRAS,
    FORMATOS_MES,
    ID1,
    ID2,
    LATIN1_BR,
    UTF8_BOM_VIRGULA,
    Estilo,
    amostra,
    como_texto,
    escrever,
)

from cras_lib.dados import contrato
from cras_lib.dados.leitura import LIMITE_POR_COLUNA, ler_arquivo, ler_bytes
from cras_lib.erros import Problema


def ler(caminho: Path) -> tuple[pd.DataFrame | None, list[Problema]]:
    return ler_arquivo(caminho, contrato.POR_NOME[caminho.name.lower()])


def unico(problemas: list[Problema]) -> Problema:
    assert len(problemas) == 1, "\n".join(map(str, problemas))
    return problemas[0]


def ler_com_valor(
    tmp_path: Path, nome: str, linha: int, coluna: str, valor: str, estilo: Estilo = Estilo()
) -> Problema:
    """The one problem of the sample of ``nome`` with one cell replaced (``linha``: file line, header = 1).

    Asserts that the message starts by naming the file, the line and the column.
    """
    texto = como_texto(amostra(nome), estilo)
    texto.loc[linha - 2, coluna] = valor
    _, problemas = ler(escrever(tmp_path, nome, texto, estilo))
    assert str(unico(problemas)).startswith(f"arquivo {nome}, linha {linha}, coluna '{coluna}': ")
    return unico(problemas)


# --- every contract file, in the two typical export styles ---------------------------------------------


@pytest.mark.parametrize(
    "estilo", [LATIN1_BR, UTF8_BOM_VIRGULA, Estilo()], ids=["latin1-br", "utf8bom-virgula", "padrao"]
)
@pytest.mark.parametrize("nome", sorted(AMOSTRAS))
def test_cada_arquivo_lido_volta_a_tabela_tipada(tmp_path, nome, estilo):
    esperado = amostra(nome)
    tabela, problemas = ler(escrever(tmp_path, nome, esperado, estilo))
    assert problemas == []
    pd.testing.assert_frame_equal(tabela, esperado)


def test_dtypes_da_interface(tmp_path):
    # The dtypes promised to the notebooks (CONTEXTO.md, "The loaded municipality"), as read from files.
    inscricoes = ler(escrever(tmp_path, "inclusao_produtiva.csv", amostra("inclusao_produtiva.csv")))[0]
    participantes = ler(escrever(tmp_path, "scfv_participantes.csv", amostra("scfv_participantes.csv")))[0]
    rma = ler(escrever(tmp_path, "rma_cras.csv", amostra("rma_cras.csv")))[0]
    assert [
        str(inscricoes[c].dtype) for c in ("id_cras", "modulo", "ano", "horas_previstas", "gerando_renda")
    ] == [
        "string",
        "string",
        "Int64",
        "Float64",
        "boolean",
    ]
    assert str(participantes["data_saida"].dtype) == "datetime64[ns]"
    assert str(participantes["situacoes_prioritarias"].dtype) == "string"
    assert [str(rma[c].dtype) for c in ("mes_referencia", "a1", "d8")] == ["period[M]", "Int64", "Int64"]


def test_latin1_com_ponto_e_virgula_e_decimal_com_virgula(tmp_path):
    caminho = tmp_path / "custos.csv"
    texto = "Cód. CRAS;Ano;Serviço;Fonte;Valor\n01234567890;2025;Inclusão Produtiva;Federal;1.234,5\n"
    caminho.write_bytes(texto.encode("latin-1"))
    tabela, problemas = ler(caminho)
    assert problemas == []
    assert tabela.loc[0, "id_cras"] == "01234567890"  # 'Cód. CRAS' is the alias cod_cras
    assert tabela.loc[0, "servico"] == "inclusao_produtiva"
    assert tabela.loc[0, "valor"] == 1234.5


def test_utf8_com_bom_e_virgula(tmp_path):
    caminho = tmp_path / "unidades.csv"
    texto = (
        "id_cras,nome,territorio,familias_referenciadas,"
        "horas_semanais_funcionamento,dias_semana_funcionamento,endereco\n"
        '01234567890,CRAS São José,"Vila Ipê, Centro",5000,40,5,"Rua A, 1"\n'
    )
    caminho.write_bytes(texto.encode("utf-8-sig"))
    tabela, problemas = ler(caminho)
    assert problemas == []
    assert list(tabela["id_cras"]) == ["01234567890"]  # the BOM did not stick to the first header
    assert tabela.loc[0, "territorio"] == "Vila Ipê, Centro"
    assert tabela["populacao_territorio"].isna().all()  # optional column absent: all missing


def test_byte_indefinido_no_windows_1252_lido_como_latin1(tmp_path):
    caminho = tmp_path / "scfv_grupos.csv"
    caminho.write_bytes(
        b"id_grupo;id_cras;ciclo;capacidade;encontros_semanais;horas_por_encontro\n"
        b"G\x81;01234567890;ate_6;10;1;2\n"
    )
    tabela, problemas = ler(caminho)
    assert problemas == []
    assert tabela.loc[0, "id_grupo"] == "G\x81"


@pytest.mark.parametrize(
    "conteudo, trecho",
    [
        ("id_cras;nome\n".encode("utf-16"), "UTF-16"),
        (b"id_cras;nome\n\x00\x01\x02;x\n", "UTF-16 ou ser binário"),
        (b"PK\x03\x04\x14\x00", "planilha Excel"),
    ],
    ids=["utf16", "binario", "xlsx"],
)
def test_arquivo_utf16_ou_binario_erro_claro(conteudo, trecho):
    tabela, problemas = ler_bytes(conteudo, "unidades.csv", contrato.UNIDADES)
    assert tabela is None
    assert trecho in str(unico(problemas)) and str(unico(problemas)).startswith("arquivo unidades.csv:")


# --- headers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cabecalho_id, cabecalho_mes, cabecalho_a1",
    [
        ("id_cras", "Mês Referência", "A.1"),
        ("nu_identificador", "MES-REFERENCIA", "a1"),
        ("COD_CRAS", "mes referencia", "A1"),
        ("Id Cras", "mês_referência", "a_1"),
    ],
)
def test_grafias_do_cabecalho(tmp_path, cabecalho_id, cabecalho_mes, cabecalho_a1):
    estilo = Estilo(cabecalhos={"id_cras": cabecalho_id, "mes_referencia": cabecalho_mes, "a1": cabecalho_a1})
    tabela, problemas = ler(escrever(tmp_path, "rma_cras.csv", amostra("rma_cras.csv"), estilo))
    assert problemas == []
    pd.testing.assert_frame_equal(tabela, amostra("rma_cras.csv"))


def test_colunas_extras_mantidas_rma_dn_como_inteiro(tmp_path):
    texto = como_texto(amostra("rma_cras.csv")).rename(columns={"d8": "D.8"})
    texto["Observação do técnico"] = ["ok", "", "revisar"]
    tabela, problemas = ler(escrever(tmp_path, "rma_cras.csv", texto))
    assert problemas == []
    assert list(tabela.columns[-2:]) == ["d8", "Observação do técnico"]
    assert str(tabela["d8"].dtype) == "Int64" and tabela["d8"].tolist() == [3, pd.NA, 1]
    assert str(tabela["Observação do técnico"].dtype) == "string"
    assert tabela["Observação do técnico"].tolist() == ["ok", pd.NA, "revisar"]


def test_coluna_de_arquivo_em_outra_ordem_sai_na_ordem_do_contrato(tmp_path):
    texto = como_texto(amostra("scfv_grupos.csv"))
    tabela, problemas = ler(escrever(tmp_path, "scfv_grupos.csv", texto[texto.columns[::-1]]))
    assert problemas == []
    pd.testing.assert_frame_equal(tabela, amostra("scfv_grupos.csv"))


def test_coluna_obrigatoria_ausente(tmp_path):
    texto = como_texto(amostra("rma_cras.csv")).drop(columns=["mes_referencia"])
    _, problemas = ler(escrever(tmp_path, "rma_cras.csv", texto))
    assert str(unico(problemas)).startswith(
        "arquivo rma_cras.csv, linha 1, coluna 'mes_referencia': coluna obrigatória"
    )


def test_coluna_id_cras_ausente_cita_os_apelidos(tmp_path):
    texto = como_texto(amostra("equipes.csv")).drop(columns=["id_cras"])
    problema = unico(ler(escrever(tmp_path, "equipes.csv", texto))[1])
    assert (problema.linha, problema.coluna) == (1, "id_cras")
    assert "nu_identificador" in problema.mensagem and "cod_cras" in problema.mensagem


def test_coluna_opcional_ausente_nao_e_erro(tmp_path):
    texto = como_texto(amostra("equipes.csv")).drop(columns=["nome", "cpf"])
    tabela, problemas = ler(escrever(tmp_path, "equipes.csv", texto))
    assert problemas == []
    assert tabela["nome"].isna().all() and str(tabela["nome"].dtype) == "string"


def test_cabecalho_repetido_por_apelido(tmp_path):
    texto = como_texto(amostra("custos.csv"))
    texto.insert(1, "cod_cras", texto["id_cras"])
    problema = unico(ler(escrever(tmp_path, "custos.csv", texto))[1])
    assert str(problema).startswith(
        "arquivo custos.csv, linha 1, coluna 'cod_cras': a coluna 'id_cras' aparece duas vezes"
    )


def test_separador_sobrando_no_fim_das_linhas_ignorado(tmp_path):
    caminho = tmp_path / "scfv_frequencia.csv"
    caminho.write_text(
        "id_participante;mes_referencia;encontros_previstos;presencas;\nP1;2025-01;8;7;\n\nP2;2025-01;8;8;\n"
    )
    tabela, problemas = ler(caminho)
    assert problemas == []
    assert list(tabela.columns) == ["id_participante", "mes_referencia", "encontros_previstos", "presencas"]
    assert tabela["presencas"].tolist() == [7, 8]  # the blank line is dropped


# --- numbers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "escrito, valor",
    [
        ("1.234,5", 1234.5),
        ("1234,5", 1234.5),
        ("1234.5", 1234.5),
        ("1.234.567,89", 1234567.89),
        ("R$ 1.234,56", 1234.56),
        ("R$\u00a01.234,56", 1234.56),
        ("12", 12.0),
        ("", None),
    ],
)
def test_numeros_reais(tmp_path, escrito, valor):
    caminho = tmp_path / "custos.csv"
    caminho.write_text(
        f'id_cras;ano;servico;fonte;valor\n{ID1};2025;paif;federal;"{escrito}"\n', encoding="utf-8"
    )
    tabela, problemas = ler(caminho)
    assert problemas == []
    assert (
        pd.isna(tabela.loc[0, "valor"]) if valor is None else tabela.loc[0, "valor"] == pytest.approx(valor)
    )


@pytest.mark.parametrize(
    "valores, esperado",
    [
        (["1.234", "12", "1.000.000"], [1234, 12, 1000000]),  # every dotted value is n.nnn: thousands
        (["1 234", "12", "7"], [1234, 12, 7]),  # space as thousands separator
        (["12.0", "3", ""], [12, 3, None]),  # not a thousands pattern: decimal point, integral values
        (["0", "", "5"], [0, None, 5]),  # empty cell is missing, never zero
    ],
)
def test_inteiros_separador_de_milhar_decidido_por_coluna(tmp_path, valores, esperado):
    texto = como_texto(amostra("rma_cras.csv"))
    texto["a1"] = valores
    tabela, problemas = ler(escrever(tmp_path, "rma_cras.csv", texto))
    assert problemas == []
    assert tabela["a1"].tolist() == [pd.NA if v is None else v for v in esperado]


def test_numero_invalido(tmp_path):
    problema = ler_com_valor(tmp_path, "rma_cras.csv", 4, "a1", "12a")
    assert str(problema) == "arquivo rma_cras.csv, linha 4, coluna 'a1': valor '12a' não é um número inteiro"


def test_inteiro_com_casas_decimais(tmp_path):
    problema = ler_com_valor(tmp_path, "unidades.csv", 3, "familias_referenciadas", "2,5")
    assert (problema.linha, problema.coluna) == (3, "familias_referenciadas")
    assert "'2,5' não é um número inteiro" in problema.mensagem


def test_contagem_grande_demais_para_ser_exata(tmp_path):
    # 2**53 + 1 has no exact float: a count that large is refused, not rounded (plain digits, no separator)
    problema = ler_com_valor(tmp_path, "rma_cras.csv", 4, "a1", "9007199254740993")
    assert str(problema) == (
        "arquivo rma_cras.csv, linha 4, coluna 'a1': valor '9007199254740993' não é um número inteiro"
    )


def test_contagem_negativa(tmp_path):
    problema = ler_com_valor(tmp_path, "cadunico_territorios.csv", 2, "pessoas_bpc", "-3")
    assert (
        str(problema)
        == "arquivo cadunico_territorios.csv, linha 2, coluna 'pessoas_bpc': contagem negativa: '-3'"
    )


@pytest.mark.parametrize(
    "nome, coluna, valor, trecho",
    [
        ("unidades.csv", "dias_semana_funcionamento", "8", "acima do máximo permitido (7)"),
        ("inclusao_produtiva.csv", "satisfacao", "0", "abaixo do mínimo permitido (1)"),
        ("inclusao_produtiva.csv", "fase", "3", "acima do máximo permitido (2)"),
        ("scfv_grupos.csv", "horas_por_encontro", "24.5", "acima do máximo permitido (24)"),
        ("custos.csv", "valor", "-10.00", "valor negativo não permitido: '-10.00'"),
    ],
)
def test_limites_do_contrato(tmp_path, nome, coluna, valor, trecho):
    problema = ler_com_valor(tmp_path, nome, 3, coluna, valor)
    assert (problema.arquivo, problema.linha, problema.coluna) == (nome, 3, coluna)
    assert trecho in problema.mensagem


# --- months and dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("escrito", ["2024-03", "202403", "03/2024", "3/2024", " 2024-03 "])
def test_formatos_de_mes(tmp_path, escrito):
    texto = como_texto(amostra("scfv_frequencia.csv"))
    texto.loc[0, "mes_referencia"] = escrito
    tabela, problemas = ler(escrever(tmp_path, "scfv_frequencia.csv", texto))
    assert problemas == []
    assert tabela.loc[0, "mes_referencia"] == pd.Period("2024-03", freq="M")


@pytest.mark.parametrize("estilo_mes", list(FORMATOS_MES))
def test_cada_formato_de_mes_no_arquivo_inteiro(tmp_path, estilo_mes):
    esperado = amostra("cadunico_territorios.csv")
    tabela, problemas = ler(escrever(tmp_path, "cadunico_territorios.csv", esperado, Estilo(mes=estilo_mes)))
    assert problemas == []
    pd.testing.assert_frame_equal(tabela, esperado)


@pytest.mark.parametrize("escrito", ["13/2024", "2024-00", "2024/03", "mar/2024", "20241"])
def test_mes_invalido(tmp_path, escrito):
    problema = ler_com_valor(tmp_path, "rma_cras.csv", 3, "mes_referencia", escrito)
    assert str(problema).startswith(
        f"arquivo rma_cras.csv, linha 3, coluna 'mes_referencia': mês '{escrito}' inválido"
    )


@pytest.mark.parametrize("escrito", ["2025-01-31", "31/01/2025", "31/1/2025"])
def test_formatos_de_data(tmp_path, escrito):
    texto = como_texto(amostra("scfv_participantes.csv"))
    texto.loc[1, "data_saida"] = escrito
    tabela, problemas = ler(escrever(tmp_path, "scfv_participantes.csv", texto))
    assert problemas == []
    assert tabela.loc[1, "data_saida"] == pd.Timestamp("2025-01-31")
    assert tabela["data_saida"].isna().tolist() == [True, False, True]  # active users keep NaT


@pytest.mark.parametrize("escrito", ["31/02/2025", "2025-13-01", "2025/01/31", "01-31-2025"])
def test_data_invalida(tmp_path, escrito):
    problema = ler_com_valor(tmp_path, "scfv_participantes.csv", 4, "data_entrada", escrito)
    assert str(problema).startswith(
        f"arquivo scfv_participantes.csv, linha 4, coluna 'data_entrada': data '{escrito}' inválida"
    )


# --- id_cras, codes, lists, yes/no --------------------------------------------------------------------


def test_id_cras_mantem_zeros_a_esquerda_e_ignora_espacos(tmp_path):
    texto = como_texto(amostra("equipes.csv"))
    texto.loc[1, "id_cras"] = " 012 345 678 90 "
    tabela, problemas = ler(escrever(tmp_path, "equipes.csv", texto))
    assert problemas == []
    assert tabela["id_cras"].tolist() == [ID1, ID1, ID2]


@pytest.mark.parametrize(
    "escrito, trecho",
    [
        ("3.1e+10", "notação científica"),
        ("1234567890", "tem 10 (zeros à esquerda perdidos?)"),
        ("0123456789X", "deve ter exatamente 11 dígitos"),
        ("", "o código do CRAS está vazio"),
    ],
)
def test_id_cras_invalido(tmp_path, escrito, trecho):
    problema = ler_com_valor(tmp_path, "equipes.csv", 4, "id_cras", escrito)
    assert (problema.arquivo, problema.linha, problema.coluna) == ("equipes.csv", 4, "id_cras")
    assert trecho in problema.mensagem and escrito in problema.mensagem


def test_categoria_grafias_variadas(tmp_path):
    texto = como_texto(amostra("equipes.csv"))
    texto["funcao"] = ["Coordenador", "Técnico Superior", "orientador-social"]
    texto["escolaridade"] = ["Pós-Graduação", "SUPERIOR", "médio"]
    tabela, problemas = ler(escrever(tmp_path, "equipes.csv", texto))
    assert problemas == []
    pd.testing.assert_frame_equal(tabela, amostra("equipes.csv"))


def test_categoria_desconhecida_cita_os_valores_aceitos(tmp_path):
    problema = ler_com_valor(tmp_path, "scfv_grupos.csv", 2, "ciclo", "adolescentes")
    assert (problema.linha, problema.coluna) == (2, "ciclo")
    assert (
        "'adolescentes'" in problema.mensagem
        and "ate_6, 6_a_15, 15_a_17, 18_a_29, 30_a_59, 60_mais" in problema.mensagem
    )


def test_lista_normalizada_na_ordem_do_contrato(tmp_path):
    texto = como_texto(amostra("scfv_participantes.csv"))
    texto["situacoes_prioritarias"] = ["Deficiência | trabalho infantil", " | ", "ISOLAMENTO|isolamento"]
    tabela, problemas = ler(escrever(tmp_path, "scfv_participantes.csv", texto))
    assert problemas == []
    assert tabela["situacoes_prioritarias"].tolist() == ["trabalho_infantil|deficiencia", pd.NA, "isolamento"]


def test_lista_com_codigo_desconhecido(tmp_path):
    problema = ler_com_valor(
        tmp_path, "scfv_participantes.csv", 3, "situacoes_prioritarias", "isolamento|pobreza"
    )
    assert (problema.linha, problema.coluna) == (3, "situacoes_prioritarias")
    assert "'pobreza'" in problema.mensagem and "situacao_de_rua" in problema.mensagem


@pytest.mark.parametrize(
    "escrito, valor",
    [("Sim", True), ("S", True), ("NÃO", False), ("nao", False), ("0", False), ("true", True)],
)
def test_sim_nao(tmp_path, escrito, valor):
    texto = como_texto(amostra("inclusao_produtiva.csv"))
    texto.loc[1, "gerando_renda"] = escrito
    tabela, problemas = ler(escrever(tmp_path, "inclusao_produtiva.csv", texto))
    assert problemas == []
    assert tabela.loc[1, "gerando_renda"] == valor


def test_sim_nao_invalido(tmp_path):
    problema = ler_com_valor(tmp_path, "inclusao_produtiva.csv", 2, "trabalho_formal", "talvez")
    assert (
        str(problema) == "arquivo inclusao_produtiva.csv, linha 2, coluna 'trabalho_formal': "
        "valor 'talvez' não é sim ou não"
    )


# --- keys, rules, structure ---------------------------------------------------------------------------


def test_chave_repetida_no_rma_cita_as_duas_linhas(tmp_path):
    texto = como_texto(amostra("rma_cras.csv"))
    texto.loc[2, ["id_cras", "mes_referencia"]] = [ID1, "01/2024"]  # the same month as line 2, other format
    problema = unico(ler(escrever(tmp_path, "rma_cras.csv", texto))[1])
    assert (problema.linha, problema.coluna) == (4, "id_cras + mes_referencia")
    assert "linha 4" in str(problema) and "linha 2" in problema.mensagem
    assert f"id_cras {ID1}, mes_referencia 2024-01" in problema.mensagem


def test_chave_vazia(tmp_path):
    problema = ler_com_valor(tmp_path, "scfv_grupos.csv", 3, "id_grupo", " ")
    assert (problema.linha, problema.coluna, problema.mensagem) == (
        3,
        "id_grupo",
        "valor vazio em coluna da chave",
    )


def test_presencas_maior_que_encontros_previstos(tmp_path):
    problema = ler_com_valor(tmp_path, "scfv_frequencia.csv", 3, "presencas", "9")
    assert str(problema) == (
        "arquivo scfv_frequencia.csv, linha 3, coluna 'presencas': "
        "presencas (9) maior que encontros_previstos (8)"
    )


def test_linha_com_campos_demais(tmp_path):
    caminho = tmp_path / "scfv_frequencia.csv"
    caminho.write_text(
        "id_participante;mes_referencia;encontros_previstos;presencas\nP1;2025-01;8;7\nP2;2025-01;8;8;x\n"
    )
    tabela, problemas = ler(caminho)
    assert tabela is None
    assert str(unico(problemas)).startswith("arquivo scfv_frequencia.csv, linha 3: a linha tem 5 campos")


def test_numero_da_linha_conta_linhas_em_branco_e_valores_com_quebra_de_linha(tmp_path):
    caminho = tmp_path / "scfv_grupos.csv"
    caminho.write_text(
        "id_grupo;id_cras;ciclo;capacidade;encontros_semanais;horas_por_encontro\n"
        f'"G1\nmanhã";{ID1};ate_6;10;1;2\n'  # lines 2-3
        "\n"  # line 4
        f"G2;{ID1};ate_6;-1;1;2\n"  # line 5
    )
    problema = unico(ler(caminho)[1])
    assert str(problema) == "arquivo scfv_grupos.csv, linha 5, coluna 'capacidade': contagem negativa: '-1'"


def test_arquivo_vazio(tmp_path):
    caminho = tmp_path / "custos.csv"
    caminho.write_bytes(b"")
    assert str(unico(ler(caminho)[1])).startswith("arquivo custos.csv, linha 1: o arquivo está vazio")


def test_so_cabecalho_da_tabela_vazia_tipada(tmp_path):
    esperado = amostra("custos.csv").iloc[:0]
    tabela, problemas = ler(escrever(tmp_path, "custos.csv", esperado))
    assert problemas == []
    pd.testing.assert_frame_equal(tabela, esperado.reset_index(drop=True))


def test_problemas_limitados_por_coluna_com_resumo(tmp_path):
    n = LIMITE_POR_COLUNA + 7
    linhas = "".join(f"P{i};2025-01;4;x\n" for i in range(n))
    caminho = tmp_path / "scfv_frequencia.csv"
    caminho.write_text("id_participante;mes_referencia;encontros_previstos;presencas\n" + linhas)
    problemas = ler(caminho)[1]
    assert len(problemas) == LIMITE_POR_COLUNA + 1
    assert [p.linha for p in problemas[:3]] == [2, 3, 4]
    assert (
        str(problemas[-1])
        == "arquivo scfv_frequencia.csv, coluna 'presencas': e mais 7 valores inválidos nesta coluna"
    )


def test_varios_problemas_do_mesmo_arquivo_todos_listados(tmp_path):
    texto = como_texto(amostra("unidades.csv"))
    texto.loc[0, "horas_semanais_funcionamento"] = "200"
    texto.loc[1, "familias_referenciadas"] = "-5"
    problemas = ler(escrever(tmp_path, "unidades.csv", texto))[1]
    assert [(p.linha, p.coluna) for p in problemas] == [
        (3, "familias_referenciadas"),
        (2, "horas_semanais_funcionamento"),
    ]


def test_cabecalho_que_casa_com_duas_colunas():
    # No contract file has such a clash today; a contract change that introduced one must not go unnoticed.
    arquivo = contrato.Arquivo(
        "x.csv", True, (contrato.Coluna("a_b", "texto"), contrato.Coluna("ab", "texto", obrigatoria=False))
    )
    problemas = ler_bytes(b"A.B;c\n1;2\n", "x.csv", arquivo)[1]
    assert str(problemas[0]) == (
        "arquivo x.csv, linha 1, coluna 'A.B': "
        "o cabeçalho 'A.B' corresponde a mais de uma coluna: 'a_b' e 'ab'"
    )
