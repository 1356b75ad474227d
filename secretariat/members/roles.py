"""The roles a person holds at a member agency."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    PR_MANAGER = "pr_manager"
    DEPUTY = "deputy"
    EXPERT = "expert"

    @property
    def label(self) -> str:
        return {
            "pr_manager": "مدیر روابط عمومی",
            "deputy": "معاون روابط عمومی",
            "expert": "کارشناس روابط عمومی",
        }[self.value]

    @property
    def single_holder(self) -> bool:
        """An agency has one PR manager at a time; a new one ends the old term."""
        return self is Role.PR_MANAGER
