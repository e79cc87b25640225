"""Loaded models: SentencePiece in, CTranslate2 batches, SentencePiece out.

This is the only module that touches ctranslate2 and sentencepiece. It knows
nothing about articles: it turns a list of sentences into a list of
translations, as few ``translate_batch`` calls as the batch size allows.

Loading a model takes from a fraction of a second to several seconds and holds
its weights in memory, so loaded models are shared process-wide, one per
(package folder, device, compute type), and loaded at most once even when many
threads ask for the same one at the same time.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from os import PathLike
from pathlib import Path

import attrs

from newsingest.errors import TranslationError
from newsingest.translate._deps import require
from newsingest.translate.packages import PackageInfo, on_install


@attrs.frozen
class DecodeOptions:
    """How CTranslate2 decodes; the defaults are Argos Translate's own.

    ``max_decoding_length`` bounds every output (in tokens), so a degenerate model
    cannot run away; ``batch_size`` is in sentences.
    """

    beam_size: int = 4
    batch_size: int = 32
    max_decoding_length: int = 256
    max_input_length: int = 1024
    length_penalty: float = 0.2
    replace_unknowns: bool = True


def resolve_device(device: str) -> str:
    """``"cpu"``, ``"cuda"`` or ``"auto"`` (CUDA when CTranslate2 sees a GPU)."""
    if device not in ("cpu", "cuda", "auto"):
        raise TranslationError(f"unknown translation device {device!r}: use 'cpu', 'cuda' or 'auto'")
    if device == "cpu":
        return device
    ctranslate2 = require("ctranslate2")
    has_gpu = ctranslate2.get_cuda_device_count() > 0
    if device == "auto":
        return "cuda" if has_gpu else "cpu"
    if not has_gpu:
        raise TranslationError("device 'cuda' was asked for but CTranslate2 sees no CUDA device")
    return device


class LoadedModel:
    """One package's tokenizer and CTranslate2 translator, ready to use from any thread."""

    def __init__(
        self,
        package: PackageInfo,
        device: str = "cpu",
        compute_type: str = "auto",
        inter_threads: int = 1,
        intra_threads: int = 0,
    ) -> None:
        ctranslate2 = require("ctranslate2")
        spm = require("sentencepiece")
        self.package = package
        self.device = device
        try:
            self._sp = spm.SentencePieceProcessor(model_file=str(package.sentencepiece_model))
            self._translator = ctranslate2.Translator(
                str(package.model_dir),
                device=device,
                compute_type=compute_type,
                inter_threads=inter_threads,
                intra_threads=intra_threads,
            )
        except (RuntimeError, OSError, ValueError) as err:
            raise TranslationError(
                f"cannot load translation model {package.model_id} from {package.path}: {err}"
            ) from err
        self._prefix = [package.target_prefix] if package.target_prefix else None

    def translate(self, sentences: Sequence[str], options: DecodeOptions = DecodeOptions()) -> list[str]:
        """Translate non-empty sentences, in order; one ``translate_batch`` call per ``batch_size``."""
        if not sentences:
            return []
        tokens = self._sp.encode(list(sentences), out_type=str)
        prefix = [self._prefix] * len(tokens) if self._prefix else None
        try:
            results = self._translator.translate_batch(
                tokens,
                target_prefix=prefix,
                max_batch_size=options.batch_size,
                batch_type="examples",
                beam_size=options.beam_size,
                num_hypotheses=1,
                length_penalty=options.length_penalty,
                max_decoding_length=options.max_decoding_length,
                max_input_length=options.max_input_length,
                replace_unknowns=options.replace_unknowns,
            )
        except (RuntimeError, ValueError) as err:
            raise TranslationError(f"translation with {self.package.model_id} failed: {err}") from err
        return [self._detokenize(result.hypotheses[0]) for result in results]

    def _detokenize(self, pieces: list[str]) -> str:
        if self._prefix and pieces[: len(self._prefix)] == self._prefix:
            pieces = pieces[len(self._prefix) :]
        return self._sp.decode_pieces(pieces).strip()


class ModelPool:
    """Loaded models shared by every :class:`~newsingest.translate.Translator` of the process."""

    def __init__(self) -> None:
        self._models: dict[tuple[str, str, str], LoadedModel] = {}
        self._loading: dict[tuple[str, str, str], threading.Lock] = {}
        self._lock = threading.Lock()

    def get(
        self,
        package: PackageInfo,
        device: str = "cpu",
        compute_type: str = "auto",
        inter_threads: int = 1,
        intra_threads: int = 0,
    ) -> LoadedModel:
        key = (str(package.path.resolve()), device, compute_type)
        with self._lock:
            model = self._models.get(key)
            if model is not None and model.package == package:
                return model
            key_lock = self._loading.setdefault(key, threading.Lock())
        with key_lock:  # one load per key; other keys load in parallel
            with self._lock:
                model = self._models.get(key)
            if model is None or model.package != package:
                model = LoadedModel(package, device, compute_type, inter_threads, intra_threads)
                with self._lock:
                    self._models[key] = model
            return model

    def forget(self, folder: str | PathLike[str]) -> None:
        """Drop the loaded models of a package folder (after it was reinstalled)."""
        resolved = str(Path(folder).resolve())
        with self._lock:
            for key in [k for k in self._models if k[0] == resolved]:
                del self._models[key]

    def clear(self) -> None:
        with self._lock:
            self._models.clear()

    def __len__(self) -> int:
        return len(self._models)


#: The process-wide pool.
POOL = ModelPool()


def forget_models(folder: str | PathLike[str]) -> None:
    """Forget the loaded models of ``folder`` in the process-wide pool."""
    POOL.forget(folder)


on_install(forget_models)  # a reinstalled package must not be served from the old model
