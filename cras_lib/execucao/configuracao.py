"""The run's parameters file (``params/exemplo.yaml``): municipality, periods, plan year and per-document params.

One YAML describes a whole run of a municipality; ``documentos.py`` maps it to each notebook's parameters.
Relative paths are resolved against the YAML's own folder, so the file can be used from any working directory.
Every problem is collected and reported at once, in Portuguese (``ErroConfiguracao``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from cras_lib.calculo.periodo import Periodo
from cras_lib.erros import ErroCras, ParametrosInvalidos
from cras_lib.parametros.arquivo import ler_yaml

_MES = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class ErroConfiguracao(ErroCras, ValueError):
    """A run parameters file that cannot be used; the message lists every problem, in Portuguese."""

    def __init__(self, arquivo: Path, problemas: list[str]):
        self.arquivo = arquivo
        self.problemas = problemas
        linhas = [f"Arquivo de parâmetros inválido: {arquivo}", *(f"- {p}" for p in problemas)]
        super().__init__("\n".join(linhas))


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

    @property
    def rotulo_municipio(self) -> str:
        """'Vale Serrano/MG': how the pages' header and the cache key name the municipality."""
        return f"{self.municipio_nome}/{self.uf}"


class _Leitor:
    """Reads typed values out of the YAML mapping, collecting problems instead of stopping at the first."""

    def __init__(self, dados: dict, pasta: Path):
        self.dados = dados
        self.pasta = pasta
        self.problemas: list[str] = []

    def _bruto(self, chave: str, obrigatorio: bool = True):
        valor = self.dados
        for parte in chave.split("."):
            valor = valor.get(parte) if isinstance(valor, dict) else None
        if valor is None and obrigatorio:
            self.problemas.append(f"falta o campo '{chave}'")
        return valor

    def presente(self, *chaves: str) -> bool:
        """Whether any of the optional fields is given (then all of them are required)."""
        return any(self._bruto(c, obrigatorio=False) is not None for c in chaves)

    def texto(self, chave: str) -> str:
        valor = self._bruto(chave)
        if valor is not None and not str(valor).strip():
            self.problemas.append(f"o campo '{chave}' está vazio")
        return "" if valor is None else str(valor).strip()

    def inteiro(self, chave: str, minimo: int, maximo: int) -> int:
        valor = self._bruto(chave)
        if valor is None:
            return minimo
        if isinstance(valor, bool) or not isinstance(valor, int) or not minimo <= valor <= maximo:
            self.problemas.append(f"o campo '{chave}' deve ser um número inteiro entre {minimo} e {maximo}")
            return minimo
        return valor

    def mes(self, chave: str) -> str:
        valor = self._bruto(chave)
        if valor is None:
            return ""
        texto = str(valor).strip()
        if not _MES.match(texto):
            self.problemas.append(
                f"o campo '{chave}' deve ser um mês no formato AAAA-MM (recebido: {texto!r})"
            )
        return texto

    def data(self, chave: str) -> str:
        valor = self._bruto(chave)
        if valor is None:
            return ""
        if isinstance(valor, dt.date):
            return valor.isoformat()
        try:
            return dt.date.fromisoformat(str(valor).strip()).isoformat()
        except ValueError:
            self.problemas.append(
                f"o campo '{chave}' deve ser uma data no formato AAAA-MM-DD (recebido: {valor!r})"
            )
            return ""

    def periodo(self, chave_inicio: str, chave_fim: str) -> Periodo | None:
        """The period, or None when a month is invalid (the problem is recorded; no configuration is made)."""
        inicio, fim = self.mes(chave_inicio), self.mes(chave_fim)
        if not (_MES.match(inicio) and _MES.match(fim)):
            return None
        if inicio > fim:
            self.problemas.append(f"'{chave_inicio}' ({inicio}) é posterior a '{chave_fim}' ({fim})")
        return Periodo(inicio, fim)

    def arquivo(self, chave: str, obrigatorio: bool = True) -> Path | None:
        valor = self._bruto(chave, obrigatorio)
        if valor is None:
            return None
        caminho = (self.pasta / str(valor)).resolve()
        if not caminho.is_file():
            self.problemas.append(f"o arquivo indicado em '{chave}' não existe: {caminho}")
        return caminho


def carregar_configuracao(arquivo: Path) -> Configuracao:
    """Read and validate the run parameters file; raise ``ErroConfiguracao`` listing every problem."""
    arquivo = Path(arquivo).resolve()
    try:
        dados = ler_yaml(arquivo)
    except ParametrosInvalidos as erro:
        raise ErroConfiguracao(arquivo, [str(erro).split(": ", 1)[1]]) from None

    ler = _Leitor(dados, arquivo.parent)
    configuracao = Configuracao(
        arquivo=arquivo,
        municipio_nome=ler.texto("municipio.nome"),
        uf=ler.texto("municipio.uf").upper(),
        limiar_supressao=ler.inteiro("limiar_supressao", 1, 1000) if "limiar_supressao" in dados else 5,
        ano_plano=ler.inteiro("plano.ano", 1900, 2200),
        data_referencia=ler.data("plano.data_referencia"),
        params_plano=ler.arquivo("plano.params"),
        avaliacao=ler.periodo("avaliacao.inicio", "avaliacao.fim"),
        comparacao=ler.periodo("avaliacao.comparacao_inicio", "avaliacao.comparacao_fim"),
        params_avaliacao=ler.arquivo("avaliacao.params"),
        periodo_cras=ler.periodo("cras.inicio", "cras.fim"),
        comparacao_cras=(
            ler.periodo("cras.comparacao_inicio", "cras.comparacao_fim")
            if ler.presente("cras.comparacao_inicio", "cras.comparacao_fim")
            else None
        ),
        data_referencia_cras=ler.data("cras.data_referencia")
        if ler.presente("cras.data_referencia")
        else None,
        params_cras=ler.arquivo("cras.params", obrigatorio=False),
    )
    if configuracao.uf and not re.fullmatch(r"[A-Z]{2}", configuracao.uf):
        ler.problemas.append(f"o campo 'municipio.uf' deve ter duas letras (recebido: {configuracao.uf!r})")
    if ler.problemas:
        raise ErroConfiguracao(arquivo, ler.problemas)
    return configuracao
