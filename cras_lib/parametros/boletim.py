"""Parameters of the boletim mensal da vigilância (``params/boletim.yaml``): thresholds of the data-quality checks
and the items of "the month in numbers".

Every field has a default (the values documented in ``params/boletim.yaml``), so an absent file or key means
the default. Problems are reported together, in Portuguese, naming the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from cras_lib.erros import ParametrosInvalidos
from cras_lib.norma import rma as norma_rma
from cras_lib.parametros.arquivo import ler_yaml


@dataclass(frozen=True)
class ParametrosBoletim:
    """Thresholds of the checks (``cras_lib.calculo.verificacoes``) and the bulletin's choices."""

    # RMA-02: a value is atypical when |valor − mediana| > k_mad × MAD over the last ``meses_historico``
    # months the CRAS reported (needs at least ``minimo_meses_historico`` of them), and the distance is also
    # at least ``variacao_minima`` of the median and at least ``diferenca_minima`` in absolute terms.
    k_mad: float = 5.0
    meses_historico: int = 12
    minimo_meses_historico: int = 6
    variacao_minima: float = 0.5
    diferenca_minima: int = 10
    # RMA-05: an SCFV D item above the capacity of the CRAS's groups of that age cycle times (1 + folga).
    folga_capacidade: float = 0.25
    # CRZ-01: SCFV users in the RMA (D items of the cycles) vs active users in the SISC list, relative gap.
    tolerancia_sisc: float = 0.3
    # Section 3: the RMA items shown with their change and one small-multiples chart each.
    itens_principais: tuple[str, ...] = ("a1", "a2", "c1", "c6", "d1")


PADRAO = ParametrosBoletim()
_LIMITES = {
    "k_mad": (0.5, 100.0),
    "meses_historico": (3, 60),
    "minimo_meses_historico": (2, 60),
    "variacao_minima": (0.0, 10.0),
    "diferenca_minima": (0, 100_000),
    "folga_capacidade": (0.0, 10.0),
    "tolerancia_sisc": (0.0, 10.0),
}


def carregar_parametros_boletim(caminho: str | Path | None) -> ParametrosBoletim:
    """Read ``params/boletim.yaml`` (``None`` = every default); raise :class:`ParametrosInvalidos` listing
    every wrong key."""
    if caminho is None:
        return PADRAO
    dados = ler_yaml(caminho)
    conhecidos = {f.name for f in fields(ParametrosBoletim)}
    problemas = [f"campo desconhecido '{c}'" for c in sorted(set(dados) - conhecidos)]
    valores = {}
    for nome, (minimo, maximo) in _LIMITES.items():
        if nome not in dados:
            continue
        valor, inteiro = dados[nome], isinstance(getattr(PADRAO, nome), int)
        tipo_ok = isinstance(valor, int if inteiro else int | float) and not isinstance(valor, bool)
        if not tipo_ok or not minimo <= valor <= maximo:
            tipo = "um número inteiro" if inteiro else "um número"
            problemas.append(
                f"o campo '{nome}' deve ser {tipo} entre {minimo:g} e {maximo:g} (recebido: {valor!r})"
            )
            continue
        valores[nome] = valor
    if "itens_principais" in dados:
        itens = dados["itens_principais"]
        validos = (
            isinstance(itens, list) and itens and all(str(i).lower() in norma_rma.ROTULOS for i in itens)
        )
        if not validos:
            problemas.append(
                "o campo 'itens_principais' deve ser uma lista de itens do RMA (ex.: [a1, a2, c1]); "
                f"recebido: {itens!r}"
            )
        else:
            valores["itens_principais"] = tuple(str(i).lower() for i in itens)
    minimo = valores.get("minimo_meses_historico", PADRAO.minimo_meses_historico)
    if minimo > valores.get("meses_historico", PADRAO.meses_historico):
        problemas.append("'minimo_meses_historico' não pode ser maior que 'meses_historico'")
    if problemas:
        raise ParametrosInvalidos(f"arquivo de parâmetros {caminho}: " + "; ".join(problemas))
    return ParametrosBoletim(**valores)
