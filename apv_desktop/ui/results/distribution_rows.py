"""How one unit answered each scored item of a dimension, as the team view's diverging chart
draws it: five shares from very negative to very positive, each answer turned so that high is
good (a demand answered 'always' counts as negative), "ved ikke" left out."""

from __future__ import annotations

from apv_desktop.core.model import Direction
from apv_desktop.services.results_view import ResultsBundle
from apv_desktop.ui.charts import plots


def distribution_rows(bundle: ResultsBundle, code: str, dimension_code: str,
                      label_chars: int) -> list[plots.DivergingRow]:
    """A row per scored item of the dimension in unit `code`; a row without shares where the
    unit's distribution is not shown. Labels are cut to `label_chars`."""
    questionnaire = bundle.questionnaire
    dimension = questionnaire.dimension(dimension_code)
    worse = dimension is not None and dimension.direction is Direction.HIGHER_IS_WORSE
    rows = []
    for item in questionnaire.items():
        if item.dimension != dimension_code or not questionnaire.is_scored(item):
            continue
        found = bundle.distributions.get((code, item.name))
        choices = questionnaire.choices_for(item)
        label = item.label(bundle.language)
        label = label if len(label) <= label_chars else label[: label_chars - 1] + "…"
        if found is None or found.counts is None or choices is None:
            rows.append(plots.DivergingRow(label, None))
            continue
        buckets = [0.0] * 5
        for count, choice in zip(found.counts, choices.choices, strict=True):
            if choice.score is None:
                continue  # "ved ikke" is not on the scale
            oriented = 100.0 - choice.score if item.reverse != worse else choice.score
            buckets[_bucket(oriented)] += count
        total = sum(buckets)
        rows.append(plots.DivergingRow(
            label, tuple(b / total for b in buckets) if total else (0.0,) * 5))
    return rows


def _bucket(oriented: float) -> int:
    """0 very negative .. 4 very positive, for an answer's score turned so high is good."""
    if oriented <= 12.5:
        return 0
    if oriented < 50:
        return 1
    if oriented == 50:
        return 2
    return 3 if oriented <= 87.5 else 4
