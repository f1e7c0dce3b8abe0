//! Findings on drafts of our own, fixed as snapshots: the line, a caret under the range, the
//! message, and each fix applied.

use stet::check::{analyse, Against, CheckConfig, Finding, Scope, Severity};
use stet::reference::{Index, Library, Origin, Source};
use stet::text::{Encoding, LineIndex};

fn library(keys: &[&str]) -> Library {
    let mut lib = Library::default();
    for key in keys {
        lib.insert(Source::bare(*key, Origin::Text));
    }
    lib
}

fn apply(text: &str, finding: &Finding, fix: usize) -> String {
    let mut out = text.to_string();
    let mut edits = finding.fixes[fix].edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
    for e in edits {
        out.replace_range(e.range.clone(), &e.new_text);
    }
    out
}

/// Renders findings for a snapshot.
fn render(text: &str, findings: &[Finding]) -> String {
    let lines = LineIndex::new(text);
    let mut out = String::new();
    for f in findings {
        let start = lines.position(text, f.range.start, Encoding::Utf16);
        let line_range = lines.line_range(text, start.line as usize).unwrap();
        let line = &text[line_range.clone()];
        let col = text[line_range.start..f.range.start].chars().count();
        let width = text[f.range.start..f.range.end.min(line_range.end)].chars().count().max(1);
        out.push_str(&format!("{} ({}) {}:{}\n", f.code, f.severity.as_str(), start.line + 1, col + 1));
        out.push_str(&format!("  {line}\n  {}{}\n  {}\n", " ".repeat(col), "^".repeat(width), f.message));
        for (i, fix) in f.fixes.iter().enumerate() {
            let fixed = apply(text, f, i);
            let fixed_line = fixed.lines().nth(start.line as usize).unwrap_or("");
            out.push_str(&format!("  fix {:?}: {fixed_line}\n", fix.title));
        }
    }
    out
}

fn check(text: &str, keys: &[&str]) -> String {
    render(text, &analyse(text, &Against::new(&library(keys), &Index::default(), &CheckConfig::default())).findings())
}

#[test]
fn unsourced_figures_and_their_citation_fix() {
    let text = "\
# What the navy found at sea

The navy seized more than 11 tons of cocaine in the first seven months of 2024.

Over 84,000 people have been detained [@newsvane-2025-04-16].

More than 300 people have died in custody, according to rights groups.

The homicide rate stood at 2.2 per 100,000 in 2023.
";
    insta::assert_snapshot!(check(text, &["newsvane-2025-04-16"]));
}

#[test]
fn unknown_keys_with_and_without_a_near_key() {
    let text = "\
The meeting took place on April 16, 2025 [@newsvane-2025].

The navy seized over 11 tons of cocaine [@newsvane-2025-04-16; @reuters-2024].
";
    insta::assert_snapshot!(check(text, &["newsvane-2025-04-16"]));
}

#[test]
fn every_note_form_covers_its_sentence() {
    let text = "\
Over 84,000 people have been detained [^1].

The homicide rate fell to 2.2 per 100,000 in 2023. <!-- source: newsvane-2025-04-16 -->

The navy seized 11 tons [@newsvane-2025-04-16, p. 4]. It also lost two boats.

[^1]: NewsVane, 16 April 2025, @newsvane-2025-04-16.
";
    insta::assert_snapshot!(check(text, &["newsvane-2025-04-16"]));
}

#[test]
fn names_with_digits_code_and_lists_give_nothing() {
    let text = "\
# Names with digits

Gangs such as MS-13 and Barrio 18 lost much of their hold [@nv].

1. First, the meeting at the Pentagon.
2. Then the trip to Panama.

Run `stet check --max 10` before filing.

```
const DETAINED = 84000;
```

Background: https://example.org/2025/04/16/report-2023.html

COVID-19 changed policing across the region.
";
    assert_eq!(check(text, &["nv"]), "");
}

#[test]
fn applying_a_fix_clears_the_finding() {
    let lib = library(&["newsvane-2025-04-16"]);
    let config = CheckConfig::default();
    for text in [
        "It held 84,000 people [@newsvane-2025-04-16]. The navy seized 11 tons.\n",
        "The rate fell to 2.2 in 2023 [@newsvane-2025].\n",
        "Over \"200 members\" were moved [@newsvane-2025-04-16]. He said \"300 died.\"\n",
    ] {
        let findings = analyse(text, &Against::new(&lib, &Index::default(), &config)).findings();
        assert!(!findings.is_empty(), "{text}");
        for f in &findings {
            let fixed = apply(text, f, 0);
            let after = analyse(&fixed, &Against::new(&lib, &Index::default(), &config)).findings();
            assert!(!after.iter().any(|g| g.code == f.code), "fix {:?} left {} in {fixed:?}", f.fixes[0].title, f.code);
        }
    }
}

#[test]
fn paragraph_scope_widens_what_a_note_covers() {
    let text = "The navy seized 11 tons. It used two boats [@nv].\n\nThen 300 died.\n";
    let lib = library(&["nv"]);
    let sentence = analyse(text, &Against::new(&lib, &Index::default(), &CheckConfig::default())).findings();
    assert_eq!(sentence.iter().map(|f| &text[f.range.clone()]).collect::<Vec<_>>(), ["11 tons", "300"]);
    let config = CheckConfig { scope: Scope::Paragraph, ..CheckConfig::default() };
    let paragraph = analyse(text, &Against::new(&lib, &Index::default(), &config)).findings();
    assert_eq!(paragraph.iter().map(|f| &text[f.range.clone()]).collect::<Vec<_>>(), ["300"]);
}

#[test]
fn dates_need_notes_only_when_asked() {
    let text = "The crackdown began in 2022.\n";
    let lib = library(&[]);
    assert!(analyse(text, &Against::new(&lib, &Index::default(), &CheckConfig::default())).findings().is_empty());
    let config = CheckConfig { dates_need_sources: true, ..CheckConfig::default() };
    let found = analyse(text, &Against::new(&lib, &Index::default(), &config)).findings();
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].range.clone()], "2022");
}

#[test]
fn severities_can_be_changed_or_turned_off() {
    let text = "The navy seized 11 tons [@unknown].\nThen 300 died.\n";
    let lib = library(&["nv"]);
    let mut config = CheckConfig::default();
    config.severities.insert("unsourced-figure".into(), Some(Severity::Error));
    config.severities.insert("unknown-source".into(), None);
    let found = analyse(text, &Against::new(&lib, &Index::default(), &config)).findings();
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].code, found[0].severity), ("unsourced-figure", Severity::Error));
}

#[test]
fn ignore_comments_silence_the_next_line_or_the_file() {
    let lib = library(&[]);
    let config = CheckConfig::default();
    let text = "<!-- stet-ignore unsourced-figure -->\nThen 300 died.\n\nThen 400 died.\n";
    let found = analyse(text, &Against::new(&lib, &Index::default(), &config)).findings();
    assert_eq!(found.iter().map(|f| &text[f.range.clone()]).collect::<Vec<_>>(), ["400"]);
    let other_rule = "<!-- stet-ignore unknown-source -->\nThen 300 died.\n";
    assert_eq!(analyse(other_rule, &Against::new(&lib, &Index::default(), &config)).findings().len(), 1);
    let whole = "<!-- stet-ignore-file -->\nThen 300 died [@nope].\n\nThen 400 died.\n";
    assert!(analyse(whole, &Against::new(&lib, &Index::default(), &config)).findings().is_empty());
}

#[test]
fn headings_need_no_note() {
    let text = "# 84,000 detained in three years\n\nThe text cites it [@nv].\n";
    assert_eq!(check(text, &["nv"]), "");
}

fn fixture_reference() -> (Library, Index) {
    let mut library = Library::default();
    let mut datasets = Vec::new();
    for file in ["riverton-budget.md", "measles-report.md", "harbour-strike.md"] {
        let path = format!("{}/tests/fixtures/sources/{file}", env!("CARGO_MANIFEST_DIR"));
        let dataset = stet::reference::build_dataset(None, "s", &std::fs::read_to_string(path).unwrap()).unwrap();
        library.insert(Source::bare(dataset.source.key.clone(), Origin::Text));
        datasets.push(std::sync::Arc::new(dataset));
    }
    (library, Index::build(datasets))
}

const AGAINST_THE_REFERENCE: &str = "\
# Riverton and the port

The council approved a $58.5 million transit budget [@riverton-ledger-2024-03-02].

Bus ridership rose twenty percent in 2023 [@riverton-ledger-2024-03-02].

The strike left fourteen container ships waiting offshore [@coastal-times-2023-11].

The region has 1.1 million people [@coastal-times-2023-11].

About 2,300 workers walked out [@riverton-ledger-2024-03-02].

Finance Minister Ingrid Solberg promised money for Operation Second Doze [@northern-health-2024-07].
";

#[test]
fn findings_against_the_reference() {
    let (library, index) = fixture_reference();
    let findings = analyse(AGAINST_THE_REFERENCE, &Against::new(&library, &index, &CheckConfig::default())).findings();
    insta::assert_snapshot!(render(AGAINST_THE_REFERENCE, &findings));
}

#[test]
fn every_reference_fix_clears_its_finding() {
    let (library, index) = fixture_reference();
    let config = CheckConfig::default();
    let text = AGAINST_THE_REFERENCE;
    let findings = analyse(text, &Against::new(&library, &index, &config)).findings();
    let with_fixes: Vec<&Finding> = findings.iter().filter(|f| !f.fixes.is_empty()).collect();
    assert!(with_fixes.len() >= 6, "{findings:#?}");
    let line_of = |t: &str, offset: usize| LineIndex::new(t).position(t, offset, Encoding::Utf8).line;
    for f in with_fixes {
        let fixed = apply(text, f, 0);
        let line = line_of(text, f.range.start);
        let after = analyse(&fixed, &Against::new(&library, &index, &config)).findings();
        let left = after.iter().find(|g| g.code == f.code && line_of(&fixed, g.range.start) == line);
        assert!(left.is_none(), "fix {:?} left {:?}", f.fixes[0].title, left);
    }
}
