"""Suppression as a security property: over random org trees, nothing that is shown lets a
reader compute a group below the threshold by adding and subtracting shown groups.

Safety is checked independently of the algorithm: every union of 'atoms' (the respondents
attached directly to one unit) whose indicator vector lies in the span of the shown groups'
indicator vectors is computable; each such union must be empty or reach the threshold.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from apv_desktop.core.anonymity import Hidden, Tree, suppress
from apv_desktop.core.model import Rules
from apv_desktop.core.results import compute_results
from tests.unit.core_fixtures import response_set, small_org, small_questionnaire


@st.composite
def org_trees(draw: st.DrawFn) -> tuple[Tree, np.ndarray, int]:
    size = draw(st.integers(1, 9))
    parent = [-1] + [draw(st.integers(0, i - 1)) for i in range(1, size)]
    direct = np.array([draw(st.sampled_from([0, 0, 1, 2, 3, 4, 5, 6, 8, 12])) for _ in parent])
    return Tree(parent), direct, draw(st.integers(3, 6))


def subtree_members(tree: Tree) -> np.ndarray:
    """members[g, a] = 1 when atom a (unit a's direct respondents) lies in group g."""
    size = len(tree)
    members = np.eye(size)
    for child in range(size - 1, 0, -1):
        members[tree.parent[child]] += members[child]
    return members


def computable(shown_rows: np.ndarray, vector: np.ndarray) -> bool:
    if len(shown_rows) == 0:
        return False
    rank = np.linalg.matrix_rank(shown_rows)
    return np.linalg.matrix_rank(np.vstack([shown_rows, vector])) == rank


@settings(max_examples=300, deadline=None)
@given(org_trees())
def test_no_hidden_group_is_computable_by_subtraction(case: tuple[Tree, np.ndarray, int]) -> None:
    tree, direct, min_n = case
    members = subtree_members(tree)
    n = members @ direct
    hidden = suppress(tree, n, min_n)

    shown = [g for g in range(len(tree)) if hidden[g] is None]
    assert all(n[g] >= min_n for g in shown)
    shown_rows = members[shown][:, direct > 0]  # empty atoms carry nothing
    atoms = np.flatnonzero(direct > 0)
    for k in range(1, len(atoms) + 1):
        for subset in combinations(range(len(atoms)), k):
            vector = np.zeros(len(atoms))
            vector[list(subset)] = 1
            if computable(shown_rows, vector):
                total = int(direct[atoms[list(subset)]].sum())
                assert total >= min_n, f"a group of {total} is computable"


@settings(max_examples=200, deadline=None)
@given(org_trees())
def test_the_organisation_is_shown_whenever_it_is_large_enough(
    case: tuple[Tree, np.ndarray, int],
) -> None:
    tree, direct, min_n = case
    n = subtree_members(tree) @ direct
    hidden = suppress(tree, n, min_n)
    assert (hidden[0] is None) == (n[0] >= min_n)
    assert all(h is Hidden.TOO_FEW for g, h in enumerate(hidden) if n[g] < min_n)


def test_nothing_is_hidden_when_every_team_is_large_and_managers_have_no_own_staff() -> None:
    tree = Tree([-1, 0, 0, 1, 1])
    n = subtree_members(tree) @ np.array([0, 0, 7, 5, 9])
    assert suppress(tree, n, 5) == [None] * 5


def test_respondents_attached_to_a_department_are_protected() -> None:
    # Department 1 has two teams of 6 and 2 respondents of its own: dept - teams = 2 people.
    tree = Tree([-1, 0, 1, 1, 0])
    n = subtree_members(tree) @ np.array([0, 2, 6, 6, 10])
    hidden = suppress(tree, n, 5)
    # One team goes too, so the department's own two merge with it; the department stays.
    assert [hidden[2], hidden[3]].count(Hidden.COMPLEMENTARY) == 1
    assert hidden[1] is None and hidden[4] is None and hidden[0] is None


def test_stricter_dimension_threshold_hides_more() -> None:
    q = small_questionnaire()
    q.dimensions[1].min_n = 6  # SS
    rows = [(unit, {"q1": "a", "q2": "a", "s1": "b", "s2": "b"}) for unit in "AAAAABBBBB"]
    results = compute_results(q, small_org(), response_set(rows, q), Rules(min_n=5), "r")
    assert not results.score("A", "QD").suppressed
    assert results.score("A", "SS").suppressed and results.score("B", "SS").suppressed
    assert not results.score("ORG", "SS").suppressed
