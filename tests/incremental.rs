//! Checking a draft again after an edit: only the paragraphs the edit touched are read again,
//! and the findings are those of a fresh check of the new text.

#[path = "support/reference.rs"]
mod support;

use proptest::prelude::*;
use stet::check::{analyse, Against, CheckConfig, DraftCache, Finding};
use stet::reference::{Index, Library};

const SOURCE: &str = "---\nkey: nv\ntitle: Security ties\n---\n\
Since 2022, over 84,000 people have been detained. The navy seized 11 tons of cocaine in 2024. \
President Nayib Bukele spoke at the Pentagon.\n";

fn reference() -> (Library, Index) {
    support::reference_of([SOURCE.to_string()])
}

/// A draft of `n` paragraphs, each with figures, some cited, one referring to a footnote.
fn draft(n: usize) -> String {
    let mut text = String::from("# Ties\n\n");
    for i in 0..n {
        match i % 4 {
            0 => text.push_str(&format!("Over 84,000 people have been detained since 2022 [@nv]. Paragraph {i}.\n\n")),
            1 => text.push_str(&format!(
                "The navy seized 17 tons of cocaine in 2024.[^boats] President Nayib Bukelle spoke on day {i}.\n\n"
            )),
            2 => text.push_str(&format!("Officials expect 40 more patrols.\nA second line with {i} boats.\n\n")),
            _ => text.push_str(&format!("```\ncode with 99 figures\n\nstill code {i}\n```\n\n")),
        }
    }
    text.push_str("[^boats]: NewsVane, @nv.\n");
    text
}

fn summary(findings: &[Finding], text: &str) -> Vec<String> {
    findings
        .iter()
        .map(|f| {
            let fixes: Vec<String> =
                f.fixes.iter().flat_map(|x| &x.edits).map(|e| format!("{:?}={}", e.range, e.new_text)).collect();
            format!("{} {:?} {:?} {} {}", f.code, &text[f.range.clone()], f.range, f.message, fixes.join(","))
        })
        .collect()
}

fn incremental(cache: &mut DraftCache, text: &str, library: &Library, index: &Index) -> (Vec<Finding>, usize) {
    let config = CheckConfig::default();
    let against = Against { id: 1, library, index, config: &config };
    let checked = cache.check(text, &against, &|| false).unwrap();
    (checked.findings(), checked.fresh)
}

#[test]
fn an_edit_reads_only_its_paragraph_again() {
    let (library, index) = reference();
    let mut cache = DraftCache::default();
    let text = draft(40);
    let (_, fresh) = incremental(&mut cache, &text, &library, &index);
    assert_eq!(fresh, 42, "the heading, forty paragraphs and the footnote");
    let (_, fresh) = incremental(&mut cache, &text, &library, &index);
    assert_eq!(fresh, 0, "nothing changed");

    // Typing in the tenth paragraph moves every paragraph after it and rereads only that one.
    let at = text.match_indices("Officials").nth(2).unwrap().0;
    let edited = format!("{}Some {}", &text[..at], &text[at..]);
    let (findings, fresh) = incremental(&mut cache, &edited, &library, &index);
    assert_eq!(fresh, 1);
    let expected = analyse(&edited, &Against::new(&library, &index, &CheckConfig::default())).findings();
    assert_eq!(summary(&findings, &edited), summary(&expected, &edited));
}

#[test]
fn editing_a_footnote_rereads_the_paragraphs_that_cite_it() {
    let (library, index) = reference();
    let mut cache = DraftCache::default();
    let text = draft(6);
    incremental(&mut cache, &text, &library, &index);
    let edited = text.replace("[^boats]: NewsVane, @nv.", "[^boats]: NewsVane, @nope.");
    let (findings, fresh) = incremental(&mut cache, &edited, &library, &index);
    // The footnote itself, and the two paragraphs that refer to it.
    assert_eq!(fresh, 3);
    let unknown: Vec<&Finding> = findings.iter().filter(|f| f.code == "unknown-source").collect();
    assert!(!unknown.is_empty() && unknown.iter().all(|f| &edited[f.range.clone()] == "nope"), "{findings:?}");
    let expected = analyse(&edited, &Against::new(&library, &index, &CheckConfig::default())).findings();
    assert_eq!(summary(&findings, &edited), summary(&expected, &edited));
}

#[test]
fn a_cancelled_check_leaves_the_cache_usable() {
    let (library, index) = reference();
    let config = CheckConfig::default();
    let against = Against { id: 1, library: &library, index: &index, config: &config };
    let mut cache = DraftCache::default();
    let text = draft(8);
    assert!(cache.check(&text, &against, &|| true).is_none());
    let (findings, _) = incremental(&mut cache, &text, &library, &index);
    let expected = analyse(&text, &Against::new(&library, &index, &config)).findings();
    assert_eq!(summary(&findings, &text), summary(&expected, &text));
}

#[test]
fn a_file_wide_ignore_in_one_paragraph_silences_the_whole_draft() {
    let (library, index) = reference();
    let mut cache = DraftCache::default();
    let text = draft(4);
    let (before, _) = incremental(&mut cache, &text, &library, &index);
    assert!(before.iter().any(|f| f.code == "unsourced-figure"));
    let silenced = format!("{text}\n<!-- stet-ignore-file unsourced-figure -->\n");
    let (after, fresh) = incremental(&mut cache, &silenced, &library, &index);
    assert!(fresh <= 2, "only the new and the last paragraph are read: {fresh}");
    assert!(!after.iter().any(|f| f.code == "unsourced-figure"));
    assert!(after.iter().any(|f| f.code == "misspelled-entity"), "{before:?}\n{after:?}");
}

/// Pieces edits are made of: paragraph breaks, fences, footnotes and notes among the words.
const PIECES: &[&str] = &[
    "\n\n",
    "\n",
    " ",
    "```\n",
    "[^boats]",
    "[^boats]: @nv\n",
    "[@nv]",
    "<!-- source: nv -->",
    "<!--",
    "-->",
    "84,000",
    "17 tons",
    "in 2024",
    "Nayib Bukelle",
    "people",
    ".",
    "  ",
    "- ",
    "René",
    "😀",
];

fn piece_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..8).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn checking_after_edits_equals_a_fresh_check(
        paragraphs in 1usize..10,
        edits in prop::collection::vec((0.0..=1.0f64, 0.0..=0.05f64, piece_strategy()), 1..8),
    ) {
        let (library, index) = reference();
        let mut cache = DraftCache::default();
        let mut text = draft(paragraphs);
        incremental(&mut cache, &text, &library, &index);
        for (at, span, insert) in edits {
            let start = floor_boundary(&text, (at * text.len() as f64) as usize);
            let end = floor_boundary(&text, start + (span * text.len() as f64) as usize);
            text.replace_range(start..end, &insert);
            let (findings, _) = incremental(&mut cache, &text, &library, &index);
            let expected = analyse(&text, &Against::new(&library, &index, &CheckConfig::default())).findings();
            prop_assert_eq!(summary(&findings, &text), summary(&expected, &text));
        }
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A draft that states two quantities again and again, with now one value and now another, in
/// `n` paragraphs: more statements than the figures a restatement is compared with.
fn restating_draft(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let budget = [412, 412, 421, 412, 418][i % 5];
            let cranes = 40 + i % 7;
            format!(
                "The harbour budget stood at ${budget} million [@nv]. Crews counted {cranes} cranes at the old port, \
                 and {} trucks waited.\n\n",
                100 + i
            )
        })
        .collect()
}

#[derive(Debug, Clone)]
enum ParagraphEdit {
    Restate(usize, u32),
    Delete(usize),
    Repeat(usize),
    /// A blank line before a paragraph: every paragraph after it reads as before, a line lower.
    Space(usize),
}

fn paragraph_edit() -> impl Strategy<Value = ParagraphEdit> {
    prop_oneof![
        (0usize..200, prop::sample::select(vec![412u32, 421, 418, 9_000]))
            .prop_map(|(i, v)| ParagraphEdit::Restate(i, v)),
        (0usize..200).prop_map(ParagraphEdit::Delete),
        (0usize..200).prop_map(ParagraphEdit::Repeat),
        (0usize..200).prop_map(ParagraphEdit::Space),
    ]
}

#[test]
fn a_draft_that_restates_its_figures_has_findings_for_the_edits_to_change() {
    let (library, index) = reference();
    let text = restating_draft(80).concat();
    let found = analyse(&text, &Against::new(&library, &index, &CheckConfig::default())).findings();
    let restated = found.iter().filter(|f| f.code == "inconsistent-figure").count();
    assert!(restated > 20, "{restated} figures stated twice");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Figures stated twice are compared across paragraphs: an edit in one paragraph changes
    /// what figures further on are set against, a paragraph taken out or repeated changes which
    /// figures are near enough to compare, and a blank line moves every finding after it.
    #[test]
    fn figures_stated_twice_after_edits_equal_a_fresh_check(
        edits in prop::collection::vec(paragraph_edit(), 1..6),
    ) {
        let (library, index) = reference();
        let mut cache = DraftCache::default();
        let mut paragraphs = restating_draft(80);
        incremental(&mut cache, &paragraphs.concat(), &library, &index);
        for edit in edits {
            let n = paragraphs.len().max(1);
            match edit {
                ParagraphEdit::Restate(i, value) => {
                    if let Some(p) = paragraphs.get_mut(i % n) {
                        *p = p.replacen("$4", &format!("${value} and $4"), 1);
                    }
                }
                ParagraphEdit::Delete(i) if i % n < paragraphs.len() => {
                    paragraphs.remove(i % n);
                }
                ParagraphEdit::Repeat(i) => {
                    if let Some(p) = paragraphs.get(i % n).cloned() {
                        paragraphs.insert(i % n, p);
                    }
                }
                ParagraphEdit::Space(i) => {
                    if let Some(p) = paragraphs.get_mut(i % n) {
                        p.insert(0, '\n');
                    }
                }
                ParagraphEdit::Delete(_) => {}
            }
            let text = paragraphs.concat();
            let (findings, _) = incremental(&mut cache, &text, &library, &index);
            let expected = analyse(&text, &Against::new(&library, &index, &CheckConfig::default())).findings();
            prop_assert_eq!(summary(&findings, &text), summary(&expected, &text));
        }
    }
}
