"""Persian number words and ordinals, for titles like «هفتمین جلسه»."""

from __future__ import annotations

_ONES = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
_TEENS = [
    "ده",
    "یازده",
    "دوازده",
    "سیزده",
    "چهارده",
    "پانزده",
    "شانزده",
    "هفده",
    "هجده",
    "نوزده",
]
_TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
_HUNDREDS = ["", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"]
_SCALES = [(10**9, "میلیارد"), (10**6, "میلیون"), (1000, "هزار")]
_AND = " و "


def _below_thousand(n: int) -> list[str]:
    words = []
    if n >= 100:
        words.append(_HUNDREDS[n // 100])
        n %= 100
    if 10 <= n < 20:
        words.append(_TEENS[n - 10])
    else:
        if n >= 20:
            words.append(_TENS[n // 10])
        if n % 10:
            words.append(_ONES[n % 10])
    return words


def _words(n: int) -> list[str]:
    parts: list[str] = []
    for scale, name in _SCALES:
        if n >= scale:
            count = n // scale
            # «هزار», not «یک هزار», as people write it.
            parts.append(
                name
                if count == 1 and scale == 1000
                else " ".join([_AND.join(_below_thousand(count)) if count < 1000 else cardinal(count), name])
            )
            n %= scale
    parts.extend(_below_thousand(n))
    return parts


def cardinal(n: int) -> str:
    """۲۱ -> «بیست و یک»."""
    if n < 0:
        raise ValueError("negative numbers have no Persian cardinal here")
    if n == 0:
        return "صفر"
    return _AND.join(_words(n))


def ordinal(n: int) -> str:
    """The ordinal adjective that precedes a noun: هفتمین، بیست و یکمین، سی‌امین."""
    if n < 1:
        raise ValueError("ordinals start at 1")
    if n == 1:
        return "نخستین"
    parts = _words(n)
    last = parts[-1]
    if last == "دو":
        last = "دوم"
    elif last == "سه":
        last = "سوم"
    elif last.endswith("ی"):
        last += "\u200cام"  # سی -> سی‌ام
    else:
        last += "م"
    parts[-1] = last
    return _AND.join(parts) + "ین"


def ordinal_title(n: int, noun: str = "جلسه") -> str:
    """«هفتمین جلسه»."""
    return f"{ordinal(n)} {noun}"


def ordinal_after(n: int) -> str:
    """The ordinal that follows its noun, as a rank is said: «رتبه اول»، «دوم»، «بیست و یکم»، «سی‌ام»."""
    if n == 1:
        return "اول"
    return ordinal(n).removesuffix("ین")
