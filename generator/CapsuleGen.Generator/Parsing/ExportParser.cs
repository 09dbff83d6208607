using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing.Layouts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapsuleGen.Generator.Parsing;

/// <summary>Turns a method marked <c>[ExportCapsule]</c> into an <see cref="ExportedFunction"/>, or reports why it cannot be exported.</summary>
internal static class ExportParser
{
    public static ExportedFunction? Parse(IMethodSymbol method, AttributeData attribute, DiagnosticSink sink)
    {
        if (attribute.AttributeConstructor is null)
        {
            return null; // the compiler already reports the malformed attribute
        }

        // The attribute may sit on either part of a partial method; the definition names the method.
        method = method.PartialDefinitionPart ?? method;
        if (BrokenDeclarations.IsBroken(method) || BrokenDeclarations.HasAttributeTwice(method, KnownNames.ExportCapsuleAttribute))
        {
            return null; // the compiler reports it
        }

        var structs = new StructCatalog(method.ContainingAssembly);
        FunctionSignature? signature = ParseMethod(method, structs, sink);
        if (signature is null && TargetProblem(method) is not null)
        {
            return null;
        }

        TypeLocation? location = TypeLocationParser.Parse(method.ContainingType, sink);
        bool namesFree = NamesAreFree(method, sink);

        string? name = null;
        bool nameValid = CapsuleNameParser.UsesSignatureName(attribute) || CapsuleNameParser.TryRead(attribute, method, sink, out name);
        bool policyValid = TryReadPolicy(attribute, method, DisplayName(method), sink, out ExceptionPolicy policy);
        if (!nameValid || !policyValid || !namesFree || location is null || signature is null)
        {
            return null;
        }

        (string trampoline, string entry) = GeneratedNames.EntryPoints(method);
        return new ExportedFunction(
            location,
            Identifiers.Escape(method.Name),
            AccessibilityText.Of(AccessibilityText.OfGeneratedMember(method)),
            CapsuleNameParser.UsesSignatureName(attribute) ? signature.CSignature : name,
            signature,
            policy,
            trampoline,
            entry,
            structs.Texts,
            DeprecationReader.Of(method),
            GeneratedNames.HidesGenerated(method.ContainingType, PropertyName(method)));
    }

    /// <summary>
    /// Checks what every exported method needs, alone or in a table: a method generated code can
    /// call, static, not generic, not async, never compiled away, and a signature that can cross.
    /// Returns the signature, or null after reporting each problem.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="structs">Collects the layouts of the structs its signature reaches.</param>
    /// <param name="sink">Where problems go.</param>
    public static FunctionSignature? ParseMethod(IMethodSymbol method, StructCatalog structs, DiagnosticSink sink)
    {
        if (BrokenDeclarations.IsBroken(method))
        {
            return null; // the compiler reports it
        }

        string displayName = DisplayName(method);
        if (TargetProblem(method) is { } problem)
        {
            sink.Report(Descriptors.UnsupportedTarget, SourceLocations.Of(method), displayName, Descriptors.Exported, problem);
            return null;
        }

        bool valid = true;
        if (!method.IsStatic)
        {
            sink.Report(Descriptors.ExportNotStatic, SourceLocations.Of(method), displayName);
            valid = false;
        }

        if (method.IsGenericMethod)
        {
            sink.Report(Descriptors.GenericNotSupported, SourceLocations.Of(method), displayName);
            valid = false;
        }

        if (method.IsAsync)
        {
            sink.Report(Descriptors.ExportIsAsync, SourceLocations.Of(method), displayName);
            valid = false;
        }

        if (RemovedCallProblem(method) is { } removed)
        {
            sink.Report(Descriptors.CallsRemoved, SourceLocations.Of(method), displayName, removed);
            valid = false;
        }

        // An async method's Task is a consequence of 'async'; making it synchronous fixes both.
        FunctionSignature? signature = SignatureParser.Parse(method, displayName, structs, keepDefaults: false, sink, skipReturnType: method.IsAsync);
        return valid ? signature : null;
    }

    /// <summary>The method as messages name it: <c>Duck.Quack</c> (for a member of an extension block, the class around the block).</summary>
    public static string DisplayName(IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        bool inExtensionBlock = type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) && type.ContainingType is not null;
        return (inExtensionBlock ? type.ContainingType!.Name : type.Name) + "." + method.Name;
    }

    /// <summary>Why <c>[ExportCapsule]</c> can never work on this method, or null if it is a method generated code can call.</summary>
    public static string? TargetProblem(IMethodSymbol method) => method switch
    {
        { MethodKind: MethodKind.UserDefinedOperator } =>
            "an operator is called through its symbol, which a native pointer cannot carry; export a static method that applies it",
        { MethodKind: MethodKind.Conversion } =>
            "a conversion is called through a cast, which a native pointer cannot carry; export a static method that converts",
        { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise } =>
            "an accessor belongs to its property or event, and code calls it only through them; export a static method that reads or writes it",
        { MethodKind: MethodKind.Destructor } =>
            "a finalizer runs when the garbage collector decides, on an instance; export a static method",
        { MethodKind: MethodKind.AnonymousFunction or MethodKind.LambdaMethod } =>
            "a lambda has no name generated code can reach; make it a static method of a partial type",
        { MethodKind: MethodKind.LocalFunction } =>
            "a local function has no name generated code can reach; make it a static method of a partial type",
        { MethodKind: MethodKind.ExplicitInterfaceImplementation } =>
            "an explicit interface implementation can be called only through its interface; export a static method that calls it",
        { MethodKind: not MethodKind.Ordinary } =>
            "only an ordinary static method can be exported",
        { ContainingType.TypeKind: not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) } =>
            "a member of an 'extension' block has no type generated code can add to; export a static method of the enclosing static class",
        { IsStatic: true, IsAbstract: true } or { IsStatic: true, IsVirtual: true } =>
            "a static abstract or virtual interface member can be called only through a type parameter; export it from a type that implements it",
        _ when Attributes.Has(method, KnownNames.UnmanagedCallersOnlyAttribute) =>
            "it is already [UnmanagedCallersOnly], so managed code cannot call it and CapsuleGen cannot wrap it; remove [UnmanagedCallersOnly]: the generated trampoline is its native entry point",
        _ => null,
    };

    /// <summary>Why calls to the method are compiled away, or null; a Python function's wrapper calls it the same way.</summary>
    public static string? RemovedCallProblem(IMethodSymbol method)
    {
        AttributeData? conditional = Attributes.Find(method, KnownNames.ConditionalAttribute);
        if (conditional is not null)
        {
            string symbol = conditional.ConstructorArguments.FirstOrDefault().Value as string ?? "?";
            return $"is [Conditional(\"{symbol}\")], so every call to it is removed where '{symbol}' is not defined; remove [Conditional] and test the symbol inside the method (#if {symbol})";
        }

        return method.IsPartialDefinition && method.PartialImplementationPart is null && !MustBeImplemented(method)
            ? "is a partial method without an implementation, so every call to it is removed; give it an implementing declaration"
            : null;
    }

    /// <summary>
    /// Whether C# requires the partial method to have an implementation (it has an access modifier, or
    /// virtual, override, sealed, new or extern, a result or an out parameter): then it is never removed,
    /// and a missing implementation is the compiler's error, or comes from another generator
    /// (<c>[LibraryImport]</c>), whose output this generator does not see.
    /// </summary>
    private static bool MustBeImplemented(IMethodSymbol method) =>
        !method.ReturnsVoid ||
        method.Parameters.Any(parameter => parameter.RefKind == RefKind.Out) ||
        method.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax()).OfType<MethodDeclarationSyntax>().Any(declaration => declaration.Modifiers.Any(modifier =>
            modifier.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword or
                SyntaxKind.VirtualKeyword or SyntaxKind.OverrideKeyword or SyntaxKind.SealedKeyword or SyntaxKind.NewKeyword or SyntaxKind.ExternKeyword));

    /// <summary>
    /// Whether the public property this export generates has a name of its own: no member of the
    /// user's (declared or inherited), no exported overload before it, no table slot exporting the same method.
    /// </summary>
    private static bool NamesAreFree(IMethodSymbol method, DiagnosticSink sink)
    {
        INamedTypeSymbol type = method.ContainingType;
        string display = type.Name + "." + method.Name;
        string property = PropertyName(method);

        IMethodSymbol? earlier = type.GetMembers(method.Name)
            .OfType<IMethodSymbol>()
            .FirstOrDefault(other => Attributes.Has(other, KnownNames.ExportCapsuleAttribute));
        if (earlier is not null && !SymbolEqualityComparer.Default.Equals(earlier, method))
        {
            sink.Report(Descriptors.GeneratedNameTaken, SourceLocations.Of(method), display, property, "an exported overload of it generates that already");
            return false;
        }

        if (Attributes.Has(type, KnownNames.ExportCapsuleAttribute) && Attributes.Has(method, KnownNames.CapsuleSlotAttribute))
        {
            sink.Report(Descriptors.GeneratedNameTaken, SourceLocations.Of(method), display, method.Name + "Trampoline", $"it also fills a slot of the exported table '{type.Name}', which generates that already");
            return false;
        }

        return GeneratedNames.AreFree(type, method, display, sink, property);
    }

    private static string PropertyName(IMethodSymbol method) => GeneratedNames.CapsuleProperty(method.Name);

    /// <summary>
    /// Reads the attribute's <c>OnException</c>. Reports a value that is no member of the enum
    /// (<c>(CapsuleExceptionPolicy)5</c>), and <c>SetPythonError</c> in a compilation without
    /// CapsuleGen.Python, whose method the trampoline would call; returns false then.
    /// </summary>
    /// <param name="attribute">The <c>[ExportCapsule]</c> attribute.</param>
    /// <param name="owner">The method or table class it is on.</param>
    /// <param name="display">The export as messages name it.</param>
    /// <param name="sink">Where problems go.</param>
    /// <param name="policy">The policy read; <see cref="ExceptionPolicy.ReturnDefault"/> when none is given.</param>
    public static bool TryReadPolicy(AttributeData attribute, ISymbol owner, string display, DiagnosticSink sink, out ExceptionPolicy policy)
    {
        policy = ExceptionPolicy.ReturnDefault;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key != "OnException" || argument.Value.Value is not int value)
            {
                continue;
            }

            Location? location = SourceLocations.NamedArgument(attribute, argument.Key, owner);
            if (value is not ((int)ExceptionPolicy.ReturnDefault or (int)ExceptionPolicy.FailFast or (int)ExceptionPolicy.SetPythonError))
            {
                sink.Report(Descriptors.InvalidExceptionPolicy, location, value);
                return false;
            }

            policy = (ExceptionPolicy)value;
            if (policy == ExceptionPolicy.SetPythonError && owner.ContainingAssembly is { } assembly && !CompilationFacts.HasPythonErrors(assembly))
            {
                sink.Report(Descriptors.PythonErrorsNeedPython, location, display);
                return false;
            }
        }

        return true;
    }
}
