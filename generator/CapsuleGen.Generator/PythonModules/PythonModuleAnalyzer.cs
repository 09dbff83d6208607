using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>
/// Reports why a <c>[PythonModule]</c> class or a <c>[PythonFunction]</c> method generates no
/// module, at the place the fix goes. It runs the same parser as the generator, so the two never
/// disagree. At the end of the compilation it checks that the assembly holds one module.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PythonModuleAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        PythonModuleDescriptors.ModuleNotStaticClass,
        PythonModuleDescriptors.InvalidModuleName,
        PythonModuleDescriptors.FunctionOutsideModule,
        PythonModuleDescriptors.FunctionNotStatic,
        PythonModuleDescriptors.TypeCannotCrossToPython,
        PythonModuleDescriptors.InvalidFunctionName,
        PythonModuleDescriptors.DuplicateName,
        PythonModuleDescriptors.ModuleNameDiffersFromAssembly,
        PythonModuleDescriptors.SeveralModules,
        PythonModuleDescriptors.FunctionIsAsync,
        PythonModuleDescriptors.ObjectWithoutGil,
        PythonModuleDescriptors.KeywordOnlyBeforePositionalOnly,
        PythonModuleDescriptors.DefaultBeforeRequired,
        PythonModuleDescriptors.ClassOutsideModule,
        PythonModuleDescriptors.UnsupportedClass,
        PythonModuleDescriptors.UnusableConstructor,
        PythonModuleDescriptors.UnsupportedProperty,
        PythonModuleDescriptors.MemberOutsideClass,
        PythonModuleDescriptors.DuplicateClassMember,
        PythonModuleDescriptors.InvalidClassMemberName,
        Descriptors.TypeNotPartial,
        Descriptors.GenericNotSupported,
        Descriptors.FileLocalType,
        Descriptors.UnsupportedTarget,
        Descriptors.CallsRemoved,
        Descriptors.UnsafeBlocksRequired,
        Descriptors.LanguageVersionTooLow);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? module = start.Compilation.GetTypeByMetadataName(KnownNames.PythonModuleAttribute);
            INamedTypeSymbol? function = start.Compilation.GetTypeByMetadataName(KnownNames.PythonFunctionAttribute);
            if (module is not null && function is not null)
            {
                new CompilationAnalysis(start.Compilation, module, function).Register(start);
            }
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol _moduleAttribute;
        private readonly INamedTypeSymbol _functionAttribute;
        private readonly ConcurrentBag<(INamedTypeSymbol Type, Location? Location)> _modules = new();

        public CompilationAnalysis(Compilation compilation, INamedTypeSymbol moduleAttribute, INamedTypeSymbol functionAttribute)
        {
            _compilation = compilation;
            _moduleAttribute = moduleAttribute;
            _functionAttribute = functionAttribute;
        }

        public void Register(CompilationStartAnalysisContext start)
        {
            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
            start.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
            start.RegisterSymbolAction(AnalyzeProperty, SymbolKind.Property);
            AttributedLocalMethods.Register(start, ReportUnreachable);
            start.RegisterCompilationEndAction(AnalyzeAssembly);
        }

        private void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (Attributes.Find(type, KnownNames.PythonClassAttribute) is { } classAttribute && !IsInModule(type))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    PythonModuleDescriptors.ClassOutsideModule, classAttribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? SourceLocations.Of(type), type.Name));
            }

            if (Find(type, _moduleAttribute) is not { } attribute)
            {
                return;
            }

            DiagnosticSink sink = DiagnosticSink.Collecting();
            PythonModule? module = PythonModuleParser.Parse(type, attribute, sink, context.CancellationToken);
            if (module is not null)
            {
                module = PythonModuleCapsules.Attach(module, CapsuleCandidates(type, module), sink);
            }

            Location? where = SourceLocations.AttributeArgument(attribute, type);
            _modules.Add((type, where));

            Location? attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? where;
            if (_compilation.Options is not CSharpCompilationOptions { AllowUnsafe: true })
            {
                sink.Report(Descriptors.UnsafeBlocksRequired, attributeLocation, type.Name);
            }

            if (attributeLocation?.SourceTree?.Options is CSharpParseOptions { LanguageVersion: var version } && version < Pipeline.CompilationConditions.MinimumLanguageVersion)
            {
                sink.Report(Descriptors.LanguageVersionTooLow, attributeLocation, type.Name, version.ToDisplayString());
            }

            if (module is not null && module.ModuleName != _compilation.AssemblyName)
            {
                sink.Report(PythonModuleDescriptors.ModuleNameDiffersFromAssembly, where, module.ModuleName, _compilation.AssemblyName);
            }

            // A class that also exports capsules hears about its missing 'partial' from the capsule analyzer already.
            bool exportsCapsules = type.GetMembers().Append(type).Any(member => Attributes.Has(member, KnownNames.ExportCapsuleAttribute));
            foreach (Diagnostic diagnostic in sink.Diagnostics.Where(diagnostic => !(exportsCapsules && diagnostic.Id == Descriptors.TypeNotPartial.Id)))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>Reports a <c>[PythonFunction]</c> outside a module; the parser reports those of a module with the module.</summary>
        private void AnalyzeMethod(SymbolAnalysisContext context)
        {
            var method = (IMethodSymbol)context.Symbol;
            if (method.MethodKind == MethodKind.Constructor)
            {
                ReportOutsideClass(context, method, KnownNames.PythonConstructorAttribute, "PythonConstructor");
            }

            // A method of a type is reported with its module, or its class is reported as outside one.
            if (Find(method, _functionAttribute) is not { } attribute || Find(PythonFunctionTargets.DeclaringClass(method), _moduleAttribute) is not null ||
                Attributes.Has(PythonFunctionTargets.DeclaringClass(method), KnownNames.PythonClassAttribute))
            {
                return;
            }

            if (PythonFunctionTargets.Problem(method) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnsupportedTarget, SourceLocations.Of(method), ExportParser.DisplayName(method), PythonFunctionTargets.PythonFunction, problem));
            }
            else
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    PythonModuleDescriptors.FunctionOutsideModule,
                    attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? SourceLocations.Of(method),
                    method.ContainingType.Name + "." + method.Name,
                    method.ContainingType.Name));
            }
        }

        /// <summary>Reports a <c>[PythonProperty]</c> outside a type; the parser reports those of a type with its module.</summary>
        private static void AnalyzeProperty(SymbolAnalysisContext context) =>
            ReportOutsideClass(context, context.Symbol, KnownNames.PythonPropertyAttribute, "PythonProperty");

        private static void ReportOutsideClass(SymbolAnalysisContext context, ISymbol member, string attributeName, string shown)
        {
            if (Attributes.Find(member, attributeName) is { } attribute &&
                !(Attributes.Has(member.ContainingType, KnownNames.PythonClassAttribute) && IsInModule(member.ContainingType)))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    PythonModuleDescriptors.MemberOutsideClass,
                    attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? SourceLocations.Of(member),
                    member.ContainingType.Name + "." + (member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? member.ContainingType.Name : member.Name),
                    shown,
                    member.ContainingType.Name));
            }
        }

        /// <summary>Whether a type is nested directly in a <c>[PythonModule]</c> class, where it is a type of the module.</summary>
        private static bool IsInModule(INamedTypeSymbol type) =>
            type.ContainingType is { } module && Attributes.Has(module, KnownNames.PythonModuleAttribute);

        private void ReportUnreachable(SyntaxNodeAnalysisContext context, IMethodSymbol symbol, Location location, string display)
        {
            if (Find(symbol, _functionAttribute) is not null && PythonFunctionTargets.Problem(symbol) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedTarget, location, display, PythonFunctionTargets.PythonFunction, problem));
            }
        }

        private void AnalyzeAssembly(CompilationAnalysisContext context)
        {
            var modules = _modules
                .OrderBy(module => module.Location?.SourceTree?.FilePath, System.StringComparer.Ordinal)
                .ThenBy(module => module.Location?.SourceSpan.Start)
                .ToArray();
            foreach ((INamedTypeSymbol type, Location? location) in modules.Skip(1))
            {
                context.ReportDiagnostic(Diagnostic.Create(PythonModuleDescriptors.SeveralModules, location, type.Name, modules[0].Type.Name));
            }
        }

        /// <summary>
        /// The capsules the module's class exports, made into models by the parsers the capsule pipeline runs,
        /// in declaration order (the class itself first, as a table), each with where a clash is reported.
        /// </summary>
        private static IEnumerable<CapsuleCandidate> CapsuleCandidates(INamedTypeSymbol type, PythonModule module)
        {
            foreach (ISymbol member in type.GetMembers().Prepend(type))
            {
                if (Attributes.Find(member, KnownNames.ExportCapsuleAttribute) is not { } export)
                {
                    continue;
                }

                Location? where = SourceLocations.AttributeArgument(export, member);
                CapsuleCandidate? candidate = member switch
                {
                    IMethodSymbol method when ExportParser.Parse(method, export, DiagnosticSink.None) is { } function => PythonModuleCapsules.Of(module, function, where),
                    INamedTypeSymbol table when TableExportParser.Parse(table, export, DiagnosticSink.None) is { } parsed => PythonModuleCapsules.Of(module, parsed, where),
                    _ => null,
                };
                if (candidate is { } found)
                {
                    yield return found;
                }
            }
        }

        private static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeType) =>
            symbol.GetAttributes().FirstOrDefault(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType));
    }
}
