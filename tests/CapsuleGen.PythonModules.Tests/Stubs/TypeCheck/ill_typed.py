# Each line marked "error" is one pyright, reading the installed wheels' stubs, must report, and no other.
import CppDuck, Bird, Tensors
CppDuck.Duck()  # error: name is required
CppDuck.Duck("a", 3, 4)  # error: too many arguments
duck = CppDuck.Duck("a")
duck.name = "b"  # error: a read-only property
duck.quack(times="2")  # error: a str for an int
Bird.setQuack(3)  # error: an int for a capsule
Tensors.total([1.0, 2.0])  # error: a list is not a buffer
total: str = Tensors.total(b"")  # error: a float for a str
CppDuck.louder(3)  # error: an int for a Duck
CppDuck.Duck.quack(duck, 2)  # an instance method called through its type: fine
