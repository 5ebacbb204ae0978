"""``python -m cras_lib`` is the ``cras`` command (see ``cras_lib.execucao.cli``)."""

import sys

from .execucao.cli import main

sys.exit(main())
