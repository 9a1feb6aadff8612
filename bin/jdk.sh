# Sourced by bin/demo, bin/test and .ci/run: points JAVA_HOME at a JDK 21 or newer.
# Order: $JAVA_HOME, the `java` on PATH, then the usual install folders (newest first).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }

pick_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for d in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* 2>/dev/null | sort -rV); do
    candidates+=("$d")
  done
  for home in "${candidates[@]}"; do
    if [ -x "$home/bin/javac" ] && [ "$(java_major "$home")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$home"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "fsdh-bot needs a JDK 21 or newer; none found in JAVA_HOME, PATH or /usr/lib/jvm. Install one (e.g. apt-get install openjdk-21-jdk-headless) and retry." >&2
  return 1
}
pick_jdk

# Maven 3.8/3.9 runs its own Guava, which touches sun.misc.Unsafe; from JDK 24 on, the JDK warns about
# that on stderr at every build (JEP 471/498). It is Maven's, not the bot's: allow it quietly.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
