//! `unsourced-figure`: a figure with no source note in scope.
//!
//! **Why.** A figure a reader cannot trace is a figure a desk cannot check.
//!
//! **Example.**
//!
//! ```markdown
//! The navy seized more than 11 tons of cocaine in the first seven months of 2024.
//! ```
//!
//! reports `11 tons has no source note`, with the fix `Cite newsvane-2025-04-16` when the draft
//! already cites that source: it inserts ` [@newsvane-2025-04-16]` before the full stop. Years and
//! dates need no note unless `dates_need_sources` is set; a note citing an unknown key still
//! counts as a note.
//!
//! **Fix.** Cite the source whose fact matches the figure. With no such fact, the fix cites a
//! source the draft already relies on; the citation goes before the sentence's final full stop.

use crate::check::finding::{as_written, Edit, Finding, Fix};
use crate::check::{Context, Scope};
use crate::extract::Figure;
use crate::text::BlockKind;

pub const CODE: &str = "unsourced-figure";

/// Reports the figures that no note covers.
pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = cx.config.severity(CODE) else { return };
    let covered = covered_sentences(cx);
    let covered_blocks: std::collections::HashSet<usize> =
        cx.draft.sentences.iter().zip(&covered).filter(|(_, c)| **c).map(|(x, _)| x.block).collect();
    for (i, figure) in cx.draft.figures.iter().enumerate() {
        if !needs_note(cx, figure) {
            continue;
        }
        let Some(s) = cx.draft.sentence_at(figure.range.start) else { continue };
        let sentence = &cx.draft.sentences[s];
        let in_scope = match cx.config.scope {
            Scope::Sentence => covered[s],
            Scope::Paragraph => covered_blocks.contains(&sentence.block),
        };
        if in_scope || cx.draft.block_kind_at(figure.range.start) == Some(BlockKind::Heading) {
            continue;
        }
        let written = as_written(cx.text.get(figure.range.clone()).unwrap_or(""));
        out.push(Finding {
            range: figure.range.clone(),
            severity,
            code: CODE,
            message: format!("{written} has no source note"),
            source_key: None,
            related: Vec::new(),
            fixes: citation_fixes(cx, s, supporting_source(cx, i)),
        });
    }
}

fn needs_note(cx: &Context, figure: &Figure) -> bool {
    figure.kind.is_claim()
        && !figure.period
        && !figure.is_lone_one()
        && (cx.config.dates_need_sources || !figure.kind.is_date())
}

/// Which sentences hold a note. A note standing outside any block (an HTML comment on its own
/// line) covers the last sentence before it.
fn covered_sentences(cx: &Context) -> Vec<bool> {
    let draft = cx.draft;
    let mut covered = vec![false; draft.sentences.len()];
    for note in &draft.notes {
        if let Some(s) = draft.sentence_of_note(note).and_then(|s| covered.get_mut(s)) {
            *s = true;
        }
    }
    covered
}

/// The confidence from which a supporting source is certain enough to be cited unread.
pub const CERTAIN: f64 = 0.7;

/// The source whose fact the figure matched and agrees with, and whether the match is certain.
fn supporting_source<'a>(cx: &'a Context, figure: usize) -> Option<(&'a str, bool)> {
    let m = cx.matches.get(figure)?.as_ref().filter(|m| m.agrees)?;
    cx.index.fact(m.fact).map(|(d, _)| (d.source.key.as_str(), m.confidence() >= CERTAIN))
}

/// The known sources a draft cites, most cited first (the first cited first among equals), at
/// most three, from its cited keys and how often each is cited; when it cites none and the
/// workspace has one source, that one.
pub fn relied_on<'a>(
    cited: impl Iterator<Item = (&'a str, usize)>,
    library: &crate::reference::Library,
) -> Vec<String> {
    // A draft cites a handful of sources: a list searched in order beats hashing every key.
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (key, n) in cited {
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, total)) => *total = total.saturating_add(n),
            None => counts.push((key, n)),
        }
    }
    // Unknown keys are left out once each, not once a citation.
    counts.retain(|(k, _)| library.contains(k));
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let mut keys: Vec<String> = counts.into_iter().take(3).map(|(k, _)| k.to_string()).collect();
    if keys.is_empty() && library.len() == 1 {
        keys.extend(library.iter().map(|s| s.key.clone()));
    }
    keys
}

/// Fixes that cite the source that supports the figure, else the sources the draft already
/// cites, most cited first.
fn citation_fixes(cx: &Context, sentence: usize, supporting: Option<(&str, bool)>) -> Vec<Fix> {
    let at = citation_point(cx, sentence);
    // A source known by its bibliography entry alone (a desk's interview notes) has no text to
    // say it holds the figure: it is never offered for one.
    let others = cx
        .relied_on
        .iter()
        .map(String::as_str)
        .filter(|k| Some(*k) != supporting.map(|s| s.0) && !metadata_only(cx, k));
    supporting
        .into_iter()
        .chain(others.map(|key| (key, false)))
        .take(3)
        .map(|(key, certain)| Fix {
            title: format!("Cite {key}"),
            edits: vec![Edit { range: at..at, new_text: format!(" [@{key}]") }],
            certain,
        })
        .collect()
}

/// Whether the workspace knows `key` by a bibliography entry alone, with no text or facts.
fn metadata_only(cx: &Context, key: &str) -> bool {
    cx.library.get(key).is_some_and(|s| s.origin == crate::reference::Origin::Bibliography)
        && cx.index.dataset(key).is_none()
}

/// Where a citation goes: before the sentence's closing punctuation, after its last word.
fn citation_point(cx: &Context, sentence: usize) -> usize {
    let range = cx.draft.sentences[sentence].range.clone();
    let prose = cx.draft.layout.prose.get(range.clone()).unwrap_or("");
    let trimmed = prose.trim_end();
    // After a closing quote the citation follows it: quoted words stay as spoken.
    if trimmed.ends_with(['"', '”', '’', ')']) {
        return range.start + trimmed.len();
    }
    match trimmed.chars().last().filter(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | ';')) {
        Some(c) => range.start + trimmed.len() - c.len_utf8(),
        None => range.start + trimmed.len(),
    }
}
