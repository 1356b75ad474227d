"""argparse in Persian: the parser of the root command and of every sub-command.

argparse reports a mistyped command line in English (``error: the following
arguments are required: --date``). ``PersianArgumentParser.error`` says it in
Persian instead, after the usage, and exits with ``EXIT_REFUSED`` (2) as every
refusal of the command line does. argparse builds its messages from fixed
English templates (Python 3.11); each common one is recognised here and
rewritten, and the messages our own ``type=`` functions raise are Persian
already. The usage line and the help's headings are Persian too.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from typing import Any, NoReturn

EXIT_REFUSED = 2

# How argparse names the sub-command arguments (their ``dest``), in Persian.
_ARGUMENT_NAMES = {"command": "فرمان", "action": "زیرفرمان", "indicator_action": "زیرفرمان"}

_REQUIRED = re.compile(r"the following arguments are required: (?P<names>.*)", re.S)
_UNRECOGNIZED = re.compile(r"unrecognized arguments: (?P<values>.*)", re.S)
_ONE_OF = re.compile(r"one of the arguments (?P<names>.*) is required", re.S)
_AMBIGUOUS = re.compile(r"ambiguous option: (?P<option>.*?) could match (?P<matches>.*)", re.S)
_ARGUMENT = re.compile(r"argument (?P<name>.+?): (?P<message>.*)", re.S)
_INVALID_CHOICE = re.compile(r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", re.S)
_UNKNOWN_PARSER = re.compile(r"unknown parser (?P<value>.*) \(choices: (?P<choices>.*)\)", re.S)
_INVALID_VALUE = re.compile(r"invalid \S+ value: (?P<value>.*)", re.S)
_EXPECTED = re.compile(r"expected (?P<count>one|at most one|at least one|\d+) arguments?", re.S)
_NOT_ALLOWED = re.compile(r"not allowed with argument (?P<other>.*)", re.S)
_IGNORED = re.compile(r"ignored explicit argument (?P<value>.*)", re.S)

SHOWN_LENGTH = 60


def shown(text: str) -> str:
    """A typed value as a message quotes it: one line, and cut when very long."""
    text = " ".join(str(text).split())
    return text if len(text) <= SHOWN_LENGTH else text[:SHOWN_LENGTH] + "…"


class PersianArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose refusals, usage and help headings are Persian."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False  # its -h is added below, with Persian help
        super().__init__(*args, **kwargs)
        self._positionals.title = "آرگومان‌ها"
        self._optionals.title = "گزینه‌ها"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help="نمایش این راهنما و پایان"
            )

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", PersianArgumentParser)
        kwargs.setdefault("title", "فرمان‌ها")
        return super().add_subparsers(**kwargs)

    def format_usage(self) -> str:
        return _persian_usage(super().format_usage())

    def format_help(self) -> str:
        return _persian_usage(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_REFUSED, f"خطا: {self.translate(message)}\n")

    def translate(self, message: str) -> str:
        """argparse's English ``message`` in Persian (unknown ones are kept, after a Persian lead)."""
        if match := _REQUIRED.fullmatch(message):
            return self._required(match["names"].split(", "))
        if match := _UNRECOGNIZED.fullmatch(message):
            values = match["values"].split(" ")
            what = "گزینه ناشناخته" if values[0].startswith("-") else "آرگومان اضافه"
            return f"{what}: {shown(' '.join(values))}"
        if match := _ONE_OF.fullmatch(message):
            names = "، ".join(match["names"].split(" "))
            return f"یکی از این گزینه‌ها لازم است: {names}"
        if match := _AMBIGUOUS.fullmatch(message):
            return (
                f"گزینه «{shown(match['option'])}» روشن نیست؛ می‌تواند یکی از این‌ها باشد: {match['matches']}"
            )
        if match := _ARGUMENT.fullmatch(message):
            return _argument_message(match["name"], match["message"])
        return f"خط فرمان پذیرفته نیست ({shown(message)})."

    def _required(self, names: list[str]) -> str:
        if len(names) == 1:
            name = names[0]
            if name in _ARGUMENT_NAMES:
                return f"{_ARGUMENT_NAMES[name]} را بنویسید؛ یکی از این‌ها: {self._commands()}"
            if name.startswith("-"):
                return f"گزینه {name} لازم است"
            return f"آرگومان {name} لازم است"
        return "این‌ها لازم است: " + "، ".join(_ARGUMENT_NAMES.get(name, name) for name in names)

    def _commands(self) -> str:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                return "، ".join(action.choices)
        return ""


def _argument_message(name: str, message: str) -> str:
    label = _ARGUMENT_NAMES.get(name, name)
    if match := _INVALID_CHOICE.fullmatch(message) or _UNKNOWN_PARSER.fullmatch(message):
        value = shown(_literal(match["value"]))
        choices = "، ".join(str(choice) for choice in _choices(match["choices"]))
        if name in _ARGUMENT_NAMES:
            return f"{label} ناشناخته: «{value}»؛ یکی از این‌ها را بنویسید: {choices}"
        return f"مقدار «{value}» برای {label} پذیرفته نیست؛ یکی از این‌ها را بنویسید: {choices}"
    if match := _EXPECTED.fullmatch(message):
        count = {"one": "یک مقدار", "at most one": "حداکثر یک مقدار", "at least one": "دست‌کم یک مقدار"}
        return f"گزینه {label} {count.get(match['count'], match['count'] + ' مقدار')} می‌خواهد"
    if match := _INVALID_VALUE.fullmatch(message):
        return f"مقدار «{shown(_literal(match['value']))}» برای {label} پذیرفته نیست"
    if match := _NOT_ALLOWED.fullmatch(message):
        return f"{label} و {match['other']} را با هم ندهید؛ یکی از این دو بس است"
    if match := _IGNORED.fullmatch(message):
        return f"گزینه {label} مقداری نمی‌پذیرد (داده شد: «{shown(_literal(match['value']))}»)"
    return f"{label}: {message}"  # our own type= functions' messages: Persian already


def _literal(text: str) -> str:
    """A value argparse quoted with ``repr``, unquoted."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text
    return str(value)


def _choices(text: str) -> list[object]:
    try:
        value = ast.literal_eval(f"[{text}]")
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return [text]
    return list(value) if isinstance(value, list) else [text]


def _persian_usage(text: str) -> str:
    return "طرز استفاده: " + text[len("usage: ") :] if text.startswith("usage: ") else text
