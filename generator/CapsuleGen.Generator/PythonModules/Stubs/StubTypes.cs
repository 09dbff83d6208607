namespace CapsuleGen.Generator.PythonModules.Stubs;

/// <summary>Which of the stub's helper types a module's annotations use, so the stub declares only those.</summary>
internal sealed class StubTypes
{
    private readonly StubNames _names;

    public StubTypes(StubNames names) => _names = names;

    public bool UsesAny { get; private set; }

    public bool UsesCapsule { get; private set; }

    public bool UsesArray { get; private set; }

    public bool UsesTensor { get; private set; }

    /// <summary>The annotation of a parameter: what Python may pass.</summary>
    public string Parameter(PythonParameter parameter)
    {
        string type = parameter.Kind switch
        {
            PythonValueKind.Object => "object",
            var kind when kind.IsArray() => Array(),
            var kind => Value(kind),
        };

        // A null default ('Capsule capsule = null', 'ReadOnlySpan<double> weights = default') takes None too.
        bool takesNone = parameter.ForgivesNull || (parameter.Kind.IsArray() && parameter.DefaultValue is not null);
        return takesNone ? type + " | None" : type;
    }

    /// <summary>The annotation of a result: what Python gets.</summary>
    public string Result(PythonValueKind kind) => kind switch
    {
        PythonValueKind.Void => "None",
        PythonValueKind.Object => Any(),
        PythonValueKind.Tensor => Tensor(),
        _ => Value(kind),
    };

    /// <summary>The annotation of a module attribute holding a capsule.</summary>
    public string Capsule()
    {
        UsesCapsule = true;
        return _names.Capsule;
    }

    private string Value(PythonValueKind kind) => kind switch
    {
        PythonValueKind.Boolean => "bool",
        PythonValueKind.Single or PythonValueKind.Double => "float",
        PythonValueKind.String => "str",
        PythonValueKind.StringOrNone => "str | None",
        PythonValueKind.Capsule => Capsule(),
        PythonValueKind.CapsuleOrNone => Capsule() + " | None",
        _ => "int",
    };

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
