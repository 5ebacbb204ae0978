"""The data contract (``docs/contrato-de-dados.md``) as data.

Every input file is one :class:`Arquivo`: its columns with type, aliases, required/optional status and
whether they hold personal data (LGPD), its key, and cross-column rules. Readers (``leitura.py``) apply
this declaration; nothing else in the library hard-codes column names of the inputs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

# Column types understood by the reader:
#   id_cras   11-digit CRAS code kept as text
#   texto     free text (string dtype)
#   inteiro   integer (nullable Int64); ``minimo`` 0 by default, i.e. a count
#   numero    real number (Float64), Brazilian or international decimal style
#   mes       month AAAA-MM, AAAAMM or MM/AAAA -> Period[M]
#   data      date AAAA-MM-DD or DD/MM/AAAA -> datetime64
#   categoria one code of ``valores`` (case, accents, spaces normalised)
#   lista     codes of ``valores`` separated by '|' -> normalised text "a|b" (NA when empty)
#   sim_nao   sim/nao/empty -> nullable boolean
Tipo = Literal["id_cras", "texto", "inteiro", "numero", "mes", "data", "categoria", "lista", "sim_nao"]


def normalizar_nome(nome: str) -> str:
    """Header matching key: lower case, no accents, no spaces, dots, hyphens or underscores."""
    sem_acento = unicodedata.normalize("NFKD", nome).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[\s._\-]+", "", sem_acento.strip().lower())


@dataclass(frozen=True)
class Coluna:
    nome: str
    tipo: Tipo
    obrigatoria: bool = True
    aliases: tuple[str, ...] = ()
    pessoal: bool = False
    valores: tuple[str, ...] = ()
    minimo: float | None = None
    maximo: float | None = None

    @property
    def chaves(self) -> set[str]:
        return {normalizar_nome(n) for n in (self.nome, *self.aliases)}

    @property
    def limite_inferior(self) -> float | None:
        """Counts (inteiro) are non-negative unless the contract says otherwise."""
        if self.minimo is not None:
            return self.minimo
        return 0 if self.tipo in ("inteiro", "numero") else None


@dataclass(frozen=True)
class ColunasExtras:
    """Extra columns that follow a pattern and get a type (e.g. further RMA ``dN`` columns)."""

    padrao: str  # regex on the normalised header
    tipo: Tipo


@dataclass(frozen=True)
class Regra:
    """Cross-column rule ``menor <= maior`` checked on every row where both are present."""

    menor: str
    maior: str


@dataclass(frozen=True)
class Arquivo:
    nome: str
    obrigatorio: bool
    colunas: tuple[Coluna, ...]
    chave: tuple[str, ...] = ()
    extras: tuple[ColunasExtras, ...] = ()
    regras: tuple[Regra, ...] = field(default_factory=tuple)

    @property
    def atributo(self) -> str:
        """Name of the table on the ``Municipio`` object: the file name without ``.csv``."""
        return self.nome.removesuffix(".csv")

    @property
    def colunas_pessoais(self) -> tuple[str, ...]:
        return tuple(c.nome for c in self.colunas if c.pessoal)

    def coluna(self, nome: str) -> Coluna:
        return next(c for c in self.colunas if c.nome == nome)


ID_CRAS = Coluna("id_cras", "id_cras", aliases=("nu_identificador", "cod_cras"))
MES = Coluna("mes_referencia", "mes")

CICLOS = ("ate_6", "6_a_15", "15_a_17", "18_a_29", "30_a_59", "60_mais")
SITUACOES_PRIORITARIAS = (
    "isolamento",
    "trabalho_infantil",
    "violencia_negligencia",
    "fora_da_escola",
    "acolhimento",
    "mse_meio_aberto",
    "egresso_mse",
    "abuso_exploracao_sexual",
    "medida_protecao_eca",
    "situacao_de_rua",
    "deficiencia",
)
FUNCOES = (
    "coordenador",
    "tecnico_superior",
    "tecnico_medio",
    "orientador_social",
    "auxiliar_administrativo",
    "outro",
)
PROFISSOES = ("assistente_social", "psicologo", "pedagogo", "terapeuta_ocupacional", "sociologo", "outra")
ESCOLARIDADES = ("fundamental", "medio", "superior", "pos_graduacao")
VINCULOS = (
    "estatutario",
    "celetista",
    "comissionado",
    "temporario",
    "terceirizado",
    "voluntario",
    # Censo SUAS codes 142 ("outro vínculo não permanente") and 291 ("sem vínculo"), and any other bond
    "outro_nao_permanente",
    "sem_vinculo",
    "outro",
)


@dataclass(frozen=True)
class FaixaHoras:
    """A weekly-hours band of the Censo SUAS roster (question suffix ``_13``), in ``horas_semanais_faixa``.

    ``horas_contadas`` is the one value a calculation takes for a worker known only by the band: the band's
    upper limit, which is where the usual contractual workweeks (20, 30, 40, 44 h) fall; the open band
    "mais de 44 h" counts its lower limit, 44 h. See ``docs/arquivos-oficiais.md``.
    """

    codigo: str
    rotulo: str
    minimo: int
    maximo: int | None
    horas_contadas: int


FAIXAS_HORAS: tuple[FaixaHoras, ...] = (
    FaixaHoras("ate_10", "até 10 h", 0, 10, 10),
    FaixaHoras("11_a_20", "11 a 20 h", 11, 20, 20),
    FaixaHoras("21_a_30", "21 a 30 h", 21, 30, 30),
    FaixaHoras("31_a_40", "31 a 40 h", 31, 40, 40),
    FaixaHoras("41_a_44", "41 a 44 h", 41, 44, 44),
    FaixaHoras("mais_de_44", "mais de 44 h", 45, None, 44),
)
# Where ``familias_referenciadas`` came from: given by the municipality (empty means the same), or the
# capacity class of the Censo SUAS Dados Gerais (2.500 / 3.500 / 5.000) when no municipal figure exists.
ORIGENS_FAMILIAS = ("informada", "capacidade_censo")
MODULOS = (
    "aprendizagem",
    "desenvolvimento_pessoal",
    "desenvolvimento_gerencial",
    "pre_aceleracao",
    "aceleracao",
    "incubacao",
)
SITUACOES_INSCRICAO = ("cursando", "concluinte", "desistente")
SERVICOS = ("paif", "scfv", "inclusao_produtiva")
FONTES = ("municipal", "estadual", "federal")

RMA_COLUNAS = (
    "a1",
    "a2",
    *(f"b{i}" for i in range(1, 7)),
    *(f"c{i}" for i in range(1, 10)),
    *(f"d{i}" for i in range(1, 8)),
)


def _contagens(nomes, obrigatoria: bool = True) -> tuple[Coluna, ...]:
    return tuple(Coluna(n, "inteiro", obrigatoria=obrigatoria) for n in nomes)


UNIDADES = Arquivo(
    "unidades.csv",
    obrigatorio=True,
    chave=("id_cras",),
    colunas=(
        ID_CRAS,
        Coluna("nome", "texto"),  # the unit's public name, not personal data
        Coluna("territorio", "texto"),
        Coluna("familias_referenciadas", "inteiro"),
        Coluna("populacao_territorio", "inteiro", obrigatoria=False),
        Coluna("horas_semanais_funcionamento", "inteiro", maximo=168),
        Coluna("dias_semana_funcionamento", "inteiro", maximo=7),
        Coluna("endereco", "texto"),  # the unit's public address
        Coluna("familias_referenciadas_origem", "categoria", obrigatoria=False, valores=ORIGENS_FAMILIAS),
    ),
)

RMA_CRAS = Arquivo(
    "rma_cras.csv",
    obrigatorio=True,
    chave=("id_cras", "mes_referencia"),
    colunas=(ID_CRAS, MES, *_contagens(RMA_COLUNAS)),
    extras=(ColunasExtras(r"^[a-d]\d+$", "inteiro"),),
)

EQUIPES = Arquivo(
    "equipes.csv",
    obrigatorio=True,
    colunas=(
        ID_CRAS,
        Coluna("nome", "texto", obrigatoria=False, pessoal=True),
        Coluna("cpf", "texto", obrigatoria=False, pessoal=True),
        Coluna("funcao", "categoria", valores=FUNCOES),
        Coluna("profissao", "categoria", valores=PROFISSOES),  # empty allowed (missing)
        Coluna("escolaridade", "categoria", valores=ESCOLARIDADES),
        Coluna("vinculo", "categoria", valores=VINCULOS),
        # exact weekly hours, or only the Censo SUAS band (at least one of the two columns is expected)
        Coluna("horas_semanais", "inteiro", obrigatoria=False, maximo=168),
        Coluna(
            "horas_semanais_faixa",
            "categoria",
            obrigatoria=False,
            valores=tuple(f.codigo for f in FAIXAS_HORAS),
        ),
    ),
)

SCFV_PARTICIPANTES = Arquivo(
    "scfv_participantes.csv",
    obrigatorio=False,
    chave=("id_participante",),
    colunas=(
        Coluna("id_participante", "texto"),
        Coluna("nome", "texto", obrigatoria=False, pessoal=True),
        Coluna("nis", "texto", obrigatoria=False, pessoal=True),
        Coluna("cpf", "texto", obrigatoria=False, pessoal=True),
        Coluna("data_nascimento", "data", pessoal=True),
        ID_CRAS,
        Coluna("id_grupo", "texto"),
        Coluna("data_entrada", "data"),
        Coluna("data_saida", "data"),
        Coluna("situacoes_prioritarias", "lista", valores=SITUACOES_PRIORITARIAS),
    ),
)

SCFV_GRUPOS = Arquivo(
    "scfv_grupos.csv",
    obrigatorio=False,
    chave=("id_grupo",),
    colunas=(
        Coluna("id_grupo", "texto"),
        ID_CRAS,
        Coluna("ciclo", "categoria", valores=CICLOS),
        Coluna("capacidade", "inteiro"),
        Coluna("encontros_semanais", "inteiro", maximo=7),
        Coluna("horas_por_encontro", "numero", maximo=24),
    ),
)

SCFV_FREQUENCIA = Arquivo(
    "scfv_frequencia.csv",
    obrigatorio=False,
    chave=("id_participante", "mes_referencia"),
    colunas=(
        Coluna("id_participante", "texto"),
        MES,
        Coluna("encontros_previstos", "inteiro"),
        Coluna("presencas", "inteiro"),
    ),
    regras=(Regra("presencas", "encontros_previstos"),),
)

INCLUSAO_PRODUTIVA = Arquivo(
    "inclusao_produtiva.csv",
    obrigatorio=False,
    chave=("id_inscricao",),
    colunas=(
        Coluna("id_inscricao", "texto"),
        Coluna("nome", "texto", obrigatoria=False, pessoal=True),
        Coluna("cpf", "texto", obrigatoria=False, pessoal=True),
        ID_CRAS,
        Coluna("osc", "texto"),
        Coluna("ano", "inteiro", minimo=1900, maximo=2200),
        Coluna("fase", "inteiro", minimo=1, maximo=2),
        Coluna("modulo", "categoria", valores=MODULOS),
        Coluna("curso", "texto"),
        Coluna("horas_previstas", "numero"),
        Coluna("horas_cumpridas", "numero"),
        Coluna("situacao", "categoria", valores=SITUACOES_INSCRICAO),
        Coluna("gerando_renda", "sim_nao"),
        Coluna("area_renda", "texto"),
        Coluna("trabalho_formal", "sim_nao"),
        Coluna("satisfacao", "inteiro", minimo=1, maximo=5),
        Coluna("empreendimento", "texto"),
    ),
)

CADUNICO_TERRITORIOS = Arquivo(
    "cadunico_territorios.csv",
    obrigatorio=False,
    chave=("id_cras", "mes_referencia"),
    colunas=(
        ID_CRAS,
        MES,
        *_contagens(
            (
                "familias_cadastradas",
                "familias_extrema_pobreza",
                "familias_pobreza",
                "familias_baixa_renda",
                "familias_bolsa_familia",
                "pessoas_bpc",
                "pessoas_0_6",
                "pessoas_6_15",
                "pessoas_15_17",
                "pessoas_18_29",
                "pessoas_30_59",
                "pessoas_60_mais",
            )
        ),
    ),
)

CUSTOS = Arquivo(
    "custos.csv",
    obrigatorio=False,
    chave=("id_cras", "ano", "servico", "fonte"),
    colunas=(
        ID_CRAS,
        Coluna("ano", "inteiro", minimo=1900, maximo=2200),
        Coluna("servico", "categoria", valores=SERVICOS),
        Coluna("fonte", "categoria", valores=FONTES),
        Coluna("valor", "numero"),
    ),
)

ACESSIBILIDADES = ("nenhuma", "parcial", "total")
PORTES_MUNICIPIO = ("pequeno_i", "pequeno_ii", "medio", "grande", "metropole")
CAPACIDADES_CRAS = ("2500", "3500", "5000")  # "2.500" in the Censo matches "2500" (dots are ignored)


def _sim_nao(nomes) -> tuple[Coluna, ...]:
    return tuple(Coluna(n, "sim_nao", obrigatoria=False) for n in nomes)


ESTRUTURA_CRAS = Arquivo(
    "estrutura_cras.csv",
    obrigatorio=False,
    chave=("id_cras",),
    colunas=(
        ID_CRAS,
        Coluna("ano_referencia", "inteiro", obrigatoria=False, minimo=1900, maximo=2200),
        Coluna("capacidade", "categoria", obrigatoria=False, valores=CAPACIDADES_CRAS),
        Coluna("porte_municipio", "categoria", obrigatoria=False, valores=PORTES_MUNICIPIO),
        Coluna("salas_atendimento", "inteiro", obrigatoria=False),
        *_sim_nao(("sala_15_pessoas", "recepcao")),
        Coluna("banheiros", "inteiro", obrigatoria=False),
        *_sim_nao(("sala_administrativa",)),
        Coluna("acessibilidade", "categoria", obrigatoria=False, valores=ACESSIBILIDADES),
        Coluna("computadores_internet", "inteiro", obrigatoria=False),
        *_sim_nao(
            (
                "impressora",
                "telefone",
                "veiculo",
                "compartilhado_osc",
                "salas_compartilhadas",
                "vinculo_educacao",
                "vinculo_saude",
                "vinculo_creas",
                "orientacao_bpc",
                "acompanhamento_encaminhamentos",
                "palestras_campanhas",
                "cadastro_cadunico",
                "cadastro_cadunico_equipe_paif",
                "equipe_volante",
            )
        ),
    ),
)

IDCRAS_PUBLICADO = Arquivo(
    "idcras_publicado.csv",
    obrigatorio=False,
    chave=("id_cras", "ano"),
    colunas=(
        ID_CRAS,
        Coluna("ano", "inteiro", minimo=1900, maximo=2200),
        Coluna("estrutura_fisica", "inteiro", obrigatoria=False, minimo=1, maximo=5),
        Coluna("recursos_humanos", "inteiro", obrigatoria=False, minimo=1, maximo=5),
        Coluna("servicos_beneficios", "inteiro", obrigatoria=False, minimo=1, maximo=5),
        Coluna("valor_idcras", "numero", obrigatoria=False, minimo=1, maximo=5),
    ),
)

ARQUIVOS: tuple[Arquivo, ...] = (
    UNIDADES,
    RMA_CRAS,
    EQUIPES,
    SCFV_PARTICIPANTES,
    SCFV_GRUPOS,
    SCFV_FREQUENCIA,
    INCLUSAO_PRODUTIVA,
    CADUNICO_TERRITORIOS,
    CUSTOS,
    ESTRUTURA_CRAS,
    IDCRAS_PUBLICADO,
)
POR_NOME = {a.nome: a for a in ARQUIVOS}
