//! Completing what a reporter types into a note: source keys after `[@`, `; @` or in
//! `<!-- source: `, the sources that support the sentence's figures first; footnote labels after
//! `[^`.

use tower_lsp::lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, Position, Range, TextEdit};

use crate::check::matching::match_figures;
use crate::check::Context;
use crate::extract::read_draft;
use crate::text::segments::{footnote_definitions, segment_at, split_segments};
use crate::text::{Encoding, LineIndex};
use crate::workspace::Workspace;

/// What is being typed at the cursor.
enum Typing<'a> {
    Key(&'a str),
    Footnote(&'a str),
}

/// The completions at `position`, or `None` where no note is being typed.
pub fn complete(text: &str, position: Position, encoding: Encoding, ws: &Workspace) -> Option<Vec<CompletionItem>> {
    let lines = LineIndex::new(text);
    let offset = lines.offset(text, crate::text::Position::new(position.line, position.character), encoding)?;
    let line_start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let before = text.get(line_start..offset)?;
    let typing = typing(before)?;
    let typed = match typing {
        Typing::Key(t) | Typing::Footnote(t) => t,
    };
    let start = Position::new(position.line, position.character.saturating_sub(units(typed, encoding)));
    let replace = Range::new(start, position);
    let item = |label: String, detail: Option<String>, kind, sort: String| CompletionItem {
        text_edit: Some(CompletionTextEdit::Edit(TextEdit { range: replace, new_text: label.clone() })),
        label,
        detail,
        kind: Some(kind),
        sort_text: Some(sort),
        ..CompletionItem::default()
    };
    let items = match typing {
        Typing::Footnote(typed) => {
            let labels = footnote_definitions(text, &split_segments(text));
            labels
                .into_iter()
                .filter(|d| d.label.starts_with(typed))
                .map(|d| {
                    let first = text.get(d.range.clone()).unwrap_or("").lines().next().unwrap_or("").to_string();
                    item(d.label.clone(), Some(first), CompletionItemKind::REFERENCE, d.label)
                })
                .collect()
        }
        Typing::Key(typed) => {
            let supporting = supporting_sources(text, offset, ws);
            let lower = typed.to_lowercase();
            ws.library
                .iter()
                .filter(|s| s.key.to_lowercase().starts_with(&lower))
                .map(|s| {
                    let detail: Vec<&str> = [&s.title, &s.date].into_iter().flatten().map(String::as_str).collect();
                    let rank = if supporting.contains(&s.key) { 0 } else { 1 };
                    let detail = (!detail.is_empty()).then(|| detail.join(", "));
                    item(s.key.clone(), detail, CompletionItemKind::REFERENCE, format!("{rank}{}", s.key))
                })
                .collect()
        }
    };
    Some(items)
}

/// A key being typed after `[@`, `; @` or `[see @`, or in a `<!-- source:` comment; a footnote
/// label after `[^`.
fn typing(before: &str) -> Option<Typing<'_>> {
    let is_key = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.' | '/');
    let typed_from =
        before.rfind(|c: char| !is_key(c)).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let typed = &before[typed_from..];
    let lead = &before[..typed_from];
    if lead.ends_with("[^") {
        return Some(Typing::Footnote(typed));
    }
    let in_comment = lead.rfind("<!-- source:").is_some_and(|i| !lead[i..].contains("-->"));
    if in_comment && (lead.ends_with(' ') || lead.ends_with(':') || lead.ends_with(',')) {
        return Some(Typing::Key(typed.trim_start_matches('@')));
    }
    let in_brackets = lead.rfind('[').is_some_and(|i| !lead[i..].contains(']'));
    (in_brackets && lead.ends_with('@')).then_some(Typing::Key(typed))
}

fn units(text: &str, encoding: Encoding) -> u32 {
    match encoding {
        Encoding::Utf8 => text.len() as u32,
        Encoding::Utf16 => text.encode_utf16().count() as u32,
    }
}

/// The sources whose facts agree with the figures of the paragraph at `offset`.
fn supporting_sources(text: &str, offset: usize, ws: &Workspace) -> Vec<String> {
    let Some(segment) = segment_at(text, offset) else { return Vec::new() };
    let paragraph = text.get(segment.range.clone()).unwrap_or("");
    let draft = read_draft(paragraph);
    let cx = Context::new(paragraph, &draft, &ws.library, &ws.index, &ws.settings.check);
    let mut keys: Vec<String> = match_figures(&cx)
        .into_iter()
        .flatten()
        .filter(|m| m.agrees)
        .filter_map(|m| ws.index.fact(m.fact).map(|(d, _)| d.source.key.clone()))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}
