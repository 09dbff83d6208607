# The module Releasing as CapsuleGen generated it from C#.
import sys as _sys
from typing import Any as _Any

if _sys.version_info >= (3, 13):
    from types import CapsuleType as _Capsule
else:
    _Capsule = _Any

def Wait(milliseconds: int) -> None: ...

def sum(result: _Capsule | None, released: str, count: int = 3) -> str | None: ...

def Held(x: float) -> float: ...
