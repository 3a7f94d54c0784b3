"""Duplicates: an exact content hash, and MinHash/LSH (datasketch) for syndicated copies and light rewrites."""
from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
from datasketch import MinHash, MinHashLSH

_TRAILING = re.compile(r"[ \t]+\n")
_NEWLINES = re.compile(r"\r\n?")
_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """SHA-256 of the text with only encoding noise removed (NFC, newline style, trailing blanks): the same body
    byte for byte. Reflowed paragraphs or edited wording are left to `NearDuplicates`."""
    normal = unicodedata.normalize("NFC", _NEWLINES.sub("\n", text))
    normal = _TRAILING.sub("\n", normal).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


class NearDuplicates:
    """An LSH index of article signatures; `match` names the earliest indexed article that is the same story."""

    def __init__(self, threshold: float, candidate_threshold: float, num_perm: int, shingle_words: int,
                 scheme: str) -> None:
        self.threshold = threshold
        self.scheme = scheme
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self._lsh = MinHashLSH(threshold=candidate_threshold, num_perm=num_perm)
        self._signatures: dict[int, MinHash] = {}

    def signature(self, text: str) -> MinHash:
        words = _WORD.findall(text.casefold())
        n = self.shingle_words
        shingles = {" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}
        minhash = MinHash(num_perm=self.num_perm, scheme=self.scheme)
        minhash.update_batch([s.encode("utf-8") for s in shingles])
        return minhash

    def match(self, signature: MinHash) -> int | None:
        """The smallest id among indexed articles whose estimated similarity reaches the threshold."""
        candidates = (key for key in self._lsh.query(signature)
                      if self._signatures[key].jaccard(signature) >= self.threshold)
        return min(candidates, default=None)

    def add(self, key: int, signature: MinHash) -> None:
        self._lsh.insert(key, signature)
        self._signatures[key] = signature

    def to_bytes(self, signature: MinHash) -> bytes:
        return signature.hashvalues.astype("<u8").tobytes()

    def from_bytes(self, data: bytes) -> MinHash:
        values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
        return MinHash(num_perm=self.num_perm, hashvalues=values, scheme=self.scheme)
