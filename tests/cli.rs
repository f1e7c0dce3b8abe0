//! The command line, run as a user runs it: the built binary on a workspace of our own.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn stet(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stet")).args(args).current_dir(dir).env_remove("NO_COLOR").output().unwrap()
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("sources")).unwrap();
    fs::create_dir_all(root.join("drafts")).unwrap();
    fs::write(root.join("sources/nv.md"), "---\nkey: newsvane-2025-04-16\ntitle: Ties\n---\nOver 84,000 people.\n")
        .unwrap();
    fs::write(
        root.join("sources/more.bib"),
        "@article{reuters-2024, title = {Cocaine at sea}, journal = {Reuters}, year = {2024}}\n",
    )
    .unwrap();
    fs::write(
        root.join("drafts/a.md"),
        "# Draft\n\nRené said 😀 that 84,000 people were held [@newsvane-2025].\n\nThe navy seized 11 tons [@reuters-2024].\n\nThen 300 died.\n",
    )
    .unwrap();
    fs::write(root.join("drafts/clean.md"), "Over 84,000 were held [@newsvane-2025-04-16].\n").unwrap();
    dir
}

#[test]
fn json_findings_follow_the_documented_schema_with_utf16_columns() {
    let ws = workspace();
    let out = stet(ws.path(), &["check", "--format", "json", "drafts/a.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = findings.iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["unknown-source", "unsourced-figure"]);

    let unknown = &findings[0];
    assert_eq!(unknown["path"], "drafts/a.md");
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["source_key"], "newsvane-2025");
    // Line 2 is `René said 😀 that 84,000 people were held [@newsvane-2025].`: the emoji counts
    // two UTF-16 units, so the key starts at character 46, not 45.
    let line = "René said 😀 that 84,000 people were held [@";
    assert_eq!(unknown["range"]["start"], serde_json::json!({"line": 2, "character": line.encode_utf16().count()}));
    assert_eq!(unknown["range"]["end"]["character"], line.encode_utf16().count() + "newsvane-2025".len());
    let fix = &unknown["fixes"][0];
    assert_eq!(fix["title"], "Replace with newsvane-2025-04-16");
    assert_eq!(fix["edits"][0]["new_text"], "newsvane-2025-04-16");
    assert_eq!(fix["edits"][0]["path"], "drafts/a.md");
    assert!(unknown["related"].as_array().unwrap().is_empty());

    let unsourced = &findings[1];
    assert_eq!(unsourced["range"]["start"], serde_json::json!({"line": 6, "character": 5}));
    assert_eq!(unsourced["message"], "300 has no source note");
}

#[test]
fn exit_codes_say_errors_clean_or_unusable() {
    let ws = workspace();
    assert_eq!(stet(ws.path(), &["check", "drafts/clean.md"]).status.code(), Some(0));
    assert_eq!(stet(ws.path(), &["check", "drafts/a.md"]).status.code(), Some(1));
    assert_eq!(stet(ws.path(), &["check", "drafts/missing.md"]).status.code(), Some(2));
    assert_eq!(stet(ws.path(), &["check"]).status.code(), Some(2));
    assert_eq!(stet(ws.path(), &["check", "--format", "xml", "drafts/a.md"]).status.code(), Some(2));
    fs::write(ws.path().join("stet.toml"), "[rules]\nunknown-source = \"warning\"\n").unwrap();
    assert_eq!(stet(ws.path(), &["check", "drafts/a.md"]).status.code(), Some(0));
}

#[test]
fn human_output_shows_place_rule_line_and_caret_without_colour_when_piped() {
    let ws = workspace();
    let out = stet(ws.path(), &["check", "drafts/a.md"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "colour codes in piped output: {text:?}");
    let expected =
        "drafts/a.md:7:6: warning[unsourced-figure]: 300 has no source note\n7 | Then 300 died.\n  |      ^^^\n";
    assert!(text.contains(expected), "{text}");
    assert!(text.contains("drafts/a.md:3:44: error[unknown-source]"), "{text}");
    // The emoji takes two columns on screen, so the caret sits one further right.
    assert!(text.contains(&format!("\n  | {}^^^^^^^^^^^^^\n", " ".repeat(44))), "{text}");
    assert!(text.ends_with("2 findings (1 error, 1 warning) in 1 draft\n"), "{text}");
}

#[test]
fn a_folder_is_searched_for_drafts_but_not_sources() {
    let ws = workspace();
    let out = stet(ws.path(), &["check", "--format", "json", "."]);
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(findings.iter().all(|f| f["path"].as_str().unwrap().contains("drafts")), "{findings:?}");
    assert_eq!(findings.len(), 2);
}

#[test]
fn a_source_named_on_the_command_line_is_not_checked_as_a_draft() {
    let ws = workspace();
    let out = stet(ws.path(), &["check", "--format", "json", "sources/nv.md"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a source of its workspace, not a draft"));
    assert_eq!(out.status.code(), Some(2), "naming no draft is an error");
    let out = stet(ws.path(), &["check", "--allow-empty", "--format", "json", "sources/nv.md"]);
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(findings.is_empty(), "a source's own figures are no unsourced claims: {findings:?}");
}

#[test]
fn the_claims_report_tells_an_unsupported_figure_as_check_does() {
    let ws = workspace();
    fs::write(ws.path().join("drafts/u.md"), "The country has 6.3 million inhabitants [@newsvane-2025-04-16].\n")
        .unwrap();
    let out = stet(ws.path(), &["figures", "--format", "json", "drafts/u.md"]);
    let figures: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(figures[0]["status"], "unsupported", "{figures:?}");
    let check = stet(ws.path(), &["check", "--format", "json", "drafts/u.md"]);
    let findings: Vec<Value> = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(findings[0]["code"], "unsupported-figure");
}

#[test]
fn a_bibliography_entry_with_no_text_is_never_offered_for_a_figure() {
    let ws = workspace();
    let draft =
        "Reuters reported the seizure [@reuters-2024]. It was the largest ever [@reuters-2024].\n\nThen 300 died.\n";
    fs::write(ws.path().join("drafts/bib.md"), draft).unwrap();
    let out = stet(ws.path(), &["check", "--format", "json", "drafts/bib.md"]);
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let unsourced = findings.iter().find(|f| f["code"] == "unsourced-figure").expect("300 has no note");
    let titles: Vec<&str> =
        unsourced["fixes"].as_array().unwrap().iter().map(|f| f["title"].as_str().unwrap()).collect();
    assert!(!titles.contains(&"Cite reuters-2024"), "a source with no text cannot stand behind a figure: {titles:?}");
}

#[test]
fn a_broken_settings_file_is_reported_with_its_line_and_the_check_goes_on() {
    let ws = workspace();
    fs::write(ws.path().join("stet.toml"), "[check]\nscope = \"sentence\"\nscoop = 3\n").unwrap();
    let out = stet(ws.path(), &["check", "drafts/a.md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("stet.toml:3:1: error:") && stderr.contains("scoop"), "{stderr}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn figures_lists_the_claims_of_a_draft() {
    let ws = workspace();
    let out = stet(ws.path(), &["figures", "--format", "json", "drafts/a.md"]);
    let figures: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let summary: Vec<(String, bool)> =
        figures.iter().map(|f| (f["text"].as_str().unwrap().to_string(), f["sourced"].as_bool().unwrap())).collect();
    assert_eq!(summary, [("84,000".into(), true), ("11 tons".into(), true), ("300".into(), false)]);
    assert_eq!(figures[1]["unit"], "tons");
    assert_eq!(figures[1]["kind"], "quantity");
}

#[test]
fn figures_jsonl_reads_stdin_and_gives_utf8_byte_offsets() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stet"))
        .args(["figures", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"text\": \"Ren\\u00e9 counted over 84,000 people.\"}\n{\"text\": \"MS-13\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let found = &lines[0]["found"][0];
    assert_eq!((found["start"].as_u64(), found["end"].as_u64()), (Some(19), Some(25)));
    assert_eq!(found["value"], 84000.0);
    assert_eq!(found["hedge"], "over");
    assert_eq!(lines[1]["found"], serde_json::json!([]));
}

#[test]
fn the_example_workspace_reports_its_planted_mistakes() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/el-salvador");
    let out = stet(&example, &["check", "--format", "json", "drafts"]);
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut seen: Vec<(String, String)> = findings
        .iter()
        .map(|f| {
            // The match's confidence is calibration, not behaviour: leave it out.
            let message = f["message"].as_str().unwrap();
            let message = message.split("; match").next().unwrap_or(message);
            (f["code"].as_str().unwrap().to_string(), message.to_string())
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            (
                "conflicting-figure".to_string(),
                "3,000 conflicts with the reference: over 300 deaths (newsvane-2025-04-16, line 23".to_string()
            ),
            (
                "conflicting-role".to_string(),
                "Pete Hegseth is U.S. Defense Secretary in the reference (newsvane-2025-04-16), not Defense Minister"
                    .to_string()
            ),
            (
                "misspelled-entity".to_string(),
                "Nayib Bukelle is not a known name; did you mean Nayib Bukele?".to_string()
            ),
            (
                "unknown-source".to_string(),
                "no source has the key newsvane-2025; did you mean newsvane-2025-04-16?".to_string()
            ),
            ("unknown-source".to_string(), "no source has the key reuters-2024".to_string()),
            ("unsourced-figure".to_string(), "11 tons has no source note".to_string()),
            ("unsourced-figure".to_string(), "300 has no source note".to_string()),
        ]
    );
}

#[test]
fn the_server_binary_exits_at_exit_with_stdin_still_open() {
    use std::time::{Duration, Instant};
    for (args, messages, code) in [
        (
            vec!["lsp"],
            vec![
                r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
                r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
                r#"{"jsonrpc":"2.0","method":"exit"}"#,
            ],
            0,
        ),
        (vec!["--stdio"], vec![r#"{"jsonrpc":"2.0","method":"exit"}"#], 1),
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stet"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        for m in messages {
            write!(stdin, "Content-Length: {}\r\n\r\n{}", m.len(), m).unwrap();
        }
        stdin.flush().unwrap();
        // stdin stays open (held here) while we wait for the process to end on its own.
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(20) {
                child.kill().unwrap();
                panic!("stet {args:?} did not exit at `exit`");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(status.code(), Some(code), "stet {args:?}");
        drop(stdin);
    }
}

#[test]
fn a_conflict_points_at_the_fact_in_the_source_and_explain_shows_why() {
    let ws = workspace();
    fs::write(ws.path().join("drafts/c.md"), "Over 94,000 people were held [@newsvane-2025-04-16].\n").unwrap();
    let out = stet(ws.path(), &["check", "--format", "json", "--explain", "drafts/c.md"]);
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    let f = &findings[0];
    assert_eq!(f["code"], "conflicting-figure");
    assert_eq!(f["source_key"], "newsvane-2025-04-16");
    assert_eq!(f["fixes"][0]["edits"][0]["new_text"], "84,000");
    // The source file's line 4 (0-based) holds `Over 84,000 people.`; the fact starts at `84,000`.
    assert_eq!(f["related"][0]["path"], "sources/nv.md");
    assert_eq!(f["related"][0]["range"]["start"], serde_json::json!({"line": 4, "character": 5}));
    let explain = String::from_utf8_lossy(&out.stderr);
    assert!(explain.contains("drafts/c.md:1:6: 94,000 (number)"), "{explain}");
    assert!(explain.contains("conflicts with over 84,000 (newsvane-2025-04-16, line 5) [kind +0.10"), "{explain}");
}

#[test]
fn min_severity_chooses_what_fails_the_run() {
    let ws = workspace();
    fs::write(ws.path().join("drafts/warned.md"), "Then 300 died.\n").unwrap();
    // Only a warning: the run passes by default and fails from `--min-severity warning` down.
    assert_eq!(stet(ws.path(), &["check", "drafts/warned.md"]).status.code(), Some(0));
    assert_eq!(stet(ws.path(), &["check", "--min-severity", "warning", "drafts/warned.md"]).status.code(), Some(1));
    assert_eq!(stet(ws.path(), &["check", "--min-severity", "hint", "drafts/warned.md"]).status.code(), Some(1));
    assert_eq!(stet(ws.path(), &["check", "--min-severity", "warning", "drafts/clean.md"]).status.code(), Some(0));
    assert_eq!(stet(ws.path(), &["check", "--min-severity", "loud", "drafts/warned.md"]).status.code(), Some(2));
}

#[test]
fn explain_tells_why_a_rule_matters_and_how_to_fix_it() {
    let ws = workspace();
    let out = stet(ws.path(), &["explain", "conflicting-role"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let example = "\n    Defense Minister Pete Hegseth called";
    for part in
        ["Why.", "Example.", "Fix.", example, "\"Defense Secretary Pete Hegseth\"", "Default severity: warning."]
    {
        assert!(text.contains(part), "{part} missing from:\n{text}");
    }
    assert!(!text.contains("//!") && !text.contains('`'), "{text}");

    let list = stet(ws.path(), &["explain"]);
    let listed = String::from_utf8_lossy(&list.stdout);
    assert_eq!(listed.lines().count(), stet::check::RULES.len());
    assert!(listed.lines().all(|l| stet::check::RULES.iter().any(|r| l.starts_with(r.code))), "{listed}");

    let unknown = stet(ws.path(), &["explain", "unsourced"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unsourced-figure"));
}

#[test]
fn sarif_names_rules_places_and_fixes_for_code_scanning() {
    let ws = workspace();
    let out = stet(ws.path(), &["check", "--format", "sarif", "drafts/a.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules: Vec<&str> =
        run["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(rules, stet::check::RULES.iter().map(|r| r.code).collect::<Vec<_>>());
    let help = run["tool"]["driver"]["rules"][0]["help"]["markdown"].as_str().unwrap();
    assert!(help.contains("**Fix.**"), "{help}");

    let results = run["results"].as_array().unwrap();
    let unknown = &results[0];
    assert_eq!(unknown["ruleId"], "unknown-source");
    assert_eq!(unknown["level"], "error");
    assert_eq!(run["tool"]["driver"]["rules"][unknown["ruleIndex"].as_u64().unwrap() as usize]["id"], "unknown-source");
    let place = &unknown["locations"][0]["physicalLocation"];
    assert_eq!(place["artifactLocation"], serde_json::json!({"uri": "drafts/a.md", "uriBaseId": "%SRCROOT%"}));
    // SARIF counts lines and columns from 1; columns in UTF-16 units, like the JSON output.
    let column = "René said 😀 that 84,000 people were held [@".encode_utf16().count() + 1;
    assert_eq!(place["region"]["startLine"], 3);
    assert_eq!(place["region"]["startColumn"], column);
    let fix = &unknown["fixes"][0];
    assert_eq!(fix["description"]["text"], "Replace with newsvane-2025-04-16");
    assert_eq!(fix["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"], "newsvane-2025-04-16");
    assert_eq!(results[1]["level"], "warning");
    let root = fs::canonicalize(ws.path()).unwrap();
    assert_eq!(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], format!("file://{}/", root.display()));
}

#[test]
fn the_arithmetic_of_a_draft_is_reported_with_its_inputs() {
    let ws = workspace();
    fs::write(
        ws.path().join("drafts/sums.md"),
        "Ferry crossings rose from 1,200 to 1,500, an increase of 30% [@newsvane-2025-04-16].\n",
    )
    .unwrap();
    let out = stet(ws.path(), &["check", "--explain", "--format", "json", "drafts/sums.md"]);
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let miscalculated: Vec<&Value> = findings.iter().filter(|f| f["code"] == "miscalculated-figure").collect();
    assert_eq!(miscalculated.len(), 1, "{findings:?}");
    assert_eq!(miscalculated[0]["message"], "30% does not follow: 1,200 to 1,500 is a rise of 25%");
    assert_eq!(miscalculated[0]["fixes"][0]["title"], "Replace with 25%");
    // The percent is derived, so no source needs to print it.
    assert!(!findings
        .iter()
        .any(|f| f["code"] == "unsupported-figure" && f["message"].as_str().unwrap().starts_with("30%")));
    let explained = String::from_utf8_lossy(&out.stderr);
    assert!(
        explained.contains("30% (percent) -> derived: 1,200 to 1,500 is a rise of 25% (does not hold)"),
        "{explained}"
    );
    // An input from another paragraph is shown with where it stands.
    fs::write(
        ws.path().join("drafts/shares.md"),
        "Ferries made 1,500 crossings [@newsvane-2025-04-16].\n\n\
         Storms cancelled 300 of the crossings, or 25% [@newsvane-2025-04-16].\n",
    )
    .unwrap();
    let out = stet(ws.path(), &["check", "--explain", "drafts/shares.md"]);
    let explained = String::from_utf8_lossy(&out.stderr);
    assert!(explained.contains("25% (percent) -> derived: 300 of 1,500 (paragraph 1) is 20%"), "{explained}");
}

#[test]
fn stet_alone_at_a_terminal_says_what_to_run_instead_of_waiting() {
    // `script` gives stet a terminal for its input, as a person typing `stet` would.
    let bin = env!("CARGO_BIN_EXE_stet");
    let out = Command::new("script").args(["-qec", bin, "/dev/null"]).output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("stet check PATH...") && said.contains("stet lsp"), "{said}");
    assert_eq!(out.status.code(), Some(2));
    let help = stet(Path::new("."), &["--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("`stet lsp`"));
}

#[test]
fn a_missing_path_or_a_folder_without_drafts_fails_the_run() {
    let ws = workspace();
    let missing = stet(ws.path(), &["check", "drafts/nonexistent.md"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(missing.stdout.is_empty(), "nothing but the error: {}", String::from_utf8_lossy(&missing.stdout));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read drafts/nonexistent.md"));
    fs::create_dir_all(ws.path().join("empty")).unwrap();
    let empty = stet(ws.path(), &["check", "empty"]);
    assert_eq!(empty.status.code(), Some(2), "a CI job pointed at the wrong folder must not pass");
    assert!(String::from_utf8_lossy(&empty.stderr).contains("no drafts"));
    let allowed = stet(ws.path(), &["check", "--allow-empty", "empty"]);
    assert_eq!(allowed.status.code(), Some(0));
}
