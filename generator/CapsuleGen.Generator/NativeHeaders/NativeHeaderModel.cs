using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.NativeHeaders;

/// <summary>A class marked <c>[PythonModule]</c>: its exports are module attributes that <c>PyCapsule_Import</c> finds.</summary>
/// <param name="Location">Where the class is declared.</param>
/// <param name="ModuleName">The module's name as the attribute gives it (validated by the module analyzer, not here).</param>
internal sealed record ModuleClass(TypeLocation Location, string ModuleName);

/// <summary>An exported function as the header declares it.</summary>
/// <param name="CName">Its identifier (see <see cref="CNames"/>): <c>CppDuck_Quack</c>.</param>
/// <param name="Function">The export.</param>
/// <param name="ImportName">The dotted name <c>PyCapsule_Import</c> finds it by (<c>CppDuck.quacker</c>), when it is a module attribute.</param>
internal sealed record HeaderFunction(string CName, ExportedFunction Function, string? ImportName);

/// <summary>An exported table as the header declares it: a C struct.</summary>
/// <param name="CName">Its identifier, the struct's tag and typedef: <c>SpamApi</c>.</param>
/// <param name="Table">The export.</param>
/// <param name="Members">Each member's name in the struct: per slot, in slot order (an empty slot's is <c>reserved&lt;n&gt;</c>), or per field of a C struct table.</param>
/// <param name="ImportName">The dotted name <c>PyCapsule_Import</c> finds it by, when it is a module attribute.</param>
internal sealed record HeaderTable(string CName, ExportedTable Table, EquatableArray<string> Members, string? ImportName);

/// <summary>Everything one assembly's header and <c>.pxd</c> declare.</summary>
/// <param name="AssemblyName">The assembly's name.</param>
/// <param name="FileStem">The files' name without extension: <c>CppDuck_capsules</c>.</param>
/// <param name="Functions">The exported functions, by identifier.</param>
/// <param name="Tables">The exported tables, by identifier.</param>
/// <param name="Structs">Every struct the exports' signatures reach, by C name, as layout texts.</param>
/// <param name="LeftOut">The exports left out because their names are taken, and why, as the header says it.</param>
internal sealed record NativeHeader(
    string AssemblyName, string FileStem, EquatableArray<HeaderFunction> Functions, EquatableArray<HeaderTable> Tables, EquatableArray<string> Structs, EquatableArray<string> LeftOut)
{
    public bool IsEmpty => Functions.Count == 0 && Tables.Count == 0 && LeftOut.Count == 0;
}

/// <summary>Two exports (or parts of one) that the naming rule gives one C name.</summary>
/// <param name="Name">The name both would declare.</param>
/// <param name="Owner">The export that comes second: an <see cref="ExportedFunction"/> or an <see cref="ExportedTable"/>.</param>
/// <param name="OwnerName">That export as messages name it: <c>'CppDuck.Quack'</c>.</param>
/// <param name="Holder">What already declares the name, as a message says it: <c>'A_B.C'</c>, <c>another slot of 'SpamApi'</c>.</param>
internal sealed record HeaderNameClash(string Name, object Owner, string OwnerName, string Holder);
