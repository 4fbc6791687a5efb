"""Finding an organisation among 100 000 by any name: the folded search key against the
obvious alternative, a case-insensitive search over the three name columns (which cannot
find 'jyvaskyla' for 'Jyväskylä' at all, and so is the cheapest fair baseline)."""

import random

from django.db.models import Q

from bench.rows import Row, best_ms
from verkosto.common.text import fold
from verkosto.registry.models import Organisation, Source
from verkosto.registry.selectors.organisations import organisation_search

N = 100_000
SYLLABLES = ["hel", "sin", "ki", "tam", "pe", "re", "jy", "väs", "ky", "lä", "åbo", "va", "sa"]


def _populate() -> None:
    rng = random.Random(7)
    source = Source.objects.create(title="benchmark")
    batch = []
    for i in range(N):
        name = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() + f" {i}"
        key = f"|{fold(name)}|{fold(name)}s|{i:06d}|"
        batch.append(
            Organisation(
                kind="municipality",
                name=name,
                name_fi=name,
                name_sv=name + "s",
                country="FI",
                source=source,
                search_key=key,
                population=rng.randint(1, 10**6),
            )
        )
    Organisation.objects.bulk_create(batch, batch_size=5000)


def run() -> list[Row]:
    _populate()
    rows = []
    for text in ["jyväskylä 4242", "Tamperesin 9", "077777"]:
        ours = best_ms(lambda t=text: list(organisation_search(text=t)[:20]))
        baseline = best_ms(
            lambda t=text: list(
                Organisation.objects.filter(
                    Q(name_fi__icontains=t) | Q(name_sv__icontains=t) | Q(name_en__icontains=t)
                ).order_by("name")[:20]
            )
        )
        rows.append(
            Row(f"find {text!r} in {N:,} orgs", ours, baseline, "ms", "icontains on 3 name columns")
        )
    return rows
