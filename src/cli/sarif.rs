//! `stet check --format sarif`: findings as a SARIF 2.1.0 log, for code-scanning tools.
//!
//! Lines and columns are 1-based and columns count UTF-16 code units (SARIF's default
//! `columnKind`), the same units as the JSON output, plus one. Paths below the current folder are
//! written relative to it, against the base `%SRCROOT%`, which is how code-scanning services
//! expect files of the repository to be named.

use std::path::Path;

use serde_json::{json, Value};
use url::Url;

use super::json::{JsonEdit, JsonFinding, JsonRange};
use crate::check::{rules, RULES};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const BASE: &str = "%SRCROOT%";

/// The SARIF log of `findings`, made in the folder `cwd`.
pub fn log(findings: &[JsonFinding], cwd: &Path) -> Value {
    let base = Url::from_directory_path(cwd).ok();
    let results: Vec<Value> = findings.iter().map(|f| result(f, cwd, base.as_ref())).collect();
    let mut run = json!({
        "tool": { "driver": driver() },
        "columnKind": "utf16CodeUnits",
        "results": results,
    });
    if let Some(base) = &base {
        run["originalUriBaseIds"] = json!({ BASE: { "uri": base.as_str() } });
    }
    json!({ "$schema": SCHEMA, "version": "2.1.0", "runs": [run] })
}

/// stet and its rules, each with its documentation as help.
fn driver() -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            let help = rules::documentation(rule.code).unwrap_or_default();
            json!({
                "id": rule.code,
                "name": rule.code,
                "shortDescription": { "text": rule.summary() },
                "help": { "text": rules::explanation(rule.code).unwrap_or_default(), "markdown": help },
                "defaultConfiguration": {
                    "level": level(rule.default_severity.as_str()),
                    "enabled": rule.on_by_default(),
                },
            })
        })
        .collect();
    json!({
        "name": "stet",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    })
}

fn result(finding: &JsonFinding, cwd: &Path, base: Option<&Url>) -> Value {
    let rule_index = RULES.iter().position(|r| r.code == finding.code);
    let related: Vec<Value> = finding
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut place = location(&r.path, &r.range, cwd, base);
            place["id"] = json!(i);
            place["message"] = json!({ "text": r.message });
            place
        })
        .collect();
    let fixes: Vec<Value> = finding
        .fixes
        .iter()
        .map(|fix| {
            json!({
                "description": { "text": fix.title },
                "artifactChanges": fix.edits.iter().map(|e| change(e, cwd, base)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut result = json!({
        "ruleId": finding.code,
        "level": level(finding.severity),
        "message": { "text": finding.message },
        "locations": [location(&finding.path, &finding.range, cwd, base)],
    });
    if let Some(i) = rule_index {
        result["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    if !fixes.is_empty() {
        result["fixes"] = json!(fixes);
    }
    result
}

fn change(edit: &JsonEdit, cwd: &Path, base: Option<&Url>) -> Value {
    json!({
        "artifactLocation": artifact(&edit.path, cwd, base),
        "replacements": [{
            "deletedRegion": region(&edit.range),
            "insertedContent": { "text": edit.new_text },
        }],
    })
}

fn location(path: &str, range: &JsonRange, cwd: &Path, base: Option<&Url>) -> Value {
    json!({ "physicalLocation": { "artifactLocation": artifact(path, cwd, base), "region": region(range) } })
}

/// A file as a URI: relative to `%SRCROOT%` when it lies below the current folder.
fn artifact(path: &str, cwd: &Path, base: Option<&Url>) -> Value {
    let Ok(file) = Url::from_file_path(cwd.join(path)) else { return json!({ "uri": path }) };
    match base.and_then(|b| b.make_relative(&file)).filter(|r| !r.starts_with("../")) {
        Some(relative) => json!({ "uri": relative, "uriBaseId": BASE }),
        None => json!({ "uri": file.as_str() }),
    }
}

/// A region in SARIF's 1-based lines and columns; an empty one is an insertion point.
fn region(range: &JsonRange) -> Value {
    json!({
        "startLine": range.start.line + 1,
        "startColumn": range.start.character + 1,
        "endLine": range.end.line + 1,
        "endColumn": range.end.character + 1,
    })
}

/// SARIF's level for a severity as stet names it: SARIF has no information and hint levels.
fn level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    }
}
