#!/usr/bin/env bash
# What CapsuleGen adds to a real `dotnet build`: the synthetic project of CompileBenchmarks (1,000
# exports, 200 imports) written out as a project, built with and without its attributes, interleaved,
# with the compiler server and without it. Prints one line per build and the median ratio of each.
#
#   bash benchmarks/CapsuleGen.CompileBenchmarks/build-time.sh [ROUNDS] [CHECKOUT]
#
# CHECKOUT (default: this one) is the tree whose generator and runtime the "with" project uses, so an
# older commit checked out elsewhere can be measured against the same project.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rounds="${1:-5}"
checkout="$(cd "${2:-$repo}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$checkout/generator/CapsuleGen.Generator" -c Release -v q >/dev/null
dotnet build "$checkout/runtime/CapsuleGen" -c Release -v q >/dev/null
dotnet run -c Release --project "$here" -- --dump "$work/synthetic" >/dev/null

cp "$repo/global.json" "$work/"
for variant in with without; do
  mkdir -p "$work/$variant"
  cp "$work/synthetic/source/"*.cs "$work/$variant/"
  analyzer=""
  if [ "$variant" = with ]; then
    analyzer="<Analyzer Include=\"$checkout/generator/CapsuleGen.Generator/bin/Release/netstandard2.0/CapsuleGen.Generator.dll\" />"
  else
    sed -i '/\[ExportCapsule(/d; /\[ImportCapsule(/d' "$work/$variant/"*.cs
  fi
  cat > "$work/$variant/Synthetic.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$checkout/runtime/CapsuleGen/bin/Release/net8.0/CapsuleGen.dll" />
    $analyzer
  </ItemGroup>
</Project>
PROJECT
  dotnet build "$work/$variant" -v q >/dev/null
done

for server in true false; do
  ratios=()
  for ((round = 1; round <= rounds; round++)); do
    declare -A seconds=()
    for variant in with without; do
      start=$(date +%s.%N)
      dotnet build "$work/$variant" --no-restore --no-incremental -v q -p:UseSharedCompilation=$server >/dev/null
      seconds[$variant]=$(echo "$(date +%s.%N) - $start" | bc)
    done
    ratio=$(echo "scale=2; ${seconds[with]} / ${seconds[without]}" | bc)
    ratios+=("$ratio")
    printf 'server=%s round %d: with %.2f s, without %.2f s, ratio %s\n' "$server" "$round" "${seconds[with]}" "${seconds[without]}" "$ratio"
  done
  printf 'server=%s: median ratio %s\n' "$server" "$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n "$(((rounds + 1) / 2))p")"
done
