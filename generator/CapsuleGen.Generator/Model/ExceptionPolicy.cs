namespace CapsuleGen.Generator.Model;

/// <summary>What an export's trampoline does with an exception: <c>CapsuleGen.CapsuleExceptionPolicy</c>, whose values these mirror.</summary>
internal enum ExceptionPolicy
{
    /// <summary>Record it and return the failure value.</summary>
    ReturnDefault = 0,

    /// <summary>End the process.</summary>
    FailFast = 1,

    /// <summary>Record it, set CPython's error indicator (through CapsuleGen.Python), and return the failure value.</summary>
    SetPythonError = 2,
}
