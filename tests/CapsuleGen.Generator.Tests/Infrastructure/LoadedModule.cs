using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// A user module compiled in memory with the generator and loaded into its own load context, so
/// that an exporting and an importing module never see each other's types, as in separately
/// built projects. The CapsuleGen runtime is shared from the test's own context.
/// </summary>
internal sealed class LoadedModule
{
    private readonly Assembly _assembly;

    private LoadedModule(Assembly assembly)
    {
        _assembly = assembly;
    }

    /// <param name="source">The module's source.</param>
    /// <param name="assemblyName">A name no other loaded module has.</param>
    /// <param name="version">The language version.</param>
    /// <param name="checkOverflow">Whether the project compiles with <c>&lt;CheckForOverflowUnderflow&gt;true</c>.</param>
    /// <param name="withPython">Whether the project references CapsuleGen.Python too.</param>
    public static LoadedModule Compile(string source, string assemblyName, LanguageVersion version = LanguageVersion.Latest, bool checkOverflow = false, bool withPython = false)
    {
        CSharpCompilation compilation = withPython ? PythonModuleCompilation.Create(source, assemblyName, version) : TestCompilation.Create([source], assemblyName, version);
        byte[] image = GeneratorRun.Of(compilation.WithOptions(compilation.Options.WithOverflowChecks(checkOverflow))).EmitCleanly();
        var context = new AssemblyLoadContext(assemblyName, isCollectible: true);
        return new LoadedModule(context.LoadFromStream(new MemoryStream(image)));
    }

    /// <summary>Reads a static property, such as a generated capsule property.</summary>
    public object? Get(string typeName, string propertyName) =>
        Type(typeName).GetProperty(propertyName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null);

    /// <summary>Calls a static method, unwrapping the exception it throws.</summary>
    public object? Call(string typeName, string methodName, params object?[] arguments)
    {
        try
        {
            return Type(typeName).GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, arguments);
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerException).Throw();
            throw;
        }
    }

    /// <summary>A type of the module by its metadata name (<c>Ns.Outer+Inner</c>).</summary>
    public Type Type(string name) => _assembly.GetType(name, throwOnError: true)!;
}
