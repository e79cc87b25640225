"""Build a tiny Argos Translate package from scratch, with no network.

Real Argos packages are tens of megabytes and can only be downloaded, which tests
and CI cannot do here. This module makes a package of the same *format* (a zip of
``metadata.json``, a CTranslate2 ``model/`` directory and ``sentencepiece.model``)
in about a second: a SentencePiece model trained on a few dozen lines and a small
Transformer with random weights. Its output is gibberish, which is fine: what the
tests check is the plumbing (install, listing, alignment, batching, caching), not
translation quality.

Command line::

    python -m newsingest.testing.tiny_argos OUT.argosmodel [--from id] [--to en]

Needs the ``translate`` extra (ctranslate2, sentencepiece, numpy).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

#: Text the SentencePiece model is trained on: Indonesian and English news-like lines,
#: so the tiny vocabulary covers the words the tests and the benchmark use.
TRAINING_LINES = (
    "Pertempuran di Bakhmut kini telah berlangsung lebih dari tujuh bulan.",
    "Korban diyakini sama-sama tinggi di kedua sisi.",
    "Pemerintah Ukraina mendapat kecaman karena penolakannya untuk menyerahkan kota.",
    "Presiden Volodymyr Zelensky dan pejabat tingginya mengatakan kota itu ditahan.",
    "Penguasaan kota oleh Rusia akan membuka jalan bagi serangan selanjutnya.",
    "Ini adalah dua tujuan utama serangan musim semi Rusia.",
    "Mantan Menteri Pertahanan mengatakan kepada wartawan bahwa kota itu bermanfaat.",
    "Ini bukan keputusan politik, ini keputusan militer.",
    "Kami tidak dapat sepenuhnya memahami detailnya karena keputusan tersebut dibuat.",
    "Namun, jelas bahwa mereka akan dengan cepat fokus pada area lain.",
    "Komandan pasukan darat mengatakan dalam sebuah pernyataan pada hari Rabu.",
    "Musuh terus melakukan upaya yang gagal untuk mengepung kota dan bergerak maju.",
    "Tindakan tegas dari tentara kami sangat melelahkan musuh.",
    "Harga beras naik lagi minggu ini, kata pedagang di pasar.",
    "Hujan deras menyebabkan banjir di beberapa wilayah Jakarta.",
    "Dr. Siti berkata: \u201cKami siap.\u201d Lalu dia pergi.",
    "The battle for the city has now lasted more than seven months.",
    "Casualties are believed to be high on both sides.",
    "The government was criticised for refusing to give up the city.",
    "President Zelensky and his top officials said the city was held.",
    "This is not a political decision, it is a military decision.",
    "The enemy continues to make failed attempts to encircle the city.",
    "Rice prices rose again this week, traders at the market said.",
    "Heavy rain caused flooding in several parts of Jakarta.",
    "0 1 2 3 4 5 6 7 8 9 100.000 2023 ( ) [ ] , . ! ? : ; - \u201c \u201d \" '",
)


def _train_sentencepiece(workdir: Path, vocab_size: int) -> Path:
    """Train a small unigram SentencePiece model and return the model file."""
    import sentencepiece as spm

    corpus = workdir / "corpus.txt"
    corpus.write_text("\n".join(TRAINING_LINES * 4) + "\n", encoding="utf-8")
    prefix = workdir / "sentencepiece"
    with open(os.devnull, "w") as quiet:  # the trainer logs to stderr otherwise
        spm.SentencePieceTrainer.train(
            input=str(corpus),
            model_prefix=str(prefix),
            vocab_size=vocab_size,
            hard_vocab_limit=False,
            character_coverage=1.0,
            model_type="unigram",
            num_threads=1,
            minloglevel=2,
            logstream=quiet,
        )
    return prefix.with_suffix(".model")


def _vocabulary(sp_model: Path) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(sp_model))
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _build_model(
    model_dir: Path,
    vocabulary: list[str],
    *,
    num_layers: int,
    d_model: int,
    num_heads: int,
    ffn_dim: int,
    seed: int,
    eos_bias: float,
) -> None:
    """Write a CTranslate2 Transformer with random weights into ``model_dir``."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    vocab_size = len(vocabulary)

    def weights(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.1).astype(np.float32)

    def linear(spec, out_dim: int, in_dim: int) -> None:
        spec.weight = weights(out_dim, in_dim)
        spec.bias = np.zeros(out_dim, dtype=np.float32)

    def layer_norm(spec) -> None:
        spec.gamma = np.ones(d_model, dtype=np.float32)
        spec.beta = np.zeros(d_model, dtype=np.float32)

    def feed_forward(spec) -> None:
        layer_norm(spec.layer_norm)
        linear(spec.linear_0, ffn_dim, d_model)
        linear(spec.linear_1, d_model, ffn_dim)

    spec = transformer_spec.TransformerSpec.from_config(num_layers, num_heads)
    spec.encoder.embeddings[0].weight = weights(vocab_size, d_model)
    layer_norm(spec.encoder.layer_norm)
    for layer in spec.encoder.layer:
        attention = layer.self_attention
        layer_norm(attention.layer_norm)
        linear(attention.linear[0], 3 * d_model, d_model)  # fused query/key/value
        linear(attention.linear[1], d_model, d_model)
        feed_forward(layer.ffn)

    spec.decoder.embeddings.weight = weights(vocab_size, d_model)
    layer_norm(spec.decoder.layer_norm)
    linear(spec.decoder.projection, vocab_size, d_model)
    if eos_bias:
        spec.decoder.projection.bias[vocabulary.index("</s>")] = eos_bias
    for layer in spec.decoder.layer:
        attention = layer.self_attention
        layer_norm(attention.layer_norm)
        linear(attention.linear[0], 3 * d_model, d_model)
        linear(attention.linear[1], d_model, d_model)
        cross = layer.attention
        layer_norm(cross.layer_norm)
        linear(cross.linear[0], d_model, d_model)  # query
        linear(cross.linear[1], 2 * d_model, d_model)  # fused key/value
        linear(cross.linear[2], d_model, d_model)
        feed_forward(layer.ffn)

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=None)
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))


def _metadata(from_code: str, to_code: str, version: str) -> dict[str, object]:
    return {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": f"Tiny {from_code}",
        "to_code": to_code,
        "to_name": f"Tiny {to_code}",
        "type": "translate",
        "links": [],
        "name": f"tiny {from_code}-{to_code} (random weights, tests only)",
    }


def _zip_dir(folder: Path, archive: Path) -> None:
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, path.relative_to(folder.parent).as_posix())


def build_tiny_package(
    dest_dir: str | Path,
    from_code: str = "id",
    to_code: str = "en",
    *,
    version: str = "1.0",
    num_layers: int = 2,
    d_model: int = 32,
    num_heads: int = 2,
    ffn_dim: int = 64,
    vocab_size: int = 200,
    seed: int = 0,
    eos_bias: float = 0.75,
    filename: str | None = None,
) -> Path:
    """Build ``translate-FROM_TO-VERSION.argosmodel`` in ``dest_dir`` and return its path.

    The archive has Argos's layout: one top-level folder holding ``metadata.json``,
    ``sentencepiece.model`` and the CTranslate2 ``model/`` directory. The size knobs
    exist for the benchmark, which wants a model with a realistic compute profile.

    ``eos_bias`` is added to the end-of-sentence logit. With none, random weights
    almost never emit it and every sentence decodes to the length limit; 0.75 makes
    the default model stop after a few dozen tokens, close to a real model's
    output length, so timings resemble real work.
    """
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    folder_name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    archive = dest / (filename or f"{folder_name}.argosmodel")
    with tempfile.TemporaryDirectory(prefix="tiny-argos-") as tmp:
        work = Path(tmp)
        package = work / "pkg" / folder_name
        package.mkdir(parents=True)
        sp_model = _train_sentencepiece(work, vocab_size)
        shutil.copy(sp_model, package / "sentencepiece.model")
        _build_model(
            package / "model",
            _vocabulary(sp_model),
            num_layers=num_layers,
            d_model=d_model,
            num_heads=num_heads,
            ffn_dim=ffn_dim,
            seed=seed,
            eos_bias=eos_bias,
        )
        metadata = _metadata(from_code, to_code, version)
        (package / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        (package / "README.md").write_text(
            "Tiny random-weight Argos package built by newsingest.testing.tiny_argos.\n",
            encoding="utf-8",
        )
        _zip_dir(package, archive)
    return archive


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsingest.testing.tiny_argos",
        description="Build a tiny random-weight Argos Translate package (for tests).",
    )
    parser.add_argument("output", type=Path, help="where to write the .argosmodel file")
    parser.add_argument("--from", dest="from_code", default="id")
    parser.add_argument("--to", dest="to_code", default="en")
    parser.add_argument("--version", default="1.0")
    args = parser.parse_args(argv)
    path = build_tiny_package(
        args.output.parent,
        args.from_code,
        args.to_code,
        version=args.version,
        filename=args.output.name,
    )
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
