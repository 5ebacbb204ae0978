"""Loading a municipality's folder: every file, all problems in one exception, warnings between files."""

from __future__ import annotations

import hashlib
from dataclasses import fields
from pathlib import Path

import pandas as pd
import pytest
from apoio.tabelas import AMOSTRAS, ID2, LATIN1_BR, amostra, como_texto, escrever

from cras_lib.dados import contrato
from cras_lib.dados.leitura import DTYPES
from cras_lib.dados.municipio import Municipio, carregar_municipio, nomes_dos_cras
from cras_lib.erros import DadosInvalidos

OBRIGATORIOS = [a.nome for a in contrato.ARQUIVOS if a.obrigatorio]


def pasta_com(pasta: Path, nomes=tuple(AMOSTRAS), **substitutos: pd.DataFrame) -> Path:
    """A folder with the samples of ``nomes``; ``substitutos`` (file stem -> table) replace samples."""
    for nome in nomes:
        escrever(pasta, nome, substitutos.get(nome.removesuffix(".csv"), amostra(nome)))
    return pasta


def test_atributos_seguem_o_contrato():
    assert [f.name for f in fields(Municipio)][1 : 1 + len(contrato.ARQUIVOS)] == [
        a.atributo for a in contrato.ARQUIVOS
    ]


def test_pasta_completa(tmp_path):
    m = carregar_municipio(pasta_com(tmp_path))
    assert m.pasta == tmp_path.resolve()
    for arquivo in contrato.ARQUIVOS:
        assert m.tem(arquivo.atributo) and m.tem(arquivo.nome)
        pd.testing.assert_frame_equal(getattr(m, arquivo.atributo), amostra(arquivo.nome))
    assert m.avisos == []


def test_hash_sha256_dos_bytes_de_cada_arquivo(tmp_path):
    m = carregar_municipio(pasta_com(tmp_path, OBRIGATORIOS))
    assert sorted(m.arquivos) == sorted(OBRIGATORIOS)
    assert m.arquivos["rma_cras.csv"] == hashlib.sha256((tmp_path / "rma_cras.csv").read_bytes()).hexdigest()


def test_arquivos_opcionais_ausentes_ficam_none(tmp_path):
    m = carregar_municipio(pasta_com(tmp_path, OBRIGATORIOS))
    assert m.scfv_grupos is None and m.custos is None
    assert not m.tem("scfv_grupos") and not m.tem("custos.csv")
    assert m.tem("equipes")
    assert "custos=None" in repr(m) and "rma_cras=3 linhas" in repr(m)


def test_tem_com_nome_desconhecido():
    m = Municipio(Path("."), *(amostra(n) for n in OBRIGATORIOS))
    with pytest.raises(ValueError, match="arquivo desconhecido: 'grupos'"):
        m.tem("grupos")


def test_nome_de_arquivo_sem_diferenciar_maiusculas(tmp_path):
    pasta_com(tmp_path, OBRIGATORIOS)
    (tmp_path / "rma_cras.csv").rename(tmp_path / "RMA_CRAS.CSV")
    m = carregar_municipio(tmp_path)
    assert len(m.rma_cras) == 3 and "rma_cras.csv" in m.arquivos


def test_estilos_diferentes_na_mesma_pasta(tmp_path):
    pasta_com(tmp_path, OBRIGATORIOS)
    escrever(tmp_path, "rma_cras.csv", amostra("rma_cras.csv"), LATIN1_BR)
    m = carregar_municipio(tmp_path)
    pd.testing.assert_frame_equal(m.rma_cras, amostra("rma_cras.csv"))


def test_arquivo_obrigatorio_ausente(tmp_path):
    pasta_com(tmp_path, ["unidades.csv", "rma_cras.csv"])
    with pytest.raises(DadosInvalidos) as erro:
        carregar_municipio(tmp_path)
    assert [str(p) for p in erro.value.problemas] == [
        f"arquivo equipes.csv: arquivo obrigatório ausente da pasta {tmp_path.resolve()}"
    ]


def test_pasta_inexistente(tmp_path):
    with pytest.raises(DadosInvalidos, match="a pasta de dados não existe"):
        carregar_municipio(tmp_path / "nao_ha")


def test_pasta_que_e_arquivo(tmp_path):
    (tmp_path / "dados.csv").write_text("x")
    with pytest.raises(DadosInvalidos, match="não é uma pasta"):
        carregar_municipio(tmp_path / "dados.csv")


def test_dois_arquivos_com_o_mesmo_nome_em_caixas_diferentes(tmp_path):
    pasta_com(tmp_path, OBRIGATORIOS)
    escrever(tmp_path, "Equipes.csv", amostra("equipes.csv"))
    with pytest.raises(DadosInvalidos, match="há mais de um arquivo com este nome: Equipes.csv, equipes.csv"):
        carregar_municipio(tmp_path)


def test_varios_arquivos_ruins_todos_os_problemas_numa_so_excecao(tmp_path):
    rma = como_texto(amostra("rma_cras.csv"))
    rma.loc[1, "a1"] = "-2"  # line 3
    grupos = como_texto(amostra("scfv_grupos.csv"))
    grupos.loc[0, "ciclo"] = "criancas"  # line 2
    custos = como_texto(amostra("custos.csv")).drop(columns=["valor"])
    pasta_com(
        tmp_path,
        ["unidades.csv", "rma_cras.csv", "scfv_grupos.csv", "custos.csv"],
        rma_cras=rma,
        scfv_grupos=grupos,
        custos=custos,
    )
    with pytest.raises(DadosInvalidos) as erro:
        carregar_municipio(tmp_path)
    texto = str(erro.value)
    assert texto.startswith("4 problemas encontrados nos dados:")
    assert "arquivo rma_cras.csv, linha 3, coluna 'a1': contagem negativa: '-2'" in texto
    assert "arquivo equipes.csv: arquivo obrigatório ausente" in texto
    assert "arquivo scfv_grupos.csv, linha 2, coluna 'ciclo': valor 'criancas' não aceito" in texto
    assert "arquivo custos.csv, linha 1, coluna 'valor': coluna obrigatória 'valor' ausente" in texto


def test_avisos_entre_arquivos(tmp_path):
    ID3, ID4 = "31000000003", "31000000004"
    equipes = amostra("equipes.csv")
    equipes.loc[2, "id_cras"] = ID3  # not in unidades
    unidades = pd.concat(
        [amostra("unidades.csv"), amostra("unidades.csv").iloc[[0]].assign(id_cras=ID4)], ignore_index=True
    )
    participantes = amostra("scfv_participantes.csv")
    participantes.loc[0, "id_grupo"] = "G9"  # unknown group
    participantes.loc[1, "id_cras"] = ID2  # G2 belongs to ID1
    frequencia = amostra("scfv_frequencia.csv")
    frequencia.loc[2, "id_participante"] = "P404"
    pasta_com(
        tmp_path,
        unidades=unidades,
        equipes=equipes,
        scfv_participantes=participantes,
        scfv_frequencia=frequencia,
    )
    m = carregar_municipio(tmp_path)
    assert m.avisos == [
        f"equipes.csv: 1 código de CRAS que não consta em unidades.csv: {ID3}",
        f"rma_cras.csv: nenhum mês informado para 1 CRAS: {ID4}",
        "scfv_participantes.csv: 1 participante em grupo que não consta em scfv_grupos.csv (grupos: G9)",
        "scfv_participantes.csv: 1 participante de um CRAS em grupo de outro CRAS (grupos: G2)",
        "scfv_frequencia.csv: 1 linha de participante que não consta em scfv_participantes.csv",
    ]


def test_aviso_lista_ate_cinco_codigos(tmp_path):
    ids = [f"9{i:010d}" for i in range(7)]
    custos = pd.concat([amostra("custos.csv").iloc[[0]].assign(id_cras=i) for i in ids], ignore_index=True)
    m = carregar_municipio(pasta_com(tmp_path, [*OBRIGATORIOS, "custos.csv"], custos=custos))
    assert m.avisos == [
        f"custos.csv: 7 códigos de CRAS que não constam em unidades.csv: {', '.join(ids[:5])} e mais 2"
    ]


# --- the bundled example (data/exemplo, generated by cras_lib.dados.exemplo) ---------------------------------


@pytest.fixture(scope="module")
def municipio_exemplo(exemplo) -> Municipio:
    return carregar_municipio(exemplo)


@pytest.mark.parametrize("arquivo", contrato.ARQUIVOS, ids=lambda a: a.atributo)
def test_exemplo_cada_arquivo_com_os_tipos_do_contrato(municipio_exemplo, arquivo):
    tabela = getattr(municipio_exemplo, arquivo.atributo)
    assert tabela is not None and len(tabela) > 0  # the example has every file
    for coluna in arquivo.colunas:
        assert str(tabela[coluna.nome].dtype) == DTYPES[coluna.tipo], coluna.nome
    assert (
        municipio_exemplo.arquivos[arquivo.nome]
        == hashlib.sha256((municipio_exemplo.pasta / arquivo.nome).read_bytes()).hexdigest()
    )


def test_exemplo_dezesseis_cras_e_vinte_quatro_meses(municipio_exemplo):
    assert municipio_exemplo.unidades["id_cras"].str.fullmatch(r"\d{11}").all()
    assert len(municipio_exemplo.unidades) == 16
    meses = municipio_exemplo.rma_cras["mes_referencia"]
    assert (meses.min(), meses.max()) == (pd.Period("2024-01", "M"), pd.Period("2025-12", "M"))
    # a few months not reported: fewer rows than 16 CRAS x 24 months
    assert len(municipio_exemplo.rma_cras) < 16 * 24


def test_exemplo_so_com_o_codigo_desconhecido_plantado(municipio_exemplo):
    """The example's only unknown CRAS code is the planted alert CRZ-02 (data/exemplo/LEIAME.md)."""
    desconhecidos = [a for a in municipio_exemplo.avisos if "não consta" in a or "não constam" in a]
    assert desconhecidos == ["rma_cras.csv: 1 código de CRAS que não consta em unidades.csv: 31799900051"]


def test_nomes_dos_cras_usa_o_codigo_quando_o_nome_esta_vazio():
    unidades = pd.DataFrame(
        {
            "id_cras": pd.array(["31799900001", "31799900002", "31799900003"], dtype="string"),
            "nome": pd.array(["CRAS Centro", None, "  "], dtype="string"),
        }
    )
    assert nomes_dos_cras(unidades) == {
        "31799900001": "CRAS Centro",
        "31799900002": "31799900002",
        "31799900003": "31799900003",
    }
