// Until CapsuleGen's source generator writes these for every [PythonModule] (issue 19, part 1), they are
// declared here by hand, exactly as it will write them; delete this file when it does (the build refuses
// a key declared twice with different values, CAPS1007). The publish step makes Tensors.pyi and the
// wheel from them (runtime/CapsuleGen.Python/buildTransitive/CapsuleGen.Python.targets).
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule", "Tensors")]
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule.Tensors.Stub",
    """
    from typing import Any

    from typing_extensions import Buffer

    def fill_range(values: Buffer, step: float = 1.0) -> None: ...
    def total(values: Buffer) -> float: ...
    def trace(matrix: Buffer) -> float: ...
    def squares(rows: int, columns: int) -> Any: ...

    """)]
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule.Tensors.RequiresPython", "3.11")]
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule.Tensors.RequiresPythonReason",
    "Tensors.fill_range, total and trace take arrays through the buffer protocol (PyObject_GetBuffer), in CPython's stable ABI from 3.11")]
