#!/usr/bin/env bash
# Builds FeedLens as a self-contained desktop program: a jlink'd Java runtime + the app (jpackage app image), and a .deb.
#
#   packaging/build.sh              app image and .deb  -> target/packaging/FeedLens/ and target/packaging/feedlens_*.deb
#   packaging/build.sh --app-image  the app image only (no Debian tools needed)
#   packaging/build.sh --no-build   reuse target/feedlens.jar and target/lib/ instead of running Maven first
#
# Needs JDK 17+ with jlink and jpackage (Debian: openjdk-17-jdk). The .deb also needs fakeroot and dpkg-deb
# (Debian: apt-get install fakeroot dpkg). The runtime holds only the Java modules FeedLens uses (listed below).
set -euo pipefail
cd "$(dirname "$0")/.."

app_image_only=false
build=true
for arg in "$@"; do
  case "$arg" in
    --app-image) app_image_only=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "Unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

need() {
  if ! command -v "$1" > /dev/null; then
    echo "packaging/build.sh needs $1: $2" >&2
    exit 1
  fi
}
need jlink "it comes with JDK 17+ (Debian: apt-get install openjdk-17-jdk)"
need jpackage "it comes with JDK 17+ (Debian: apt-get install openjdk-17-jdk)"
if ! $app_image_only; then
  need fakeroot "jpackage builds .deb files with it (Debian: apt-get install fakeroot), or pass --app-image"
  need dpkg-deb "jpackage builds .deb files with it (Debian: apt-get install dpkg), or pass --app-image"
fi

if $build; then
  mvn -B -ntp -q package -DskipTests
fi
[ -f target/feedlens.jar ] || { echo "target/feedlens.jar is missing: run without --no-build" >&2; exit 1; }

# jpackage wants a plain version number: 0.1.0-SNAPSHOT -> 0.1.0.
version=$(java -jar target/feedlens.jar --version | sed -n 's/^FeedLens \([0-9.]*\).*/\1/p')
out=target/packaging
rm -rf "$out"
mkdir -p "$out/input"
cp target/feedlens.jar "$out/input/"
cp -r target/lib "$out/input/lib"

# From jdeps --print-module-deps over the jar and its libraries, plus what is only reached by reflection or
# service loading: TLS key exchange (jdk.crypto.ec), Kerberos/JAAS logins (jdk.security.auth, java.naming),
# the broker's JMX metrics (jdk.management), zip file systems and the full set of character sets.
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss
modules=$modules,java.security.sasl,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.security.auth
modules=$modules,jdk.unsupported,jdk.zipfs,jdk.charsets,jdk.localedata
echo "jlink: a Java runtime with $modules"
# --generate-cds-archive: the runtime's own class-data archive, which the app's archive below builds on.
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$out/runtime"

icon=views/io/feedlens/views/shell/feedlens.png
common=(--name FeedLens --app-version "$version" --vendor FeedLens
        --description "Desktop workbench for live AI feature feeds on Kafka"
        --input "$out/input" --main-jar feedlens.jar --main-class io.feedlens.views.Main
        --runtime-image "$out/runtime" --icon "$icon" --dest "$out")
# ZGC, whose pauses stay under a millisecond: G1's young collections of 20-60 ms during a search were what was left
# of the FX thread's stalls. A soft limit of 1 GB keeps it collecting early and reusing memory; the hard 4 GB leaves
# it room so that no thread (the renderer included) waits for a collection to end (decision 0024). The same flags are
# in pom.xml for mvn exec:exec.
for option in -Xmx4g -XX:+UseZGC -XX:SoftMaxHeapSize=1g; do
  common+=(--java-options "$option")
done
# C2, the optimising compiler, only for code that stays hot (10x the usual counts): during start-up it competed with
# the window for the two cores; long scans and decoding still reach it within a fraction of a second (decision 0020).
for option in -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 \
    -XX:Tier4BackEdgeThreshold=400000; do
  common+=(--java-options "$option")
done

echo "jpackage: app image"
jpackage --type app-image "${common[@]}"
# A desktop entry inside the app image for a copy in /opt/FeedLens (README); the .deb installs its own.
sed -e "s|@LAUNCHER@|/opt/feedlens/bin/FeedLens|" -e "s|@ICON@|/opt/feedlens/lib/FeedLens.png|" \
  packaging/feedlens.desktop > "$out/FeedLens/lib/feedlens.desktop"
# The class-data archive (decision 0020), and its script inside the image, to make it again wherever the image goes.
cp packaging/class-data.sh "$out/FeedLens/lib/app/"
"$out/FeedLens/lib/app/class-data.sh" "$out/FeedLens"
echo "App image: $out/FeedLens (run $out/FeedLens/bin/FeedLens)"

if ! $app_image_only; then
  echo "jpackage: .deb"
  # From the app image without its class-data archive, which fits only where it was made: the package's postinst
  # (packaging/deb/) makes it again in /opt/feedlens from the class list and with the script the image holds.
  rm -rf "$out/deb-image"
  cp -a "$out/FeedLens" "$out/deb-image"
  rm -f "$out/deb-image/lib/app/feedlens.jsa"
  jpackage --type deb --app-image "$out/deb-image" --resource-dir packaging/deb --name FeedLens --app-version "$version" --vendor FeedLens \
    --description "Desktop workbench for live AI feature feeds on Kafka" --icon "$icon" --dest "$out" \
    --install-dir /opt --linux-package-name feedlens \
    --linux-shortcut --linux-menu-group "Development" --linux-app-category devel \
    --linux-deb-maintainer "feedlens@example.org"
  echo "Debian package: $(ls "$out"/feedlens_*.deb)"
fi
