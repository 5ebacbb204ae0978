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


DADOS: dict[str, tuple[str, str]] = {
    "unidades.csv": ("o", "cadastro das unidades"),
    "rma_cras.csv": ("os", "dados do RMA"),
    "equipes.csv": ("o", "cadastro das equipes"),
    "scfv_participantes.csv": ("o", "cadastro dos participantes do SCFV"),
    "scfv_grupos.csv": ("o", "cadastro dos grupos do SCFV"),
    "scfv_frequencia.csv": ("o", "registro de frequência do SCFV"),
    "inclusao_produtiva.csv": ("o", "registro do Programa de Inclusão Produtiva"),
    "cadunico_territorios.csv": ("os", "dados do Cadastro Único por território"),
    "custos.csv": ("os", "dados de custos"),
    "estrutura_cras.csv": ("o", "cadastro da estrutura dos CRAS"),
    "idcras_publicado.csv": ("o", "IDCRAS publicado"),
    "plano_scfv.yaml": ("os", "parâmetros do plano"),
    "plano.yaml": ("os", "parâmetros do plano"),
    "avaliacao.yaml": ("os", "parâmetros da avaliação"),
    "boletim.yaml": ("os", "parâmetros do boletim"),
    "exemplo.yaml": ("os", "parâmetros da execução"),
}
"""What a councillor reads instead of a file name: the data each input file holds, with its article
(``docs/contrato-de-dados.md`` keeps the file names for the analyst)."""

_OUTRO_YAML = (r"(?<![\w./-])[\w.-]+\.yaml", ("os", "parâmetros"))
"""Any other params file (an analyst names the run's and the documents' YAML files as they like): its
parameters. A path ("params/x.yaml") is left as written."""

_CONTRACOES = {
    ("de", "o"): "do",
    ("de", "os"): "dos",
    ("em", "o"): "no",
    ("em", "os"): "nos",
    ("a", "o"): "ao",
    ("a", "os"): "aos",
    ("por", "o"): "pelo",
    ("por", "os"): "pelos",
    ("o", "o"): "o",
    ("o", "os"): "os",
}
_ANTES = r"\b(de|em|a|por|o|De|Em|A|Por|O)\s+(?:arquivos?\s+)?"


def _com_maiuscula(original: str, trocado: str) -> str:
    return trocado[:1].upper() + trocado[1:] if original[:1].isupper() else trocado


def sem_nomes_de_arquivo(texto: str) -> str:
    """``texto`` with every input file name said as the data it holds, in agreement with the word before it:
    'toda linha de equipes.csv' -> 'toda linha do cadastro das equipes', 'em rma_cras.csv' -> 'nos dados do
    RMA', 'falta o arquivo custos.csv' -> 'falta os dados de custos', '(custos.csv)' -> '(dados de custos)',
    otherwise with its article ('o cadastro das unidades')."""
    if ".csv" not in texto and ".yaml" not in texto:
        return texto
    for padrao, (artigo, frase) in [*((re.escape(a), d) for a, d in DADOS.items()), _OUTRO_YAML]:
        nome = rf"`?{padrao}`?"
        texto = re.sub(
            _ANTES + nome,
            lambda m, artigo=artigo, frase=frase: _com_maiuscula(
                m[1], f"{_CONTRACOES[(m[1].lower(), artigo)]} {frase}"
            ),
            texto,
        )
        texto = re.sub(rf"(\(\s*|^|:\s+|\n)({nome})", lambda m, frase=frase: m[1] + frase, texto)
        texto = re.sub(nome, f"{artigo} {frase}", texto)
        if artigo == "os":  # 'o arquivo X não está' said of plural data
            texto = texto.replace(f"os {frase} não está ", f"os {frase} não estão ")
    return texto
