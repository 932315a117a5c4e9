"""Entry script of the frozen app: the same `main` as the `gloss` command."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
