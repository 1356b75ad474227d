"""The benchmark's database: generated at a scale of DESIGN.md's, kept in a cache, copied for each run.

Scale 1 is the design's council: 200 agencies, 2,000 people, 1,000 meetings
over 20 years, 30,000 resolutions and 150,000 follow-up entries, 20 years of
monthly reports and of letters in the register (3,000 a year). The scale
multiplies the resolutions and their follow-up entries (scale 4: 120,000
and 600,000) and the years of reports and letters (scale 4: 80); the
agencies, people and meetings stay as they are, as a council's do while
its years of work pile up. Below 1 (a quick check that
the benchmark runs) everything shrinks, with a floor that keeps the
generator's large meeting (60 invitees, 25 resolutions) possible.

The cache (by default the user's cache folder) keeps two files a scale:

- ``scale-S-gen-G.sqlite3``, the generator's output, named by a digest of
  the generator's source, its seed and the sizes: a changed generator
  generates anew (the old file is deleted);
- ``scale-S-gen-G-schema-M.sqlite3``, a copy of it opened once by the app's
  own ``open_database`` (migrated to the current schema), named also by a
  digest of the migrations: a new migration prepares it again from the
  generator's output, without generating again.

A run never opens a cached file: it works on a copy in a temporary folder,
prepared before anything is timed (so no start is timed migrating), and the
run may write to it (the archive adds scans, the app opens it in WAL mode).
A ``--db PATH`` of one's own is copied the same way (with its write-ahead log,
if it has one) and prepared on the copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir

from secretariat import paths

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = [
    ROOT / "bench" / name
    for name in (
        "generate.py",
        "generate_meetings.py",
        "generate_followup.py",
        "generate_monthly.py",
        "generate_letters.py",
    )
]
MIGRATIONS = ROOT / "db" / "migrations" / "versions"
SEED = 1405


@dataclass(frozen=True)
class Sizes:
    agencies: int
    people: int
    meetings: int
    resolutions: int
    followups: int
    monthly_years: int  # of every agency's twelve monthly reports, and of letters in the register
    letters_per_year: int


def sizes(scale: float) -> Sizes:
    resolutions = max(100, round(30_000 * scale))
    years = max(1, round(20 * scale))  # of monthly reports, every agency's twelve a year
    letters = max(200, round(3_000 * min(scale, 1)))  # a year
    if scale >= 1:
        return Sizes(200, 2_000, 1_000, resolutions, 5 * resolutions, years, letters)
    # Fewer meetings than resolutions (each held meeting has one at least), 60 active agencies at least.
    return Sizes(
        agencies=max(80, round(200 * scale)),
        people=max(400, round(2_000 * scale)),
        meetings=max(30, round(1_000 * scale)),
        resolutions=resolutions,
        followups=5 * resolutions,
        monthly_years=years,
        letters_per_year=letters,
    )


def default_cache() -> Path:
    return Path(user_cache_dir(paths.APP_NAME, paths.APP_AUTHOR)) / "bench"


def _digest(files: list[Path], *extra: object) -> str:
    digest = hashlib.sha256(repr(extra).encode())
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def _scale_name(scale: float) -> str:
    return f"scale-{scale:g}"


def cached_database(scale: float, cache: Path) -> tuple[Path, str]:
    """The prepared database of ``scale`` in ``cache`` (made when missing); how it was found."""
    cache.mkdir(parents=True, exist_ok=True)
    wanted = sizes(scale)
    generated = cache / f"{_scale_name(scale)}-gen-{_digest(GENERATOR, wanted, SEED)}.sqlite3"
    prepared = generated.with_name(
        f"{generated.stem}-schema-{_digest(sorted(MIGRATIONS.glob('*.py')))}.sqlite3"
    )
    if prepared.exists():
        return prepared, "cached"
    if not generated.exists():
        _remove_others(cache, f"{_scale_name(scale)}-gen-*.sqlite3")
        started = time.perf_counter()
        print(
            f"generating scale {scale:g} ({wanted.resolutions:,} resolutions) into the cache ...", flush=True
        )
        _generate(generated, wanted)
        print(f"generated in {time.perf_counter() - started:.0f} s", flush=True)
    _remove_others(cache, f"{generated.stem}-schema-*.sqlite3")
    with tempfile.TemporaryDirectory(dir=cache) as folder:
        staged = Path(folder) / prepared.name
        shutil.copyfile(generated, staged)
        prepare(staged)
        os.replace(staged, prepared)
    return prepared, "prepared from the generated file"


def _generate(target: Path, wanted: Sizes) -> None:
    from bench.generate import generate

    with tempfile.TemporaryDirectory(dir=target.parent) as folder:
        staged = Path(folder) / target.name
        generate(
            staged,
            agencies=wanted.agencies,
            people=wanted.people,
            meetings=wanted.meetings,
            resolutions=wanted.resolutions,
            followups=wanted.followups,
            monthly_years=wanted.monthly_years,
            letters_per_year=wanted.letters_per_year,
            seed=SEED,
        )
        _fold_wal(staged)
        os.replace(staged, target)


def _remove_others(cache: Path, pattern: str) -> None:
    for old in cache.glob(pattern):
        old.unlink(missing_ok=True)


def prepare(path: Path) -> None:
    """Open ``path`` as the app does (migrating it) and close it, leaving one self-contained file."""
    from secretariat.database import open_database

    open_database(path, create=False).close()
    _fold_wal(path)


def _fold_wal(path: Path) -> None:
    """Write the write-ahead log into the file, so that a copy of the file alone is the whole database."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def working_copy(source: Path, folder: Path, *, prepared: bool) -> Path:
    """A copy of ``source`` in ``folder`` for one run, prepared (migrated) unless it already is.

    The file is copied as it is, with its write-ahead log if it has one: nothing opens ``source``
    itself (even a read-only connection leaves files beside a database in WAL mode).
    """
    target = folder / "council.sqlite3"
    shutil.copyfile(source, target)
    log = Path(f"{source}-wal")
    if log.exists():
        shutil.copyfile(log, f"{target}-wal")
    if not prepared:
        prepare(target)
    return target


def describe(path: Path) -> str:
    """The dataset's size, read without the app: what the figures were measured on."""
    connection = sqlite3.connect(path)
    try:

        def count(table: str) -> int:
            return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        counts = (
            f"{count('agency'):,} agencies, {count('person'):,} people, {count('meeting'):,} meetings, "
            f"{count('resolution'):,} resolutions, {count('follow_up'):,} follow-up entries, "
            f"{count('monthly_report'):,} monthly reports, {count('letter'):,} letters"
        )
    finally:
        connection.close()
    return f"{counts}; {path.stat().st_size / 2**20:.0f} MiB"
