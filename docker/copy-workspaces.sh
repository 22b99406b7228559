#!/bin/sh
# Copies the parts of the monorepo that one Docker build stage needs, reading the list of
# workspaces from the root package.json, so adding a workspace needs no Dockerfile change.
#
#   copy-workspaces.sh manifests <dest>  package.json + package-lock.json of the root and of
#                                        every workspace: all `npm ci` needs, so its layer
#                                        stays cached until a dependency changes.
#   copy-workspaces.sh runtime <dest>    what the running server reads: package.json, src/,
#                                        migrations/ and built dist/ of every workspace, plus
#                                        the process library; tests are left out.
#
# Run it from the repository root (the build context). Workspaces must be plain folder
# names, as they are today (no globs).
set -eu

mode="${1:-}"
dest="${2:-}"
if [ -z "$mode" ] || [ -z "$dest" ]; then
  echo "usage: copy-workspaces.sh manifests|runtime <dest>" >&2
  exit 64
fi

workspaces="$(node -p "(require('./package.json').workspaces ?? []).join(' ')")"
mkdir -p "$dest"

case "$mode" in
  manifests)
    cp package.json package-lock.json "$dest/"
    for ws in $workspaces; do
      mkdir -p "$dest/$ws"
      cp "$ws/package.json" "$dest/$ws/"
    done
    ;;
  runtime)
    # The root tsconfig.json is what tsx reads in development too, so transpiling behaves alike.
    cp package.json tsconfig.json "$dest/"
    for ws in $workspaces; do
      mkdir -p "$dest/$ws"
      cp "$ws/package.json" "$dest/$ws/"
      for dir in src migrations dist; do
        if [ -d "$ws/$dir" ]; then cp -R "$ws/$dir" "$dest/$ws/"; fi
      done
    done
    # Ready procedures (BPMN + forms) that the server can deploy; not a workspace.
    if [ -d process-library ]; then cp -R process-library "$dest/"; fi
    find "$dest" -type f \( -name '*.test.ts' -o -name '*.spec.ts' \) -exec rm -f {} +
    find "$dest" -type d \( -name '__fixtures__' -o -name '.scratch' \) -prune -exec rm -rf {} +
    ;;
  *)
    echo "copy-workspaces.sh: unknown mode '$mode' (expected manifests or runtime)" >&2
    exit 64
    ;;
esac
