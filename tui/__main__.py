"""``python -m tui`` is the same as the ``parallax`` command."""
import sys

from .cli import main

sys.exit(main())
