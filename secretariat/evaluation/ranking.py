"""Totals into ranks and tiers.

Ranks are shared by equal totals, and the next rank skips as many as shared
it (1, 2, 2, 4: "competition" ranking, as a jury announces). Totals are
compared rounded to two decimals, as they are printed, so that two agencies
printed with the same total never get different ranks. Equal totals are
listed in Persian alphabetical order. A tier is the first whose threshold
the total reaches, thresholds taken from the highest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from secretariat.persian.collation import sort_key

T = TypeVar("T")


@dataclass(frozen=True)
class Tier:
    name: str
    min_score: float


def rounded(total: float) -> float:
    return round(total + 0.0, 2)


def competition_ranks(
    items: Sequence[T], total: Callable[[T], float], name: Callable[[T], str]
) -> list[tuple[int, T]]:
    """``items`` ordered by total (highest first, ties by Persian name), each with its rank."""
    ordered = sorted(items, key=lambda item: (-rounded(total(item)), sort_key(name(item))))
    ranked: list[tuple[int, T]] = []
    for position, item in enumerate(ordered, start=1):
        if ranked and rounded(total(ranked[-1][1])) == rounded(total(item)):
            ranked.append((ranked[-1][0], item))
        else:
            ranked.append((position, item))
    return ranked


def tier_of(total: float, tiers: Sequence[Tier]) -> str:
    for tier in sorted(tiers, key=lambda t: -t.min_score):
        if rounded(total) >= rounded(tier.min_score):
            return tier.name
    return ""
