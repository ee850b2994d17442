"""The pool's pickled results read back as the objects that were sent."""

from __future__ import annotations

import copy
import copyreg
import datetime as dt
import pickle
import typing
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from cableparse import models
from cableparse.batch import Result

CLASSES = [getattr(models, name) for name in models.__all__] + [Result]
_TEXT = st.text(alphabet="ab \n(U)é", max_size=6)
_PLAIN: dict[Any, st.SearchStrategy[Any]] = {
    str: _TEXT,
    int: st.integers(-3, 10**12),
    bool: st.booleans(),
    type(None): st.none(),
    dt.date: st.dates(),
    dt.datetime: st.datetimes(timezones=st.just(dt.UTC)),
}


def _of(hint: Any) -> st.SearchStrategy[Any]:
    """Values of a field's type: models with every field drawn, tuples, unions, plain values."""
    if attrs.has(hint):
        return st.deferred(lambda: _model(hint))
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple:
        return st.lists(_of(args[0]), max_size=3).map(tuple)
    if args:
        return st.one_of([_of(a) for a in args])
    return _PLAIN[hint]


def _model(cls: type) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    return st.builds(cls, *[_of(hints[a.name]) for a in attrs.fields(cls)])


_ANY_MODEL = st.one_of([_model(cls) for cls in CLASSES])


@given(_ANY_MODEL)
def test_a_model_pickles_as_its_class_and_its_field_values_in_order(obj: Any) -> None:
    # every field drawn, so that a value read from the wrong field, or left out, shows
    cls = type(obj)
    reduced = copyreg.dispatch_table[cls](obj)
    assert reduced == (cls, tuple(getattr(obj, a.name) for a in attrs.fields(cls)))
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        again = pickle.loads(pickle.dumps(obj, protocol))
        assert again == obj and type(again) is cls
    assert copy.copy(obj) == obj and copy.deepcopy(obj) == obj


@given(st.lists(st.deferred(lambda: _model(Result)), max_size=4))
def test_a_pool_batch_reads_back_as_the_results_sent(results: list[Result]) -> None:
    key, got = pickle.loads(pickle.dumps((7, results), pickle.HIGHEST_PROTOCOL))
    assert key == 7 and got == results
    assert [type(r.cable) for r in got] == [type(r.cable) for r in results]
