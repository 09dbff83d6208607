"""NumPy, torch and a C# module sharing memory, as the README's "Arrays and tensors" shows.

usage: python3 tensors.py MODULE_DIRECTORY   (where 'dotnet publish' put Tensors.so)
"""
import sys

sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else "artifacts/python-modules")

import numpy
import torch

import Tensors

# NumPy makes the buffer; C# fills it through a Span<double>, in place.
buffer = numpy.zeros(6)
Tensors.fill_range(buffer, step=0.5)
print("filled by C#:", buffer)

# torch takes the same memory through DLPack (no copy): a write there shows in NumPy.
shared = torch.utils.dlpack.from_dlpack(buffer)
shared[0] = 100.0
print("written by torch, read by NumPy:", buffer[0])
print("summed by C#:", Tensors.total(buffer), "=", float(shared.sum()))
print("a torch tensor to C# through DLPack:", Tensors.total(torch.arange(4, dtype=torch.float64)))

# A strided view goes to C# as it is: the diagonal of a transposed matrix.
matrix = numpy.arange(9.0).reshape(3, 3)
print("trace of the transpose:", Tensors.trace(matrix.T))

# C# returns a new tensor in .NET memory; NumPy and torch read it without a copy.
squares = Tensors.squares(2, 3)
as_numpy = numpy.asarray(squares)
as_torch = torch.utils.dlpack.from_dlpack(squares)
as_torch[1, 2] = -1.0
print("C#'s memory, seen by NumPy after torch wrote to it:")
print(as_numpy)

# Mistakes are Python exceptions that name the function, the parameter, and what was expected.
for mistake in (lambda: Tensors.fill_range(numpy.arange(3)), lambda: Tensors.fill_range(numpy.zeros(6)[::2])):
    try:
        mistake()
    except (TypeError, ValueError) as error:
        print(f"{type(error).__name__}: {error}")
