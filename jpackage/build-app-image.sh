#!/bin/sh
# Builds a native app image (and a .deb where fakeroot and dpkg-deb exist) from target/dist.
# Usage: mvn -B -ntp -DskipTests package && jpackage/build-app-image.sh [--deb]
# JavaFX runs as named modules from its -linux jars on the module path (no "unsupported
# configuration" warning); everything else stays on the class path.
set -eu
cd "$(dirname "$0")/.."
DIST=target/dist
OUT=target/jpackage
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -1)
[ -d "$DIST/lib" ] || { echo "run 'mvn -DskipTests package' first" >&2; exit 2; }
rm -rf "$OUT" && mkdir -p "$OUT/input" "$OUT/fxmods"
for jar in "$DIST"/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar|javafx-*-win.jar|javafx-*-mac*.jar) cp "$jar" "$OUT/fxmods/" ;;
    javafx-*) ;;                      # empty placeholder jars
    *) cp "$jar" "$OUT/input/" ;;     # ikonli-javafx stays here on purpose
  esac
done
cp -r assets "$OUT/input/assets"
jpackage --type app-image --name LearningSAStudio --app-version "$VERSION" \
  --input "$OUT/input" --main-jar "learningsa-studio-$VERSION.jar" \
  --main-class org.learningsa.studio.cli.Main \
  --module-path "$OUT/fxmods" \
  --add-modules javafx.controls,javafx.swing,java.base,java.desktop,java.logging,java.management,java.xml,java.naming,java.prefs,jdk.unsupported,jdk.zipfs,java.compiler,java.sql,jdk.crypto.ec \
  --jlink-options '--strip-debug --no-man-pages --no-header-files --compress=2' \
  --java-options '-Dai.djl.offline=true -Dlsa.home=$APPDIR' \
  --icon jpackage/icon.png \
  --dest "$OUT"
echo "app image: $OUT/LearningSAStudio (run $OUT/LearningSAStudio/bin/LearningSAStudio)"
if [ "${1:-}" = "--deb" ]; then
  if command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null; then
    jpackage --type deb --app-image "$OUT/LearningSAStudio" --name learningsa-studio --app-version "$VERSION" \
      --linux-package-deps libgtk-3-0 --linux-shortcut --dest "$OUT"
    ls -la "$OUT"/*.deb
  else
    echo "fakeroot or dpkg-deb missing: no .deb built" >&2
  fi
fi
