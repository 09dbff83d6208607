using CapsuleGen;
using CapsuleGen.Python;

namespace Aviary;

[PythonModule("Wren")]
public static partial class Wren
{
    // Also the module attribute Wren.trill, for PyCapsule_Import("Wren.trill").
    [ExportCapsule("trill")]
    private static double Trill(double pitch, int times) => pitch * times;

    [PythonFunction("song")]
    public static string Song(string note = "tweet", int times = 2, [KeywordOnly] string separator = " ") =>
        string.Join(separator, Enumerable.Repeat(note, times));

    [PythonFunction("scale")]
    public static double Scale([PositionalOnly] double x, double factor = 2.0, [KeywordOnly] double offset = 0.0) => (x * factor) + offset;

    [PythonFunction("getTrill")]
    public static Capsule GetTrill() => TrillCapsule;
}
