namespace CapsuleGen.Generator.Parsing;

/// <summary>Metadata names the generators and analyzers look for in the user's compilation.</summary>
internal static class KnownNames
{
    public const string ExportCapsuleAttribute = "CapsuleGen.ExportCapsuleAttribute";
    public const string ExportedCapsules = "CapsuleGen.Interop.ExportedCapsules";
    public const string ImportCapsuleAttribute = "CapsuleGen.ImportCapsuleAttribute";
    public const string CapsuleSlotAttribute = "CapsuleGen.CapsuleSlotAttribute";
    public const string CapsuleFieldAttribute = "CapsuleGen.CapsuleFieldAttribute";
    public const string ExportedCapsuleStructAttribute = "CapsuleGen.Interop.ExportedCapsuleStructAttribute";
    public const string Capsule = "CapsuleGen.Capsule";
    public const string ExportedCapsuleAttribute = "CapsuleGen.Interop.ExportedCapsuleAttribute";
    public const string ExportedCapsuleTableAttribute = "CapsuleGen.Interop.ExportedCapsuleTableAttribute";
    public const string PythonModuleAttribute = "CapsuleGen.Python.PythonModuleAttribute";
    public const string PythonFunctionAttribute = "CapsuleGen.Python.PythonFunctionAttribute";
    public const string PythonClassAttribute = "CapsuleGen.Python.PythonClassAttribute";
    public const string PythonPropertyAttribute = "CapsuleGen.Python.PythonPropertyAttribute";
    public const string PythonConstructorAttribute = "CapsuleGen.Python.PythonConstructorAttribute";
    public const string SetsRequiredMembersAttribute = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";
    public const string PositionalOnlyAttribute = "CapsuleGen.Python.PositionalOnlyAttribute";
    public const string KeywordOnlyAttribute = "CapsuleGen.Python.KeywordOnlyAttribute";
    public const string PyObject = "CapsuleGen.Python.PyObject";
    public const string PythonErrors = "CapsuleGen.Python.PythonErrors";
    public const string DLPackTensor = "CapsuleGen.DLPack.DLPackTensor";
    public const string StridedSpan = "CapsuleGen.DLPack.StridedSpan<T>";
    public const string ReadOnlyStridedSpan = "CapsuleGen.DLPack.ReadOnlyStridedSpan<T>";
    public const string Span = "System.Span<T>";
    public const string ReadOnlySpan = "System.ReadOnlySpan<T>";

    /// <summary>The named argument of <c>[PythonFunction]</c> that lets go of the GIL while the method runs.</summary>
    public const string ReleaseGilProperty = "ReleaseGil";
    public const string MarshalAsAttribute = "System.Runtime.InteropServices.MarshalAsAttribute";
    public const string StructLayoutAttribute = "System.Runtime.InteropServices.StructLayoutAttribute";
    public const string FieldOffsetAttribute = "System.Runtime.InteropServices.FieldOffsetAttribute";
    public const string InlineArrayAttribute = "System.Runtime.CompilerServices.InlineArrayAttribute";
    public const string UnmanagedCallersOnlyAttribute = "System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute";
    public const string ConditionalAttribute = "System.Diagnostics.ConditionalAttribute";
    public const string ObsoleteAttribute = "System.ObsoleteAttribute";
    public const string ExperimentalAttribute = "System.Diagnostics.CodeAnalysis.ExperimentalAttribute";
    public const string CallerLineNumberAttribute = "System.Runtime.CompilerServices.CallerLineNumberAttribute";
    public const string OptionalAttribute = "System.Runtime.InteropServices.OptionalAttribute";
    public const string ClsCompliantAttribute = "System.CLSCompliantAttribute";

    /// <summary>The named arguments that choose a table's layout and mark its size field.</summary>
    public const string LayoutProperty = "Layout";
    public const string StructSizeProperty = "StructSize";

    // Values of CapsuleGen.CapsuleLayout.
    public const int SlotsLayout = 0;
    public const int CStructLayout = 1;

    // Values of System.Runtime.InteropServices.UnmanagedType that define a bool's or char's width.
    public const int UnmanagedTypeBool = 2;
    public const int UnmanagedTypeU1 = 4;
    public const int UnmanagedTypeU2 = 6;
    public const int UnmanagedTypeI4 = 7;
}
