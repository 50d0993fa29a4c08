#!/usr/bin/env python3
"""Checks the fake ESP-IDF / NimBLE headers of the host tests against the real headers.

usage: check_idf_declarations.py <esp-idf checkout> [<esp-nimble checkout>]

The ESP-IDF checkout is the tag the firmware uses (v5.5.4); NimBLE is its submodule components/bt/host/nimble/nimble,
or a separate esp-nimble checkout at the commit that tag pins. For every header in
native-mesh-interop/test/fake_idf/include it checks that
  - each function prototype appears, token for token, in the real headers;
  - each #define of the fake has the same value in the real headers (numerically when both are numbers);
  - each enum constant the fake gives a value has that value in the real enum;
  - each struct member the fake declares is declared (same type and name) in the real headers.
Members marked "omitted" or "placeholder" in the fake are not checked (they are not in the fake). Prints every
mismatch and exits 1 when there is one, 0 otherwise.
"""
import os
import re
import sys

FAKE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fake_idf", "include")

MESH_API = "components/bt/esp_ble_mesh/api"
REAL = {
    "esp_err.h": ["components/esp_common/include/esp_err.h"],
    "esp_ble_mesh_defs.h": [MESH_API + "/esp_ble_mesh_defs.h"],
    "esp_ble_mesh_common_api.h": [MESH_API + "/core/include/esp_ble_mesh_common_api.h"],
    "esp_ble_mesh_provisioning_api.h": [MESH_API + "/core/include/esp_ble_mesh_provisioning_api.h"],
    "esp_ble_mesh_networking_api.h": [MESH_API + "/core/include/esp_ble_mesh_networking_api.h"],
    "esp_ble_mesh_local_data_operation_api.h": [MESH_API + "/core/include/esp_ble_mesh_local_data_operation_api.h"],
    "esp_ble_mesh_ble_api.h": [MESH_API + "/core/include/esp_ble_mesh_ble_api.h"],
    "esp_ble_mesh_config_model_api.h": [MESH_API + "/models/include/esp_ble_mesh_config_model_api.h"],
    "esp_ble_mesh_df_model_api.h": ["components/bt/esp_ble_mesh/v1.1/api/core/include/esp_ble_mesh_df_model_api.h"],
    "esp_ble_mesh_generic_model_api.h": [MESH_API + "/models/include/esp_ble_mesh_generic_model_api.h"],
    "host/ble_hs.h": ["@nimble/nimble/host/include/host/" + name for name in
                      ("ble_hs.h", "ble_gatt.h", "ble_gap.h", "ble_att.h", "ble_uuid.h", "ble_hs_mbuf.h", "ble_hs_adv.h", "ble_hs_id.h",
                       "ble_sm.h", "ble_store.h")]
                     + ["@nimble/porting/nimble/include/os/os_mbuf.h", "@nimble/nimble/include/nimble/ble.h"],
    "esp_timer.h": ["components/esp_timer/include/esp_timer.h"],
    "services/gap/ble_svc_gap.h": ["@nimble/nimble/host/services/gap/include/services/gap/ble_svc_gap.h"],
    "nimble/nimble_port.h": ["@nimble/porting/nimble/include/nimble/nimble_port.h"],
    "nimble/nimble_port_freertos.h": ["@nimble/porting/npl/freertos/include/nimble/nimble_port_freertos.h"],
}
# Declarations the fake makes that live in other real headers than the one it fakes (mesh/buf.h, mesh/adapter.h, ...).
ELSEWHERE = {"NET_BUF_SIMPLE_DEFINE_STATIC", "BLE_MESH_ADV_IND", "BLE_MESH_ADV_NONCONN_IND", "BLE_MESH_ADDR_PUBLIC",
             "ESP_BLE_MESH_MODEL_KEYS_UNUSED", "ESP_BLE_MESH_MODEL_GROUPS_UNASSIGNED"}
MESH_INTERNAL = ["components/bt/esp_ble_mesh/core/include/mesh/adapter.h", "components/bt/esp_ble_mesh/common/include/mesh/buf.h"]


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def normalize(text):
    text = re.sub(r"__attribute__\s*\(\(.*?\)\)", " ", text)
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s*([*(),;\[\]{}:=])\s*", r"\1", text).strip()


def read(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def defines(text):
    """Object-like and function-like macros: name -> normalized body (function-like: '(params)body')."""
    text = re.sub(r"\\\n", " ", text)  # continuation lines
    found = {}
    for match in re.finditer(r"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(\([^)]*\))?(.*?)$", text, flags=re.M):
        body = normalize((match.group(2) or "") + " " + match.group(3))
        found.setdefault(match.group(1), re.sub(r",([}\)])", r"\1", body))
    return found


def number(value):
    value = value.strip("()").rstrip("uUlL")
    try:
        return int(value, 0)
    except ValueError:
        return None


def enum_values(text):
    values = {}
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)  # comments may sit between a constant and its comma
    text = re.sub(r"//[^\n]*", " ", text)
    for body in re.findall(r"enum\s*\w*\s*\{(.*?)\}", text, flags=re.S):
        current = -1
        body = re.sub(r"^[ \t]*#[^\n]*", " ", body, flags=re.M)  # conditional members count as present
        for item in body.split(","):
            item = item.strip()
            if not item or item.startswith("#"):
                continue
            item = re.sub(r"#\w+.*", "", item).strip()
            match = re.match(r"(\w+)\s*(?:=\s*(.+))?$", item, flags=re.S)
            if not match:
                continue
            if match.group(2):
                expression = match.group(2).strip()
                bit = re.match(r"BIT\((\d+)\)", expression)
                shift = re.match(r"1\s*<<\s*(\d+)", expression)
                if bit or shift:
                    current = 1 << int((bit or shift).group(1))
                else:
                    parsed = number(expression)
                    current = parsed if parsed is not None else current + 1
            else:
                current += 1
            values[match.group(1)] = current
    return values


def prototypes(text):
    """Top-level function declarations: the statements between ';', '{' and '}' that read `type name(parameters)`."""
    flat = re.sub(r"#[^\n]*", " ", text)
    found = []
    for statement in re.split(r"[;{}]", flat):
        statement = normalize(statement)
        match = re.match(r"^((?:const )?[A-Za-z_][\w ]*[ *]+\*?)([A-Za-z_]\w*)\((.*)\)$", statement)
        if not match or match.group(1).split()[0] in ("return", "typedef", "struct", "enum", "union", "extern"):
            continue
        found.append((match.group(2), statement + ";"))
    return found


def members(text):
    found = []
    for body in re.findall(r"\{([^{}]*)\}", text):
        for line in body.split(";"):
            line = normalize(line)
            if line and re.match(r"^(const )?[\w ]+[ *]+\*?\w+(\[\w+\])?(:\d+)?$", line) and not line.startswith("."):
                found.append(line + ";")
    return found


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    idf = argv[1]
    nimble = argv[2] if len(argv) > 2 else os.path.join(idf, "components/bt/host/nimble/nimble")
    problems = []
    for fake_name, real_paths in REAL.items():
        # Lines the fake marks as placeholders stand for stack-internal members and are not compared.
        fake_lines = read(os.path.join(FAKE, fake_name)).splitlines()
        fake_text = strip_comments("\n".join(line for line in fake_lines if "placeholder" not in line and "SLIST_ENTRY" not in line))
        real_text = ""
        for path in real_paths + (MESH_INTERNAL if fake_name == "esp_ble_mesh_defs.h" else []):
            full = os.path.join(nimble, path[len("@nimble/"):]) if path.startswith("@nimble/") else os.path.join(idf, path)
            if not os.path.exists(full):
                problems.append(f"{fake_name}: real header {full} not found")
                continue
            real_text += strip_comments(read(full)) + "\n"
        real_flat = normalize(real_text)

        for name, declaration in prototypes(fake_text):
            if declaration not in real_flat:
                problems.append(f"{fake_name}: prototype of {name} differs: {declaration}")

        real_defines = defines(real_text)
        for name, value in defines(fake_text).items():
            if name in ELSEWHERE and name not in real_defines:
                continue
            if name.startswith("CONFIG_") or name == "BD_ADDR_LEN" and name not in real_defines:
                continue
            if name not in real_defines:
                problems.append(f"{fake_name}: #define {name} not in the real headers")
            elif number(value) is not None and number(real_defines[name]) is not None:
                if number(value) != number(real_defines[name]):
                    problems.append(f"{fake_name}: {name} is {real_defines[name]}, the fake says {value}")
            elif value.replace(" ", "") != real_defines[name].replace(" ", "") and name not in ELSEWHERE:
                problems.append(f"{fake_name}: {name} is '{real_defines[name]}', the fake says '{value}'")

        real_enums = enum_values(real_text)
        for name, value in enum_values(fake_text).items():
            if name not in real_enums:
                problems.append(f"{fake_name}: enum constant {name} not in the real headers")
            elif real_enums[name] != value:
                problems.append(f"{fake_name}: {name} = {real_enums[name]}, the fake says {value}")

        for member in members(fake_text):
            if member not in real_flat and ("{" + member) not in real_flat:
                problems.append(f"{fake_name}: member '{member}' not declared like that in the real headers")

    for problem in problems:
        print(problem)
    print(f"{len(problems)} mismatch(es)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
