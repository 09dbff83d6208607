using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>
/// Keeps the members the generator adds to a user's type apart from the user's own. Names that are
/// public API (<c>QuackCapsule</c>) are fixed, so a clash is reported; private helpers (trampolines,
/// entries, the table factory, Python wrappers) are named against every name the type already uses
/// and against each other, so they never clash. Each is a function of the type's declarations alone,
/// so the pipeline's separate steps (exports, tables, modules) name them alike.
/// </summary>
internal static class GeneratedNames
{
    private const string CapsuleSuffix = "Capsule";

    /// <summary>The public capsule property an export of <paramref name="exported"/> (a method, or a table class) generates: <c>QuackCapsule</c>.</summary>
    public static string CapsuleProperty(string exported) => exported.TrimStart('@') + CapsuleSuffix;

    /// <summary>The symbol CPython looks up in a module's shared library: <c>PyInit_CppDuck</c>.</summary>
    public static string PythonEntryPoint(string moduleName) => "PyInit_" + moduleName;

    /// <summary>The wrapper CPython calls for a module function, named as a C extension would name it: <c>Bird_setQuack</c>.</summary>
    public static string PythonWrapper(string moduleName, string functionName) => moduleName + "_" + functionName;

    /// <summary>The method that reads a capsule property only obsolete code may name: <c>ReadSpamCapsule</c>.</summary>
    public static string CapsuleReader(string property) => "Read" + property;

    /// <summary>Whether each public name is free in <paramref name="type"/>; reports every one that is taken.</summary>
    public static bool AreFree(INamedTypeSymbol type, ISymbol owner, string ownerDisplay, DiagnosticSink sink, params string[] names)
    {
        bool free = true;
        foreach (string name in names)
        {
            string? holder = name == type.Name
                ? $"'{type.Name}' is itself named '{name}', and a member cannot have its type's name"
                : FindHolder(type, name);
            if (holder is not null)
            {
                sink.Report(Descriptors.GeneratedNameTaken, SourceLocations.Of(owner), ownerDisplay, name, holder);
                free = false;
            }
        }

        return free;
    }

    /// <summary>
    /// Whether a public member <paramref name="name"/> generated in <paramref name="type"/> hides one
    /// CapsuleGen generates for a base type (a derived class that exports its own <c>new Quack</c>),
    /// so it must be declared <c>new</c>.
    /// </summary>
    public static bool HidesGenerated(INamedTypeSymbol type, string name)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (GeneratedPropertyAccessibility(current, name, generatedOnly: true) is { } accessibility && IsVisibleTo(accessibility, current, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The trampoline and managed entry names of an exported method, alone or in a table slot:
    /// <c>QuackTrampoline</c> and <c>QuackEntry</c>, or variants no name of the type uses. Overloads
    /// that are exported too take the next variants in declaration order.
    /// </summary>
    public static (string Trampoline, string Entry) EntryPoints(IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        HashSet<string> taken = TakenIn(type);
        bool isTable = Attributes.Has(type, KnownNames.ExportCapsuleAttribute);
        foreach (IMethodSymbol overload in type.GetMembers(method.Name).OfType<IMethodSymbol>().Where(overload => HasEntryPoints(overload, isTable)))
        {
            (string Trampoline, string Entry) names = (Identifiers.Take(method.Name + "Trampoline", taken), Identifiers.Take(method.Name + "Entry", taken));
            if (SymbolEqualityComparer.Default.Equals(overload, method))
            {
                return names;
            }
        }

        return (Identifiers.Take(method.Name + "Trampoline", taken), Identifiers.Take(method.Name + "Entry", taken));
    }

    /// <summary>The private method that fills an exported table: <c>FillSpamApiTable</c>, or a variant no name of the class uses.</summary>
    public static string TableFactory(INamedTypeSymbol type) => Identifiers.Unused("Fill" + type.Name + "Table", TakenIn(type));

    /// <summary>Every name the capsule exports of <paramref name="type"/> generate in it, public and private.</summary>
    public static HashSet<string> OfExports(INamedTypeSymbol type)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        bool isTable = Attributes.Has(type, KnownNames.ExportCapsuleAttribute);
        if (isTable)
        {
            names.Add(CapsuleProperty(type.Name));
            names.Add(TableFactory(type));
        }

        foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>().Where(method => HasEntryPoints(method, isTable)))
        {
            (string trampoline, string entry) = EntryPoints(method);
            names.Add(trampoline);
            names.Add(entry);
            names.Add(CapsuleProperty(method.Name));
        }

        return names;
    }

    /// <summary>
    /// Every name <paramref name="type"/> uses: its own, its members', its nested types' and those it
    /// inherits (a generated member with an inherited name would hide it, which C# warns about).
    /// </summary>
    public static HashSet<string> TakenIn(INamedTypeSymbol type)
    {
        var taken = new HashSet<string>(System.StringComparer.Ordinal) { type.Name };
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            taken.UnionWith(current.GetMembers().Where(member => !IsOurs(member)).Select(member => member.Name));
        }

        return taken;
    }

    /// <summary>
    /// Whether a member comes from this generator's own output (the analyzer sees the compilation
    /// with generated files in it; the generator itself never does).
    /// </summary>
    public static bool IsOurs(ISymbol member) =>
        member.DeclaringSyntaxReferences.Length > 0 &&
        member.DeclaringSyntaxReferences.All(reference => s_generators.Any(generator => reference.SyntaxTree.FilePath.Contains(generator)));

    /// <summary>The generators' full names, which name the folders their files are in.</summary>
    private static readonly string[] s_generators = { typeof(CapsuleGenerator).FullName, typeof(PythonModules.PythonModuleGenerator).FullName };

    /// <summary>
    /// A user's member that a public generated member named <paramref name="name"/> would clash with
    /// or hide, described for a message; null if there is none. Members a base type cannot pass on
    /// (private ones, internal ones of another assembly) and those CapsuleGen generates for a base
    /// type (see <see cref="HidesGenerated"/>) are not in the way.
    /// </summary>
    private static string? FindHolder(INamedTypeSymbol type, string name)
    {
        if (type.GetMembers(name).Any(member => !IsOurs(member)))
        {
            return $"'{type.Name}' already declares '{name}'";
        }

        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            bool inherited = current.GetMembers(name).Any(member => !IsOurs(member) && IsVisibleTo(member.DeclaredAccessibility, current, type));
            if (inherited && GeneratedPropertyAccessibility(current, name, generatedOnly: false) is null)
            {
                return $"'{type.Name}' inherits '{name}' from '{current.Name}'";
            }
        }

        return null;
    }

    /// <summary>
    /// The accessibility of the capsule property CapsuleGen generates in <paramref name="type"/> under
    /// <paramref name="name"/>, for an export of a method <c>X</c> as <c>XCapsule</c> or of the table
    /// class itself; null if it declares no such export.
    /// </summary>
    /// <param name="type">A base type of the type being generated for.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="generatedOnly">
    /// Whether to count only an export that is generated: a valid one in this compilation (the
    /// generator does not see its output yet), or one whose property a referenced assembly has.
    /// </param>
    private static Accessibility? GeneratedPropertyAccessibility(INamedTypeSymbol type, string name, bool generatedOnly)
    {
        if (!name.EndsWith(CapsuleSuffix, System.StringComparison.Ordinal))
        {
            return null;
        }

        string exported = name.Substring(0, name.Length - CapsuleSuffix.Length);
        bool inSource = type.DeclaringSyntaxReferences.Length > 0;
        if (exported == type.Name && type.TypeKind == TypeKind.Class && Attributes.Find(type, KnownNames.ExportCapsuleAttribute) is { } table)
        {
            bool generated = inSource ? TableExportParser.Parse(type, table, DiagnosticSink.None) is not null : type.GetMembers(name).Any();
            return generated || !generatedOnly ? Accessibility.Public : null;
        }

        foreach (IMethodSymbol method in type.GetMembers(exported).OfType<IMethodSymbol>())
        {
            if (Attributes.Find(method, KnownNames.ExportCapsuleAttribute) is { } export)
            {
                bool generated = inSource ? ExportParser.Parse(method, export, DiagnosticSink.None) is not null : type.GetMembers(name).Any();
                return generated || !generatedOnly ? AccessibilityText.OfGeneratedMember(method) : null;
            }
        }

        return null;
    }

    /// <summary>Whether a member of <paramref name="owner"/> with this accessibility is inherited by <paramref name="derived"/> where C# can see it.</summary>
    private static bool IsVisibleTo(Accessibility accessibility, INamedTypeSymbol owner, INamedTypeSymbol derived) => accessibility switch
    {
        Accessibility.Private => IsNestedIn(derived, owner),
        Accessibility.Internal or Accessibility.ProtectedAndInternal =>
            SymbolEqualityComparer.Default.Equals(owner.ContainingAssembly, derived.ContainingAssembly) || owner.ContainingAssembly.GivesAccessTo(derived.ContainingAssembly),
        _ => true,
    };

    private static bool IsNestedIn(INamedTypeSymbol type, INamedTypeSymbol outer)
    {
        for (INamedTypeSymbol? current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, outer.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a method gets a trampoline and an entry: it is exported alone, or fills a slot of an exported table.</summary>
    private static bool HasEntryPoints(IMethodSymbol method, bool inTable) =>
        Attributes.Has(method, KnownNames.ExportCapsuleAttribute) || (inTable && SlotParser.HasSlot(method));
}
