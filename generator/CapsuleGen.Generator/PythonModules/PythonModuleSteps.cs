namespace CapsuleGen.Generator.PythonModules;

/// <summary>Names of the module generator's own steps, so tests can check that each one caches.</summary>
internal static class PythonModuleSteps
{
    public const string Modules = nameof(Modules);
    public const string ValidModules = nameof(ValidModules);
    public const string WithCapsules = nameof(WithCapsules);
    public const string Files = nameof(Files);
}
