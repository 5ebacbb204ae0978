"""Batch runs: the ``cras`` command, executors (warm local pool now, distributed later), cache, manifest, HTML.

One module per job: ``cli`` (the command), ``configuracao`` (the run's YAML), ``documentos`` (which notebooks
with which parameters), ``executores`` and ``pool_quente`` (how notebooks are executed), ``aquecimento`` (what
runs inside a warm kernel), ``cache`` and ``impressoes`` (incremental runs, fingerprints), ``html``, ``guarda`` and
``indice`` (the shareable pages and the privacy check), ``manifesto`` (provenance), ``gravacao`` (atomic writes),
``progresso`` (progress bar), ``lote`` (one run, end to end).
"""

import sys

# jsonschema (imported by nbformat, hence by papermill and nbconvert) registers an optional "iri" format checker
# when ``rfc3987_syntax`` is installed, and importing that package builds a Lark grammar: about 2 s of start-up
# for every process, for a check notebook validation never uses. The runner opts out, unless something in the
# process already imported it.
sys.modules.setdefault("rfc3987_syntax", None)
