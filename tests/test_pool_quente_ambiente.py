"""The environment a warm kernel runs with: the pool's ``ambiente`` when given (the Dask worker's kernels start
without the allocator setting of Dask's nanny, ``trabalhador_dask.ambiente_dos_kernels``)."""

import os

import pytest

from cras_lib.erros import ErroNucleo
from cras_lib.execucao.pool_quente import NucleoQuente

pytestmark = pytest.mark.lento


def test_kernel_recebe_o_ambiente_dado_e_nao_o_do_processo(tmp_path, monkeypatch):
    monkeypatch.setenv("CRAS_TESTE_DO_PROCESSO", "1")
    ambiente = {k: v for k, v in os.environ.items() if k != "CRAS_TESTE_DO_PROCESSO"} | {
        "CRAS_TESTE_DADO": "2"
    }
    nucleo = NucleoQuente("teste", "python3", None, tmp_path / "nucleo.log", ambiente)
    nucleo.iniciar()
    try:
        nucleo.executar_codigo("import os; assert os.environ.get('CRAS_TESTE_DADO') == '2'", 30)
        nucleo.executar_codigo("import os; assert 'CRAS_TESTE_DO_PROCESSO' not in os.environ", 30)
        with pytest.raises(ErroNucleo):  # a failing check does fail: the two above were really run
            nucleo.executar_codigo("import os; assert 'CRAS_TESTE_DADO' not in os.environ", 30)
    finally:
        nucleo.encerrar()
