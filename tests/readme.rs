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
