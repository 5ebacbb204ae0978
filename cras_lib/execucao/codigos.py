"""The exit codes of ``cras`` and the one table that says which error class gives which code.

Input errors leave the output untouched (2); an execution failure after the inputs were accepted is 1. The closest
class in the error's MRO wins, so a new subclass inherits its parent's code unless the table says otherwise.
"""

from __future__ import annotations

from cras_lib.erros import (
    ArgumentoInvalido,
    DadosInvalidos,
    ErroAmbienteDistribuido,
    ErroCras,
    ErroNucleo,
    ErroOcupada,
    ErroPublicacao,
    ErroSaida,
    ErroSelecao,
    MunicipioAusente,
    ParametrosInvalidos,
)

SAIDA_OK, SAIDA_FALHA, SAIDA_USO, SAIDA_ALERTAS, SAIDA_INTERROMPIDA = 0, 1, 2, 3, 130
# SAIDA_ALERTAS is no error's code: ``cras run --falhar-com-alertas`` returns it when everything was published and
# the monthly bulletin has alerts of the severity asked (data-quality findings; without the option they give 0).

CODIGOS_SAIDA: dict[type[ErroCras], int] = {
    ErroCras: SAIDA_USO,
    ParametrosInvalidos: SAIDA_USO,
    DadosInvalidos: SAIDA_USO,
    ArgumentoInvalido: SAIDA_USO,
    ErroSelecao: SAIDA_USO,
    ErroOcupada: SAIDA_USO,
    ErroSaida: SAIDA_USO,
    MunicipioAusente: SAIDA_USO,
    ErroAmbienteDistribuido: SAIDA_USO,  # nothing ran: the cluster cannot be used as it is
    ErroNucleo: SAIDA_FALHA,
    ErroPublicacao: SAIDA_FALHA,
}


def codigo_de_saida(erro: ErroCras) -> int:
    """The exit code of ``cras`` for ``erro`` (:data:`CODIGOS_SAIDA`)."""
    return next(CODIGOS_SAIDA[c] for c in type(erro).__mro__ if c in CODIGOS_SAIDA)
