namespace CapsuleGen.PythonModules.Tests;

/// <summary>
/// The ClassEdges fixture's types in a real python3: ownership counted on both sides, threads, members
/// that throw, equality and hashing, re-imports, cycles and interpreter exit. Each script runs in a
/// child process, so a crash or a hang fails one test.
/// </summary>
public sealed class PythonClassEdgeTests
{
    [Fact]
    public async Task A_million_objects_made_and_dropped_leave_no_NET_object_alive_and_no_reference_behind()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import gc, sys, ClassEdges
            from ClassEdges import Counted
            print('alive before:', ClassEdges.live())
            type_references = sys.getrefcount(Counted)
            tracked = len(gc.get_objects())
            for i in range(1_000_000):
                Counted(i).add(1)
            for i in range(1000):
                ClassEdges.same(Counted(i)).doubled()
            kept = [Counted(i) for i in range(1000)]
            print('alive while 1,000 are kept:', ClassEdges.live())
            print('tracked by gc:', gc.is_tracked(kept[0]))
            del kept
            print('alive after:', ClassEdges.live())
            print('references to the type added:', sys.getrefcount(Counted) - type_references)
            print('objects the collector tracks added:', len(gc.get_objects()) - tracked < 100)
            """);

        Assert.Equal(
            "alive before: 0\nalive while 1,000 are kept: 1000\ntracked by gc: False\nalive after: 0\nreferences to the type added: 0\nobjects the collector tracks added: True\n",
            output);
    }

    [Fact]
    public async Task Eight_threads_make_call_and_drop_objects_at_once_each_keeping_its_own_values()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import threading, ClassEdges
            from ClassEdges import Counted
            errors = []
            def work(seed):
                try:
                    mine = [Counted(seed * 1000 + i) for i in range(200)]
                    for round in range(50):
                        for i, c in enumerate(mine):
                            c.add(1)
                            if c.value != seed * 1000 + i + round + 1:
                                errors.append((seed, i, c.value))
                        # the GIL is released here: other threads run while this one sums
                        if mine[0].slow_sum(20_000) != 200_010_000 + mine[0].value:
                            errors.append((seed, 'slow_sum'))
                        ClassEdges.same(Counted.of(seed)).doubled()
                except Exception as error:
                    errors.append(error)
            threads = [threading.Thread(target=work, args=(seed,)) for seed in range(8)]
            for t in threads: t.start()
            for t in threads: t.join()
            print('errors:', errors)
            print('alive after:', ClassEdges.live())
            """);

        Assert.Equal("errors: []\nalive after: 0\n", output);
    }

    [Fact]
    public async Task A_returned_object_is_a_new_Python_object_owning_the_same_NET_object_and_null_is_None()
    {
        string output = await PythonProcess.RunScriptAsync(PythonProcess.Attempt +
            """
            import ClassEdges
            from ClassEdges import Counted
            c = Counted(5)
            same = ClassEdges.same(c)
            print(same is c, same == c, hash(same) == hash(c), same != c)
            same.add(1)
            print(c.value)
            print(ClassEdges.maybe(), ClassEdges.maybe(None), ClassEdges.maybe(c) == c, ClassEdges.broken_promise())
            print(c == Counted(5), c == 5, c != 'x')
            attempt(lambda: c < c)
            attempt(lambda: ClassEdges.same(None))
            attempt(lambda: ClassEdges.same(ClassEdges.Holder()))
            attempt(lambda: ClassEdges.maybe(counted=3))
            """);

        Assert.Equal(
            "False True True False\n6\nNone None True None\nFalse False True\n" +
            "TypeError: '<' not supported between instances of 'ClassEdges.Counted' and 'ClassEdges.Counted'\n" +
            "TypeError: ClassEdges.same() argument 'counted' must be ClassEdges.Counted, not NoneType\n" +
            "TypeError: ClassEdges.same() argument 'counted' must be ClassEdges.Counted, not ClassEdges.Holder\n" +
            "TypeError: ClassEdges.maybe() argument 'counted' must be ClassEdges.Counted or None, not int\n",
            output);
    }

    [Fact]
    public async Task Equals_and_GetHashCode_make_eq_and_hash_and_a_hash_of_minus_one_becomes_minus_two()
    {
        string output = await PythonProcess.RunScriptAsync(PythonProcess.Attempt +
            """
            from ClassEdges import Valued
            print(Valued(3) == Valued(3), Valued(3) != Valued(3), Valued(3) == Valued(4), Valued(3) != Valued(4))
            print(hash(Valued(5)), hash(Valued(-1)), hash(Valued(-2)), len({Valued(1), Valued(1), Valued(2)}))
            print(Valued(1) == 1, Valued(1) in [1, Valued(1)])
            print(repr(Valued(7)), str(Valued(7)))
            attempt(lambda: repr(Valued(0)))
            attempt(lambda: setattr(Valued(1), 'value', 2))
            """);

        Assert.Equal(
            "True False False True\n5 -2 -2 2\nFalse True\nValued(7) Valued(7)\n" +
            "TypeError: __repr__ returned non-string (type NoneType)\n" +
            "AttributeError: attribute 'value' of 'ClassEdges.Valued' objects is not writable\n",
            output);
    }

    [Fact]
    public async Task An_exception_from_any_member_becomes_the_Python_exception_a_module_function_would_raise()
    {
        string output = await PythonProcess.RunScriptAsync(PythonProcess.Attempt +
            """
            from ClassEdges import Thrower
            t = Thrower()
            attempt(lambda: Thrower(True))
            attempt(lambda: Thrower(fail=True))
            attempt(lambda: t.broken)
            attempt(lambda: setattr(t, 'broken', 1))
            attempt(lambda: t.fail())
            attempt(lambda: Thrower.fail_static())
            attempt(lambda: t.fail_static())
            attempt(lambda: repr(t))
            attempt(lambda: str(t))
            attempt(lambda: t == t)
            attempt(lambda: t != Thrower())
            attempt(lambda: hash(t))
            attempt(lambda: {t})
            print('still running')
            """);

        Assert.Equal(
            "RuntimeError: System.InvalidOperationException: constructor failed\n" +
            "RuntimeError: System.InvalidOperationException: constructor failed\n" +
            "RuntimeError: System.NotSupportedException: getter failed\n" +
            "ValueError: setter failed\n" +
            "KeyError: 'method failed'\n" +
            "ZeroDivisionError: static method failed\n" +
            "ZeroDivisionError: static method failed\n" +
            "TypeError: ToString failed\n" +
            "TypeError: ToString failed\n" +
            "OverflowError: Equals failed\n" +
            "OverflowError: Equals failed\n" +
            "IndexError: GetHashCode failed\n" +
            "IndexError: GetHashCode failed\n" +
            "still running\n",
            output);
    }

    [Fact]
    public async Task No_instance_without_a_NET_object_can_be_made_and_a_class_without_a_public_constructor_is_made_only_by_the_module()
    {
        string output = await PythonProcess.RunScriptAsync(PythonProcess.Attempt +
            """
            import copy, pickle, ClassEdges
            from ClassEdges import Hidden, Chosen, Counted
            attempt(lambda: Hidden())
            attempt(lambda: Hidden.__new__(Hidden))
            attempt(lambda: object.__new__(Counted))
            attempt(lambda: copy.copy(ClassEdges.make_hidden(1)))
            attempt(lambda: pickle.dumps(Counted()))
            print(ClassEdges.make_hidden(3).value)
            print(Chosen('quiet').how, Chosen('quiet', loud=True).how)
            attempt(lambda: Chosen())
            attempt(lambda: Chosen('x', True))
            """);

        Assert.Equal(
            "TypeError: cannot create 'ClassEdges.Hidden' instances\n" +
            "TypeError: object.__new__(ClassEdges.Hidden) is not safe, use ClassEdges.Hidden.__new__()\n" +
            "TypeError: object.__new__(ClassEdges.Counted) is not safe, use ClassEdges.Counted.__new__()\n" +
            "TypeError: cannot pickle 'ClassEdges.Hidden' object\n" +
            "TypeError: cannot pickle 'ClassEdges.Counted' object\n" +
            "3\n" +
            "quiet QUIET\n" +
            "TypeError: ClassEdges.Chosen() missing 1 required positional argument: 'how'\n" +
            "TypeError: ClassEdges.Chosen() takes 1 positional argument but 2 were given\n",
            output);
    }

    [Fact]
    public async Task Every_module_object_offers_the_one_type_so_objects_outlive_del_sys_modules_and_pass_the_new_modules_checks()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import sys, importlib
            import ClassEdges as first
            kept = first.Counted(41)
            del sys.modules['ClassEdges']
            del first
            import ClassEdges as second
            print(second.Counted is kept.__class__, second.same(kept).add(1), kept.value)
            del sys.modules['ClassEdges']
            third = importlib.import_module('ClassEdges')
            print(third is second, third.Counted is second.Counted, third.same(second.Counted(1)).value)
            del kept
            print('alive after:', third.live())
            """);

        Assert.Equal("True 42 42\nFalse True 1\nalive after: 0\n", output);
    }

    [Fact]
    public async Task A_cycle_through_a_PyObject_a_NET_object_holds_is_a_leak_neither_collector_sees_until_the_object_lets_go()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import gc, ClassEdges
            from ClassEdges import Holder
            h = Holder()
            h.hold([1, 2])
            print(h.held())
            h.hold(h)                      # Python object -> GC handle -> Holder -> PyObject -> the same Python object
            print(h.held() is h)
            del h
            gc.collect()
            print('alive with the cycle:', ClassEdges.live())
            leaked = [o for o in gc.get_objects() if type(o) is Holder]
            print('found by gc:', len(leaked))

            broken = Holder()
            broken.hold(broken)
            broken.release()               # the .NET object lets go: nothing is left but Python's own reference
            del broken
            gc.collect()
            print('alive after release:', ClassEdges.live())
            """);

        Assert.Equal("[1, 2]\nTrue\nalive with the cycle: 1\nfound by gc: 0\nalive after release: 1\n", output);
    }

    [Fact]
    public async Task The_interpreter_exits_cleanly_with_objects_alive_cycles_included()
    {
        (int exitCode, string output) = await PythonProcess.RunAsync(
            null,
            "-c",
            """
            import ClassEdges
            from ClassEdges import Counted, Holder
            keep = [Counted(i) for i in range(10_000)]
            h = Holder()
            h.hold(h)
            other = Holder()
            other.hold(keep)
            globals()['late'] = Counted(1)
            print('exiting with', ClassEdges.live(), 'alive')
            """);

        Assert.Equal((0, "exiting with 10003 alive\n"), (exitCode, output));
    }

    [Fact]
    public async Task In_a_forked_child_every_member_refuses_to_run_and_dropping_objects_neither_hangs_nor_crashes()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import os, ClassEdges
            from ClassEdges import Counted, Valued
            c, v = Counted(1), Valued(2)
            read, write = os.pipe()
            child = os.fork()
            if child == 0:
                results = []
                for action in (lambda: c.add(1), lambda: c.value, lambda: Counted(3), lambda: hash(v), lambda: v == v, lambda: repr(v)):
                    try:
                        action()
                        results.append('ran')
                    except RuntimeError as error:
                        results.append(str(error).split(' cannot run')[0])
                del c, v
                os.write(write, ', '.join(results).encode())
                os._exit(0)
            os.close(write)
            _, status = os.waitpid(child, 0)
            print('child:', os.read(read, 4096).decode())
            print('child exit status:', status)
            print('parent:', c.add(1), v == Valued(2))
            """);

        Assert.Equal(
            "child: ClassEdges.Counted.add(), ClassEdges.Counted.value(), ClassEdges.Counted(), __hash__(), __eq__(), __repr__()\n" +
            "child exit status: 0\n" +
            "parent: 2 True\n",
            output);
    }
}
