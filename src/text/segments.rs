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
    cut(text, 0, 0, |_, _| false).0
}

/// The segment of `text` that holds byte `offset` (the last one for the end of the text).
pub fn segment_at(text: &str, offset: usize) -> Option<Segment> {
    split_segments(text).into_iter().find(|s| s.range.contains(&offset) || s.range.end == offset)
}

/// The segments of `new`, from those of `old` that it was edited from: the segments before the
/// edit and after it are kept (moved), only those around it are cut again.
pub fn resplit(old: &str, segments: &[Segment], new: &str) -> Resplit {
    let prefix = common_prefix(old.as_bytes(), new.as_bytes());
    let room = old.len().min(new.len()) - prefix;
    let suffix = common_suffix(old.as_bytes(), new.as_bytes()).min(room);
    let (Some(last), true) = (segments.last(), old.len() != new.len() || prefix < old.len()) else {
        let kept = segments.len();
        return Resplit { segments: segments.to_vec(), fresh: kept..kept, replaced: kept..kept };
    };
    // A cut depends on the line after it, so the segment before the edited one is cut again too.
    let edited = segments.partition_point(|s| s.range.end <= prefix).min(segments.len() - 1);
    let first = edited.saturating_sub(1);
    let restart = segments.get(first).unwrap_or(last);
    let delta = new.len() as isize - old.len() as isize;
    let edited_end = new.len() - suffix;
    // Once a cut falls where an old segment starts, past the edit, the rest reads as before.
    let resume = |at: usize, _line: u32| {
        at >= edited_end && segments.binary_search_by_key(&at.wrapping_sub_signed(delta), |s| s.range.start).is_ok()
    };
    let (mut fresh, stopped) = cut(new, restart.range.start, restart.line, resume);
    let mut out = segments[..first].to_vec();
    let fresh_range = out.len()..out.len() + fresh.len();
    out.append(&mut fresh);
    let mut replaced_end = segments.len();
    if let Some((at, line)) = stopped {
        let old_at = at.wrapping_sub_signed(delta);
        let k = segments.partition_point(|s| s.range.start < old_at);
        let lines = i64::from(line) - segments.get(k).map_or(0, |s| i64::from(s.line));
        out.extend(segments[k..].iter().map(|s| Segment {
            range: s.range.start.wrapping_add_signed(delta)..s.range.end.wrapping_add_signed(delta),
            line: u32::try_from(i64::from(s.line) + lines).unwrap_or(0),
        }));
        replaced_end = k;
    }
    Resplit { segments: out, fresh: fresh_range, replaced: first..replaced_end }
}

/// How many bytes `a` and `b` share at the start; compared a block at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let mut same = 0;
    while same + BLOCK <= a.len().min(b.len()) && a[same..same + BLOCK] == b[same..same + BLOCK] {
        same += BLOCK;
    }
    same + a[same..].iter().zip(&b[same..]).take_while(|(x, y)| x == y).count()
}

/// How many bytes `a` and `b` share at the end.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let mut same = 0;
    while same + BLOCK <= a.len().min(b.len())
        && a[a.len() - same - BLOCK..a.len() - same] == b[b.len() - same - BLOCK..b.len() - same]
    {
        same += BLOCK;
    }
    same + a[..a.len() - same].iter().rev().zip(b[..b.len() - same].iter().rev()).take_while(|(x, y)| x == y).count()
}

/// The segments of an edited text, and which of them were cut anew.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resplit {
    pub segments: Vec<Segment>,
    /// The new segments cut anew, by index.
    pub fresh: Range<usize>,
    /// The old segments they replace, by index; the old ones after them follow, moved.
    pub replaced: Range<usize>,
}

/// Cuts `text` from byte `from` (a line start where nothing is open, on line `line`) into
/// segments, until `stop` accepts a cut: then returns the segments before it and where it is.
fn cut(
    text: &str,
    from: usize,
    line: u32,
    mut stop: impl FnMut(usize, u32) -> bool,
) -> (Vec<Segment>, Option<(usize, u32)>) {
    let mut segments = Vec::new();
    let mut state = Open::default();
    let mut start = from;
    let mut start_line = line;
    let mut after_blank = false;
    let mut offset = from;
    let mut number = line;
    for line in text.get(from..).unwrap_or("").split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        let free = state.is_closed();
        if after_blank && !blank && free && !content.starts_with([' ', '\t']) && offset > start {
            segments.push(Segment { range: start..offset, line: start_line });
            if stop(offset, number) {
                return (segments, Some((offset, number)));
            }
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
    (segments, None)
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
        let marks = |c: u8| line.as_bytes().contains(&c);
        if self.fence.is_none() && !self.comment && !trimmed.starts_with(['`', '~']) && !marks(b'<') {
            // Most lines open nothing: plain prose.
            return;
        }
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
        if !marks(b'<') && !marks(b'>') {
            return;
        }
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
    fn cutting_again_after_an_edit_equals_cutting_afresh() {
        let old = "# T\n\nOne 5.\n\nTwo 6.\n\n```\nx\n\ny\n```\n\nThree 7.\n\n- a\n\n  b\n\nFour.\n";
        let segments = split_segments(old);
        let edits: &[(usize, usize, &str)] = &[
            (8, 8, "x"),
            (8, 8, "\n\nNew.\n\n"),
            (20, 24, ""),
            (23, 23, "```\n"),
            (0, 0, "  "),
            (46, 47, ""),
            (old.len(), old.len(), "\nEnd."),
        ];
        for &(from, to, insert) in edits {
            let new = format!("{}{insert}{}", &old[..from], &old[to..]);
            let again = resplit(old, &segments, &new);
            assert_eq!(again.segments, split_segments(&new), "{new:?}");
            assert!(again.fresh.len() <= 4, "{new:?}: {:?}", again.fresh);
        }
        let same = resplit(old, &segments, old);
        assert_eq!((same.segments, same.fresh.len()), (segments, 0));
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
