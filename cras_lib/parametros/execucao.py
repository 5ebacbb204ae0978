"""Model of the run file (``params/exemplo.yaml``, given to ``cras run --params``): municipality, periods, plan
year and, per document, the params file it uses (a path relative to the run file's folder).

:func:`cras_lib.execucao.configuracao.carregar_configuracao` reads it, validates the per-document files it names
with their own models, and reports every problem of every file at once.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator, model_validator

from cras_lib.parametros.modelo import UF, Data, Inteiro, Mes, Modelo, Texto, erro, secao


def _depois_de(inicio: str):
    """Validator of a period's last month: not before the month of the key ``inicio`` (when that one is valid)."""

    def validar(fim, info: ValidationInfo):
        comeco = info.data.get(inicio)
        if fim is not None and comeco is not None and fim < comeco:
            raise erro("periodo", f"é anterior a {inicio} ({comeco})")
        return fim

    return validar


class Municipio(Modelo):
    nome: Texto = Field(description="nome do município, no cabeçalho de todas as páginas")
    uf: UF = Field(description="sigla da UF, duas letras (feriados estaduais, cabeçalho)")


class SecaoPlano(Modelo):
    """Plano Anual do SCFV (notebooks/plano_anual_scfv.ipynb)."""

    ano: Inteiro = Field(ge=1900, le=2200, description="ano do plano (metas e calendário de encontros)")
    data_referencia: Data = Field(description="data da situação atual (usuários ativos, idades), AAAA-MM-DD")
    params: Texto = Field(description="arquivo com as escolhas municipais do plano (ex.: plano_scfv.yaml)")


class SecaoAvaliacao(Modelo):
    """Avaliação de eficácia, eficiência e impacto (notebooks/avaliacao.ipynb)."""

    inicio: Mes = Field(description='primeiro mês do período avaliado, "AAAA-MM"')
    fim: Mes = Field(description='último mês do período avaliado, "AAAA-MM"')
    comparacao_inicio: Mes = Field(description='primeiro mês do período de comparação, "AAAA-MM"')
    comparacao_fim: Mes = Field(description='último mês do período de comparação, "AAAA-MM"')
    params: Texto = Field(description="arquivo com as metas e limites dos indicadores (ex.: avaliacao.yaml)")

    _fim = field_validator("fim")(_depois_de("inicio"))
    _comparacao_fim = field_validator("comparacao_fim")(_depois_de("comparacao_inicio"))


class SecaoCras(Modelo):
    """The report of each CRAS (notebooks/relatorio_cras.ipynb), one per CRAS of unidades.csv."""

    inicio: Mes = Field(description='primeiro mês do período dos relatórios, "AAAA-MM"')
    fim: Mes = Field(description='último mês do período dos relatórios, "AAAA-MM"')
    comparacao_inicio: Mes | None = Field(
        None,
        description="primeiro mês do período de comparação (sem ele, os relatórios não comparam períodos)",
    )
    comparacao_fim: Mes | None = Field(None, description="último mês do período de comparação")
    params: Texto | None = Field(
        None, description="limiares dos pontos de atenção (ex.: avaliacao.yaml); sem ele, os padrões"
    )
    data_referencia: Data | None = Field(
        None, description="data da situação do SCFV, AAAA-MM-DD (padrão: último dia do período)"
    )

    _fim = field_validator("fim")(_depois_de("inicio"))
    _comparacao_fim = field_validator("comparacao_fim")(_depois_de("comparacao_inicio"))

    @model_validator(mode="after")
    def _comparacao_completa(self):
        if (self.comparacao_inicio is None) != (self.comparacao_fim is None):
            raise erro("periodo", "informe comparacao_inicio e comparacao_fim juntos (ou nenhum dos dois)")
        return self


class SecaoBoletim(Modelo):
    """Boletim mensal da vigilância (notebooks/boletim_mensal.ipynb): optional; without it, the defaults."""

    params: Texto | None = Field(
        None,
        description="limites das verificações de qualidade dos dados (ex.: boletim.yaml); sem ele, os padrões",
    )
    mes_referencia: Mes | None = Field(
        None, description='mês do boletim, "AAAA-MM" (padrão: o último mês presente no rma_cras.csv)'
    )


class ArquivoExecucao(Modelo):
    """The whole run file."""

    municipio: Annotated[Municipio, BeforeValidator(secao)] = Field(description="nome e UF do município")
    limiar_supressao: Inteiro = Field(
        5,
        ge=1,
        le=1000,
        description='contagens de pessoas menores que este número aparecem como "< N" (LGPD)',
    )
    plano: Annotated[SecaoPlano, BeforeValidator(secao)] = Field(description="Plano Anual do SCFV")
    avaliacao: Annotated[SecaoAvaliacao, BeforeValidator(secao)] = Field(
        description="avaliação de eficácia, eficiência e impacto"
    )
    cras: Annotated[SecaoCras, BeforeValidator(secao)] = Field(description="relatório de cada CRAS")
    boletim: Annotated[SecaoBoletim, BeforeValidator(secao)] = Field(
        SecaoBoletim(), description="boletim mensal da vigilância"
    )
