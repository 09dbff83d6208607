using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Diagnostics;

/// <summary>Every diagnostic CapsuleGen reports: one ID per concept, documented in docs/diagnostics.md.</summary>
internal static class Descriptors
{
    private const string Category = "CapsuleGen";
    private const string HelpBase = "https://github.com/capsulegen/capsulegen/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor ExportNotStatic = Error(
        "CAPS0001",
        "Exported method must be static",
        "'{0}' is marked [ExportCapsule] but is not static; a native pointer cannot carry an instance, so make the method static");

    public static readonly DiagnosticDescriptor TypeNotPartial = Error(
        "CAPS0002",
        "Type must be partial",
        "'{0}' must be partial because CapsuleGen adds generated members to it; add the 'partial' modifier");

    public static readonly DiagnosticDescriptor GenericNotSupported = Error(
        "CAPS0003",
        "Capsule functions cannot be generic",
        "'{0}' is generic; a native function has one fixed signature, so declare it without type parameters");

    public static readonly DiagnosticDescriptor TypeCannotCross = Error(
        "CAPS0004",
        "Type cannot cross a native boundary",
        "The {0} of '{1}' has type '{2}', which cannot cross a native boundary: {3}");

    public static readonly DiagnosticDescriptor InvalidCapsuleName = Error(
        "CAPS0005",
        "Invalid capsule name",
        "The capsule name {0} is invalid: {1}");

    public static readonly DiagnosticDescriptor ImportNotPartialInterface = Error(
        "CAPS0006",
        "[ImportCapsule] needs a partial interface",
        "'{0}' is marked [ImportCapsule] but is not a partial interface; declare it as 'partial interface'");

    public static readonly DiagnosticDescriptor MemberCannotBeBound = Error(
        "CAPS0007",
        "Interface member cannot be bound to a capsule",
        "'{0}' cannot be bound to a capsule: {1}");

    public static readonly DiagnosticDescriptor ImportNeedsOneFunction = Error(
        "CAPS0008",
        "A single-function import declares one method",
        "'{0}' imports a single function, so it must declare exactly one method, but it declares {1}; to import a table of functions, mark each member [CapsuleSlot(n)]");

    public static readonly DiagnosticDescriptor MemberNameReserved = Error(
        "CAPS0009",
        "Name is reserved by the generated binding",
        "'{0}' has the same name as {1}; rename it");

    public static readonly DiagnosticDescriptor InvalidSlotIndex = Error(
        "CAPS0010",
        "Invalid slot index",
        "Slot {0} of '{1}' is invalid: a slot index is between 0 and {2}");

    public static readonly DiagnosticDescriptor DuplicateSlot = Error(
        "CAPS0011",
        "Two members claim the same slot",
        "'{0}' claims slot {1}, which '{2}' already holds; each slot holds one member");

    public static readonly DiagnosticDescriptor MemberNeedsSlot = Error(
        "CAPS0012",
        "A table member needs a slot",
        "'{0}' is part of the table '{1}' and needs [CapsuleSlot(n)] to say which slot it reads");

    public static readonly DiagnosticDescriptor TableNeedsName = Error(
        "CAPS0013",
        "A table capsule needs a name",
        "'{0}' is a table, which has no C signature to be named by; give the capsule's name, such as [{1}(\"spam._C_API\")]");

    public static readonly DiagnosticDescriptor TableHasNoSlots = Error(
        "CAPS0014",
        "An exported table needs slots",
        "'{0}' is exported as a table but has no [CapsuleSlot(n)] method; mark each static method that fills a slot");

    public static readonly DiagnosticDescriptor DuplicateCapsuleName = Error(
        "CAPS0015",
        "Two exports have the same capsule name",
        "The capsule name {0} is already exported by '{1}'; a name identifies one capsule, so give this export another",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor ImportDoesNotMatchExport = Error(
        "CAPS0016",
        "Import does not match the export",
        "'{0}' does not match capsule {1} as {2} exports it: {3}",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnsafeBlocksRequired = Error(
        "CAPS0017",
        "CapsuleGen needs unsafe code",
        "The code generated for '{0}' calls through function pointers, which needs unsafe code; set <AllowUnsafeBlocks>true</AllowUnsafeBlocks> in the project file");

    public static readonly DiagnosticDescriptor GeneratedNameTaken = Error(
        "CAPS0018",
        "A generated member's name is taken",
        "'{0}' would generate '{1}', but {2}; rename one of them");

    /// <summary>{1} is what the attribute would make of the target: "exported" or "a Python function".</summary>
    public static readonly DiagnosticDescriptor UnsupportedTarget = Error(
        "CAPS0019",
        "[ExportCapsule] or [PythonFunction] cannot go here",
        "'{0}' cannot be {1}: {2}");

    /// <summary>What <see cref="UnsupportedTarget"/> says <c>[ExportCapsule]</c> would make of its target.</summary>
    public const string Exported = "exported";

    public static readonly DiagnosticDescriptor ExportIsAsync = Error(
        "CAPS0020",
        "An exported method cannot be async",
        "'{0}' is async: native code would get control back at its first 'await', and an exception thrown after that would end the process; make the method synchronous");

    public static readonly DiagnosticDescriptor CallsRemoved = Error(
        "CAPS0021",
        "Calls to an exported method or a Python function are removed by the compiler",
        "'{0}' {1}");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        "CAPS0022",
        "CapsuleGen needs C# 10 or later",
        "The code generated for '{0}' needs C# 10 or later, but the project compiles as C# {1}; set <LangVersion>10</LangVersion> or later in the project file");

    public static readonly DiagnosticDescriptor FileLocalType = Error(
        "CAPS0023",
        "A file-local type cannot receive generated code",
        "'{0}' is file-local, so all of it must be in one file and CapsuleGen cannot add its generated part; declare it 'internal' instead of 'file'");

    public static readonly DiagnosticDescriptor StructNameConflict = Error(
        "CAPS0024",
        "Two different structs have the same C name",
        "'{0}' uses two different structs that C would both call '{1}' ('{2}' and '{3}'); a C signature cannot tell them apart, so rename one of them");

    public static readonly DiagnosticDescriptor GeneratedInteropUsed = Error(
        "CAPS0025",
        "ExportedCapsules is for generated code",
        "CapsuleGen.Interop.ExportedCapsules is called only by code CapsuleGen generates: a capsule made there carries a managed entry that bindings call instead of its native pointer, and a wrong one would call another function; mark the method [ExportCapsule] instead");

    public static readonly DiagnosticDescriptor SystemNamespaceHidden = Error(
        "CAPS0026",
        "A type named System hides the System namespace",
        "{0} is named 'System' and declared in the global namespace, which hides the namespace System even from 'global::System', and CapsuleGen's generated code names it throughout, so nothing is generated; rename the type or declare it in a namespace",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidExceptionPolicy = Error(
        "CAPS0027",
        "Invalid exception policy",
        "OnException is {0}, which is no CapsuleExceptionPolicy; use CapsuleExceptionPolicy.ReturnDefault, CapsuleExceptionPolicy.FailFast or CapsuleExceptionPolicy.SetPythonError");

    public static readonly DiagnosticDescriptor PythonErrorsNeedPython = Error(
        "CAPS0060",
        "SetPythonError needs CapsuleGen.Python",
        "'{0}' asks for CapsuleExceptionPolicy.SetPythonError, whose trampoline sets the Python error through CapsuleGen.Python, which this project does not reference; add a reference to the CapsuleGen.Python package, or choose another policy");

    public static readonly DiagnosticDescriptor HeaderNameClash = Create(
        "CAPS0067",
        "An export is left out of the C header: its C name is taken",
        "{0} is left out of the assembly's C header: it would declare '{1}', which {2} declares already; rename one of them (an export's C name is the C# names of the types around it and its own, joined by '_')",
        DiagnosticSeverity.Warning,
        WellKnownDiagnosticTags.CompilationEnd);

    // C struct tables (Layout = CapsuleLayout.CStruct): CAPS0061 to CAPS0066.

    /// <summary>{1} is the attribute, {2} the table, {3} what to do instead.</summary>
    public static readonly DiagnosticDescriptor AttributeDoesNotFitLayout = Error(
        "CAPS0061",
        "The member's attribute does not fit the table's layout",
        "'{0}' is marked [{1}], but '{2}' {3}");

    public static readonly DiagnosticDescriptor StructTableSplitAcrossParts = Error(
        "CAPS0062",
        "A C struct table is declared in one part",
        "'{0}' is a field of the C struct table '{1}', but it is declared in another part of the partial type than '{2}'; fields are laid out in declaration order, which C# does not define across parts, so declare every field in one part");

    public static readonly DiagnosticDescriptor NotAStructField = Error(
        "CAPS0063",
        "Member cannot be part of a C struct table",
        "'{0}' cannot be part of a C struct table: {1}");

    public static readonly DiagnosticDescriptor WrongStructSize = Error(
        "CAPS0064",
        "The struct size field holds another value",
        "'{0}' holds the table's size, which is {1} bytes; write 'const int {2} = {1}'");

    public static readonly DiagnosticDescriptor InvalidStructSizeField = Error(
        "CAPS0065",
        "This member cannot hold the struct's size",
        "'{0}' cannot hold the struct's size: {1}");

    public static readonly DiagnosticDescriptor StringConstantHasNul = Error(
        "CAPS0066",
        "A string field contains a NUL character",
        "'{0}' contains a NUL character at index {1}, where C would end the string; remove it, or export the bytes through a pointer field");

    /// <summary>A CapsuleGen diagnostic, with its help link into docs/diagnostics.md; Python modules' descriptors are made here too.</summary>
    internal static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error, params string[] customTags) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant(), customTags: customTags);

    private static DiagnosticDescriptor Error(string id, string title, string message, params string[] customTags) =>
        Create(id, title, message, DiagnosticSeverity.Error, customTags);
}
