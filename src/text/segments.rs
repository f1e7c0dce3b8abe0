//! Cutting a draft into paragraphs that read the same alone as in the whole: the unit an edit
//! invalidates, so a keystroke re-reads one paragraph, not the draft.

use std::ops::Range;

/// A run of lines that Markdown reads the same on its own as inside the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Bytes of the draft, from the start of a line to the start of the next segment.
    pub range: Range<usize>,
    /// The line the segment starts on.
    pub line: u32,
}

/// A footnote definition (`[^label]: ...`) and the bytes it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteDefinition {
    pub label: String,
    pub range: Range<usize>,
}

/// The draft cut at blank lines, except where the cut would change how a line reads: inside
/// front matter, fenced code or an open HTML comment, and before an indented line (a list
/// item's continuation or indented code, which depend on what comes before).
pub fn split_segments(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut state = Open::default();
    let mut start = 0;
    let mut start_line = 0u32;
    let mut after_blank = false;
    let mut offset = 0;
    let mut number = 0u32;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        let free = state.is_closed();
        if after_blank && !blank && free && !content.starts_with([' ', '\t']) && offset > start {
            segments.push(Segment { range: start..offset, line: start_line });
            start = offset;
            start_line = number;
        }
        state.read(content, number);
        after_blank = blank && state.is_closed();
        offset += line.len();
        number = number.saturating_add(line_breaks(line));
    }
    if offset > start || segments.is_empty() {
        segments.push(Segment { range: start..text.len(), line: start_line });
    }
    segments
}

/// The line breaks in `line` as the editor counts them: `\n`, `\r\n` and a lone `\r`.
fn line_breaks(line: &str) -> u32 {
    let bytes = line.as_bytes();
    let lone_cr = bytes.iter().enumerate().filter(|(i, b)| **b == b'\r' && bytes.get(i + 1) != Some(&b'\n')).count();
    (lone_cr + usize::from(line.ends_with('\n'))) as u32
}

/// What a line leaves open for the lines after it.
#[derive(Default)]
struct Open {
    front_matter: bool,
    /// The fence that opened a code block: its character and length.
    fence: Option<(char, usize)>,
    comment: bool,
}

impl Open {
    fn is_closed(&self) -> bool {
        !self.front_matter && self.fence.is_none() && !self.comment
    }

    fn read(&mut self, line: &str, number: u32) {
        if number == 0 && line.trim_end() == "---" {
            self.front_matter = true;
            return;
        }
        if self.front_matter {
            self.front_matter = !matches!(line.trim_end(), "---" | "...");
            return;
        }
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if let Some((c, n)) = self.fence {
            let run = trimmed.chars().take_while(|x| *x == c).count();
            if indent < 4 && run >= n && trimmed[run * c.len_utf8()..].trim().is_empty() {
                self.fence = None;
            }
            return;
        }
        if indent < 4 {
            for c in ['`', '~'] {
                let run = trimmed.chars().take_while(|x| *x == c).count();
                if run >= 3 && !(c == '`' && trimmed[run..].contains('`')) {
                    self.fence = Some((c, run));
                    return;
                }
            }
        }
        // The last comment mark on the line decides: `<!-- a --> b <!--` leaves one open.
        let opened = line.rfind("<!--");
        let closed = line.rfind("-->");
        self.comment = match (opened, closed) {
            (Some(o), Some(c)) => o > c,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => self.comment,
        };
    }
}

/// The footnote definitions of `text`: each from its `[^label]:` line to the next definition
/// or the last line of its segment that is not blank.
pub fn footnote_definitions(text: &str, segments: &[Segment]) -> Vec<FootnoteDefinition> {
    let mut found = Vec::new();
    for segment in segments {
        let Some(body) = text.get(segment.range.clone()) else { continue };
        if !body.contains("[^") {
            continue;
        }
        let mut offset = segment.range.start;
        let mut open: Option<FootnoteDefinition> = None;
        for line in body.split_inclusive('\n') {
            if let Some(label) = definition_label(line) {
                found.extend(open.take());
                open = Some(FootnoteDefinition { label: label.to_string(), range: offset..offset });
            }
            offset += line.len();
            // Blank lines after a definition are not part of it: adding one changes nothing.
            if let Some(d) = open.as_mut().filter(|_| !line.trim().is_empty()) {
                d.range.end = offset;
            }
        }
        found.extend(open);
    }
    found
}

fn definition_label(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches(' ').strip_prefix("[^")?;
    let end = rest.find("]:")?;
    let label = &rest[..end];
    (!label.is_empty() && !label.contains([']', '[', '\n'])).then_some(label)
}

/// The footnote labels `text` refers to (`[^label]` not followed by `:`).
pub fn footnote_references(text: &str) -> Vec<&str> {
    let mut labels = Vec::new();
    let mut rest = text;
    let mut consumed = 0;
    while let Some(i) = rest.find("[^") {
        let after = &rest[i + 2..];
        let Some(end) = after.find(']') else { break };
        let label = &after[..end];
        let is_definition = after[end + 1..].starts_with(':');
        if !label.is_empty() && !label.contains(['[', '\n']) && !is_definition && !labels.contains(&label) {
            labels.push(label);
        }
        consumed += i + 2;
        rest = &text[consumed..];
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        split_segments(text).into_iter().map(|s| &text[s.range]).collect()
    }

    #[test]
    fn cuts_at_blank_lines_and_tiles_the_text() {
        let text = "# Title\n\nOne 5.\nStill one.\n\n\nTwo 6.\n";
        assert_eq!(cut(text), ["# Title\n\n", "One 5.\nStill one.\n\n\n", "Two 6.\n"]);
        let lines: Vec<u32> = split_segments(text).iter().map(|s| s.line).collect();
        assert_eq!(lines, [0, 2, 6]);
        assert_eq!(cut(""), [""]);
        assert_eq!(cut("no newline"), ["no newline"]);
        // Lines are counted as editors count them, a lone carriage return included.
        let lines: Vec<u32> = split_segments("A\rB\r\n\r\nC\n").iter().map(|s| s.line).collect();
        assert_eq!(lines, [0, 3]);
    }

    #[test]
    fn keeps_together_what_reads_differently_apart() {
        let fenced = "Text.\n\n```\ncode 5\n\nmore 6\n```\n\nAfter.\n";
        assert_eq!(cut(fenced), ["Text.\n\n", "```\ncode 5\n\nmore 6\n```\n\n", "After.\n"]);
        let front = "---\ntitle: a\n\nkey: b\n---\n\nBody.\n";
        assert_eq!(cut(front), ["---\ntitle: a\n\nkey: b\n---\n\n", "Body.\n"]);
        let comment = "A.\n\n<!-- a note\n\nstill the note -->\n\nB.\n";
        assert_eq!(cut(comment), ["A.\n\n", "<!-- a note\n\nstill the note -->\n\n", "B.\n"]);
        let list = "- item\n\n  more of the item\n\nNext.\n";
        assert_eq!(cut(list), ["- item\n\n  more of the item\n\n", "Next.\n"]);
    }

    #[test]
    fn finds_footnote_definitions_and_references() {
        let text = "A [^1] and [^b].\n\n[^1]: NewsVane, @nv.\n[^b]: Reuters.\n  continued\n\nEnd.\n";
        let segments = split_segments(text);
        let defs = footnote_definitions(text, &segments);
        let spans: Vec<(&str, &str)> = defs.iter().map(|d| (d.label.as_str(), &text[d.range.clone()])).collect();
        assert_eq!(spans, [("1", "[^1]: NewsVane, @nv.\n"), ("b", "[^b]: Reuters.\n  continued\n")]);
        assert_eq!(footnote_references(&text[segments[0].range.clone()]), ["1", "b"]);
        assert!(footnote_references("[^1]: a definition").is_empty());
    }
}
