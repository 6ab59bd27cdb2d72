#!/usr/bin/env bash
# Gives an app image a class-data archive (AppCDS), so its window shows sooner (decision 0020): the classes a start-up
# loads, already parsed and verified, mapped into memory instead of read from 83 jars.
#
#   packaging/class-data.sh IMAGE            train (start the window once, headless) and dump  -> IMAGE/lib/app/feedlens.jsa
#   packaging/class-data.sh --dump-only IMAGE  dump from the class list a training left in the image (no display needed;
#                                              the .deb's postinst runs this where the image is installed)
#
# JDK 17 accepts an archive only where it was made: the same paths, and the same jars to the byte and the second.
# The launcher is told to stay silent when it does not match (it then starts as without one), and the archive is
# made again wherever the image lands.
set -euo pipefail

dump_only=false
if [ "${1:-}" = --dump-only ]; then dump_only=true; shift; fi
image=${1:?usage: packaging/class-data.sh [--dump-only] IMAGE}
# Absolute, as the launcher's $APPDIR is: the archive keeps the class path it was made with.
image=$(cd "$image" && pwd)
app=$image/lib/app
java=$image/lib/runtime/bin/java
cfg=$app/FeedLens.cfg
classes=$app/feedlens.classlist
archive=$app/feedlens.jsa
[ -f "$cfg" ] && [ -x "$java" ] || { echo "class-data.sh: $image is not a FeedLens app image" >&2; exit 1; }

if ! $dump_only; then
  # The training run: the launcher as people start it, until the window is shown and every screen built.
  if [ -n "${DISPLAY:-}" ]; then
    display=()
  elif command -v xvfb-run > /dev/null; then
    display=(xvfb-run -a)
  else
    echo "class-data.sh: no display and no xvfb-run (Debian: apt-get install xvfb): the app image has no class-data archive"
    exit 0
  fi
  home=$(mktemp -d)
  trap 'rm -rf "$home"' EXIT
  rm -f "$classes" "$archive"
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$classes" timeout 300 "${display[@]}" "$image/bin/FeedLens" \
    --quit-when-shown --data-dir "$home" > "$home/training.log" 2>&1 \
    || { echo "class-data.sh: the training run failed, so the app image has no class-data archive (it starts slower):" >&2
         tail -20 "$home/training.log" >&2; rm -f "$classes"; exit 0; }
fi

# The class path exactly as the launcher builds it from its .cfg (the archive is only used with the same one).
classpath=$(sed -n 's/^app\.classpath=\$APPDIR/'"${app//\//\\/}"'/p' "$cfg" | paste -sd: -)
# The launcher's collector too: ZGC has no compressed object pointers, and JDK 17 refuses an archive made with them.
collector=$(sed -n 's/^java-options=\(-XX:+Use[A-Za-z]*GC\)$/\1/p' "$cfg")
"$java" $collector -Xshare:dump -XX:SharedClassListFile="$classes" -XX:SharedArchiveFile="$archive" -cp "$classpath" \
  -Xlog:cds=off -Xlog:cds+dynamic=off > /dev/null
chmod 644 "$archive"

# -Xlog:cds=off: an archive that does not match (a moved or changed image) would otherwise print a warning on every start.
if ! grep -q 'SharedArchiveFile' "$cfg"; then
  sed -i '/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=$APPDIR/feedlens.jsa\njava-options=-Xlog:cds=off\njava-options=-Xlog:cds+dynamic=off' "$cfg"
fi
echo "Class-data archive: $archive ($(du -h "$archive" | cut -f1), $(grep -vc '^#\|^@' "$classes") classes)"
