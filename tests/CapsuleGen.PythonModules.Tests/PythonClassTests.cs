namespace CapsuleGen.PythonModules.Tests;

/// <summary>
/// The sample's <c>CppDuck.Duck</c>, a <c>[PythonClass]</c>, in a real python3: every member, and every
/// message a wrong use gets, exactly.
/// </summary>
public sealed class PythonClassTests
{
    [Fact]
    public async Task The_type_is_named_for_its_module_and_shows_its_constructors_signature_and_summary()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import inspect, CppDuck
            from CppDuck import Duck
            print(Duck, Duck.__module__, Duck.__qualname__, inspect.signature(Duck))
            print(Duck.__doc__)
            print(inspect.signature(Duck('Donald').quack), inspect.signature(Duck.hatch), inspect.signature(Duck('Donald').quacker))
            print(Duck.quack.__doc__)
            """);

        Assert.Equal(
            "<class 'CppDuck.Duck'> CppDuck Duck (name, volume=1)\n" +
            "A duck with a name and a voice: the Python type CppDuck.Duck, whose objects each own one of these.\n" +
            "(times=1) (name) ()\n" +
            "The duck's quack, as often as asked, louder above volume 5.\n",
            output);
    }

    [Fact]
    public async Task Constructor_properties_methods_and_repr_work_as_declared_in_CSharp()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            from CppDuck import Duck
            d = Duck('Donald', volume=3)
            print(repr(d), str(d), d.name, d.volume)
            print(d.quack(), '|', d.quack(times=2), '|', d.quack(0), '|')
            d.volume = 7
            print(d.volume, d.quack(2))
            print(Duck.hatch('Huey'), Duck.hatch(name='Dewey').volume, Duck('Louie', 2))
            q = d.quacker()
            print(type(q).__name__, 'quacker' in repr(q))
            """);

        Assert.Equal(
            "Duck('Donald', volume=3) Duck('Donald', volume=3) Donald 3\n" +
            "Quack! | Quack! Quack! |  |\n" +
            "7 QUACK! QUACK!\n" +
            "Duck('Huey', volume=0) 0 Duck('Louie', volume=2)\n" +
            "PyCapsule True\n",
            output);
    }

    [Fact]
    public async Task A_method_returns_the_modules_capsule_which_the_bird_binds()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import sys, CppDuck, Bird
            Bird.setQuack(CppDuck.Duck('Donald').quacker())
            sys.stdout.flush()
            Bird.callQuack()
            """);

        Assert.Equal("C# Quack\n", output);
    }

    [Fact]
    public async Task Wrong_arguments_values_and_attributes_get_CPythons_exceptions_and_words()
    {
        string output = await PythonProcess.RunScriptAsync(PythonProcess.Attempt +
            """
            import CppDuck
            from CppDuck import Duck
            d = Duck('Donald')
            attempt(lambda: Duck())
            attempt(lambda: Duck(1))
            attempt(lambda: Duck('a', 2, 3))
            attempt(lambda: Duck('a', loudness=2))
            attempt(lambda: Duck('a', 11))
            attempt(lambda: d.quack(-1))
            attempt(lambda: d.quack('twice'))
            attempt(lambda: setattr(d, 'volume', 11))
            attempt(lambda: setattr(d, 'volume', 'loud'))
            attempt(lambda: setattr(d, 'name', 'Daisy'))
            attempt(lambda: delattr(d, 'volume'))
            attempt(lambda: delattr(d, 'name'))
            attempt(lambda: setattr(d, 'color', 'white'))
            attempt(lambda: setattr(Duck, 'color', 'white'))
            attempt(lambda: Duck.quack(3))
            print(d.volume)
            """);

        Assert.Equal(
            "TypeError: CppDuck.Duck() missing 1 required positional argument: 'name'\n" +
            "TypeError: CppDuck.Duck() argument 'name' must be str, not int\n" +
            "TypeError: CppDuck.Duck() takes from 1 to 2 positional arguments but 3 were given\n" +
            "TypeError: CppDuck.Duck() got an unexpected keyword argument 'loudness'\n" +
            "ValueError: A duck's volume is 0 to 10, not 11. (Parameter 'Volume')\n" +
            "ValueError: A duck cannot quack -1 times. (Parameter 'times')\n" +
            "TypeError: CppDuck.Duck.quack() argument 'times' must be int, not str\n" +
            "ValueError: A duck's volume is 0 to 10, not 11. (Parameter 'Volume')\n" +
            "TypeError: CppDuck.Duck.volume() argument 'value' must be int, not str\n" +
            "AttributeError: attribute 'name' of 'CppDuck.Duck' objects is not writable\n" +
            "TypeError: cannot delete attribute 'volume' of 'CppDuck.Duck' objects\n" +
            "AttributeError: attribute 'name' of 'CppDuck.Duck' objects is not writable\n" +
            "AttributeError: 'CppDuck.Duck' object has no attribute 'color'\n" +
            "TypeError: cannot set 'color' attribute of immutable type 'CppDuck.Duck'\n" +
            "TypeError: descriptor 'quack' for 'CppDuck.Duck' objects doesn't apply to a 'int' object\n" +
            "1\n",
            output);
    }

    [Fact]
    public async Task Instances_cross_module_functions_and_None_stands_for_null_only_where_the_parameter_is_nullable()
    {
        string output = await PythonProcess.RunScriptAsync(PythonProcess.Attempt +
            """
            import CppDuck
            from CppDuck import Duck
            d = Duck('Donald', 3)
            print(CppDuck.louder(d), CppDuck.louder(d, Duck('Daisy', 9)), CppDuck.louder(d, None), CppDuck.louder(second=d, first=Duck('Daisy')))
            attempt(lambda: CppDuck.louder(3))
            attempt(lambda: CppDuck.louder(d, 'Daisy'))
            attempt(lambda: CppDuck.louder(None))
            attempt(lambda: CppDuck.louder(Duck))
            """);

        Assert.Equal(
            "Duck('Donald', volume=3) Duck('Daisy', volume=9) Duck('Donald', volume=3) Duck('Donald', volume=3)\n" +
            "TypeError: CppDuck.louder() argument 'first' must be CppDuck.Duck, not int\n" +
            "TypeError: CppDuck.louder() argument 'second' must be CppDuck.Duck or None, not str\n" +
            "TypeError: CppDuck.louder() argument 'first' must be CppDuck.Duck, not NoneType\n" +
            "TypeError: CppDuck.louder() argument 'first' must be CppDuck.Duck, not type\n",
            output);
    }

    [Fact]
    public async Task Python_cannot_subclass_the_type()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            from CppDuck import Duck
            try:
                class Mallard(Duck):
                    pass
            except TypeError as error:
                print(error)
            try:
                type('Mallard', (Duck,), {})
            except TypeError as error:
                print(error)
            """);

        Assert.Equal("type 'CppDuck.Duck' is not an acceptable base type\ntype 'CppDuck.Duck' is not an acceptable base type\n", output);
    }
}
