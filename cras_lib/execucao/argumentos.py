"""An ``argparse`` parser whose own words (usage, section titles, help option, error messages) are Portuguese.

Explicit, without touching the ``argparse`` module: the parser subclass adds its own ``-h/--help`` option and
section titles, its help formatter writes "uso: ", and ``error`` translates argparse's messages (already
formatted by argparse) before printing them. Messages written by the command itself (``ArgumentTypeError`` of
its converters) are already Portuguese and pass unchanged.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's error messages (formatted) -> Portuguese; "argument X: ..." is translated recursively.
_MENSAGENS = (
    (r"the following arguments are required: (.*)", "faltam os argumentos obrigatórios: {0}"),
    (r"unrecognized arguments: (.*)", "argumentos não reconhecidos: {0}"),
    (r"invalid choice: (.*) \(choose from (.*)\)", "opção inválida: {0} (escolha entre {1})"),
    (r"invalid .* value: (.*)", "valor inválido: {0}"),
    (r"expected one argument", "esperava um valor"),
    (r"expected at least one argument", "esperava ao menos um valor"),
    (r"expected at most one argument", "esperava no máximo um valor"),
    (r"expected (\d+) arguments?", "esperava {0} valor(es)"),
    (r"ambiguous option: (.*) could match (.*)", "opção ambígua: {0} pode ser {1}"),
    (r"not allowed with argument (.*)", "não pode ser usado com o argumento {0}"),
    (r"one of the arguments (.*) is required", "um dos argumentos {0} é obrigatório"),
    (r"ignored explicit argument (.*)", "valor não esperado: {0}"),
)


def traduzir(mensagem: str) -> str:
    """An error message of argparse in Portuguese (unchanged when it is not one of argparse's)."""
    argumento = re.fullmatch(r"argument (.+?): (.*)", mensagem, re.S)
    if argumento:
        return f"argumento {argumento[1]}: {traduzir(argumento[2])}"
    for padrao, traducao in _MENSAGENS:
        achado = re.fullmatch(padrao, mensagem, re.S)
        if achado:
            return traducao.format(*achado.groups())
    return mensagem


class FormatadorAjuda(argparse.RawDescriptionHelpFormatter):
    """Help formatter that keeps the descriptions' line breaks and writes the usage line as "uso: "."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "uso: " if prefix is None else prefix)


class AnalisadorArgumentos(argparse.ArgumentParser):
    """``ArgumentParser`` in Portuguese; sub-commands (``add_subparsers``) are of the same class."""

    def __init__(self, *args, add_help: bool = True, formatter_class=FormatadorAjuda, **kwargs):
        super().__init__(*args, add_help=False, formatter_class=formatter_class, **kwargs)
        self._positionals.title = "argumentos posicionais"
        self._optionals.title = "opções"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="mostra esta ajuda e sai")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: erro: {traduzir(message)}\n")
