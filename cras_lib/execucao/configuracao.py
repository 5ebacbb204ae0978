"""The run's parameters file (``params/exemplo.yaml``): municipality, periods, plan year and per-document params.

One YAML describes a whole run of a municipality; ``documentos.py`` maps it to each notebook's parameters.
Relative paths are resolved against the YAML's own folder, so the file can be used from any working directory.
:func:`carregar_configuracao` validates the run file (model :class:`ArquivoExecucao`) and every per-document
params file it names (their models), and reports every problem of every file at once, in Portuguese
(:class:`ErroConfiguracao`), before anything runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from cras_lib.calculo.periodo import Periodo
from cras_lib.erros import ErroConfiguracao, ProblemaParametro
from cras_lib.parametros.arquivo import ler, ler_mapeamento, linhas_das_chaves, rotulo, validar
from cras_lib.parametros.avaliacao import ArquivoAvaliacao
from cras_lib.parametros.boletim import ArquivoBoletim
from cras_lib.parametros.execucao import ArquivoExecucao
from cras_lib.parametros.plano_scfv import ArquivoPlano

# Section of the run file -> model of the params file named by its key ``params``.
MODELOS_POR_SECAO: dict[str, type[BaseModel]] = {
    "plano": ArquivoPlano,
    "avaliacao": ArquivoAvaliacao,
    "cras": ArquivoAvaliacao,
    "boletim": ArquivoBoletim,
}


@dataclass(frozen=True)
class Configuracao:
    arquivo: Path
    municipio_nome: str
    uf: str
    limiar_supressao: int
    ano_plano: int
    data_referencia: str  # AAAA-MM-DD
    params_plano: Path
    avaliacao: Periodo
    comparacao: Periodo
    params_avaliacao: Path
    periodo_cras: Periodo
    comparacao_cras: Periodo | None  # None: the CRAS reports compare with nothing
    data_referencia_cras: str | None  # None: the notebook's own default
    params_cras: Path | None
    params_boletim: Path | None = None  # None: the checks' defaults
    mes_boletim: str | None = None  # 'AAAA-MM'; None: the last month of rma_cras.csv

    @property
    def rotulo_municipio(self) -> str:
        """'Vale Serrano/MG': how the pages' header and the cache key name the municipality."""
        return f"{self.municipio_nome}/{self.uf}"


def _arquivos_por_secao(
    dados: dict, arquivo: Path, nome: str
) -> tuple[dict[str, Path], list[ProblemaParametro]]:
    """The per-document params files named in the run file (read from the raw mapping, so that they are checked
    even when the run file has other problems), and the problems of those that do not exist."""
    arquivos, problemas = {}, []
    for secao in MODELOS_POR_SECAO:
        valor = dados[secao].get("params") if isinstance(dados.get(secao), dict) else None
        if not isinstance(valor, str) or not valor.strip():
            continue  # absent or not a text: the run file's model reports it
        caminho = (arquivo.parent / valor.strip()).resolve()
        if caminho.is_file():
            arquivos[secao] = caminho
        else:
            problemas.append(
                ProblemaParametro(
                    nome,
                    (secao, "params"),
                    f"arquivo não encontrado '{valor.strip()}'",
                    "o caminho é relativo à pasta do arquivo de execução",
                    linhas_das_chaves(arquivo).get((secao, "params")),
                )
            )
    return arquivos, problemas


def _sobrepor(base: dict, ajustes: dict) -> dict:
    """``base`` with ``ajustes`` merged in, mapping by mapping (a value of ``ajustes`` wins)."""
    saida = dict(base)
    for chave, valor in ajustes.items():
        anterior = saida.get(chave)
        saida[chave] = (
            _sobrepor(anterior, valor) if isinstance(anterior, dict) and isinstance(valor, dict) else valor
        )
    return saida


def carregar_configuracao(arquivo: Path, ajustes: dict | None = None) -> Configuracao:
    """Read and validate the run parameters file and every params file it names; raise
    :class:`ErroConfiguracao` listing every problem of every file.

    ``ajustes`` (a multi-municipality run: one municipality's name, UF and overrides) is merged into the file's
    mapping before validation; the file's own ``municipios`` section (the per-municipality overrides, see
    ``execucao/estado.py``) is not part of one municipality's configuration."""
    arquivo = Path(arquivo).resolve()
    nome = rotulo(arquivo)
    dados, problemas = ler_mapeamento(arquivo, nome)
    if dados is None:
        raise ErroConfiguracao(problemas)
    dados = {k: v for k, v in dados.items() if k != "municipios"}
    if ajustes:
        dados = _sobrepor(dados, ajustes)
    modelo, invalidos = validar(ArquivoExecucao, dados, nome, arquivo)
    arquivos, ausentes = _arquivos_por_secao(dados, arquivo, nome)
    problemas += invalidos + ausentes
    lidos: set[Path] = set()
    for secao, caminho in arquivos.items():
        if caminho not in lidos:  # the evaluation and the CRAS reports usually share one file
            lidos.add(caminho)
            problemas += ler(MODELOS_POR_SECAO[secao], caminho)[1]
    if problemas:
        raise ErroConfiguracao(problemas)
    return _configuracao(arquivo, modelo, arquivos)


def _configuracao(arquivo: Path, m: ArquivoExecucao, arquivos: dict[str, Path]) -> Configuracao:
    cras = m.cras
    return Configuracao(
        arquivo=arquivo,
        municipio_nome=m.municipio.nome,
        uf=m.municipio.uf,
        limiar_supressao=m.limiar_supressao,
        ano_plano=m.plano.ano,
        data_referencia=m.plano.data_referencia.isoformat(),
        params_plano=arquivos["plano"],
        avaliacao=Periodo(m.avaliacao.inicio, m.avaliacao.fim),
        comparacao=Periodo(m.avaliacao.comparacao_inicio, m.avaliacao.comparacao_fim),
        params_avaliacao=arquivos["avaliacao"],
        periodo_cras=Periodo(cras.inicio, cras.fim),
        comparacao_cras=Periodo(cras.comparacao_inicio, cras.comparacao_fim)
        if cras.comparacao_inicio
        else None,
        data_referencia_cras=cras.data_referencia.isoformat() if cras.data_referencia else None,
        params_cras=arquivos.get("cras"),
        params_boletim=arquivos.get("boletim"),
        mes_boletim=m.boletim.mes_referencia,
    )
