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
set -uo pipefail
cd "$(dirname "$0")"

configuration=Release
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK (dotnet, net10.0) is required and was not found on PATH" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0

echo "== building (host builds of all firmware projects, with their nanoFramework 1.x checks)"
if ! dotnet build Tests/Host/DcMonitor.Tests.csproj -c "$configuration" -nologo -v quiet > "$log_dir/build.log" 2>&1; then
  grep -E "error" "$log_dir/build.log" | sort -u >&2
  echo "test.sh: build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
if ! dotnet build Tests/Benchmarks/DcMonitor.Benchmarks.csproj -c "$configuration" -nologo -v quiet > "$log_dir/bench-build.log" 2>&1; then
  grep -E "error" "$log_dir/bench-build.log" | sort -u >&2
  echo "test.sh: the benchmarks no longer build" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== device conformance (every .nfproj against the real nanoFramework 1.x surface; sdkconfig and native calls against ESP-IDF v5.5.4)"
if dotnet run --project Tests/DeviceConformance -c "$configuration" --no-build > "$log_dir/conformance.log" 2>&1; then
  tail -n 1 "$log_dir/conformance.log"
  passed=$((passed + 1))
else
  cat "$log_dir/conformance.log"
  echo "test.sh: the device build would fail (findings above)" >&2
  failed=$((failed + 1))
fi

echo "== host tests"
dotnet test Tests/Host/DcMonitor.Tests.csproj -c "$configuration" --no-build -nologo 2>&1 | tee "$log_dir/test.log"
summary=$(grep -E "^(Passed|Failed)! +- Failed: " "$log_dir/test.log" | tail -n 1)
if [ -z "$summary" ]; then
  echo "test.sh: the host test run ended without a summary" >&2
  failed=$((failed + 1))
else
  passed=$((passed + $(echo "$summary" | sed -E 's/.*Passed: +([0-9]+).*/\1/')))
  failed=$((failed + $(echo "$summary" | sed -E 's/.*Failed: +([0-9]+),.*/\1/')))
fi

if [ -d native-mesh-interop/test ]; then
  echo "== native tests"
  configure() { cmake -S native-mesh-interop/test -B "$log_dir/native" >"$log_dir/cmake.log" 2>&1; }
  if ! command -v cmake >/dev/null 2>&1 || ! configure; then
    echo "test.sh: installing cmake, g++ and GoogleTest for the native tests"
    apt-get update -qq >/dev/null && apt-get install -y -qq cmake g++ libgtest-dev >/dev/null
    rm -rf "$log_dir/native"
  fi
  if configure && cmake --build "$log_dir/native" -j2 >"$log_dir/native-build.log" 2>&1; then
    (cd "$log_dir/native" && ctest --output-on-failure) | tee "$log_dir/ctest.log"
    line=$(grep -E "tests passed, [0-9]+ tests failed out of" "$log_dir/ctest.log" | tail -n 1)
    if [ -z "$line" ]; then
      echo "test.sh: ctest ended without a summary" >&2
      failed=$((failed + 1))
    else
      total=$(echo "$line" | sed -E 's/.*out of ([0-9]+).*/\1/')
      bad=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) tests failed.*/\1/')
      passed=$((passed + total - bad))
      failed=$((failed + bad))
    fi
  else
    echo "test.sh: native tests did not build" >&2
    failed=$((failed + 1))
  fi
fi

if [ -d native-mesh-interop/native/core ]; then
  echo "== native component for the ESP32-C6 instruction set (portability check)"
  if ! command -v riscv64-unknown-elf-gcc >/dev/null 2>&1 || [ ! -f /usr/lib/picolibc/riscv64-unknown-elf/picolibc.specs ]; then
    echo "test.sh: installing gcc-riscv64-unknown-elf and picolibc"
    apt-get update -qq >/dev/null && apt-get install -y -qq gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf >/dev/null
  fi
  portable=1
  rv32="-march=rv32imac_zicsr -mabi=ilp32 -Os -Wall -Wextra -Werror -Wconversion"
  # The core: freestanding C11, no C library.
  for source in native-mesh-interop/native/core/*.c; do
    if ! riscv64-unknown-elf-gcc $rv32 -std=c11 -ffreestanding -c "$source" -o "$log_dir/$(basename "$source").o"; then
      portable=0
    fi
  done
  # The ESP-IDF glue, against the same ESP-IDF / NimBLE declarations as its host tests and a C library (picolibc;
  # ESP-IDF v5.5 links newlib). dcm_platform_esp.c needs FreeRTOS and nanoCLR headers: only the firmware build has them.
  for source in native-mesh-interop/native/esp/*.c; do
    [ "$(basename "$source")" = dcm_platform_esp.c ] && continue
    if ! riscv64-unknown-elf-gcc $rv32 --specs=picolibc.specs -std=gnu11 -Inative-mesh-interop/native/core -Inative-mesh-interop/native/esp \
        -Inative-mesh-interop/test/fake_idf/include -c "$source" -o "$log_dir/$(basename "$source").o"; then
      portable=0
    fi
  done
  if [ "$portable" -eq 1 ]; then
    echo "native component compiles for rv32imac_zicsr/ilp32; code and data sizes (bytes):"
    riscv64-unknown-elf-size "$log_dir"/*.c.o
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
