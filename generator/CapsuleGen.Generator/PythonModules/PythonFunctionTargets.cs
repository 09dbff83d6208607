using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>
/// Why <c>[PythonFunction]</c> can never work on a method: the generated wrapper calls the method by
/// name, as a static method of the module's class, so anything else is reported (CAPS0019) rather than
/// silently wrapped into code that does not compile.
/// </summary>
internal static class PythonFunctionTargets
{
    /// <summary>What <see cref="Diagnostics.Descriptors.UnsupportedTarget"/> says <c>[PythonFunction]</c> would make of its target.</summary>
    public const string PythonFunction = "a Python function";

    /// <summary>
    /// The class a method is declared in: its containing type, or for a member of an <c>extension</c>
    /// block, the class around the block (C# gives the block a type of its own).
    /// </summary>
    public static INamedTypeSymbol DeclaringClass(IMethodSymbol method) =>
        IsExtensionBlock(method.ContainingType) ? method.ContainingType.ContainingType! : method.ContainingType;

    /// <summary>The methods declared in a module's class, those of its <c>extension</c> blocks included.</summary>
    public static IEnumerable<IMethodSymbol> MethodsOf(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>()
            .Concat(type.GetTypeMembers().Where(IsExtensionBlock).SelectMany(block => block.GetMembers().OfType<IMethodSymbol>()));

    /// <summary>Why the method cannot be a Python function, or null if the generated wrapper can call it.</summary>
    public static string? Problem(IMethodSymbol method) => method switch
    {
        { MethodKind: MethodKind.LocalFunction } =>
            "a local function is no member of the module's class, so the module cannot reach it; make it a static method of the module's class",
        { MethodKind: MethodKind.AnonymousFunction or MethodKind.LambdaMethod } =>
            "a lambda has no name the module can reach; make it a static method of the module's class",
        { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise } =>
            "an accessor belongs to its property or event, and code calls it only through them; mark a static method that reads or writes it",
        { MethodKind: not MethodKind.Ordinary } =>
            "only an ordinary static method of the module's class can be a Python function",
        { ContainingType: var type } when IsExtensionBlock(type) =>
            "a member of an 'extension' block is no member of the module's class; make it a static method of the module's class",
        _ when Attributes.Has(method, KnownNames.UnmanagedCallersOnlyAttribute) =>
            "it is [UnmanagedCallersOnly], so managed code cannot call it and the generated wrapper cannot either; remove [UnmanagedCallersOnly]: CPython calls the wrapper, which is a native entry point of its own",
        _ => null,
    };

    private static bool IsExtensionBlock(INamedTypeSymbol type) =>
        type.ContainingType is not null && type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface or TypeKind.Enum or TypeKind.Delegate or TypeKind.Error);
}
