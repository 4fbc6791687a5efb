"""The demo loads the portfolio samples: Helsinki's closed 2024 and open 2025 reviews,
costs, outcomes and indicators, all citing the sample source. (Loading the demo again
changing nothing is checked for everything, these samples included, by
tests/registry/test_demo.py.)"""

import io

import pytest

from verkosto.portfolio import models as pm
from verkosto.portfolio.demo import SOURCE_KEY
from verkosto.registry.demo.load import demo_load


@pytest.mark.django_db
def test_demo_has_sample_costs_outcomes_indicators_and_reviews(client):
    demo_load(stdout=io.StringIO())
    helsinki = {r.year: r for r in pm.Review.objects.filter(workspace__slug="helsinki")}
    assert helsinki[2024].status == "closed" and helsinki[2025].status == "open"
    decisions = dict(helsinki[2024].evaluations.values_list("network__name_en", "decision"))
    assert decisions["Eurocities"] == "retain"
    assert decisions["Union of the Baltic Cities"] == "review"
    assert all(e.reasons for e in helsinki[2024].evaluations.all())
    assert pm.Review.objects.filter(workspace__slug="vaasa", year=2024, status="closed").exists()

    for model in (pm.CostLine, pm.Outcome, pm.Indicator, pm.IndicatorValue):
        rows = list(model.objects.select_related("source"))
        assert rows, model
        assert {r.source.key for r in rows} == {SOURCE_KEY}, model
    source = pm.CostLine.objects.first().source
    assert source.is_sample
    for label in ("Esimerkkiluvut", "Exempelsiffror", "Sample figures (illustrative)"):
        assert label in source.title

    assert client.login(username="demo", password="demo")
    body = client.get(f"/en/portfolio/reviews/{helsinki[2025].pk}/").content.decode()
    assert "Review 2025: Helsinki" in body
    assert "Union of the Baltic Cities" in body and "Record the decision" in body
    assert "no outcome recorded since 2022" in body.lower()
    closed = client.get(f"/en/portfolio/reviews/{helsinki[2024].pk}/").content.decode()
    assert "Ei tuloksia vuoden 2022 jälkeen" in closed  # the recorded rationale
