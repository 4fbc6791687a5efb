"""``make bench``: every benchmark in bench/, each printed beside its baseline.

Each benchmark module has ``run() -> list[Row]``; a Row names what was measured, the
figure for verkosto's way and for the baseline it is compared with in the same run.
"""

import importlib
import os
import pkgutil
import sys
import tempfile
from pathlib import Path


def main() -> None:
    # A throw-away SQLite database unless DATABASE_URL points elsewhere.
    tmp = tempfile.TemporaryDirectory(prefix="verkosto-bench-")
    os.environ.setdefault("VERKOSTO_VAR_DIR", tmp.name)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verkosto.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    selected = set(sys.argv[1:])
    print(f"{'benchmark':<44} {'verkosto':>14} {'baseline':>14}  baseline is")
    for info in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if not info.name.startswith("bench_") or (selected and info.name not in selected):
            continue
        module = importlib.import_module(f"bench.{info.name}")
        for row in module.run():
            print(row)
    tmp.cleanup()


if __name__ == "__main__":
    main()
