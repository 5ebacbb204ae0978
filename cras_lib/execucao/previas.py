"""Checks made before anything runs or is written: the output folder can be used, and the report periods have
data. Each failure is an error in Portuguese that ``cras`` turns into exit code 2 (nothing published)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from cras_lib.erros import DadosInvalidos, ErroSaida, Problema
from cras_lib.execucao.gravacao import motivo


def _dentro(caminho: Path, pasta: Path) -> bool:
    return caminho == pasta or pasta in caminho.parents


def verificar_saida(saida: Path, dados: Path) -> None:
    """The output folder is a folder (or can be created), lies outside the data folder (and the data outside its
    shared ``html/``), and its folders ``html/``, ``notebooks/`` and ``logs/`` can be written."""
    saida, dados = Path(saida).resolve(), Path(dados).resolve()
    if saida.exists() and not saida.is_dir():
        raise ErroSaida(f"a pasta de saída {saida.name} é um arquivo, não uma pasta; escolha outra --saida")
    if _dentro(saida, dados):
        raise ErroSaida(
            "a pasta de saída está dentro da pasta de dados (--dados); escolha uma --saida fora dela, para que "
            "páginas, notebooks e registros não se misturem aos arquivos de entrada"
        )
    if _dentro(dados, saida / "html"):
        raise ErroSaida("a pasta de dados está dentro de SAIDA/html/, a pasta compartilhada; mova os dados")
    for pasta in (saida, saida / "html", saida / "notebooks", saida / "logs"):
        try:
            if pasta.exists() and not pasta.is_dir():
                raise NotADirectoryError(20, "not a directory")
            if pasta != saida and not pasta.exists():
                continue  # created when needed, inside SAIDA, which is checked
            pasta.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=pasta, prefix=".teste-gravacao.", suffix=".tmp"):
                pass
            if not os.access(pasta, os.W_OK | os.X_OK):
                raise PermissionError(13, "permission denied")
        except OSError as erro:
            nome = "SAIDA" if pasta == saida else f"SAIDA/{pasta.name}/"
            raise ErroSaida(
                f"não é possível gravar na pasta {nome} ({motivo(erro)}); nada foi executado"
            ) from None


def verificar_tabelas(municipio) -> None:
    """``unidades.csv`` and ``rma_cras.csv`` have at least one row: with only a header there is no CRAS or no
    month to report, and a plan "de 0 CRAS" must not be published. (Reading such a file is allowed: ``cras
    importar`` may produce a municipality without RMA.)"""
    problemas = [
        Problema(
            nome,
            None,
            None,
            "o arquivo tem só o cabeçalho, nenhuma linha de dados; nenhum documento pode ser gerado",
        )
        for nome, tabela in (("unidades.csv", municipio.unidades), ("rma_cras.csv", municipio.rma_cras))
        if tabela.empty
    ]
    if problemas:
        raise DadosInvalidos(problemas)


def verificar_periodos(config, rma: pd.DataFrame, tipos: tuple[str, ...]) -> None:
    """Each report period of the selected documents has at least one month of ``rma_cras.csv`` (a period with
    no RMA at all is a typo in the parameters, not a report of zeros)."""
    meses = rma["mes_referencia"].dropna()
    if meses.empty:
        return  # an empty RMA is refused by the reader
    primeiro, ultimo = meses.min(), meses.max()
    periodos = []
    if "avaliacao" in tipos:
        periodos.append(("avaliacao", config.avaliacao))
    if "cras" in tipos:
        periodos.append(("cras", config.periodo_cras))
    problemas = []
    for chave, periodo in periodos:
        inicio, fim = pd.Period(periodo.inicio, "M"), pd.Period(periodo.fim, "M")
        if not ((meses >= inicio) & (meses <= fim)).any():
            problemas.append(
                Problema(
                    "rma_cras.csv",
                    None,
                    "mes_referencia",
                    f"nenhum mês do período {periodo.inicio} a {periodo.fim} ('{chave}' em {config.arquivo.name}) "
                    f"consta do arquivo, que vai de {primeiro} a {ultimo}; corrija o período ou os dados",
                )
            )
    if problemas:
        raise DadosInvalidos(problemas)
