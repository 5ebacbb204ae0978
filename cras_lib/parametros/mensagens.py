"""Pydantic's validation errors as :class:`ProblemaParametro`, in Portuguese, with the closest valid key.

Pydantic's own (English) text is never shown: each error type it reports is translated here; the errors the
models raise themselves (``PydanticCustomError``) already carry a Portuguese message. An unknown key names the
closest valid key of the same mapping (``difflib``), or lists the valid keys when none is close.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from cras_lib.erros import ProblemaParametro
from cras_lib.parametros.modelo import PREFIXO_PROPRIO

# Error types of pydantic -> what the value should be, in Portuguese ("{...}" takes the error's context).
_ESPERADO = {
    "int_type": "deve ser um número inteiro",
    "int_parsing": "deve ser um número inteiro",
    "int_from_float": "deve ser um número inteiro",
    "float_type": "deve ser um número (com ponto decimal: 0.5)",
    "float_parsing": "deve ser um número (com ponto decimal: 0.5)",
    "finite_number": "deve ser um número finito",
    "bool_type": "deve ser true ou false",
    "bool_parsing": "deve ser true ou false",
    "string_type": "deve ser um texto",
    "string_too_short": "não pode ficar vazio",
    "greater_than": "deve ser maior que {gt}",
    "greater_than_equal": "deve ser maior ou igual a {ge}",
    "less_than": "deve ser menor que {lt}",
    "less_than_equal": "deve ser menor ou igual a {le}",
    "dict_type": "deve ser um mapeamento de chaves (chave: valor)",
    "model_type": "deve ser um mapeamento de chaves (chave: valor)",
    "model_attributes_type": "deve ser um mapeamento de chaves (chave: valor)",
    "list_type": "deve ser uma lista (ex.: [a, b] ou um item por linha começando com '-')",
    "tuple_type": "deve ser uma lista (ex.: [a, b] ou um item por linha começando com '-')",
    "too_short": "deve ter ao menos {min_length} item(ns)",
    "too_long": "deve ter no máximo {max_length} item(ns)",
    "date_type": "deve ser uma data no formato AAAA-MM-DD",
    "date_parsing": "deve ser uma data no formato AAAA-MM-DD",
    "date_from_datetime_parsing": "deve ser uma data no formato AAAA-MM-DD",
    "date_from_datetime_inexact": "deve ser uma data no formato AAAA-MM-DD",
}
_CHAVE_DE_DICIONARIO = "[key]"


def _simples(tipo):
    """The type without ``Annotated`` and ``| None``."""
    while True:
        origem = typing.get_origin(tipo)
        if origem is typing.Annotated:
            tipo = typing.get_args(tipo)[0]
        elif origem in (typing.Union, types.UnionType):
            outros = [a for a in typing.get_args(tipo) if a is not type(None)]
            if len(outros) != 1:
                return tipo
            tipo = outros[0]
        else:
            return tipo


def _e_modelo(tipo) -> bool:
    return isinstance(tipo, type) and issubclass(tipo, BaseModel)


def _campo(modelo: type[BaseModel], chave) -> FieldInfo | None:
    return next((f for n, f in modelo.model_fields.items() if (f.alias or n) == chave), None)


def chaves_validas(modelo: type[BaseModel]) -> list[str]:
    """The keys a model accepts, as written in the YAML (aliases)."""
    return [f.alias or n for n, f in modelo.model_fields.items()]


def _tipo_em(modelo: type[BaseModel], caminho: Sequence) -> object | None:
    """The type expected at ``caminho`` (keys and list positions) under ``modelo``; None when unknown."""
    tipo = modelo
    for parte in caminho:
        tipo = _simples(tipo)
        if _e_modelo(tipo):
            campo = _campo(tipo, parte)
            if campo is None:
                return None
            tipo = campo.annotation
        elif typing.get_origin(tipo) in (dict, Mapping):
            tipo = typing.get_args(tipo)[1]
        elif typing.get_origin(tipo) in (list, tuple, Sequence):
            tipo = typing.get_args(tipo)[0]
        else:
            return None
    return _simples(tipo)


def _campo_em(modelo: type[BaseModel], caminho: Sequence) -> FieldInfo | None:
    pai = _tipo_em(modelo, caminho[:-1])
    return _campo(pai, caminho[-1]) if _e_modelo(pai) and caminho else None


def sugestao(chave: str, validas: Sequence[str]) -> str | None:
    """'você quis dizer 'x'?' for the closest valid key, else the list of valid keys (None if there is none)."""
    por_minusculas = {v.lower(): v for v in validas}  # 'UF' -> 'uf'
    proximas = difflib.get_close_matches(str(chave).lower(), list(por_minusculas), n=1, cutoff=0.6)
    if proximas:
        return f"você quis dizer '{por_minusculas[proximas[0]]}'?"
    if validas:
        return f"chaves válidas: {', '.join(validas)}"
    return None


def mostrar(valor) -> str:
    """A YAML value as the message shows it: 'quinze', 15, true, vazio, um mapeamento, uma lista."""
    if valor is None:
        return "vazio"
    if isinstance(valor, bool):
        return "true" if valor else "false"
    if isinstance(valor, Mapping):
        return "um mapeamento (chave: valor)"
    if isinstance(valor, list | tuple):
        return "uma lista"
    if isinstance(valor, str):
        return f"'{valor}'"
    return str(valor)


def _numero(valor):
    """A bound as the message shows it: 0 rather than 0.0."""
    if isinstance(valor, float) and valor.is_integer():
        return int(valor)
    return valor


def rotulo_da_chave(parte) -> str:
    """A step of a key path as messages show it: the key, or '2º item' for a position in a list."""
    return f"{parte + 1}º item" if isinstance(parte, int) else str(parte)


def _literais(tipo) -> list[str]:
    if typing.get_origin(tipo) is typing.Literal:
        return [str(v) for v in typing.get_args(tipo)]
    return []


def _problema(erro: dict, modelo: type[BaseModel], arquivo: str) -> tuple[ProblemaParametro, tuple[str, ...]]:
    """The problem and where in the file it is (the key path of the offending key or value)."""
    tipo_erro, loc = erro["type"], tuple(erro["loc"])
    contexto = erro.get("ctx") or {}
    mostrado = tuple(rotulo_da_chave(p) for p in loc)
    if tipo_erro == "extra_forbidden":
        pai = _tipo_em(modelo, loc[:-1])
        validas = chaves_validas(pai) if _e_modelo(pai) else []
        return ProblemaParametro(
            arquivo, mostrado[:-1], f"chave desconhecida '{loc[-1]}'", sugestao(loc[-1], validas)
        ), mostrado
    if tipo_erro == "missing":
        campo = _campo_em(modelo, loc)
        dica = campo.description if campo is not None else None
        return ProblemaParametro(
            arquivo, mostrado[:-1], f"falta a chave obrigatória '{loc[-1]}'", dica
        ), mostrado[:-1]
    if loc and loc[-1] == _CHAVE_DE_DICIONARIO:  # a key of a mapping whose keys are checked
        chave = loc[-2]
        if tipo_erro == "literal_error":
            dica = sugestao(chave, _literais(_simples(typing.get_args(_tipo_em(modelo, loc[:-2]))[0])))
        else:
            dica = erro["msg"] if tipo_erro.startswith(PREFIXO_PROPRIO) else "chave não aceita"
        return ProblemaParametro(arquivo, mostrado[:-2], f"chave desconhecida '{chave}'", dica), mostrado[:-1]
    if tipo_erro == "literal_error":
        validas = _literais(_tipo_em(modelo, loc))
        dica = f"use um destes: {', '.join(validas)}" if validas else "valor não aceito"
    elif tipo_erro in _ESPERADO:
        dica = _ESPERADO[tipo_erro].format(**{k: _numero(v) for k, v in contexto.items()})
    elif tipo_erro.startswith(PREFIXO_PROPRIO):
        dica = erro["msg"]  # raised by the models themselves: already Portuguese
    else:
        dica = "valor não aceito"  # pydantic's own text would be English
    valor = erro.get("input")
    if isinstance(valor, Mapping) and tipo_erro.startswith(PREFIXO_PROPRIO):
        return ProblemaParametro(
            arquivo, mostrado, erro["msg"]
        ), mostrado  # a check across keys of one mapping
    mensagem = (
        f"valor inválido {mostrar(valor)}" if not isinstance(valor, Mapping | list) else "valor inválido"
    )
    return ProblemaParametro(arquivo, mostrado, mensagem, dica), mostrado


def problemas(
    erro: ValidationError,
    modelo: type[BaseModel],
    arquivo: str,
    linhas: Mapping[tuple[str, ...], int] | None = None,
) -> list[ProblemaParametro]:
    """Every error of ``erro`` (raised validating ``modelo`` from the file ``arquivo``), in Portuguese; with
    ``linhas`` (key path -> line of the file, :func:`cras_lib.parametros.arquivo.linhas_das_chaves`) each
    problem also says its line."""
    saida: list[ProblemaParametro] = []
    for e in erro.errors(include_url=False):
        p, onde = _problema(e, modelo, arquivo)
        if linhas and onde in linhas:
            p = dataclasses.replace(p, linha=linhas[onde])
        if p not in saida:
            saida.append(p)
    return saida
