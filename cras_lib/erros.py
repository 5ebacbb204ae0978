"""The library's one exception hierarchy (base :class:`ErroCras`), with messages in Brazilian Portuguese.

Every class survives ``pickle`` with its message and fields (a distributed executor sends errors between
processes): classes whose constructor takes structured fields rebuild themselves from those fields
(``__reduce__``), the others keep their message in ``args``. Which exit code of ``cras`` each class means is
decided in one place, ``cras_lib.execucao.codigos.CODIGOS_SAIDA``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problema:
    """One problem found in an input file: where (file, line, column) and what, in Portuguese.

    ``linha`` is the line of the file as a person sees it in an editor (the header is line 1);
    ``None`` when the problem concerns the whole file. ``coluna`` is the header as written in the
    file (or the contract's name when the column is absent).
    """

    arquivo: str
    linha: int | None
    coluna: str | None
    mensagem: str

    def __str__(self) -> str:
        partes = [f"arquivo {self.arquivo}"]
        if self.linha is not None:
            partes.append(f"linha {self.linha}")
        if self.coluna is not None:
            partes.append(f"coluna '{self.coluna}'")
        return f"{', '.join(partes)}: {self.mensagem}"


@dataclass(frozen=True)
class ProblemaParametro:
    """One problem of a params file (YAML): what, in which file, at which key path, and a hint.

    ``arquivo`` is the file as the user names it (relative, e.g. ``params/plano_scfv.yaml``; never an absolute
    path, since messages may reach a shared page); ``caminho`` the keys from the top of the file down to the
    problem (``("ciclos", "6_a_15")``; empty for the whole file); ``dica`` what to do (the closest valid key,
    the expected type); ``linha``/``coluna`` the position in the file, when known (YAML syntax errors).

    ``str()``: "chave desconhecida 'tamanho_grupos' em params/plano_scfv.yaml, ciclos › 6_a_15 — você quis dizer
    'tamanho_grupo'?".
    """

    arquivo: str
    caminho: tuple[str, ...]
    mensagem: str
    dica: str | None = None
    linha: int | None = None
    coluna: int | None = None

    @property
    def chave(self) -> str:
        """The key path as the message shows it: 'ciclos › 6_a_15' ('' for the whole file)."""
        return " › ".join(self.caminho)

    def __str__(self) -> str:
        local = self.arquivo + (f", {self.chave}" if self.caminho else "")
        if self.linha is not None:
            local += f" (linha {self.linha}" + (
                f", coluna {self.coluna})" if self.coluna is not None else ")"
            )
        return f"{self.mensagem} em {local}" + (f" — {self.dica}" if self.dica else "")


def _lista(cabecalho: str, itens: Sequence) -> str:
    return "\n".join([cabecalho, *(f"- {item}" for item in itens)])


class ErroCras(Exception):
    """Base of every error raised by cras_lib for a user-facing failure (message in Portuguese)."""


class DadosInvalidos(ErroCras, ValueError):
    """Input data that breaks the data contract; carries every problem found, not only the first."""

    def __init__(self, problemas: Sequence[Problema]):
        self.problemas = list(problemas)
        n = len(self.problemas)
        cabecalho = "1 problema encontrado nos dados:" if n == 1 else f"{n} problemas encontrados nos dados:"
        super().__init__(_lista(cabecalho, self.problemas))

    def __reduce__(self):
        return type(self), (self.problemas,)


class ParametrosInvalidos(ErroCras, ValueError):
    """Params files (YAML) that are absent, unreadable or break their models; carries every problem found
    (:class:`ProblemaParametro`), of every file, not only the first."""

    def __init__(self, problemas: Sequence[ProblemaParametro]):
        self.problemas = list(problemas)
        n = len(self.problemas)
        cabecalho = (
            "1 problema encontrado nos parâmetros:"
            if n == 1
            else f"{n} problemas encontrados nos parâmetros:"
        )
        super().__init__(_lista(cabecalho, self.problemas))

    def __reduce__(self):
        return type(self), (self.problemas,)


class ErroConfiguracao(ParametrosInvalidos):
    """The parameters of a run that cannot be used: the run file (``--params``) or a per-document params file it
    names; every problem of every file at once."""


class ArgumentoInvalido(ErroCras, ValueError):
    """A library function called with a value it cannot use (an inverted period, a date or weekday that does not
    exist); the message says which value and what is expected."""


class ErroSelecao(ErroCras, ValueError):
    """A run that cannot be planned (unknown CRAS or document kind, missing notebook); message in Portuguese."""


class ErroOcupada(ErroCras):
    """Another ``cras run`` is writing to the same output folder."""


class ErroSaida(ErroCras):
    """An output folder that cannot be used (a file, inside the data folder, not writable); found before anything
    runs."""


class ErroNucleo(ErroCras):
    """A warm kernel that could not be started or reset (an execution failure, not bad input)."""


class ErroPublicacao(ErroCras):
    """A page that must not be published (the privacy guard found a personal value in it)."""


class MunicipioAusente(ErroCras, LookupError):
    """The municipality asked for (``cras importar --municipio``) is in none of the files; ``encontrados`` maps
    each municipality code found to its name in the files ("" when unknown)."""

    def __init__(self, municipio: str, encontrados: dict[str, str]):
        self.municipio = municipio
        self.encontrados = dict(sorted(encontrados.items()))
        lista = [f"{c} ({n})" if n else c for c, n in self.encontrados.items()]
        mostrados = ", ".join(lista[:30]) + (f" e mais {len(lista) - 30}" if len(lista) > 30 else "")
        super().__init__(
            f"o município {municipio} não aparece em nenhum arquivo da origem; "
            + (
                f"municípios encontrados: {mostrados}"
                if lista
                else "nenhum município encontrado nos arquivos"
            )
        )

    def __reduce__(self):
        return type(self), (self.municipio, self.encontrados)


class ErroAmbienteDistribuido(ErroCras):
    """The Dask cluster of ``--executor dask`` cannot be used: unreachable, without workers, or with other project
    or package versions than the client's (every difference, per worker)."""
