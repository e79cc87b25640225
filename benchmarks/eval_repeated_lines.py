"""Would dropping lines repeated across many articles of one outlet help? (an opt-in batch mode, tried)

    python benchmarks/eval_repeated_lines.py [--realdata ../shared/realdata]

trafilatura's ``deduplicate`` drops text segments it has seen many times in a
process. The same idea per outlet: in a batch of one outlet's articles, a line
that recurs in at least N articles (and a share of them) is furniture, so drop
it. This script measures it on the real-data corpora: for each threshold, how
many lines the batch step would drop from what the plugins keep today, and how
many of those are *body* lines of the reviewed fixtures (their expected JSON),
when each fixture is ingested as part of its outlet's corpus.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsingest import Pipeline
from newsingest.kit.evaluate import read_corpus
from newsingest.kit.mine import line_key, repeated_lines

ROOT = Path(__file__).resolve().parent.parent
THRESHOLDS = ((3, 0.0), (5, 0.01), (10, 0.02))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realdata", default=str(ROOT.parent / "shared" / "realdata"))
    args = parser.parse_args()
    pipeline = Pipeline()
    print(
        "| outlet | threshold (articles, share) | repeated lines | kept paragraphs it would drop | fixture body lines it would drop |"
    )
    print("| --- | --- | --- | --- | --- |")
    for outlet in ("nbc", "tribun"):
        texts = [r["text"] for r in read_corpus(Path(args.realdata) / f"{outlet}.jsonl") if r.get("text")]
        fixtures = sorted((ROOT / "tests" / "fixtures" / outlet).glob(f"{outlet}_real_*.txt"))
        kept = [[line_key(b.text) for b in pipeline.clean(text, outlet=outlet).paragraphs] for text in texts]
        bodies = [
            [line_key(p["text"]) for p in json.loads(f.with_suffix(".json").read_text(encoding="utf-8"))["paragraphs"]]
            for f in fixtures
        ]
        for floor, share in THRESHOLDS:
            repeated = repeated_lines(texts, min_articles=floor, min_share=share)
            dropped = sum(key in repeated for article in kept for key in article)
            lost = [key for body in bodies for key in body if key in repeated]
            print(f"| {outlet} | {floor}, {share:.0%} | {len(repeated)} | {dropped} | {len(lost)} |")
            for key in lost[:3]:
                print(f"|  |  |  |  | e.g. `{key[:70]}` |")


if __name__ == "__main__":
    main()
