"""Last check before publishing (LGPD, ``docs/contrato-de-dados.md``, "Dados pessoais"): a shared page must not
contain any personal value of the inputs, nor any active markup (script, event handler, ``javascript:`` URL,
network resource).

Personal values come from the columns the contract marks personal (``Coluna.pessoal``: nome, cpf, nis,
data_nascimento). The page is reduced once to its text (tags give way to their attribute values, entities are
decoded, embedded ``data:`` images dropped) and every value is compared after normalisation, with set look-ups
whose cost does not grow with the number of people:
- CPF/NIS: digits written with or without separators (``.``, ``-``, ``/``, one space) between them; any 11
  consecutive digits of such a run are compared with the 11 digits of every CPF/NIS;
- birth dates: day, month and year in either order with ``.``, ``/``, ``-`` or a space (``22.08.2020``,
  ``2020/08/22``), compact (``20200822``, ``22082020``) or "3 de maio de 2010"; dates the run itself prints
  legitimately (its parameters, today) are allowed;
- names: by their words, case and accents ignored, particles (da, de, do, dos, das, e) skipped: the full name,
  or the first and the last name in either order, next to each other or with up to two other words of the same
  name between ("Maria Souza", "SOUZA, Maria", "Maria Aparecida Souza").
  Two exceptions keep a page from being blocked forever by text that is not about a person: a name preceded by
  a place word (Rua, Avenida, Praça, Escola, ... possibly with a title such as Dr. or Padre in between) is a place
  name; a two-word match whose both words are common words (Vila Nova, Boa Vista, Rosa, Luz, months) is not
  taken for a person. "CRAS" is not a place word here: the runner itself prefixes it to a unit's name, so a unit
  named like a person of the inputs is still caught.
A finding names the file and column of the personal value and, when it also occurs in a public text field of the
inputs (a unit's name or address, a course), that field, so the analyst knows what to correct. The values
themselves are never repeated.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

import pandas as pd
from babel.dates import get_month_names

from cras_lib.apresentacao.formatacao import LOCALE
from cras_lib.dados.contrato import ARQUIVOS

_DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]+")
_TAG = re.compile(r"<[^>]*>")
_VALOR_ATRIBUTO = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)')""")
_SEP = r"[.\-/\s]"
_CORRIDA = re.compile(r"\d(?:[.\-/ \u00a0\u202f]?\d)*")
_DMA = re.compile(rf"(?<![\d.\-/])(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})(?![\d])")
_AMD = re.compile(rf"(?<![\d.\-/])(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})(?![\d])")
_COMPACTA = re.compile(r"(?<![\d.\-/])(\d{8})(?![\d])")
# the month names formatacao.data_extenso writes (Babel, pt_BR), so the guard reads dates as the pages print them
_MESES = tuple(get_month_names("wide", locale=LOCALE)[mes] for mes in range(1, 13))
_EXTENSO = re.compile(r"\b(\d{1,2}) de (" + "|".join(_MESES) + r") de (\d{4})\b")
_PALAVRA = re.compile(r"\w+")

_ENTRE_NOMES = (
    2  # words of the same person's name allowed between the first and the last ("Maria Aparecida Souza")
)
PARTICULAS = frozenset({"da", "de", "do", "das", "dos", "e", "d"})
LUGARES = frozenset(
    """rua r avenida av travessa tv praca pca alameda al estrada rodovia largo beco viela ladeira bairro vila
    jardim parque conjunto loteamento residencial condominio distrito povoado sitio fazenda comunidade escola
    colegio creche emei emef ee ubs posto hospital igreja capela associacao instituto
    fundacao osc ong cooperativa projeto programa edificio predio ginasio quadra""".split()
)
TITULOS = frozenset(
    """dr dra doutor doutora prof profa professor professora padre pe frei irma dom sao santa santo senador
    deputado vereador prefeito governador presidente coronel capitao major tenente sargento general marechal
    maestro monsenhor madre municipal estadual federal comunitario comunitaria publica publico""".split()
)
COMUNS = frozenset(
    """vila nova novo boa bom santa santo sao vista alegre esperanca paz luz fe gloria vitoria rosa flor flores
    branco branca verde neves campo campos monte serra vale rio mar sol lua estrela cruz rocha pedra prado
    jardim primavera bela belo grande alto alta real rica dias reis""".split()
) | {unicodedata.normalize("NFKD", m).encode("ascii", "ignore").decode().lower() for m in _MESES}

# active markup (second line of defence behind escaping), read with the standard HTML parser as a browser would
_PERIGOSOS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "portal"}
)
_ATRIBUTOS_URL = frozenset(
    {
        "src",
        "href",
        "action",
        "formaction",
        "poster",
        "data",
        "background",
        "srcset",
        "xlink:href",
        "ping",
        "cite",
        "longdesc",
        "manifest",
        "codebase",
        "icon",
        "lowsrc",
        "dynsrc",
    }
)
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')\s]+)|@import\s+["']?([^"';\s]+)""", re.I)
_ESQUEMA = re.compile(r"^\s*([a-z][a-z0-9+.\-]*)\s*:", re.I)


def _sem_acento(texto: str) -> str:
    return unicodedata.normalize("NFKD", texto.lower()).encode("ascii", "ignore").decode("ascii")


def _palavras(texto: str) -> list[str]:
    """The words of ``texto``, lower case, without accents and without particles."""
    return [p for p in _PALAVRA.findall(_sem_acento(texto)) if p not in PARTICULAS]


def _data(ano: str, mes: str, dia: str) -> dt.date | None:
    try:
        return dt.date(int(ano), int(mes), int(dia))
    except ValueError:
        return None


def texto_da_pagina(pagina: str) -> str:
    """The text a reader (or a copy) gets from a page, attribute values (alt texts) included: embedded images
    dropped, tag brackets as spaces, entities decoded, soft hyphens (syllable breaks of table cells) removed."""
    return html.unescape(_TAG.sub(_valores_de_atributos, _DATA_URI.sub(" ", pagina))).replace("\xad", "")


def _valores_de_atributos(tag: re.Match) -> str:
    return " " + " ".join(a or b for a, b in _VALOR_ATRIBUTO.findall(tag.group(0))) + " "


@dataclass(frozen=True)
class Achado:
    """One thing that keeps a page from being published: its kind, the input it comes from, and where else in
    the inputs it was found (a public text field the page shows), when known."""

    tipo: str
    origem: str
    tambem_em: str | None = None

    def __str__(self) -> str:
        texto = f"{self.tipo} de {self.origem}"
        return texto + (f", presente em {self.tambem_em}" if self.tambem_em else "")


@dataclass(frozen=True)
class _Campo:
    """A public free-text field of the inputs (or of the run's parameters), where a finding may come from."""

    onde: str
    valor: str

    @property
    def palavras(self) -> tuple[str, ...]:
        return tuple(_palavras(self.valor))


def _origem(arquivo: str, coluna: str) -> str:
    return f"{arquivo} (coluna '{coluna}')"


class GuardaPrivacidade:
    """The personal values of one municipality and its public text fields; ``verificar(pagina)`` lists what a
    page must not show."""

    def __init__(
        self,
        nomes: Iterable[str | tuple[str, str]],
        documentos: Iterable[str | tuple[str, str]],
        datas: Iterable[dt.date | tuple[dt.date, str]],
        datas_permitidas: Iterable[dt.date] = (),
        campos: Iterable[tuple[str, str]] = (),
    ):
        """``nomes``, ``documentos`` and ``datas`` are values or (value, origin) pairs; ``campos`` are
        (where, text) pairs of the public text the documents print (unit names, addresses, parameters)."""
        self._sequencias: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
        self._pares: dict[str, dict[str, tuple[str, frozenset[str]]]] = defaultdict(dict)
        for nome, origem in map(_com_origem, nomes):
            palavras = tuple(_palavras(nome))
            if len(palavras) < 2:
                continue
            self._sequencias[palavras[0]].setdefault(palavras, origem)
            primeiro, ultimo = palavras[0], palavras[-1]
            if primeiro in COMUNS and ultimo in COMUNS:
                continue
            todas = frozenset(palavras)
            self._pares[primeiro].setdefault(ultimo, (origem, todas))
            self._pares[ultimo].setdefault(primeiro, (origem, todas))
        self._documentos: dict[str, str] = {}
        for valor, origem in map(_com_origem, documentos):
            digitos = re.sub(r"\D", "", str(valor))
            if len(digitos) == 11:
                self._documentos.setdefault(digitos, origem)
        permitidas = set(datas_permitidas)
        self._datas: dict[dt.date, str] = {}
        for data, origem in map(_com_origem, datas):
            if data not in permitidas:
                self._datas.setdefault(data, origem)
        self._inicio_de_nome = frozenset(self._sequencias) | frozenset(self._pares)
        self._campos_dados = list(campos)  # made into _Campo only when a page has a finding to trace (rare)

    @functools.cached_property
    def _campos(self) -> list[_Campo]:
        return [_Campo(onde, str(valor)) for onde, valor in self._campos_dados if valor]

    @classmethod
    def do_municipio(
        cls, municipio, datas_permitidas: Iterable[dt.date] = (), campos: Iterable[tuple[str, str]] = ()
    ) -> GuardaPrivacidade:
        """Collect the personal values and the public text fields of every loaded table of ``municipio``;
        ``campos`` adds fields of the run's parameters (e.g. the municipality's name)."""
        nomes: list[tuple[str, str]] = []
        documentos: list[tuple[str, str]] = []
        datas: list[tuple[dt.date, str]] = []
        publicos: list[tuple[str, str]] = list(campos)
        for arquivo in ARQUIVOS:
            tabela = getattr(municipio, arquivo.atributo, None)
            if tabela is None:
                continue
            declaradas = {c.nome: c for c in arquivo.colunas}
            chave = [c for c in arquivo.chave if c in tabela.columns][:1]
            for nome_coluna in tabela.columns:
                coluna = declaradas.get(nome_coluna)
                if coluna is not None and not coluna.pessoal and coluna.tipo != "texto":
                    continue  # a number, a code, a date of no one: neither personal nor free text
                valores = tabela[nome_coluna].dropna()
                origem = _origem(arquivo.nome, nome_coluna)
                if coluna is not None and coluna.pessoal:
                    if coluna.tipo == "data":
                        datas.extend((d, origem) for d in pd.to_datetime(valores).dt.date)
                    elif coluna.nome == "nome":
                        nomes.extend((str(v), origem) for v in valores)
                    else:
                        documentos.extend((str(v), origem) for v in valores)
                else:
                    onde = f"{arquivo.nome}, coluna '{nome_coluna}'"
                    if chave:
                        chaves = tabela.loc[valores.index, chave[0]].tolist()
                        onde_de = [f"{onde}, {chave[0]} {k}" for k in chaves]
                    else:
                        onde_de = [onde] * len(valores)
                    publicos.extend(zip(onde_de, map(str, valores.tolist()), strict=True))
        return cls(nomes, documentos, datas, datas_permitidas, publicos)

    # --- personal values ----------------------------------------------------------------------------------

    def _documentos_na(self, texto: str) -> dict[str, str]:
        achados = {}
        for corrida in _CORRIDA.findall(texto):
            digitos = re.sub(r"\D", "", corrida)
            for i in range(len(digitos) - 10):
                if (janela := digitos[i : i + 11]) in self._documentos:
                    achados[janela] = self._documentos[janela]
        return achados

    def _datas_na(self, texto: str) -> dict[dt.date, str]:
        if not self._datas:
            return {}
        vistas = {_data(a, m, d) for d, m, a in _DMA.findall(texto)}
        vistas |= {_data(a, m, d) for a, m, d in _AMD.findall(texto)}
        for c in _COMPACTA.findall(texto):
            vistas |= {_data(c[:4], c[4:6], c[6:]), _data(c[4:], c[2:4], c[:2])}
        vistas |= {_data(a, str(_MESES.index(m) + 1), d) for d, m, a in _EXTENSO.findall(texto.lower())}
        return {d: self._datas[d] for d in vistas if d in self._datas}

    def _nomes_na(self, palavras: list[str]) -> dict[tuple[str, ...], str]:
        achados = {}
        inicio = self._inicio_de_nome
        for i in [i for i, palavra in enumerate(palavras) if palavra in inicio]:  # few words start a name
            palavra = palavras[i]
            candidatos = [
                (nome, origem)
                for nome, origem in self._sequencias.get(palavra, {}).items()
                if tuple(palavras[i : i + len(nome)]) == nome
            ]
            for parceiro, (origem, todas) in self._pares.get(palavra, {}).items():
                # the other end of the name next to this word, or after other words of the same person's name
                for j in range(i + 1, min(i + _ENTRE_NOMES + 2, len(palavras))):
                    if palavras[j] == parceiro:
                        candidatos.append((tuple(palavras[i : j + 1]), origem))
                        break
                    if palavras[j] not in todas:
                        break
            if candidatos and not _nome_de_lugar(palavras, i):
                achados.update(candidatos)
        return achados

    def verificar(self, pagina: str, marcacao: bool = True) -> list[Achado]:
        """What keeps ``pagina`` (an HTML page or a plain text) from being shared, one finding per distinct
        value; empty when the page is clean. ``marcacao=False`` looks for personal values only (for a text that
        the page will escape, such as an error message)."""
        trechos = _trechos_ativos(pagina) if marcacao else []
        achados = _achados_de_marcacao(trechos, self._campos) if trechos else []
        texto = texto_da_pagina(pagina)
        for digitos, origem in self._documentos_na(texto).items():
            campo = next((c.onde for c in self._campos if digitos in re.sub(r"\D", "", c.valor)), None)
            achados.append(Achado("CPF ou NIS", origem, campo))
        for origem in self._datas_na(texto).values():
            achados.append(Achado("data de nascimento", origem))
        for nome, origem in self._nomes_na(_palavras(texto)).items():
            campo = next((c.onde for c in self._campos if _contem(c.palavras, nome)), None)
            achados.append(Achado("nome", origem, campo))
        return achados


def _com_origem(valor) -> tuple:
    return valor if isinstance(valor, tuple) else (valor, "das entradas")


def _contem(palavras: tuple[str, ...], trecho: tuple[str, ...]) -> bool:
    n = len(trecho)
    return any(palavras[i : i + n] == trecho for i in range(len(palavras) - n + 1))


def _nome_de_lugar(palavras: list[str], i: int) -> bool:
    """Whether the words from ``i`` on follow a place word (Rua, Escola...), titles (Dr., Padre) between."""
    j = i - 1
    while j >= 0 and palavras[j] in TITULOS:
        j -= 1
    return j >= 0 and palavras[j] in LUGARES


class _LeitorMarcacao(HTMLParser):
    """Collects (kind, snippet) of every active construct of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.achados: list[tuple[str, str]] = []
        self._em_estilo = False

    def handle_starttag(self, tag, attrs):
        if tag in _PERIGOSOS:
            self.achados.append((f"elemento {tag}", f"<{tag}"))
        if tag == "style":
            self._em_estilo = True
        for nome, valor in attrs:
            valor = valor or ""
            if nome.startswith("on"):
                self.achados.append(("atributo de evento (on…=)", nome))
            elif nome in _ATRIBUTOS_URL:
                for parte in valor.split(",") if nome == "srcset" else (valor,):
                    self._url(parte.strip().split(" ")[0])
            elif nome == "style":
                self._css(valor)
            elif nome == "http-equiv" and valor.strip().lower() == "refresh":
                self.achados.append(("redirecionamento (meta refresh)", "refresh"))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "style":
            self._em_estilo = False

    def handle_data(self, data):
        if self._em_estilo:
            self._css(data)

    def _css(self, css: str) -> None:
        for grupos in _CSS_URL.findall(css):
            self._url(next((g for g in grupos if g), ""))

    def _url(self, valor: str) -> None:
        valor = "".join(valor.split())  # browsers ignore whitespace inside URLs ("java\tscript:")
        esquema = _ESQUEMA.match(valor)
        nome = esquema.group(1).lower() if esquema else ""
        if nome in ("javascript", "vbscript"):
            self.achados.append(("URL javascript:", nome + ":"))
        elif (esquema and nome != "data") or valor.startswith(("//", "\\\\", "/\\", "\\/")):
            host = re.sub(r"^[a-z][a-z0-9+.\-]*:", "", valor, flags=re.I).lstrip("/\\").split("/")[0]
            self.achados.append(("recurso de rede", host or valor))


def marcacao_ativa(pagina: str, campos: Iterable[_Campo] = ()) -> list[Achado]:
    """Markup that would run or fetch something when the page is opened: ``<script>`` (and iframe, object,
    embed, base, form), inline event handlers (``onerror=``), ``javascript:`` URLs, meta refresh and any
    reference to a network resource (a URL with a scheme other than ``data:``, or ``//host``) in an attribute or
    in CSS. Text shown as text (escaped) is not markup. Each finding names the public input field that holds the
    same thing, when one does.
    """
    return _achados_de_marcacao(_trechos_ativos(pagina), list(campos))


def _trechos_ativos(pagina: str) -> list[tuple[str, str]]:
    """(kind, snippet) of every active construct of ``pagina`` (see :func:`marcacao_ativa`)."""
    leitor = _LeitorMarcacao()
    leitor.feed(_DATA_URI.sub("data:,", pagina))
    leitor.close()
    return leitor.achados


def _achados_de_marcacao(trechos: list[tuple[str, str]], campos: list[_Campo]) -> list[Achado]:
    achados: list[Achado] = []
    for tipo, trecho in trechos:
        chave = trecho.lower()
        onde = next((c.onde for c in campos if chave in c.valor.lower()), None)
        achado = Achado(tipo, onde or "origem desconhecida")
        if achado not in achados:
            achados.append(achado)
    return achados


def descrever_achados(achados: Iterable[Achado]) -> str:
    """The refusal message, in Portuguese, without repeating the personal values themselves."""
    contagem: dict[Achado, int] = {}
    for achado in achados:
        contagem[achado] = contagem.get(achado, 0) + 1
    partes = "; ".join(
        (f"{n} valores distintos: " if n > 1 else "") + str(achado) for achado, n in contagem.items()
    )
    pessoais = any(a.tipo in ("nome", "CPF ou NIS", "data de nascimento") for a in contagem)
    motivo = "dados pessoais das entradas" if pessoais else "marcação ativa"
    if pessoais and len({a.tipo for a in contagem} - {"nome", "CPF ou NIS", "data de nascimento"}):
        motivo = "dados pessoais das entradas e marcação ativa"
    return f"o HTML contém {motivo} ({partes}); o documento não foi publicado"
