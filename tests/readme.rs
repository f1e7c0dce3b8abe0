//! The README documents every rule of the registry, with an example.

use stet::check::RULES;

/// The README's rule table and sections, as the rules' own documentation writes them.
fn rules_section() -> String {
    let mut out = String::from("| code | default | reports | fix |\n| --- | --- | --- | --- |\n");
    for r in RULES {
        let severity = r.default_level();
        out.push_str(&format!("| [`{0}`](#{0}) | {severity} | {1} | {2} |\n", r.code, r.summary(), r.fix()));
    }
    for r in RULES {
        let doc = r.documentation();
        let rest = doc.split_once("\n\n").map_or("", |(_, rest)| rest);
        let mut summary = r.summary().to_string();
        if let Some(first) = summary.get(0..1) {
            summary.replace_range(0..1, &first.to_uppercase());
        }
        out.push_str(&format!("\n### {}\n\n{summary}.\n\n{rest}\n", r.code));
    }
    out
}

#[test]
fn the_readme_documents_every_rule_as_its_module_does() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let begin = readme.find("<!-- rules:").expect("README marks where its rules begin");
    let begin = begin + readme[begin..].find("-->\n").unwrap() + "-->\n".len();
    let end = readme.find("<!-- end of rules -->").expect("README marks where its rules end");
    let wanted = rules_section();
    if std::env::var_os("STET_BLESS").is_some() {
        std::fs::write(path, format!("{}{wanted}{}", &readme[..begin], &readme[end..])).unwrap();
        return;
    }
    assert!(
        readme[begin..end] == wanted,
        "README's rules differ from src/check/rules/; run `STET_BLESS=1 cargo test --test readme`"
    );
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
fn the_readme_explain_example_is_what_stet_prints_for_the_file_it_names() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let at = readme.find("`stet check --explain examples/").expect("README names the file of its --explain example");
    let command = &readme[at + 1..];
    let command = &command[..command.find('`').unwrap()];
    let block = &readme[at..];
    let block = &block[block.find("```\n").unwrap() + 4..];
    let shown: Vec<&str> = block[..block.find("```").unwrap()].lines().take(2).collect();
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stet")).args(&args).current_dir(root).output().unwrap();
    let explained = String::from_utf8_lossy(&out.stderr);
    for line in shown {
        assert!(explained.lines().any(|l| l == line), "README shows {line:?}; {command} prints:\n{explained}");
    }
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
