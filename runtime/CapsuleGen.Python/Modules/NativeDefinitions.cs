using System.Runtime.InteropServices;

namespace CapsuleGen.Python.Modules;

/// <summary><c>PyMethodDef</c> (Include/methodobject.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MethodDef
{
    public nint Name;
    public nint Function;
    public int Flags;
    public nint Doc;
}

/// <summary><c>PyModuleDef</c> (Include/moduleobject.h), beginning with <c>PyModuleDef_HEAD_INIT</c>'s fields.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ModuleDef
{
    public nint RefCount;
    public nint Type;
    public nint Init;
    public nint Index;
    public nint Copy;
    public nint Name;
    public nint Doc;
    public nint Size;
    public nint Methods;
    public nint Slots;
    public nint Traverse;
    public nint Clear;
    public nint Free;
}

/// <summary><c>PyModuleDef_Slot</c> (Include/moduleobject.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ModuleDefSlot
{
    /// <summary><c>Py_mod_exec</c>: a function run on the new module.</summary>
    public const int Exec = 2;

    public int Slot;
    public nint Value;
}

/// <summary>NUL-terminated UTF-8 text in native memory that is never freed, for definitions CPython keeps forever.</summary>
internal static unsafe class NativeText
{
    public static nint Allocate(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        byte[] utf8 = PythonText.CString(text, "A name or docstring CPython keeps", nameof(text));
        var memory = (byte*)NativeMemory.Alloc((nuint)utf8.Length);
        utf8.CopyTo(new Span<byte>(memory, utf8.Length));
        return (nint)memory;
    }
}

/// <summary><c>PyGetSetDef</c> (Include/descrobject.h): an attribute with a getter and, if writable, a setter.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GetSetDef
{
    public nint Name;
    public nint Get;
    public nint Set;
    public nint Doc;
    public nint Closure;
}
