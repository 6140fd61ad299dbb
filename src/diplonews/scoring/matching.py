"""Order-independent one-to-one matching of reference items to predicted items.

Every scorer in this package is built on two primitives:

* :func:`keyed_match` pairs items whose keys are equal (a multiset intersection), and
* :func:`match_spans` runs a scheme's *stages* in turn over the items still unpaired:
  :class:`SameKey` stages pair equal keys, :class:`Overlapping` stages find a maximum
  matching among overlapping spans (augmenting paths, so one prediction overlapping two
  reference spans can never starve a later one, whatever the input order).

Both return which items were paired, missed and spurious, so every count traces back
to the items that made it (``--errors``). Inputs are visited in sorted order, never in
the order given: shuffling either side changes nothing.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

Span = tuple  # (start, end, label, ...): half-open code-point offsets first


@dataclass(frozen=True)
class Matched:
    """The outcome of a matching: ``pairs`` are (outcome, reference index, predicted index)."""

    pairs: list[tuple[str, int, int]]
    missed: list[int]  # reference indices left unpaired
    spurious: list[int]  # predicted indices left unpaired
    sizes: dict[str, int]  # outcome -> number of pairs with it


def keyed_match(reference_keys: Sequence[tuple], predicted_keys: Sequence[tuple]) -> Matched:
    """Pair equal keys, each at most once (a multiset intersection); keys must be sortable tuples."""
    return match_spans(reference_keys, predicted_keys, (SameKey(_itself, "cor"),))


def _itself(key: tuple) -> tuple:
    return key


@dataclass(frozen=True)
class SameKey:
    """A stage pairing items whose ``key`` is equal (e.g. same span and label)."""

    key: Callable[[object], Hashable]
    outcome: str

    def pair(self, reference: Sequence, predicted: Sequence, free_ref: list[int], free_pred: list[int]) -> list[tuple[int, int]]:
        waiting: dict[Hashable, list[int]] = {}
        key = self.key
        for r in reversed(free_ref):  # reversed so that pop() hands out the first in sorted order
            k = key(reference[r])
            if k in waiting:
                waiting[k].append(r)
            else:
                waiting[k] = [r]
        found = []
        get = waiting.get
        for p in free_pred:
            candidates = get(key(predicted[p]))
            if candidates:
                found.append((candidates.pop(), p))
        return found


def overlaps(a: Span, b: Span) -> bool:
    """Whether two half-open spans share at least one code point."""
    return a[0] < b[1] and b[0] < a[1]


class OverlapIndex:
    """For each predicted span, the reference spans it overlaps, closest boundaries first.

    Built once over the items left after the equal-key stage and shared by every
    overlap stage of every scheme, which differ only in the label filter and in which
    items are still free.
    """

    def __init__(self, reference: Sequence[Span], predicted: Sequence[Span], free_ref: list[int], free_pred: list[int]):
        self.near: dict[int, list[int]] = {}
        if not free_ref:
            return
        starts = [reference[r][0] for r in free_ref]  # free_ref is sorted by span, so by start
        longest = max(reference[r][1] - reference[r][0] for r in free_ref)
        for p in free_pred:
            ps = predicted[p]
            window = free_ref[bisect_left(starts, ps[0] - longest + 1) : bisect_left(starts, ps[1])]
            near = [r for r in window if reference[r][1] > ps[0]]
            if len(near) > 1:
                near.sort(key=lambda r: (abs(reference[r][0] - ps[0]) + abs(reference[r][1] - ps[1]), reference[r]))
            if near:
                self.near[p] = near


@dataclass(frozen=True)
class Overlapping:
    """A stage pairing overlapping spans (optionally of the same label) by maximum matching.

    Among several candidates a prediction prefers the reference span with the closest
    boundaries (smallest |start difference| + |end difference|), then the earliest.
    """

    same_label: bool
    outcome: str

    def pair(self, reference: Sequence[Span], predicted: Sequence[Span], free_ref: list[int], free_pred: list[int],
             index: OverlapIndex | None = None) -> list[tuple[int, int]]:
        index = index or OverlapIndex(reference, predicted, free_ref, free_pred)
        free = set(free_ref)
        candidates: dict[int, list[int]] = {}
        for p in free_pred:
            near = index.near.get(p)
            if near:
                label = predicted[p][2]
                near = [r for r in near if r in free and (not self.same_label or reference[r][2] == label)]
                if near:
                    candidates[p] = near
        owner: dict[int, int] = {}  # reference index -> predicted index
        for p in candidates:
            _augment(p, candidates, owner, set())
        return sorted((r, p) for r, p in owner.items())


def _augment(p: int, candidates: dict[int, list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    """Kuhn's augmenting path: give ``p`` a reference item, moving earlier owners if needed."""
    for r in candidates[p]:
        if r in seen:
            continue
        seen.add(r)
        if r not in owner or _augment(owner[r], candidates, owner, seen):
            owner[r] = p
            return True
    return False


def match_spans(reference: Sequence, predicted: Sequence, stages: Sequence, after: Matched | None = None,
                index: OverlapIndex | None = None) -> Matched:
    """Run ``stages`` in order, each over the items the earlier stages (and ``after``) left unpaired.

    ``index`` (an :class:`OverlapIndex` over a superset of the free items) saves the
    overlap stages from finding overlapping spans again.
    """
    if after is None:
        free_ref = sorted(range(len(reference)), key=reference.__getitem__)
        free_pred = sorted(range(len(predicted)), key=predicted.__getitem__)
        pairs: list[tuple[str, int, int]] = []
        sizes: dict[str, int] = {}
    else:
        free_ref, free_pred, pairs, sizes = after.missed, after.spurious, list(after.pairs), dict(after.sizes)
    for stage in stages:
        if not free_ref or not free_pred:
            break
        found = stage.pair(reference, predicted, free_ref, free_pred, index) if isinstance(stage, Overlapping) else stage.pair(reference, predicted, free_ref, free_pred)
        if found:
            pairs += [(stage.outcome, r, p) for r, p in found]
            sizes[stage.outcome] = sizes.get(stage.outcome, 0) + len(found)
            used_ref = {r for r, _ in found}
            used_pred = {p for _, p in found}
            free_ref = [r for r in free_ref if r not in used_ref]
            free_pred = [p for p in free_pred if p not in used_pred]
    return Matched(pairs, free_ref, free_pred, sizes)


def match_compatible(reference: Sequence, predicted: Sequence, compatible: Callable[[object, object], bool]) -> Matched:
    """A maximum one-to-one matching of items for which ``compatible(reference item, predicted item)`` holds.

    Items are visited in sorted order (they must be sortable), so the pairs never depend on
    the order given; used where "equal" is too strict and one item may suit several.
    """
    free_ref = sorted(range(len(reference)), key=reference.__getitem__)
    free_pred = sorted(range(len(predicted)), key=predicted.__getitem__)
    candidates = {p: [r for r in free_ref if compatible(reference[r], predicted[p])] for p in free_pred}
    owner: dict[int, int] = {}
    for p in free_pred:
        if candidates[p]:
            _augment(p, candidates, owner, set())
    pairs = sorted((r, p) for r, p in owner.items())
    used_ref, used_pred = set(owner), set(owner.values())
    return Matched([("cor", r, p) for r, p in pairs], [r for r in free_ref if r not in used_ref],
                   [p for p in free_pred if p not in used_pred], {"cor": len(pairs)} if pairs else {})
