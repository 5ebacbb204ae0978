"""Model of ``params/boletim.yaml``: thresholds of the data-quality checks of the boletim mensal da vigilância
(:mod:`cras_lib.calculo.verificacoes`) and the items of "the month in numbers".

They are municipal choices, not national rules. Every key is optional; the defaults below are the ones used when
a key (or the whole file) is absent. Shares are fractions (0.5 = 50 %).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from cras_lib.norma import rma as norma_rma
from cras_lib.parametros.arquivo import carregar
from cras_lib.parametros.modelo import Inteiro, Modelo, Numero, erro


def _item_rma(valor: str) -> str:
    item = str(valor).strip().lower().replace(".", "")
    if item not in norma_rma.ROTULOS:
        raise erro("item_rma", "deve ser um item do formulário do RMA (ex.: a1, c6, d1)")
    return item


ItemRma = Annotated[str, AfterValidator(_item_rma)]
"""An RMA item code, 'a1' or 'A.1' (kept as 'a1')."""


class ArquivoBoletim(Modelo):
    """The whole ``params/boletim.yaml``."""

    k_mad: Numero = Field(
        5.0,
        gt=0,
        description="RMA-02: quantos desvios absolutos medianos (MAD) da mediana do histórico o valor pode se "
        "afastar",
    )
    meses_historico: Inteiro = Field(
        12,
        ge=3,
        le=60,
        description="RMA-02: meses informados (antes do mês do boletim) que formam o histórico",
    )
    minimo_meses_historico: Inteiro = Field(
        6, ge=2, le=60, description="RMA-02: com menos meses de histórico a regra não se aplica"
    )
    variacao_minima: Numero = Field(
        0.5, ge=0, description="RMA-02: afastamento mínimo, como fração da mediana, para haver alerta"
    )
    diferenca_minima: Inteiro = Field(10, ge=0, description="RMA-02: afastamento mínimo, em valor absoluto")
    folga_capacidade: Numero = Field(
        0.25, ge=0, description="RMA-05: fração acima da capacidade dos grupos do ciclo aceita nos itens D"
    )
    tolerancia_sisc: Numero = Field(
        0.3,
        ge=0,
        description="CRZ-01: diferença aceita entre o SCFV no RMA e a lista do SISC (fração da lista)",
    )
    itens_principais: tuple[ItemRma, ...] = Field(
        ("a1", "a2", "c1", "c6", "d1"),
        min_length=1,
        description="seção 3: itens do RMA mostrados, cada um com tabela e gráfico por CRAS",
    )

    @model_validator(mode="after")
    def _historico(self):
        if self.minimo_meses_historico > self.meses_historico:
            raise erro("historico", "minimo_meses_historico não pode ser maior que meses_historico")
        return self


PADRAO = ArquivoBoletim()


def carregar_parametros_boletim(caminho: str | Path | None) -> ArquivoBoletim:
    """``params/boletim.yaml`` as an :class:`ArquivoBoletim` (``None`` = every default); raises
    :class:`~cras_lib.erros.ParametrosInvalidos` naming the file and every wrong key."""
    return PADRAO if caminho is None else carregar(ArquivoBoletim, caminho)
