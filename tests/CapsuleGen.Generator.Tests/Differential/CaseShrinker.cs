namespace CapsuleGen.Generator.Tests.Differential;

/// <summary>
/// Makes a failing case as small as it can while it still fails the same way: fewer functions,
/// parameters and fields, plain types, plain names, no nesting. Each step keeps the values that
/// remain and only redraws those of a struct whose fields changed.
/// </summary>
internal sealed class CaseShrinker
{
    private const int MaxAttempts = 150;

    private readonly Func<FuzzCase, Task<CaseFailure?>> _fails;
    private int _attempts;

    public CaseShrinker(Func<FuzzCase, Task<CaseFailure?>> fails)
    {
        _fails = fails;
    }

    public async Task<(FuzzCase Case, CaseFailure Failure)> ShrinkAsync(FuzzCase fuzzCase, CaseFailure failure)
    {
        bool progress = true;
        while (progress && _attempts < MaxAttempts)
        {
            progress = false;
            foreach (FuzzCase candidate in Candidates(fuzzCase))
            {
                if (++_attempts > MaxAttempts)
                {
                    break;
                }

                if (await _fails(candidate) is { } again && again.Kind == failure.Kind)
                {
                    (fuzzCase, failure, progress) = (candidate, again, true);
                    break;
                }
            }
        }

        return (fuzzCase, failure);
    }

    /// <summary>Simpler variants, the most promising first.</summary>
    private static IEnumerable<FuzzCase> Candidates(FuzzCase fuzzCase)
    {
        for (int f = 0; f < fuzzCase.Functions.Count && fuzzCase.Functions.Count > 1; f++)
        {
            yield return fuzzCase with { Functions = Without(fuzzCase.Functions, f) };
        }

        for (int f = 0; f < fuzzCase.Functions.Count; f++)
        {
            FuzzFunction function = fuzzCase.Functions[f];
            for (int p = 0; p < function.Parameters.Count; p++)
            {
                yield return WithFunction(fuzzCase, f, function with { Parameters = Without(function.Parameters, p) });
            }

            if (function.Return is not VoidType)
            {
                yield return WithFunction(fuzzCase, f, function with { Return = new VoidType() });
            }
        }

        IReadOnlyList<FuzzStruct> reachable = CaseBatch.Reachable(fuzzCase);
        if (reachable.Count < fuzzCase.Structs.Count)
        {
            yield return fuzzCase with { Structs = fuzzCase.Structs.Where(structure => reachable.Any(used => ReferenceEquals(used, structure))).ToList() };
        }

        foreach (FuzzStruct structure in fuzzCase.Structs.Where(structure => structure.Fields.Count > 1))
        {
            for (int i = 0; i < structure.Fields.Count; i++)
            {
                yield return Replace(fuzzCase, structure, structure with { Fields = Without(structure.Fields, i) });
            }
        }

        foreach (FuzzStruct structure in fuzzCase.Structs.Where(structure => structure.Kind is not (StructKind.Sequential or StructKind.InlineArray)))
        {
            yield return Replace(fuzzCase, structure, structure with { Kind = StructKind.Sequential, Pack = 0, ExtraSize = 0 });
        }

        if (fuzzCase.IsTable && fuzzCase.Functions.Count == 1)
        {
            yield return fuzzCase with { IsTable = false, Functions = [fuzzCase.Functions[0] with { Slot = 0 }] };
        }

        if (fuzzCase.Namespace.Count > 0 || fuzzCase.ImportNamespace.Count > 0 || fuzzCase.Containers.Count > 1 || fuzzCase.CaseTwin)
        {
            yield return fuzzCase with { Namespace = [], ImportNamespace = [], Containers = ["NHost"], CaseTwin = false };
        }

        string plainCapsuleName = "c" + fuzzCase.Index + ":x";
        if (fuzzCase.CapsuleName != plainCapsuleName)
        {
            yield return fuzzCase with { CapsuleName = plainCapsuleName };
        }

        if (PlainNames(fuzzCase) is { } plain)
        {
            yield return plain;
        }
    }

    private static FuzzCase WithFunction(FuzzCase fuzzCase, int index, FuzzFunction function) =>
        fuzzCase with { Functions = fuzzCase.Functions.Select((existing, i) => i == index ? function : existing).ToList() };

    private static List<T> Without<T>(IReadOnlyList<T> items, int index) => items.Where((_, i) => i != index).ToList();

    /// <summary>Every function, parameter, struct and field renamed A, B, C…, if any was not already.</summary>
    private static FuzzCase? PlainNames(FuzzCase fuzzCase)
    {
        int next = 0;
        string Name() => "N" + next++;
        var renamed = new Dictionary<FuzzStruct, FuzzStruct>(ReferenceEqualityComparer.Instance);
        var enums = new Dictionary<FuzzEnum, FuzzEnum>(ReferenceEqualityComparer.Instance);
        foreach (FuzzEnum fuzzEnum in fuzzCase.Enums)
        {
            enums[fuzzEnum] = fuzzEnum with { Name = Name() };
        }

        FuzzType Rename(FuzzType type) => type switch
        {
            StructType { Struct: var structure } => new StructType(RenameStruct(structure)),
            EnumType { Enum: var fuzzEnum } => new EnumType(enums.TryGetValue(fuzzEnum, out FuzzEnum? plain) ? plain : fuzzEnum),
            PointerType { Pointee: { } pointee } => new PointerType(Rename(pointee)),
            _ => type,
        };
        FuzzStruct RenameStruct(FuzzStruct structure)
        {
            if (!renamed.TryGetValue(structure, out FuzzStruct? plain))
            {
                plain = structure with { Name = Name(), Fields = structure.Fields.Select(field => field with { Name = Name(), Type = Rename(field.Type) }).ToList() };
                renamed[structure] = plain;
            }

            return plain;
        }

        var structs = fuzzCase.Structs.Select(RenameStruct).ToList();
        var functions = fuzzCase.Functions.Select(function => function with
        {
            Name = Name(),
            Return = Rename(function.Return),
            Parameters = function.Parameters.Select(parameter => parameter with { Name = Name(), Type = Rename(parameter.Type) }).ToList(),
        }).ToList();
        FuzzCase plainCase = fuzzCase with { Structs = structs, Enums = enums.Values.ToList(), Functions = functions, TableName = "NTable", InterfaceName = "INImport" };
        return plainCase.Functions.Select(function => function.Name).SequenceEqual(fuzzCase.Functions.Select(function => function.Name)) &&
               plainCase.Structs.Select(structure => structure.Name).SequenceEqual(fuzzCase.Structs.Select(structure => structure.Name))
            ? null
            : plainCase;
    }

    /// <summary>The case with one struct replaced everywhere it is used; values of the struct are redrawn to fit its new fields.</summary>
    private static FuzzCase Replace(FuzzCase fuzzCase, FuzzStruct old, FuzzStruct replacement)
    {
        var map = new Dictionary<FuzzStruct, FuzzStruct>(ReferenceEqualityComparer.Instance);
        FuzzStruct Map(FuzzStruct structure)
        {
            if (!map.TryGetValue(structure, out FuzzStruct? mapped))
            {
                FuzzStruct source = ReferenceEquals(structure, old) ? replacement : structure;
                mapped = source with { Fields = source.Fields.Select(field => field with { Type = MapType(field.Type) }).ToList() };
                map[structure] = mapped;
            }

            return mapped;
        }

        FuzzType MapType(FuzzType type) => type switch
        {
            StructType { Struct: var structure } => new StructType(Map(structure)),
            PointerType { Pointee: { } pointee } => new PointerType(MapType(pointee)),
            _ => type,
        };

        var structs = fuzzCase.Structs.Select(Map).ToList();
        var values = new ValueDrawer(fuzzCase.Seed);
        var functions = fuzzCase.Functions.Select(function => function with
        {
            Return = MapType(function.Return),
            Parameters = function.Parameters.Select(parameter => parameter with { Type = MapType(parameter.Type), Value = values.Fit(MapType(parameter.Type), parameter.Value) }).ToList(),
        }).ToList();
        return fuzzCase with { Structs = structs, Functions = functions };
    }

    /// <summary>Keeps a value when it still fits its type, and draws a new one when a struct's fields changed.</summary>
    private sealed class ValueDrawer(ulong seed)
    {
        private readonly Random _random = new(unchecked((int)seed));

        public FuzzValue Fit(FuzzType type, FuzzValue value) => (type, value) switch
        {
            (StructType { Struct: var structure }, StructValue fields) when fields.Fields.Count == (structure.Kind == StructKind.InlineArray ? 1 : structure.Fields.Count) =>
                structure.Kind == StructKind.InlineArray
                    ? fields
                    : new StructValue(structure.Fields.Select((field, i) => field.Count > 0 ? fields.Fields[i] : Fit(field.Type, fields.Fields[i])).ToList()),
            (StructType, _) => Draw(type),
            _ => value,
        };

        private FuzzValue Draw(FuzzType type) => type switch
        {
            StructType { Struct: var structure } when structure.Kind == StructKind.InlineArray =>
                new StructValue([new ArrayValue(Enumerable.Range(0, structure.InlineLength).Select(_ => Draw(structure.Fields[0].Type)).ToList())]),
            StructType { Struct: var structure } =>
                new StructValue(structure.Fields.Select(field => field.Count > 0 ? new ArrayValue(Enumerable.Range(0, field.Count).Select(_ => Draw(field.Type)).ToList()) : Draw(field.Type)).ToList()),
            PrimitiveType { Primitive: Primitive.Float } => new ScalarValue((ulong)(uint)BitConverter.SingleToInt32Bits(_random.Next(-1000, 1000) / 8f)),
            PrimitiveType { Primitive: Primitive.Double } => new ScalarValue((ulong)BitConverter.DoubleToInt64Bits(_random.Next(-1000, 1000) / 8.0)),
            BoolType => new ScalarValue((ulong)_random.Next(2)),
            CharType => new ScalarValue((ulong)_random.Next(0x20, 0x7F)),
            PointerType or FunctionPointerType => new ScalarValue((ulong)_random.Next(1, int.MaxValue) & ~7UL),
            _ => new ScalarValue((ulong)_random.Next()),
        };
    }
}
