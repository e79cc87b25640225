"""Learn the Malay-against-Indonesian evidence in ``newsingest/_language/malay_evidence.py``, and check it.

    python benchmarks/learn_malay.py           # evaluate on the held-out halves
    python benchmarks/learn_malay.py --write   # and rewrite newsingest/_language/malay_evidence.py
    python benchmarks/learn_malay.py --cv      # two-fold cross-validation of MIN_EXCERPTS

Data (read by path, ``../shared`` beside the checkout):

* ``langdata/dslcc-v1-test-id-my.tsv``: 1,000 Indonesian and 1,000 Malay news excerpts of
  the DSL shared task (``text<TAB>id|my``);
* ``realdata/tribun.jsonl`` and ``realdata/indonesian_other_outlets.jsonl``: real scraped
  Indonesian articles (Tribun network, Kompas, detik, Republika).

Everything is learned from one half and evaluated on the other: the even-numbered DSL
excerpts of each language and the even-numbered real articles (paragraphs of 80+
characters) are the learning half; the odd ones are held out. The evidence is a weight per
word, summed over the
distinct words of a text as written (:func:`newsingest._language.malay.malay_score`):

1. **Known differences**, checked in the data: the spelling and vocabulary pairs of standard
   Malay and Indonesian (*kerana/karena, bahawa/bahwa, iaitu/yaitu, wang/uang,
   polis/polisi, kerajaan/pemerintah, boleh/bisa, selepas/setelah, peratus/persen, -iti/-itas*
   loanwords ...) in :data:`MALAY` and :data:`INDONESIAN`; each keeps the log ratio of its
   rates in the learning half (capped at 3) and only where that is at least 1 (it is in
   fact about 2.7 times as frequent on its side). Words that look Malay but are everyday
   Indonesian in the real news (*sini, ramai, turut, rakyat, anda, kereta*) are left out:
   :data:`NOT_EVIDENCE`.
2. **Naive Bayes over the learning half's vocabulary**, at half weight: log ratio of the
   document rates in the DSL halves (add-0.5 smoothing, capped at 3, words in 2+ excerpts:
   2 rather than 3 chosen by two-fold cross-validation on the DSL halves),
   a word pointing to Malay dropped when the real Indonesian news uses it at least as often.

A text is Malay when its score exceeds :data:`newsingest._language.malay.THRESHOLD`.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

from newsingest._language.malay import THRESHOLD, evidence_words, is_malay

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "newsingest" / "_language" / "malay_evidence.py"

MALAY = [
    "kerana",
    "bahawa",
    "iaitu",
    "daripada",
    "selepas",
    "beliau",
    "kerajaan",
    "wang",
    "polis",
    "boleh",
    "sahaja",
    "semalam",
    "berkata",
    "memberitahu",
    "pelbagai",
    "syarikat",
    "akhbar",
    "peratus",
    "kes",
    "terbabit",
    "berjaya",
    "menerusi",
    "mahu",
    "cuba",
    "manakala",
    "apabila",
    "ialah",
    "berikutan",
    "dijangka",
    "filem",
    "parti",
    "majlis",
    "pasaran",
    "sebarang",
    "tiada",
    "sentiasa",
    "minit",
    "tempoh",
    "kecederaan",
    "perkhidmatan",
    "kesihatan",
    "bekalan",
    "jenayah",
    "kedai",
    "pemberita",
    "kelmarin",
    "kedua-dua",
    "dikenali",
    "lapan",
    "memulakan",
    "pelakon",
    "mendedahkan",
    "berbanding",
    "mahupun",
    "bahagian",
    "kenderaan",
    "keadaan",
    "kualiti",
    "universiti",
    "aktiviti",
    "komuniti",
    "fasiliti",
    "identiti",
]
INDONESIAN = [
    "karena",
    "bahwa",
    "bisa",
    "saat",
    "yaitu",
    "yakni",
    "uang",
    "polisi",
    "persen",
    "kasus",
    "mobil",
    "berhasil",
    "terkait",
    "tim",
    "kendaraan",
    "kondisi",
    "bagian",
    "berbagai",
    "maupun",
    "lainnya",
    "mendukung",
    "kemarin",
    "menit",
    "aktivitas",
    "kualitas",
    "universitas",
    "komunitas",
    "fasilitas",
    "identitas",
    "perusahaan",
    "pemerintah",
    "setelah",
    "melalui",
    "mau",
    "coba",
]
#: Candidates the learner ranks high for Malay that real Indonesian news uses every day
#: (checked in ``realdata``): never evidence.
NOT_EVIDENCE = frozenset(
    ["sini", "ramai", "turut", "rakyat", "anda", "kereta", "lepas", "mula", "semula", "amat", "sukar", "walaupun"]
)

SMOOTHING = 0.5
CAP = 3.0
MIN_EXCERPTS = 2
BAYES_WEIGHT = 0.5


def dsl() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {"ms": [], "id": []}
    for line in (SHARED / "langdata" / "dslcc-v1-test-id-my.tsv").read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        text, label = line.rsplit("\t", 1)
        texts["ms" if label == "my" else "id"].append(text)
    return texts


def real_indonesian() -> list[str]:
    articles = []
    for name in ("tribun", "indonesian_other_outlets"):
        for line in (SHARED / "realdata" / f"{name}.jsonl").read_text(encoding="utf-8").split("\n"):
            if line.strip():  # split at newlines only: texts hold U+2028, which splitlines() splits at
                articles.append(json.loads(line)["text"])
    return articles


def paragraphs(articles: list[str]) -> list[str]:
    return [part for text in articles for part in text.split("\n") if len(part) >= 80]


def rates(texts: list[str]) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(evidence_words(text))
    return Counter({word: count / len(texts) for word, count in counts.items()})


def learn(malay: list[str], indonesian: list[str], real: list[str]) -> dict[str, float]:
    rate_ms, rate_id, rate_real = rates(malay), rates(indonesian), rates(real)
    floor = SMOOTHING / min(len(malay), len(indonesian))
    weights: dict[str, float] = {}
    for word in MALAY:
        ratio = math.log(max(rate_ms[word], floor) / max(rate_id[word], rate_real[word], floor))
        if ratio >= 1:
            weights[word] = min(CAP, ratio)
    for word in INDONESIAN:
        ratio = math.log(max(min(rate_id[word], rate_real[word]), floor) / max(rate_ms[word], floor))
        if ratio >= 1:
            weights[word] = -min(CAP, ratio)
    n_ms, n_id = len(malay), len(indonesian)
    for word in set(rate_ms) | set(rate_id):
        count_ms, count_id = rate_ms[word] * n_ms, rate_id[word] * n_id
        if word in NOT_EVIDENCE or count_ms + count_id < MIN_EXCERPTS:
            continue
        ratio = math.log((count_ms + SMOOTHING) / (n_ms + 2 * SMOOTHING)) - math.log(
            (count_id + SMOOTHING) / (n_id + 2 * SMOOTHING)
        )
        if ratio > 0 and rate_real[word] >= rate_ms[word]:
            continue  # as common in real Indonesian news: no evidence of Malay
        weights[word] = weights.get(word, 0.0) + BAYES_WEIGHT * max(-CAP, min(CAP, ratio))
    return {word: round(weight, 2) for word, weight in sorted(weights.items()) if round(weight, 2)}


def evaluate(weights: dict[str, float], malay: list[str], indonesian: list[str], real: list[str]) -> str:
    def is_ms(text: str) -> bool:
        return is_malay(text, weights)

    ms_right = sum(map(is_ms, malay))
    id_right = sum(not is_ms(text) for text in indonesian)
    real_paras = paragraphs(real)
    return (
        f"DSL {(ms_right + id_right) / (len(malay) + len(indonesian)):.1%} right"
        f" (Malay {ms_right}/{len(malay)}, Indonesian {id_right}/{len(indonesian)});"
        f" real Indonesian articles as Malay: {sum(map(is_ms, real))}/{len(real)},"
        f" paragraphs as Malay: {sum(map(is_ms, real_paras))}/{len(real_paras)}"
    )


def write(weights: dict[str, float]) -> None:
    # quoted as ruff format quotes them: double quotes unless the word holds one
    lines = [
        f"    {repr(word) if chr(34) in word else json.dumps(word, ensure_ascii=False)}: {weight},"
        for word, weight in weights.items()
    ]
    OUT.write_text(
        '"""Words that tell Malay from Indonesian, and how much: generated by ``benchmarks/learn_malay.py``.\n\n'
        "Learned from the even-numbered DSL excerpts and real Indonesian articles (the odd ones\n"
        "are held out for evaluation); see that script for how, and docs/language.md for the\n"
        'figures. Positive: Malay; negative: Indonesian. Do not edit by hand."""\n\n'
        "WEIGHTS: dict[str, float] = {\n" + "\n".join(lines) + "\n}\n",
        encoding="utf-8",
    )


def cross_validate(texts: dict[str, list[str]], real: list[str]) -> None:
    """Learn on each half, evaluate on the other, for each candidate minimum of excerpts."""
    global MIN_EXCERPTS
    chosen = MIN_EXCERPTS
    try:
        for minimum in (2, 3, 5):
            MIN_EXCERPTS = minimum
            for learn_half in (0, 1):
                other = 1 - learn_half
                weights = learn(texts["ms"][learn_half::2], texts["id"][learn_half::2], paragraphs(real[learn_half::2]))
                result = evaluate(weights, texts["ms"][other::2], texts["id"][other::2], real[other::2])
                print(f"MIN_EXCERPTS={minimum}, learned on half {learn_half}: {result}")
    finally:
        MIN_EXCERPTS = chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite newsingest/_language/malay_evidence.py")
    parser.add_argument("--cv", action="store_true", help="two-fold cross-validation of MIN_EXCERPTS")
    args = parser.parse_args()
    texts, real = dsl(), real_indonesian()
    if args.cv:
        cross_validate(texts, real)
        return
    halves = {half: (texts["ms"][half::2], texts["id"][half::2], real[half::2]) for half in (0, 1)}
    weights = learn(halves[0][0], halves[0][1], paragraphs(halves[0][2]))
    print(f"{len(weights)} words learned from the even half; threshold {THRESHOLD}")
    print("learning half:", evaluate(weights, *halves[0]))
    print("held-out half:", evaluate(weights, *halves[1]))
    print("whole DSL file:", evaluate(weights, texts["ms"], texts["id"], real))
    if args.write:
        write(weights)
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
