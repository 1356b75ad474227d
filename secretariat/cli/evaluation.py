"""The ``evaluation`` commands: the yearly evaluation of the agencies' PR units.

    evaluation create --year 1404 [--copy-from 1403]
    evaluation criteria --year 1404 [--json]
    evaluation score --year 1404 --agency A --criterion ID_OR_NAME --score N --by NAME [--note …]
    evaluation ranking --year 1404 [--json]
    evaluation publish --year 1404 [--by NAME]
    evaluation amend --year 1404 --agency A --criterion C --score N --reason R [--by NAME]

The same rules as the window: a score above its criterion's maximum, a score
for a computed criterion, a change once published, are refused with exit 2.
"""

from __future__ import annotations

import argparse
import json

from secretariat.cli.common import CliError, Commands, agency_id, year
from secretariat.core import Secretariat
from secretariat.evaluation.criteria import format_score
from secretariat.evaluation.service import JURY_RULES, Ranking
from secretariat.persian.text import to_persian_digits


def add_parsers(commands: Commands) -> None:
    evaluation = commands.add_parser("evaluation", help="ارزیابی سالانه روابط عمومی دستگاه‌ها")
    actions = evaluation.add_subparsers(dest="action", required=True)

    create = actions.add_parser("create", help="ساختن ارزیابی یک سال")
    create.add_argument("--year", required=True, help="سال شمسی، مانند ۱۴۰۴")
    create.add_argument(
        "--copy-from", help="سالی که معیارها و رده‌هایش برداشته می‌شود (پیش‌فرض: معیارهای پیشنهادی)"
    )

    criteria = actions.add_parser("criteria", help="معیارهای ارزیابی یک سال")
    criteria.add_argument("--year", required=True)
    criteria.add_argument("--json", action="store_true")
    criteria.set_defaults(read_only=True)

    score = actions.add_parser("score", help="ثبت امتیاز داوری یک دستگاه در یک معیار")
    score.add_argument("--year", required=True)
    score.add_argument("--agency", required=True, help="شناسه یا نام دستگاه")
    score.add_argument("--criterion", required=True, help="شناسه یا نام معیار")
    score.add_argument("--score", required=True, help="امتیاز، مانند ۱۲ یا ۱۲٫۵")
    score.add_argument("--by", required=True, help="نام داور")
    score.add_argument("--note", default="")

    ranking = actions.add_parser("ranking", help="رتبه‌بندی دستگاه‌ها")
    ranking.add_argument("--year", required=True)
    ranking.add_argument("--json", action="store_true")
    ranking.set_defaults(read_only=True)

    publish = actions.add_parser("publish", help="انتشار نتیجه ارزیابی (پس از آن تغییر نمی‌کند)")
    publish.add_argument("--year", required=True)
    # Left out, the signed-in user is who published or amended (the juror of `score` is named).
    publish.add_argument("--by", default="", help="نام منتشرکننده (با --user: کاربر واردشده)")

    amend = actions.add_parser("amend", help="اصلاح امتیاز منتشرشده با ذکر دلیل")
    amend.add_argument("--year", required=True)
    amend.add_argument("--agency", required=True)
    amend.add_argument("--criterion", required=True)
    amend.add_argument("--score", required=True)
    amend.add_argument("--reason", required=True)
    amend.add_argument("--by", default="", help="نام ثبت‌کننده اصلاحیه (با --user: کاربر واردشده)")


def _year(text: str) -> int:
    value = year(text)
    if value is None:
        raise CliError("سال را با --year بدهید، مانند ۱۴۰۴.")
    return value


def run(secretariat: Secretariat, args: argparse.Namespace) -> int:
    evaluations = secretariat.evaluations
    chosen = _year(args.year)
    if args.action == "create":
        copy_from = year(args.copy_from) if args.copy_from else None
        created = evaluations.create(chosen, copy_from=copy_from)
        print(
            f"ارزیابی سال {to_persian_digits(chosen)} با {to_persian_digits(len(created.criteria))} معیار "
            f"(جمع {format_score(created.total_max)} امتیاز) ساخته شد."
        )
        return 0
    if args.action == "criteria":
        return _criteria(secretariat, chosen, as_json=args.json)
    if args.action == "ranking":
        return _ranking(evaluations.ranking(chosen), as_json=args.json)
    if args.action == "score":
        target = agency_id(secretariat, args.agency)
        cell = evaluations.score(chosen, target, args.criterion, args.score, by=args.by, note=args.note)
        print(f"امتیاز ثبت شد؛ امتیاز این معیار اکنون {format_score(cell.score)} ({cell.explanation}).")
        return 0
    if args.action == "publish":
        published = evaluations.publish(chosen, by=args.by)
        print(f"ارزیابی سال {to_persian_digits(published.year)} منتشر شد و از این پس تغییر نمی‌کند.")
        return 0
    target = agency_id(secretariat, args.agency)
    amendment = evaluations.amend(chosen, target, args.criterion, args.score, reason=args.reason, by=args.by)
    print(
        f"امتیاز از {format_score(amendment.previous_score)} به {format_score(amendment.score)} اصلاح شد؛ "
        "امتیاز نخست کنار اصلاحیه می‌ماند."
    )
    return 0


def _criteria(secretariat: Secretariat, chosen: int, *, as_json: bool) -> int:
    evaluation = secretariat.evaluations.get(chosen)
    if as_json:
        print(
            json.dumps(
                [
                    {
                        "id": c.id,
                        "group": c.group,
                        "name": c.name,
                        "max_score": c.max_score,
                        "source": c.source.value,
                        "indicator_id": c.indicator_id,
                        "formula": c.formula,
                    }
                    for c in evaluation.criteria
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    state = "منتشرشده" if evaluation.published else "پیش‌نویس"
    print(
        f"ارزیابی سال {to_persian_digits(chosen)} ({state}؛ جمع داوران: {JURY_RULES[evaluation.jury_rule]}):"
    )
    for c in evaluation.criteria:
        group = f"[{c.group}] " if c.group else ""
        print(
            f"  {to_persian_digits(c.id)}. {group}{c.name} — {format_score(c.max_score)} امتیاز — {c.formula}"
        )
    print(f"جمع: {format_score(evaluation.total_max)}")
    return 0


def _ranking(ranking: Ranking, *, as_json: bool) -> int:
    if as_json:
        print(
            json.dumps(
                [
                    {
                        "rank": s.rank,
                        "agency_id": s.agency_id,
                        "agency": s.agency,
                        "total": s.total,
                        "tier": s.tier,
                        "previous_rank": s.previous_rank,
                        "category_rank": s.category_rank,
                        "missing_scores": s.missing,
                    }
                    for s in ranking.standings
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    evaluation = ranking.evaluation
    state = "منتشرشده" if evaluation.published else "پیش‌نویس، منتشر نشده"
    print(
        f"رتبه‌بندی ارزیابی سال {to_persian_digits(evaluation.year)} "
        f"({state}؛ از {format_score(evaluation.total_max)}):"
    )
    for s in ranking.standings:
        previous = f"، پارسال {to_persian_digits(s.previous_rank)}" if s.previous_rank else ""
        missing = f"، {to_persian_digits(s.missing)} امتیاز داوری ثبت‌نشده" if s.missing else ""
        print(
            f"  {to_persian_digits(s.rank)}. {s.agency}: "
            f"{format_score(s.total)} ({s.tier}{previous}{missing})"
        )
    return 0
