"""The names ``import dutygraph as dg`` promises: exactly these, each one importable (as httpx tests its
``__all__``), so a move inside the package cannot silently break a notebook."""

from __future__ import annotations

import importlib
import inspect

import pytest

import dutygraph as dg

EXPORTED = {
    "__version__",
    "parse_file",
    "parse_text",
    "Store",
    "load_files",
    "read_snapshot",
    "analyse",
    "Analysis",
    "Settings",
    "analysis_of",
    "run_job",
    "write_network_page",
    "view_graph",
    "DutygraphError",
    "InputError",
    "StoreError",
    "ServerError",
    "InternalError",
}


def test_all_lists_exactly_the_public_names() -> None:
    assert set(dg.__all__) == EXPORTED
    assert len(dg.__all__) == len(EXPORTED)  # no name twice


@pytest.mark.parametrize("name", sorted(EXPORTED - {"__version__"}))
def test_every_exported_name_resolves_to_a_public_object(name: str) -> None:
    value = getattr(dg, name)
    assert inspect.isclass(value) or inspect.isfunction(value), name
    assert not value.__module__.split(".")[-1].startswith("_"), value.__module__
    assert value.__name__ == name


def test_star_import_gives_the_exported_names() -> None:
    namespace: dict[str, object] = {}
    exec("from dutygraph import *", namespace)
    assert set(namespace) >= EXPORTED


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = dg.nothing_here


@pytest.mark.parametrize("module", ["dutygraph.viz"])
def test_package_all_names_exist(module: str) -> None:
    package = importlib.import_module(module)
    for name in package.__all__:
        assert hasattr(package, name), f"{module}.{name}"
