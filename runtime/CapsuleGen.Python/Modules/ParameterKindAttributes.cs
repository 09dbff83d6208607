namespace CapsuleGen.Python;

/// <summary>
/// Makes this parameter of a <see cref="PythonFunctionAttribute"/> method, and every one before it,
/// positional-only: where Python's <c>def f(a, b, /, c)</c> puts the <c>/</c>. Callers cannot name
/// them, so renaming them later breaks no caller.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class PositionalOnlyAttribute : Attribute
{
}

/// <summary>
/// Makes this parameter of a <see cref="PythonFunctionAttribute"/> method, and every one after it,
/// keyword-only: where Python's <c>def f(a, *, b, c)</c> puts the <c>*</c>. Callers must name them
/// (<c>f(1, b=2)</c>), which keeps a flag or an option readable where it is used.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class KeywordOnlyAttribute : Attribute
{
}
