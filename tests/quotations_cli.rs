//! Quotations on the command line: the example council's drafts through `stet check` in every
//! format and `stet quotes`, run as a user runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/riverton-council")
}

fn stet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stet")).args(args).current_dir(example()).env("NO_COLOR", "1").output().unwrap()
}

const QUOTE_CODES: [&str; 4] = ["misquoted-text", "misattributed-quote", "unsupported-quote", "unsourced-quote"];

#[test]
fn the_example_shows_one_finding_of_each_quotation_rule_in_every_format() {
    let json = stet(&["check", "--format", "json", "drafts"]);
    assert_eq!(json.status.code(), Some(1), "{}", String::from_utf8_lossy(&json.stderr));
    let findings: Vec<Value> = serde_json::from_slice(&json.stdout).unwrap();
    let codes: Vec<&str> =
        findings.iter().filter_map(|f| f["code"].as_str()).filter(|c| QUOTE_CODES.contains(c)).collect();
    assert_eq!(codes, ["misquoted-text", "misattributed-quote", "unsupported-quote", "unsourced-quote"]);
    let misquote = &findings[0];
    assert_eq!(misquote["range"]["start"], serde_json::json!({"line": 6, "character": 9}));
    assert_eq!(misquote["fixes"][0]["edits"][0]["new_text"], "continue");
    assert_eq!(misquote["related"][0]["path"], "sources/riverton-ledger-2025-03-04.md");
    let unsupported = findings.iter().find(|f| f["code"] == "unsupported-quote").unwrap();
    assert_eq!(unsupported["fixes"][0]["title"], "Cite riverton-courier-2025-03-05 instead");

    let human = String::from_utf8(stet(&["check", "drafts"]).stdout).unwrap();
    for code in QUOTE_CODES {
        assert!(human.contains(&format!("[{code}]")), "{code} missing from {human}");
    }

    let sarif: Value = serde_json::from_slice(&stet(&["check", "--format", "sarif", "drafts"]).stdout).unwrap();
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let unsourced = rules.iter().find(|r| r["id"] == "unsourced-quote").unwrap();
    assert_eq!(unsourced["defaultConfiguration"]["enabled"], false);
    let ids: Vec<&str> = run["results"].as_array().unwrap().iter().filter_map(|r| r["ruleId"].as_str()).collect();
    for code in QUOTE_CODES {
        assert!(ids.contains(&code), "{code} missing from {ids:?}");
    }
}

#[test]
fn stet_quotes_lists_each_quotation_with_its_speaker_status_and_passage() {
    let out = stet(&["quotes", "--format", "json", "drafts/bridge.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let quotes: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let rows: Vec<(&str, &str)> =
        quotes.iter().map(|q| (q["speaker"].as_str().unwrap_or("-"), q["status"].as_str().unwrap())).collect();
    assert_eq!(
        rows,
        [
            ("Ana Ortega", "verified"),
            ("Ortega", "misquoted"),
            ("Dana Whitfield", "misattributed"),
            ("Raman", "verified"),
            ("-", "unsupported"),
            ("Lena Brandt", "unsourced"),
        ]
    );
    let passage = &quotes[2]["passage"];
    assert_eq!(passage["source_key"], "riverton-ledger-2025-03-04");
    assert_eq!(passage["speaker"], "Marcus Bell");
    assert_eq!(passage["cited"], true);
    assert_eq!(quotes[3]["text"], "Route 4 was our busiest line before the flood, … and it will be again.");

    let human = String::from_utf8(stet(&["quotes", "drafts"]).stdout).unwrap();
    assert!(
        human.contains("drafts/bridge.md:7:1\t\"We will keep going until the bridge is open,\"\tOrtega\tmisquoted"),
        "{human}"
    );
}
