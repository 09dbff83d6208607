namespace CapsuleGen.Generator.Tests.Differential;

/// <summary>
/// Makes a random valid case from a seed: the same seed always gives the same case, so a failure
/// is reproduced from the seed alone.
/// </summary>
internal sealed class CaseGenerator
{
    private static readonly Primitive[] s_primitives = Enum.GetValues<Primitive>();
    private static readonly Primitive[] s_enumUnderlying = [Primitive.SByte, Primitive.Byte, Primitive.Short, Primitive.UShort, Primitive.Int, Primitive.UInt, Primitive.Long, Primitive.ULong];

    private readonly Random _random;
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly List<FuzzStruct> _structs = [];
    private readonly List<FuzzEnum> _enums = [];

    private CaseGenerator(ulong seed)
    {
        _random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
    }

    /// <summary>The seed of case <paramref name="index"/> of a run started with <paramref name="runSeed"/>.</summary>
    public static ulong CaseSeed(ulong runSeed, int index) => SplitMix(runSeed + (ulong)index * 0x9E3779B97F4A7C15UL);

    public static FuzzCase Generate(int index, ulong seed) => new CaseGenerator(seed).Build(index, seed);

    private FuzzCase Build(int index, ulong seed)
    {
        IReadOnlyList<string> ns = Names(_random.Next(0, 3));
        IReadOnlyList<string> containers = Names(_random.Next(1, 4)); // a method lives in a type
        bool isTable = _random.Next(4) == 0;
        string tableName = isTable ? FuzzNames.Identifier(_random, _typeNames) : string.Empty;
        string interfaceName = "I" + FuzzNames.Identifier(_random, _typeNames);
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { tableName, interfaceName };
        memberNames.UnionWith(containers);
        var slots = Enumerable.Range(0, 6).OrderBy(_ => _random.Next()).Take(isTable ? _random.Next(1, 4) : 1).ToList();
        var functions = slots.Select(slot => Function(memberNames, slot)).ToList();
        IReadOnlyList<string> importNamespace = _random.Next(3) == 0 ? Names(_random.Next(1, 3)) : ns;
        return new FuzzCase(index, seed, ns, containers, importNamespace, FuzzNames.CapsuleName(_random, index), isTable, tableName, interfaceName, functions, _structs, _enums, _random.Next(8) == 0);
    }

    private List<string> Names(int count)
    {
        var names = new List<string>();
        for (int i = 0; i < count; i++)
        {
            names.Add(FuzzNames.Identifier(_random, _typeNames));
        }

        return names;
    }

    private FuzzFunction Function(HashSet<string> memberNames, int slot)
    {
        string name;
        do
        {
            name = FuzzNames.Identifier(_random, memberNames);
        }
        while (IsReservedMember(name));

        var parameterNames = new HashSet<string>(StringComparer.Ordinal);
        var parameters = new List<FuzzParameter>();
        int count = _random.Next(0, 6);
        for (int i = 0; i < count; i++)
        {
            FuzzType type = ParameterType();
            parameters.Add(new FuzzParameter(FuzzNames.Identifier(_random, parameterNames, parameter: true), type, Value(type), _random.Next(5) == 0));
        }

        FuzzType returns = _random.Next(5) == 0 ? new VoidType() : ParameterType();
        return new FuzzFunction(name, returns, parameters, slot);
    }

    /// <summary>Names an imported interface's member may not have (CAPS0009), or that would clash with a generated property.</summary>
    private static bool IsReservedMember(string name) =>
        name is "Binding" or "Bind" or "Unbind" or "IsBound" or "BoundCapsule" or "CapsuleName" or "CSignature" || name.EndsWith("Capsule", StringComparison.Ordinal);

    private FuzzType ParameterType() => _random.Next(20) switch
    {
        < 8 => new PrimitiveType(Pick(s_primitives)),
        8 => new BoolType(_random.Next(2) == 0),
        9 => new CharType(),
        10 or 11 => new PointerType(_random.Next(3) == 0 ? null : PointeeType()),
        12 => FunctionPointer(),
        13 => new EnumType(NewEnum()),
        _ => new StructType(NewStruct(depth: 0)),
    };

    private FuzzType PointeeType() => _random.Next(4) switch
    {
        0 => new PrimitiveType(Pick(s_primitives)),
        1 => new PointerType(new PrimitiveType(Pick(s_primitives))),
        _ => new StructType(NewStruct(depth: 1)),
    };

    private FunctionPointerType FunctionPointer() =>
        new(_random.Next(3) == 0 ? new VoidType() : new PrimitiveType(Pick(s_primitives)),
            Enumerable.Range(0, _random.Next(0, 3)).Select(_ => (FuzzType)new PrimitiveType(Pick(s_primitives))).ToList());

    private FuzzEnum NewEnum()
    {
        var fuzzEnum = new FuzzEnum(FuzzNames.Identifier(_random, _typeNames), Pick(s_enumUnderlying));
        _enums.Add(fuzzEnum);
        return fuzzEnum;
    }

    private FuzzStruct NewStruct(int depth)
    {
        string name = FuzzNames.Identifier(_random, _typeNames);
        StructKind kind = _random.Next(20) switch
        {
            < 9 => StructKind.Sequential,
            9 or 10 or 11 => StructKind.Packed,
            12 or 13 => StructKind.Sized,
            14 => StructKind.ExplicitInOrder,
            15 or 16 => StructKind.Union,
            17 or 18 => StructKind.Record,
            _ => StructKind.InlineArray,
        };

        var fieldNames = new HashSet<string>(StringComparer.Ordinal) { name };
        int count = kind == StructKind.InlineArray ? 1 : _random.Next(1, 5);
        var fields = new List<FuzzField>();
        for (int i = 0; i < count; i++)
        {
            string fieldName;
            do
            {
                fieldName = FuzzNames.Identifier(_random, fieldNames);
            }
            while (fieldName is "Equals" or "GetHashCode" or "ToString" or "GetType" or "Deconstruct" or "PrintMembers" or "EqualityContract");

            // Records compare their fields with EqualityComparer<T>, which pointers cannot be; an inline array's element stays simple.
            FuzzType type = FieldType(depth, allowNested: kind is not (StructKind.Union or StructKind.InlineArray), allowPointers: kind is not (StructKind.Record or StructKind.InlineArray));
            bool canBeFixed = type is PrimitiveType { Primitive: not (Primitive.NInt or Primitive.NUInt) } && kind is StructKind.Sequential or StructKind.Packed or StructKind.Sized;
            fields.Add(new FuzzField(fieldName, type, canBeFixed && _random.Next(4) == 0 ? _random.Next(1, 5) : 0));
        }

        var structure = new FuzzStruct(
            name,
            kind,
            fields,
            Pack: kind == StructKind.Packed ? Pick([1, 2, 4, 8, 16]) : 0,
            InlineLength: kind == StructKind.InlineArray ? _random.Next(1, 5) : 0);
        if (kind == StructKind.Sized)
        {
            // Bytes beyond the fields are refused by value up to 16 bytes (C would pass such a struct in
            // other registers), so a sized struct grows past 16.
            (int size, int alignment) = HarnessLayout.Of(structure with { Kind = StructKind.Sequential });
            structure = structure with { ExtraSize = Math.Max(1, ((16 - size) / alignment) + 1) + _random.Next(0, 2) };
        }

        _structs.Add(structure);
        return structure;
    }

    private FuzzType FieldType(int depth, bool allowNested, bool allowPointers) => _random.Next(12) switch
    {
        < 6 => new PrimitiveType(Pick(s_primitives)),
        6 => new EnumType(NewEnum()),
        7 when allowPointers => new PointerType(_random.Next(2) == 0 ? null : new PrimitiveType(Pick(s_primitives))),
        8 when allowPointers => FunctionPointer(),
        _ when allowNested && depth < 2 => new StructType(NewStruct(depth + 1)),
        _ => new PrimitiveType(Pick(s_primitives)),
    };

    /// <summary>A random value of <paramref name="type"/>: finite floating point, any bits otherwise.</summary>
    public FuzzValue Value(FuzzType type) => type switch
    {
        PrimitiveType { Primitive: Primitive.Float } => new ScalarValue((ulong)(uint)BitConverter.SingleToInt32Bits(_random.Next(-100_000, 100_000) / 64f)),
        PrimitiveType { Primitive: Primitive.Double } => new ScalarValue((ulong)BitConverter.DoubleToInt64Bits(_random.NextInt64(-10_000_000_000, 10_000_000_000) / 1024.0)),
        BoolType => new ScalarValue((ulong)_random.Next(2)),
        CharType => new ScalarValue((ulong)_random.Next(0x20, 0xD800)),
        PointerType or FunctionPointerType => new ScalarValue((ulong)_random.NextInt64(1, 0x7FFF_FFFF_FFFF) & ~7UL),
        StructType { Struct: var structure } => new StructValue(structure.Kind == StructKind.InlineArray
            ? [new ArrayValue(Enumerable.Range(0, structure.InlineLength).Select(_ => Value(structure.Fields[0].Type)).ToList())]
            : structure.Fields.Select(field => field.Count > 0 ? new ArrayValue(Enumerable.Range(0, field.Count).Select(_ => Value(field.Type)).ToList()) : Value(field.Type)).ToList()),
        _ => new ScalarValue((ulong)_random.NextInt64() ^ ((ulong)_random.Next() << 40)),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
