using System.Collections.Generic;
using System.Linq;

namespace CapsuleGen.Generator.PythonModules.Stubs;

/// <summary>Which of the stub's helper types a module's annotations use, so the stub declares only those.</summary>
internal sealed class StubTypes
{
    /// <summary>
    /// The builtins annotations and decorators name, which a member of the same name would hide (in a class body, or at
    /// the top): a class or a method called <c>property</c> would otherwise be what <c>@property</c> applies.
    /// </summary>
    private static readonly string[] s_builtins = { "int", "float", "str", "bool", "object", "tuple", "memoryview", "property", "staticmethod" };

    private readonly StubNames _names;
    private readonly Dictionary<PythonClassReference, string> _classes;
    private readonly HashSet<string> _hiddenBuiltins;

    public StubTypes(StubNames names, PythonModule module, IEnumerable<string> memberNames)
    {
        _names = names;
        _classes = module.Classes.ToDictionary(type => type.Reference, type => type.PythonName);
        _hiddenBuiltins = new HashSet<string>(memberNames.Intersect(s_builtins));
    }

    /// <summary>Whether a builtin is named through <c>builtins</c> because a member hides it.</summary>
    public bool UsesBuiltins { get; private set; }

    public bool UsesAny { get; private set; }

    public bool UsesCapsule { get; private set; }

    public bool UsesArray { get; private set; }

    public bool UsesTensor { get; private set; }

    /// <summary>The annotation of a parameter: what Python may pass.</summary>
    public string Parameter(PythonParameter parameter)
    {
        string type = parameter.Kind switch
        {
            PythonValueKind.Object => Builtin("object"),
            var kind when kind.IsArray() => Array(),
            var kind => Value(kind, parameter.Class),
        };

        // A null default ('Capsule capsule = null', 'ReadOnlySpan<double> weights = default') takes None too.
        bool takesNone = parameter.ForgivesNull || (parameter.Kind.IsArray() && parameter.DefaultValue is not null);
        return takesNone ? type + " | None" : type;
    }

    /// <summary>The annotation of a result: what Python gets.</summary>
    public string Result(PythonValueKind kind, PythonClassReference? type) => kind switch
    {
        PythonValueKind.Void => "None",
        PythonValueKind.Object => Any(),
        PythonValueKind.Tensor => Tensor(),
        _ => Value(kind, type),
    };

    /// <summary>The annotation of a module attribute holding a capsule.</summary>
    public string Capsule()
    {
        UsesCapsule = true;
        return _names.Capsule;
    }

    /// <summary>A property's value, as its getter returns it and its setter takes it.</summary>
    public string Property(PythonClassProperty property) => Value(property.Kind, property.Class);

    /// <summary>The builtin, through <c>builtins</c> where a member of the stub takes its name.</summary>
    public string Builtin(string name)
    {
        if (!_hiddenBuiltins.Contains(name))
        {
            return name;
        }

        UsesBuiltins = true;
        return _names.Builtins + "." + name;
    }

    private string Value(PythonValueKind kind, PythonClassReference? type) => kind switch
    {
        PythonValueKind.Boolean => Builtin("bool"),
        PythonValueKind.Single or PythonValueKind.Double => Builtin("float"),
        PythonValueKind.String => Builtin("str"),
        PythonValueKind.StringOrNone => Builtin("str") + " | None",
        PythonValueKind.Capsule => Capsule(),
        PythonValueKind.CapsuleOrNone => Capsule() + " | None",
        PythonValueKind.Instance => ClassName(type),
        PythonValueKind.InstanceOrNone => ClassName(type) + " | None",
        _ => Builtin("int"),
    };

    /// <summary>One of the module's types by its Python name (the model always names it for an instance; object if not).</summary>
    private string ClassName(PythonClassReference? type) =>
        type is not null && _classes.TryGetValue(type, out string? name) ? name : Builtin("object");

    private string Any()
    {
        UsesAny = true;
        return _names.Any;
    }

    private string Array()
    {
        UsesArray = true;
        return _names.Array;
    }

    private string Tensor()
    {
        UsesTensor = true;
        return _names.Tensor;
    }
}
