#!/usr/bin/env bash
# Builds the root file system Jib layers the app onto (the image is FROM scratch, see docs/operations.md,
# "Container image"): no registry is needed, so the image builds on a machine that reaches only Maven's and
# the OS's package repositories.
#   /opt/java                  a Java runtime linked by jlink from the building JDK (17), headless modules only
#   /lib/x86_64-linux-gnu, /lib64   the shared libraries that runtime needs (ldd closure, from the build host)
#   /etc/passwd, /etc/group    the unprivileged user tttools (10001) the container runs as
#   /etc/hosts, nsswitch.conf  localhost resolves even where the runtime mounts no hosts file
#   /tmp                       writable scratch space (Tomcat and the JVM write there)
# Usage: build-base.sh <output-dir> [java-home]
set -euo pipefail
out="${1:?output directory}"
java_home="${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
[ "$(uname -m)" = x86_64 ] || { echo "build-base.sh: the image is built for linux/amd64 only" >&2; exit 1; }
[ -d "$java_home/jmods" ] || { echo "build-base.sh: $java_home has no jmods (Debian: apt-get install openjdk-17-jdk)" >&2; exit 1; }

# Rebuilt only when this script or the JDK changed (jlink takes most of a minute).
stamp_file="$out.stamp"
stamp="$(sha256sum "$0" | cut -d' ' -f1) $(cat "$java_home/release" | sha256sum | cut -d' ' -f1)"
if [ -d "$out" ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
  echo "build-base.sh: $out is up to date"; exit 0
fi
rm -rf "$out"
mkdir -p "$out/opt" "$out/lib/x86_64-linux-gnu" "$out/lib64" "$out/etc" "$out/tmp"

# java.se plus the JDK modules a Spring Boot server uses at run time (EC/PKCS11 crypto for TLS, DNS naming,
# zip file system for nested jars, management and JFR for diagnostics, extra charsets and locales).
"$java_home/bin/jlink" \
  --module-path "$java_home/jmods" \
  --add-modules java.se,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.unsupported,jdk.management,jdk.management.jfr,jdk.jfr,jdk.naming.dns,jdk.zipfs,jdk.charsets,jdk.localedata,jdk.security.auth,jdk.net \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$out/opt/java"
# Headless: the X11 and sound back ends would pull in desktop libraries the server never loads.
rm -f "$out/opt/java/lib/libawt_xawt.so" "$out/opt/java/lib/libjsound.so" "$out/opt/java/lib/libsplashscreen.so"

# The native libraries the runtime links against, resolved on this machine; the dynamic loader goes where
# the binaries expect it (/lib64/ld-linux-x86-64.so.2).
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' \
  | grep -v "^$out" | sort -u \
  | while read -r lib; do cp -L "$lib" "$out/lib/x86_64-linux-gnu/"; done
cp -L /lib64/ld-linux-x86-64.so.2 "$out/lib64/ld-linux-x86-64.so.2"

printf 'root:x:0:0:root:/root:/sbin/nologin\ntttools:x:10001:10001:TTtools:/tmp:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\ntttools:x:10001:\n' > "$out/etc/group"
# Runtimes mount their own /etc/hosts and resolv.conf over these; the defaults keep localhost resolvable.
printf '127.0.0.1 localhost\n::1 localhost ip6-localhost\n' > "$out/etc/hosts"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
echo "$stamp" > "$stamp_file"
echo "build-base.sh: $(du -sh "$out" | cut -f1) in $out"
