"""The base of every params model and the value types they share (fractions, months, dates).

Every model forbids unknown keys (``extra="forbid"``: a typo is an error, never a silent default) and is frozen
(parameters are read once and not changed). Numbers are strict (``15`` or ``15.0``, never ``"15"`` nor ``true``);
dates accept a YAML date (``2025-12-31``) or the same text in quotes. Errors raised here use
``PydanticCustomError`` with a type starting ``cras_`` and a Portuguese message (see :mod:`cras_lib.parametros.mensagens`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictFloat, StrictInt
from pydantic_core import PydanticCustomError

PREFIXO_PROPRIO = "cras_"
"""Error types of the models' own checks start with this; their message is already Portuguese."""
_MES = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def erro(codigo: str, mensagem: str) -> PydanticCustomError:
    """A validation error of the models' own checks: ``mensagem`` (Portuguese) says what the value should be."""
    return PydanticCustomError(PREFIXO_PROPRIO + codigo, mensagem)


class Modelo(BaseModel):
    """Base of the params models: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _mes(valor):
    texto = str(valor).strip() if isinstance(valor, str | int) else None
    if texto is None or not _MES.match(texto):
        raise erro("mes", 'deve ser um mês no formato AAAA-MM, entre aspas (ex.: "2025-01")')
    return texto


def _data(valor):
    if isinstance(valor, dt.datetime):
        return valor.date()
    if isinstance(valor, dt.date):
        return valor
    try:
        return dt.date.fromisoformat(str(valor).strip()) if isinstance(valor, str) else None
    except ValueError:
        pass
    raise erro("data", "deve ser uma data que existe, no formato AAAA-MM-DD")


def _texto_nao_vazio(valor):
    if not isinstance(valor, str | int) or isinstance(valor, bool) or not str(valor).strip():
        raise erro("texto", "deve ser um texto não vazio")
    return str(valor).strip()


Inteiro = StrictInt
Numero = StrictFloat
Fracao = Annotated[StrictFloat, Field(ge=0, le=1)]
"""A share as a fraction: 0.5 = 50 %."""
Mes = Annotated[str, BeforeValidator(_mes)]
"""A month 'AAAA-MM' (the notebooks' parameter format)."""
Data = Annotated[dt.date, BeforeValidator(_data)]
"""A date: YAML ``2025-12-31`` or ``"2025-12-31"``."""
Texto = Annotated[str, BeforeValidator(_texto_nao_vazio)]
"""A non-empty text (surrounding spaces removed)."""


def _uf(valor: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", valor):
        raise erro("uf", "deve ser a sigla da UF, com duas letras (ex.: MG)")
    return valor.upper()


UF = Annotated[Texto, AfterValidator(_uf)]
"""A state's two-letter code, kept in upper case."""


def secao(valor):
    """A section left empty in the YAML (``ciclos:`` with every line commented out) takes its defaults."""
    return {} if valor is None else valor


def lista(valor):
    """A list left empty in the YAML (``recessos:`` with nothing under it) is an empty list."""
    return () if valor is None else valor
