using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>What a generated wrapper calls.</summary>
internal enum PythonCallee
{
    /// <summary>A static method of the module's class.</summary>
    ModuleFunction,

    /// <summary>A static method of a <c>[PythonClass]</c> class: a static method of the type.</summary>
    StaticMethod,

    /// <summary>An instance method of a <c>[PythonClass]</c> class, on the object <c>self</c> owns.</summary>
    InstanceMethod,

    /// <summary>The class's constructor: the type's <c>tp_new</c>.</summary>
    Constructor,
}

/// <summary>One of the module's types, as a parameter or result names it.</summary>
/// <param name="ManagedType">The C# class, fully qualified.</param>
/// <param name="TypeField">The generated <c>PythonType</c> field that makes and checks its instances, fully qualified.</param>
/// <param name="Deprecation">Whether the class is obsolete or experimental, which code naming it inherits.</param>
internal sealed record PythonClassReference(string ManagedType, string TypeField, Deprecation Deprecation);

/// <summary>A <c>[PythonProperty]</c>: an attribute of the type's instances.</summary>
/// <param name="PropertyName">The C# property's name, escaped if it is a keyword.</param>
/// <param name="PythonName">The attribute's name in Python.</param>
/// <param name="Doc">The summary of its XML documentation, or null.</param>
/// <param name="Kind">How its value converts.</param>
/// <param name="ManagedType">The C# type the setter's converted value is declared as.</param>
/// <param name="Class">For a property whose value is an instance of one of the module's types, that type.</param>
/// <param name="Settable">Whether Python may set it: the property has a public setter that is not <c>init</c>.</param>
/// <param name="Deprecation">Whether the property (or an accessor) is obsolete or experimental.</param>
/// <param name="GetterName">The generated getter CPython calls.</param>
/// <param name="SetterName">The generated setter CPython calls, for a settable property.</param>
internal sealed record PythonClassProperty(
    string PropertyName,
    string PythonName,
    string? Doc,
    PythonValueKind Kind,
    string ManagedType,
    PythonClassReference? Class,
    bool Settable,
    Deprecation Deprecation,
    string GetterName = "",
    string SetterName = "");

/// <summary>A <c>[PythonClass]</c> class nested in the module's class: a Python type of the module.</summary>
/// <param name="Reference">The class and its <c>PythonType</c> field.</param>
/// <param name="ClassName">The class's C# name, without <c>@</c>, as generated comments show it.</param>
/// <param name="PythonName">The type's name in the module (its full name is <c>&lt;module&gt;.&lt;name&gt;</c>).</param>
/// <param name="Doc">The summary of its XML documentation, or null.</param>
/// <param name="Constructor">The constructor Python calls, or null if Python cannot make instances.</param>
/// <param name="Methods">Its static and instance methods.</param>
/// <param name="Properties">Its instances' attributes.</param>
/// <param name="RepresentsWithToString">Whether the class overrides <c>ToString</c>, which <c>repr()</c> then calls.</param>
/// <param name="HolderName">The private static class, nested in the module's class, that holds the type and its wrappers.</param>
internal sealed record PythonClass(
    PythonClassReference Reference,
    string ClassName,
    string PythonName,
    string? Doc,
    PythonFunction? Constructor,
    EquatableArray<PythonFunction> Methods,
    EquatableArray<PythonClassProperty> Properties,
    bool RepresentsWithToString,
    string HolderName);
