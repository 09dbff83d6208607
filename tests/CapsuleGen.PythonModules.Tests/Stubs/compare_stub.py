"""Compares a module's type stub with the module Python imports.

    python3 compare_stub.py MODULE STUB

Every function, method, static method and constructor must take, in the stub, the parameters
inspect.signature reads from the module (names, kinds, defaults), each annotated; every
property, capsule attribute, function and class of the one must be in the other. Prints one
line per member checked and exits with 1 after listing every difference.
"""
import ast
import importlib
import inspect
import math
import sys

P = inspect.Parameter
problems = []


def stub_parameters(arguments: ast.arguments, skip_first: bool):
    """(name, kind, default node or None, annotated) for each parameter a def in the stub lists."""
    positional = [(a, P.POSITIONAL_ONLY) for a in arguments.posonlyargs] + [(a, P.POSITIONAL_OR_KEYWORD) for a in arguments.args]
    defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    listed = [(a.arg, kind, default, a.annotation is not None) for (a, kind), default in zip(positional, defaults)]
    listed += [(a.arg, P.KEYWORD_ONLY, default, a.annotation is not None) for a, default in zip(arguments.kwonlyargs, arguments.kw_defaults)]
    if arguments.vararg or arguments.kwarg:
        problems.append("the stub uses *args or **kwargs, which no C# parameter becomes")
    return listed[1:] if skip_first else listed


def same_default(node, value):
    if isinstance(node, ast.Constant) and node.value is Ellipsis:
        # A stub writes defaults it cannot spell as a literal (infinity, NaN) as '...'.
        return isinstance(value, float) and (math.isinf(value) or math.isnan(value))
    stub = ast.literal_eval(node)
    if isinstance(stub, float) and isinstance(value, float) and math.isnan(stub):
        return math.isnan(value)
    return type(stub) is type(value) and stub == value


def compare(where, definition: ast.FunctionDef, runtime, skip_first: bool):
    try:
        signature = inspect.signature(runtime)
    except ValueError as error:
        problems.append(f"{where}: inspect.signature cannot read the module's signature: {error}")
        return
    actual = list(signature.parameters.values())
    listed = definition.args.posonlyargs + definition.args.args
    if skip_first and actual and listed and actual[0].name == listed[0].arg and actual[0].kind == P.POSITIONAL_ONLY:
        actual = actual[1:]  # a method's text signature lists $self (or another name a parameter left free); the stub's def lists it too
    stub = stub_parameters(definition.args, skip_first)
    if [(name, kind) for name, kind, _, _ in stub] != [(p.name, p.kind) for p in actual]:
        problems.append(f"{where}: the stub says ({', '.join(f'{n} {k.description}' for n, k, _, _ in stub)}), the module ({', '.join(f'{p.name} {p.kind.description}' for p in actual)})")
        return
    for (name, _, default, annotated), parameter in zip(stub, actual):
        if not annotated:
            problems.append(f"{where}: parameter {name} has no type in the stub")
        if (default is None) != (parameter.default is P.empty):
            problems.append(f"{where}: parameter {name} has a default in {'the module' if default is None else 'the stub'} only")
        elif default is not None and not same_default(default, parameter.default):
            problems.append(f"{where}: parameter {name} defaults to {ast.unparse(default)} in the stub, {parameter.default!r} in the module")
    if definition.returns is None:
        problems.append(f"{where}: no result type in the stub")
    print(f"{where}{signature}")


def decorators(definition):
    return [ast.unparse(d) for d in definition.decorator_list]


def compare_class(module, node: ast.ClassDef):
    runtime = getattr(module, node.name)
    where = f"{module.__name__}.{node.name}"
    seen = set()
    for member in node.body:
        if isinstance(member, ast.FunctionDef):
            marks = decorators(member)
            if member.name == "__init__":
                compare(where, member, runtime, skip_first=True)
            elif "property" in marks:
                attribute = runtime.__dict__.get(member.name)
                if attribute is None or not hasattr(attribute, "__get__") or not hasattr(attribute, "__set__"):
                    problems.append(f"{where}.{member.name}: a property in the stub, {attribute!r} in the module")
                print(f"{where}.{member.name}: property")
            elif any(mark.endswith(".setter") for mark in marks):
                continue
            elif member.name.startswith("__") and member.name.endswith("__"):
                if member.name not in type(runtime).__dict__ and member.name not in runtime.__dict__:
                    problems.append(f"{where}.{member.name}: in the stub, not defined by the type")
                continue
            else:
                compare(f"{where}.{member.name}", member, runtime.__dict__[member.name] if "staticmethod" not in marks else getattr(runtime, member.name), skip_first="staticmethod" not in marks)
            seen.add(member.name)
    for name in vars(runtime):
        if not name.startswith("__") and name not in seen:
            problems.append(f"{where}.{name}: in the module, not in the stub")


def main(module_name, stub_path):
    with open(stub_path, encoding="utf-8") as file:
        text = file.read()
    tree = ast.parse(text, stub_path)
    module = importlib.import_module(module_name)
    stubbed = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            stubbed.add(node.name)
            compare(f"{module_name}.{node.name}", node, getattr(module, node.name, None), skip_first=False)
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            stubbed.add(node.name)
            compare_class(module, node)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            stubbed.add(node.target.id)
            if not hasattr(module, node.target.id):
                problems.append(f"{module_name}.{node.target.id}: in the stub, not in the module")
            else:
                print(f"{module_name}.{node.target.id}: {ast.unparse(node.annotation)}")
    for name in vars(module):
        if not name.startswith("__") and name not in stubbed:
            problems.append(f"{module_name}.{name}: in the module, not in the stub")
    if (module.__doc__ or None) != (ast.get_docstring(tree, clean=False) or None):
        problems.append(f"{module_name}: the docstrings differ: {module.__doc__!r} and {ast.get_docstring(tree, clean=False)!r}")
    for problem in problems:
        print("MISMATCH", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
