"""Reading the municipal params files (``params/*.yaml``) into their models, with every problem in Portuguese.

``carregar(modelo, caminho)`` is the one way to read a params file: YAML syntax errors come with line and column,
a key given twice is an error, then the mapping is validated by the model (:mod:`cras_lib.parametros.mensagens`
translates what is wrong). Every problem of the file is reported at once in one :class:`ParametrosInvalidos`;
:func:`ler` returns them instead, so that a run can gather the problems of all its files before stopping.
Files are named in messages relative to the working folder (or by folder and name), never by absolute path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from cras_lib.cache_declarado import CacheDeclarado
from cras_lib.erros import ParametrosInvalidos, ProblemaParametro
from cras_lib.parametros import mensagens

M = TypeVar("M", bound=BaseModel)

# PyYAML's problems (English) -> Portuguese; the first that starts the problem's text wins.
_SINTAXE = (
    ("mapping values are not allowed", "':' em lugar inesperado (um texto com ':' precisa de aspas)"),
    ("could not find expected ':'", "falta ':' depois de uma chave (ou há aspas sem fechar)"),
    ("found character '\\t'", "tabulação na indentação (use espaços)"),
    ("found a tab character", "tabulação na indentação (use espaços)"),
    ("did not find expected key", "indentação inconsistente: a linha não se alinha com as chaves acima"),
    ("did not find expected ',' or ']'", "lista entre colchetes sem fechar (falta ',' ou ']')"),
    ("expected ',' or ']'", "lista entre colchetes sem fechar (falta ',' ou ']')"),
    ("did not find expected ',' or '}'", "mapeamento entre chaves sem fechar (falta ',' ou '}')"),
    ("expected ',' or '}'", "mapeamento entre chaves sem fechar (falta ',' ou '}')"),
    ("expected <block end>", "indentação inconsistente: a linha não se alinha com as chaves acima"),
    ("found unexpected end of stream", "aspas sem fechar antes do fim do arquivo"),
    ("found undefined alias", "apelido (*nome) sem âncora (&nome) correspondente"),
    ("did not find expected node content", "falta um valor"),
    ("did not find expected '-' indicator", "indentação inconsistente na lista"),
    ("found unknown escape character", "sequência de escape inválida entre aspas duplas (use aspas simples)"),
    ("found unexpected ':'", "':' em lugar inesperado (um texto com ':' precisa de aspas)"),
)


def rotulo(caminho: str | Path) -> str:
    """How messages name a params file: relative to the working folder when inside it, else 'pasta/nome'."""
    caminho = Path(caminho)
    absoluto = Path(os.path.abspath(caminho))
    try:
        return absoluto.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return Path(absoluto.parent.name, absoluto.name).as_posix()


def _traduzir_sintaxe(problema: str | None) -> str:
    texto = problema or ""
    return next((pt for en, pt in _SINTAXE if texto.startswith(en)), "estrutura de YAML inválida")


class _Carregador(yaml.SafeLoader):
    """PyYAML's safe loader that records keys given twice in one mapping (PyYAML keeps the last silently)."""

    def __init__(self, fluxo):
        super().__init__(fluxo)
        self.repetidas: list[tuple[str, int, int]] = []

    def construct_mapping(self, node, deep=False):
        vistas = set()
        for chave_no, _valor in node.value:
            chave = self.construct_object(chave_no, deep=True)
            if not isinstance(chave, str | int | float | dt.date):
                continue  # an unhashable key: PyYAML's own constructor reports it
            if chave in vistas:
                marca = chave_no.start_mark
                self.repetidas.append((str(chave), marca.line + 1, marca.column + 1))
            vistas.add(chave)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        """A date that does not exist (2026-06-31) stays text, so that its model names the key."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Carregador.add_constructor("tag:yaml.org,2002:timestamp", _Carregador.construct_yaml_timestamp)


def ler_mapeamento(caminho: Path, nome: str) -> tuple[dict | None, list[ProblemaParametro]]:
    """The YAML mapping of ``caminho`` (named ``nome`` in messages) and the problems found reading it; the
    mapping is None when it cannot be read at all."""
    try:
        texto = caminho.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [
            ProblemaParametro(nome, (), "arquivo de parâmetros não encontrado", "o arquivo não existe")
        ]
    except IsADirectoryError:
        return None, [ProblemaParametro(nome, (), "arquivo de parâmetros não encontrado", "é uma pasta")]
    except UnicodeDecodeError:
        return None, [ProblemaParametro(nome, (), "codificação inválida", "salve o arquivo em UTF-8")]
    except OSError as erro:
        motivo = erro.strerror or "erro de leitura"
        return None, [ProblemaParametro(nome, (), "não foi possível ler o arquivo", motivo)]
    carregador = _Carregador(texto)
    try:
        dados = carregador.get_single_data()
    except yaml.MarkedYAMLError as erro:
        marca = erro.problem_mark or erro.context_mark
        linha, coluna = (marca.line + 1, marca.column + 1) if marca else (None, None)
        return None, [
            ProblemaParametro(
                nome, (), "erro de sintaxe YAML", _traduzir_sintaxe(erro.problem), linha, coluna
            )
        ]
    except yaml.YAMLError:
        return None, [ProblemaParametro(nome, (), "erro de sintaxe YAML", "estrutura de YAML inválida")]
    finally:
        carregador.dispose()
    problemas = [
        ProblemaParametro(nome, (), f"chave repetida '{chave}'", "cada chave aparece uma vez", linha, coluna)
        for chave, linha, coluna in carregador.repetidas
    ]
    if dados is None:
        dados = {}
    if not isinstance(dados, dict):
        problemas.append(
            ProblemaParametro(
                nome, (), "conteúdo inválido", "o arquivo deve ser um mapeamento (chave: valor)"
            )
        )
        return None, problemas
    return dados, problemas


def ler_yaml(caminho: str | Path) -> dict:
    """The mapping in the YAML file ``caminho`` (empty file -> ``{}``), not validated by any model.

    Raises :class:`ParametrosInvalidos` naming the file when it is absent, unreadable, not valid YAML (with
    line and column), has a key twice or is not a mapping of ``chave: valor``.
    """
    dados, problemas = ler_mapeamento(Path(caminho), rotulo(caminho))
    if problemas:
        raise ParametrosInvalidos(problemas)
    return dados


def linhas_das_chaves(caminho: str | Path) -> dict[tuple[str, ...], int]:
    """Line (1-based) of every key and list item of the YAML file, by key path as messages show it; empty when
    the file cannot be read."""
    try:
        raiz = yaml.compose(Path(caminho).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    linhas: dict[tuple[str, ...], int] = {}
    pendentes = [((), raiz)]
    while pendentes:
        prefixo, no = pendentes.pop()
        if isinstance(no, yaml.MappingNode):
            filhos = [
                (chave.value, chave, valor) for chave, valor in no.value if isinstance(chave, yaml.ScalarNode)
            ]
        elif isinstance(no, yaml.SequenceNode):
            filhos = [(mensagens.rotulo_da_chave(i), item, item) for i, item in enumerate(no.value)]
        else:
            continue
        for nome, marca, valor in filhos:
            linhas.setdefault((*prefixo, nome), marca.start_mark.line + 1)
            pendentes.append(((*prefixo, nome), valor))
    return linhas


def validar(
    modelo: type[M], dados, arquivo: str, caminho: str | Path | None = None
) -> tuple[M | None, list[ProblemaParametro]]:
    """``dados`` validated by ``modelo``; on failure ``(None, problems)`` naming ``arquivo``, each key path and,
    with the file's ``caminho``, each line (:func:`linhas_das_chaves`, read only then: a valid file, the usual
    case, is parsed once)."""
    try:
        return modelo.model_validate(dados), []
    except ValidationError as erro:
        linhas = linhas_das_chaves(caminho) if caminho is not None else None
        return None, mensagens.problemas(erro, modelo, arquivo, linhas)


def ler(modelo: type[M], caminho: str | Path) -> tuple[M | None, list[ProblemaParametro]]:
    """The file ``caminho`` read and validated by ``modelo``, or ``(None, every problem found)``."""
    nome = rotulo(caminho)
    dados, problemas = ler_mapeamento(Path(caminho), nome)
    if dados is None:
        return None, problemas
    valor, invalidos = validar(modelo, dados, nome, caminho if dados else None)
    problemas += invalidos
    return (None if problemas else valor), problemas


class CacheParametros(CacheDeclarado):
    """A declared cache of :func:`carregar`, for processes that read the same params files for document after
    document (the warm kernels of the runner, ``cras_lib.execucao.aquecimento``). Off by default.

    When active it keeps the last few files read, keyed by model, resolved path and the sha256 of the file's
    bytes (an edited file is read again); every call gets its own deep copy of the model, so a document that
    changes its parameters never changes the next document's. Invalid files are never kept.
    """

    TAMANHO = 8

    def __init__(self) -> None:
        super().__init__()
        self._valores: dict[tuple, BaseModel] = {}

    def limpar(self) -> None:
        self._valores.clear()

    def obter(self, modelo: type[M], caminho: str | Path) -> M:
        """A copy of the valid ``modelo`` read from ``caminho``, read again only when the file changed."""
        arquivo = Path(caminho)
        try:
            chave = (modelo, str(arquivo.resolve()), hashlib.sha256(arquivo.read_bytes()).hexdigest())
        except OSError:  # reading it again reports the problem with the file's name
            return _carregar(modelo, caminho)
        if chave not in self._valores:
            if len(self._valores) >= self.TAMANHO:
                self._valores.pop(next(iter(self._valores)))
            self._valores[chave] = _carregar(modelo, caminho)
        return self._valores[chave].model_copy(deep=True)


cache = CacheParametros()
"""The one cache of :func:`carregar` (inactive unless a long-lived process calls ``cache.ativar()``)."""


def carregar(modelo: type[M], caminho: str | Path) -> M:
    """The params file ``caminho`` as a ``modelo``; raises :class:`ParametrosInvalidos` with every problem."""
    if cache.ativo:
        return cache.obter(modelo, caminho)
    return _carregar(modelo, caminho)


def _carregar(modelo: type[M], caminho: str | Path) -> M:
    valor, problemas = ler(modelo, caminho)
    if problemas:
        raise ParametrosInvalidos(problemas)
    return valor
