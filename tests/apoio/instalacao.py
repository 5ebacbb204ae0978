"""A fresh installation of the project, as a new user makes it, prepared in a background process.

Steps (a bash script, stopped at the first failure): ``git clone`` of the repository's committed ``HEAD``,
``python -m venv`` (a new environment, without the running one's packages), ``pip install --no-compile`` of the
clone (NOT editable) and ``cras run`` on the clone's example from an empty, unrelated folder.

``conftest.py`` starts it as soon as the collected tests include ``test_instalacao.py``, so that it runs while
the other tests run (the suite keeps one core busy most of the time; this uses the other); the test waits for
it and checks the results. Each step's duration is written to ``tempos.txt`` (seconds).
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from apoio.caminhos import RAIZ

_PASSOS = """
set -euo pipefail
TEMPOS="$PWD/tempos.txt"
passo() {{ local nome=$1 t0=$EPOCHREALTIME; shift; "$@"; awk -v n="$nome" -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {{ printf "%s %.1f\\n", n, b - a }}' >> "$TEMPOS"; }}
passo clone git clone --quiet {raiz} clone
passo venv {python} -m venv venv
passo pip venv/bin/python -m pip install --quiet --no-compile ./clone
mkdir outra-pasta
cd outra-pasta
passo cras_run ../venv/bin/cras run --dados ../clone/data/exemplo --params ../clone/params/exemplo.yaml --saida ../saida > ../cras_run.txt
"""


class Instalacao:
    """The background installation in ``pasta`` (``clone/``, ``venv/``, ``outra-pasta/``, ``saida/``)."""

    def __init__(self, pasta: Path):
        self.pasta = Path(pasta)
        self.registro = self.pasta / "registro.txt"
        self._processo: subprocess.Popen | None = None

    def iniciar(self) -> Instalacao:
        ambiente = {
            k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
        }
        script = _PASSOS.format(raiz=shlex.quote(str(RAIZ)), python=shlex.quote(sys.executable))
        with self.registro.open("wb") as registro:
            self._processo = subprocess.Popen(
                ["bash", "-c", script],
                cwd=self.pasta,
                env=ambiente,
                stdout=registro,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped as a whole by encerrar()
            )
        return self

    def esperar(self, timeout: float = 1800) -> int:
        """Wait for the steps to end; their exit status (0 = every step succeeded)."""
        assert self._processo is not None, "instalação não iniciada"
        return self._processo.wait(timeout=timeout)

    def tempos(self) -> dict[str, float]:
        arquivo = self.pasta / "tempos.txt"
        linhas = arquivo.read_text(encoding="utf-8").split("\n") if arquivo.exists() else []
        return {nome: float(t) for nome, t in (linha.split() for linha in linhas if linha.strip())}

    def encerrar(self) -> None:
        """Stop the steps if still running (an interrupted session) and remove the folder."""
        if self._processo is not None and self._processo.poll() is None:
            os.killpg(self._processo.pid, signal.SIGKILL)
            self._processo.wait()
        shutil.rmtree(self.pasta, ignore_errors=True)
