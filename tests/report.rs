//! `stet report`: the HTML page a desk reads, run as a user runs it on a workspace of our own.
//! (The page in a browser, with its filter and keyboard, is tested in tests/clients/node.)

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn stet(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stet")).args(args).current_dir(dir).output().unwrap()
}

fn harbour() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("sources")).unwrap();
    fs::create_dir_all(root.join("drafts")).unwrap();
    fs::write(
        root.join("sources/gazette.md"),
        "---\nkey: gazette-2025\ntitle: A record year at Calder harbour\n---\n\
         Harbour master Lena Marsh said 412 fishing boats landed catches at Calder in 2024.\n\n\
         \"We have never been busier on the quays,\" Marsh said.\n",
    )
    .unwrap();
    fs::write(
        root.join("drafts/harbour.md"),
        "# Calder's busy year\n\n\
         Harbour master Lena Marsh said 412 fishing boats landed catches at Calder in 2024 [@gazette-2025].\n\n\
         By another count, 512 fishing boats landed catches at Calder in 2024 [@gazette-2025].\n\n\
         \"We have never been so busy on the quays,\" Marsh said [@gazette-2025].\n\n\
         Harbour master Lena Marsch plans a new slipway. Some 300 crew signed on.\n\n\
         A reader wrote <script>alert(document.cookie)</script> in the comments.\n",
    )
    .unwrap();
    dir
}

/// The entries of the claims list: each `<li class="claim ...">...</li>`.
fn entries(page: &str) -> Vec<&str> {
    page.split("<li class=\"claim ").skip(1).map(|e| &e[..e.find("</li>").unwrap_or(e.len())]).collect()
}

/// The entry whose quoted text is `written`.
fn entry<'a>(page: &'a str, written: &str) -> &'a str {
    let quoted = format!("<q>{written}</q>");
    entries(page)
        .into_iter()
        .find(|e| e.contains(&quoted))
        .unwrap_or_else(|| panic!("no entry for {written} in {page}"))
}

#[test]
fn every_claim_is_listed_with_its_standing_its_source_passage_and_its_fix() {
    let ws = harbour();
    let out = stet(ws.path(), &["report", "drafts", "-o", "report.html"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrote report.html"));
    let page = fs::read_to_string(ws.path().join("report.html")).unwrap();

    let agrees = entry(&page, "412");
    assert!(agrees.starts_with("v-verified"), "{agrees}");
    assert!(agrees.contains("412 fishing boats landed catches at Calder in 2024"), "the source passage: {agrees}");
    assert!(agrees.contains("A record year at Calder harbour"), "{agrees}");

    let conflicts = entry(&page, "512");
    assert!(conflicts.starts_with("v-conflicting"), "{conflicts}");
    assert!(conflicts.contains("data-rule=\"conflicting-figure\""), "{conflicts}");
    assert!(conflicts.contains("Fix: Replace with 412"), "{conflicts}");

    let unsourced = entry(&page, "300");
    assert!(unsourced.starts_with("v-unsourced"), "{unsourced}");

    let quote = entries(&page).into_iter().find(|e| e.contains("data-kind=\"quotation\"")).unwrap();
    assert!(quote.starts_with("v-conflicting") && quote.contains("misquoted"), "{quote}");
    assert!(quote.contains("We have never been busier on the quays"), "the passage: {quote}");

    let name = entry(&page, "Lena Marsch");
    assert!(name.starts_with("v-conflicting") && name.contains("misspelled"), "{name}");
    assert!(name.contains("Fix: Replace with Lena Marsh"), "{name}");
    let known = entry(&page, "Lena Marsh");
    assert!(known.starts_with("v-verified") && known.contains("Who"), "{known}");
}

#[test]
fn the_page_counts_the_findings_stet_check_reports_and_loads_nothing() {
    let ws = harbour();
    let page = String::from_utf8(stet(ws.path(), &["report", "drafts", "-o", "-"]).stdout).unwrap();
    let json = stet(ws.path(), &["check", "--format", "json", "drafts"]);
    let findings: Vec<Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert!(findings.len() >= 4);
    let rules: std::collections::BTreeSet<&str> = findings.iter().filter_map(|f| f["code"].as_str()).collect();
    for rule in rules {
        let n = findings.iter().filter(|f| f["code"] == rule).count();
        let row = &page[page.find(&format!("<tr data-rule=\"{rule}\">")).unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(row.contains(&format!("\">{n}</td>")), "{rule}: {n} in {row}");
    }
    assert!(page.contains(&format!("<td data-findings>{}</td>", findings.len())));
    // Self-contained: no stylesheet, script, font or image is fetched, and the draft's own markup
    // is shown as text.
    for fetch in ["<link", " src=", "url(", "@import", "http://", "https://"] {
        assert!(!page.contains(fetch), "{fetch} in the page");
    }
    assert_eq!(page.matches("<script>").count(), 1, "only the page's own script");
    assert!(page.contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;"));
}

#[test]
fn a_missing_path_or_no_draft_writes_no_page() {
    let ws = harbour();
    let missing = stet(ws.path(), &["report", "drafts/nope.md", "-o", "r.html"]);
    assert_eq!(missing.status.code(), Some(2));
    let empty = stet(ws.path(), &["report", "sources", "-o", "r.html"]);
    assert_eq!(empty.status.code(), Some(2), "{}", String::from_utf8_lossy(&empty.stderr));
    assert!(!ws.path().join("r.html").exists());
}

#[test]
fn with_many_drafts_the_rule_table_gives_totals_and_each_draft_its_own_counts() {
    let ws = harbour();
    let draft = fs::read_to_string(ws.path().join("drafts/harbour.md")).unwrap();
    for i in 0..11 {
        fs::write(ws.path().join(format!("drafts/copy-{i:02}.md")), &draft).unwrap();
    }
    let page = String::from_utf8(stet(ws.path(), &["report", "drafts", "-o", "-"]).stdout).unwrap();
    let json = stet(ws.path(), &["check", "--format", "json", "drafts"]);
    let findings: Vec<Value> = serde_json::from_slice(&json.stdout).unwrap();
    let table = &page[page.find("id=\"rules\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    assert!(!table.contains("data-draft"), "twelve drafts are not twelve columns: {table}");
    // Each draft's head counts its findings by rule.
    let heads: Vec<&str> = page.split("<p class=\"counts\">").skip(1).map(|h| &h[..h.find("</p>").unwrap()]).collect();
    assert_eq!(heads.len(), 12);
    let per_rule = |code: &str| -> usize {
        let mark = format!("<span data-rule=\"{code}\">");
        heads
            .iter()
            .filter_map(|h| h.split(&mark).nth(1))
            .map(|n| n[..n.find('<').unwrap()].parse::<usize>().unwrap())
            .sum()
    };
    assert_eq!(per_rule("conflicting-figure"), findings.iter().filter(|f| f["code"] == "conflicting-figure").count());
    assert_eq!(per_rule("misspelled-entity"), 12);
}
