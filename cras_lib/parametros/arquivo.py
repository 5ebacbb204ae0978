"""Reading the municipal params files (``params/*.yaml``): one mapping per file, errors in Portuguese."""

from __future__ import annotations

from pathlib import Path

import yaml

from cras_lib.erros import ParametrosInvalidos


def ler_yaml(caminho: str | Path) -> dict:
    """The mapping in the YAML file ``caminho`` (empty file -> ``{}``).

    Raises :class:`ParametrosInvalidos` naming the file when it is absent, unreadable, not valid YAML or not a
    mapping of ``chave: valor``.
    """
    caminho = Path(caminho)
    try:
        dados = yaml.safe_load(caminho.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ParametrosInvalidos(f"arquivo de parâmetros {caminho}: o arquivo não existe") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as erro:
        motivo = " ".join(str(erro).split())
        raise ParametrosInvalidos(
            f"arquivo de parâmetros {caminho}: não foi possível ler o YAML ({motivo})"
        ) from None
    if dados is None:
        return {}
    if not isinstance(dados, dict):
        raise ParametrosInvalidos(
            f"arquivo de parâmetros {caminho}: o conteúdo deve ser um mapeamento de campos (chave: valor)"
        )
    return dados
