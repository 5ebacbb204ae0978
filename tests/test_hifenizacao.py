"""Table cells break long words only at syllables (soft hyphens), never inside a figure."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from cras_lib.apresentacao import exibicao
from cras_lib.apresentacao.hifenizacao import HIFEN_BRANDO, hifenizar
from cras_lib.execucao.guarda import GuardaPrivacidade, texto_da_pagina


def _quebras(texto: str) -> str:
    return texto.replace(HIFEN_BRANDO, "|")


def test_palavras_longas_ganham_as_quebras_silabicas_do_portugues():
    # nu-me-ra-dor, fre-quên-cia, a-do-les-cen-tes: at least three letters on each side of a break
    assert _quebras(hifenizar("Numerador")) == "Nume|ra|dor"
    assert _quebras(hifenizar("frequência")) == "fre|quên|cia"
    assert _quebras(hifenizar("Adolescentes de 15 a 17 anos")) == "Ado|les|cen|tes de 15 a 17 anos"
    # short words, acronyms, codes, figures, file names and addresses are left as they are
    for intacto in (
        "CRAS",
        "PAIF-01",
        "1.234,5",
        "R$ 929,62",
        "Meta",
        "scfv_participantes.csv",
        "aplicacoes.mds.gov.br",
    ):
        assert hifenizar(intacto) == intacto
    # the text a reader (and the privacy guard) gets is unchanged
    texto = "Famílias referenciadas em acompanhamento"
    assert hifenizar(texto) != texto and hifenizar(texto).replace(HIFEN_BRANDO, "") == texto


def test_tabela_quebra_palavras_por_silaba_e_nunca_um_numero():
    tabela = pd.DataFrame(
        {
            "CRAS": ["CRAS <Cachoeirinha>"],
            "Denominador": ["5.889"],
            "Ocupação": ["95,1 %"],
            "Custo": ["R$ 1.547,60"],
        }
    )
    html = exibicao.tabela_html(tabela, "Tabela")
    assert '<th scope="col">Deno\xadmi\xadna\xaddor</th>' in html
    assert "<td>CRAS &lt;Cacho\xadei\xadri\xadnha&gt;</td>" in html  # escaped as before
    for figura in ("5.889", "95,1 %", "R$ 1.547,60"):
        assert f'<td class="numero">{figura}</td>' in html
    # the page's text, as the guard and a copy read it, has no soft hyphen
    assert "Denominador" in texto_da_pagina(html) and HIFEN_BRANDO not in texto_da_pagina(html)


def test_data_por_extenso_com_hifens_brandos_ainda_e_dado_pessoal():
    # "dezembro" gets a syllable break in a table cell: the guard still reads the birth date written out
    guarda = GuardaPrivacidade(
        nomes=[], documentos=[], datas=[(dt.date(1990, 12, 3), "scfv_participantes.csv")]
    )
    pagina = exibicao.tabela_html(pd.DataFrame({"Nascimento": ["3 de dezembro de 1990"]}), "T")
    assert HIFEN_BRANDO in pagina
    (achado,) = guarda.verificar(pagina)
    assert achado.tipo == "data de nascimento"
