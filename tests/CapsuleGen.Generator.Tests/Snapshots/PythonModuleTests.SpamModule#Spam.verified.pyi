"Spam, with a C API for other extensions."

# The module Spam as CapsuleGen generated it from C#.
import sys as _sys
from typing import Any as _Any

if _sys.version_info >= (3, 13):
    from types import CapsuleType as _Capsule
else:
    _Capsule = _Any

_C_API: _Capsule

def count(items: int) -> int:
    "Counts in C#, as slot 0 does for C callers."

def api() -> _Capsule:
    "The C API, as PyCapsule_Import(\"Spam._C_API\") finds it."
