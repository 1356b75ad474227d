"""Evaluation criteria: a maximum score, a group, and where the score comes from.

A score is computed from the year's records (attendance at the council's
meetings, resolutions carried out, monthly reports sent, an activity
indicator's total) or given by hand by named evaluators (the jury). Each
criterion says its formula in words, as the score card prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from secretariat.persian.text import to_persian_digits


class Source(StrEnum):
    ATTENDANCE = "attendance"
    RESOLUTIONS = "resolutions"
    MONTHLY_REPORTS = "monthly_reports"
    ACTIVITY = "activity"
    MANUAL = "manual"

    @property
    def label(self) -> str:
        return SOURCE_LABELS[self]

    @property
    def computed(self) -> bool:
        return self is not Source.MANUAL

    @classmethod
    def parse(cls, text: str) -> Source:
        typed = text.strip()
        for source in cls:
            if typed in (source.value, source.label):
                return source
        choices = "، ".join(f"{source.label} ({source.value})" for source in cls)
        raise ValueError(f"منبع امتیاز «{typed}» شناخته نیست؛ یکی از {choices}.")


SOURCE_LABELS = {
    Source.ATTENDANCE: "حضور در جلسات شورا",
    Source.RESOLUTIONS: "اجرای مصوبات",
    Source.MONTHLY_REPORTS: "گزارش ماهانه",
    Source.ACTIVITY: "شاخص فعالیت",
    Source.MANUAL: "داوری",
}

_FORMULAS = {
    Source.ATTENDANCE: "نسبت حضور در جلسات شورا در سال {year} × {max}",
    Source.RESOLUTIONS: (
        "(مصوبات به‌موقع انجام‌شده + نیمی از مصوبات با تأخیر انجام‌شده) ÷ مصوبات سررسیدشده سال {year} × {max}"
    ),
    Source.MONTHLY_REPORTS: (
        "(گزارش‌های ماهانه به‌موقع + نیمی از گزارش‌های با تأخیر) ÷ ماه‌های موعدرسیده سال {year} × {max}"
    ),
    Source.ACTIVITY: "جمع «{indicator}» در سال {year} ÷ بیشترین جمع در میان دستگاه‌ها × {max}",
    Source.MANUAL: "میانگین امتیاز داوران، از {max}",
}
MEDIAN_FORMULA = "میانهٔ امتیاز داوران، از {max}"
# Where a computed criterion has nothing to count for an agency (no resolution due, no meeting
# it was invited to, every month exempt), the agencies' mean rate is given: neither a reward
# nor a penalty for what the agency had no chance to do.
NOTHING_TO_COUNT = "چیزی برای شمردن نبود؛ میانگین دستگاه‌ها ({rate}) منظور شد."


def format_score(value: float | None) -> str:
    """12.5 -> «۱۲٫۵»; 12.0 -> «۱۲»; None -> «—»."""
    if value is None:
        return "—"
    rounded = round(value, 2)
    text = f"{rounded:.2f}".rstrip("0").rstrip(".")
    return to_persian_digits(text).replace(".", "٫")


def formula(source: Source, *, year: int, max_score: float, indicator: str = "", rule: str = "mean") -> str:
    """The criterion's formula in words: «نسبت حضور در جلسات شورا در سال ۱۴۰۴ × ۱۵»."""
    wording = MEDIAN_FORMULA if source is Source.MANUAL and rule == "median" else _FORMULAS[source]
    return wording.format(year=to_persian_digits(year), max=format_score(max_score), indicator=indicator)


@dataclass(frozen=True)
class CriterionDraft:
    name: str
    max_score: str  # as typed, any digits
    source: str = Source.MANUAL.value
    group_name: str = ""
    indicator_id: int | None = None  # activity only


@dataclass(frozen=True)
class DefaultCriterion:
    group: str
    name: str
    max_score: float
    source: Source
    indicator_name: str = ""  # activity: the default indicator it totals


# A sensible first set, out of 100; the council edits it.
DEFAULT_CRITERIA = (
    DefaultCriterion("مشارکت در شورا", "حضور در جلسات شورا", 20, Source.ATTENDANCE),
    DefaultCriterion("اجرای مصوبات", "انجام به‌موقع مصوبات", 20, Source.RESOLUTIONS),
    DefaultCriterion("گزارش‌دهی", "ارسال به‌موقع گزارش ماهانه", 15, Source.MONTHLY_REPORTS),
    DefaultCriterion("فعالیت", "اخبار و گزارش‌های منتشرشده", 10, Source.ACTIVITY, "اخبار و گزارش‌های منتشرشده"),
    DefaultCriterion(
        "فعالیت", "محتوای تولیدشده برای فضای مجازی", 5, Source.ACTIVITY, "محتوای تولیدشده برای فضای مجازی"
    ),
    DefaultCriterion("کیفیت (داوری)", "کیفیت محتوا و اطلاع‌رسانی", 15, Source.MANUAL),
    DefaultCriterion("کیفیت (داوری)", "ابتکار و نوآوری", 15, Source.MANUAL),
)

# Tiers as shares of the total: ممتاز from 85%, برتر from 70%, خوب from 50%, the rest نیازمند بهبود.
DEFAULT_TIERS = (("ممتاز", 0.85), ("برتر", 0.70), ("خوب", 0.50), ("نیازمند بهبود", 0.0))
