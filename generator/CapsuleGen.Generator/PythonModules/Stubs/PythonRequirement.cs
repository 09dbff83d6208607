using System.Linq;

namespace CapsuleGen.Generator.PythonModules.Stubs;

/// <summary>
/// The oldest CPython whose stable ABI has everything a module uses, and why if that is not the oldest
/// the runtime supports: a wheel's tag (<c>cp310-abi3</c>) promises that much.
/// </summary>
/// <param name="Version">The version, <c>3.10</c> or later.</param>
/// <param name="Reason">What needs it, or null for the oldest.</param>
internal sealed record PythonRequirement(string Version, string? Reason)
{
    /// <summary>What the runtime's modules need on their own.</summary>
    private static readonly PythonRequirement s_base = new("3.10", null);

    public static PythonRequirement Of(PythonModule module)
    {
        // Buffers (PyObject_GetBuffer, PyBuffer_Release) and a type's buffer slots joined the stable ABI in 3.11.
        PythonFunction? takesArray = module.Functions.FirstOrDefault(function => function.Parameters.Any(parameter => parameter.Kind.IsArray()));
        if (takesArray is not null)
        {
            return new("3.11", $"{module.ModuleName}.{takesArray.PythonName}() takes an array through the buffer protocol (PyObject_GetBuffer), part of CPython's stable ABI from 3.11");
        }

        PythonFunction? returnsTensor = module.Functions.FirstOrDefault(function => function.ReturnKind == PythonValueKind.Tensor);
        return returnsTensor is not null
            ? new("3.11", $"{module.ModuleName}.{returnsTensor.PythonName}() returns a tensor that lends its memory through the buffer protocol (Py_bf_getbuffer), part of CPython's stable ABI from 3.11")
            : s_base;
    }
}
