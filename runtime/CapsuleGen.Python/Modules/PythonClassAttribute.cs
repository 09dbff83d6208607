namespace CapsuleGen.Python;

/// <summary>
/// Makes a class nested in a <see cref="PythonModuleAttribute"/> class a Python type of the module,
/// <c>&lt;module&gt;.&lt;name&gt;</c>. Python calls its public constructor (the one marked
/// <see cref="PythonConstructorAttribute"/> if it has several) to make an instance; its
/// <see cref="PythonFunctionAttribute"/> methods are the type's methods (static ones static methods),
/// its <see cref="PythonPropertyAttribute"/> properties its attributes. Each Python object owns its .NET
/// object through a strong GC handle, freed when Python drops the object.
/// </summary>
/// <remarks>
/// <c>==</c> and <c>hash()</c> call <see cref="object.Equals(object)"/> and <see cref="object.GetHashCode"/>
/// (by default, reference equality and an identity hash), and <c>repr()</c> calls
/// <see cref="object.ToString"/> where the class overrides it. Python cannot subclass the type.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PythonClassAttribute : Attribute
{
    /// <summary>Declares a type named like the class.</summary>
    public PythonClassAttribute()
    {
    }

    /// <summary>Declares a type with its Python name.</summary>
    /// <param name="name">The name the module offers the type under: an ASCII identifier, such as <c>Duck</c>.</param>
    public PythonClassAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The Python name, or <see langword="null"/> for the class's own name.</summary>
    public string? Name { get; }
}

/// <summary>
/// Makes a property of a <see cref="PythonClassAttribute"/> class an attribute of its instances: its public
/// getter reads it, its public setter (if it has one, and it is not <c>init</c>) writes it. Deleting it
/// is a <c>TypeError</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class PythonPropertyAttribute : Attribute
{
    /// <summary>Declares an attribute named like the property.</summary>
    public PythonPropertyAttribute()
    {
    }

    /// <summary>Declares an attribute with its Python name.</summary>
    /// <param name="name">The attribute's name: an identifier, such as <c>volume</c>.</param>
    public PythonPropertyAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The Python name, or <see langword="null"/> for the property's own name.</summary>
    public string? Name { get; }
}

/// <summary>Chooses the public constructor Python calls, for a <see cref="PythonClassAttribute"/> class that has several.</summary>
[AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
public sealed class PythonConstructorAttribute : Attribute
{
}
