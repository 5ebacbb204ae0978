"""Model of ``params/avaliacao.yaml``: targets and thresholds of the evaluation and of the per-CRAS reports.

Targets (metas) and thresholds are municipal choices (approved by the CMAS), not national rules. Shares are
fractions (0.5 = 50 %); money in reais without symbol. The codes under ``metas`` are those of the indicator
catalogue (:mod:`cras_lib.calculo.indicadores`); a target for an unknown code is an error naming the closest
code. Every key is optional; the defaults below are the ones used when a key is absent.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from cras_lib.erros import ParametrosInvalidos
from cras_lib.parametros.arquivo import validar
from cras_lib.parametros.modelo import Fracao, Inteiro, Modelo, Numero, erro, secao


class Scfv(Modelo):
    meses_permanencia: Inteiro = Field(
        6,
        ge=1,
        le=120,
        description="N do indicador SCFV-04: usuários ainda no serviço N meses após a entrada",
    )


class InclusaoProdutiva(Modelo):
    vagas_por_cras: Numero = Field(
        15.0,
        gt=0,
        description="meta de vagas do Programa de Inclusão Produtiva por CRAS que oferta o programa "
        "(denominador de IP-01 e IP-05)",
    )


class Classificacao(Modelo):
    tolerancia_relativa: Numero = Field(
        0.2,
        ge=0,
        description="faixa de 'parcialmente atingida': até esta fração da meta abaixo dela (ou acima, quando "
        "menor é melhor)",
    )


class MetaIndicador(Modelo):
    """The target of one indicator."""

    meta: Numero = Field(description="valor a atingir, na unidade do indicador (frações para percentuais)")
    tolerancia: Numero | None = Field(
        None, ge=0, description="largura própria da faixa 'parcialmente atingida', na unidade do valor"
    )


class Limiares(Modelo):
    """Municipal thresholds of the points of attention of the per-CRAS reports (fractions: 0.7 = 70 %)."""

    queda: Fracao = Field(0.10, description="queda maior que esta fração em relação ao período de comparação")
    ocupacao_baixa: Fracao = Field(0.70, description="vagas do SCFV ocupadas abaixo desta fração")
    frequencia_baixa: Fracao = Field(0.75, description="frequência do SCFV abaixo desta fração dos encontros")
    desistencia_alta: Fracao = Field(
        0.15, description="desistentes da Inclusão Produtiva acima desta fração das pessoas inscritas"
    )

    @classmethod
    def de_parametros(cls, parametros: ArquivoAvaliacao | Mapping | None) -> Limiares:
        """The thresholds of the evaluation params (key ``pontos_atencao``); the defaults without params."""
        if parametros is None:
            return cls()
        return como_parametros_avaliacao(parametros).pontos_atencao


def _codigo_indicador(codigo: str) -> str:
    from cras_lib.calculo.indicadores import CATALOGO  # the catalogue is complete once the package is loaded

    if codigo not in CATALOGO:
        partes = re.fullmatch(r"\s*([A-Za-z]+)\s*-?\s*(\d+)\s*", codigo)
        # 'paif-01' or 'PAIF-1' -> 'PAIF-01' (a longer number is another code: left to difflib)
        curto = partes is not None and len(partes[2]) <= 2
        normalizado = f"{partes[1].upper()}-{int(partes[2]):02d}" if curto else codigo
        proximo = [normalizado] if normalizado in CATALOGO else []
        proximo = proximo or difflib.get_close_matches(codigo, list(CATALOGO), n=1, cutoff=0.6)
        if proximo:
            raise erro("codigo", f"você quis dizer '{proximo[0]}'?")
        raise erro("codigo", f"não é um indicador do catálogo (códigos válidos: {', '.join(CATALOGO)})")
    return codigo


CodigoIndicador = Annotated[str, AfterValidator(_codigo_indicador)]


class ArquivoAvaliacao(Modelo):
    """The whole ``avaliacao.yaml``."""

    scfv: Annotated[Scfv, BeforeValidator(secao)] = Field(default_factory=Scfv)
    inclusao_produtiva: Annotated[InclusaoProdutiva, BeforeValidator(secao)] = Field(
        default_factory=InclusaoProdutiva
    )
    classificacao: Annotated[Classificacao, BeforeValidator(secao)] = Field(default_factory=Classificacao)
    metas: Annotated[dict[CodigoIndicador, MetaIndicador], BeforeValidator(secao)] = Field(
        default_factory=dict,
        description="uma entrada por código de indicador, com 'meta' e, se quiser, 'tolerancia'",
    )
    pontos_atencao: Annotated[Limiares, BeforeValidator(secao)] = Field(
        default_factory=Limiares, description="limiares dos pontos de atenção dos relatórios por CRAS"
    )


ROTULO_SEM_ARQUIVO = "parâmetros da avaliação"


def como_parametros_avaliacao(valor: ArquivoAvaliacao | Mapping | None) -> ArquivoAvaliacao:
    """``valor`` as an :class:`ArquivoAvaliacao`: a model as is, a mapping validated like the file would be
    (raising :class:`~cras_lib.erros.ParametrosInvalidos` in Portuguese), None as every default."""
    if isinstance(valor, ArquivoAvaliacao):
        return valor
    modelo, problemas = validar(ArquivoAvaliacao, {} if valor is None else valor, ROTULO_SEM_ARQUIVO)
    if problemas:
        raise ParametrosInvalidos(problemas)
    return modelo
