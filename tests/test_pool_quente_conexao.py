"""Kernels of the warm pool leave no connection file behind, also when the kernel died on its own."""

import os
import signal
import time
from pathlib import Path

import pytest

from cras_lib.execucao.pool_quente import NucleoQuente

pytestmark = pytest.mark.lento


def _nucleo(tmp_path) -> NucleoQuente:
    nucleo = NucleoQuente("teste", "python3", None, tmp_path / "nucleo.log")
    nucleo.iniciar()
    return nucleo


def test_encerrar_remove_o_arquivo_de_conexao(tmp_path):
    nucleo = _nucleo(tmp_path)
    conexao = Path(nucleo.km.connection_file)
    assert conexao.is_file()
    nucleo.encerrar()
    assert not conexao.exists()


def test_nucleo_morto_nao_deixa_arquivo_de_conexao(tmp_path):
    nucleo = _nucleo(tmp_path)
    conexao = Path(nucleo.km.connection_file)
    os.kill(nucleo.km.provisioner.pid, signal.SIGKILL)
    for _ in range(100):  # until jupyter_client sees the process gone
        if not nucleo.km.has_kernel or nucleo.km.provisioner.process.poll() is not None:
            break
        time.sleep(0.05)
    nucleo.encerrar()
    assert not conexao.exists()
