//! Conversions between byte offsets and editor positions.
//!
//! Everything inside stet works on byte offsets into the UTF-8 text. Editors speak of
//! `(line, character)` pairs whose character unit depends on the negotiated encoding, and LSP
//! breaks lines at `\n`, `\r\n` and `\r` only. This module is the one place that translates.

use std::ops::Range;

/// The unit an editor counts characters in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 code units (bytes).
    Utf8,
    /// UTF-16 code units: the LSP default.
    #[default]
    Utf16,
}

/// A zero-based line and character, counted in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

impl Position {
    pub fn new(line: u32, character: u32) -> Self {
        Self { line, character }
    }
}

/// How far apart, in bytes, the checkpoints of a long line stand.
const STRIDE: usize = 256;

/// The byte offsets where each line of a text starts, and checkpoints inside long lines, so that
/// converting a place costs at most [`STRIDE`] bytes of counting however long its line is (a
/// source of one 1 MB line would otherwise cost a megabyte for every place in it).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// Every [`STRIDE`] bytes or so of a line: a byte offset on a character boundary, and the
    /// UTF-16 units between its line's start and it.
    marks: Vec<(usize, usize)>,
}

impl LineIndex {
    /// Indexes the line starts of `text`. Lines are found a word at a time and only a line
    /// longer than [`STRIDE`] has its characters counted, so a draft costs about a copy of it.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut marks = Vec::new();
        let mut start = 0;
        loop {
            let rest = bytes.get(start..).unwrap_or_default();
            let end = memchr::memchr2(b'\n', b'\r', rest).map(|at| start + at);
            mark_line(bytes, start..end.unwrap_or(bytes.len()), &mut marks);
            let Some(end) = end else { break };
            start = match bytes.get(end..end + 2) {
                Some(b"\r\n") => end + 2,
                _ => end + 1,
            };
            starts.push(start);
        }
        Self { starts, len: text.len(), marks }
    }

    /// Number of lines (a text ending in a line break has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte range of line `line` without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(line)?;
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        Some(start..end)
    }

    /// The checkpoints of the line spanning `range`.
    fn marks_in(&self, range: &Range<usize>) -> &[(usize, usize)] {
        let first = self.marks.partition_point(|m| m.0 < range.start);
        let last = self.marks.partition_point(|m| m.0 < range.end);
        self.marks.get(first..last).unwrap_or_default()
    }

    /// The position of byte `offset` (clamped to the text, and moved back to a char boundary).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let character = match encoding {
            Encoding::Utf8 => offset - start,
            Encoding::Utf16 => {
                let marks = self.marks_in(&(start..offset + 1));
                let (from, units) = marks.last().copied().unwrap_or((start, 0));
                units + text.get(from..offset).unwrap_or("").encode_utf16().count()
            }
        };
        Position::new(line as u32, character as u32)
    }

    /// The byte offset of `position`, or `None` when its line lies past the end of the text.
    ///
    /// A character past the end of its line means the end of the line, as the LSP specification
    /// asks; a position inside a UTF-16 surrogate pair or a multi-byte character moves to the
    /// start of that character.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> Option<usize> {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return None;
        }
        let range = self.line_range(text, line)?;
        let wanted = position.character as usize;
        let marks = self.marks_in(&range);
        let before = marks.partition_point(|m| m.1 <= wanted);
        let (from, mut units) = before.checked_sub(1).and_then(|i| marks.get(i)).copied().unwrap_or((range.start, 0));
        if encoding == Encoding::Utf8 {
            let mut at = range.start.saturating_add(wanted).min(range.end);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            return Some(at);
        }
        for (i, ch) in text.get(from..range.end)?.char_indices() {
            let width = ch.len_utf16();
            if units + width > wanted {
                return Some(from + i);
            }
            units += width;
        }
        Some(range.end)
    }

    /// Converts a byte range to a pair of positions.
    pub fn range(&self, text: &str, range: Range<usize>, encoding: Encoding) -> (Position, Position) {
        (self.position(text, range.start, encoding), self.position(text, range.end, encoding))
    }
}

/// Adds the checkpoints of the line `line` of `bytes` (without its break): at the first
/// character starting [`STRIDE`] bytes or more after the line's start or the last checkpoint,
/// with the UTF-16 units from the line's start.
fn mark_line(bytes: &[u8], line: Range<usize>, marks: &mut Vec<(usize, usize)>) {
    let (mut last, mut units) = (line.start, 0);
    if line.end.saturating_sub(last) > STRIDE && bytes.get(line.clone()).is_some_and(<[u8]>::is_ascii) {
        // Every byte a character of one unit: the checkpoints stand every STRIDE bytes.
        let at = (line.start + STRIDE..line.end).step_by(STRIDE);
        marks.extend(at.map(|at| (at, at - line.start)));
        return;
    }
    while line.end.saturating_sub(last) > STRIDE {
        let from = last + STRIDE;
        let within = bytes.get(from..line.end).unwrap_or_default();
        let Some(at) = within.iter().position(|&b| b & 0xC0 != 0x80).map(|i| from + i) else { break };
        units += utf16_units(bytes.get(last..at).unwrap_or_default());
        marks.push((at, units));
        last = at;
    }
}

/// The UTF-16 units of whole characters in `bytes`: one a character, two for one of four bytes.
fn utf16_units(bytes: &[u8]) -> usize {
    // Two counts the compiler turns into vector code: bytes that start a character (all but
    // 0x80..0xC0, which read as i8 are below -64) and those that start four-byte ones.
    let starts = bytes.iter().filter(|&&b| (b as i8) >= -64).count();
    starts + bytes.iter().filter(|&&b| b >= 0xF0).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str, encoding: Encoding) {
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            // Offsets inside a CRLF pair are not positions an editor can name.
            if offset > 0 && text.as_bytes()[offset - 1] == b'\r' && text.as_bytes().get(offset) == Some(&b'\n') {
                continue;
            }
            let pos = index.position(text, offset, encoding);
            assert_eq!(index.offset(text, pos, encoding), Some(offset), "{text:?} at {offset} -> {pos:?}");
        }
    }

    #[test]
    fn round_trips_accents_emoji_cjk_and_line_ends() {
        for text in
            ["René Francis Merino Monroy", "a😀b\nc", "Salvadoreños\r\n84,000 détenus\r\n", "数字 84\rnext", "", "\n\n"]
        {
            round_trip(text, Encoding::Utf16);
            round_trip(text, Encoding::Utf8);
        }
    }

    #[test]
    fn counts_utf16_units_after_an_emoji() {
        let text = "😀 84,000";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 5, Encoding::Utf16), Position::new(0, 3));
        assert_eq!(index.position(text, 5, Encoding::Utf8), Position::new(0, 5));
        assert_eq!(index.offset(text, Position::new(0, 3), Encoding::Utf16), Some(5));
    }

    #[test]
    fn breaks_lines_at_crlf_cr_and_lf_only() {
        let text = "a\r\nb\rc\nd\u{2028}e";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.position(text, text.len(), Encoding::Utf16), Position::new(3, 3));
    }

    #[test]
    fn clamps_characters_and_refuses_lines_past_the_end() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 99), Encoding::Utf16), Some(2));
        assert_eq!(index.offset(text, Position::new(2, 0), Encoding::Utf16), None);
    }

    #[test]
    fn long_lines_convert_through_their_checkpoints() {
        let line = "é😀a数".repeat(2000);
        let text = format!("x\n{line}\r\n{line}");
        let index = LineIndex::new(&text);
        for offset in (0..text.len()).step_by(97).filter(|&o| text.is_char_boundary(o)) {
            for encoding in [Encoding::Utf16, Encoding::Utf8] {
                let plain = {
                    let line = text[..offset].rfind(['\n']).map_or(0, |i| i + 1);
                    let prefix = &text[line..offset];
                    match encoding {
                        Encoding::Utf16 => prefix.encode_utf16().count(),
                        Encoding::Utf8 => prefix.len(),
                    }
                };
                let pos = index.position(&text, offset, encoding);
                assert_eq!(pos.character as usize, plain, "at {offset}");
                assert_eq!(index.offset(&text, pos, encoding), Some(offset), "at {offset}");
            }
        }
    }

    #[test]
    fn a_position_inside_a_surrogate_pair_moves_to_the_character_start() {
        let text = "x😀y";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 2), Encoding::Utf16), Some(1));
    }

    /// The line index as first written, a byte at a time: the one above must agree with it.
    fn plain_index(text: &str) -> (Vec<usize>, Vec<(usize, usize)>) {
        let bytes = text.as_bytes();
        let (mut starts, mut marks) = (vec![0], Vec::new());
        let (mut units, mut last, mut i) = (0, 0, 0);
        while let Some(&b) = bytes.get(i) {
            let next = match b {
                b'\n' => i + 1,
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => i + 2,
                b'\r' => i + 1,
                _ => {
                    let starts_char = b & 0xC0 != 0x80;
                    if starts_char && i - last >= STRIDE {
                        marks.push((i, units));
                        last = i;
                    }
                    units += usize::from(starts_char) + usize::from(b >= 0xF0);
                    i += 1;
                    continue;
                }
            };
            starts.push(next);
            (units, last, i) = (0, next, next);
        }
        (starts, marks)
    }

    #[test]
    fn lines_and_checkpoints_are_those_of_a_byte_by_byte_count() {
        let long = "é😀a数 ".repeat(300);
        let texts = [
            String::new(),
            "\r\n\r\r\n\n".into(),
            format!("{long}\r\n{long}\rshort\n{}", "x".repeat(STRIDE)),
            format!("{}\n{}", "y".repeat(STRIDE + 1), "😀".repeat(STRIDE)),
            "a".repeat(STRIDE * 3 + 7),
            "b".repeat(STRIDE * 2),
            format!("{}\n{}é", "c".repeat(STRIDE * 2 + 1), "d".repeat(STRIDE * 2)),
        ];
        for text in &texts {
            let index = LineIndex::new(text);
            assert_eq!((index.starts.clone(), index.marks.clone()), plain_index(text), "{text:?}");
        }
    }
}
