"""The (model id, sentence) translation cache (no translate extra needed)."""

from __future__ import annotations

import threading
from pathlib import Path

from newsingest.translate.cache import TranslationCache


def test_hits_and_misses_are_counted_per_unique_sentence() -> None:
    cache = TranslationCache()
    assert cache.get_many("m:1", ["a", "b", "a"]) == {}
    assert (cache.hits, cache.misses) == (0, 2)
    cache.put_many("m:1", {"a": "A"})
    assert cache.get_many("m:1", ["a", "b"]) == {"a": "A"}
    assert cache.stats() == {"hits": 1, "memory_hits": 1, "disk_hits": 0, "misses": 3, "memory_entries": 1}


def test_keys_include_the_model_id() -> None:
    cache = TranslationCache()
    cache.put_many("argos:id-en:1.0", {"Halo.": "Hello."})
    assert cache.get_many("argos:id-en:1.1", ["Halo."]) == {}
    assert cache.get_many("argos:id-en:1.0", ["Halo."]) == {"Halo.": "Hello."}


def test_memory_level_is_a_bounded_lru() -> None:
    cache = TranslationCache(max_entries=2)
    cache.put_many("m", {"a": "A", "b": "B"})
    cache.get_many("m", ["a"])  # a is now the most recent
    cache.put_many("m", {"c": "C"})  # evicts b
    assert len(cache) == 2
    assert cache.get_many("m", ["a", "b", "c"]) == {"a": "A", "c": "C"}


def test_zero_entries_turns_memory_off() -> None:
    cache = TranslationCache(max_entries=0)
    cache.put_many("m", {"a": "A"})
    assert cache.get_many("m", ["a"]) == {} and len(cache) == 0


def test_sqlite_level_persists_and_refills_memory(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "cache.sqlite"
    first = TranslationCache(path=path)
    first.put_many("m", {f"s{i}": f"t{i}" for i in range(1200)})  # more than one SQL chunk
    first.close()

    second = TranslationCache(path=path)
    found = second.get_many("m", [f"s{i}" for i in range(1200)] + ["new"])
    assert len(found) == 1200 and found["s7"] == "t7"
    assert (second.disk_hits, second.misses) == (1200, 1)
    second.get_many("m", ["s7"])
    assert second.memory_hits == 1  # promoted to memory
    second.put_many("m", {"s7": "changed"})
    second.close()
    assert TranslationCache(path=path).get_many("m", ["s7"]) == {"s7": "changed"}


def test_concurrent_use(tmp_path: Path) -> None:
    cache = TranslationCache(max_entries=50, path=tmp_path / "c.sqlite")
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(100):
                cache.put_many("m", {f"{n}-{i}": f"T{n}-{i}"})
                assert cache.get_many("m", [f"{n}-{i}"]) == {f"{n}-{i}": f"T{n}-{i}"}
        except BaseException as err:  # surfaced below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(cache) == 50 and cache.hits == 800
