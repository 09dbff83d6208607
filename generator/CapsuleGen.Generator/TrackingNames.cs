namespace CapsuleGen.Generator;

/// <summary>Names of the capsule pipeline's steps, so tests can check that each one caches.</summary>
internal static class TrackingNames
{
    public const string ExportedFunctions = nameof(ExportedFunctions);
    public const string ValidExportedFunctions = nameof(ValidExportedFunctions);
    public const string ExportingTypes = nameof(ExportingTypes);
    public const string ExportedTables = nameof(ExportedTables);
    public const string ValidExportedTables = nameof(ValidExportedTables);
    public const string Manifest = nameof(Manifest);
    public const string UnsafeAllowed = nameof(UnsafeAllowed);
    public const string LanguageSupported = nameof(LanguageSupported);
    public const string ClsCompliant = nameof(ClsCompliant);
    public const string SystemReachable = nameof(SystemReachable);
    public const string ImportedInterfaces = nameof(ImportedInterfaces);
    public const string ValidImportedInterfaces = nameof(ValidImportedInterfaces);
    public const string ExportFiles = nameof(ExportFiles);
    public const string TableFiles = nameof(TableFiles);
    public const string BindingFiles = nameof(BindingFiles);
    public const string GeneratedFiles = nameof(GeneratedFiles);
    public const string ModuleClasses = nameof(ModuleClasses);
    public const string NativeHeader = nameof(NativeHeader);
}
