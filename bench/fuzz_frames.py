"""Frames for the fuzzer: random bytes, mutated valid frames, and requests of every registered type with
payloads generated from their msgspec schemas (values of the right type, the wrong type, or edge cases)."""

from __future__ import annotations

import json
import random
from typing import Any

import msgspec
from msgspec import inspect as mi

from client_api.registry import REQUESTS

SKIP = frozenset({"logout"})  # would end the fuzzing session's login; every other type is fair game
TYPES = sorted(t for t in REQUESTS if t not in SKIP)
STRINGS = [
    *("", " ", "E0101", "D-CG", "320999001", "operator1", "滨江路88号", "\u0000", "\ud7ff", "a" * 3000),
    *("'; DROP TABLE cases; --", "null", "-1", "satisfied", "general", "same_incident", "hours", "😀" * 10),
]
NUMBERS = [0, 1, -1, 2, 7, 2**31, -(2**63), 2**63 - 1, 10**20, 1.5, -0.0, 1e308]
WILD: list[Any] = [None, True, False, [], {}, "x", 0, -1, 2**64, 3.25, [1, "a"], {"a": 1}]


class FrameMaker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.counter = 0
        self._infos = {t: mi.type_info(REQUESTS[t][0]) for t in TYPES}

    def frame(self) -> tuple[bytes, str]:
        """One frame and the request type it pretends to be."""
        self.counter += 1
        roll = self.rng.random()
        type_ = self.rng.choice(TYPES)
        if roll < 0.05:
            return self.rng.randbytes(self.rng.randrange(0, 200)), type_
        envelope: dict[str, Any] = {"v": 1, "kind": "req", "type": type_, "id": f"f{self.counter}", "ts": 1.0,
                                    "payload": self.value(self._infos[type_], depth=0)}  # fmt: skip
        if self.rng.random() < 0.3:
            envelope["key"] = self.rng.choice([f"k{self.counter}", "", "x" * 100, "\u00e9"])
        if roll < 0.15:
            return self.mutate(json.dumps(envelope).encode()), type_
        if roll < 0.22:
            field = self.rng.choice(["v", "kind", "type", "id", "ts", "payload"])
            envelope[field] = self.rng.choice(WILD)
        return msgspec.json.encode(envelope), type_

    def mutate(self, data: bytes) -> bytes:
        buf = bytearray(data)
        for _ in range(self.rng.randrange(1, 4)):
            op = self.rng.random()
            if op < 0.3 and buf:
                del buf[self.rng.randrange(len(buf)) :]
            elif op < 0.7 and buf:
                buf[self.rng.randrange(len(buf))] ^= 1 << self.rng.randrange(8)
            else:
                buf.insert(self.rng.randrange(len(buf) + 1), self.rng.choice(b'{}[]",:\\0e-'))
        return bytes(buf)

    def value(self, info: mi.Type, depth: int) -> Any:
        rng = self.rng
        if rng.random() < 0.04 or depth > 4:
            return rng.choice(WILD)
        if isinstance(info, mi.StructType):
            fields = {}
            for f in info.fields:
                if f.required or rng.random() < 0.6:
                    if rng.random() < 0.03:
                        continue  # a required field missing
                    fields[f.encode_name] = self.value(f.type, depth + 1)
            if rng.random() < 0.03:
                fields["unexpected"] = 1
            return fields
        if isinstance(info, mi.UnionType):
            return self.value(rng.choice(info.types), depth)
        if isinstance(info, (mi.ListType, mi.VarTupleType, mi.SetType, mi.FrozenSetType)):
            return [self.value(info.item_type, depth + 1) for _ in range(rng.choice([0, 1, 2, 3, 40]))]
        if isinstance(info, mi.DictType):
            return {str(k): self.value(info.value_type, depth + 1) for k in range(rng.randrange(3))}
        if isinstance(info, mi.StrType):
            return rng.choice(STRINGS)
        if isinstance(info, mi.BoolType):
            return rng.random() < 0.5
        if isinstance(info, mi.IntType):
            return rng.choice([n for n in NUMBERS if isinstance(n, int)] + [rng.randrange(-5, 200)])
        if isinstance(info, mi.FloatType):
            return rng.choice([*NUMBERS, rng.uniform(-1e3, 2e9)])
        if isinstance(info, mi.NoneType):
            return None
        if isinstance(info, mi.LiteralType):
            return rng.choice(list(info.values))
        return rng.choice(WILD)
