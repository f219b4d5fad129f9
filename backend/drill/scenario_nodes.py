"""Reading YAML nodes (from ``yaml.compose``) field by field, so that every problem names its line.

``Fields`` wraps one mapping: typed getters report a missing field, a wrong type or a bad value with the
line of the value; ``finish`` reports the keys nobody asked for, with a suggestion for a misspelling.
Problems go to an ``Issues`` list and reading goes on, so one pass finds them all.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping

import yaml
from yaml.constructor import SafeConstructor

from backend.drill.scenario_model import ScenarioIssue
from backend.drill.scenario_times import parse_duration

MAX_ISSUES = 50
MAX_TEXT = 4000  # as intake.submit and case descriptions
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_CONSTRUCT = SafeConstructor.yaml_constructors
_constructor = SafeConstructor()


class Issues:
    """The problems found so far, in the order found; beyond MAX_ISSUES they are only counted."""

    def __init__(self) -> None:
        self.found: list[ScenarioIssue] = []
        self.more = 0

    def add(self, line: int, message: str) -> None:
        if len(self.found) < MAX_ISSUES:
            self.found.append(ScenarioIssue(line, message))
        else:
            self.more += 1

    def __bool__(self) -> bool:
        return bool(self.found)


def line_of(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return repr(node.value)


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL


def scalar_value(node: yaml.ScalarNode) -> object:
    """The YAML 1.1 value of a plain scalar: bool, int, float, None, else its text."""
    if node.tag in (_NULL, _BOOL, _INT, _FLOAT):
        return _CONSTRUCT[node.tag](_constructor, node)
    return node.value


def suggestion(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """`` (did you mean 'x'?)`` for a close choice, else empty."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f" (did you mean {close[0]!r}?)" if close else ""


class Fields:
    """One YAML mapping being read. ``where`` names it in messages ("inject c7 (call)"; empty at the
    top of the file).

    Attributes:
        line: the mapping's line; ok: it is a mapping at all.
        refs: (key, inject id, line) of every reference to an inject read by ``ref``, shared with the
            mappings read inside this one, for checking once all injects are known.
    """

    def __init__(
        self, node: yaml.Node, issues: Issues, where: str = "", refs: list[tuple[str, str, int]] | None = None
    ) -> None:
        self.issues = issues
        self.where = where
        self.refs = refs if refs is not None else []
        self.line = line_of(node)
        self._values: dict[str, yaml.Node] = {}
        self._key_lines: dict[str, int] = {}
        self._known: set[str] = set()
        self._missing: set[str] = set()  # required keys that are not there
        self.ok = isinstance(node, yaml.MappingNode)
        if not self.ok:
            self.problem_at(self.line, f"must be a mapping of keys and values, not {describe(node)}")
            return
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem_at(line_of(key_node), f"a key must be a word, not {describe(key_node)}")
                continue
            key = str(key_node.value)
            if key in self._values:
                self.problem_at(line_of(key_node), f"key {key!r} appears twice")
                continue
            self._values[key] = value_node
            self._key_lines[key] = line_of(key_node)

    # --- reporting ----------------------------------------------------------------------------------

    def problem_at(self, line: int, message: str) -> None:
        self.issues.add(line, f"{self.where}: {message}" if self.where else message)

    def problem(self, key: str, message: str) -> None:
        """A problem of ``key``'s value, on its line (the mapping's line when it is absent)."""
        node = self._values.get(key)
        self.problem_at(line_of(node) if node is not None else self.line, message)

    def finish(self) -> None:
        """Report the keys that no getter asked for."""
        for key, line in self._key_lines.items():
            if key not in self._known:
                place = f" in {self.where}" if self.where else ""
                # A misspelt key is most likely a required one that is missing.
                near = suggestion(key, self._missing, 0.5) or suggestion(key, self._known)
                self.issues.add(line, f"unknown key {key!r}{place}{near}")

    # --- getters ------------------------------------------------------------------------------------

    def has(self, key: str) -> bool:
        self._known.add(key)
        node = self._values.get(key)
        return node is not None and not is_null(node)

    def line_at(self, key: str) -> int:
        node = self._values.get(key)
        return line_of(node) if node is not None else self.line

    def node(self, key: str, required: bool = False) -> yaml.Node | None:
        self._known.add(key)
        node = self._values.get(key)
        if node is None and required:
            self._missing.add(key)
        if node is None or is_null(node):
            if required:
                self.problem(key, f"{key} is missing" if node is None else f"{key} has no value")
            return None
        return node

    def _scalar(self, key: str, required: bool, what: str) -> object:
        node = self.node(key, required)
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(key, f"{key} must be {what}, not {describe(node)}")
            return None
        return scalar_value(node)

    def text(self, key: str, required: bool = False, limit: int = MAX_TEXT) -> str:
        """Trimmed text ("" when absent). A plain number is taken as written (phone numbers, codes)."""
        node = self.node(key, required)
        if node is None:
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(key, f"{key} must be text, not {describe(node)}")
            return ""
        value = str(node.value).strip()
        if required and not value:
            self.problem(key, f"{key} is empty")
        if len(value) > limit:
            self.problem(key, f"{key} is longer than {limit} characters")
        return value

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        """One text or a list of texts."""
        node = self.node(key, required)
        if node is None:
            return ()
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        out = []
        for item in items:
            if not isinstance(item, yaml.ScalarNode) or is_null(item) or not str(item.value).strip():
                self.problem_at(line_of(item), f"{key} must be text or a list of texts, not {describe(item)}")
                continue
            out.append(str(item.value).strip())
        if required and not out and isinstance(node, yaml.SequenceNode):
            self.problem(key, f"{key} is an empty list")
        return tuple(out)

    def number(
        self, key: str, required: bool = False, minimum: float | None = None, positive: bool = False
    ) -> float | None:
        value = self._scalar(key, required, "a number")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.problem(key, f"{key} must be a number, not {value!r}")
            return None
        if positive and value <= 0:
            self.problem(key, f"{key} must be more than 0, not {value!r}")
            return None
        if minimum is not None and value < minimum:
            self.problem(key, f"{key} must be at least {minimum:g}, not {value!r}")
            return None
        return float(value)

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._scalar(key, False, "true or false")
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, f"{key} must be true or false, not {value!r}")
            return default
        return value

    def duration(self, key: str, required: bool = False, numbers_ok: bool = True) -> float | None:
        """Seconds of a time like ``2m30s`` (or a number of seconds when ``numbers_ok``)."""
        value = self._scalar(key, required, "a time")
        if value is None:
            return None
        seconds = parse_duration(value, numbers_ok)
        if seconds is None:
            like = "2m30s or a number of seconds" if numbers_ok else "30m or 1h30m"
            self.problem(key, f"{key} must be like {like}, not {str(value)!r}")
        return seconds

    def choice(
        self,
        key: str,
        choices: Iterable[str],
        required: bool = False,
        aliases: Mapping[str, str] | None = None,
    ) -> str | None:
        """One of ``choices`` (an alias stands for its value)."""
        value = self.text(key, required)
        aliases = aliases or {}
        if not value:
            return None
        if value in aliases:
            return aliases[value]
        allowed = list(choices)
        if value not in allowed:
            words = ", ".join([*allowed, *aliases])
            self.problem(key, f"{key} must be one of {words}, not {value!r}{suggestion(value, allowed)}")
            return None
        return value

    def ref(self, key: str, required: bool = False) -> str | None:
        """The id of another inject, remembered in ``refs``."""
        target = self.text(key, required)
        if target:
            self.refs.append((key, target, self.line_at(key)))
        return target or None

    def child(self, node: yaml.Node) -> Fields:
        """A mapping inside this one, named like it, sharing its references."""
        return Fields(node, self.issues, self.where, self.refs)

    def mapping(self, key: str, required: bool = False) -> Fields | None:
        node = self.node(key, required)
        return None if node is None else self.child(node)

    def ignore_rest(self) -> None:
        """Take every key as known (when the kind that would say which keys belong is not known)."""
        self._known.update(self._key_lines)

    def sequence(self, key: str, required: bool = False) -> list[yaml.Node]:
        node = self.node(key, required)
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(key, f"{key} must be a list, not {describe(node)}")
            return []
        if required and not node.value:
            self.problem(key, f"{key} is an empty list")
        return list(node.value)
