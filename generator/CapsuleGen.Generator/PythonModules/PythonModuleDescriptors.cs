using CapsuleGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>The diagnostics of Python modules written in C#, CAPS0040 to CAPS0059; documented in docs/diagnostics.md.</summary>
internal static class PythonModuleDescriptors
{
    public static readonly DiagnosticDescriptor ModuleNotStaticClass = Create(
        "CAPS0040",
        "A Python module is a static class",
        "'{0}' is marked [PythonModule] but is not a static class; a module has no instances, so declare it 'static partial class'");

    public static readonly DiagnosticDescriptor InvalidModuleName = Create(
        "CAPS0041",
        "Invalid Python module name",
        "The module name {0} is invalid: {1}; Python imports a module by an ASCII identifier, which also names its entry point PyInit_<name>");

    public static readonly DiagnosticDescriptor FunctionOutsideModule = Create(
        "CAPS0042",
        "[PythonFunction] outside a Python module",
        "'{0}' is marked [PythonFunction] but '{1}' is not a [PythonModule] class; move the method into the module's class");

    public static readonly DiagnosticDescriptor FunctionNotStatic = Create(
        "CAPS0043",
        "A Python function must be static",
        "'{0}' is marked [PythonFunction] but is not static; a module function has no instance to call it on, so make the method static");

    public static readonly DiagnosticDescriptor TypeCannotCrossToPython = Create(
        "CAPS0044",
        "Type cannot cross to Python",
        "The {0} of '{1}' has type '{2}', which a module function cannot convert: {3}");

    public static readonly DiagnosticDescriptor InvalidFunctionName = Create(
        "CAPS0045",
        "Invalid Python function name",
        "The Python name {0} of '{1}' is invalid: {2}; give [PythonFunction] a Python identifier, such as [PythonFunction(\"get_quack\")]");

    public static readonly DiagnosticDescriptor DuplicateName = Create(
        "CAPS0046",
        "Two members of a Python module have the same name",
        "The module {0} already has a member named '{1}' ({2}); give this one another name");

    public static readonly DiagnosticDescriptor ModuleNameDiffersFromAssembly = Create(
        "CAPS0047",
        "The module is not named like its assembly",
        "Python imports module {0} from a file named {0}.so and calls its PyInit_{0}, but this assembly publishes {1}.so; set <AssemblyName>{0}</AssemblyName> in the project file",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SeveralModules = Create(
        "CAPS0048",
        "An assembly holds one Python module",
        "'{0}' declares a second Python module in this assembly, which '{1}' already does; a published library is one file, which Python imports as one module, so put each module in its own project",
        DiagnosticSeverity.Error,
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor FunctionIsAsync = Create(
        "CAPS0049",
        "A Python function cannot be async",
        "'{0}' is async: Python would get control back at its first 'await', and an exception thrown after that would reach no caller and end the process; make the method synchronous");

    public static readonly DiagnosticDescriptor ObjectWithoutGil = Create(
        "CAPS0050",
        "A function that releases the GIL cannot take or return a PyObject",
        "The {0} of '{1}' is a PyObject, but '{1}' releases the GIL (ReleaseGil = true), and a Python object may only be used with the GIL held; take or return a converted type (int, float, str, Capsule), or keep the GIL");

    public static readonly DiagnosticDescriptor KeywordOnlyBeforePositionalOnly = Create(
        "CAPS0051",
        "A keyword-only parameter cannot come before a positional-only one",
        "Parameter '{0}' of '{1}' is keyword-only ([KeywordOnly] makes it and every later parameter so), but '{2}' is positional-only ([PositionalOnly] makes it and every earlier parameter so); no parameter can be both, so put [KeywordOnly] after the last positional-only parameter");

    public static readonly DiagnosticDescriptor DefaultBeforeRequired = Create(
        "CAPS0052",
        "A parameter with a default value cannot come before one without",
        "Parameter '{0}' of '{1}' has a default value, but '{2}' after it has none; Python fills parameters in order, so a default can only be left out at the end (def f(a=5, b) is a SyntaxError); give '{2}' a default too, or remove the default of '{0}'");

    public static readonly DiagnosticDescriptor ClassOutsideModule = Create(
        "CAPS0053",
        "[PythonClass] outside a Python module",
        "'{0}' is marked [PythonClass] but is not nested directly in a [PythonModule] class; a type belongs to a module, so declare the class inside the module's class");

    public static readonly DiagnosticDescriptor UnsupportedClass = Create(
        "CAPS0054",
        "This class cannot be a Python type",
        "'{0}' cannot be a Python type: {1}");

    public static readonly DiagnosticDescriptor UnusableConstructor = Create(
        "CAPS0055",
        "Python cannot tell which constructor to call",
        "Python cannot construct '{0}': {1}");

    public static readonly DiagnosticDescriptor UnsupportedProperty = Create(
        "CAPS0056",
        "This property cannot be a Python attribute",
        "'{0}' is marked [PythonProperty] but cannot be an attribute of the Python type: {1}");

    public static readonly DiagnosticDescriptor MemberOutsideClass = Create(
        "CAPS0057",
        "A member marked for Python outside a Python class",
        "'{0}' is marked [{1}] but '{2}' is not a [PythonClass] nested in a [PythonModule] class; mark the class [PythonClass], or remove the attribute");

    public static readonly DiagnosticDescriptor DuplicateClassMember = Create(
        "CAPS0058",
        "Two members of a Python class have the same name",
        "The type {0} already has a member named '{1}' ({2}); give this one another name");

    public static readonly DiagnosticDescriptor InvalidClassMemberName = Create(
        "CAPS0059",
        "Invalid Python type or attribute name",
        "The Python name {0} of '{1}' is invalid: {2}; give [{3}] a Python identifier");

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error, params string[] customTags) =>
        Descriptors.Create(id, title, message, severity, customTags);
}
