//! SARIF 2.1.0 output (the format GitHub code scanning and other CI dashboards read):
//! one run whose tool lists every rule (id, short description, full description and
//! help from the rule docs, default level), and one result per problem with its rule,
//! level, message and region, plus the fix where there is one. Regions are 1-based,
//! columns in characters (`columnKind: unicodeCodePoints`). File names are written as
//! given, as relative URI references (percent-encoded where a URI needs it).

use gradient_spec::rules::{rule, RULES};
use gradient_spec::text::LineIndex;
use gradient_spec::RuleId;
use gradient_spec::{Applicability, Diagnostic, Severity, Span};
use serde_json::{json, Value};

/// The SARIF version and the schema URI the log names.
pub const SARIF_VERSION: &str = "2.1.0";
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// One checked file: its name as given, its text and what was found in it.
pub struct Checked<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

/// A rule's level when it fires in its usual form (the registry's `usual` severity;
/// each result still carries its own level).
pub fn default_level(id: RuleId) -> &'static str {
    level(rule(id).usual)
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The tool's rules, in the registry's order (results point at them by index).
fn rules() -> Vec<Value> {
    RULES
        .iter()
        .map(|r| {
            let (title, what, why, fix) = (r.title, r.what, r.why, r.fix);
            json!({
                "id": r.id,
                "shortDescription": { "text": title },
                "fullDescription": { "text": what },
                "help": {
                    "text": format!("{what}\n\nWhy: {why}\n\nFix: {fix}"),
                    "markdown": format!("{what}\n\n**Why:** {why}\n\n**Fix:** {fix}"),
                },
                "defaultConfiguration": { "level": default_level(r.id) },
            })
        })
        .collect()
}

/// A file name as a relative URI reference: unreserved characters and `/` as they
/// are, every other byte percent-encoded (so `a b.yaml` is `a%20b.yaml`).
pub fn uri(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(index: &LineIndex, span: Span) -> Value {
    let (s, e) = (index.position(span.start), index.position(span.end));
    json!({ "startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column })
}

fn result(file: &Checked, index: &LineIndex, d: &Diagnostic) -> Value {
    let location = json!({ "uri": uri(file.name) });
    let mut r = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": { "text": d.message },
        "locations": [{
            "physicalLocation": { "artifactLocation": location, "region": region(index, d.span) },
        }],
    });
    let obj = r.as_object_mut().expect("an object");
    obj.insert("ruleIndex".into(), json!(d.rule.index()));
    if !d.path.is_empty() {
        obj["locations"][0]["logicalLocations"] =
            json!([{ "fullyQualifiedName": d.path, "kind": "member" }]);
    }
    // Display-only fixes are advice, not changes a tool may apply.
    if let Some(fix) = d
        .fix
        .as_ref()
        .filter(|f| f.applicability != Applicability::Display)
    {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|e| json!({ "deletedRegion": region(index, e.span), "insertedContent": { "text": e.insert } }))
            .collect();
        obj.insert(
            "fixes".into(),
            json!([{
                "description": { "text": fix.title },
                "artifactChanges": [{ "artifactLocation": location, "replacements": replacements }],
            }]),
        );
    }
    r
}

/// The whole SARIF log for the checked files; `trouble` lists what could not be read.
pub fn log(files: &[Checked], trouble: &[String]) -> Value {
    let mut results = Vec::new();
    for file in files {
        let index = LineIndex::new(file.text);
        results.extend(file.diagnostics.iter().map(|d| result(file, &index, d)));
    }
    let notifications: Vec<Value> = trouble
        .iter()
        .map(|m| json!({ "level": "error", "message": { "text": m } }))
        .collect();
    json!({
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": { "driver": {
                "name": "gradient-spec",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules(),
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": trouble.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_listed_with_its_doc_and_level() {
        let r = rules();
        assert_eq!(r.len(), RuleId::ALL.len());
        for (v, id) in r.iter().zip(RuleId::ALL) {
            assert_eq!(v["id"], id.as_str());
            let doc = rule(*id);
            assert_eq!(v["shortDescription"]["text"], doc.title);
            assert!(v["help"]["text"].as_str().unwrap().contains(doc.fix));
        }
        assert_eq!(default_level(RuleId::Env), "warning");
        assert_eq!(default_level(RuleId::YamlSyntax), "error");
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("specs/a b.yaml"), "specs/a%20b.yaml");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri("c:x/é.yaml"), "c%3Ax/%C3%A9.yaml");
    }

    #[test]
    fn results_carry_rule_index_region_and_fix() {
        let text = "image: x\nport: \"8000\"\nresources:\n  instanceType: C4\n";
        let report = gradient_spec::check(text);
        let file = Checked {
            name: "a.yaml",
            text,
            diagnostics: &report.diagnostics,
        };
        let v = log(&[file], &[]);
        let results = v["runs"][0]["results"].as_array().unwrap();
        let port = results
            .iter()
            .find(|r| r["ruleId"] == "port-range")
            .expect("port-range");
        let i = port["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            v["runs"][0]["tool"]["driver"]["rules"][i]["id"],
            "port-range"
        );
        assert_eq!(port["level"], "warning");
        let region = &port["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (
                region["startLine"].as_u64(),
                region["startColumn"].as_u64(),
                region["endColumn"].as_u64()
            ),
            (Some(2), Some(7), Some(13))
        );
        assert_eq!(
            port["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
            "8000"
        );
        assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], true);
    }
}
