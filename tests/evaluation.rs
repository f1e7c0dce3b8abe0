//! stet held to evaluation sets of our own: workspaces of invented places and people on topics
//! unlike the examples, with planted errors among correct figures written as reporters write
//! them, and the findings a careful fact-checker would make. `tests/eval/general` was written to
//! find what stet got wrong; `tests/eval/heldout` was written afterwards without looking at
//! stet's code, to measure it on text it was not tuned on (first scored at recall 0.84,
//! precision 0.90), and is held to a floor below that so that a change that loses ground shows.
//!
//! A finding matches an expectation when path, rule and line agree and its range overlaps one of
//! the expectation's texts on that line (the rule `../shared/eval/score` applies to the public
//! sets). The floors below are the scores the set must keep; the test prints every miss and every
//! spurious finding so a change can be judged by what it gets wrong, not only by the totals.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The quotation rules, scored on `tests/eval/quotes` alone.
const QUOTE_CODES: &[&str] = &["misquoted-text", "misattributed-quote", "unsupported-quote", "unsourced-quote"];

/// A UTF-16 column of `line` as a byte index.
fn byte_index(line: &str, units: u64) -> usize {
    let mut count = 0;
    for (i, c) in line.char_indices() {
        if count >= units {
            return i;
        }
        count += c.len_utf16() as u64;
    }
    line.len()
}

fn overlaps(finding: &Value, expected: &Value, lines: &BTreeMap<String, Vec<String>>) -> bool {
    let (path, code, line) = (&expected["path"], &expected["code"], expected["line"].as_u64().unwrap_or(0));
    if finding["path"] != *path || finding["code"] != *code {
        return false;
    }
    let (start, end) = (&finding["range"]["start"], &finding["range"]["end"]);
    let (start_line, end_line) = (start["line"].as_u64().unwrap_or(0), end["line"].as_u64().unwrap_or(0));
    if !(start_line <= line && line <= end_line) {
        return false;
    }
    let Some(text) = path.as_str().and_then(|p| lines.get(p)).and_then(|l| l.get(line as usize)) else { return false };
    let a = if start_line == line { byte_index(text, start["character"].as_u64().unwrap_or(0)) } else { 0 };
    let b = if end_line == line { byte_index(text, end["character"].as_u64().unwrap_or(0)) } else { text.len() };
    let b = b.max(a + 1);
    expected["text"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .any(|alt| text.match_indices(alt).any(|(x, m)| x < b && a < x + m.len()))
}

#[test]
fn findings_on_text_of_our_own_unlike_the_examples() {
    score("tests/eval/general", &[], 0.90, 0.90);
}

#[test]
fn quotations_on_a_set_of_our_own() {
    score("tests/eval/quotes", QUOTE_CODES, 0.90, 0.90);
}

#[test]
fn findings_on_a_set_written_without_looking_at_the_code() {
    score("tests/eval/heldout", &[], 0.80, 0.85);
}

#[test]
fn arithmetic_a_draft_does_and_figures_it_states_twice() {
    score("tests/eval/arithmetic", &["miscalculated-figure", "inconsistent-figure"], 0.90, 0.90);
}

/// Held to where it stands (its README says how it has been used), not to the 0.90.
#[test]
fn arithmetic_on_a_set_written_without_looking_at_the_code() {
    score("tests/eval/arithmetic-heldout", &["miscalculated-figure", "inconsistent-figure"], 0.65, 0.95);
}

/// Runs `stet check` over the set's drafts and holds recall and precision, on the rules `only`
/// names (every rule when empty), to their floors.
fn score(set: &str, only: &[&str], recall_floor: f64, precision_floor: f64) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(set);
    let expected: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(root.join("expected.json")).unwrap()).unwrap();
    let mut drafts: Vec<String> = std::fs::read_dir(root.join("drafts"))
        .unwrap()
        .map(|e| format!("drafts/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|p| p.ends_with(".md"))
        .collect();
    drafts.sort();
    let output = Command::new(env!("CARGO_BIN_EXE_stet"))
        .args(["check", "--format", "json"])
        .args(&drafts)
        .current_dir(&root)
        .output()
        .unwrap();
    let findings: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    let lines: BTreeMap<String, Vec<String>> = drafts
        .iter()
        .map(|d| (d.clone(), std::fs::read_to_string(root.join(d)).unwrap().split('\n').map(str::to_string).collect()))
        .collect();

    let mut used = vec![false; findings.len()];
    let codes = stet::check::RULES.iter().map(|r| r.code).filter(|c| only.is_empty() || only.contains(c));
    let mut tally: BTreeMap<&str, [usize; 3]> = codes.map(|c| (c, [0; 3])).collect();
    let mut report = Vec::new();
    let mut ordered: Vec<&Value> = expected.iter().collect();
    ordered.sort_by_key(|e| e["optional"].as_bool().unwrap_or(false));
    for exp in ordered {
        let optional = exp["optional"].as_bool().unwrap_or(false);
        let hit = (0..findings.len()).find(|&i| !used[i] && overlaps(&findings[i], exp, &lines));
        let code = exp["code"].as_str().unwrap_or("");
        match (hit, tally.get_mut(code)) {
            (Some(i), Some(t)) => {
                used[i] = true;
                t[0] += usize::from(!optional);
            }
            (None, Some(t)) if !optional => {
                t[1] += 1;
                report.push(format!("missed   {code:20} {}:{} {}", exp["path"], exp["line"], exp["text"][0]));
            }
            _ => {}
        }
    }
    for (f, _) in findings.iter().zip(&used).filter(|(_, u)| !**u) {
        if let Some(t) = f["code"].as_str().and_then(|c| tally.get_mut(c)) {
            t[2] += 1;
            report.push(format!(
                "spurious {:20} {}:{} {}",
                f["code"].as_str().unwrap_or(""),
                f["path"],
                f["range"]["start"]["line"],
                f["message"]
            ));
        }
    }
    let (found, missed, spurious) = tally.values().fold((0, 0, 0), |(a, b, c), t| (a + t[0], b + t[1], c + t[2]));
    let recall = found as f64 / (found + missed).max(1) as f64;
    let precision = found as f64 / (found + spurious).max(1) as f64;
    for (code, [f, m, s]) in &tally {
        println!("{code:22}{f:>7}{m:>8}{s:>10}");
    }
    println!("recall {recall:.3} precision {precision:.3} ({found} found, {missed} missed, {spurious} spurious)");
    println!("{}", report.join("\n"));
    assert!(
        recall >= recall_floor && precision >= precision_floor,
        "{set}: recall {recall:.3} and precision {precision:.3} must stay at {recall_floor} and {precision_floor} or above:\n{}",
        report.join("\n")
    );
}
