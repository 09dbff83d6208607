#!/usr/bin/env bash
# The call benchmark in one command: bash benchmarks/PythonCalls/run.sh [ROUNDS] [CALLS]
# Publishes CsCalls (C#) with CCalls (C), compiles Pybind11Calls, and runs calls.py, all for the
# interpreter $CAPSULEGEN_PYTHON (default /usr/bin/python3).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="${CAPSULEGEN_PYTHON:-/usr/bin/python3}"
# PythonExtension.targets compiles CCalls against the headers of the interpreter this names.
export CAPSULEGEN_PYTHON="$python"
cd "$root"

if ! pybind11_includes="$("$python" -m pybind11 --includes 2>/dev/null)"; then
    echo "run.sh: pybind11 is not installed for $python." >&2
    echo "  Debian/Ubuntu: sudo apt-get install -y pybind11-dev python3-pybind11" >&2
    echo "  another interpreter: $python -m pip install pybind11" >&2
    exit 1
fi
if ! command -v c++ >/dev/null; then
    echo "run.sh: no C++ compiler (c++) for the pybind11 module. Debian/Ubuntu: sudo apt-get install -y g++" >&2
    exit 1
fi

dotnet publish benchmarks/PythonCalls/PythonCalls.csproj -c Release --nologo

# pybind11 modules are built for one CPython version, hence the version-specific suffix.
pybind11_directory="artifacts/pybind11-calls"
suffix="$("$python" -c "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))")"
source_file="benchmarks/PythonCalls/native/pybind11_calls.cpp"
module_file="$pybind11_directory/Pybind11Calls$suffix"
mkdir -p "$pybind11_directory"
if [[ ! "$module_file" -nt "$source_file" || ! "$module_file" -nt "${BASH_SOURCE[0]}" ]]; then
    echo "Compiling $module_file"
    # shellcheck disable=SC2086 # the includes are several words
    c++ -O3 -shared -fPIC -fvisibility=hidden -std=c++17 $pybind11_includes "$source_file" -o "$module_file"
fi

echo "pybind11 $("$python" -c 'import pybind11; print(pybind11.__version__)'), $(c++ --version | head -n 1), .NET SDK $(dotnet --version)"
"$python" benchmarks/PythonCalls/calls.py artifacts/python-modules "$pybind11_directory" "$@"
