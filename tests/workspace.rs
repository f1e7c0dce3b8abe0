//! Loading a workspace: datasets built from source texts, curated files merged in, reloads that
//! read only what changed, and bad files that become problems while the last good state serves.

use std::fs;
use std::path::Path;

use stet::reference::{Origin, SCHEMA};
use stet::workspace::Workspace;

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "sources/budget.md",
        "---\nkey: ledger-2024\n---\nThe council approved a $48.5 million budget. Mayor Ana Ortega signed it.\n",
    );
    write(root, "sources/health.md", "---\nkey: courier-2024\n---\nThe board recorded 1,240 measles cases in 2024.\n");
    write(root, "sources/more.bib", "@misc{desk-2025, title = {Interview notes}}\n");
    dir
}

fn facts(ws: &Workspace, key: &str) -> Vec<(String, String, f64, bool)> {
    let d = ws.index.dataset(key).unwrap_or_else(|| panic!("no dataset {key}"));
    d.facts.iter().map(|f| (f.id.clone(), f.text.clone(), f.value, f.retracted)).collect()
}

#[test]
fn source_texts_become_datasets_and_every_key_is_known() {
    let ws = workspace();
    let loaded = Workspace::load(ws.path(), None, None);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(facts(&loaded, "ledger-2024"), [("f1".to_string(), "$48.5 million".to_string(), 48_500_000.0, false)]);
    assert_eq!(facts(&loaded, "courier-2024").len(), 2);
    assert!(loaded.library.contains("desk-2025"));
    assert_eq!(loaded.index.fact_count(), 3);
    let names: Vec<&str> = loaded.index.names().map(|(n, _)| n).collect();
    assert!(names.contains(&"Ana Ortega") && names.contains(&"Ortega"), "{names:?}");
}

#[test]
fn curated_files_add_aliases_and_roles_correct_values_and_retract_facts() {
    let ws = workspace();
    let curated = format!(
        r#"{{"schema": "{SCHEMA}",
  "source": {{"key": "courier-2024", "publisher": "Valley Courier"}},
  "facts": [
    {{"id": "f1", "text": "1,250", "value": 1250.0, "kind": "number", "step": 1.0,
      "place": {{"line": 3, "character": 19, "end_line": 3, "end_character": 24}}}},
    {{"id": "f2", "text": "2024", "value": 2024.0, "kind": "year", "step": 1.0, "retracted": true,
      "place": {{"line": 3, "character": 43, "end_line": 3, "end_character": 47}}}}
  ],
  "entities": [{{"name": "Northern Health Board", "kind": "organisation", "aliases": ["NHB"], "roles": ["regional health authority"]}}]
}}"#
    );
    write(ws.path(), "reference/courier.json", &curated);
    let loaded = Workspace::load(ws.path(), None, None);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        facts(&loaded, "courier-2024"),
        [("f1".to_string(), "1,250".to_string(), 1250.0, false), ("f2".to_string(), "2024".to_string(), 2024.0, true)]
    );
    assert_eq!(loaded.index.fact_count(), 2, "a retracted fact is not indexed");
    assert_eq!(loaded.library.get("courier-2024").unwrap().origin, Origin::Text);
    let d = loaded.index.dataset("courier-2024").unwrap();
    assert_eq!(d.source.publisher.as_deref(), Some("Valley Courier"));
    let board = d.entities.iter().find(|e| e.name == "Northern Health Board").unwrap();
    assert_eq!(board.roles, ["regional health authority"]);
}

/// A curated file for `courier-2024` that corrects its first fact to `value`, and retracts its
/// year when `retract` says so.
fn correction(value: f64, retract: bool) -> String {
    let year = if retract {
        r#", {"id": "f2", "text": "2024", "value": 2024.0, "kind": "year", "step": 1.0, "retracted": true,
      "place": {"line": 3, "character": 43, "end_line": 3, "end_character": 47}}"#
    } else {
        ""
    };
    format!(
        r#"{{"schema": "{SCHEMA}", "source": {{"key": "courier-2024"}},
  "facts": [{{"id": "f1", "text": "{value}", "value": {value}, "kind": "number", "step": 1.0,
      "place": {{"line": 3, "character": 19, "end_line": 3, "end_character": 24}}}}{year}]}}"#
    )
}

#[test]
fn a_changed_curated_file_is_merged_into_the_text_as_read_not_as_merged_before() {
    let ws = workspace();
    write(ws.path(), "reference/courier.json", &correction(1250.0, true));
    let first = Workspace::load(ws.path(), None, None);
    assert_eq!(facts(&first, "courier-2024")[1], ("f2".to_string(), "2024".to_string(), 2024.0, true));

    // The text is not read again; the first merge must not have changed what was kept of it.
    write(ws.path(), "reference/courier.json", &correction(1260.0, false));
    let again = Workspace::load(ws.path(), None, Some(&first));
    assert_eq!((again.stats.read, again.stats.reused), (1, 3));
    assert_eq!(
        facts(&again, "courier-2024"),
        [("f1".to_string(), "1260".to_string(), 1260.0, false), ("f2".to_string(), "2024".to_string(), 2024.0, false)]
    );
    assert_eq!(again.index.fact_count(), 3, "the year is indexed again, with the budget and the cases");
}

#[test]
fn a_dataset_without_a_text_defines_its_source() {
    let ws = workspace();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/el-salvador/reference/newsvane-2025-04-16.json");
    fs::create_dir_all(ws.path().join("reference")).unwrap();
    fs::copy(example, ws.path().join("reference/nv.json")).unwrap();
    let loaded = Workspace::load(ws.path(), None, None);
    let source = loaded.library.get("newsvane-2025-04-16").unwrap();
    assert_eq!((source.origin, source.publisher.as_deref()), (Origin::Dataset, Some("NewsVane")));
    assert!(facts(&loaded, "newsvane-2025-04-16")
        .iter()
        .any(|(_, text, value, _)| text == "84,000" && *value == 84_000.0));
}

#[test]
fn a_reload_reads_only_what_changed() {
    let ws = workspace();
    let first = Workspace::load(ws.path(), None, None);
    assert_eq!((first.stats.read, first.stats.reused), (3, 0));

    let again = Workspace::load(ws.path(), None, Some(&first));
    assert_eq!((again.stats.read, again.stats.reused), (0, 3));

    write(
        ws.path(),
        "sources/health.md",
        "---\nkey: courier-2024\n---\nThe board recorded 1,300 measles cases in 2024 alone.\n",
    );
    let edited = Workspace::load(ws.path(), None, Some(&again));
    assert_eq!((edited.stats.read, edited.stats.reused), (1, 2));
    assert!(facts(&edited, "courier-2024").iter().any(|(_, t, _, _)| t == "1,300"));

    write(ws.path(), "sources/new.txt", "Some 40 boats sailed.\n");
    let added = Workspace::load(ws.path(), None, Some(&edited));
    assert_eq!((added.stats.read, added.stats.reused), (1, 3));
    assert!(added.library.contains("new"));

    fs::remove_file(ws.path().join("sources/budget.md")).unwrap();
    let removed = Workspace::load(ws.path(), None, Some(&added));
    assert!(!removed.library.contains("ledger-2024"));
    assert!(removed.index.dataset("ledger-2024").is_none());
}

#[test]
fn bad_files_are_problems_at_their_line_and_the_last_good_state_serves() {
    let ws = workspace();
    write(
        ws.path(),
        "reference/curated.json",
        &format!("{{\"schema\": \"{SCHEMA}\", \"source\": {{\"key\": \"extra\"}}, \"facts\": []}}\n"),
    );
    let good = Workspace::load(ws.path(), None, None);
    assert!(good.problems.is_empty(), "{:?}", good.problems);
    assert!(good.library.contains("extra"));

    // Break the dataset (line 2), the bibliography and the front matter of a source.
    write(
        ws.path(),
        "reference/curated.json",
        &format!("{{\"schema\": \"{SCHEMA}\",\n  \"source\": {{\"key\": \"extra\",}}\n}}\n"),
    );
    write(ws.path(), "sources/more.bib", "@misc{desk-2025, title = {Interview notes}\n");
    write(
        ws.path(),
        "sources/health.md",
        "---\nkey: courier-2024\nno colon here\n---\nThe board recorded 1,240 cases.\n",
    );
    let bad = Workspace::load(ws.path(), None, Some(&good));
    let mut problems: Vec<(String, u32)> = bad
        .problems
        .iter()
        .map(|p| (p.path.file_name().unwrap().to_string_lossy().into_owned(), p.error.line))
        .collect();
    problems.sort();
    assert_eq!(problems[0], ("curated.json".to_string(), 1));
    assert_eq!(problems[1], ("health.md".to_string(), 2));
    assert_eq!(problems[2].0, "more.bib");
    // What was good before still serves, and the files on disk are as the user left them.
    assert!(bad.library.contains("extra") && bad.library.contains("desk-2025") && bad.library.contains("courier-2024"));
    assert_eq!(facts(&bad, "courier-2024").len(), 2);
    assert!(fs::read_to_string(ws.path().join("sources/health.md")).unwrap().contains("no colon here"));
}

#[test]
fn oversized_binary_and_empty_sources_are_handled_with_a_message() {
    let ws = workspace();
    write(ws.path(), "stet.toml", "[sources]\nmax_bytes = 100\n");
    write(ws.path(), "sources/big.md", &"Over 84,000 people. ".repeat(10));
    fs::write(ws.path().join("sources/blob.txt"), [0x66, 0x6f, 0xff, 0xfe, 0x00]).unwrap();
    write(ws.path(), "sources/empty.md", "");
    let loaded = Workspace::load(ws.path(), None, None);
    let message = |name: &str| {
        loaded.problems.iter().find(|p| p.path.ends_with(name)).map(|p| p.error.message.clone()).unwrap_or_default()
    };
    assert!(message("big.md").contains("over the limit of 100"), "{:?}", loaded.problems);
    assert!(message("blob.txt").contains("not UTF-8"), "{:?}", loaded.problems);
    assert!(loaded.library.contains("empty"), "an empty source still defines its key");
    assert!(!loaded.library.contains("big"));
}

#[test]
fn nothing_outside_the_workspace_is_read() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.md", "---\nkey: secret\n---\nThe vault holds 12 bars.\n");
    write(outside.path(), "secret.bib", "@misc{secret-bib, title = {Hidden}}\n");
    write(
        outside.path(),
        "data.json",
        &format!("{{\"schema\": \"{SCHEMA}\", \"source\": {{\"key\": \"secret-data\"}}}}"),
    );
    let ws = workspace();
    let out = outside.path().display().to_string();
    write(
        ws.path(),
        "stet.toml",
        &format!(
            "[sources]\npaths = [\"sources\", \"../{name}\", \"{out}\"]\nbibliographies = [\"{out}/secret.bib\", \"../{name}/secret.bib\"]\n[reference]\ndatasets = [\"{out}/data.json\", \"../{name}/*.json\"]\n",
            name = outside.path().file_name().unwrap().to_string_lossy()
        ),
    );
    std::os::unix::fs::symlink(outside.path().join("secret.md"), ws.path().join("sources/link.md")).unwrap();
    std::os::unix::fs::symlink(outside.path(), ws.path().join("sources/linked-folder")).unwrap();
    let loaded = Workspace::load(ws.path(), None, None);
    for key in ["secret", "secret-bib", "secret-data", "link"] {
        assert!(!loaded.library.contains(key), "{key} was read from outside the workspace");
    }
    let messages: Vec<String> = loaded.problems.iter().map(|p| p.error.message.clone()).collect();
    assert_eq!(messages.iter().filter(|m| m.contains("outside the workspace")).count(), 8, "{messages:#?}");
    assert!(loaded.library.contains("ledger-2024"), "the workspace's own sources still load");
}
