namespace CapsuleGen.Python.Tests;

/// <summary>
/// Every way of getting a capsule gives a handle the caller may dispose without breaking anyone
/// else; Python's capsules are recognised as ours only while they really are; a capsule from
/// Python that .NET dropped is given back to Python on demand; text converts exactly, and what has
/// no .NET form is an error, not a placeholder. They run alone: one waits for CPython to reuse a freed
/// capsule's address, which an object another test allocates meanwhile can take.
/// </summary>
[Collection(ProcessWideCounts.Name)]
public sealed class OwnershipBridgeTests
{
    public OwnershipBridgeTests() => Requires.Python();

    [Fact]
    public void Using_on_every_kind_of_imported_capsule_leaves_the_exporters_capsule_fully_usable()
    {
        using PyObject module = CPython.Run(
            """
            import sys, types
            module = types.ModuleType("bridgeexports")
            sys.modules["bridgeexports"] = module
            """)["module"];
        using (Capsule exported = Doubler.TwiceCapsule)
        {
            module.SetAttr("twice", exported);
        }

        using (Doubler.TwiceCapsule)
        {
        }

        using (PyCapsules.Import("bridgeexports.twice"))
        {
        }

        using (PyObject pythonCapsule = module.GetAttr("twice"))
        using (PyCapsules.FromPython(pythonCapsule, "bridgeexports.twice"))
        {
        }

        CapsuleRegistry.Publish("bridgeexports.twice", Doubler.TwiceCapsule);
        try
        {
            using (CapsuleRegistry.Import("bridgeexports.twice"))
            {
            }

            Assert.True(CapsuleRegistry.TryImport("bridgeexports.twice", out Capsule? again));
            again.Dispose();
        }
        finally
        {
            CapsuleRegistry.Unpublish("bridgeexports.twice");
        }

        using Capsule capsule = Doubler.TwiceCapsule;
        Assert.Equal(42, new ITwice.Binding(capsule).Twice(21));
        using Capsule imported = PyCapsules.Import("bridgeexports.twice");
        Assert.True(capsule.RefersToSameCapsule(imported));
        Assert.Equal(42, new ITwice.Binding(imported).Twice(21));
        using PyObject backInPython = PyCapsules.ToPython(imported);
        Assert.False(capsule.WhenDestroyed.IsCompleted);
    }

    [Fact]
    public void A_capsule_whose_destructor_Python_replaced_is_not_mistaken_for_ours_when_its_address_is_reused()
    {
        using var ours = new Capsule(0x1234, "reuse.test");

        // A freed block comes back to the next object of its size unless its pool emptied and went to
        // another size: then another capsule of ours, in another pool, is tried.
        PyObject? reused = null;
        for (int attempt = 0; attempt < 10 && reused is null; attempt++)
        {
            using PyObject scope = ScopeHolding(ours);
            CapsuleApiScope.Run(
                """
                import sys
                api.PyCapsule_SetDestructor(capsule, None)
                name = ctypes.create_string_buffer(b"reuse.test")
                kept = []
                reused = None
                # No other thread may take the GIL (and the freed block) between the del and the loop.
                interval = sys.getswitchinterval()
                sys.setswitchinterval(60)
                try:
                    old_address = id(capsule)
                    del capsule
                    for attempt in range(100000):
                        candidate = api.PyCapsule_New(0x5678, name, None)
                        if id(candidate) == old_address:
                            reused = candidate
                            break
                        kept.append(candidate)
                finally:
                    sys.setswitchinterval(interval)
                """,
                scope);
            PyObject found = scope["reused"];
            if (found.IsNone)
            {
                found.Dispose();
            }
            else
            {
                reused = found;
            }
        }

        Assert.True(reused is not null, "CPython never reused a dead capsule's address in 10 times 100,000 allocations");
        using PyObject reusedCapsule = reused;
        using Capsule opened = PyCapsules.FromPython(reusedCapsule, "reuse.test");

        Assert.False(ours.RefersToSameCapsule(opened));
        Assert.Equal((nint)0x5678, opened.GetPointer("reuse.test"));
    }

    [Fact]
    public void A_capsule_Python_altered_after_it_was_handed_out_comes_back_as_what_Python_now_holds()
    {
        using var ours = new Capsule(0x1234, "altered.test");
        using PyObject scope = ScopeHolding(ours);

        CapsuleApiScope.Run("api.PyCapsule_SetContext(capsule, 0x77)", scope);
        using PyObject altered = scope["capsule"];

        using Capsule opened = PyCapsules.FromPython(altered, "altered.test");

        Assert.False(ours.RefersToSameCapsule(opened));
        Assert.Equal((nint)0x77, opened.Context);
        Assert.Equal((nint)0x1234, opened.GetPointer("altered.test"));
    }

    [Fact]
    public void One_PyCapsule_opens_as_one_capsule_until_Python_changes_its_pointer_context_or_name()
    {
        using PyObject scope = CapsuleApiScope.Run(
            """
            name = ctypes.create_string_buffer(b"same.test")
            renamed = ctypes.create_string_buffer(b"same.renamed")
            capsule = api.PyCapsule_New(0x1234, name, None)
            """);
        using PyObject pythonCapsule = scope["capsule"];

        using Capsule first = PyCapsules.FromPython(pythonCapsule, "same.test");
        using (Capsule again = PyCapsules.FromPython(pythonCapsule, "same.test"))
        {
            Assert.True(first.RefersToSameCapsule(again));
        }

        Assert.False(first.WhenDestroyed.IsCompleted); // disposing one handle left the other's capsule alone

        CPython.Run("api.PyCapsule_SetPointer(capsule, 0x5678)", scope);
        using Capsule moved = PyCapsules.FromPython(pythonCapsule, "same.test");
        CPython.Run("api.PyCapsule_SetContext(capsule, 0x99)", scope);
        using Capsule withContext = PyCapsules.FromPython(pythonCapsule, "same.test");
        CPython.Run("api.PyCapsule_SetName(capsule, renamed)", scope);
        using Capsule renamed = PyCapsules.FromPython(pythonCapsule, "same.renamed");

        Assert.False(first.RefersToSameCapsule(moved));
        Assert.False(moved.RefersToSameCapsule(withContext));
        Assert.False(withContext.RefersToSameCapsule(renamed));
        Assert.Equal(((nint)0x1234, (nint)0), (first.GetPointer("same.test"), first.Context));
        Assert.Equal(((nint)0x5678, (nint)0), (moved.GetPointer("same.test"), moved.Context));
        Assert.Equal(((nint)0x5678, (nint)0x99), (withContext.GetPointer("same.test"), withContext.Context));
        Assert.Equal(((nint)0x5678, (nint)0x99), (renamed.GetPointer("same.renamed"), renamed.Context));
    }

    [Fact]
    public void A_PyCapsule_opened_again_after_its_capsule_was_destroyed_opens_as_a_new_capsule()
    {
        using PyObject scope = CapsuleApiScope.Run("""capsule = api.PyCapsule_New(0x1234, b"reopened.test", None)""");
        using PyObject pythonCapsule = scope["capsule"];
        Capsule first = PyCapsules.FromPython(pythonCapsule, "reopened.test");
        first.Dispose();

        using Capsule second = PyCapsules.FromPython(pythonCapsule, "reopened.test");

        Assert.True(first.WhenDestroyed.IsCompletedSuccessfully);
        Assert.False(second.WhenDestroyed.IsCompleted);
        Assert.Equal((nint)0x1234, second.GetPointer("reopened.test"));
    }

    [Fact]
    public void Names_that_are_not_valid_UTF16_are_refused_before_they_reach_Python()
    {
        string lone = "spam." + '\ud800';
        using PyObject datetime = CPython.Import("datetime");
        using PyObject pythonCapsule = datetime.GetAttr("datetime_CAPI");

        Assert.Contains("lone surrogate", Assert.Throws<ArgumentException>(() => PyCapsules.FromPython(pythonCapsule, lone)).Message, StringComparison.Ordinal);
        Assert.Contains("lone surrogate", Assert.Throws<ArgumentException>(() => PyCapsules.Import(lone)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_names_never_open_each_others_capsules_in_Python()
    {
        using var capsule = new Capsule(0x1234, "caf\u00e9.api");
        using PyObject pythonCapsule = PyCapsules.ToPython(capsule);

        Assert.Throws<CapsuleNameMismatchException>(() => PyCapsules.FromPython(pythonCapsule, "cafe\u0301.api"));
        using PyObject scope = CPython.NewScope();
        scope.SetItem("capsule", pythonCapsule);
        using PyObject valid = CPython.Eval(
            "__import__('ctypes').pythonapi.PyCapsule_IsValid(__import__('ctypes').py_object(capsule), 'caf\u00e9.api'.encode())",
            scope);
        Assert.Equal(1, valid.ToInt64());
    }

    [Fact]
    public void Text_converts_exactly_and_what_has_no_dotnet_form_is_a_PythonException_not_a_placeholder()
    {
        using PyObject lone = CPython.Eval("'a\\ud800b'");
        using PyObject pairOfLones = CPython.Eval("'\\ud83d\\ude00'"); // two characters to Python; .NET would read one
        using PyObject failing = CPython.Eval("type('Unprintable', (), {'__str__': lambda self: 1 / 0, '__repr__': lambda self: 1 / 0})()");

        Assert.Equal("a\ud800b", lone.ToString());
        Assert.Equal("a\ud800b", lone.ToClr());
        Assert.Equal("ValueError", Assert.Throws<PythonException>(pairOfLones.ToString).PythonType);
        Assert.Equal("ZeroDivisionError", Assert.Throws<PythonException>(failing.ToString).PythonType);
        Assert.Equal("ZeroDivisionError", Assert.Throws<PythonException>(failing.Repr).PythonType);
        using PyObject fine = CPython.Eval("'still fine'");
        Assert.Equal("still fine", fine.ToString()); // no error was left pending
    }

    [Fact]
    public void ReleaseDropped_gives_Python_back_a_capsule_a_dropped_binding_held_and_its_destructor_runs()
    {
        Modules.ProbeModuleLoader.EnsureLoaded();
        using PyObject scope = CPython.Run(
            """
            import ctypes, Probe
            api = ctypes.pythonapi
            Destructor = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
            destroyed = []
            on_destroy = Destructor(lambda capsule: destroyed.append(True))
            api.PyCapsule_New.restype = ctypes.py_object
            api.PyCapsule_New.argtypes = [ctypes.c_void_p, ctypes.c_char_p, Destructor]
            name = ctypes.create_string_buffer(b'double (double)')
            twice = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double)(lambda x: 2 * x)
            capsule = api.PyCapsule_New(ctypes.cast(twice, ctypes.c_void_p), name, on_destroy)
            result = Probe.apply(capsule, 21.0)  # binds it in a binding dropped when the call returns
            del capsule
            """);

        CPython.ReleaseDropped();

        using PyObject outcome = CPython.Eval("(result, destroyed)", scope);
        Assert.Equal("(42.0, [True])", outcome.ToString());
    }

    [Fact]
    public void An_exception_whose_str_fails_still_becomes_a_PythonException_with_its_type()
    {
        PythonException error = Assert.Throws<PythonException>(() => CPython.Run(
            """
            class Broken(Exception):
                def __str__(self):
                    raise RuntimeError("no text")
            raise Broken()
            """));

        Assert.EndsWith("Broken", error.PythonType, StringComparison.Ordinal);
        Assert.Contains("str() failed", error.PythonMessage, StringComparison.Ordinal);
    }

    /// <summary>A Python namespace whose variable <c>capsule</c> is the only Python reference to <paramref name="capsule"/> handed out.</summary>
    private static PyObject ScopeHolding(Capsule capsule)
    {
        PyObject scope = CPython.NewScope();
        using PyObject handedOut = PyCapsules.ToPython(capsule);
        scope.SetItem("capsule", handedOut);
        return scope;
    }
}

public static partial class Doubler
{
    [ExportCapsule("bridgeexports.twice")]
    public static int Twice(int x) => 2 * x;
}

[ImportCapsule("bridgeexports.twice")]
public partial interface ITwice
{
    int Twice(int x);
}
