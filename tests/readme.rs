//! The README documents every rule of the registry, with an example.

use stet::check::RULES;

#[test]
fn every_rule_has_a_readme_section_and_a_table_row() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for rule in RULES {
        assert!(readme.contains(&format!("\n### {}\n", rule.code)), "README has no section for {}", rule.code);
        let row = format!("| [`{0}`](#{0}) | {1} |", rule.code, rule.default_severity.as_str());
        assert!(readme.contains(&row), "README's rule table lacks {row}");
    }
}

#[test]
fn the_readme_names_its_two_commands() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("    cargo run --release -- check examples/el-salvador/drafts\n"));
    assert!(readme.contains("    tests/all\n"));
    // CI runs the test command the README gives.
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(ci.lines().any(|l| l.starts_with("tests/all")), "{ci}");
}

#[test]
fn the_vs_code_settings_schema_lists_every_rule_and_no_other() {
    let package = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/editors/vscode/package.json")).unwrap();
    let package: serde_json::Value = serde_json::from_str(&package).unwrap();
    let rules = &package["contributes"]["configuration"]["properties"]["stet.rules"];
    let listed: Vec<&str> =
        rules["propertyNames"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    assert_eq!(listed, codes, "editors/vscode/package.json must list the registry's rules, in its order");
    let levels: Vec<&str> =
        rules["additionalProperties"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(levels, ["error", "warning", "information", "hint", "off"]);
}
