"""`cras importar`: each official layout and variant (docs/arquivos-oficiais.md), recognition by content, merge
and precedence, the record, broken files, several municipalities. Fixtures are built by tests/apoio/oficiais.py."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from apoio import oficiais as of

from cras_lib.calculo import carga_horaria
from cras_lib.dados.importacao import codigo_municipio, importar, importar_municipios
from cras_lib.dados.municipio import carregar_municipio
from cras_lib.erros import DadosInvalidos, MunicipioAusente
from cras_lib.execucao import cli
from cras_lib.execucao.guarda import GuardaPrivacidade

A, B = "31799900001", "31799900002"  # Vale Serrano (317999 / 3179999)
X = "35000100001"  # another municipality, another state
COORDENADORA, CPF = "Marta Sigilosa Quintanilha", "52998224725"
MUNICIPIO = {"nome": "Vale Serrano", "uf": "MG", "ibge7": "3179999", "porte": "Pequeno Porte II"}


def _municipal(meses, id_cras=A, base=0, **extra):
    linhas = []
    for m in meses:
        linha = {
            "mes_referencia": f"{m}-01", "nome_unidade": "CRAS São Judas", "id_cras": id_cras,
            "endereco": "Rua das Flores, 10", "municipio": "VALE SERRANO", "uf": "MG",
            "coordenador_cras": COORDENADORA, "cpf": CPF, "codigoibge": "3179999", "oferta_serv_blocoii": "1",
            "k1a": "2",
        }  # fmt: skip
        linha |= {c: str(base + k) for k, c in enumerate(of.INDICADORES[:-1])}
        linha |= extra
        linhas.append(linha)
    return linhas


def _roster(id_cras=A):
    return [
        dict(id_cras=id_cras, funcao=21, profissao=273, escolaridade=258, vinculo=138, carga=20),
        dict(id_cras=id_cras, funcao=249, profissao=274, escolaridade=257, vinculo=142, carga=20),
        dict(id_cras=id_cras, funcao=249, profissao=240, escolaridade=257, vinculo=139, carga=263),
        dict(id_cras=id_cras, funcao=248, profissao=238, escolaridade=255, vinculo=291, carga=18),
        dict(id_cras=id_cras, funcao=251, profissao=239, escolaridade=253, vinculo=266, carga=272),
        dict(id_cras=id_cras, funcao=370, profissao=None, escolaridade=256, vinculo=293, carga=None),
    ]


ESPERADO_ROSTER = [
    ("coordenador", "assistente_social", "pos_graduacao", "estatutario", "31_a_40"),
    ("tecnico_superior", "psicologo", "superior", "outro_nao_permanente", "31_a_40"),
    ("tecnico_superior", "outra", "superior", "celetista", "41_a_44"),
    ("orientador_social", None, "medio", "sem_vinculo", "21_a_30"),
    ("auxiliar_administrativo", None, "fundamental", "temporario", "11_a_20"),
    ("outro", None, "medio", "terceirizado", None),
]


def _csv(pasta, nome):
    return pd.read_csv(pasta / nome, sep=";", dtype=str, keep_default_na=False)


def _roster_lido(pasta):
    e = carregar_municipio(pasta).equipes
    colunas = ["funcao", "profissao", "escolaridade", "vinculo", "horas_semanais_faixa"]
    return [tuple(None if pd.isna(v) else v for v in linha) for linha in e[colunas].itertuples(index=False)]


@pytest.fixture
def origem(tmp_path):
    pasta = tmp_path / "origem"
    pasta.mkdir()
    return pasta


# --- national RMA base tratada ---------------------------------------------------------------------------


def test_rma_nacional_xlsx_planilha_base_tratada(origem, tmp_path):
    linhas = [of.linha_rma(c, 2025, m, base=10 * m) for c in (A, B) for m in range(1, 13) if (c, m) != (B, 5)]
    linhas += [of.linha_rma(X, 2025, m) for m in range(1, 13)]
    of.rma_nacional_xlsx(origem / "planilha_sem_nome_util.xlsx", linhas)
    feito = importar(origem, tmp_path / "dados", municipio="317999")
    rma = carregar_municipio(tmp_path / "dados").rma_cras
    assert len(rma) == 23 and set(rma["id_cras"]) == {A, B}  # the other municipality left out
    assert str(rma["mes_referencia"].min()) == "2025-01" and str(rma["mes_referencia"].max()) == "2025-12"
    maio_b = rma[(rma["id_cras"] == B) & (rma["mes_referencia"].astype(str) == "2025-05")]
    assert maio_b.empty  # an unreported month stays missing, never zero
    marco_a = rma[(rma["id_cras"] == A) & (rma["mes_referencia"].astype(str) == "2025-03")].iloc[0]
    assert (marco_a["a1"], marco_a["a2"], marco_a["d8"]) == (30, 31, 54)  # d8 kept
    assert marco_a["a1_original"] == "1030"  # *_original kept as extra column (text for the contract reader)
    registro = feito.registro
    assert [i["arquivo"] for i in registro["ignorados"]] == [
        "planilha_sem_nome_util.xlsx (planilha 'Notas')",
        "planilha_sem_nome_util.xlsx (planilha 'Dicionário')",
    ]
    (arquivo,) = registro["arquivos"]
    assert (arquivo["planilha"], arquivo["linhas_lidas"], arquivo["linhas_mantidas"]) == (
        "Base tratada",
        35,
        23,
    )
    assert arquivo["linhas_descartadas"] == {"de outro município": 12}


def test_rma_nacional_xlsx_codigo_do_cras_como_numero(origem, tmp_path):
    linhas = [of.linha_rma(A, 2025, 1) | {"NU_IDENTIFICADOR": int(A), "IBGE": 317999}]
    of.rma_nacional_xlsx(origem / "base.xlsx", linhas, outras_planilhas=False)
    importar(origem, tmp_path / "dados", municipio="317999")
    assert list(_csv(tmp_path / "dados", "rma_cras.csv")["id_cras"]) == [A]


def test_rma_nacional_csv_cp1252_aspas_simples(origem, tmp_path):
    linhas = [
        of.linha_rma(
            A,
            2022,
            m,
            municipio="VALE SERRANO",
            uf="MG",
            nome_unidade="CRAS São João D'Ajuda",
            endereco="Praça da Matriz; 5",
        )  # fmt: skip
        for m in (1, 2)
    ]
    linhas = [linha | {"endereco": "Praça da Matriz, 5"} for linha in linhas]
    of.rma_nacional_csv(origem / "rma.csv", linhas)
    assert (origem / "rma.csv").read_bytes().count(b"'CRAS S\xe3o Jo\xe3o D'Ajuda'") == 2  # cp1252 + quotes
    importar(origem, tmp_path / "dados", municipio="3179999")
    unidades = _csv(tmp_path / "dados", "unidades.csv")
    assert list(unidades["nome"]) == ["CRAS São João D'Ajuda"]
    assert list(unidades["endereco"]) == ["Praça da Matriz, 5"]
    assert list(_csv(tmp_path / "dados", "rma_cras.csv")["mes_referencia"]) == ["2022-01", "2022-02"]


def test_rma_nacional_csv_sem_coluna_d8(origem, tmp_path):
    """Older files lack d8: no d8 column is invented (the contract requires d1…d7 only)."""
    colunas = [c for c in of.COLUNAS_RMA_NACIONAL_CSV if c != "d8"]
    linha = of.linha_rma(A, 2020, 7)
    texto = ";".join(colunas) + "\n" + ";".join(str(linha.get(c, "")) for c in colunas) + "\n"
    (origem / "antiga.csv").write_text(texto, encoding="latin-1")
    importar(origem, tmp_path / "dados", municipio="317999")
    rma = carregar_municipio(tmp_path / "dados").rma_cras
    assert "d8" not in rma.columns and rma["d7"].tolist() == [123]


# --- municipal RMA export ----------------------------------------------------------------------------------


@pytest.mark.parametrize("codificacao", ["utf-8-sig", "latin-1"])
def test_rma_municipal_aspas_data_e_codificacao(origem, tmp_path, codificacao):
    of.rma_municipal_csv(
        origem / "cras.csv", _municipal(["2024-01", "2024-02"], base=5), codificacao=codificacao
    )
    importar(origem, tmp_path / "dados", municipio="3179999")
    m = carregar_municipio(tmp_path / "dados")
    assert m.rma_cras["mes_referencia"].astype(str).tolist() == ["2024-01", "2024-02"]
    assert m.rma_cras["a1"].tolist() == [5, 5] and m.rma_cras["d7"].tolist() == [28, 28]
    assert m.rma_cras["k1a"].tolist() == ["2", "2"]  # breakdowns of newer forms kept
    assert m.unidades["nome"].tolist() == ["CRAS São Judas"]


def test_dados_pessoais_do_coordenador_em_nenhum_arquivo(origem, tmp_path, capsys):
    of.rma_municipal_csv(origem / "cras.csv", _municipal(["2024-01"]))
    feito = importar(origem, tmp_path / "dados", municipio="317999")
    saida = b"".join(p.read_bytes() for p in sorted((tmp_path / "dados").iterdir()))
    for valor in (COORDENADORA, CPF, "Marta", "Quintanilha"):
        assert valor.encode() not in saida
        assert valor not in feito.resumo
    cabecalho = (tmp_path / "dados" / "rma_cras.csv").read_text().splitlines()[0]
    assert "coordenador" not in cabecalho and "cpf" not in cabecalho


# --- Censo SUAS RH ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ano", "rotulos"), [(2018, False), (2019, False), (2022, False), (2023, True), (2024, True)]
)
def test_censo_rh_prefixo_do_ano_codigos_ou_rotulos(origem, tmp_path, ano, rotulos):
    of.censo_rh_csv(origem / "rh.csv", _roster(), ano=ano, rotulos=rotulos, municipio=MUNICIPIO)
    importar(origem, tmp_path / "dados", municipio="317999")
    assert _roster_lido(tmp_path / "dados") == ESPERADO_ROSTER
    cabecalho = (tmp_path / "dados" / "equipes.csv").read_text().splitlines()[0].split(";")
    assert "nome" not in cabecalho and "cpf" not in cabecalho  # the public Censo has no names


def test_censo_rh_codigos_sem_valor_proprio_contados(origem, tmp_path):
    roster = _roster() + [dict(id_cras=A, funcao=999, profissao=273, escolaridade=259, vinculo=777, carga=20)]
    of.censo_rh_csv(origem / "rh.csv", roster, ano=2022, municipio=MUNICIPIO)
    feito = importar(origem, tmp_path / "dados", municipio="317999")
    (arquivo,) = feito.registro["arquivos"]
    contados = {
        (c["coluna"], c["codigo"]): (c["valor_atribuido"], c["linhas"])
        for c in arquivo["codigos_sem_valor_proprio"]
    }  # noqa: E501
    assert contados == {
        ("vinculo", "142"): ("outro_nao_permanente", 1),
        ("vinculo", "291"): ("sem_vinculo", 1),
        ("vinculo", "777"): ("outro", 1),
        ("funcao", "999"): ("outro", 1),
        ("profissao", "240"): ("outra", 1),
        ("escolaridade", "259"): (None, 1),
    }
    assert "vínculo '142' → outro_nao_permanente (1 linha)" in feito.resumo


def test_censo_rh_edicao_mais_recente_vale(origem, tmp_path):
    of.censo_rh_csv(origem / "a.csv", _roster()[:2], ano=2024, rotulos=True, municipio=MUNICIPIO)
    of.censo_rh_csv(origem / "b.csv", _roster(), ano=2022, municipio=MUNICIPIO)
    feito = importar(origem, tmp_path / "dados", municipio="317999")
    assert len(_roster_lido(tmp_path / "dados")) == 2
    por_arquivo = {a["arquivo"]: a for a in feito.registro["arquivos"]}
    assert por_arquivo["b.csv"]["linhas_mantidas"] == 0
    assert list(por_arquivo["b.csv"]["linhas_descartadas"].values()) == [6]


# --- Dados Gerais and the municipal complement ------------------------------------------------------------


def _dados_gerais(pasta):
    of.dados_gerais_csv(
        pasta / "dg.csv",
        [
            dict(
                id_cras=A,
                nome="CRAS São Judas",
                logradouro="Rua das Flores",
                numero="10",
                bairro="Centro",
                municipio="Vale Serrano",
                uf="MG",
                capacidade=3500,
                dias=5,
                horas_dia=8,
            ),  # fmt: skip
            dict(
                id_cras=B,
                nome="CRAS Norte",
                logradouro="Av. Brasil",
                numero="200",
                capacidade=2500,
                dias=4,
                horas_dia=6,
            ),  # fmt: skip
            dict(id_cras=X, nome="CRAS Paulista", capacidade=5000, dias=5, horas_dia=8),
        ],
    )


def test_dados_gerais_e_capacidade_sem_complemento(origem, tmp_path):
    _dados_gerais(origem)
    feito = importar(origem, tmp_path / "dados", municipio="317999")
    u = carregar_municipio(tmp_path / "dados").unidades.set_index("id_cras")
    assert u.loc[A, "nome"] == "CRAS São Judas" and u.loc[A, "endereco"] == "Rua das Flores, 10, Centro"
    assert (u.loc[A, "dias_semana_funcionamento"], u.loc[A, "horas_semanais_funcionamento"]) == (5, 40)
    assert (u.loc[B, "dias_semana_funcionamento"], u.loc[B, "horas_semanais_funcionamento"]) == (4, 24)
    assert u["familias_referenciadas"].tolist() == [3500, 2500]
    assert u["familias_referenciadas_origem"].tolist() == ["capacidade_censo"] * 2
    assert feito.registro["familias_referenciadas_da_capacidade_censo"] == [A, B]
    # the IDCRAS structure file gets the capacity class and the porte; the rest is listed to complete by hand
    e = carregar_municipio(tmp_path / "dados").estrutura_cras.set_index("id_cras")
    assert e["capacidade"].tolist() == ["3500", "2500"]
    assert e["porte_municipio"].isna().all()  # only the Dados Gerais here: no file gave the porte
    assert {"salas_atendimento", "porte_municipio"} <= set(feito.registro["estrutura_cras_nao_preenchidos"])
    assert "capacidade" not in feito.registro["estrutura_cras_nao_preenchidos"]


def test_complemento_municipal_tem_precedencia(origem, tmp_path):
    _dados_gerais(origem)
    of.complemento_csv(
        origem / "territorios.csv",
        [
            dict(
                id_cras=A,
                familias_referenciadas=3120,
                territorio="Centro, Vila Rica",
                populacao_territorio=14000,
            )
        ],
    )
    importar(origem, tmp_path / "dados", municipio="317999")
    u = carregar_municipio(tmp_path / "dados").unidades.set_index("id_cras")
    assert (u.loc[A, "familias_referenciadas"], u.loc[A, "familias_referenciadas_origem"]) == (
        3120,
        "informada",
    )
    assert (u.loc[A, "territorio"], u.loc[A, "populacao_territorio"]) == ("Centro, Vila Rica", 14000)
    assert (u.loc[B, "familias_referenciadas"], u.loc[B, "familias_referenciadas_origem"]) == (
        2500,
        "capacidade_censo",
    )


# --- merge and precedence -----------------------------------------------------------------------------------


def test_anos_de_arquivos_diferentes_se_juntam_e_conflito_e_listado(origem, tmp_path):
    of.rma_nacional_xlsx(origem / "n.xlsx", [of.linha_rma(A, 2025, m, base=100) for m in (1, 2, 3)])
    iguais = _municipal(["2025-02"], base=100)  # same values as the national row: no conflict
    for linha in iguais:
        linha |= {c: str(100 + k) for k, c in enumerate(of.INDICADORES[:-1])}
    diferente = _municipal(["2025-03"], base=7)
    of.rma_municipal_csv(origem / "m.csv", _municipal(["2024-11", "2024-12"], base=1) + iguais + diferente)
    feito = importar(origem, tmp_path / "dados", municipio="317999")
    rma = carregar_municipio(tmp_path / "dados").rma_cras
    assert rma["mes_referencia"].astype(str).tolist() == [
        "2024-11",
        "2024-12",
        "2025-01",
        "2025-02",
        "2025-03",
    ]
    assert rma.loc[rma["mes_referencia"].astype(str) == "2025-03", "a1"].item() == 100  # national wins
    conflitos = feito.registro["conflitos"]
    assert conflitos["quantidade"] == 1
    (c,) = conflitos["itens"]
    assert (c["id_cras"], c["mes_referencia"], c["mantido"], c["descartado"]) == (
        A, "2025-03", "n.xlsx (planilha 'Base tratada')", "m.csv",
    )  # fmt: skip
    por_arquivo = {a["arquivo"]: a for a in feito.registro["arquivos"]}
    assert por_arquivo["m.csv"]["linhas_mantidas"] == 2
    assert por_arquivo["m.csv"]["linhas_descartadas"] == {
        "mês do CRAS já dado por arquivo de maior precedência": 2
    }
    assert "Conflitos: 1 mês de CRAS dado por dois arquivos" in feito.resumo


def test_segunda_importacao_identica_byte_a_byte(origem, tmp_path):
    of.rma_nacional_xlsx(origem / "n.xlsx", [of.linha_rma(A, 2025, m) for m in (1, 2)])
    of.rma_municipal_csv(origem / "cras.csv", _municipal(["2024-01"]))
    of.censo_rh_csv(origem / "rh.csv", _roster(), municipio=MUNICIPIO)
    _dados_gerais(origem)
    importar(origem, tmp_path / "um", municipio="317999")
    importar(origem, tmp_path / "dois", municipio="3179999")  # 7 digits: the same municipality
    importar(origem, tmp_path / "um", municipio="317999")
    nomes = sorted(p.name for p in (tmp_path / "um").iterdir())
    assert nomes == ["equipes.csv", "estrutura_cras.csv", "importacao.json", "rma_cras.csv", "unidades.csv"]
    for nome in nomes:
        assert (tmp_path / "um" / nome).read_bytes() == (tmp_path / "dois" / nome).read_bytes()


def test_arquivo_desconhecido_e_ignorado_e_nome_do_arquivo_nao_importa(origem, tmp_path):
    of.rma_municipal_csv(origem / "Censo_RH_2024.csv", _municipal(["2024-01"]))  # misleading name
    (origem / "leia-me.txt").write_text("Arquivos baixados em dezembro.\n", encoding="utf-8")
    (origem / "outra.csv").write_text("x;y\n1;2\n", encoding="utf-8")
    feito = importar(origem, tmp_path / "dados", municipio="317999")
    assert [a["layout"] for a in feito.registro["arquivos"]] == ["rma_municipal"]
    assert [i["arquivo"] for i in feito.registro["ignorados"]] == ["leia-me.txt", "outra.csv"]


# --- broken input -------------------------------------------------------------------------------------------


def _sem_saida(tmp_path):
    assert not (tmp_path / "dados").exists()


def test_coluna_chave_ausente(origem, tmp_path):
    linhas = _municipal(["2024-01"])
    texto = (
        ";".join(c for c in of.COLUNAS_RMA_MUNICIPAL if c != "mes_referencia")
        + "\n"
        + ";".join(f"'{linhas[0][c]}'" for c in of.COLUNAS_RMA_MUNICIPAL if c != "mes_referencia")
        + "\n"
    )
    (origem / "cras.csv").write_text(texto, encoding="utf-8")
    with pytest.raises(DadosInvalidos) as erro:
        importar(origem, tmp_path / "dados", municipio="317999")
    assert "arquivo cras.csv, linha 1, coluna 'mes_referencia': coluna obrigatória" in str(erro.value)
    _sem_saida(tmp_path)


def test_mes_ilegivel_e_contagem_nao_numerica_csv(origem, tmp_path):
    linhas = _municipal(["2024-01", "2024-02", "2024-03"])
    linhas[1]["mes_referencia"] = "2024-13-01"
    linhas[2]["c1"] = "doze"
    of.rma_municipal_csv(origem / "cras.csv", linhas)
    with pytest.raises(DadosInvalidos) as erro:
        importar(origem, tmp_path / "dados", municipio="317999")
    texto = str(erro.value)
    assert "arquivo cras.csv, linha 3, coluna 'mes_referencia': mês '2024-13-01' inválido" in texto
    assert "arquivo cras.csv, linha 4, coluna 'c1': valor 'doze' não é um número inteiro" in texto
    _sem_saida(tmp_path)


def test_mes_ilegivel_e_contagem_nao_numerica_xlsx(origem, tmp_path):
    linhas = [of.linha_rma(A, 2025, m) for m in (1, 2, 3)]
    linhas[0]["mes"] = 14
    linhas[2]["a2"] = "n/d"
    of.rma_nacional_xlsx(origem / "n.xlsx", linhas)
    with pytest.raises(DadosInvalidos) as erro:
        importar(origem, tmp_path / "dados", municipio="317999")
    texto = str(erro.value)
    assert "arquivo n.xlsx (planilha 'Base tratada'), linha 2, coluna 'mes': mês inválido" in texto
    assert "arquivo n.xlsx (planilha 'Base tratada'), linha 4, coluna 'a2': valor 'n/d' não é" in texto
    _sem_saida(tmp_path)


def test_censo_sem_coluna_do_cras(origem, tmp_path):
    of.censo_rh_csv(origem / "rh.csv", _roster(), ano=2024, municipio=MUNICIPIO)
    texto = (origem / "rh.csv").read_text(encoding="latin-1").replace("NU_IDENTIFICADOR", "CODIGO", 1)
    (origem / "rh.csv").write_text(texto, encoding="latin-1")
    with pytest.raises(DadosInvalidos, match=r"arquivo rh.csv, linha 1, coluna 'NU_IDENTIFICADOR'"):
        importar(origem, tmp_path / "dados", municipio="317999")
    _sem_saida(tmp_path)


def test_erro_nao_apaga_importacao_anterior(origem, tmp_path):
    of.rma_municipal_csv(origem / "cras.csv", _municipal(["2024-01"]))
    importar(origem, tmp_path / "dados", municipio="317999")
    antes = (tmp_path / "dados" / "rma_cras.csv").read_bytes()
    linhas = _municipal(["2024-01"])
    linhas[0]["a1"] = "-3"
    of.rma_municipal_csv(origem / "cras.csv", linhas)
    with pytest.raises(DadosInvalidos, match="contagem negativa"):
        importar(origem, tmp_path / "dados", municipio="317999")
    assert (tmp_path / "dados" / "rma_cras.csv").read_bytes() == antes


def test_municipio_ausente_sai_com_2_e_lista_os_encontrados(origem, tmp_path, capsys):
    of.rma_municipal_csv(origem / "cras.csv", _municipal(["2024-01"]))
    of.rma_nacional_xlsx(origem / "n.xlsx", [of.linha_rma(X, 2025, 1)])
    with pytest.raises(MunicipioAusente) as erro:
        importar(origem, tmp_path / "dados", municipio="3106200")
    assert erro.value.encontrados == {"317999": "VALE SERRANO", "350001": ""}
    codigo = cli.main(["importar", str(origem), "--municipio", "310620", "--saida", str(tmp_path / "dados")])
    assert codigo == 2
    mensagem = capsys.readouterr().err
    assert "o município 310620 não aparece em nenhum arquivo" in mensagem
    assert "317999 (VALE SERRANO), 350001" in mensagem
    _sem_saida(tmp_path)


@pytest.mark.parametrize("codigo", ["31799", "31799999", "abcdef", "991234"])
def test_codigo_ibge_invalido(codigo):
    with pytest.raises(ValueError, match="código IBGE do município inválido"):
        codigo_municipio(codigo)


def test_codigo_ibge_6_ou_7_digitos():
    assert codigo_municipio("3179999") == codigo_municipio(" 317999 ") == "317999"


# --- command line and several municipalities ---------------------------------------------------------------


def test_cli_importar_imprime_resumo(origem, tmp_path, capsys):
    of.rma_municipal_csv(origem / "cras.csv", _municipal(["2024-01", "2024-02"]))
    saida = tmp_path / "dados"
    assert cli.main(["importar", str(origem), "--municipio", "3179999", "--saida", str(saida)]) == 0
    texto = capsys.readouterr().out
    assert "Importação do município 3179999 — VALE SERRANO/MG" in texto
    assert (
        "cras.csv: RMA CRAS, exportação municipal do sistema RMA → rma_cras.csv, 2024-01 a 2024-02" in texto
    )
    assert json.loads((saida / "importacao.json").read_text())["municipio"]["ibge"] == "3179999"


def test_varios_municipios_por_uf_e_todos(origem, tmp_path):
    linhas = [of.linha_rma(c, 2025, 1, IBGE7=i7) for c, i7 in ((A, "3179999"), (X, ""), ("31000200001", ""))]
    of.rma_nacional_xlsx(origem / "n.xlsx", linhas)
    of.censo_rh_csv(origem / "rh.csv", _roster(), municipio=MUNICIPIO)
    mg = importar_municipios(origem, tmp_path / "mg", uf="mg")
    assert [i.municipio["ibge"] for i in mg] == ["310002", "3179999"]
    municipios = _csv(tmp_path / "mg", "municipios.csv")
    assert list(municipios.columns) == ["ibge", "nome", "uf", "porte", "populacao"]
    assert municipios.to_dict("records") == [
        {"ibge": "310002", "nome": "", "uf": "MG", "porte": "", "populacao": ""},
        {"ibge": "3179999", "nome": "Vale Serrano", "uf": "MG", "porte": "Pequeno porte II", "populacao": ""},
    ]
    for ibge in municipios["ibge"]:
        carregar_municipio(tmp_path / "mg" / ibge)  # each a complete contract folder
    assert len(carregar_municipio(tmp_path / "mg" / "3179999").equipes) == 6
    assert cli.main(["importar", str(origem), "--todos", "--saida", str(tmp_path / "br")]) == 0
    assert _csv(tmp_path / "br", "municipios.csv")["ibge"].tolist() == ["310002", "3179999", "350001"]


# --- the contract accepts what the Censo gives --------------------------------------------------------------


def test_quadro_sem_nome_nem_cpf_e_faixa_de_horas(tmp_path, exemplo):
    for nome in ("unidades.csv", "rma_cras.csv"):
        (tmp_path / nome).write_bytes((exemplo / nome).read_bytes())
    (tmp_path / "equipes.csv").write_text(
        "id_cras;funcao;profissao;escolaridade;vinculo;horas_semanais_faixa\n"
        "31799900001;orientador_social;;medio;sem_vinculo;31_a_40\n"
        "31799900001;orientador_social;;medio;outro_nao_permanente;mais_de_44\n",
        encoding="utf-8",
    )
    m = carregar_municipio(tmp_path)
    assert carga_horaria.horas_contadas(m.equipes).tolist() == [40, 44]  # upper limit; "mais de 44" counts 44
    assert carga_horaria.so_faixa(m.equipes).tolist() == [True, True]
    guarda = GuardaPrivacidade.do_municipio(m)  # the privacy guard works on a roster without names
    assert guarda.verificar("<p>CRAS Vila Nova: 2 orientadores sociais.</p>") == []


def test_horas_exatas_valem_sobre_a_faixa():
    e = pd.DataFrame(
        {"horas_semanais": pd.array([30, None, None], dtype="Int64"),
         "horas_semanais_faixa": pd.array(["31_a_40", "11_a_20", None], dtype="string")}
    )  # fmt: skip
    assert carga_horaria.horas_contadas(e).tolist()[:2] == [30, 20]
    assert pd.isna(carga_horaria.horas_contadas(e).iloc[2])


def test_dados_gerais_e_complemento_quebrados_nomeiam_linha_e_coluna(origem, tmp_path):
    _dados_gerais(origem)
    texto = (origem / "dg.csv").read_text(encoding="latin-1").replace(" 2.500", " duas mil e quinhentas", 1)
    (origem / "dg.csv").write_text(texto, encoding="latin-1")
    of.complemento_csv(origem / "comp.csv", [dict(id_cras=A, familias_referenciadas="muitas")])
    with pytest.raises(DadosInvalidos) as erro:
        importar(origem, tmp_path / "dados", municipio="317999")
    texto = str(erro.value)
    assert (
        "arquivo dg.csv, linha 3, coluna 'q1': classe de capacidade 'duas mil e quinhentas' ilegível" in texto
    )
    assert (
        "arquivo comp.csv, linha 2, coluna 'familias_referenciadas': valor 'muitas' não é um número" in texto
    )
    _sem_saida(tmp_path)


def test_mes_repetido_no_mesmo_arquivo_nomeia_as_duas_linhas(origem, tmp_path):
    linhas = [of.linha_rma(A, 2022, 1), of.linha_rma(A, 2022, 2), of.linha_rma(A, 2022, 1)]
    of.rma_nacional_csv(origem / "rma.csv", linhas)
    with pytest.raises(DadosInvalidos, match=r"arquivo rma.csv, linha 4, coluna 'NU_IDENTIFICADOR': CRAS "
                       r"31799900001 e mês 2022-01 repetidos: já aparecem na linha 2"):  # fmt: skip
        importar(origem, tmp_path / "dados", municipio="317999")


def test_saida_dentro_da_origem_nao_e_lida_de_novo(origem):
    of.rma_municipal_csv(origem / "cras.csv", _municipal(["2024-01"]))
    primeira = importar(origem, origem / "dados", municipio="317999")
    antes = {p.name: p.read_bytes() for p in (origem / "dados").iterdir()}
    segunda = importar(origem, origem / "dados", municipio="317999")
    assert {p.name: p.read_bytes() for p in (origem / "dados").iterdir()} == antes
    assert (
        [a["arquivo"] for a in segunda.registro["arquivos"]]
        == ["cras.csv"]
        == [a["arquivo"] for a in primeira.registro["arquivos"]]
    )
