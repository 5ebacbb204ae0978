"""The pieces of a multi-municipality run that need no notebook: the root's table, the synthetic generator,
the panel's suppression and ordering, the environment comparison of the Dask executor."""

from __future__ import annotations

import pytest

from cras_lib.dados import raiz, sintetico
from cras_lib.dados.contrato import ARQUIVOS
from cras_lib.erros import DadosInvalidos
from cras_lib.execucao import painel
from cras_lib.execucao.trabalhador_dask import diferencas


def _raiz(tmp_path, texto: str, pastas=("3100001", "3100002")):
    (tmp_path / "municipios.csv").write_text(texto, encoding="utf-8")
    for p in pastas:
        (tmp_path / p).mkdir()
    return tmp_path


def test_municipios_csv_lido_com_porte_e_populacao_opcionais(tmp_path):
    pasta = _raiz(
        tmp_path, "ibge;nome;uf;porte;populacao\n3100001;Alfa;mg;;\n3100002;Beta;MG;Médio porte;52.310\n"
    )
    assert raiz.e_raiz(pasta) and not raiz.e_raiz(tmp_path / "3100001")
    alfa, beta = raiz.ler_municipios(pasta)
    assert (alfa.ibge, alfa.nome, alfa.uf, alfa.porte, alfa.populacao) == (
        "3100001",
        "Alfa",
        "MG",
        None,
        None,
    )
    assert (beta.porte, beta.populacao, beta.pasta) == ("Médio porte", 52310, (pasta / "3100002").resolve())


def test_municipios_csv_invalido_aponta_linha_e_coluna_de_cada_problema(tmp_path):
    pasta = _raiz(tmp_path, "ibge,nome,uf\n310001,Alfa,MG\n3100002,,M1\n3100002,Gama,MG\n3100003,Delta,MG\n")
    with pytest.raises(DadosInvalidos) as erro:
        raiz.ler_municipios(pasta)
    lugares = {(p.linha, p.coluna) for p in erro.value.problemas}
    assert lugares == {(2, "ibge"), (3, "nome"), (3, "uf"), (5, "ibge")}  # line 4 is fine; 5 has no folder
    assert "municipios.csv" in str(erro.value)


def test_gerador_sintetico_e_deterministico(tmp_path):
    a = sintetico.gerar(tmp_path / "a", 4, cras=(1, 3), ufs=("SP", "MG"))
    b = sintetico.gerar(tmp_path / "b", 4, cras=(1, 3), ufs=("SP", "MG"))
    assert a == b == ["3590001", "3190001", "3590002", "3190002"]
    arquivos = sorted(p for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert len(arquivos) == 1 + 4 * len(
        ARQUIVOS
    )  # municipios.csv and every file of the contract per municipality
    for arquivo in arquivos:
        assert arquivo.read_bytes() == (tmp_path / "b" / arquivo.relative_to(tmp_path / "a")).read_bytes()
    unidades = (tmp_path / "a" / "3590001" / "unidades.csv").read_text(encoding="utf-8").splitlines()
    assert all(linha.startswith("3590001") for linha in unidades[1:]) and 1 <= len(unidades) - 1 <= 3
    assert "Município Sintético SP 0001 - SP" in unidades[1]


def _linha(id_cras, prioritario, paif=(10, 20), em_falta=0, meses=0):
    return {
        "ibge": "3100001",
        "municipio": "Alfa",
        "uf": "MG",
        "id_cras": id_cras,
        "cras": None if id_cras is None else f"CRAS {id_cras[-1]}",
        "n_cras": None,
        "em_falta": em_falta,
        "cras_fora_nob_rh": None,
        "prioritario": {"numerador": prioritario[0], "denominador": prioritario[1]},
        "paif": {"numerador": paif[0], "denominador": paif[1]},
        "meses_sem_rma": meses,
        "meses_esperados": 12,
        "limiar": 5,
    }


def test_painel_omite_percentual_de_contagem_pequena_e_o_do_municipio_que_a_revelaria():
    linhas = [_linha("31000010001", (3, 40)), _linha("31000010002", (30, 60)), _linha(None, (33, 100))]
    painel._suprimir(linhas)
    celulas = [painel._celulas(x) for x in linhas]
    # 3 of 40 identifies: omitted; the municipal 33/100 minus the other CRAS (30/60) would give it back
    assert celulas[0]["prioritario"].texto == "omitido (contagem < 5)"
    assert celulas[2]["prioritario"].texto == "omitido (contagem < 5)"
    assert celulas[1]["prioritario"].texto == "50 %"
    assert celulas[0]["paif"].texto == "50 %"  # 10 families: shown
    sozinho = [_linha("31000010001", (0, 40)), _linha(None, (0, 40))]
    painel._suprimir(sozinho)
    assert painel._celulas(sozinho[0])["prioritario"].texto == "0 %"  # zero identifies no one


def test_painel_ordena_o_pior_primeiro_e_o_desconhecido_por_ultimo():
    linhas = [
        _linha("31000010001", (30, 60), paif=(10, 20), em_falta=2, meses=1),
        _linha("31000010002", (10, 60), paif=(None, 20), em_falta=0, meses=3),
        _linha("31000010003", (50, 60), paif=(5, 20), em_falta=1, meses=0),
    ]
    paginas = painel.paginas(linhas)
    ordem = {
        nome: [x["id_cras"][-1] for x in p["linhas"]] for nome, p in paginas.items() if p["nivel"] == "cras"
    }
    assert ordem["cras-nome.html"] == ["1", "2", "3"]
    assert ordem["cras-prioritario.html"] == ["2", "1", "3"]  # 16,7 %, 50 %, 83,3 %
    assert ordem["cras-paif.html"] == ["3", "1", "2"]  # 25 %, 50 %, sem dados
    assert ordem["cras-nob_rh.html"] == ["1", "3", "2"]
    assert ordem["cras-rma.html"] == ["2", "1", "3"]
    assert painel._celulas(linhas[0])["nob_rh"].texto == "Faltam 2 profissionais"
    assert painel._celulas(linhas[2])["nob_rh"].texto == "Falta 1 profissional"


def test_diferencas_de_ambiente_dizem_o_pacote_e_as_duas_versoes():
    cliente = {"cras-lib": "0.1.0", "pandas": "2.2.3", "python": "3.11.2"}
    worker = {"cras-lib": "0.2.0", "pandas": "2.2.3"}
    assert diferencas(cliente, worker) == [
        "cras-lib: 0.1.0 no cliente, 0.2.0 no worker",
        "python: 3.11.2 no cliente, ausente no worker",
    ]
    assert diferencas(cliente, dict(cliente)) == []
