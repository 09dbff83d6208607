using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>How a value crosses between Python and C#: which converter the generated wrapper calls.</summary>
internal enum PythonValueKind
{
    Void,
    Boolean,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    IntPtr,
    UIntPtr,
    Single,
    Double,
    String,

    /// <summary>A <c>string?</c> parameter: <c>None</c> is null.</summary>
    StringOrNone,
    Capsule,

    /// <summary>A <c>Capsule?</c> parameter: <c>None</c> is null.</summary>
    CapsuleOrNone,

    /// <summary>A <c>PyObject</c>: any object, unconverted.</summary>
    Object,

    /// <summary>A <c>ReadOnlySpan&lt;T&gt;</c>: a C-contiguous array's memory, lent for the call.</summary>
    ReadOnlySpan,

    /// <summary>A <c>Span&lt;T&gt;</c>: a writable C-contiguous array's memory, lent for the call.</summary>
    Span,

    /// <summary>A <c>ReadOnlyStridedSpan&lt;T&gt;</c>: an array of any layout, lent for the call.</summary>
    ReadOnlyStridedSpan,

    /// <summary>A <c>StridedSpan&lt;T&gt;</c>: a writable array of any layout, lent for the call.</summary>
    StridedSpan,

    /// <summary>A returned <c>DLPackTensor</c>: given to Python as an object NumPy and torch read through DLPack.</summary>
    Tensor,

    /// <summary>An instance of one of the module's <c>[PythonClass]</c> types, as the .NET object it owns.</summary>
    Instance,

    /// <summary>An instance, or <c>None</c> for null.</summary>
    InstanceOrNone,
}

/// <summary>What the kinds have in common.</summary>
internal static class PythonValueKinds
{
    /// <summary>Whether the argument is an array's memory, held for the call in an <c>ArrayArgument</c> the wrapper releases.</summary>
    public static bool IsArray(this PythonValueKind kind) =>
        kind is PythonValueKind.ReadOnlySpan or PythonValueKind.Span or PythonValueKind.ReadOnlyStridedSpan or PythonValueKind.StridedSpan;

    /// <summary>Whether <c>None</c> converts to null: the argument may be null without a null default.</summary>
    public static bool TakesNone(this PythonValueKind kind) =>
        kind is PythonValueKind.StringOrNone or PythonValueKind.CapsuleOrNone or PythonValueKind.InstanceOrNone;
}

/// <summary>A parameter of a module function.</summary>
/// <param name="Name">The C# name, escaped if it is a keyword.</param>
/// <param name="PythonName">
/// The name Python callers pass it by and <c>inspect.signature</c> shows: the C# name, or for one Python
/// cannot spell, a Python keyword with an underscore (<c>lambda_</c>, as PEP 8 has it) and a non-ASCII
/// name a positional one (<c>arg2</c>), since a text signature is read as ASCII.
/// </param>
/// <param name="Kind">How the argument is converted.</param>
/// <param name="ManagedType">The C# type the wrapper declares, fully qualified.</param>
/// <param name="DefaultValue">The C# literal of its default value, or null if Python must pass it.</param>
/// <param name="PythonDefault">The same default as Python writes it, for the text signature.</param>
/// <param name="ForgivesNull">
/// Whether the method declares the parameter not nullable but gives it a null default
/// (<c>Capsule capsule = null</c>): it then takes <c>None</c> too, and the wrapper passes it on with <c>!</c>.
/// </param>
/// <param name="Class">For an instance of one of the module's types, that type.</param>
internal sealed record PythonParameter(
    string Name, string PythonName, PythonValueKind Kind, string ManagedType, string? DefaultValue, string? PythonDefault, bool ForgivesNull = false, PythonClassReference? Class = null)
{
    /// <summary>The C# name without C#'s <c>@</c>, which the wrapper's own locals must not take.</summary>
    public string PlainName => Name.TrimStart('@');

    /// <summary>The argument the wrapper passes to the method.</summary>
    public string Argument => ForgivesNull ? Name + "!" : Name;
}

/// <summary>A static method exposed as a module function.</summary>
/// <param name="MethodName">The C# method's name, escaped if it is a keyword.</param>
/// <param name="PythonName">The function's name in Python.</param>
/// <param name="Doc">The summary of its XML documentation, or null.</param>
/// <param name="Parameters">Its parameters, in order.</param>
/// <param name="ReturnKind">How its result is converted.</param>
/// <param name="Deprecation">Whether the method is obsolete or experimental, which the wrapper that calls it inherits.</param>
/// <param name="ReleasesGil">Whether the wrapper lets go of the GIL while the method runs (<c>[PythonFunction(ReleaseGil = true)]</c>).</param>
/// <param name="PositionalOnly">How many parameters, from the first, are positional-only (<c>[PositionalOnly]</c> on the last of them).</param>
/// <param name="KeywordOnly">The index of the first keyword-only parameter (<c>[KeywordOnly]</c>), or the parameter count.</param>
/// <param name="WrapperName">
/// The private method CPython calls, named as a C extension would name it (<c>Bird_setQuack</c>), or a
/// variant of that no other name of the class, generated or not, uses.
/// </param>
/// <param name="Callee">What the wrapper calls: a module function, a type's static or instance method, or its constructor.</param>
/// <param name="ReturnClass">For a method that returns an instance of one of the module's types, that type.</param>
internal sealed record PythonFunction(
    string MethodName,
    string PythonName,
    string? Doc,
    EquatableArray<PythonParameter> Parameters,
    PythonValueKind ReturnKind,
    Deprecation Deprecation,
    bool ReleasesGil,
    int PositionalOnly,
    int KeywordOnly,
    string WrapperName = "",
    PythonCallee Callee = PythonCallee.ModuleFunction,
    PythonClassReference? ReturnClass = null);

/// <summary>A capsule exported in the module's class, offered as a module attribute.</summary>
/// <param name="AttributeName">The attribute's name; the <c>PyCapsule</c> is named <c>&lt;module&gt;.&lt;attribute&gt;</c>.</param>
/// <param name="Property">The generated capsule property, as the module's class names it: <c>QuackCapsule</c>, <c>Spam.SpamCapsule</c>.</param>
/// <param name="Deprecation">What naming the property names that is obsolete or experimental (an obsolete table class).</param>
internal sealed record PythonModuleCapsule(string AttributeName, string Property, Deprecation Deprecation)
{
    /// <summary>
    /// Whether naming the property is an error outside obsolete code (a table class obsolete as an error):
    /// the entry point, which is not obsolete itself, then reads it through an obsolete method of its own.
    /// </summary>
    public bool NeedsReader => Deprecation.ObsoleteAsError;

    /// <summary>That method's name, unique in the entry point's class as table classes' names are in theirs.</summary>
    public string ReaderName => Parsing.GeneratedNames.CapsuleReader(Property.Substring(Property.LastIndexOf('.') + 1));
}

/// <summary>A <c>[PythonModule]</c> class: everything its <c>PyInit</c> entry point and wrappers need.</summary>
/// <param name="Location">Where the class is declared; its last type is the class itself.</param>
/// <param name="ModuleName">The name Python imports.</param>
/// <param name="Doc">The summary of the class's XML documentation, or null.</param>
/// <param name="Functions">The module's functions.</param>
/// <param name="Capsules">The capsules it offers as attributes.</param>
/// <param name="EntryPointClass">
/// The private nested class whose method is exported as <see cref="EntryPoint"/>: named like the entry point, or a
/// variant of that no other name of the class uses.
/// </param>
/// <param name="Classes">The module's types (<c>[PythonClass]</c>), each generated in a file of its own.</param>
internal sealed record PythonModule(
    TypeLocation Location,
    string ModuleName,
    string? Doc,
    EquatableArray<PythonFunction> Functions,
    EquatableArray<PythonModuleCapsule> Capsules,
    string EntryPointClass,
    EquatableArray<PythonClass> Classes = default)
{
    /// <summary>The entry point CPython looks up: <c>PyInit_CppDuck</c>.</summary>
    public string EntryPoint => Parsing.GeneratedNames.PythonEntryPoint(ModuleName);
}
