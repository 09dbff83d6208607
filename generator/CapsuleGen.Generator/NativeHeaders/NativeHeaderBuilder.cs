using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.PythonModules;

namespace CapsuleGen.Generator.NativeHeaders;

/// <summary>
/// Names everything an assembly's exports put in its header (<see cref="CNames"/>), and finds the
/// names that would be declared twice. An export whose name is taken is left out of the header, which
/// says so in a comment; the capsule analyzer reports it, from the same result, when the project
/// writes the header for C code to use (CAPS0067).
/// </summary>
internal static class NativeHeaderBuilder
{
    public static (NativeHeader Header, IReadOnlyList<HeaderNameClash> Clashes) Build(
        string assemblyName, IEnumerable<ExportedFunction> functions, IEnumerable<ExportedTable> tables, IEnumerable<ModuleClass> modules)
    {
        ModuleClass[] moduleClasses = modules.ToArray();
        var names = new Claims();

        var headerFunctions = new List<HeaderFunction>();
        foreach (ExportedFunction function in functions.OrderBy(function => function.DisplayName, System.StringComparer.Ordinal))
        {
            string cName = CNames.Export(TypeNames(function.Location), function.MethodName);
            if (names.Admit(function, $"'{function.DisplayName}'", Suffixed(cName, "_CAPSULE_NAME", "_fn", "_from_capsule", "_import"), function.StructLayouts))
            {
                headerFunctions.Add(new HeaderFunction(cName, function, ImportName(function.CapsuleName, moduleClasses.FirstOrDefault(module => module.Location == function.Location))));
            }
        }

        var headerTables = new List<HeaderTable>();
        foreach (ExportedTable table in tables.OrderBy(table => table.Location.NestedName, System.StringComparer.Ordinal))
        {
            string cName = CNames.Export(TypeNames(table.Location), memberName: null);
            string[] declared = Suffixed(cName, string.Empty, "_CAPSULE_NAME", "_from_capsule", "_import").Append("struct " + cName).ToArray();
            if (names.Admit(table, $"'{table.Location.NestedName}'", declared, table.StructLayouts))
            {
                ModuleClass? module = moduleClasses.FirstOrDefault(module => table.Location == module.Location || table.Location.IsNestedDirectlyIn(module.Location));
                headerTables.Add(new HeaderTable(cName, table, SlotMembers(table), ImportName(table.CapsuleName, module)));
            }
        }

        var header = new NativeHeader(
            assemblyName,
            FileStem(assemblyName),
            headerFunctions.OrderBy(function => function.CName, System.StringComparer.Ordinal).ToEquatableArray(),
            headerTables.OrderBy(table => table.CName, System.StringComparer.Ordinal).ToEquatableArray(),
            names.Structs.Values.Select(entry => entry.Layout).ToEquatableArray(),
            names.Clashes.Select(clash => $"{clash.OwnerName}: '{clash.Name}' is declared for {clash.Holder}").ToEquatableArray());
        return (header, names.Clashes);
    }

    /// <summary>The files' stem: the assembly's name with <c>_capsules</c>, every character C or Cython could not take in a file name as <c>_</c>.</summary>
    public static string FileStem(string assemblyName) =>
        new string(assemblyName.Select(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' ? c : '_').ToArray()) + "_capsules";

    private static IEnumerable<string> TypeNames(TypeLocation location) => location.Types.Select(type => type.Name);

    /// <summary>The module attribute's dotted name, as the module's entry point sets it; null outside a module or for a name that is no attribute.</summary>
    private static string? ImportName(string? capsuleName, ModuleClass? module) =>
        module is not null && PythonNames.AttributeFor(capsuleName, module.ModuleName) is { } attribute ? module.ModuleName + "." + attribute : null;

    /// <summary>
    /// Each member's name in the table's struct, in order: a slot's method's C name, with <c>_&lt;slot&gt;</c>
    /// when overloads share it (<c>Add_0</c>, <c>Add_1</c>), <c>reserved&lt;slot&gt;</c> for an empty slot;
    /// a C struct table's fields, in declaration order, alike.
    /// </summary>
    private static EquatableArray<string> SlotMembers(ExportedTable table)
    {
        if (table.Struct is { } structTable)
        {
            return UniqueMembers(structTable.Fields.Select((field, index) => (field.MemberName, index)), structTable.Fields.Count);
        }

        return UniqueMembers(table.Slots.Select(slot => (slot.Function.MethodName, slot.Index)), table.SlotCount);
    }

    /// <summary>Member names for <paramref name="count"/> positions from the members at some of them; same-named ones get their position, empty positions <c>reserved&lt;n&gt;</c>.</summary>
    private static EquatableArray<string> UniqueMembers(IEnumerable<(string Name, int Position)> declared, int count)
    {
        (string Name, int Position)[] members = declared.Select(member => (CNames.Member(member.Name), member.Position)).ToArray();
        var overloaded = new HashSet<string>(members.GroupBy(member => member.Name).Where(group => group.Count() > 1).Select(group => group.Key), System.StringComparer.Ordinal);
        var names = new string[count];
        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        foreach ((string name, int position) in members)
        {
            names[position] = Parsing.Identifiers.Take(overloaded.Contains(name) ? name + "_" + position.ToString(System.Globalization.CultureInfo.InvariantCulture) : name, taken);
        }

        for (int i = 0; i < names.Length; i++)
        {
            names[i] ??= Parsing.Identifiers.Take("reserved" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), taken);
        }

        return names.ToEquatableArray();
    }

    private static string[] Suffixed(string name, params string[] suffixes) => suffixes.Select(suffix => name + suffix).ToArray();

    /// <summary>
    /// Who declared each name first. An export is admitted whole or not at all: if one of its names, or
    /// a struct it passes (one C name, another layout), is taken, it is left out with one clash.
    /// </summary>
    private sealed class Claims
    {
        private readonly Dictionary<string, string> _holders = new(System.StringComparer.Ordinal);

        public List<HeaderNameClash> Clashes { get; } = new();

        /// <summary>The structs admitted exports pass, by C name, with the export that passes each first.</summary>
        public SortedDictionary<string, (string Layout, string Owner)> Structs { get; } = new(System.StringComparer.Ordinal);

        public bool Admit(object export, string owner, IReadOnlyList<string> names, EquatableArray<string> layouts)
        {
            foreach (string name in names)
            {
                if (_holders.TryGetValue(name, out string? holder))
                {
                    Clashes.Add(new HeaderNameClash(name, export, owner, holder));
                    return false;
                }
            }

            foreach (string layout in layouts)
            {
                string tag = CStruct.TagOf(layout);
                if (Structs.TryGetValue(tag, out (string Layout, string Owner) known) ? known.Layout != layout : _holders.TryGetValue(tag, out _))
                {
                    Clashes.Add(new HeaderNameClash(tag, export, owner, known.Owner is null ? _holders[tag] : $"a different struct of that name that {known.Owner} passes"));
                    return false;
                }
            }

            foreach (string name in names)
            {
                _holders.Add(name, owner);
            }

            foreach (string layout in layouts)
            {
                string tag = CStruct.TagOf(layout);
                if (!Structs.ContainsKey(tag))
                {
                    Structs.Add(tag, (layout, owner));
                    _holders.Add(tag, owner);
                }
            }

            return true;
        }
    }
}
