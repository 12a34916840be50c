"""The team view's answer chart: per scored item of a dimension, five shares from very
negative to very positive, each answer turned so that high is good, "ved ikke" left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from apv_desktop.services.demo import build_demo
from apv_desktop.services.results_view import ResultsBundle, load_round
from apv_desktop.ui.results.distribution_rows import distribution_rows
from tests.fixed_dates import DEMO_TODAY


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> ResultsBundle:
    path: Path = tmp_path_factory.mktemp("rows") / "demo.apv"
    build_demo(path, today=DEMO_TODAY)
    return load_round(path, "2025")


def _scored(bundle: ResultsBundle, dimension: str) -> list[str]:
    questionnaire = bundle.questionnaire
    return [item.name for item in questionnaire.items()
            if item.dimension == dimension and questionnaire.is_scored(item)]


def test_a_row_per_scored_item_whose_shares_make_the_whole(bundle):
    rows = distribution_rows(bundle, "DK", "QD", 60)
    assert len(rows) == len(_scored(bundle, "QD")) >= 2
    for row in rows:
        assert row.shares is not None and sum(row.shares) == pytest.approx(1.0)
        assert len(row.label) <= 60


def test_answers_are_turned_so_that_high_is_good(bundle):
    """Quantitative demands: a high score is bad, so the share answering the top of the scale
    (score 100) on an item that is not reversed is the very negative share."""
    questionnaire = bundle.questionnaire
    item = questionnaire.item("qd_1")
    assert item is not None and not item.reverse
    choices = questionnaire.choices_for(item)
    counts = bundle.distributions[("DK", "qd_1")].counts
    assert choices is not None and counts is not None
    scored = {choice.score: count for choice, count in zip(choices.choices, counts, strict=True)
              if choice.score is not None}
    row = distribution_rows(bundle, "DK", "QD", 60)[_scored(bundle, "QD").index("qd_1")]
    assert row.shares is not None
    assert row.shares[0] == pytest.approx(scored[100.0] / sum(scored.values()))
    assert row.shares[4] == pytest.approx(scored[0.0] / sum(scored.values()))


def test_a_unit_whose_answers_are_hidden_gets_rows_without_shares(bundle):
    hidden = next(unit for (unit, item), found in bundle.distributions.items()
                  if item == "qd_1" and found.counts is None)
    assert all(row.shares is None for row in distribution_rows(bundle, hidden, "QD", 60))


def test_long_labels_are_cut_with_an_ellipsis(bundle):
    rows = distribution_rows(bundle, "DK", "QD", 12)
    assert all(len(row.label) <= 12 for row in rows)
    assert any(row.label.endswith("…") for row in rows)
