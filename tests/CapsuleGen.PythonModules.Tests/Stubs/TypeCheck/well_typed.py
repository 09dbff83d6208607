# What a user writes against the installed wheels: pyright, reading their stubs, finds no error here.
from typing import assert_type
import array
import CppDuck, Bird, Tensors

duck = CppDuck.Duck("Donald", volume=3)
assert_type(duck.quack(times=2), str)
assert_type(duck.volume, int)
duck.volume = 5
assert_type(CppDuck.Duck.hatch("Daisy"), CppDuck.Duck)
assert_type(CppDuck.louder(duck, None), CppDuck.Duck)
Bird.setQuack(duck.quacker())
Bird.setQuack(CppDuck.quacker)
Bird.callQuack()
assert_type(Tensors.total(array.array("d", [1.0])), float)
Tensors.fill_range(bytearray(8), step=2.0)
view = memoryview(Tensors.squares(2, 3))
