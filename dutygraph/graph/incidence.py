"""A snapshot's assignments as integer arrays: the form every measure is computed from.

Counting who works with whom over 100,000 tasks is a handful of sparse-matrix products once the
assignments are numbered; done pair by pair in Python dictionaries it took seconds. Units and
leaders are numbered in sorted IRI order, tasks in snapshot order, so every array — and so every
result — is the same for the same snapshot.

* ``task``/``unit``/``lead``: one entry per unit assignment, ordered by task, each task's leads
  before its co-units (a unit counts once per task, as lead if any of its spellings leads — the
  snapshot settled that);
* ``supervised``/``leader``: one entry per supervising-leader assignment;
* ``assisted``/``assistant``: one entry per assisting-leader assignment.

Building it is O(assignments); the matrices below are O(assignments) too (every array is
ordered by task, so a tasks × items matrix is laid out directly, without a sort), and the
unit × unit products O(Σ k²) for tasks with k units.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, pairwise
from operator import attrgetter
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import numpy.typing as npt
from scipy import sparse

if TYPE_CHECKING:
    from dutygraph.graph.snapshot import Snapshot

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def _numbered(per_task: Sequence[Sequence[str]], number: dict[str, int]) -> tuple[IntArray, IntArray]:
    """(task, item) number pairs for one kind of assignment, in two arrays (C-speed iteration)."""
    tasks = np.repeat(np.arange(len(per_task), dtype=np.int64), [len(items) for items in per_task])
    items = np.fromiter(
        map(number.__getitem__, chain.from_iterable(per_task)), dtype=np.int64, count=len(tasks)
    )
    return tasks, items


@dataclass(frozen=True, eq=False)
class Incidence:
    units: list[str]  # unit IRIs; a unit's number is its position
    leaders: list[str]  # leader IRIs, likewise
    unit_number: dict[str, int]  # the inverse of ``units``
    n_tasks: int
    task: IntArray
    unit: IntArray
    lead: BoolArray
    supervised: IntArray
    leader: IntArray
    assisted: IntArray
    assistant: IntArray
    #: Set by :meth:`per_part`: each task's, unit's and leader's part (None: one part, the whole
    #: snapshot).
    task_part: IntArray | None = None
    unit_part: IntArray | None = None
    leader_part: IntArray | None = None

    @classmethod
    def of(cls, snapshot: Snapshot) -> Incidence:
        units = sorted(snapshot.units)
        leaders = sorted(snapshot.leaders)
        unit_no = {iri: i for i, iri in enumerate(units)}
        leader_no = {iri: i for i, iri in enumerate(leaders)}
        tasks = snapshot.tasks
        # One visit per task record (they are scattered in memory), then a column per role.
        records = map(attrgetter("leads", "cos", "leaders", "assistants"), tasks)
        columns = list(zip(*records, strict=True)) or [()] * 4
        leads = _numbered(columns[0], unit_no)
        cos = _numbered(columns[1], unit_no)
        supervised, leader = _numbered(columns[2], leader_no)
        assisted, assistant = _numbered(columns[3], leader_no)
        # Merge the two task-ordered runs (a stable sort of two sorted runs is one linear merge).
        task = np.concatenate([leads[0], cos[0]])
        by_task = np.argsort(task, kind="stable")
        return cls(
            units=units,
            leaders=leaders,
            unit_number=unit_no,
            n_tasks=len(tasks),
            task=task[by_task],
            unit=np.concatenate([leads[1], cos[1]])[by_task],
            lead=np.repeat([True, False], [len(leads[0]), len(cos[0])])[by_task],
            supervised=supervised,
            leader=leader,
            assisted=assisted,
            assistant=assistant,
        )

    def per_part(self, task_part: IntArray) -> Incidence:
        """The same assignments with units and leaders numbered per part: a unit named in two
        parts (its city's 2019 and 2020 notices) is two units here, so every matrix below is block
        diagonal and each block is exactly what the part alone would give — its units in IRI
        order, as :meth:`of` numbers them. ``task_part`` gives each task's part. O(assignments)."""
        n_units, n_leaders = len(self.units), len(self.leaders)
        unit_keys, unit = np.unique(task_part[self.task] * n_units + self.unit, return_inverse=True)
        people = np.concatenate(
            [
                task_part[self.supervised] * n_leaders + self.leader,
                task_part[self.assisted] * n_leaders + self.assistant,
            ]
        )
        leader_keys, leader = np.unique(people, return_inverse=True)
        units = [self.units[i] for i in (unit_keys % n_units).tolist()] if n_units else []
        leaders = [self.leaders[i] for i in (leader_keys % n_leaders).tolist()] if n_leaders else []
        split = len(self.supervised)
        return Incidence(
            units=units,
            leaders=leaders,
            unit_number={},  # a unit's IRI no longer names one row
            n_tasks=self.n_tasks,
            task=self.task,
            unit=unit.astype(np.int64).ravel(),
            lead=self.lead,
            supervised=self.supervised,
            leader=leader[:split].astype(np.int64).ravel(),
            assisted=self.assisted,
            assistant=leader[split:].astype(np.int64).ravel(),
            task_part=task_part,
            unit_part=(unit_keys // max(1, n_units)).astype(np.int64),
            leader_part=(leader_keys // max(1, n_leaders)).astype(np.int64),
        )

    # -- matrices (tasks × units, tasks × leaders), built once and shared by the measures ----
    def task_units(self, mask: BoolArray | None = None) -> sparse.csr_matrix:
        """Tasks × units, 1 where the unit works on the task (only the assignments in ``mask``)."""
        rows, cols = (self.task, self.unit) if mask is None else (self.task[mask], self.unit[mask])
        return by_task(rows, cols, np.ones(len(rows)), (self.n_tasks, len(self.units)))

    @cached_property
    def task_leaders(self) -> sparse.csr_matrix:
        shape = (self.n_tasks, len(self.leaders))
        return by_task(self.supervised, self.leader, np.ones(len(self.leader)), shape)

    @cached_property
    def unit_leaders(self) -> sparse.csr_matrix:
        """Units × leaders: how many of the unit's tasks each leader supervises."""
        return (self.task_units().T @ self.task_leaders).tocsr()

    @cached_property
    def co_occurrence(self) -> sparse.csr_matrix:
        """Units × units: tasks shared (the diagonal is each unit's own task count)."""
        units = self.task_units()
        return (units.T @ units).tocsr()


def name_order(names: list[str]) -> IntArray:
    """Each name's position in sorted order, equal names by position: the tie-break key for
    :func:`ranked_columns`."""
    rank = np.empty(len(names), dtype=np.int64)
    rank[np.argsort(dense_rank(names), kind="stable")] = np.arange(len(names))
    return rank


def dense_rank(names: Sequence[str]) -> IntArray:
    """Each name's place among the distinct names in sorted order (equal names, equal rank)."""
    distinct = {name: i for i, name in enumerate(sorted(set(names)))}
    return np.fromiter(map(distinct.__getitem__, names), dtype=np.int64, count=len(names))


def ranked_columns(matrix: sparse.csr_matrix, rank: IntArray, *, by_count: bool = True) -> list[list[int]]:
    """Each row's non-zero columns, highest count first (``by_count``), ties by ``rank``.

    One sort over all the non-zeros instead of one Python sort per row, on one integer key
    (row, then count, then rank): a single-key sort is a third of a lexsort of three keys.
    """
    rows = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(matrix.indptr))
    key = rank[matrix.indices].astype(np.int64)
    span = len(rank) + 1
    if by_count and len(key):
        count = np.rint(matrix.data).astype(np.int64)
        key += (count.max() - count) * span
        span *= int(count.max() - count.min()) + 1
    columns = matrix.indices[np.argsort(rows * span + key, kind="stable")].tolist()
    bounds = matrix.indptr.tolist()
    return [columns[start:end] for start, end in pairwise(bounds)]


Row = TypeVar("Row")


def cut_by_part(rows: list[Row], part: IntArray, parts: int) -> list[list[Row]]:
    """``rows``, ordered part by part (``part[i]`` is the part of ``rows[i]``), cut into one list for
    each of the ``parts`` parts (empty for a part with no rows)."""
    bounds = np.searchsorted(part, np.arange(parts + 1)).tolist()
    return [rows[start:end] for start, end in pairwise(bounds)]


def by_task(
    tasks: IntArray, columns: IntArray, data: FloatArray, shape: tuple[int, int]
) -> sparse.csr_matrix:
    """A tasks × items matrix from entries already ordered by task, each (task, item) once.

    Laid out directly (row pointers from the counts per task): the general COO route sorts and
    sums duplicates that cannot be there.
    """
    pointers = np.zeros(shape[0] + 1, dtype=np.int64)
    np.cumsum(np.bincount(tasks, minlength=shape[0]), out=pointers[1:])
    return sparse.csr_matrix((data, columns, pointers), shape=shape)
