"""Installed Argos Translate packages: find, list and install them.

A package is a folder holding ``metadata.json`` (``from_code``, ``to_code``,
``package_version``, ...), a CTranslate2 ``model/`` directory and a
``sentencepiece.model``; it is shipped as a zip with the ``.argosmodel`` suffix.
Packages live in Argos's own package directory (``argostranslate.settings``,
which honours ``ARGOS_PACKAGES_DIR`` and the XDG variables), so models installed
with Argos's tools are ours too, and the other way round.

Everything here reads ``metadata.json`` directly: listing packages must not
import ctranslate2, let alone Argos's translate module (which imports Stanza,
spaCy and torch).
"""

from __future__ import annotations

import json
import logging
import tempfile
import threading
import zipfile
from collections.abc import Callable, Sequence
from os import PathLike
from pathlib import Path, PurePosixPath

import attrs

from newsingest.errors import ModelNotInstalledError, TranslationError
from newsingest.translate._deps import argos_settings

log = logging.getLogger(__name__)

_install_lock = threading.Lock()

#: Language codes whose Argos code is not their primary ISO 639-1 subtag.
_ARGOS_CODES = {"zh-tw": "zt", "zh-hant": "zt", "zh-hk": "zt", "pt-br": "pb"}


def argos_code(language: str) -> str:
    """The Argos package code for a language tag: ``"en-US"`` → ``"en"``, ``"zh-TW"`` → ``"zt"``."""
    tag = language.strip().lower().replace("_", "-")
    return _ARGOS_CODES.get(tag, tag.split("-")[0])


def _version_key(version: str) -> tuple:
    """Order versions numerically where possible ("1.10" after "1.9")."""
    parts = []
    for part in version.replace("-", ".").split("."):
        parts.append((0, int(part), "") if part.isdigit() else (1, 0, part))
    return tuple(parts)


@attrs.frozen
class PackageInfo:
    """An installed translation package."""

    from_code: str
    to_code: str
    version: str
    path: Path
    name: str = ""
    target_prefix: str = ""

    @property
    def model_id(self) -> str:
        """The id recorded in ``Translation.model`` and used as the cache key, e.g. ``argos:id-en:1.9``."""
        return f"argos:{self.from_code}-{self.to_code}:{self.version}"

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sentencepiece_model(self) -> Path:
        return self.path / "sentencepiece.model"


def read_package(folder: str | PathLike[str]) -> PackageInfo | None:
    """The package in ``folder``, or ``None`` if it is not a usable translation package.

    Packages of another type (Argos's old sentence-boundary packages) and packages
    tokenized with BPE instead of SentencePiece are not usable here.
    """
    path = Path(folder)
    try:
        if (path / "metadata.json").stat().st_size > MAX_METADATA_BYTES:
            log.warning("skipping %s: metadata.json is over %d bytes", path, MAX_METADATA_BYTES)
            return None
        metadata = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(metadata, dict) or metadata.get("type", "translate") != "translate":
        return None
    from_code, to_code = metadata.get("from_code"), metadata.get("to_code")
    if not from_code or not to_code:
        return None
    if not (path / "model").is_dir() or not (path / "sentencepiece.model").is_file():
        log.debug("skipping %s: no model/ or sentencepiece.model", path)
        return None
    return PackageInfo(
        from_code=str(from_code),
        to_code=str(to_code),
        version=str(metadata.get("package_version") or "0"),
        path=path,
        name=str(metadata.get("name") or ""),
        target_prefix=str(metadata.get("target_prefix") or ""),
    )


def package_dirs() -> list[Path]:
    """The directories Argos searches for installed packages."""
    return [Path(d) for d in argos_settings().package_dirs]


def install_dir() -> Path:
    """The directory packages are installed into (Argos's ``package_data_dir``)."""
    return Path(argos_settings().package_data_dir)


def list_installed(dirs: Sequence[str | PathLike[str]] | None = None) -> list[PackageInfo]:
    """Installed translation packages, sorted by language pair and version."""
    found = []
    for directory in [Path(d) for d in dirs] if dirs is not None else package_dirs():
        if not directory.is_dir():
            continue
        for child in directory.iterdir():
            if child.is_dir() and (info := read_package(child)) is not None:
                found.append(info)
    return sorted(found, key=lambda p: (p.from_code, p.to_code, _version_key(p.version), str(p.path)))


def find_package(from_code: str, to_code: str, dirs: Sequence[str | PathLike[str]] | None = None) -> PackageInfo:
    """The newest installed package for the pair, or :class:`ModelNotInstalledError`."""
    source, target = argos_code(from_code), argos_code(to_code)
    candidates = [p for p in list_installed(dirs) if p.from_code == source and p.to_code == target]
    if not candidates:
        raise ModelNotInstalledError(source, target)
    return candidates[-1]


#: Most bytes a package may unpack to (real Argos models are 50-400 MB): a zip bomb is refused unread.
MAX_PACKAGE_BYTES = 2 * 1024**3
#: Most files a package may hold.
MAX_PACKAGE_FILES = 10_000
#: Largest ``metadata.json`` read (real ones are a few hundred bytes).
MAX_METADATA_BYTES = 1024 * 1024


def _package_folder(archive: zipfile.ZipFile, source: Path) -> tuple[str, list[str]]:
    """Check the archive's paths and sizes; return the folder holding ``metadata.json`` and its members.

    The sizes checked are those the archive declares; :mod:`zipfile` never
    inflates a member past its declared size, so they bound what unpacking writes.
    """
    infos = archive.infolist()
    if len(infos) > MAX_PACKAGE_FILES:
        raise TranslationError(
            f"{source}: {len(infos):,} files in the archive, over the limit of {MAX_PACKAGE_FILES:,}"
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_PACKAGE_BYTES:
        raise TranslationError(
            f"{source}: unpacks to {total:,} bytes, over the limit of {MAX_PACKAGE_BYTES:,} (not a real model?)"
        )
    for info in infos:
        if PurePosixPath(info.filename).name == "metadata.json" and info.file_size > MAX_METADATA_BYTES:
            raise TranslationError(
                f"{source}: {info.filename} is {info.file_size:,} bytes, over {MAX_METADATA_BYTES:,}"
            )
    names = archive.namelist()
    for name in names:
        parts = PurePosixPath(name).parts
        if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
            raise TranslationError(f"{source}: unsafe path in archive: {name!r}")
    tops = sorted({PurePosixPath(n).parts[0] for n in names if PurePosixPath(n).parts[1:] == ("metadata.json",)})
    if len(tops) != 1:
        raise TranslationError(f"{source}: an Argos package holds one folder with a metadata.json, found {len(tops)}")
    top = tops[0]
    return top, [n for n in names if PurePosixPath(n).parts[0] == top]


def install_from_file(path: str | PathLike[str], dest: str | PathLike[str] | None = None) -> PackageInfo:
    """Install a ``.argosmodel`` file into Argos's package directory (or ``dest``).

    The archive is checked and unpacked into a temporary folder next to its final
    place, then moved there, so a failed install never leaves half a package; an
    installed package of the same name is replaced.
    """
    source = Path(path)
    target_root = Path(dest) if dest is not None else install_dir()
    if not source.is_file():
        raise TranslationError(f"{source}: no such file")
    if not zipfile.is_zipfile(source):
        raise TranslationError(f"{source}: not an Argos package (a .argosmodel file is a zip archive)")
    target_root.mkdir(parents=True, exist_ok=True)
    try:
        with _install_lock:
            final = _unpack(source, target_root)
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise TranslationError(f"{source}: cannot install: {err}") from err
    for listener in _install_listeners:
        listener(final)
    _clear_argos_language_cache()
    info = read_package(final)
    assert info is not None
    log.info("installed %s from %s into %s", info.model_id, source, final)
    return info


#: Called with a package's folder after it is (re)installed; the engine registers
#: one that forgets models loaded from there, so packages need not import the engine.
_install_listeners: list[Callable[[Path], None]] = []


def on_install(listener: Callable[[Path], None]) -> None:
    """Call ``listener(folder)`` after each package install (once per listener)."""
    if listener not in _install_listeners:
        _install_listeners.append(listener)


def _unpack(source: Path, target_root: Path) -> Path:
    """Unpack beside the final place (same file system, so the move is a rename), then move."""
    with zipfile.ZipFile(source) as archive:
        top, members = _package_folder(archive, source)
        with tempfile.TemporaryDirectory(prefix=".installing-", dir=target_root) as tmp:
            archive.extractall(tmp, members)
            unpacked = Path(tmp) / top
            if read_package(unpacked) is None:
                raise TranslationError(
                    f"{source}: not a usable translation package "
                    "(needs metadata.json with from_code and to_code, model/ and sentencepiece.model)"
                )
            final = target_root / top
            if final.exists() or final.is_symlink():
                _check_replaceable(final, read_package(unpacked), source)
                final.rename(Path(tmp) / ".replaced")  # removed with the temporary folder
            unpacked.rename(final)
    return final


def _check_replaceable(existing: Path, new: PackageInfo | None, source: Path) -> None:
    """Refuse to replace anything but an installed package of the same language pair."""
    old = read_package(existing) if existing.is_dir() and not existing.is_symlink() else None
    if old is None or new is None or (old.from_code, old.to_code) != (new.from_code, new.to_code):
        raise TranslationError(
            f"{source}: {existing} exists and is not an installed {new.from_code if new else '?'} -> "
            f"{new.to_code if new else '?'} package; not replacing it (move it away, or rename the archive's folder)"
        )


def _clear_argos_language_cache() -> None:
    """Argos memoises its installed languages; clear that if Argos's translate module is loaded."""
    import sys

    translate_module = sys.modules.get("argostranslate.translate")
    if translate_module is not None:
        translate_module.get_installed_languages.cache_clear()


def _fetch(url: str, timeout: float) -> bytes:
    import urllib.request  # lazily: it pulls in http.client, email and ssl

    request = urllib.request.Request(url, headers={"User-Agent": "newsingest"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()


def _offline_error(what: str, url: str, err: BaseException) -> TranslationError:
    reason = getattr(err, "reason", None) or err
    return TranslationError(
        f"cannot reach the {what} at {url} ({reason}); if this machine is offline, "
        "download the .argosmodel file on another machine and install it with: "
        "newsingest models install FILE.argosmodel"
    )


def install_pair(
    from_code: str,
    to_code: str,
    *,
    index_url: str | None = None,
    dest: str | PathLike[str] | None = None,
    timeout: float = 30.0,
) -> PackageInfo:
    """Download the newest package for the pair from Argos's package index and install it.

    ``index_url`` defaults to Argos's index (``ARGOS_PACKAGE_INDEX`` changes it; a
    ``file://`` URL to a local mirror works too). Offline, this raises a
    :class:`TranslationError` that says how to install from a file instead.
    """
    source, target = argos_code(from_code), argos_code(to_code)
    url = index_url or str(argos_settings().remote_package_index)
    try:
        index = json.loads(_fetch(url, timeout))
    except Exception as err:  # any failure to fetch means: unreachable
        raise _offline_error("Argos package index", url, err) from err
    entries = [
        e
        for e in index
        if isinstance(e, dict)
        and e.get("type", "translate") == "translate"
        and e.get("from_code") == source
        and e.get("to_code") == target
    ]
    if not entries:
        raise TranslationError(f"the Argos package index at {url} has no package for {source} -> {target}")
    entry = max(entries, key=lambda e: _version_key(str(e.get("package_version", "0"))))
    links = [link for link in entry.get("links", []) if isinstance(link, str)]
    if not links:
        raise TranslationError(f"the index entry for {source} -> {target} has no download link")
    last_error: BaseException | None = None
    for link in links:
        try:
            data = _fetch(link, timeout)
        except Exception as err:  # any failure to fetch means: unreachable
            last_error = err
            continue
        with tempfile.TemporaryDirectory(prefix="newsingest-download-") as tmp:
            archive = Path(tmp) / "package.argosmodel"
            archive.write_bytes(data)
            return install_from_file(archive, dest)
    assert last_error is not None
    raise _offline_error("package download", links[-1], last_error) from last_error
