# The module Deprecated as CapsuleGen generated it from C#.
import sys as _sys
from typing import Any as _Any

if _sys.version_info >= (3, 13):
    from types import CapsuleType as _Capsule
else:
    _Capsule = _Any

_dated_API: _Capsule
_retired_API: _Capsule
_trial_API: _Capsule
stale: _Capsule

def gone() -> int: ...

def old() -> int: ...

def dated() -> int: ...

def trial(x: float = 1.5) -> int: ...
