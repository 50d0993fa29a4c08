#!/usr/bin/env bash
# Runs every test of the project and ends with one line "N passed, N failed".
#   - host tests (xunit, Tests/Host): the NFUnitTest suite through the nanoFramework launcher emulation,
#     the emulated nanoFramework APIs, the virtual peripherals, whole firmware images on virtual boards,
#     and the firmware compliance checks (the firmware host builds also run those checks while building);
#   - the device-conformance check (Tests/DeviceConformance): each .nfproj compiled as written against the real
#     nanoFramework 1.x API surface, the sdkconfig fragment and native calls against ESP-IDF v5.5.4's data;
#   - native tests (CTest) join here when native-mesh-interop/test exists;
#   - MQTT tests use the broker embedded in the emulator; one also runs against Mosquitto when installed (skipped otherwise).
# Installs what it needs when missing (the .NET SDK must be on the machine; NuGet packages are restored).
#
# Each stage prints a line when it starts and one when it ends, both stamped with the time since the start of the run
# ([mm:ss]). Stages that do not need each other run at the same time: the device-conformance check, the benchmarks'
# build, the native tests and the rv32 compile beside the host tests (after the processor-bound .NET build). Their
# output goes to logs; a stage that fails prints its log at the end. Background stages run at a lower priority so that
# the build and the host tests (whose firmware runs in real time) keep the processor they need.
set -uo pipefail
cd "$(dirname "$0")"

configuration=Release
log_dir=$(mktemp -d)
background=()
trap 'for job in "${background[@]}"; do kill "$job" 2>/dev/null; done; rm -rf "$log_dir"' EXIT
started=$(date +%s)

# "[mm:ss]" since the start of the run.
stamp() {
  local seconds=$(( $(date +%s) - started ))
  printf '[%02d:%02d]' $((seconds / 60)) $((seconds % 60))
}

# say LINE...: one line stamped with the elapsed time (a single write, so lines of parallel stages never mix).
say() {
  printf '%s %s\n' "$(stamp)" "$*"
}

# result STAGE PASSED FAILED: records a stage's counts (collected at the end) and prints its end line.
result() {
  echo "$2 $3" > "$log_dir/$1.result"
  say "$1: $2 passed, $3 failed"
}

# failure STAGE MESSAGE: a stage that could not run counts as one failure; its log is printed at the end.
failure() {
  echo "$2" >> "$log_dir/$1.log"
  result "$1" 0 1
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK (dotnet, net10.0) is required and was not found on PATH" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# Tools of the native stages, installed now (one apt-get at a time) so that the stages themselves can run in parallel.
native_configure() { cmake -S native-mesh-interop/test -B "$log_dir/native" >"$log_dir/cmake.log" 2>&1; }
if [ -d native-mesh-interop/test ] && { ! command -v cmake >/dev/null 2>&1 || ! native_configure; }; then
  echo "test.sh: installing cmake, g++, GoogleTest and OpenSSL (the fake mbedTLS AES) for the native tests"
  apt-get update -qq >/dev/null && apt-get install -y -qq cmake g++ libgtest-dev libssl-dev >/dev/null
  rm -rf "$log_dir/native"
fi
if [ -d native-mesh-interop/native/core ] && { ! command -v riscv64-unknown-elf-gcc >/dev/null 2>&1 || [ ! -f /usr/lib/picolibc/riscv64-unknown-elf/picolibc.specs ]; }; then
  echo "test.sh: installing gcc-riscv64-unknown-elf and picolibc"
  apt-get update -qq >/dev/null && apt-get install -y -qq gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf >/dev/null
fi

# Native tests (CTest): GoogleTest suites of the C component against fake ESP-IDF / NimBLE / nanoCLR headers.
native_tests() {
  local stage="native tests" log="$log_dir/native tests.log"
  if ! native_configure; then
    cat "$log_dir/cmake.log" >> "$log"
    failure "$stage" "test.sh: native tests could not be configured"
    return
  fi
  say "== $stage (building)"
  if ! cmake --build "$log_dir/native" -j2 >>"$log" 2>&1; then
    failure "$stage" "test.sh: native tests did not build"
    return
  fi
  local count
  count=$(cd "$log_dir/native" && ctest -N | sed -nE 's/^Total Tests: ([0-9]+)/\1/p')
  say "== $stage (${count:-?} tests)"
  (cd "$log_dir/native" && ctest --output-on-failure) >>"$log" 2>&1
  local line total bad
  line=$(grep -E "tests passed, [0-9]+ tests failed out of" "$log" | tail -n 1)
  if [ -z "$line" ]; then
    failure "$stage" "test.sh: ctest ended without a summary"
    return
  fi
  total=$(echo "$line" | sed -E 's/.*out of ([0-9]+).*/\1/')
  bad=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) tests failed.*/\1/')
  result "$stage" $((total - bad)) "$bad"
}

# The native component compiled for the ESP32-C6 instruction set (portability check): one result for all its files.
rv32_compile() {
  local stage="rv32 compile" log="$log_dir/rv32 compile.log" portable=1 source
  local rv32="-march=rv32imac_zicsr -mabi=ilp32 -Os -Wall -Wextra -Werror -Wconversion"
  mkdir -p "$log_dir/rv32"
  # The core: freestanding C11, no C library.
  for source in native-mesh-interop/native/core/*.c; do
    if ! riscv64-unknown-elf-gcc $rv32 -std=c11 -ffreestanding -c "$source" -o "$log_dir/rv32/$(basename "$source").o" >>"$log" 2>&1; then
      portable=0
    fi
  done
  # The ESP-IDF glue, against the same ESP-IDF / NimBLE declarations as its host tests and a C library (picolibc;
  # ESP-IDF v5.5 links newlib). dcm_platform_esp.c needs FreeRTOS and nanoCLR headers: only the firmware build has them.
  for source in native-mesh-interop/native/esp/*.c; do
    [ "$(basename "$source")" = dcm_platform_esp.c ] && continue
    if ! riscv64-unknown-elf-gcc $rv32 --specs=picolibc.specs -std=gnu11 -Inative-mesh-interop/native/core -Inative-mesh-interop/native/esp \
        -Inative-mesh-interop/test/fake_idf/include -c "$source" -o "$log_dir/rv32/$(basename "$source").o" >>"$log" 2>&1; then
      portable=0
    fi
  done
  if [ "$portable" -eq 1 ]; then
    { echo "native component compiles for rv32imac_zicsr/ilp32; code and data sizes (bytes):"; riscv64-unknown-elf-size "$log_dir"/rv32/*.c.o; } > "$log_dir/rv32 sizes.txt"
    result "$stage" 1 0
  else
    failure "$stage" "test.sh: the native component does not compile for rv32imac_zicsr/ilp32"
  fi
}

# Device conformance: every .nfproj against the real nanoFramework 1.x surface; sdkconfig and native calls against ESP-IDF v5.5.4.
device_conformance() {
  local stage="device conformance" log="$log_dir/device conformance.log"
  if dotnet run --project Tests/DeviceConformance -c "$configuration" --no-build >"$log" 2>&1; then
    say "device conformance: $(tail -n 1 "$log")"
    result "$stage" 1 0
  else
    failure "$stage" "test.sh: the device build would fail (findings above)"
  fi
}

# The benchmarks only have to build (they are run by hand).
benchmarks_build() {
  local stage="benchmarks build" log="$log_dir/benchmarks build.log"
  if dotnet build Tests/Benchmarks/DcMonitor.Benchmarks.csproj -c "$configuration" -nologo -v quiet >"$log" 2>&1; then
    echo "0 0" > "$log_dir/$stage.result" # a build, not a test: only its failure counts
    say "$stage: built"
  else
    failure "$stage" "test.sh: the benchmarks no longer build"
  fi
}

# start NAME FUNCTION: runs a stage in the background at a lower priority.
start() {
  say "== $1 (started beside the others)"
  "$2" &
  background+=($!)
  renice -n 10 -p $! >/dev/null 2>&1
}


say "== building (host builds of all firmware projects, with their nanoFramework 1.x checks)"
if ! dotnet build Tests/Host/DcMonitor.Tests.csproj -c "$configuration" -nologo -v quiet > "$log_dir/build.log" 2>&1; then
  grep -E "error" "$log_dir/build.log" | sort -u >&2
  echo "test.sh: build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
say "built"

# Beside the host tests, which mostly wait on the firmware's real-time scenarios: the processor-bound .NET build above
# finishes sooner without them.
start "device conformance" device_conformance
start "benchmarks build" benchmarks_build
[ -d native-mesh-interop/test ] && start "native tests" native_tests
[ -d native-mesh-interop/native/core ] && start "rv32 compile" rv32_compile

test_log="$log_dir/host tests.log"
# nanoCLR has no stack allocation of non-escaping objects: off, so the allocation regression tests count what the device allocates.
export DOTNET_JitObjectStackAllocation=0
say "== host tests (progress every 20 s; the total when they end)"
# A test that runs for 10 minutes (the longest takes under 2 on a quiet machine) is taken as hung: the run is stopped and
# counted as failed rather than waited for forever.
dotnet test Tests/Host/DcMonitor.Tests.csproj -c "$configuration" --no-build -nologo --logger "console;verbosity=normal" \
  --blame-hang-timeout 10m --blame-hang-dump-type none > "$test_log" 2>&1 &
host=$!
background+=($host)
# Progress while the host tests run: how many have finished, every 20 s.
while kill -0 "$host" 2>/dev/null; do
  for _ in $(seq 1 20); do
    kill -0 "$host" 2>/dev/null || break
    sleep 1
  done
  kill -0 "$host" 2>/dev/null && say "host tests: $(grep -cE "^  (Passed|Failed|Skipped) " "$test_log") done"
done
wait "$host"
# The console logger's summary: "Total tests: N", then "Passed: N" and, when any, "Failed: N" / "Skipped: N".
total=$(sed -nE 's/^Total tests: ([0-9]+)$/\1/p' "$test_log" | tail -n 1)
if [ -z "$total" ]; then
  failure "host tests" "test.sh: the host test run ended without a summary"
else
  good=$(sed -nE 's/^ +Passed: ([0-9]+)$/\1/p' "$test_log" | tail -n 1)
  bad=$(sed -nE 's/^ +Failed: ([0-9]+)$/\1/p' "$test_log" | tail -n 1)
  result "host tests" "${good:-0}" "${bad:-0}"
fi

for job in "${background[@]}"; do
  wait "$job" 2>/dev/null
done
background=()

passed=0
failed=0
for stage in "device conformance" "benchmarks build" "host tests" "native tests" "rv32 compile"; do
  [ -f "$log_dir/$stage.result" ] || { [ -f "$log_dir/$stage.log" ] || continue; echo "0 1" > "$log_dir/$stage.result"; }
  read -r stage_passed stage_failed < "$log_dir/$stage.result"
  passed=$((passed + stage_passed))
  failed=$((failed + stage_failed))
  if [ "$stage_failed" -ne 0 ]; then
    echo "---- $stage: log"
    if [ "$stage" = "host tests" ]; then
      grep -vE "^  Passed " "$log_dir/$stage.log"
    else
      cat "$log_dir/$stage.log"
    fi
  fi
done
[ -f "$log_dir/rv32 sizes.txt" ] && cat "$log_dir/rv32 sizes.txt"

say "done"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
