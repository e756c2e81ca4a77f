#!/usr/bin/env bash
# The main job: pack NonBlocking, build samples/SeedDemo in Release against the packed package, run it and
# print its blocking report (text on stderr; set NONBLOCKING_OUTPUT=file.jsonl for JSON lines).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/build/pack.sh" >/dev/null
demo="$root/samples/SeedDemo"
rm -rf "$demo/bin" "$demo/obj"
dotnet build "$demo/SeedDemo.csproj" -c Release -nologo -v:m -nodeReuse:false -clp:NoSummary
dotnet "$demo/bin/Release/net10.0/SeedDemo.dll"
