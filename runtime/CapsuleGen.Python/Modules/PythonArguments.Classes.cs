namespace CapsuleGen.Python.Modules;

public static unsafe partial class PythonArguments
{
    /// <summary>
    /// An instance of <paramref name="type"/> (exactly: the type cannot be subclassed), as the .NET object it
    /// owns; anything else is a <c>TypeError</c>: <c>f() argument 'duck' must be CppDuck.Duck, not int</c>.
    /// </summary>
    public static bool TryConvert<T>(nint obj, string function, string parameter, PythonType type, out T value)
        where T : class
    {
        value = (type.TargetOf(obj) as T)!;
        return value is not null || WrongType(obj, function, parameter, type.Name);
    }

    /// <summary>An instance of <paramref name="type"/>, or <c>None</c> (null).</summary>
    public static bool TryConvertOrNone<T>(nint obj, string function, string parameter, PythonType type, out T? value)
        where T : class
    {
        value = obj == CallPath.None ? null : type.TargetOf(obj) as T;
        return value is not null || obj == CallPath.None || WrongType(obj, function, parameter, type.Name + " or None");
    }
}
