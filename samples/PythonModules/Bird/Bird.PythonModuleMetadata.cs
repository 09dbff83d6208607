// Until CapsuleGen's source generator writes these for every [PythonModule] (issue 19, part 1), they are
// declared here by hand, exactly as it will write them; delete this file when it does (the build refuses
// a key declared twice with different values, CAPS1007). The publish step makes Bird.pyi and the
// wheel from them (runtime/CapsuleGen.Python/buildTransitive/CapsuleGen.Python.targets).
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule", "Bird")]
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule.Bird.Stub",
    """
    from typing_extensions import CapsuleType

    def setQuack(quack: CapsuleType) -> None: ...
    def callQuack() -> None: ...
    def resetQuack() -> None: ...

    """)]
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule.Bird.RequiresPython", "3.10")]
