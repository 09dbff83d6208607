using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing.Layouts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Parsing;

/// <summary>Reads a method's boundary signature, reporting every parameter that cannot cross.</summary>
internal static class SignatureParser
{
    /// <param name="method">The method.</param>
    /// <param name="displayName">The method as messages name it.</param>
    /// <param name="structs">Collects the layout of every struct the signature reaches, for the capsule the method belongs to.</param>
    /// <param name="keepDefaults">Whether to read default parameter values (an import's binding keeps them).</param>
    /// <param name="sink">Where problems go.</param>
    /// <param name="skipReturnType">Whether the return type was already found wrong for another reason (an async method's Task).</param>
    public static FunctionSignature? Parse(IMethodSymbol method, string displayName, StructCatalog structs, bool keepDefaults, DiagnosticSink sink, bool skipReturnType = false)
    {
        bool valid = true;
        IAssemblySymbol home = method.ContainingAssembly;
        BoundaryType? returnType = BoundaryTypeResolver.Resolve(method.ReturnType, method.RefKind, isParams: false, method.GetReturnTypeAttributes(), home, out string? problem);
        if (returnType is null && !skipReturnType)
        {
            sink.Report(Descriptors.TypeCannotCross, SourceLocations.ReturnType(method), "return value", displayName, Shown(method.ReturnType), problem);
        }

        valid &= returnType is not null;
        var parameters = new List<BoundaryParameter>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            BoundaryType? type = BoundaryTypeResolver.Resolve(parameter.Type, parameter.RefKind, parameter.IsParams, parameter.GetAttributes(), home, out problem);
            if (type is null)
            {
                sink.Report(Descriptors.TypeCannotCross, SourceLocations.ParameterType(parameter), $"parameter '{parameter.Name}'", displayName, Shown(parameter.Type), problem);
                valid = false;
                continue;
            }

            parameters.Add(keepDefaults
                ? new BoundaryParameter(Identifiers.Escape(parameter.Name), type, DefaultValue(parameter, type), HasCallerLineNumber(parameter))
                : new BoundaryParameter(Identifiers.Escape(parameter.Name), type));
        }

        if (!valid || returnType is null)
        {
            return null;
        }

        foreach (ITypeSymbol type in SignatureTypes.Of(method))
        {
            if (structs.Add(type) is { } conflict)
            {
                ReportConflict(conflict, method, displayName, sink);
                return null;
            }
        }

        Deprecation typesDeprecation = SignatureTypes.Of(method).Aggregate(Deprecation.None, (all, type) => all.Union(DeprecationReader.OfType(type)));
        string cSignature = CSpelling.Signature(method.ReturnType, returnType.CSpelling, parameters.Select(parameter => parameter.Type.CSpelling));
        return new FunctionSignature(returnType, parameters.ToEquatableArray(), cSignature, typesDeprecation);
    }

    /// <summary>Reports two different structs that one capsule's C signatures would both spell the same.</summary>
    public static void ReportConflict(StructNameConflict conflict, ISymbol member, string displayName, DiagnosticSink sink) =>
        sink.Report(Descriptors.StructNameConflict, SourceLocations.Of(member), displayName, conflict.CName, conflict.First.ToDisplayString(), conflict.Second.ToDisplayString());

    /// <summary>The default value as C# writes it for the parameter's type, or null if the parameter has none.</summary>
    private static string? DefaultValue(IParameterSymbol parameter, BoundaryType type)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return parameter.IsOptional ? "default" : null;
        }

        object? value = parameter.ExplicitDefaultValue;
        return value switch
        {
            null => type.Kind is BoundaryTypeKind.Pointer or BoundaryTypeKind.FunctionPointer ? "null" : "default",
            _ when parameter.Type.TypeKind == TypeKind.Enum => $"({type.ManagedName})({SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)})",
            double number => FloatingPoint(number, "double", number.ToString("R", CultureInfo.InvariantCulture), double.IsNaN(number), double.IsPositiveInfinity(number), double.IsNegativeInfinity(number)),
            float number => FloatingPoint(number, "float", number.ToString("R", CultureInfo.InvariantCulture) + "F", float.IsNaN(number), float.IsPositiveInfinity(number), float.IsNegativeInfinity(number)),
            _ => SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false),
        };
    }

    private static string FloatingPoint(object value, string keyword, string literal, bool isNaN, bool isPositiveInfinity, bool isNegativeInfinity) =>
        isNaN ? keyword + ".NaN"
        : isPositiveInfinity ? keyword + ".PositiveInfinity"
        : isNegativeInfinity ? keyword + ".NegativeInfinity"
        : value is double d && d == 0 && double.IsNegativeInfinity(1 / d) ? "-0.0"
        : value is float f && f == 0 && float.IsNegativeInfinity(1 / f) ? "-0.0F"
        : literal;

    private static bool HasCallerLineNumber(IParameterSymbol parameter) =>
        parameter.GetAttributes().Any(attribute => attribute.AttributeClass?.ToDisplayString() == KnownNames.CallerLineNumberAttribute);

    private static string Shown(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
