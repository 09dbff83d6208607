# The module Bird as CapsuleGen generated it from C#.
import sys as _sys
from typing import Any as _Any

if _sys.version_info >= (3, 13):
    from types import CapsuleType as _Capsule
else:
    _Capsule = _Any

def setQuack(quack: _Capsule) -> None: ...

def callQuack() -> None: ...
