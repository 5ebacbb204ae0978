"""The kernel's reset between documents (cras_lib.execucao.aquecimento.reiniciar) keeps the garbage collector's
work small without keeping garbage: run in a fresh interpreter with a real IPython shell, as a warm kernel is; and
the warm-up spares the kernel the debug records its log would drop (a real kernel of the pool)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from cras_lib.execucao.pool_quente import NucleoQuente

ROTEIRO = textwrap.dedent(
    """
    import gc, weakref
    from IPython.core.interactiveshell import InteractiveShell
    from cras_lib.execucao import aquecimento

    shell = InteractiveShell.instance()
    aquecimento.aquecer(None)
    CACHE = []  # what a library cache keeps from one document to the next

    class No:
        pass

    def documento():
        ciclo = No()
        ciclo.eu = ciclo  # garbage only a collection frees
        guardado = No()
        CACHE.append(guardado)
        shell.user_ns["d"] = ciclo
        return weakref.ref(ciclo), guardado

    congelados = gc.get_freeze_count()
    morto, guardado = documento()
    aquecimento.reiniciar(".")
    assert morto() is None, "o lixo do documento ficou congelado"
    assert gc.get_freeze_count() > congelados, "o que sobreviveu ao documento não foi congelado"
    assert not any(o is guardado for o in gc.get_objects()), "o que o cache guarda ainda é varrido"

    # every COLETA_COMPLETA_A_CADA documents everything is collected again: a cycle dropped from the cache is freed
    ciclo = No(); ciclo.eu = ciclo; CACHE.append(ciclo); solto = weakref.ref(ciclo); del ciclo
    aquecimento.reiniciar(".")  # frozen with the cache
    CACHE.clear()
    for _ in range(aquecimento.COLETA_COMPLETA_A_CADA):
        aquecimento.reiniciar(".")
    assert solto() is None, "um ciclo largado pelo cache nunca foi coletado"
    print("ok")
    """
)


def test_reiniciar_congela_o_que_sobrevive_e_coleta_o_lixo_do_documento(tmp_path):
    r = subprocess.run(
        [sys.executable, "-c", ROTEIRO], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert r.returncode == 0 and r.stdout.strip().endswith("ok"), r.stderr


@pytest.mark.lento
def test_kernel_aquecido_nao_monta_registros_de_depuracao_que_ninguem_grava(tmp_path):
    """ipykernel logs each message at DEBUG while its handler writes from WARNING: after the warm-up the logger
    skips those records, and what the handler writes still reaches the run's log."""
    registro = tmp_path / "nucleo.log"
    nucleo = NucleoQuente("teste", "python3", None, registro)
    nucleo.iniciar()
    try:
        nucleo.executar_codigo(
            "import logging; k = get_ipython().kernel.log\n"
            "assert not k.isEnabledFor(logging.DEBUG), k.level\n"
            "assert k.isEnabledFor(min(h.level for h in k.handlers))\n"
            "k.warning('aviso do kernel')",
            60,
        )
    finally:
        nucleo.encerrar()
    assert "aviso do kernel" in registro.read_text(encoding="utf-8", errors="replace")
