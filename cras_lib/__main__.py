"""``python -m cras_lib`` is the ``cras`` command (see ``cras_lib.execucao.cli``)."""

import sys

from cras_lib.execucao.cli import main

sys.exit(main())
