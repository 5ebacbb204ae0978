"""Censo SUAS RH CRAS answer codes and labels -> the contract's values (see ``docs/arquivos-oficiais.md``).

Some years publish numeric codes (2018, 2022), others text labels with a leading space and any capitalisation
(2023, 2024). Both are mapped here; labels are compared by :func:`rotulo` (no accents, lower case, ``(a)``
endings and punctuation off, single spaces). A code or label with no value of its own in the contract takes the
column's fallback (``outro``, ``outra`` or missing) and is counted in the import summary.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def rotulo(texto: str) -> str:
    """Label key: ``" Técnico(a) de Nível Superior "`` -> ``"tecnico de nivel superior"``."""
    sem_acento = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode("ascii").lower()
    sem_genero = re.sub(r"\((?:a|as|o|os|es)\)", "", sem_acento)
    return re.sub(r"[^a-z0-9]+", " ", sem_genero).strip()


@dataclass(frozen=True)
class Mapa:
    """One Censo question: codes and label keys -> contract value (``""`` = missing on purpose)."""

    coluna: str  # contract column
    sufixo: str  # question suffix in the Censo header
    codigos: dict[str, str]
    rotulos: dict[str, str]
    reserva: str | None  # value for any other code/label (None: missing)
    declarados: frozenset[str] = frozenset()  # codes mapped to a value added to the contract for them

    def mapear(self, valor: str) -> tuple[str | None, bool]:
        """(contract value or None, whether it had no value of its own: fallback or declared)."""
        if valor.isdigit():
            codigo = str(int(valor))
            if codigo in self.codigos:
                destino = self.codigos[codigo]
                return destino or None, codigo in self.declarados
            return self.reserva, True
        chave = rotulo(valor)
        if chave in self.rotulos:
            destino = self.rotulos[chave]
            return destino or None, destino in _VALORES_DECLARADOS.get(self.coluna, ())
        return self.reserva, True


_VALORES_DECLARADOS = {"vinculo": ("outro_nao_permanente", "sem_vinculo")}

FUNCAO = Mapa(
    "funcao",
    "12",
    codigos={
        "21": "coordenador",
        "249": "tecnico_superior",
        "250": "tecnico_medio",
        "248": "orientador_social",
        "251": "auxiliar_administrativo",
        "252": "outro",
        "253": "outro",
        "370": "outro",
        "254": "outro",
    },
    rotulos={
        "coordenador": "coordenador",
        "tecnico de nivel superior": "tecnico_superior",
        "tecnico de nivel medio": "tecnico_medio",
        "educador orientador social": "orientador_social",
        "educador social": "orientador_social",
        "orientador social": "orientador_social",
        "apoio administrativo": "auxiliar_administrativo",
        "servicos gerais": "outro",
        "estagiario": "outro",
        "cadastrador": "outro",
        "outros": "outro",
        "outro": "outro",
    },
    reserva="outro",
)

PROFISSAO = Mapa(
    "profissao",
    "10",
    codigos={
        "273": "assistente_social",
        "274": "psicologo",
        "275": "pedagogo",
        "233": "terapeuta_ocupacional",
        "276": "sociologo",
        "238": "",
        "239": "",
    },
    rotulos={
        "assistente social": "assistente_social",
        "psicologo": "psicologo",
        "pedagogo": "pedagogo",
        "terapeuta ocupacional": "terapeuta_ocupacional",
        "sociologo": "sociologo",
        "profissional de nivel medio": "",
        "sem formacao profissional": "",
    },
    reserva="outra",
)

ESCOLARIDADE = Mapa(
    "escolaridade",
    "9",
    codigos={
        "251": "fundamental",
        "252": "fundamental",
        "253": "fundamental",
        "254": "fundamental",
        "255": "medio",
        "256": "medio",
        "257": "superior",
        "258": "pos_graduacao",
        "260": "pos_graduacao",
        "261": "pos_graduacao",
    },
    rotulos={
        "sem escolaridade": "fundamental",
        "ensino fundamental incompleto": "fundamental",
        "ensino fundamental completo": "fundamental",
        "ensino medio incompleto": "fundamental",
        "ensino medio completo": "medio",
        "ensino superior incompleto": "medio",
        "superior incompleto": "medio",
        "ensino superior completo": "superior",
        "superior completo": "superior",
        "especializacao": "pos_graduacao",
        "mestrado": "pos_graduacao",
        "doutorado": "pos_graduacao",
    },
    reserva=None,
)

VINCULO = Mapa(
    "vinculo",
    "11",
    codigos={
        "138": "estatutario",
        "139": "celetista",
        "292": "comissionado",
        "266": "temporario",
        "293": "terceirizado",
        "264": "terceirizado",
        "265": "voluntario",
        "142": "outro_nao_permanente",
        "291": "sem_vinculo",
    },
    rotulos={
        "servidor estatutario": "estatutario",
        "empregado publico celetista": "celetista",
        "empregado celetista": "celetista",
        "comissionado": "comissionado",
        "temporario": "temporario",
        "terceirizado": "terceirizado",
        "trabalhador de empresa cooperativa entidade prestadora de servico": "terceirizado",
        "voluntario": "voluntario",
        "outro vinculo nao permanente": "outro_nao_permanente",
        "sem vinculo": "sem_vinculo",
    },
    reserva="outro",
    declarados=frozenset({"142", "291"}),
)

CARGA_HORARIA = Mapa(
    "horas_semanais_faixa",
    "13",
    codigos={
        "262": "ate_10",
        "272": "11_a_20",
        "18": "21_a_30",
        "20": "31_a_40",
        "263": "41_a_44",
        "391": "mais_de_44",
    },
    rotulos={
        "ate 10 horas": "ate_10",
        "ate 10h": "ate_10",
        "de 11 a 20 horas": "11_a_20",
        "11 a 20 horas": "11_a_20",
        "de 21 a 30 horas": "21_a_30",
        "21 a 30 horas": "21_a_30",
        "de 31 a 40 horas": "31_a_40",
        "31 a 40 horas": "31_a_40",
        "de 41 a 44 horas": "41_a_44",
        "41 a 44 horas": "41_a_44",
        "mais de 44 horas": "mais_de_44",
        "acima de 44 horas": "mais_de_44",
    },
    reserva=None,
)

MAPAS: tuple[Mapa, ...] = (FUNCAO, PROFISSAO, ESCOLARIDADE, VINCULO, CARGA_HORARIA)
