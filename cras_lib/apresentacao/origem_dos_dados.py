"""One-line notes a document adds when a figure it uses did not come from the municipality but stands in for it
(see ``docs/arquivos-oficiais.md``): ``familias_referenciadas`` taken from the Censo SUAS capacity class. (The
rule for roster hours known only by their Censo band is worded by ``calculo.carga_horaria.regra_das_faixas``.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from cras_lib.apresentacao.escape import md
from cras_lib.apresentacao.formatacao import lista


def cras_com_familias_da_capacidade(unidades: pd.DataFrame, ids: Iterable[str] | None = None) -> list[str]:
    """CRAS (sorted codes) whose ``familias_referenciadas`` is the Censo capacity class, among ``ids``."""
    if "familias_referenciadas_origem" not in unidades.columns:
        return []
    marcados = unidades.loc[unidades["familias_referenciadas_origem"].astype("string") == "capacidade_censo"]
    codigos = set(marcados["id_cras"].astype(str))
    if ids is not None:
        codigos &= {str(i) for i in ids}
    return sorted(codigos)


def nota_familias_da_capacidade(
    unidades: pd.DataFrame, ids: Iterable[str] | None = None, nomes: dict[str, str] | None = None
) -> str | None:
    """The line saying which CRAS have the capacity class for families referenced; None when none has."""
    codigos = cras_com_familias_da_capacidade(unidades, ids)
    if not codigos:
        return None
    motivo = (
        "é a classe de capacidade declarada no Censo SUAS (2.500, 3.500 ou 5.000), não o número efetivo, que o "
        "município não informou; os cálculos que usam esse número o tomam como teto."
    )
    if ids is not None and len(codigos) == 1 and len(list(ids)) == 1:
        return f"*Famílias referenciadas: o número deste CRAS {motivo}*"
    rotulos = [md(nomes.get(c, c)) if nomes else c for c in codigos]  # unit names: input text
    return f"*Famílias referenciadas de {lista(rotulos)}: o número {motivo}*"


DADOS: dict[str, str] = {
    "unidades.csv": "dados das unidades",
    "rma_cras.csv": "dados do RMA",
    "equipes.csv": "dados das equipes",
    "scfv_participantes.csv": "dados dos participantes do SCFV",
    "scfv_grupos.csv": "dados dos grupos do SCFV",
    "scfv_frequencia.csv": "dados de frequência do SCFV",
    "inclusao_produtiva.csv": "dados do Programa de Inclusão Produtiva",
    "cadunico_territorios.csv": "dados do Cadastro Único por território",
    "custos.csv": "dados de custos",
    "estrutura_cras.csv": "dados de estrutura dos CRAS",
    "idcras_publicado.csv": "dados do IDCRAS publicado",
    "plano_scfv.yaml": "parâmetros do plano",
    "plano.yaml": "parâmetros do plano",
    "avaliacao.yaml": "parâmetros da avaliação",
    "boletim.yaml": "parâmetros do boletim",
    "exemplo.yaml": "parâmetros da execução",
}
"""What a councillor reads instead of a file name: the data each input file holds (``docs/contrato-de-dados.md``
keeps the file names for the analyst)."""

_CONTRACOES = {"de": "dos", "em": "nos", "a": "aos", "por": "pelos", "o": "os"}


def _com_maiuscula(original: str, trocado: str) -> str:
    return trocado[:1].upper() + trocado[1:] if original[:1].isupper() else trocado


def sem_nomes_de_arquivo(texto: str) -> str:
    """``texto`` with every input file name said as the data it holds, in agreement with the preposition
    before it: 'toda linha de equipes.csv' -> 'toda linha dos dados das equipes', 'em rma_cras.csv' -> 'nos
    dados do RMA', '(custos.csv)' -> '(dados de custos)', otherwise 'os dados ...'."""
    if ".csv" not in texto and ".yaml" not in texto:
        return texto
    for arquivo, frase in DADOS.items():
        nome = rf"`?{re.escape(arquivo)}`?"
        texto = re.sub(
            rf"\b(de|em|a|por|o|De|Em|A|Por|O)\s+{nome}",
            lambda m, frase=frase: _com_maiuscula(m[1], f"{_CONTRACOES[m[1].lower()]} {frase}"),
            texto,
        )
        texto = re.sub(rf"(\(\s*|^|:\s+|\n)({nome})", lambda m, frase=frase: m[1] + frase, texto)
        texto = re.sub(nome, f"os {frase}", texto)
    return texto
