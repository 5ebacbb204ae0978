"""The library's error types, with messages in Brazilian Portuguese for the user."""

from __future__ import annotations

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


class ErroCras(Exception):
    """Base of every error raised by cras_lib."""


class DadosInvalidos(ErroCras, ValueError):
    """Input data that breaks the data contract; carries every problem found, not only the first."""

    def __init__(self, problemas: list[Problema]):
        self.problemas = list(problemas)
        n = len(self.problemas)
        cabecalho = "1 problema encontrado nos dados:" if n == 1 else f"{n} problemas encontrados nos dados:"
        super().__init__("\n".join([cabecalho, *(f"- {p}" for p in self.problemas)]))


class ParametrosInvalidos(ErroCras, ValueError):
    """A params file (YAML) that is absent, unreadable or breaks its expected shape (message in Portuguese)."""


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
