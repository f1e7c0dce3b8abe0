//! Source notes: what ties a claim to a source.
//!
//! Three forms are read: Pandoc citations (`[@key]`, `[@key, p. 4]`, `[@a; @b]`), Markdown
//! footnotes whose definition names `@key`, a URL or free text, and HTML comments
//! `<!-- source: key -->`.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::text::Layout;

/// How a note is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    Citation,
    Footnote,
    Comment,
}

/// A source key named by a note, with where the key itself is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedKey {
    pub key: String,
    pub range: Range<usize>,
}

/// A note in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceNote {
    pub kind: NoteKind,
    /// Where the note stands in the prose (for a footnote, its reference `[^n]`).
    pub range: Range<usize>,
    pub keys: Vec<CitedKey>,
}

fn citation_pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| Regex::new(r"\[[^\[\]]*@[^\[\]]*\]").expect("the citation pattern is valid"))
}

fn key_pattern() -> &'static Regex {
    // Pandoc's citation keys: a letter, digit or `_`, then those or internal punctuation.
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(r"(?:^|[^\w@])@(\{[^}]+\}|[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/][\p{L}\p{N}_])*)")
            .expect("the key pattern is valid")
    })
}

fn comment_source_pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| Regex::new(r"(?is)^\s*sources?\s*:\s*(.*?)\s*$").expect("the comment pattern is valid"))
}

/// The keys written in `text` (which starts at byte `base` of the draft), as `@key`.
fn keys_in(text: &str, base: usize) -> Vec<CitedKey> {
    key_pattern()
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1)?;
            let key = m.as_str().trim_start_matches('{').trim_end_matches('}');
            let offset = usize::from(m.as_str().starts_with('{'));
            let start = base + m.start() + offset;
            Some(CitedKey { key: key.to_string(), range: start..start + key.len() })
        })
        .collect()
}

/// Finds every source note of a draft.
pub fn extract_notes(text: &str, layout: &Layout) -> Vec<SourceNote> {
    let mut notes: Vec<SourceNote> = citation_pattern()
        .find_iter(&layout.prose)
        .filter_map(|m| {
            let keys = keys_in(m.as_str(), m.start());
            (!keys.is_empty()).then(|| SourceNote { kind: NoteKind::Citation, range: m.range(), keys })
        })
        .collect();

    for reference in &layout.footnote_references {
        let definition = layout.footnote_definitions.iter().find(|d| d.label == reference.label);
        let keys = definition.map_or_else(Vec::new, |d| {
            // Skip the `[^label]:` itself so a label such as `@x` is not read as a key.
            let skip = d.body.find("]:").map_or(0, |i| i + 2);
            keys_in(d.body.get(skip..).unwrap_or(""), d.range.start + skip)
        });
        notes.push(SourceNote { kind: NoteKind::Footnote, range: reference.range.clone(), keys });
    }

    for comment in &layout.comments {
        let Some(c) = comment_source_pattern().captures(&comment.body) else { continue };
        let Some(list) = c.get(1) else { continue };
        let body_start = text
            .get(comment.range.clone())
            .and_then(|raw| raw.find(list.as_str()))
            .map_or(comment.range.start, |i| comment.range.start + i);
        let mut keys = Vec::new();
        let mut offset = 0;
        for part in list.as_str().split([',', ';']) {
            let trimmed = part.trim().trim_start_matches('@');
            let lead = part.find(trimmed).unwrap_or(0);
            let is_url = trimmed.contains("://");
            if !trimmed.is_empty() && !is_url && !trimmed.contains(char::is_whitespace) {
                let start = body_start + offset + lead;
                keys.push(CitedKey { key: trimmed.to_string(), range: start..start + trimmed.len() });
            }
            offset += part.len() + 1;
        }
        notes.push(SourceNote { kind: NoteKind::Comment, range: comment.range.clone(), keys });
    }
    notes.sort_by_key(|n| n.range.start);
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse;

    fn keys(text: &str) -> Vec<Vec<String>> {
        let layout = parse(text);
        extract_notes(text, &layout).into_iter().map(|n| n.keys.into_iter().map(|k| k.key).collect()).collect()
    }

    #[test]
    fn reads_pandoc_citations() {
        assert_eq!(keys("It fell [@nv-2025]."), [["nv-2025"]]);
        assert_eq!(keys("It fell [@nv-2025, p. 4]."), [["nv-2025"]]);
        assert_eq!(keys("It fell [see @a; @b:2]."), [vec!["a", "b:2"]]);
        assert_eq!(keys("Mail me at x@example.org [not a note]."), Vec::<Vec<String>>::new());
    }

    #[test]
    fn reads_footnotes_with_keys_urls_or_text() {
        let text = "A [^1]. B [^2]. C [^3].\n\n[^1]: NewsVane, @nv.\n[^2]: https://example.org\n[^3]: A phone call.\n";
        assert_eq!(keys(text), [vec!["nv"], vec![], vec![]]);
    }

    #[test]
    fn reads_source_comments() {
        let text = "It fell. <!-- source: nv, reuters-2024 -->";
        assert_eq!(keys(text), [["nv", "reuters-2024"]]);
        let layout = parse(text);
        let note = &extract_notes(text, &layout)[0];
        assert_eq!(&text[note.keys[1].range.clone()], "reuters-2024");
    }

    #[test]
    fn key_ranges_point_at_the_key() {
        let text = "Up 5% [@a; @bb].";
        let layout = parse(text);
        let note = &extract_notes(text, &layout)[0];
        assert_eq!(&text[note.keys[1].range.clone()], "bb");
    }
}
