//! Open documents: a rope per draft, edited in place as the editor reports changes.

use ropey::{Rope, RopeSlice};
use tower_lsp::lsp_types::{Position, Range, TextDocumentContentChangeEvent};

use crate::text::Encoding;

/// An edit that cannot be applied; the document is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("edit range {}:{}-{}:{} lies outside the document ({} lines)", .range.start.line, .range.start.character, .range.end.line, .range.end.character, .lines)]
    OutOfRange { range: Range, lines: usize },
    #[error("edit range ends before it starts: {}:{}-{}:{}", .0.start.line, .0.start.character, .0.end.line, .0.end.character)]
    Reversed(Range),
}

/// A draft open in the editor.
#[derive(Debug, Clone)]
pub struct Document {
    pub rope: Rope,
    pub version: i32,
}

impl Document {
    pub fn new(text: &str, version: i32) -> Self {
        Self { rope: Rope::from_str(text), version }
    }

    /// Applies one change event: a whole-text replacement or a ranged edit.
    pub fn apply(&mut self, change: &TextDocumentContentChangeEvent, encoding: Encoding) -> Result<(), EditError> {
        let Some(range) = change.range else {
            self.rope = Rope::from_str(&change.text);
            return Ok(());
        };
        let lines = self.rope.len_lines();
        let out_of_range = || EditError::OutOfRange { range, lines };
        let start = char_index(&self.rope, range.start, encoding).ok_or_else(out_of_range)?;
        let end = char_index(&self.rope, range.end, encoding).ok_or_else(out_of_range)?;
        if end < start {
            return Err(EditError::Reversed(range));
        }
        self.rope.remove(start..end);
        self.rope.insert(start, &change.text);
        Ok(())
    }

    /// The text as one string, copied a chunk at a time (not through `Display`, which costs
    /// several times a copy of a 1 MB draft, under the lock of the server's state).
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.rope.len_bytes());
        self.rope.chunks().for_each(|chunk| text.push_str(chunk));
        text
    }

    /// The lines of the paragraph holding `line`: the run of non-blank lines around it.
    pub fn paragraph_lines(&self, line: u32) -> std::ops::Range<u32> {
        let lines = u32::try_from(self.rope.len_lines()).unwrap_or(u32::MAX);
        let blank = |i: u32| {
            let slice = self.rope.get_line(i as usize);
            slice.is_none_or(|l| l.chars().all(char::is_whitespace))
        };
        if line >= lines || blank(line) {
            return line..line;
        }
        let first = (0..line).rev().find(|&i| blank(i)).map_or(0, |i| i + 1);
        let end = (line + 1..lines).find(|&i| blank(i)).unwrap_or(lines);
        first..end
    }
}

/// The char index of an LSP position; `None` when its line lies past the end. A character past
/// the end of its line means the end of the line, as the specification asks.
pub fn char_index(rope: &Rope, position: Position, encoding: Encoding) -> Option<usize> {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return None;
    }
    let start = rope.line_to_char(line);
    let content = without_line_break(rope.line(line));
    let within = match encoding {
        Encoding::Utf16 => content.utf16_cu_to_char((position.character as usize).min(content.len_utf16_cu())),
        Encoding::Utf8 => content.byte_to_char((position.character as usize).min(content.len_bytes())),
    };
    Some(start + within)
}

fn without_line_break(line: RopeSlice) -> RopeSlice {
    let mut len = line.len_chars();
    if len > 0 && line.char(len - 1) == '\n' {
        len -= 1;
    }
    if len > 0 && line.char(len - 1) == '\r' {
        len -= 1;
    }
    line.slice(..len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(doc: &mut Document, (l1, c1, l2, c2): (u32, u32, u32, u32), text: &str) -> Result<(), EditError> {
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.into(),
        };
        doc.apply(&change, Encoding::Utf16)
    }

    #[test]
    fn edits_after_emoji_and_accents_land_where_the_editor_means() {
        let mut doc = Document::new("René 😀 84\r\nnext", 1);
        edit(&mut doc, (0, 8, 0, 10), "94").unwrap();
        assert_eq!(doc.text(), "René 😀 94\r\nnext");
        edit(&mut doc, (1, 0, 1, 4), "last").unwrap();
        assert_eq!(doc.text(), "René 😀 94\r\nlast");
    }

    #[test]
    fn edits_past_the_end_are_refused_and_change_nothing() {
        let mut doc = Document::new("one\ntwo", 1);
        assert!(matches!(edit(&mut doc, (5, 0, 5, 1), "x"), Err(EditError::OutOfRange { .. })));
        assert!(matches!(edit(&mut doc, (1, 2, 0, 1), "x"), Err(EditError::Reversed(_))));
        assert_eq!(doc.text(), "one\ntwo");
    }

    #[test]
    fn a_character_past_the_line_end_means_the_line_end() {
        let mut doc = Document::new("one\ntwo", 1);
        edit(&mut doc, (0, 99, 0, 99), "!").unwrap();
        assert_eq!(doc.text(), "one!\ntwo");
    }

    #[test]
    fn cr_alone_breaks_a_line_as_in_lsp() {
        let mut doc = Document::new("a\rb", 1);
        edit(&mut doc, (1, 0, 1, 1), "c").unwrap();
        assert_eq!(doc.text(), "a\rc");
    }

    #[test]
    fn a_paragraph_is_the_run_of_non_blank_lines_around_a_line() {
        let doc = Document::new("# Title\n\nOne line,\nand its next.\n  \nLast\r\n", 1);
        assert_eq!(doc.paragraph_lines(3), 2..4);
        assert_eq!(doc.paragraph_lines(2), 2..4);
        assert_eq!(doc.paragraph_lines(0), 0..1);
        assert_eq!(doc.paragraph_lines(5), 5..6);
        // A blank line, or one past the end, is a paragraph of nothing.
        assert_eq!(doc.paragraph_lines(4), 4..4);
        assert_eq!(doc.paragraph_lines(40), 40..40);
    }
}
