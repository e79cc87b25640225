"""Golden tests: the seeds' full output, checked in beside these tests and reviewed by hand.

``tests/golden/seeds/<seed>.json`` is the article with plugins chosen
automatically; ``<seed>.none.json`` with generic cleaning only (``outlet="none"``).
"""

import json
from pathlib import Path

import pytest

import newsingest

GOLDEN = Path(__file__).parent / "golden" / "seeds"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CASES = [(seed, mode) for seed in sorted(SEEDS.glob("*.txt")) for mode in ("auto", "none")]


def produce(seed: Path, mode: str) -> dict:
    article = newsingest.ingest(seed, outlet="none" if mode == "none" else None)
    record = article.to_dict()
    record["source"] = f"seeds/{seed.name}"
    return record


def golden_path(seed: Path, mode: str) -> Path:
    return GOLDEN / (f"{seed.stem}.json" if mode == "auto" else f"{seed.stem}.none.json")


@pytest.mark.parametrize(("seed", "mode"), CASES, ids=[f"{s.stem[:3]}-{m}" for s, m in CASES])
def test_seed_matches_golden(seed, mode):
    expected = json.loads(golden_path(seed, mode).read_text(encoding="utf-8"))
    assert produce(seed, mode) == expected


if __name__ == "__main__":  # regenerate: python tests/test_golden_seeds.py (then review the diff!)
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for seed, mode in CASES:
        golden_path(seed, mode).write_text(
            json.dumps(produce(seed, mode), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
