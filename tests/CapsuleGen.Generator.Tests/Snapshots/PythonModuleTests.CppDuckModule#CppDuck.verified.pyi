"The seed's duck, as a Python module."

# The module CppDuck as CapsuleGen generated it from C#.
import sys as _sys
from typing import Any as _Any

if _sys.version_info >= (3, 13):
    from types import CapsuleType as _Capsule
else:
    _Capsule = _Any

honker: _Capsule
quacker: _Capsule

def getQuack() -> _Capsule:
    "The quack, in a capsule named \"quacker\"."

def square(x: float) -> float:
    "Squares x in C#, as Square does for native callers."
