namespace CapsuleGen.Generator.PythonModules;

/// <summary>Where a generated wrapper lives and what its messages and calls name.</summary>
/// <param name="Prefix">What messages put before the function's Python name: <c>CppDuck.</c>, <c>CppDuck.Duck.</c>.</param>
/// <param name="Signatures">The generated class whose fields hold the wrappers' signatures, fully qualified.</param>
/// <param name="Module">The module's class, fully qualified.</param>
/// <param name="Class">The class whose static methods the wrappers call, fully qualified: the module's, or a type's.</param>
/// <param name="ShownClass">The class as generated comments name it.</param>
internal sealed record WrapperSite(string Prefix, string Signatures, string Module, string Class, string ShownClass)
{
    /// <summary>The module's own functions, whose signatures its entry point's class holds.</summary>
    public static WrapperSite Of(PythonModule module)
    {
        string moduleClass = module.Location.FullyQualifiedName;
        return new(module.ModuleName + ".", moduleClass + "." + module.EntryPointClass, moduleClass, moduleClass, module.Location.NestedName);
    }

    /// <summary>A type's constructor and methods, whose signatures a class in the type's holder holds.</summary>
    public static WrapperSite Of(PythonModule module, PythonClass type)
    {
        string moduleClass = module.Location.FullyQualifiedName;
        return new($"{module.ModuleName}.{type.PythonName}.", $"{moduleClass}.{type.HolderName}.{PythonClassEmitter.SignaturesClass}", moduleClass, type.Reference.ManagedType, type.ClassName);
    }
}
