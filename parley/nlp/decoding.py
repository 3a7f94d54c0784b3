"""Greedy decoding for the model's transition-based components (parser, entity recognizer), without the lock spaCy
takes at every move: the same network, the same moves, the same annotations.

spaCy 3.8 is compiled with Cython 3, which wraps each accessor of its parse state (`StateC.B_`, the look at the
buffer) in `PyGILState_Ensure`/`Release`. Its decoding loop runs without the GIL, so each look takes and releases
the GIL's mutex: the entity recognizer tries 74 moves per token, each looking at the buffer a few times, and so
spends about twice as long deciding its moves as computing its network. Here the moves are decided without that
lock:

- the parser's by spaCy's own `transition_states` called with the GIL held (the accessors then take the cheap
  re-entrant path);
- the entity recognizer's, five kinds of move that each consume one token (begin, in, last, unit, out, with one
  label each), for all the documents of a batch at once with numpy, under the rules of spaCy's `BiluoPushDown`.
  A document with entities already set goes to the first path, which honours them as spaCy does.

Scores come from the component's own step model (`state2vec`, `vec2scores`, unseen classes masked; numpy arrays, so
on CPU), for the states still going, scored together in input order as spaCy's loop does for each of its
sub-batches (a run's parse does not depend on its batch), and the best valid move is the first highest score, as in
spaCy's `arg_max_if_valid`. Only greedy components are replaced (beam width 1, the model's setting).
`tests/test_scale_fast.py` checks every annotation against the stock components.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc, Span
from spacy.util import minibatch

BEGIN, IN, LAST, UNIT, OUT = range(5)
_KINDS = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}


class GreedyDecoding:
    """Stands in for a stock parser or entity recognizer in the pipeline; everything but decoding is the stock
    component's."""

    def __init__(self, stock: Parser) -> None:
        self.stock = stock
        self.moves = _EntityMoves(stock) if isinstance(stock, EntityRecognizer) else None

    def __getattr__(self, name: str):
        if name == "stock":   # not set yet (a copy being built): no stock component to ask
            raise AttributeError(name)
        return getattr(self.stock, name)

    def __call__(self, doc: Doc) -> Doc | None:
        return next(self.pipe([doc], batch_size=1), None)   # None if an error handler swallowed a failure

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """As the stock `pipe`, but each batch is decoded whole (the stock one splits it in four by length: with
        the moves decided in bulk, fewer and fuller steps are cheaper)."""
        handler = self.stock.get_error_handler()
        for batch in minibatch(docs, size=batch_size):
            try:
                self.annotate(batch)
                yield from batch
            except Exception as exc:  # noqa: BLE001  (as the stock component: its error handler decides)
                handler(self.stock.name, self, batch, exc)

    def annotate(self, docs: list[Doc]) -> None:
        """Decode a batch and set its annotations as the stock component's `predict` and `set_annotations` do."""
        stock = self.stock
        if not any(len(doc) for doc in docs):
            stock.set_annotations(docs, stock.moves.init_batch(docs))
            return
        stock._ensure_labels_are_added(docs)
        if self.moves is not None and len(self.moves.kind) != stock.moves.n_moves:
            self.moves = _EntityMoves(stock)   # labels added for entities set before it: more moves
        step = stock.model.predict(docs)
        try:
            scores = _Scores(step)
            if self.moves is not None and not any(doc.has_annotation("ENT_IOB") for doc in docs):
                self.moves.decode(docs, scores)
            else:
                states = stock.moves.init_batch(docs)
                todo = [state for state in states if not state.is_final()]
                while todo:
                    todo = stock.transition_states(todo, scores(step.get_token_ids(todo)))
                stock.set_annotations(docs, states)
        finally:
            step.clear_memory()


class _Scores:
    """The scores of spaCy's step model (`step_forward`) for the states' feature tokens, with its upper layer's
    arithmetic done here when it is a plain linear layer (one call instead of a model call per step)."""

    def __init__(self, step) -> None:
        self.step = step
        upper = step.vec2scores if step.attrs["has_upper"] else None
        self.linear = (upper.get_param("W"), upper.get_param("b")) if upper is not None and upper.name == "linear" \
            else None
        unseen = step._class_mask == 0
        self.unseen = unseen if unseen.any() else None   # classes the model never saw in training get the minimum

    def __call__(self, ids: np.ndarray) -> np.ndarray:
        step = self.step
        vector = step.state2vec.predict(ids)
        if self.linear is not None:
            weights, bias = self.linear
            scores = step.vec2scores.ops.gemm(vector, weights, trans2=True)
            scores += bias
        elif step.attrs["has_upper"]:
            scores = step.vec2scores.predict(vector)
        else:
            scores = step.ops.asarray(vector)
        if self.unseen is not None:
            scores[:, self.unseen] = np.nanmin(scores)
        return scores


class _EntityMoves:
    """The entity recognizer's moves as arrays: kind and label per class, and which kinds need what."""

    def __init__(self, stock: EntityRecognizer) -> None:
        names = [stock.moves.get_class_name(i) for i in range(stock.moves.n_moves)]
        self.labels = sorted({name[2:] for name in names if name[2:]})
        kind = np.array([_KINDS.get(name[0], -1) for name in names])
        index = {label: i + 1 for i, label in enumerate(self.labels)}   # 0: no label ("O", "U-")
        self.label = np.array([index.get(name[2:], 0) for name in names])
        self.kind = kind
        labelled = self.label > 0
        begin, unit, out = (kind == BEGIN) & labelled, (kind == UNIT) & labelled, kind == OUT
        inside, last = (kind == IN) & labelled, (kind == LAST) & labelled
        # The valid moves, a row per kind of state (`_row`): with no entity open, begin (if an entity could go on
        # to a next token in the same sentence, and not on a space), unit (not on a space) and out; with one open,
        # in (if it could go on) and last, with the open entity's label.
        self.valid = np.zeros((_row(True, len(self.labels), 1, 0) + 1, len(names)), dtype=bool)
        for go in (0, 1):
            for space in (0, 1):
                self.valid[_row(False, 0, go, space)] = begin & bool(go) & (not space) | unit & (not space) | out
            for name in range(len(self.labels) + 1):
                self.valid[_row(True, name, go, 0)] = (self.label == name) & (inside & bool(go) | last)

    def decode(self, docs: list[Doc], scored: _Scores) -> None:
        """One move per token for every document at once; the states still going, in input order, are scored
        together at each step as in spaCy's loop."""
        lengths = np.array([len(doc) for doc in docs])
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        flags = np.concatenate([doc.to_array([SENT_START, IS_SPACE]).reshape(-1, 2) for doc in docs])
        # per token: whether an entity may go on to the next token (one follows, in the same sentence)
        follows = np.ones(len(flags), dtype=bool)
        follows[:-1] = flags[1:, 0].astype(np.int64) != 1
        follows[offsets + lengths - 1] = False
        spaces = flags[:, 1].astype(bool)
        open_start = np.full(len(docs), -1)   # where the open entity began, -1 if none
        open_label = np.zeros(len(docs), dtype=np.int64)
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        for t in range(int(lengths.max())):
            live = np.flatnonzero(lengths > t)
            here = offsets[live] + t
            start = open_start[live]
            opened = start >= 0
            ids = np.full((len(live), 3), -1, dtype="i")
            ids[:, 0] = here
            ids[opened, 1] = offsets[live][opened] + start[opened]
            ids[opened, 2] = here[opened] - 1
            scores = scored(ids)
            goes_on = follows[here].astype(np.int64)
            valid = self.valid[_row(opened, open_label[live], goes_on, spaces[here])]
            best = np.where(valid, scores, -np.inf).argmax(axis=1)
            kind, label = self.kind[best], self.label[best]
            begun = kind == BEGIN
            open_start[live[begun]], open_label[live[begun]] = t, label[begun]
            for i in np.flatnonzero((kind == LAST) | (kind == UNIT)).tolist():
                state = int(live[i])
                first = int(open_start[state]) if kind[i] == LAST else t
                found[state].append((first, t + 1, int(label[i])))
                open_start[state] = -1
        for doc, entities in zip(docs, found):
            doc.set_ents([Span(doc, start, end, label=self.labels[name - 1]) for start, end, name in entities],
                         default="outside")


def _row(opened, label, goes_on, space):
    """The row of the valid-move table for states (arrays or single values): with no entity open, by whether an
    entity could go on from the token and whether the token is a space (rows 0-3); with one open, by its label and
    whether it could go on (rows 4 on)."""
    return np.where(opened, 4 + 2 * label + goes_on, 2 * goes_on + space)


@Language.factory("parley_greedy_decoding", default_config={"stock": ""})
def greedy_decoding(nlp: Language, name: str, stock: str) -> GreedyDecoding:
    """The component named `stock`, decoded here."""
    return GreedyDecoding(nlp.get_pipe(stock))


def decode_greedily(nlp: Language) -> Language:
    """Put `GreedyDecoding` in place of each greedy transition-based component, under the same name (public API
    only: rename the stock one, add the stand-in after it, remove the stock one from the pipeline)."""
    for name, component in list(nlp.pipeline):
        if isinstance(component, Parser) and component.cfg.get("beam_width", 1) == 1:
            nlp.rename_pipe(name, f"{name}_stock")
            nlp.add_pipe("parley_greedy_decoding", name=name, after=f"{name}_stock", config={"stock": f"{name}_stock"})
            nlp.remove_pipe(f"{name}_stock")
            component.name = name
    return nlp
