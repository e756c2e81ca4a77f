#!/bin/bash
# Peers side by side (issue 31 item 3): builds a checkout of someone else's code with NonBlocking (the packed package
# from artifacts/packages) and CA1849, Meziantou MA0042/MA0045, VSTHRD002/VSTHRD103 and AsyncFixer02, every rule a
# warning, then scores each rule's warnings against bench/Peers/Labels/<name>.tsv.
#
#   bench/Peers/run.sh <name> <checkout> <project> [msbuild properties...]
#
# The checkout is modified (its .editorconfig gets peers.editorconfig appended): use a scratch clone. The apps measured
# and their exact commands are in docs/accuracy.md ("Peers side by side"). A sampled warning without a label fails the
# score and is printed as a TODO line to decide.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../.." && pwd)
name=$1; src=$(cd "$2" && pwd); project=$3; shift 3
ls "$repo"/artifacts/packages/NonBlocking.Weaver.*.nupkg >/dev/null 2>&1 || "$repo/build/pack.sh" >/dev/null
version=$(ls "$repo"/artifacts/packages/NonBlocking.Weaver.*.nupkg | head -1 | sed -E 's/.*NonBlocking\.Weaver\.(.*)\.nupkg/\1/')
grep -q "bench/Peers/peers.editorconfig" "$src/.editorconfig" 2>/dev/null || {
  printf '\n# bench/Peers/peers.editorconfig\n' >> "$src/.editorconfig"; cat "$here/peers.editorconfig" >> "$src/.editorconfig"; }
log="$repo/bench/Peers/results/$name.log"; mkdir -p "$(dirname "$log")"
# The peers' packages come from the registry; NonBlocking from the local feed. A restore of this checkout must not see
# an older NonBlocking from another run, so it gets its own packages folder.
(cd "$src" && dotnet build "$project" -c Release -nologo -v:q --no-incremental \
  -p:CustomAfterMicrosoftCommonTargets="$here/peers.targets" -p:NonBlockingPeerVersion="$version" \
  -p:RestoreAdditionalProjectSources="$repo/artifacts/packages" -p:RestorePackagesPath="$src/.peers-packages" "$@") > "$log" 2>&1 \
  || { grep -E " error " "$log" | sort -u | head -20; exit 1; }
python3 "$here/peers.py" score "$log" "$src" "$here/Labels/$name.tsv" | tee "$repo/bench/Peers/results/$name.md"
