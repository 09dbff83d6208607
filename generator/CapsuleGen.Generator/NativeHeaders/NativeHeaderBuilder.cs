using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.PythonModules;

namespace CapsuleGen.Generator.NativeHeaders;

/// <summary>
/// Names everything an assembly's exports put in its header (<see cref="CNames"/>), and finds the
/// names that would be declared twice. The generator writes no header while there is a clash; the
/// capsule analyzer reports each, from the same result, on the export that comes second.
/// </summary>
internal static class NativeHeaderBuilder
{
    public static (NativeHeader Header, IReadOnlyList<HeaderNameClash> Clashes) Build(
        string assemblyName, IEnumerable<ExportedFunction> functions, IEnumerable<ExportedTable> tables, IEnumerable<ModuleClass> modules)
    {
        ModuleClass[] moduleClasses = modules.ToArray();
        var names = new Claims();
        var structs = new SortedDictionary<string, (string Layout, string Owner)>(System.StringComparer.Ordinal);

        var headerFunctions = new List<HeaderFunction>();
        foreach (ExportedFunction function in functions.OrderBy(function => function.DisplayName, System.StringComparer.Ordinal))
        {
            string cName = CNames.Export(TypeNames(function.Location), function.MethodName);
            names.Claim(function, $"'{function.DisplayName}'", cName, "_CAPSULE_NAME", "_fn", "_from_capsule", "_import");
            AddStructs(function.StructLayouts, function, $"'{function.DisplayName}'", structs, names);
            headerFunctions.Add(new HeaderFunction(cName, function, ImportName(function.CapsuleName, moduleClasses.FirstOrDefault(module => module.Location == function.Location))));
        }

        var headerTables = new List<HeaderTable>();
        foreach (ExportedTable table in tables.OrderBy(table => table.Location.NestedName, System.StringComparer.Ordinal))
        {
            string owner = $"'{table.Location.NestedName}'";
            string cName = CNames.Export(TypeNames(table.Location), memberName: null);
            names.Claim(table, owner, cName, string.Empty, "_CAPSULE_NAME", "_from_capsule", "_import");
            names.Claim(table, owner, "struct " + cName);
            AddStructs(table.StructLayouts, table, owner, structs, names);
            ModuleClass? module = moduleClasses.FirstOrDefault(module => table.Location == module.Location || table.Location.IsNestedDirectlyIn(module.Location));
            headerTables.Add(new HeaderTable(cName, table, SlotMembers(table, owner, names), ImportName(table.CapsuleName, module)));
        }

        var header = new NativeHeader(
            assemblyName,
            FileStem(assemblyName),
            headerFunctions.OrderBy(function => function.CName, System.StringComparer.Ordinal).ToEquatableArray(),
            headerTables.OrderBy(table => table.CName, System.StringComparer.Ordinal).ToEquatableArray(),
            structs.Values.Select(entry => entry.Layout).ToEquatableArray());
        return (header, names.Clashes);
    }

    /// <summary>The files' stem: the assembly's name with <c>_capsules</c>, every character C or Cython could not take in a file name as <c>_</c>.</summary>
    public static string FileStem(string assemblyName) =>
        new string(assemblyName.Select(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' ? c : '_').ToArray()) + "_capsules";

    private static IEnumerable<string> TypeNames(TypeLocation location) => location.Types.Select(type => type.Name);

    /// <summary>The module attribute's dotted name, as the module's entry point sets it; null outside a module or for a name that is no attribute.</summary>
    private static string? ImportName(string? capsuleName, ModuleClass? module) =>
        module is not null && PythonNames.AttributeFor(capsuleName, module.ModuleName) is { } attribute ? module.ModuleName + "." + attribute : null;

    private static EquatableArray<string> SlotMembers(ExportedTable table, string owner, Claims names)
    {
        var members = new string[table.SlotCount];
        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (ExportedSlot slot in table.Slots)
        {
            members[slot.Index] = CNames.Member(slot.Function.MethodName);
            if (!taken.Add(members[slot.Index]))
            {
                names.Clashes.Add(new HeaderNameClash(members[slot.Index], table, $"'{slot.Function.DisplayName}'", "another slot of " + owner));
            }
        }

        for (int i = 0; i < members.Length; i++)
        {
            members[i] ??= Parsing.Identifiers.Take("reserved" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), taken);
        }

        return members.ToEquatableArray();
    }

    /// <summary>A struct is declared once: two exports reaching structs of one C name must describe the same layout.</summary>
    private static void AddStructs(EquatableArray<string> layouts, object export, string owner, SortedDictionary<string, (string Layout, string Owner)> structs, Claims names)
    {
        foreach (string layout in layouts)
        {
            string cName = CStruct.TagOf(layout);
            if (structs.TryGetValue(cName, out (string Layout, string Owner) known))
            {
                if (known.Layout != layout)
                {
                    names.Clashes.Add(new HeaderNameClash(cName, export, owner, $"a different struct of that name that {known.Owner} passes"));
                }

                continue;
            }

            structs.Add(cName, (layout, owner));
            names.Claim(export, owner, cName);
        }
    }

    /// <summary>Who declared each name first.</summary>
    private sealed class Claims
    {
        private readonly Dictionary<string, string> _holders = new(System.StringComparer.Ordinal);

        public List<HeaderNameClash> Clashes { get; } = new();

        /// <summary>Claims <paramref name="name"/> followed by each suffix (none: the name alone) for <paramref name="export"/>, named <paramref name="owner"/> in messages.</summary>
        public void Claim(object export, string owner, string name, params string[] suffixes)
        {
            foreach (string suffix in suffixes.Length == 0 ? new[] { string.Empty } : suffixes)
            {
                string claimed = name + suffix;
                if (_holders.TryGetValue(claimed, out string? holder))
                {
                    // One clash between two exports is reported once, on the first name they share.
                    if (!Clashes.Any(clash => ReferenceEquals(clash.Owner, export) && clash.Holder == holder))
                    {
                        Clashes.Add(new HeaderNameClash(name, export, owner, holder));
                    }
                }
                else
                {
                    _holders.Add(claimed, owner);
                }
            }
        }
    }
}
