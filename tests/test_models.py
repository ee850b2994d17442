"""The model classes: built, compared, copied and pickled as attrs classes are."""

from __future__ import annotations

import copy
import inspect
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from cableparse import models, parse
from cableparse.batch import Result

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "fixtures" / "pages").iterdir())
CLASSES = [getattr(models, name) for name in models.__all__] + [Result]


def _objects(value: Any) -> Iterator[Any]:
    """Every model object inside ``value``, ``value`` first."""
    if attrs.has(type(value)):
        yield value
        for a in attrs.fields(type(value)):
            yield from _objects(getattr(value, a.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _objects(item)


@pytest.fixture(scope="module")
def objects() -> list[Any]:
    found: list[Any] = []
    for page in PAGES:
        cable = parse(page.read_bytes())
        found.extend(_objects(Result(str(page), cable)))
    assert {type(o) for o in found} >= {models.Cable, models.Header, models.Paragraph, models.Addressee}
    return found


def test_objects_are_rebuilt_from_their_fields_by_position_and_keyword(objects: list[Any]) -> None:
    for o in objects:
        cls = type(o)
        values = [getattr(o, a.name) for a in attrs.fields(cls)]
        assert cls(*values) == o
        assert cls(**{a.alias: getattr(o, a.name) for a in attrs.fields(cls)}) == o
        assert attrs.evolve(o) == o


def test_objects_survive_pickle_and_copy(objects: list[Any]) -> None:
    for o in objects:
        again = pickle.loads(pickle.dumps(o, pickle.HIGHEST_PROTOCOL))
        assert again == o and type(again) is type(o)
        assert copy.copy(o) == o
        assert copy.deepcopy(o) == o
    cables = [o for o in objects if isinstance(o, models.Cable)]
    assert pickle.loads(pickle.dumps(cables)) == cables


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_defaults_signature_and_frozen(cls: type) -> None:
    fields = attrs.fields(cls)
    params = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in params] == [a.alias for a in fields]
    required = {a.alias: "x" for a in fields if a.default is attrs.NOTHING}
    built = cls(**required)
    for a in fields:
        if a.default is attrs.NOTHING:
            continue
        expected = a.default.factory() if isinstance(a.default, attrs.Factory) else a.default  # type: ignore[attr-defined]
        assert getattr(built, a.name) == expected
    # a factory gives each instance its own value
    if any(isinstance(a.default, attrs.Factory) for a in fields):
        assert cls(**required) == built
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(built, fields[0].name, "y")
    with pytest.raises(TypeError):
        cls(*(["x"] * (len(fields) + 1)))


def test_a_class_that_validates_keeps_attrs_init() -> None:
    @models._built_through_slots
    @attrs.frozen
    class Checked:
        value: int = attrs.field(validator=attrs.validators.instance_of(int))

    with pytest.raises(TypeError):
        Checked("not a number")  # type: ignore[arg-type]
    assert Checked(3).value == 3
