using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CapsuleGen.Python.Arrays;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python.Modules;

/// <summary>An attribute of a type's instances: its name, its getter's and setter's addresses (0 for read-only) and its docstring.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct PythonProperty(string Name, nint Getter, nint Setter, string? Doc);

/// <summary>
/// The Python type of a <see cref="PythonClassAttribute"/> class: a heap type made once per process from a
/// spec (stable ABI only), whose instances each own one .NET object through a strong GC handle, freed when
/// Python drops the instance. Instances are not tracked by Python's cyclic collector, and the type has no
/// <c>Py_TPFLAGS_BASETYPE</c>: Python cannot subclass it. <c>==</c> and <c>hash()</c> call
/// <see cref="object.Equals(object)"/> and <see cref="object.GetHashCode"/>; <c>repr()</c> calls
/// <see cref="object.ToString"/> if the class overrides it. Used by generated code, with the GIL held.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed unsafe class PythonType
{
    private const uint HaveVersionTag = 1U << 18;
    private const uint ImmutableType = 1U << 8; // 3.10: Duck.x = 1 is refused, as the type is shared by every module object
    private const uint DisallowInstantiation = 1U << 7; // 3.10: "cannot create 'M.X' instances"
    private const int CompareEqual = 2; // Py_EQ
    private const int CompareNotEqual = 3; // Py_NE

    private static delegate* unmanaged[Cdecl]<nint, byte*, nint, int> s_addObjectRef;

    private readonly string? _doc;
    private readonly nint _constructor;
    private readonly PythonMethod[] _methods;
    private readonly PythonProperty[] _properties;
    private readonly bool _representsWithToString;
    private nint _type;

    /// <param name="name">The type's full name, <c>&lt;module&gt;.&lt;name&gt;</c>.</param>
    /// <param name="doc">Its docstring, led by the constructor's text signature; null for none.</param>
    /// <param name="constructor">The generated <c>tp_new</c>, or 0 if Python cannot make instances.</param>
    /// <param name="methods">Its methods, static ones flagged so.</param>
    /// <param name="properties">Its instances' attributes.</param>
    /// <param name="representsWithToString">Whether <c>repr()</c> calls the class's own <see cref="object.ToString"/>.</param>
    public PythonType(string name, string? doc, nint constructor, PythonMethod[] methods, PythonProperty[] properties, bool representsWithToString)
    {
        Name = name;
        _doc = doc;
        _constructor = constructor;
        _methods = methods;
        _properties = properties;
        _representsWithToString = representsWithToString;
    }

    /// <summary>The type's full name, as CPython's messages show it: <c>CppDuck.Duck</c>.</summary>
    public string Name { get; }

    /// <summary>The .NET object an instance of a generated type owns; CPython has checked that <paramref name="self"/> is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Target<T>(nint self)
        where T : class => (T)GCHandle.FromIntPtr(*HandleSlot(self)).Target!;

    /// <summary>The .NET object <paramref name="obj"/> owns if it is an instance of this type (exactly: the type has no subclasses), else null.</summary>
    internal object? TargetOf(nint obj) => _type != 0 && ModuleApi.TypeOf(obj) == _type ? GCHandle.FromIntPtr(*HandleSlot(obj)).Target : null;

    /// <summary>
    /// A new instance owning <paramref name="value"/>, or <c>None</c> for null: a method that returns an object gives
    /// Python a new instance each time, so <c>is</c> tells two apart even where they own the same object (and <c>==</c> does not, by default).
    /// 0 with a Python exception set if it cannot be made.
    /// </summary>
    public nint Wrap(object? value)
    {
        if (value is null)
        {
            return CallPath.NewReference(CallPath.None);
        }

        nint type = _type != 0 ? _type : Ready();
        nint obj = type == 0 ? 0 : ArrayApi.Instance.PyType_GenericAlloc(type, 0); // a new reference to the type comes with it
        if (obj != 0)
        {
            *HandleSlot(obj) = GCHandle.ToIntPtr(GCHandle.Alloc(value));
        }

        return obj;
    }

    /// <summary>Sets <c>TypeError</c> for <c>del obj.name</c> and returns -1: a C# property cannot be deleted.</summary>
    public int RefuseDelete(string name)
    {
        PythonCall.SetError(ModuleApi.Instance.TypeError, $"cannot delete attribute '{name}' of '{Name}' objects");
        return -1;
    }

    /// <summary>Adds the type, made the first time, to a module object as the attribute its short name gives; false with an exception set.</summary>
    internal bool AddTo(nint module)
    {
        nint type = _type != 0 ? _type : Ready();
        if (type == 0)
        {
            return false;
        }

        if (s_addObjectRef == null)
        {
            s_addObjectRef = (delegate* unmanaged[Cdecl]<nint, byte*, nint, int>)NativeLibrary.GetExport(DynamicLibrary.Process(), "PyModule_AddObjectRef"); // 3.10
        }

        fixed (byte* attribute = PythonText.CString(Name.Substring(Name.LastIndexOf('.') + 1), "A type's name", nameof(Name)))
        {
            return s_addObjectRef(module, attribute, type) == 0;
        }
    }

    /// <summary>The object's one field after <c>PyObject_HEAD</c>: a GC handle to its .NET object.</summary>
    private static nint* HandleSlot(nint obj) => (nint*)(obj + (2 * sizeof(nint)));

    /// <summary>
    /// Makes the type object, once per process, and keeps it (and its spec's memory) for the process's life; 0 with an
    /// exception set. The GIL serializes callers; should CPython let another thread in while the type is made (a
    /// collection that runs a finalizer), the type made second is dropped and both get the first.
    /// </summary>
    private nint Ready()
    {
        // CPython keeps the spec's names, methods and slots for the type's life: allocated once, never freed.
        var methods = (MethodDef*)NativeMemory.AllocZeroed((nuint)(_methods.Length + 1), (nuint)sizeof(MethodDef));
        for (int i = 0; i < _methods.Length; i++)
        {
            methods[i] = new MethodDef { Name = NativeText.Allocate(_methods[i].Name), Function = _methods[i].Function, Flags = (int)_methods[i].Kind, Doc = NativeText.Allocate(_methods[i].Doc) };
        }

        var properties = (GetSetDef*)NativeMemory.AllocZeroed((nuint)(_properties.Length + 1), (nuint)sizeof(GetSetDef));
        for (int i = 0; i < _properties.Length; i++)
        {
            properties[i] = new GetSetDef { Name = NativeText.Allocate(_properties[i].Name), Get = _properties[i].Getter, Set = _properties[i].Setter, Doc = NativeText.Allocate(_properties[i].Doc) };
        }

        var slots = (TypeSlot*)NativeMemory.AllocZeroed(10, (nuint)sizeof(TypeSlot)); // ends with a zeroed sentinel
        int count = 0;
        slots[count++] = new TypeSlot(TypeSlot.Dealloc, (nint)(delegate* unmanaged[Cdecl]<nint, void>)&Deallocate);
        slots[count++] = new TypeSlot(TypeSlot.Methods, (nint)methods);
        slots[count++] = new TypeSlot(TypeSlot.GetSet, (nint)properties);
        slots[count++] = new TypeSlot(TypeSlot.Hash, (nint)(delegate* unmanaged[Cdecl]<nint, nint>)&Hash);
        slots[count++] = new TypeSlot(TypeSlot.RichCompare, (nint)(delegate* unmanaged[Cdecl]<nint, nint, int, nint>)&Compare);
        if (_doc is not null)
        {
            slots[count++] = new TypeSlot(TypeSlot.Doc, NativeText.Allocate(_doc));
        }

        if (_constructor != 0)
        {
            slots[count++] = new TypeSlot(TypeSlot.New, _constructor);
        }

        if (_representsWithToString)
        {
            slots[count++] = new TypeSlot(TypeSlot.Repr, (nint)(delegate* unmanaged[Cdecl]<nint, nint>)&Represent);
        }

        var spec = (TypeSpec*)NativeMemory.AllocZeroed((nuint)sizeof(TypeSpec));
        spec->Name = NativeText.Allocate(Name);
        spec->BasicSize = 3 * sizeof(nint);
        spec->Flags = HaveVersionTag | ImmutableType | (_constructor == 0 ? DisallowInstantiation : 0);
        spec->Slots = slots;
        nint made = ArrayApi.Instance.PyType_FromSpec(spec); // the one reference, never given back
        nint first = made == 0 ? 0 : Interlocked.CompareExchange(ref _type, made, 0);
        if (first == 0)
        {
            return made;
        }

        CPython.Api.Py_DecRef(made);
        return first;
    }

    /// <summary>
    /// Python dropped the instance: its GC handle is freed, so the .NET object is collected once nothing else
    /// holds it; then the memory, then the instance's reference to its heap type.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void Deallocate(nint self)
    {
        // In a child made by os.fork() the .NET runtime has none of its threads, and a lock one of them held stays
        // held: the handle is left as it is, as the child's .NET objects are (see ForkGuard).
        nint handle = Interlocked.Exchange(ref *HandleSlot(self), 0);
        if (handle != 0 && !ForkGuard.InForkedChild)
        {
            GCHandle.FromIntPtr(handle).Free();
        }

        nint type = ModuleApi.TypeOf(self);
        var free = (delegate* unmanaged[Cdecl]<nint, void>)ArrayApi.Instance.PyType_GetSlot(type, TypeSlot.Free);
        free(self);
        CPython.Api.Py_DecRef(type);
    }

    /// <summary><c>hash()</c>: <see cref="object.GetHashCode"/>, with -1 (CPython's error value) made -2, as CPython does for its own types.</summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static nint Hash(nint self)
    {
        try
        {
            if (ForkGuard.InForkedChild)
            {
                ForkGuard.Refuse("__hash__");
                return -1;
            }

            int hash = GCHandle.FromIntPtr(*HandleSlot(self)).Target!.GetHashCode();
            return hash == -1 ? -2 : hash;
        }
        catch (Exception exception)
        {
            PythonCall.Raise(exception);
            return -1;
        }
    }

    /// <summary>
    /// <c>==</c> and <c>!=</c> between two instances of the type: <see cref="object.Equals(object)"/>. Any other
    /// operand or operator is <c>NotImplemented</c>, so Python falls back to identity, or raises for <c>&lt;</c>.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static nint Compare(nint self, nint other, int operation)
    {
        try
        {
            ModuleApi api = ModuleApi.Instance;
            if (ForkGuard.InForkedChild)
            {
                ForkGuard.Refuse("__eq__");
                return 0;
            }

            if (operation is not (CompareEqual or CompareNotEqual) || ModuleApi.TypeOf(other) != ModuleApi.TypeOf(self))
            {
                return CallPath.NewReference(api.NotImplemented);
            }

            bool equal = GCHandle.FromIntPtr(*HandleSlot(self)).Target!.Equals(GCHandle.FromIntPtr(*HandleSlot(other)).Target);
            return CallPath.NewReference(equal == (operation == CompareEqual) ? api.True : api.False);
        }
        catch (Exception exception)
        {
            return PythonCall.Raise(exception);
        }
    }

    /// <summary><c>repr()</c> (and <c>str()</c>, which falls back to it): the class's own <see cref="object.ToString"/>.</summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static nint Represent(nint self)
    {
        try
        {
            if (ForkGuard.InForkedChild)
            {
                ForkGuard.Refuse("__repr__");
                return 0;
            }

            if (GCHandle.FromIntPtr(*HandleSlot(self)).Target!.ToString() is { } text)
            {
                return PythonText.ToPython(CPython.Api, text);
            }

            PythonCall.SetError(ModuleApi.Instance.TypeError, "__repr__ returned non-string (type NoneType)");
            return 0;
        }
        catch (Exception exception)
        {
            return PythonCall.Raise(exception);
        }
    }
}
