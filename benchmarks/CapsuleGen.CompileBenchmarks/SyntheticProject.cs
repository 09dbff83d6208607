using System.Globalization;
using System.Text;

namespace CapsuleGen.CompileBenchmarks;

/// <summary>
/// A project as a large user of CapsuleGen might write it: 100 classes of 10 exported functions each
/// (1,000 exports over a mix of boundary types) and 200 interfaces that import some of them. The
/// same project without the attributes is the baseline: what the compiler does without CapsuleGen.
/// </summary>
internal static class SyntheticProject
{
    public const int ExportingClasses = 100;
    public const int ExportsPerClass = 10;
    public const int Imports = 200;

    /// <summary>One source file per class and per interface, as projects are laid out.</summary>
    public static IReadOnlyList<string> Sources(bool withAttributes)
    {
        var sources = new List<string>();
        for (int type = 0; type < ExportingClasses; type++)
        {
            sources.Add(ExportingClass(type, withAttributes));
        }

        for (int import = 0; import < Imports; import++)
        {
            sources.Add(ImportingInterface(import, withAttributes));
        }

        return sources;
    }

    /// <summary>The ten shapes of exported function, over the boundary types users pass most.</summary>
    private static readonly string[] s_shapes =
    {
        "public static double F{0}(double x) => x * {0};",
        "public static int F{0}(int a, int b) => a + b + {0};",
        "public static void F{0}() {{ }}",
        "public static long F{0}(long value, nint offset) => value + offset + {0};",
        "public static float F{0}(float x, float y) => x * y + {0};",
        "public static unsafe double F{0}(double* values, nint count) {{ double sum = {0}; for (nint i = 0; i < count; i++) {{ sum += values[i]; }} return sum; }}",
        "public static unsafe int F{0}(int n, double* xx, void* userData) => n + {0};",
        "public static uint F{0}(uint flags, byte mask) => flags & mask;",
        "public static nint F{0}(nint handle) => handle + {0};",
        "public static short F{0}(short a, ushort b, sbyte c) => (short)(a + b + c + {0});",
    };

    private static string ExportingClass(int type, bool withAttributes)
    {
        var text = new StringBuilder();
        text.AppendLine("using CapsuleGen;");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"namespace Synthetic.Module{type % 10};");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"public static partial class Exports{type}");
        text.AppendLine("{");
        for (int function = 0; function < ExportsPerClass; function++)
        {
            if (withAttributes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    [ExportCapsule(\"{CapsuleName(type, function)}\")]");
            }

            text.Append("    ").AppendFormat(CultureInfo.InvariantCulture, s_shapes[function], function).AppendLine();
            text.AppendLine();
        }

        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>Interface <c>n</c> imports the export of class <c>n / 2</c> whose shape is <c>n % 10</c>.</summary>
    private static string ImportingInterface(int import, bool withAttributes)
    {
        int type = import / 2;
        int function = import % ExportsPerClass;
        string method = s_shapes[function]
            .Replace("public static ", string.Empty, StringComparison.Ordinal)
            .Replace("unsafe ", string.Empty, StringComparison.Ordinal);
        method = method[..method.IndexOf(')', StringComparison.Ordinal)] + ");";

        var text = new StringBuilder();
        text.AppendLine("using CapsuleGen;");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"namespace Synthetic.Consumers{import % 10};");
        text.AppendLine();
        if (withAttributes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"[ImportCapsule(\"{CapsuleName(type, function)}\")]");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"public unsafe partial interface IImport{import}");
        text.AppendLine("{");
        text.Append("    ").AppendFormat(CultureInfo.InvariantCulture, method, function).AppendLine();
        text.AppendLine("}");
        return text.ToString();
    }

    private static string CapsuleName(int type, int function) => $"synthetic.module{type}.f{function}";
}
