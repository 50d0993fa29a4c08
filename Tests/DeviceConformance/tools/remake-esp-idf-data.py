#!/usr/bin/env python3
"""Remakes the ESP-IDF data of the device-conformance check (Reference/esp-idf-v5.5.4) from checkouts, into a folder.

usage: remake-esp-idf-data.py --idf DIR --nimble DIR --out DIR [--base FILE ...] [--thread] [--fragment FILE] [--keep-work]

  --idf       an ESP-IDF checkout of the tag the firmware uses (v5.5.4); its submodules are not needed
  --nimble    an esp-nimble checkout at the commit that tag pins for components/bt/host/nimble/nimble
              (`git -C <esp-idf> ls-tree v5.5.4 components/bt/host/nimble/nimble` names it)
  --out       the folder to write; it must not be inside the repository's Reference folder unless you mean to replace it
  --base      sdkconfig defaults applied before the fragment, in order (e.g. nf-interpreter's
              targets/ESP32/_IDF/sdkconfig.default and sdkconfig.default.esp32c6); none: ESP-IDF's own defaults
  --thread    then the options nf-interpreter's build appends for a Thread target (ESP32_C6_THREAD: OpenThread FTD)
  --fragment  the project's fragment (default native-mesh-interop/native/firmware/sdkconfig.dcmonitor.esp32c6)

Writes into --out/esp-idf-v5.5.4 (the layout the check's --data option expects, beside nanoframework-1x-api, which it
links from the repository):
  sdkconfig.dcmonitor.esp32c6.full  every option of ESP-IDF's Kconfig tree for the esp32c6 (set, or "is not set")
  fragment-report.txt              each assignment of the fragment: OK, renamed (sdkconfig.rename), overridden, unknown
  bt-defined-symbols.tsv           name, func|var, source: every external function and variable the bt component's
                                   sources define in this configuration
  nf-interop-symbols.tsv           copied from the repository's data (it comes from nf-interpreter, not from ESP-IDF)

How: kconfiglib (Debian python3-kconfiglib; put it on PYTHONPATH) reads ESP-IDF's Kconfig tree with the environment
ESP-IDF's build gives it (IDF_TARGET=esp32c6, the component Kconfig lists), loads the bases and then the fragment, and
writes the full configuration and sdkconfig.h. The bt component's source and include lists come from running its
CMakeLists.txt with cmake in script mode, with ESP-IDF's build functions replaced by recorders. Each source is
preprocessed with riscv64-unknown-elf-gcc -E against sdkconfig.h and the include folders of all components (headers
found nowhere, e.g. generated ones, become empty stand-ins, counted in the summary), and the definitions at file scope
that are not static are listed. Approximations: kconfiglib instead of esp-idf-kconfig; include folders found by name
rather than from each component's CMakeLists; a definition that only exists through an empty stand-in is missed.
Nothing this writes belongs in a commit unless the team decides to replace the committed data.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

TARGET = "esp32c6"
OTHER_TARGETS = ("esp32", "esp32s2", "esp32s3", "esp32c2", "esp32c3", "esp32c5", "esp32c61", "esp32h2", "esp32h21",
                 "esp32h4", "esp32p4", "linux", "xtensa")
NIMBLE_IN_IDF = "components/bt/host/nimble/nimble"
PICOLIBC_SPECS = "/usr/lib/picolibc/riscv64-unknown-elf/picolibc.specs"
REPOSITORY = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
DATA_NAME = "esp-idf-v5.5.4"
# What nf-interpreter's build appends to the sdkconfig defaults for a Thread target such as ESP32_C6_THREAD (its
# CMake/binutils.ESP32.cmake, HAL_USE_THREAD_OPTION, with ESP32_THREAD_DEVICE_TYPE "FTD" from the target's defconfig).
THREAD_OPTIONS = """CONFIG_OPENTHREAD_ENABLED=y
CONFIG_OPENTHREAD_CLI=y
CONFIG_OPENTHREAD_LOG_LEVEL_DYNAMIC=y
CONFIG_OPENTHREAD_JOINER=y
CONFIG_MBEDTLS_CMAC_C=y
CONFIG_MBEDTLS_SSL_PROTO_DTLS=y
CONFIG_MBEDTLS_KEY_EXCHANGE_ECJPAKE=y
CONFIG_MBEDTLS_ECJPAKE_C=y
CONFIG_OPENTHREAD_FTD=y
"""

# ESP-IDF's build functions, replaced so that components/bt/CMakeLists.txt only records what it would build.
CMAKE_DRIVER = r"""
cmake_minimum_required(VERSION 3.16)
include("${CONFIG_FILE}")
set(idf_target "esp32c6")
set(COMPONENT_LIB "__idf_bt")
function(idf_build_get_property variable property)
    if(property STREQUAL "IDF_TARGET")
        set(${variable} "esp32c6" PARENT_SCOPE)
    else()
        set(${variable} "" PARENT_SCOPE)
    endif()
endfunction()
function(idf_component_register)
    cmake_parse_arguments(ARG "" "" "SRCS;INCLUDE_DIRS;PRIV_INCLUDE_DIRS;REQUIRES;PRIV_REQUIRES;LDFRAGMENTS" ${ARGN})
    file(WRITE "${OUTPUT_FILE}" "")
    foreach(item ${ARG_SRCS})
        file(APPEND "${OUTPUT_FILE}" "SRC\t${item}\n")
    endforeach()
    foreach(item ${ARG_INCLUDE_DIRS} ${ARG_PRIV_INCLUDE_DIRS})
        file(APPEND "${OUTPUT_FILE}" "INC\t${item}\n")
    endforeach()
endfunction()
foreach(command target_link_libraries target_link_directories target_compile_options target_compile_definitions
        target_include_directories add_prebuilt_library add_dependencies set_source_files_properties add_subdirectory
        idf_component_get_property idf_component_set_property idf_build_set_property target_sources)
    cmake_language(EVAL CODE "function(${command})\nendfunction()")
endforeach()
set(CMAKE_CURRENT_LIST_DIR "${BT_DIR}")
include("${BT_DIR}/CMakeLists.txt")
"""


def fail(message):
    print("remake-esp-idf-data: " + message, file=sys.stderr)
    sys.exit(2)


# ---- configuration ----------------------------------------------------------------------------------------------

def renames(idf):
    """Old option name -> new name (with CONFIG_), from every sdkconfig.rename of the tree; '!' marks an inverted bool."""
    table = {}
    paths = glob.glob(os.path.join(idf, "sdkconfig.rename")) + glob.glob(os.path.join(idf, "components", "**", "sdkconfig.rename*"), recursive=True)
    for path in paths:
        if path.endswith(".rename") or path.endswith(".rename." + TARGET):
            for line in open(path, encoding="utf-8"):
                parts = line.split()
                if len(parts) == 2 and not line.startswith("#"):
                    table[parts[0]] = parts[1]
    return table


def assignments(path):
    """(line number, option, value) of each CONFIG_ assignment or '# CONFIG_X is not set' line of a configuration file."""
    found = []
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.strip()
        match = re.match(r"^(CONFIG_\w+)=(.*)$", line)
        unset = re.match(r"^#\s*(CONFIG_\w+) is not set$", line)
        if match:
            found.append((number, match.group(1), match.group(2)))
        elif unset:
            found.append((number, unset.group(1), "n"))
    return found


def translated(path, table, work):
    """A copy of a configuration file with renamed options under their current names (an inverted bool inverted)."""
    lines = []
    for _, option, value in assignments(path):
        new = table.get(option, option)
        if new.startswith("!"):
            new, value = new[1:], {"y": "n", "n": "y"}.get(value, value)
        lines.append(f"# {new} is not set" if value == "n" else f"{new}={value}")
    copy = os.path.join(work, "translated-" + os.path.basename(path))
    with open(copy, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return copy


def configure(idf, bases, fragment, out, work):
    try:
        import kconfiglib
    except ImportError:
        fail("kconfiglib not found: install python3-kconfiglib or put its folder on PYTHONPATH")
    original_help = kconfiglib.Kconfig._parse_help

    def parse_help(self, node):
        # ESP-IDF's Kconfig tree gives some menus a help text (esp-idf-kconfig allows it); kconfiglib expects one only on
        # symbols and choices and fails on the menu's unset attribute.
        if not hasattr(node, "help"):
            node.help = None
        return original_help(self, node)

    kconfiglib.Kconfig._parse_help = parse_help
    components = sorted(glob.glob(os.path.join(idf, "components", "*")))
    kconfigs = os.path.join(work, "kconfigs.in")
    projbuilds = os.path.join(work, "kconfigs_projbuild.in")
    with open(kconfigs, "w", encoding="utf-8") as handle:
        for component in components:
            if os.path.exists(os.path.join(component, "Kconfig")):
                handle.write(f'source "{os.path.join(component, "Kconfig")}"\n')
    with open(projbuilds, "w", encoding="utf-8") as handle:
        for component in components:
            if os.path.exists(os.path.join(component, "Kconfig.projbuild")):
                handle.write(f'source "{os.path.join(component, "Kconfig.projbuild")}"\n')
    os.environ.update({
        "IDF_PATH": idf, "IDF_TARGET": TARGET, "IDF_TOOLCHAIN": "gcc", "IDF_INIT_VERSION": "5.5.4", "IDF_CI_BUILD": "",
        "IDF_DOC_BUILD": "", "IDF_MINIMAL_BUILD": "n", "IDF_ENV_FPGA": "", "IDF_ENV_BRINGUP": "",
        "COMPONENT_KCONFIGS_SOURCE_FILE": kconfigs, "COMPONENT_KCONFIGS_PROJBUILD_SOURCE_FILE": projbuilds,
    })
    kconfig = kconfiglib.Kconfig(os.path.join(idf, "Kconfig"), warn_to_stderr=False)
    parse_warnings = len(kconfig.warnings)
    table = renames(idf)
    for base in bases:
        kconfig.load_config(translated(base, table, work), replace=False)
    kconfig.load_config(translated(fragment, table, work), replace=False)
    load_warnings = len(kconfig.warnings) - parse_warnings
    with open(os.path.join(work, "kconfig-warnings.txt"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(kconfig.warnings) + "\n")
    kconfig.write_config(os.path.join(out, "sdkconfig.dcmonitor.esp32c6.full"), header="")
    kconfig.write_autoconf(os.path.join(work, "include", "sdkconfig.h"))

    report = [f"sdkconfig check of {os.path.relpath(fragment, REPOSITORY) if fragment.startswith(REPOSITORY) else fragment}"
              + (" over " + ", ".join(os.path.basename(base) for base in bases) if bases else "") + ":"]
    failed = 0
    for number, option, value in assignments(fragment):
        new = table.get(option, option).lstrip("!")
        symbol = kconfig.syms.get(new[len("CONFIG_"):])
        prefix = f"  line {number}: {option}={value}: "
        if symbol is None or not symbol.nodes:
            report.append(prefix + "UNKNOWN (no such option in ESP-IDF's Kconfig tree)")
            failed += 1
            continue
        wanted = value.strip('"') if not table.get(option, "").startswith("!") else {"y": "n", "n": "y"}.get(value, value)
        got = symbol.str_value if symbol.type not in (kconfiglib.BOOL, kconfiglib.TRISTATE) or symbol.str_value else "n"
        visible = symbol.visibility > 0
        if new != option:
            report.append(prefix + f"RENAMED to {new}" + ("" if got == wanted else f", but it is {got}"))
            failed += got != wanted
        elif got == wanted:
            report.append(prefix + "OK")
        else:
            reason = "not visible: depends on " + kconfiglib.expr_str(symbol.direct_dep) if not visible else "a dependency or select overrides it"
            if symbol.rev_dep is not kconfig.n and kconfiglib.expr_value(symbol.rev_dep):
                reason = "selected by " + kconfiglib.expr_str(symbol.rev_dep)
            for low, high, condition in symbol.ranges if symbol.type in (kconfiglib.INT, kconfiglib.HEX) else ():
                if kconfiglib.expr_value(condition):
                    base = 16 if symbol.type == kconfiglib.HEX else 10
                    try:
                        inside = int(low.str_value, base) <= int(wanted, base) <= int(high.str_value, base)
                    except ValueError:
                        inside = False
                    if not inside:
                        reason = f"outside its range {low.str_value}-{high.str_value}"
                    break
            report.append(prefix + f"OVERRIDDEN: the configuration has {got or '(unset)'} ({reason})")
            failed += 1
    report.append(f"sdkconfig check: {failed} of the fragment's assignments did not take effect")
    report.append(f"kconfiglib warnings: parse={parse_warnings} load={load_warnings} (see kconfig-warnings.txt in the work folder)")
    with open(os.path.join(out, "fragment-report.txt"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(report) + "\n")
    print("\n".join(report))
    return kconfig


# ---- symbols ----------------------------------------------------------------------------------------------------

def bt_build_lists(idf, kconfig, work):
    """(sources, include folders) of components/bt as its CMakeLists.txt gives them in this configuration."""
    config = os.path.join(work, "config.cmake")
    with open(config, "w", encoding="utf-8") as handle:
        for symbol in kconfig.unique_defined_syms:
            if symbol.str_value and symbol.str_value != "n" and symbol.nodes:
                handle.write(f'set(CONFIG_{symbol.name} "{symbol.str_value}")\n')
    driver = os.path.join(work, "bt-lists.cmake")
    with open(driver, "w", encoding="utf-8") as handle:
        handle.write(CMAKE_DRIVER)
    output = os.path.join(work, "bt-lists.txt")
    result = subprocess.run(["cmake", f"-DCONFIG_FILE={config}", f"-DOUTPUT_FILE={output}",
                             f"-DBT_DIR={os.path.join(idf, 'components', 'bt')}", "-P", driver], capture_output=True, text=True)
    if result.returncode != 0 or not os.path.exists(output):
        fail("running components/bt/CMakeLists.txt failed:\n" + result.stdout + result.stderr)
    sources, includes = [], []
    for line in open(output, encoding="utf-8"):
        kind, path = line.rstrip("\n").split("\t")
        (sources if kind == "SRC" else includes).append(path)
    return sources, includes


def in_idf(idf, nimble, relative_to_bt):
    """A path of the bt component, with the NimBLE submodule's part taken from the esp-nimble checkout."""
    path = os.path.normpath(os.path.join("components", "bt", relative_to_bt))
    if path.startswith(NIMBLE_IN_IDF + os.sep):
        return os.path.join(nimble, path[len(NIMBLE_IN_IDF) + 1:]), path
    return os.path.join(idf, path), path


def component_includes(idf):
    """Every folder named include (or register / a target include) of the components, for this target."""
    found = []
    for pattern in ("components/*/include", "components/*/*/include", "components/*/*/*/include", "components/*/*/*/*/include",
                    "components/*/" + TARGET + "/register", "components/*/include/" + TARGET, "components/*/*/include/" + TARGET,
                    "components/freertos/config/include/freertos", "components/freertos/FreeRTOS-Kernel/portable/riscv/include/freertos",
                    "components/freertos/FreeRTOS-Kernel/include/freertos", "components/newlib/platform_include",
                    "components/esp_hw_support/port/" + TARGET + "/private_include", "components/hal/platform_port/include"):
        for path in sorted(glob.glob(os.path.join(idf, pattern))):
            parts = os.path.relpath(path, idf).split(os.sep)
            if any(part in OTHER_TARGETS for part in parts) or any(part in ("test", "test_apps", "host_test", "linux") for part in parts):
                continue
            found.append(path)
    # A target's folder before the generic one, so that soc/, hal/ and rom/ headers are the esp32c6 ones.
    return sorted(found, key=lambda path: 0 if TARGET in path else 1)


def preprocess(compiler, source, includes, stubs, work):
    """The preprocessed text of a source; missing headers get empty stand-ins in `stubs`. None if it cannot be done."""
    flags = ["-E", "-march=rv32imac_zicsr", "-mabi=ilp32", "-std=gnu17", "-w", "-DESP_PLATFORM", '-DIDF_VER="v5.5.4"',
             "-D_GNU_SOURCE", "-D_POSIX_READER_WRITER_LOCKS", "-I" + os.path.join(work, "include"), "-I" + stubs]
    flags += ["-I" + path for path in includes]
    if "riscv64-unknown-elf" in compiler and os.path.exists(PICOLIBC_SPECS):
        flags.insert(0, "--specs=picolibc.specs")  # a C library's headers (ESP-IDF builds with newlib's)
    for _ in range(200):
        result = subprocess.run([compiler] + flags + [source], capture_output=True, text=True)
        missing = re.search(r"fatal error: ([^:]+): No such file or directory", result.stderr)
        if not missing:
            return result.stdout if result.stdout else None
        stub = os.path.join(stubs, missing.group(1))
        os.makedirs(os.path.dirname(stub), exist_ok=True)
        open(stub, "w").close()
    return None


def definitions(text, source):
    """(name, 'func'|'var') of the non-static definitions at file scope that come from `source` itself (not a header)."""
    pieces, current = [], None
    for line in text.splitlines():
        marker = re.match(r'^# \d+ "(.*)"', line)
        if marker:
            current = marker.group(1)
            continue
        pieces.append((current, line))
    own = os.path.realpath(source)
    body = "".join(line + "\n" for _, line in pieces)
    owners = []
    for file_name, line in pieces:
        owners.extend([file_name] * (len(line) + 1))
    body = re.sub(r'"(?:\\.|[^"\\\n])*"', lambda match: '"' + " " * (len(match.group(0)) - 2) + '"', body)
    body = re.sub(r"'(?:\\.|[^'\\\n])*'", lambda match: "'" + " " * (len(match.group(0)) - 2) + "'", body)

    found = []
    position, length, start = 0, len(body), 0
    while position < length:
        character = body[position]
        if character in "{;":
            statement = body[start:position]
            mine = start < len(owners) and owners[min(start + len(statement) - len(statement.lstrip()), len(owners) - 1)] is not None \
                and os.path.realpath(owners[min(start + len(statement) - len(statement.lstrip()), len(owners) - 1)]) == own
            if character == "{":
                end = closing(body, position)
                head = clean(statement)
                if is_function_head(head):
                    if mine and not is_static(head):
                        found.append((function_name(head), "func"))
                    position, start = end + 1, end + 1
                    continue
                position = end + 1  # a struct/union/enum body or a brace initializer: the statement goes on to its ';'
                continue
            head = clean(statement)
            head = re.sub(r"\{[^{}]*\}", "{}", head)
            while re.search(r"\{[^{}]+\}", head):
                head = re.sub(r"\{[^{}]*\}", "{}", head)
            if mine and head and not is_static(head) and not re.match(r"^(typedef|extern)\b", head) and not head.startswith("_Static_assert"):
                for declarator in declarators(head):
                    name = variable_name(declarator)
                    if name:
                        found.append((name, "var"))
            start = position + 1
        position += 1
    return found


def closing(body, position):
    depth = 0
    for index in range(position, len(body)):
        if body[index] == "{":
            depth += 1
        elif body[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return len(body) - 1


def clean(statement):
    statement = re.sub(r"__attribute__\s*\(\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\)", " ", statement)
    statement = re.sub(r"__asm__\s*\([^)]*\)", " ", statement)
    return re.sub(r"\s+", " ", statement).strip()


def is_static(head):
    return re.search(r"(^|\s)static\b", head) is not None


def is_function_head(head):
    if "=" in head.split("(")[0] or re.match(r"^(typedef|struct|union|enum)\b[^(]*$", head):
        return False
    return re.search(r"\b[A-Za-z_]\w*\s*\((.*)\)\s*$", head) is not None


def function_name(head):
    depth, index = 0, len(head) - 1
    while index >= 0:  # the parameter list is the last parenthesised group
        if head[index] == ")":
            depth += 1
        elif head[index] == "(":
            depth -= 1
            if depth == 0:
                break
        index -= 1
    return re.search(r"([A-Za-z_]\w*)\s*$", head[:index]).group(1)


def declarators(head):
    """`uint16_t a, b = 1` -> ['uint16_t a', 'uint16_t b = 1']: each declarator with the leading type."""
    parts, depth, current = [], 0, ""
    for character in head:
        if character in "({[":
            depth += 1
        elif character in ")}]":
            depth -= 1
        if character == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += character
    parts.append(current)
    first = parts[0]
    kind = re.match(r"^(.*?)[\s*]*[A-Za-z_]\w*\s*(\[[^\]]*\])*\s*(=.*)?$", first.strip())
    prefix = kind.group(1) if kind else ""
    return [first] + [prefix + " " + part.strip() for part in parts[1:]]


def variable_name(head):
    if re.match(r"^(struct|union|enum)\s+\w+$", head.strip()):
        return None  # a forward declaration of a type
    if "(" in head.split("=")[0] and not re.search(r"\(\s*\*\s*\w+\s*\)", head.split("=")[0]):
        return None  # a prototype
    declarator = head.split("=")[0]
    declarator = re.sub(r"\[[^\]]*\]", "", declarator)
    pointer = re.search(r"\(\s*\*\s*(\w+)\s*\)", declarator)
    if pointer:
        return pointer.group(1)
    match = re.search(r"([A-Za-z_]\w*)\s*$", declarator)
    if not match or match.group(1) in ("void", "int", "char", "struct", "union", "enum") or len(declarator.split()) < 2:
        return None
    return match.group(1)


def symbols(idf, nimble, kconfig, out, work, compiler):
    sources, includes = bt_build_lists(idf, kconfig, work)
    bt_includes = [in_idf(idf, nimble, path)[0] for path in includes]
    everything = bt_includes + component_includes(idf)
    stubs = os.path.join(work, "stubs")
    os.makedirs(stubs, exist_ok=True)
    rows, failures = [], []
    for source in sources:
        full, shown = in_idf(idf, nimble, source)
        if not os.path.exists(full):
            failures.append(shown + " (absent)")
            continue
        if not full.endswith(".c"):
            continue
        text = preprocess(compiler, full, everything, stubs, work)
        if text is None:
            failures.append(shown)
            continue
        seen = set()
        for name, kind in definitions(text, full):
            if name not in seen:
                seen.add(name)
                rows.append(f"{name}\t{kind}\t{shown}")
    with open(os.path.join(out, "bt-defined-symbols.tsv"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(rows) + "\n")
    stub_count = sum(len(files) for _, _, files in os.walk(stubs))
    print(f"bt: {len(sources)} sources, {len(rows)} definitions, {stub_count} headers stood in for (empty), "
          f"{len(failures)} sources not read" + (": " + ", ".join(failures) if failures else ""))
    if any(failure.endswith("(absent)") and failure.startswith(NIMBLE_IN_IDF) for failure in failures):
        print("warning: NimBLE sources the bt CMakeLists.txt lists are absent: the esp-nimble checkout is not the commit this "
              "ESP-IDF pins (their definitions are missing from the data)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--idf", required=True)
    parser.add_argument("--nimble", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--base", action="append", default=[])
    parser.add_argument("--thread", action="store_true",
                        help="after the bases, the options nf-interpreter's build adds for the ESP32_C6_THREAD target (OpenThread FTD)")
    parser.add_argument("--fragment", default=os.path.join(REPOSITORY, "native-mesh-interop", "native", "firmware", "sdkconfig.dcmonitor.esp32c6"))
    parser.add_argument("--compiler", default="riscv64-unknown-elf-gcc")
    parser.add_argument("--keep-work", action="store_true", help="keep the work folder (sdkconfig.h, stand-in headers, warnings)")
    arguments = parser.parse_args()
    idf, nimble = os.path.abspath(arguments.idf), os.path.abspath(arguments.nimble)
    if not os.path.exists(os.path.join(idf, "Kconfig")) or not os.path.exists(os.path.join(idf, "components", "bt", "CMakeLists.txt")):
        fail(idf + " is not an ESP-IDF checkout (no Kconfig or components/bt/CMakeLists.txt)")
    if not os.path.exists(os.path.join(nimble, "nimble", "host", "src", "ble_gap.c")):
        fail(nimble + " is not an esp-nimble checkout (no nimble/host/src/ble_gap.c)")
    if shutil.which(arguments.compiler) is None:
        fail(arguments.compiler + " not found (Debian gcc-riscv64-unknown-elf)")
    out = os.path.join(os.path.abspath(arguments.out), DATA_NAME)
    os.makedirs(out, exist_ok=True)
    reference = os.path.join(REPOSITORY, "Tests", "DeviceConformance", "Reference")
    api = os.path.join(os.path.abspath(arguments.out), "nanoframework-1x-api")
    if os.path.islink(api) and not os.path.exists(api):
        os.remove(api)  # left by a run from another checkout
    if not os.path.lexists(api):
        os.symlink(os.path.join(reference, "nanoframework-1x-api"), api)
    shutil.copy(os.path.join(reference, DATA_NAME, "nf-interop-symbols.tsv"), out)
    work = tempfile.mkdtemp(prefix="remake-esp-idf-")
    os.makedirs(os.path.join(work, "include"))
    bases = [os.path.abspath(base) for base in arguments.base]
    if arguments.thread:
        bases.append(os.path.join(work, "nf-thread-target-options"))
        with open(bases[-1], "w", encoding="utf-8") as handle:
            handle.write(THREAD_OPTIONS)
    kconfig = configure(idf, bases, os.path.abspath(arguments.fragment), out, work)
    symbols(idf, nimble, kconfig, out, work, arguments.compiler)
    if arguments.keep_work:
        print("work folder: " + work)
    else:
        shutil.rmtree(work)
    print("data written to " + out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
