"""The ``verkosto`` console command.

Everyday jobs have short names (``verkosto import statfi-municipalities FILE``,
``verkosto find Helsingfors``, ``verkosto demo``); anything else is passed to Django's
management commands, so ``verkosto migrate`` or ``verkosto createsuperuser`` work too.
"""

import os
import sys

# Short names for the everyday jobs → the management command that does the work.
ALIASES = {
    "import": "importdata",
    "serve": "runserver",
    "demo": "loaddemo",
}


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verkosto.settings")
    if len(argv) > 1 and argv[1] in ALIASES:
        argv[1] = ALIASES[argv[1]]
    from django.core.management import execute_from_command_line

    argv[0] = "verkosto"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
