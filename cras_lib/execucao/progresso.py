"""Progress of a run: a bar redrawn in place on a terminal, one plain line per document otherwise (cron, CI)."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO


class Progresso:
    def __init__(self, total: int, fluxo: TextIO | None = None):
        self.total = total
        self.feitos = 0
        self.fluxo = fluxo or sys.stderr
        self.terminal = hasattr(self.fluxo, "isatty") and self.fluxo.isatty()
        self.inicio = time.perf_counter()
        if self.terminal and total:
            self._desenhar("")
            self.fluxo.flush()

    def avancar(self, documento: str, situacao: str, detalhe: str = "", falha: bool = False) -> None:
        """One document finished (executed, skipped or failed)."""
        self.feitos += 1
        linha = f"[{self.feitos}/{self.total}] {documento}: {situacao}" + (f" — {detalhe}" if detalhe else "")
        if not self.terminal:
            self.fluxo.write(linha + "\n")
        else:
            if falha:  # failures stay on screen above the bar
                self.fluxo.write("\r\033[K" + linha + "\n")
            self._desenhar(documento)
        self.fluxo.flush()

    def _desenhar(self, documento: str) -> None:
        largura = max(10, min(40, shutil.get_terminal_size((80, 20)).columns - 50))
        cheio = round(largura * self.feitos / self.total) if self.total else largura
        decorrido = f"{time.perf_counter() - self.inicio:5.1f}".replace(".", ",")  # pt-BR decimal comma
        self.fluxo.write(
            f"\r\033[K[{'#' * cheio}{'.' * (largura - cheio)}] {self.feitos}/{self.total} "
            f"{decorrido} s  {documento[:30]}"
        )

    def fechar(self) -> None:
        if self.terminal and self.feitos:
            self.fluxo.write("\n")
            self.fluxo.flush()
