"""Fill the English catalogue: the source strings are English, so each msgstr is its msgid.

Run by `make messages` after makemessages, so the English catalogue is complete too and
the completeness test can treat all three languages alike.
"""

import sys
from pathlib import Path

import polib


def main(path: str) -> None:
    catalogue = polib.pofile(path)
    for entry in catalogue:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            # Always the msgid: a fuzzy match may have carried over another string's text.
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save(path)
    catalogue.save_as_mofile(str(Path(path).with_suffix(".mo")))


if __name__ == "__main__":
    main(sys.argv[1])
