#!/usr/bin/env python3
"""Checks the manual (docs/manual) and the JSON schemas (docs/schemas) against the real ballast-cli.

  check_docs.py schemas --cli BALLAST_CLI --rules LIST_LINT_RULES --source SOURCE_DIR
      Runs every JSON output of ballast-cli on the sample image and the real fixtures and validates
      each against its schema; also checks that the schemas reject what the writers never write.
  check_docs.py manual ...
      Every rule code of the linter's rule table has an entry (a `### CODE` heading) in the rules
      chapter and no entry names a code the linter lacks; every finding category of the analyze
      schema has an entry; each hadolint rule's "before" example triggers the rule and its "after"
      example does not; the .dive-ci example is accepted by `ballast-cli ci`; every image and
      chapter the manual links to exists; each entry states the rule's severity.

Each failure names the file, the entry and what was wrong; the exit status is 1 when any failed.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

RULES_CHAPTER = "docs/manual/05-dockerfile-and-rules.md"
CLI_CHAPTER = "docs/manual/06-cli-and-ci.md"
SCHEMAS = {
    "analyze": "docs/schemas/analyze.schema.json",
    "dive-json": "docs/schemas/dive-export.schema.json",
    "diff": "docs/schemas/diff.schema.json",
    "lint": "docs/schemas/lint.schema.json",
}
SAMPLE = "resources/sample/sample.oci-gzip.tar"
SAMPLE_DOCKERFILE = "resources/sample/Dockerfile"
FIXTURES = ["whiteouts", "whiteouts-overlay", "entry-types"]
FIXTURE_FORMATS = ["docker.tar", "oci-gzip.tar", "oci-zstd.tar"]
PARSE_ERROR_CODE = "BA0000"  # parse errors: emitted by the lint engine, not a rule of the table

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def run(args, source, what, expected_exit=0, cwd=None):
    """Runs ballast-cli; returns stdout, or None (after recording a failure) on an unexpected exit."""
    done = subprocess.run(args, cwd=cwd or source, capture_output=True, text=True, timeout=240)
    if done.returncode != expected_exit:
        fail(f"{what}: exit {done.returncode}, expected {expected_exit}; stderr: {done.stderr.strip()[:500]}")
        return None
    return done.stdout


def lint_rules(tool):
    out = subprocess.run([tool], capture_output=True, text=True, check=True).stdout
    rules = {}
    for line in out.splitlines():
        code, severity, needs = line.split("\t")
        rules[code] = (severity, needs == "image")
    if not rules:
        fail(f"{tool}: printed no rules")
    return rules


# --- schemas -------------------------------------------------------------------------------------

def check_schemas(args):
    try:
        import jsonschema
    except ImportError:
        fail("python's jsonschema is not installed (Debian: apt-get install python3-jsonschema)")
        return
    source = args.source
    validators = {}
    for name, path in SCHEMAS.items():
        with open(os.path.join(source, path), encoding="utf-8") as f:
            schema = json.load(f)
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as e:
            fail(f"{path}: not a valid draft 2020-12 schema: {e.message}")
            continue
        validators[name] = jsonschema.Draft202012Validator(schema)
    if len(validators) != len(SCHEMAS):
        return

    counts = {name: 0 for name in SCHEMAS}
    documents = {}

    def validate(name, text, what):
        if text is None:
            return None
        try:
            document = json.loads(text)
        except json.JSONDecodeError as e:
            fail(f"{what}: not JSON: {e}")
            return None
        errors = sorted(validators[name].iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors[:5]:
            where = "/" + "/".join(str(p) for p in error.absolute_path)
            fail(f"{what}: does not match {SCHEMAS[name]} at {where}: {error.message[:300]}")
        counts[name] += 1
        documents.setdefault(name, document)
        return document

    cli = args.cli
    images = [(SAMPLE, SAMPLE_DOCKERFILE)]
    for fixture in FIXTURES:
        for form in FIXTURE_FORMATS:
            images.append((f"tests/data/real/{fixture}/{fixture}.{form}", f"tests/data/real/{fixture}/Dockerfile"))
    lint_codes = set()
    measured = 0
    for image, dockerfile in images:
        validate("analyze", run([cli, "analyze", image, "--format", "json"], source,
                                f"analyze {image} --format json"), f"analyze {image} --format json")
        with_dockerfile = validate(
            "analyze", run([cli, "analyze", image, "--format", "json", "--dockerfile", dockerfile], source,
                           f"analyze {image} --dockerfile"), f"analyze {image} --format json --dockerfile {dockerfile}")
        if with_dockerfile is not None and "dockerfile" not in with_dockerfile:
            fail(f"analyze {image} --dockerfile {dockerfile}: no \"dockerfile\" member")
        validate("dive-json", run([cli, "analyze", image, "--format", "dive-json"], source,
                                  f"analyze {image} --format dive-json"), f"analyze {image} --format dive-json")
        what = f"lint {dockerfile} --image {image} --format json"
        document = validate("lint", run([cli, "lint", dockerfile, "--image", image, "--format", "json", "--fail-level",
                                         "none"], source, what), what)
        for finding in (document or {}).get("findings", []):
            lint_codes.add(finding["rule"])
            measured += "bytes" in finding

    with tempfile.TemporaryDirectory() as tmp:
        broken = os.path.join(tmp, "broken.Dockerfile")
        with open(broken, "w", encoding="utf-8") as f:
            f.write("FROM alpine:3.19\nFOO bar\nCOPY\n")
        rules_fixture = os.path.join(source, "tests/docs/data/hadolint-rules.Dockerfile")
        for dockerfile in [SAMPLE_DOCKERFILE, rules_fixture, broken]:
            what = f"lint {dockerfile} --format json"
            document = validate("lint", run([cli, "lint", dockerfile, "--format", "json", "--fail-level", "none"],
                                            source, what), what)
            for finding in (document or {}).get("findings", []):
                lint_codes.add(finding["rule"])
        # The exit codes the manual documents: 1 with an error-level finding (the default fail level).
        run([cli, "lint", rules_fixture], source, f"lint {rules_fixture} (default --fail-level error)", expected_exit=1)

    real = "tests/data/real"
    pairs = [
        (f"{real}/whiteouts/whiteouts.docker.tar", f"{real}/whiteouts/whiteouts.oci-gzip.tar"),  # shared layers
        (f"{real}/whiteouts/whiteouts.docker.tar", f"{real}/whiteouts-overlay/whiteouts-overlay.oci-zstd.tar"),
        (SAMPLE, f"{real}/entry-types/entry-types.docker.tar"),
        (f"{real}/entry-types/entry-types.oci-zstd.tar", SAMPLE),
    ]
    seen_layer_kinds = set()
    for a, b in pairs:
        what = f"diff {a} {b} --format json"
        document = validate("diff", run([cli, "diff", a, b, "--format", "json"], source, what), what)
        for kind, items in (document or {}).get("layers", {}).items():
            if items:
                seen_layer_kinds.add(kind)

    # The runs must have exercised what the schemas describe, or a passing run proves little.
    rules = lint_rules(args.rules)
    missing = sorted(code for code in rules if code.startswith("DL") and code not in lint_codes)
    if missing:
        fail(f"tests/docs/data/hadolint-rules.Dockerfile: triggers no {', '.join(missing)}: add a line that does")
    if PARSE_ERROR_CODE not in lint_codes:
        fail(f"lint of a broken Dockerfile: no {PARSE_ERROR_CODE} finding")
    if measured == 0:
        fail("lint --image: no finding with \"bytes\" on the sample image")
    for kind in ["shared", "aligned", "onlyA", "onlyB"]:
        if kind not in seen_layer_kinds:
            fail(f"diff: no pair of images produced a layer in \"{kind}\"")

    # The schemas are strict: a member the writer never writes, or one it always writes gone, fails.
    for name, document in documents.items():
        extra = dict(document, unexpected=1)
        if validators[name].is_valid(extra):
            fail(f"{SCHEMAS[name]}: accepts an unknown top-level member")
        first_required = validators[name].schema["required"][0]
        if validators[name].is_valid({k: v for k, v in document.items() if k != first_required}):
            fail(f"{SCHEMAS[name]}: accepts a document without \"{first_required}\"")
    print("validated: " + ", ".join(f"{counts[n]} {n}" for n in SCHEMAS))


# --- manual --------------------------------------------------------------------------------------

def read(source, path):
    with open(os.path.join(source, path), encoding="utf-8") as f:
        return f.read()


def sections(text, level):
    """{heading text: body} for the headings of exactly `level` '#'s; a body ends at the next heading
    of that level or above. Lines inside ``` fences (Dockerfile comments) are never headings."""
    lines = text.split("\n")
    headings = []  # (line index, depth, text)
    fenced = False
    for i, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
            continue
        m = re.match(r"^(#{1,6}) (.+)$", line)
        if m and not fenced:
            headings.append((i, len(m.group(1)), m.group(2).strip()))
    out = {}
    for n, (i, depth, heading) in enumerate(headings):
        if depth != level:
            continue
        end = next((j for j, d, _ in headings[n + 1:] if d <= level), len(lines))
        out[heading] = "\n".join(lines[i + 1:end])
    return out


def code_of(heading):
    m = re.match(r"`?((?:DL|BA)\d{4})`?\b", heading)
    return m.group(1) if m else None


def check_manual(args):
    source = args.source
    rules = lint_rules(args.rules)
    chapter = read(source, RULES_CHAPTER)
    entries = {}
    for heading, body in sections(chapter, 3).items():
        code = code_of(heading)
        if code:
            if code in entries:
                fail(f"{RULES_CHAPTER}: two entries for {code}")
            entries[code] = body
    for code in sorted(rules):
        if code not in entries:
            fail(f"{RULES_CHAPTER}: rule {code} (from lintRules()) has no '### {code}' entry")
    engine = read(source, "core/dockerfile/lint/Lint.cpp")
    for code in sorted(entries):
        if code not in rules and not (code == PARSE_ERROR_CODE and f'"{code}"' in engine):
            fail(f"{RULES_CHAPTER}: entry {code} names a code the linter does not have")
    for code, body in entries.items():
        m = re.search(r"^\*(error|warning|info|style) ·", body, re.M)
        expected = rules[code][0] if code in rules else "error"
        if not m or m.group(1) != expected:
            fail(f"{RULES_CHAPTER}: entry {code} should say its severity, *{expected} · …*, "
                 f"found {m.group(1) if m else 'none'}")
        pragma = "hadolint" if code.startswith("DL") else "ballast"
        if code != PARSE_ERROR_CODE and f"# {pragma} ignore={code}" not in body:
            fail(f"{RULES_CHAPTER}: entry {code} does not show how to silence it (`# {pragma} ignore={code}`)")

    # Each hadolint rule: the first dockerfile block must trigger it, the second must not.
    with tempfile.TemporaryDirectory() as tmp:
        for code in sorted(c for c in entries if c.startswith("DL")):
            blocks = re.findall(r"```dockerfile\n(.*?)```", entries[code], re.S)
            if len(blocks) < 2:
                fail(f"{RULES_CHAPTER}: entry {code} needs a before and an after ```dockerfile example")
                continue
            for label, block, wanted in [("before", blocks[0], True), ("after", blocks[1], False)]:
                path = os.path.join(tmp, f"{code}-{label}.Dockerfile")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(block)
                out = run([args.cli, "lint", path, "--format", "json", "--fail-level", "none"], source,
                          f"{RULES_CHAPTER}: {code} {label} example")
                if out is None:
                    continue
                found = {finding["rule"] for finding in json.loads(out)["findings"]}
                if (code in found) != wanted:
                    fail(f"{RULES_CHAPTER}: entry {code}: the {label} example "
                         f"{'does not trigger' if wanted else 'still triggers'} {code} (it finds {sorted(found)})")

    # Finding categories: one '#### `category`' entry each, exactly those of the analyze schema.
    schema = json.loads(read(source, SCHEMAS["analyze"]))
    categories = set(schema["$defs"]["findingCategory"]["enum"])
    documented = set(re.findall(r"^#### `([a-z-]+)`", chapter, re.M))
    for category in sorted(categories - documented):
        fail(f"{RULES_CHAPTER}: finding category {category} (analyze schema) has no '#### `{category}`' entry")
    for category in sorted(documented - categories):
        fail(f"{RULES_CHAPTER}: documents finding category {category}, which the analyze schema does not list")

    # The .dive-ci example must be one `ballast-cli ci` accepts, and every rule in it reported.
    cli_chapter = read(source, CLI_CHAPTER)
    m = re.search(r"<!-- example: \.dive-ci -->\s*```yaml\n(.*?)```", cli_chapter, re.S)
    if not m:
        fail(f"{CLI_CHAPTER}: no .dive-ci example (a ```yaml block after '<!-- example: .dive-ci -->')")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            config = os.path.join(tmp, ".dive-ci")
            with open(config, "w", encoding="utf-8") as f:
                f.write(m.group(1))
            done = subprocess.run([args.cli, "ci", SAMPLE, "--config", config], cwd=source, capture_output=True,
                                  text=True, timeout=240)
            if done.returncode not in (0, 1):
                fail(f"{CLI_CHAPTER}: the .dive-ci example: ci exits {done.returncode}: {done.stderr.strip()[:300]}")
            for key in re.findall(r"^\s+([A-Za-z]+):", m.group(1), re.M) if done.returncode in (0, 1) else []:
                if not re.search(rf"^  (PASS|FAIL|SKIP): {key}\b", done.stdout, re.M):
                    fail(f"{CLI_CHAPTER}: the .dive-ci example sets {key}, which ci does not report")

    # Links: images and chapters the manual refers to exist.
    manual = os.path.join(source, "docs/manual")
    for name in sorted(os.listdir(manual)):
        if not name.endswith(".md"):
            continue
        text = read(source, f"docs/manual/{name}")
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if re.match(r"[a-z]+://", target):
                continue
            if not os.path.exists(os.path.normpath(os.path.join(manual, target))):
                fail(f"docs/manual/{name}: links to {target}, which does not exist")
    print(f"checked {len(entries)} rule entries, {len(documented)} finding categories")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["schemas", "manual"])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--rules", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    (check_schemas if args.mode == "schemas" else check_manual)(args)
    if failures:
        print(f"{len(failures)} failures", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
