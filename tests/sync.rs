//! Edits applied through the server's document store and its didChange path stay in sync with a
//! plain String model, for multi-byte text, CRLF and LF, and edits at line ends and across lines.

mod common;

use proptest::prelude::*;
use serde_json::json;
use stet::lsp::document::Document;
use stet::text::Encoding;
use tower_lsp::lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// Pieces drafts are made of, multi-byte and line breaks included.
const PIECES: &[&str] = &[
    "René",
    "Salvadoreños",
    "😀",
    "数字",
    " ",
    " ",
    "\n",
    "\r\n",
    "84,000",
    "2.2",
    "in 2023",
    "over 200",
    "the",
    "navy",
    ".",
    ", ",
    "[@nv]",
    "é",
    "\t",
    "MS-13",
    "three",
    "\n\n",
    "[^n]",
    "\n\n[^n]: @nv, @zz\n",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

/// An edit as fractions of the current text, so it always names places that exist.
fn edits_strategy() -> impl Strategy<Value = Vec<(f64, f64, String)>> {
    prop::collection::vec((0.0..=1.0f64, 0.0..=0.3f64, text_strategy()), 1..12)
}

/// Char offsets an editor can name: every boundary except between `\r` and `\n`.
fn nameable(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    (0..=chars.len()).filter(|&i| !(i > 0 && chars[i - 1] == '\r' && chars.get(i) == Some(&'\n'))).collect()
}

/// The LSP position (UTF-16) of char offset `at`, counted independently of stet's own code.
fn lsp_position(text: &str, at: usize) -> Position {
    let chars: Vec<char> = text.chars().collect();
    let (mut line, mut character) = (0u32, 0u32);
    let mut i = 0;
    while i < at {
        match chars[i] {
            '\r' if chars.get(i + 1) == Some(&'\n') => {
                line += 1;
                character = 0;
                i += 1;
            }
            '\n' | '\r' => {
                line += 1;
                character = 0;
            }
            c => character += c.len_utf16() as u32,
        }
        i += 1;
    }
    Position::new(line, character)
}

fn char_to_byte(text: &str, at: usize) -> usize {
    text.char_indices().nth(at).map_or(text.len(), |(b, _)| b)
}

/// Turns fractional edits into concrete ones against the evolving model.
fn concrete(start: &str, edits: &[(f64, f64, String)]) -> (Vec<TextDocumentContentChangeEvent>, String) {
    let mut model = start.to_string();
    let mut changes = Vec::new();
    for (at, len, insert) in edits {
        let places = nameable(&model);
        let a = places[((places.len() - 1) as f64 * at) as usize];
        let b_index = places.iter().position(|&p| p == a).unwrap_or(0) + ((places.len() as f64 * len) as usize);
        let b = places[b_index.min(places.len() - 1)];
        let range = Range::new(lsp_position(&model, a), lsp_position(&model, b));
        let (ba, bb) = (char_to_byte(&model, a), char_to_byte(&model, b));
        // An insertion between `\r` and `\n` would split a line break the editor cannot name.
        let insert = if insert.ends_with('\r') { format!("{insert} ") } else { insert.clone() };
        model.replace_range(ba..bb, &insert);
        changes.push(TextDocumentContentChangeEvent { range: Some(range), range_length: None, text: insert });
    }
    (changes, model)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_rope_equals_the_string_model(start in text_strategy(), edits in edits_strategy()) {
        let (changes, model) = concrete(&start, &edits);
        let mut doc = Document::new(&start, 1);
        for change in &changes {
            doc.apply(change, Encoding::Utf16).unwrap();
        }
        prop_assert_eq!(doc.text(), model);
    }

    #[test]
    fn edits_past_the_end_are_refused_and_change_nothing(start in text_strategy(), extra in 1u32..5) {
        let mut doc = Document::new(&start, 1);
        let lines = start.split_inclusive(['\n']).count() as u32 + start.matches('\r').count() as u32 + 1;
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(lines + extra, 0), Position::new(lines + extra, 1))),
            range_length: None,
            text: "x".into(),
        };
        prop_assert!(doc.apply(&change, Encoding::Utf16).is_err());
        prop_assert_eq!(doc.text(), start);
    }
}

/// Diagnostics of a fresh `stet check` of `text` in the test workspace, as LSP-style summaries.
fn fresh_check(root: &std::path::Path, text: &str) -> Vec<String> {
    let ws = stet::workspace::Workspace::load(root, None, None);
    let lines = stet::text::LineIndex::new(text);
    let mut found: Vec<String> =
        stet::check::analyse(text, &stet::check::Against::new(&ws.library, &ws.index, &ws.settings.check))
            .findings()
            .iter()
            .map(|f| {
                let (s, e) = lines.range(text, f.range.clone(), Encoding::Utf16);
                format!("{} {}:{}-{}:{}", f.code, s.line, s.character, e.line, e.character)
            })
            .collect();
    found.sort();
    found
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_servers_diagnostics_equal_a_fresh_check(start in text_strategy(), edits in edits_strategy(), batch in 1usize..4) {
        let (changes, model) = concrete(&start, &edits);
        let ws = common::workspace();
        let root = std::fs::canonicalize(ws.path()).unwrap();
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let published = runtime.block_on(async {
            let mut client = common::Client::start();
            client.initialize(&root, json!({})).await;
            let uri = format!("file://{}/drafts/p.md", root.display());
            client.open(&uri, &start).await;
            // Edits go out back to back, a few to a message, without waiting for diagnostics.
            let mut version = 1;
            for chunk in changes.chunks(batch) {
                version += 1;
                client.change(&uri, version, serde_json::to_value(chunk).unwrap()).await;
            }
            let mut found = common::summary(&client.diagnostics(&uri, version).await);
            found.sort();
            found
        });
        prop_assert_eq!(published, fresh_check(&root, &model));
    }
}
