#!/usr/bin/env bash
# Packs NonBlocking.Runtime, NonBlocking.Weaver, NonBlocking.Extensions.Logging, NonBlocking.Fody and NonBlocking.Tool into
# artifacts/packages (Release), with .snupkg symbol packages for those with a build output of their own.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts/packages"
rm -rf "$out"
mkdir -p "$out"
# CI-style: deterministic, repository-relative paths in the PDBs, SourceLink to the commit (Directory.Build.*).
# One invocation for all five (build/packages.slnf): MSBuild builds them side by side and the shared engine once.
# A solution build unsets Configuration for references outside it (the analyzers the Weaver package carries would
# build in Debug, and its pack looks for them in Release): ShouldUnsetParentConfigurationAndPlatform=false.
dotnet pack "$root/build/packages.slnf" -c Release -p:PackageOutputPath="$out" -p:ShouldUnsetParentConfigurationAndPlatform=false \
  -nologo -v:q -nodeReuse:false -p:ContinuousIntegrationBuild=true "$@"
# Consumers cache packages by version; drop the samples' cached copies so they see this build.
rm -rf "$root/artifacts/sample-packages"
ls -1 "$out"
