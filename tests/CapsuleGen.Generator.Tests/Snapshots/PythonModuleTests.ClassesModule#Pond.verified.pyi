# The module Pond as CapsuleGen generated it from C#.
import sys as _sys
from typing import Any as _Any

if _sys.version_info >= (3, 13):
    from types import CapsuleType as _Capsule
else:
    _Capsule = _Any

quacker: _Capsule

def louder(first: Duck, second: Duck | None = None) -> Duck:
    "The louder duck."

class Duck:
    "A duck."
    def __init__(self, name: str, *, volume: int = 1) -> None: ...
    @property
    def name(self) -> str:
        "Its name."
    @property
    def volume(self) -> int: ...
    @volume.setter
    def volume(self, value: int) -> None: ...
    @property
    def mate(self) -> Duck | None: ...
    @mate.setter
    def mate(self, value: Duck | None) -> None: ...
    @property
    def born(self) -> str: ...
    def quack(self, times: int = 1) -> str:
        "Quacks."
    def quacker(self) -> _Capsule: ...
    @staticmethod
    def hatch(name: str) -> Duck: ...
    def pair(self, other: Duck, /) -> Duck | None: ...

class Egg:
    "Made only by the module."
    @property
    def weight(self) -> float: ...
    @weight.setter
    def weight(self, value: float) -> None: ...
    @staticmethod
    def lay() -> Egg: ...

class Point:
    def __init__(self, X: float, Y: float) -> None: ...
    @property
    def x(self) -> float: ...
    def norm(self) -> float: ...
