"""The rounds and answer sheets of an open project: the part of `Project`'s interface that
store/plain.py, store/round_state.py and store/responses.py carry out.

A mixin, as project_plans.py, so that Project keeps one public interface while its file stays
small; it needs only the plain transaction every Project has.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.records import ResponseMeta, RoundInfo
from apv_desktop.errors import RefusedError
from apv_desktop.i18n import tr
from apv_desktop.store import plain

# The answers' module (store/responses.py) uses numpy: each method that
# needs one imports it, so opening a project and the pages that show no answers go without
# numpy (the window starts faster, issue 18). A plain import, unlike lazy_module, is safe when
# the worker and the GUI thread reach it at once.
if TYPE_CHECKING:
    import numpy as np

    from apv_desktop.core.answers import ResponseSet


class RoundMethods:
    """Rounds (their state: open, closed, reopened) and the answer sheets in them."""

    def _plain(self, write: bool = False) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # Project's

    def rounds(self) -> list[RoundInfo]:
        with self._plain() as connection:
            return plain.round_infos(connection)

    def round(self, name: str | None = None) -> RoundInfo:
        with self._plain() as connection:
            return plain.find_round(connection, name)

    def ensure_round(self, name: str, questionnaire_version_id: int | None = None) -> RoundInfo:
        with self._plain(write=True) as connection:
            return plain.ensure_round(connection, name, questionnaire_version_id, date.today())

    def round_units(self, round_name: str | None = None) -> list[OrgUnit]:
        """The org tree a round is computed on: frozen when it first closed, today's tree
        while it has never been closed."""
        from apv_desktop.store import round_state

        with self._plain() as connection:
            info = plain.find_round(connection, round_name)
            frozen = round_state.frozen_units(connection, info.id)
            return plain.org_units(connection) if frozen is None else frozen

    def counts_at_close(self, round_name: str | None = None) -> dict[str, int]:
        """Unit code -> sheets when the round's results were last published ({} if never)."""
        from apv_desktop.store import round_state

        with self._plain() as connection:
            return round_state.counts_at_close(connection, plain.find_round(connection,
                                                                            round_name).id)

    def close_round(
        self, round_name: str, new_baseline: bool = True, on: date | None = None
    ) -> RoundInfo:
        """Close the round (see store/round_state.py) on the day `on` (today when None);
        refused when it is closed already."""
        from apv_desktop.store import round_state

        with self._plain(write=True) as connection:
            info = plain.find_round(connection, round_name)
            if info.closed:
                raise RefusedError(tr("Runden {round} er allerede lukket.", round=info.name))
            round_state.close_round(connection, info.id, on or date.today(), new_baseline)
            return plain.find_round(connection, info.name)

    def reopen_round(self, round_name: str) -> RoundInfo:
        """Open a closed round again; refused when it is open."""
        from apv_desktop.store import round_state

        with self._plain(write=True) as connection:
            info = plain.find_round(connection, round_name)
            if not info.closed:
                raise RefusedError(tr("Runden {round} er ikke lukket.", round=info.name))
            round_state.reopen_round(connection, info.id, date.today())
            return plain.find_round(connection, info.name)

    def add_responses(
        self,
        round_name: str,
        responses: ResponseSet,
        source: str,
        on: date | None = None,
        *,
        uuids: Sequence[str] | None = None,
        dates: Sequence[date] | None = None,
    ) -> list[str]:
        """Store answer sheets in one transaction; returns their uuids in input order.

        `uuids` and `dates` keep the identity and day of sheets copied from another project.
        """
        from apv_desktop.store import responses as response_store
        from apv_desktop.store import round_state

        with self._plain(write=True) as connection:
            info = plain.find_round(connection, round_name)
            refuse_closed(info)
            frozen = round_state.frozen_units(connection, info.id)
            if frozen is not None:
                _refuse_units_outside(info, frozen, responses.unit_codes)
            version_id = info.questionnaire_version_id
            return response_store.add_responses(
                connection,
                round_name=info.name,
                round_id=info.id,
                version_id=version_id,
                item_names=plain.answerable_item_names(connection, version_id),
                unit_ids=plain.unit_ids(connection),
                responses=responses,
                source=source,
                on=on,
                uuids=uuids,
                dates=dates,
            )

    def responses(self, round_name: str | None = None) -> ResponseSet:
        """Every sheet of the round (latest when None), in an order that says nothing."""
        from apv_desktop.store import responses as response_store

        with self._plain() as connection:
            info = plain.find_round(connection, round_name)
            names = plain.answerable_item_names(connection, info.questionnaire_version_id)
            return response_store.read_responses(connection, info.id, names)

    def responses_and_closings(self, round_name: str | None = None
                               ) -> tuple[ResponseSet, np.ndarray]:
        """responses(), and per sheet in the same order the closing that first published it (0
        while none did), read in one pass."""
        from apv_desktop.store import responses as response_store

        with self._plain() as connection:
            info = plain.find_round(connection, round_name)
            names = plain.answerable_item_names(connection, info.questionnaire_version_id)
            return response_store.read_sheets(connection, info.id, names)

    def response_meta(self, round_name: str | None = None) -> list[ResponseMeta]:
        """uuid, unit, day and source of each sheet, in the same order as responses()."""
        from apv_desktop.store import responses as response_store

        with self._plain() as connection:
            info = plain.find_round(connection, round_name)
            return response_store.read_meta(connection, info.id)

    def response_days(self, round_name: str | None = None) -> tuple[date, date] | None:
        """The first and last day sheets of the round came in; None while it has none."""
        from apv_desktop.store import responses as response_store

        with self._plain() as connection:
            return response_store.read_days(connection, plain.find_round(connection, round_name).id)

    def response_count(self, round_name: str | None = None) -> int:
        """Sheets in the round; in all rounds when None."""
        with self._plain() as connection:
            if round_name is None:
                return plain.response_count(connection, None)
            return plain.find_round(connection, round_name).response_count

    def response_counts_by_unit(self, round_name: str | None = None) -> dict[str, int]:
        """Sheets per unit code (every unit, 0 included) in the round; latest when None."""
        from apv_desktop.store import responses as response_store

        with self._plain() as connection:
            info = plain.find_round(connection, round_name)
            return response_store.counts_by_unit(connection, info.id)


def refuse_closed(info: RoundInfo) -> None:
    """Sheets added to a published round would be revealed by the difference of two reports."""
    if info.closed:
        raise RefusedError(tr(
            "Runden {round} er lukket, så der kan ikke tilføjes flere besvarelser; genåbn den "
            "først med »Genåbn runden« på siden Indsamling eller med apv-desktop close-round "
            "PROJEKT --round {round} --reopen.", round=info.name))


def _refuse_units_outside(info: RoundInfo, frozen: list[OrgUnit], codes: Sequence[str]) -> None:
    known = {unit.code for unit in frozen}
    outside = sorted(set(codes) - known)
    if outside:
        raise RefusedError(tr(
            "Enheden {unit} fandtes ikke, da runden {round} blev lukket, så den kan ikke få "
            "besvarelser i runden; brug en enhed fra rundens organisation.",
            unit=outside[0], round=info.name))
