namespace CapsuleGen.Python;

/// <summary>
/// Makes a static method of a <see cref="PythonModuleAttribute"/> class a function of the module, and a
/// method of a <see cref="PythonClassAttribute"/> class a method of its type (a static one a static method).
/// The generator writes a <c>METH_FASTCALL | METH_KEYWORDS</c> (or <c>METH_NOARGS</c>) wrapper that
/// binds the arguments as a Python <c>def</c> does (by position or by name; see
/// <see cref="PositionalOnlyAttribute"/> and <see cref="KeywordOnlyAttribute"/>), converts each one, calls
/// the method with the GIL held, converts the result, and turns a .NET exception into a Python exception.
/// </summary>
/// <remarks>
/// Parameters and results may be <c>bool</c>, the integer types, <c>float</c>, <c>double</c>,
/// <c>string</c> (<c>str</c>; nullable for <c>None</c>), <see cref="Capsule"/> (a <c>PyCapsule</c>)
/// and <see cref="PyObject"/> (any object); a <c>void</c> method returns <c>None</c>. A
/// <see cref="PyObject"/> argument is valid for the call: to keep the object, take your own
/// reference with <see cref="PyObject.From"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PythonFunctionAttribute : Attribute
{
    /// <summary>Declares a function named like the method.</summary>
    public PythonFunctionAttribute()
    {
    }

    /// <summary>Declares a function with its Python name.</summary>
    /// <param name="name">The name Python calls it by: an identifier, such as <c>getQuack</c>.</param>
    public PythonFunctionAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The Python name, or <see langword="null"/> for the method's own name.</summary>
    public string? Name { get; }

    /// <summary>
    /// Whether the wrapper lets go of the GIL while the method runs, as <c>Py_BEGIN_ALLOW_THREADS</c>
    /// does in a C extension: it converts the arguments, releases the GIL, calls the method, takes the
    /// GIL back and converts the result. Other Python threads run meanwhile, and the method's own
    /// threads may call into Python through the bridge (each call takes the GIL as any thread's does).
    /// A method that waits for a thread which uses Python needs this: holding the GIL, it would wait
    /// forever. Parameters and result cannot be <see cref="PyObject"/> (CAPS0050).
    /// </summary>
    public bool ReleaseGil { get; set; }
}
