"""The ranking charts of the evaluation stay one page tall whatever the number of CRAS."""

from __future__ import annotations

import pandas as pd

from cras_lib.documentos.avaliacao.documento import BARRAS_POR_PONTA, barras_do_ranking


def _ordem(n: int, sem_valor: int = 0) -> pd.DataFrame:
    valores = [1 - i / 100 for i in range(n - sem_valor)] + [pd.NA] * sem_valor  # best first, unknown last
    return pd.DataFrame(
        {
            "id_cras": [f"{i:011d}" for i in range(n)],
            "nome": [f"CRAS {i}" for i in range(n)],
            "valor": valores,
        }
    ).astype({"valor": "Float64"})


def test_ate_o_dobro_das_pontas_todos_os_cras_no_grafico():
    ordem = _ordem(2 * BARRAS_POR_PONTA, sem_valor=3)
    no_grafico, nota = barras_do_ranking(ordem)
    assert no_grafico.equals(ordem) and nota == ""


def test_muitos_cras_o_grafico_mostra_os_melhores_e_os_piores_com_valor():
    ordem = _ordem(256, sem_valor=6)
    no_grafico, nota = barras_do_ranking(ordem)
    nomes = list(no_grafico["nome"])
    assert len(nomes) == 2 * BARRAS_POR_PONTA
    assert nomes[:BARRAS_POR_PONTA] == [f"CRAS {i}" for i in range(BARRAS_POR_PONTA)]
    assert nomes[BARRAS_POR_PONTA:] == [f"CRAS {i}" for i in range(250 - BARRAS_POR_PONTA, 250)]
    assert no_grafico["valor"].notna().all()  # the CRAS without a value stay in the table only
    assert nota == (
        f" Com 256 CRAS, o gráfico mostra os {BARRAS_POR_PONTA} de melhor e os {BARRAS_POR_PONTA} de pior "
        "resultado; a tabela abaixo traz todos."
    )
