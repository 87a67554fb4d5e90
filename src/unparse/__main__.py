"""``python -m unparse``: the same command line as ``unparse``."""

from .cli import main

if __name__ == "__main__":  # pragma: no cover - run as a module
    main(prog_name="unparse")
