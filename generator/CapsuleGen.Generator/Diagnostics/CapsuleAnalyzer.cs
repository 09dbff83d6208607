using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapsuleGen.Generator.Diagnostics;

/// <summary>
/// Reports why a capsule declaration cannot be generated, at the place the fix goes. It runs the
/// same parsers as <see cref="CapsuleGenerator"/>, so the two never disagree about what is valid.
/// At the end of the compilation it checks declarations against each other: duplicate export
/// names, and imports whose signatures differ from an export of the same name in this project or
/// in a referenced assembly (read from that assembly's generated manifest).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CapsuleAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.ExportNotStatic,
        Descriptors.TypeNotPartial,
        Descriptors.GenericNotSupported,
        Descriptors.TypeCannotCross,
        Descriptors.InvalidCapsuleName,
        Descriptors.ImportNotPartialInterface,
        Descriptors.MemberCannotBeBound,
        Descriptors.ImportNeedsOneFunction,
        Descriptors.MemberNameReserved,
        Descriptors.InvalidSlotIndex,
        Descriptors.DuplicateSlot,
        Descriptors.MemberNeedsSlot,
        Descriptors.TableNeedsName,
        Descriptors.TableHasNoSlots,
        Descriptors.DuplicateCapsuleName,
        Descriptors.ImportDoesNotMatchExport,
        Descriptors.UnsafeBlocksRequired,
        Descriptors.GeneratedNameTaken,
        Descriptors.UnsupportedTarget,
        Descriptors.ExportIsAsync,
        Descriptors.CallsRemoved,
        Descriptors.LanguageVersionTooLow,
        Descriptors.FileLocalType,
        Descriptors.StructNameConflict,
        Descriptors.SystemNamespaceHidden,
        Descriptors.InvalidExceptionPolicy,
        Descriptors.AttributeDoesNotFitLayout,
        Descriptors.StructTableSplitAcrossParts,
        Descriptors.NotAStructField,
        Descriptors.WrongStructSize,
        Descriptors.InvalidStructSizeField,
        Descriptors.StringConstantHasNul,
        Descriptors.PythonErrorsNeedPython,
        Descriptors.HeaderNameClash);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? exportAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.ExportCapsuleAttribute);
            INamedTypeSymbol? importAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.ImportCapsuleAttribute);
            if (exportAttribute is not null || importAttribute is not null)
            {
                new CompilationAnalysis(start.Compilation, exportAttribute, importAttribute).Register(start);
            }
        });
    }

    /// <summary>An export found in this compilation, for the checks made at its end.</summary>
    private sealed record LocalExport(ManifestEntry Entry, bool NamedExplicitly, string Display, Location? Location, ExportedFunction? Function = null, ExportedTable? Table = null);

    /// <summary>An import found in this compilation.</summary>
    private sealed record LocalImport(ImportedInterface Import, Location? Location);

    private sealed class CompilationAnalysis
    {
        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol? _exportAttribute;
        private readonly INamedTypeSymbol? _importAttribute;
        private readonly bool _unsafeAllowed;
        private readonly ConcurrentBag<LocalExport> _exports = new();
        private readonly ConcurrentBag<LocalImport> _imports = new();

        // Where the declarations that ask for generated code are, valid or not.
        private readonly ConcurrentBag<Location> _declarations = new();

        // Several exports in one non-partial type would each report that type; report it once.
        private readonly ConcurrentDictionary<(string Id, Location? Location, string Message), byte> _reported = new();

        public CompilationAnalysis(Compilation compilation, INamedTypeSymbol? exportAttribute, INamedTypeSymbol? importAttribute)
        {
            _compilation = compilation;
            _exportAttribute = exportAttribute;
            _importAttribute = importAttribute;
            _unsafeAllowed = compilation.Options is CSharpCompilationOptions { AllowUnsafe: true };
        }

        public void Register(CompilationStartAnalysisContext start)
        {
            start.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
            AttributedLocalMethods.Register(start, ReportUnreachable);
            start.RegisterCompilationEndAction(AnalyzeAcrossDeclarations);
        }

        private void AnalyzeMethod(SymbolAnalysisContext context)
        {
            var method = (IMethodSymbol)context.Symbol;

            // A partial method is analyzed once, through its definition, which carries the attributes of both parts.
            if (method.PartialDefinitionPart is not null || Find(method, _exportAttribute) is not { } attribute)
            {
                return;
            }

            DiagnosticSink sink = DiagnosticSink.Collecting();
            AddDeclaration(attribute, method);
            if (ExportParser.Parse(method, attribute, sink) is { } function)
            {
                _exports.Add(new LocalExport(ManifestEntry.For(function), !CapsuleNameParser.UsesSignatureName(attribute), function.DisplayName, SourceLocations.AttributeArgument(attribute, method), Function: function));
            }

            RequireGenerationSupport(sink, attribute, method);
            Report(context.ReportDiagnostic, sink.Diagnostics);
        }

        private void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            DiagnosticSink sink = DiagnosticSink.Collecting();
            if (Attributes.Find(type, KnownNames.PythonModuleAttribute) is { } module)
            {
                AddDeclaration(module, type);
            }

            if (Find(type, _importAttribute) is { } import)
            {
                AddDeclaration(import, type);
                if (ImportParser.Parse(type, import, sink) is { } imported)
                {
                    _imports.Add(new LocalImport(imported, SourceLocations.Of(type)));
                }

                RequireGenerationSupport(sink, import, type);
            }

            if (Find(type, _exportAttribute) is { } export)
            {
                AddDeclaration(export, type);
                if (TableExportParser.Parse(type, export, sink) is { } table)
                {
                    _exports.Add(new LocalExport(ManifestEntry.For(table), NamedExplicitly: true, type.Name, SourceLocations.AttributeArgument(export, type), Table: table));
                }

                RequireGenerationSupport(sink, export, type);
            }

            Report(context.ReportDiagnostic, sink.Diagnostics);
        }

        private void ReportUnreachable(SyntaxNodeAnalysisContext context, IMethodSymbol symbol, Location location, string display)
        {
            if (Find(symbol, _exportAttribute) is not null && ExportParser.TargetProblem(symbol) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedTarget, location, display, Descriptors.Exported, problem));
            }
        }

        private void AddDeclaration(AttributeData attribute, ISymbol owner)
        {
            if (SourceLocations.AttributeArgument(attribute, owner) is { } location)
            {
                _declarations.Add(location);
            }
        }

        private void AnalyzeAcrossDeclarations(CompilationAnalysisContext context)
        {
            ReportHiddenSystemNamespace(context);

            LocalExport[] exports = _exports.OrderBy(export => export.Location?.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(export => export.Location?.SourceSpan.Start).ToArray();

            // Names given explicitly identify one capsule; names derived from a C signature
            // (SciPy's "double (double)") describe a type, and many functions share one.
            foreach (IGrouping<string?, LocalExport> sameName in exports.Where(export => export.NamedExplicitly).GroupBy(export => export.Entry.CapsuleName))
            {
                LocalExport first = sameName.First();
                foreach (LocalExport duplicate in sameName.Skip(1))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.DuplicateCapsuleName, duplicate.Location, DiagnosticText.Quote(duplicate.Entry.CapsuleName), first.Display));
                }
            }

            ReportHeaderNameClashes(context, exports);
            if (_imports.IsEmpty)
            {
                return;
            }

            List<(ManifestEntry Entry, string Source)> known = exports.Select(export => (export.Entry, $"'{export.Display}'")).Concat(ReferencedExports()).ToList();
            foreach (LocalImport import in _imports)
            {
                var candidates = known.Where(export => export.Entry.CapsuleName == import.Import.CapsuleName).ToList();
                if (candidates.Count == 0 || candidates.Any(export => ExportImportMatcher.FindDifference(import.Import, export.Entry) is null))
                {
                    continue; // nothing to compare with here, or at least one export fits
                }

                (ManifestEntry entry, string source) = candidates[0];
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ImportDoesNotMatchExport,
                    import.Location,
                    import.Import.DisplayName,
                    DiagnosticText.Quote(import.Import.CapsuleName),
                    source,
                    ExportImportMatcher.FindDifference(import.Import, entry)));
            }
        }

        /// <summary>
        /// CAPS0067, on an export left out of the C header because its name is taken there; only when
        /// the project writes the header for C code (<c>CapsuleHeaderDirectory</c>): a project that only
        /// calls its exports from .NET is not told about a file it does not use.
        /// </summary>
        private void ReportHeaderNameClashes(CompilationAnalysisContext context, LocalExport[] exports)
        {
            if (!context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.CapsuleHeaderDirectory", out string? directory) ||
                string.IsNullOrWhiteSpace(directory))
            {
                return;
            }

            (_, IReadOnlyList<NativeHeaders.HeaderNameClash> clashes) = NativeHeaders.NativeHeaderBuilder.Build(
                _compilation.AssemblyName ?? string.Empty,
                exports.Where(export => export.Function is not null).Select(export => export.Function!),
                exports.Where(export => export.Table is not null).Select(export => export.Table!),
                []);
            foreach (NativeHeaders.HeaderNameClash clash in clashes)
            {
                Location? location = exports.FirstOrDefault(export => ReferenceEquals(export.Function, clash.Owner) || ReferenceEquals(export.Table, clash.Owner))?.Location;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.HeaderNameClash, location, clash.OwnerName, clash.Name, clash.Holder));
            }
        }

        /// <summary>
        /// CAPS0026, once for each type named System in the global namespace, where it is declared; for
        /// one in a referenced assembly, at the first declaration that asks for generated code.
        /// </summary>
        private void ReportHiddenSystemNamespace(CompilationAnalysisContext context)
        {
            Location? first = _declarations.OrderBy(location => location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(location => location.SourceSpan.Start).FirstOrDefault();
            if (first is null)
            {
                return;
            }

            foreach (INamedTypeSymbol type in CompilationFacts.TypesHidingSystem(_compilation))
            {
                Location? declared = type.Locations.FirstOrDefault(location => location.IsInSource);
                string shown = declared is null ? $"The type 'System' of assembly '{type.ContainingAssembly.Name}'" : "This type";
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SystemNamespaceHidden, declared ?? first, shown));
            }
        }

        /// <summary>
        /// Exports published by referenced assemblies in their generated manifests. The attributes are
        /// public, so anyone may write one by hand: an entry that does not make sense is skipped.
        /// </summary>
        private IEnumerable<(ManifestEntry Entry, string Source)> ReferencedExports()
        {
            foreach (IAssemblySymbol assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
            {
                foreach (AttributeData attribute in assembly.GetAttributes())
                {
                    if (ManifestReader.Read(attribute) is { } entry)
                    {
                        yield return (entry, $"assembly '{assembly.Name}'");
                    }
                }
            }
        }

        /// <summary>Generated code needs unsafe code and C# 10; without either, nothing is generated and the user is told why.</summary>
        private void RequireGenerationSupport(DiagnosticSink sink, AttributeData attribute, ISymbol owner)
        {
            Location? location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? SourceLocations.Of(owner);
            if (!_unsafeAllowed)
            {
                sink.Report(Descriptors.UnsafeBlocksRequired, location, owner.Name);
            }

            if (location?.SourceTree?.Options is CSharpParseOptions { LanguageVersion: var version } && version < Pipeline.CompilationConditions.MinimumLanguageVersion)
            {
                sink.Report(Descriptors.LanguageVersionTooLow, location, owner.Name, version.ToDisplayString());
            }
        }

        private void Report(System.Action<Diagnostic> report, IReadOnlyList<Diagnostic> diagnostics)
        {
            foreach (Diagnostic diagnostic in diagnostics)
            {
                if (_reported.TryAdd((diagnostic.Id, diagnostic.Location, diagnostic.GetMessage(CultureInfo.InvariantCulture)), 0))
                {
                    report(diagnostic);
                }
            }
        }

        private static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType) =>
            attributeType is null
                ? null
                : symbol.GetAttributes().FirstOrDefault(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType));
    }
}
