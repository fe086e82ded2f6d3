#!/usr/bin/env bash
# NuGet consumer test (issue 10): pack every package into a local folder, create a brand-new console app
# outside the solution, add the package the way README.md says, paste README's quick start, run it on a small
# generated corpus and check that it prints topics. Cleans up after itself. Needs only the NuGet registry.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"; rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/bertopic*' EXIT
feed="$work/feed"; app="$work/app"
mkdir -p "$feed" "$app"

dotnet pack "$root/BERTopic.sln" -c Release -o "$feed" --nologo -v q
# A stale copy of our packages in the global cache would hide a broken pack.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/bertopic*

cd "$app"
dotnet new console --framework net10.0 -n ConsumerApp -o . >/dev/null
dotnet new nugetconfig >/dev/null
dotnet nuget add source "$feed" -n local-feed --configfile nuget.config >/dev/null
dotnet nuget add source "https://api.nuget.org/v3/index.json" -n nuget.org --configfile nuget.config >/dev/null 2>&1 || true

# The install lines of README.md (```bash blocks after the <!-- install --> marker), run as written.
sed -n '/<!-- install -->/,/<!-- \/install -->/p' "$root/README.md" | grep '^dotnet add package' | while read -r line; do
  echo "+ $line"; eval "$line"
done

# The quick start of README.md (the ```csharp block after the <!-- quickstart --> marker), with a corpus.
{
  cat "$root/.ci/consumer/Corpus.cs.txt"
  sed -n '/<!-- quickstart -->/,/<!-- \/quickstart -->/p' "$root/README.md" | sed -n '/^```csharp/,/^```/p' | sed '1d;$d' | grep -v '^using '
  cat "$root/.ci/consumer/Print.cs.txt"
} > "$work/body.cs"
{ sed -n '/<!-- quickstart -->/,/<!-- \/quickstart -->/p' "$root/README.md" | grep '^using '; cat "$work/body.cs"; } > Program.cs

dotnet build -c Release --nologo -v q 2>&1 | grep -E "error|warning|Warn|Error" | sort -u | head -20
out=$(dotnet run -c Release --no-build)
echo "$out" | tail -15
echo "$out" | grep -q "^TOPIC 0 " || { echo "consumer test: no topics printed"; exit 1; }
echo "consumer test: OK"
