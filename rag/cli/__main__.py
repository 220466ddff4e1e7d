"""`python -m rag.cli`, as `rag` and `python -m rag`."""

import sys

from . import main

sys.exit(main())
