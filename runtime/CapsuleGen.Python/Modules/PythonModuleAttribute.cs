namespace CapsuleGen.Python;

/// <summary>
/// Makes a <c>static partial class</c> a CPython extension module. The generator writes its
/// <c>PyInit_&lt;name&gt;</c> entry point, so that the assembly, published with NativeAOT as a
/// shared library named after the module (<c>&lt;name&gt;.so</c>), is imported by Python like any
/// C extension. Its <see cref="PythonFunctionAttribute"/> methods are the module's functions, and
/// its <c>[ExportCapsule]</c> capsules are module attributes that <c>PyCapsule_Import</c> finds.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PythonModuleAttribute : Attribute
{
    /// <summary>Declares the module.</summary>
    /// <param name="name">The name Python imports: an ASCII identifier, equal to the assembly's name.</param>
    public PythonModuleAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The module's name, as <c>import</c> spells it.</summary>
    public string Name { get; }
}
