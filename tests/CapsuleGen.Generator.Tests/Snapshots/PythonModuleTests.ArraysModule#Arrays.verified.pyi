# The module Arrays as CapsuleGen generated it from C#.
import sys as _sys
from typing import Any as _Any, Protocol as _Protocol

if _sys.version_info >= (3, 13):
    from types import CapsuleType as _Capsule
else:
    _Capsule = _Any

if _sys.version_info >= (3, 12):
    from collections.abc import Buffer as _Buffer
else:
    from typing_extensions import Buffer as _Buffer

class _DLPackProducer(_Protocol):
    def __dlpack__(self, *, stream: int | None = None) -> _Capsule: ...
    def __dlpack_device__(self) -> tuple[int, int]: ...

# An array: anything with the buffer protocol (NumPy, array.array, bytes, memoryview) or with __dlpack__ (torch).
_Array = _Buffer | _DLPackProducer

# capsulegen.DLPackTensor: memory from C#, read with numpy.from_dlpack, torch.from_dlpack or memoryview.
class _DLPackTensor(_Protocol):
    def __dlpack__(self, *, stream: int | None = None, max_version: tuple[int, int] | None = None, dl_device: tuple[int, int] | None = None, copy: bool | None = None) -> _Capsule: ...
    def __dlpack_device__(self) -> tuple[int, int]: ...
    def __buffer__(self, flags: int, /) -> memoryview: ...

def sum(values: _Array) -> float: ...

def scale(values: _Array, factor: float = 2.0) -> None: ...

def trace(matrix: _Array, valuesArray: _Array, mask: _Array | None = None) -> float: ...

def arange(count: int) -> _DLPackTensor: ...
