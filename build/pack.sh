#!/usr/bin/env bash
# Packs NonBlocking.Runtime, NonBlocking.Weaver, NonBlocking.Extensions.Logging, NonBlocking.Fody and NonBlocking.Tool into artifacts/packages (Release).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts/packages"
rm -rf "$out"
mkdir -p "$out"
dotnet pack "$root/Runtime/NonBlocking.Runtime.csproj" -c Release -o "$out" -nologo -v:q -nodeReuse:false "$@"
dotnet pack "$root/Weaver/Tasks/NonBlocking.Weaver.Tasks.csproj" -c Release -o "$out" -nologo -v:q -nodeReuse:false "$@"
dotnet pack "$root/Logging/NonBlocking.Extensions.Logging.csproj" -c Release -o "$out" -nologo -v:q -nodeReuse:false "$@"
dotnet pack "$root/Weaver/Fody/NonBlocking.Fody.csproj" -c Release -o "$out" -nologo -v:q -nodeReuse:false "$@"
dotnet pack "$root/Weaver/Tool/NonBlocking.Tool.csproj" -c Release -o "$out" -nologo -v:q -nodeReuse:false "$@"
# Consumers cache packages by version; drop the samples' cached copies so they see this build.
rm -rf "$root/artifacts/sample-packages"
ls -1 "$out"
