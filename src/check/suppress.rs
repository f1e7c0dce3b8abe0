//! `stet-ignore` comments: silencing a finding the writer has judged.
//!
//! `<!-- stet-ignore unsourced-figure -->` silences those findings on the next line,
//! `<!-- stet-ignore -->` every finding there, and `<!-- stet-ignore-file [codes] -->` the whole
//! draft.

use crate::text::{Layout, LineIndex};

#[derive(Debug, Default)]
pub struct Suppressions {
    file: Vec<Option<Vec<String>>>,
    /// (line, codes or all).
    lines: Vec<(usize, Option<Vec<String>>)>,
}

impl Suppressions {
    pub fn read(text: &str, layout: &Layout, lines: &LineIndex) -> Self {
        let mut found = Self { file: Self::file_wide(layout), lines: Vec::new() };
        for comment in &layout.comments {
            let mut words = comment.body.split_whitespace();
            let directive = words.next().unwrap_or("");
            let codes: Vec<String> = words.map(|w| w.trim_matches(',').to_string()).filter(|w| !w.is_empty()).collect();
            let codes = (!codes.is_empty()).then_some(codes);
            if directive == "stet-ignore" {
                let end_line = lines.position(text, comment.range.end, crate::text::Encoding::Utf8).line as usize;
                found.lines.push((end_line + 1, codes));
            }
        }
        found
    }

    /// The `stet-ignore-file` directives of a text: each silences the codes it names, or all.
    pub fn file_wide(layout: &Layout) -> Vec<Option<Vec<String>>> {
        let mut found = Vec::new();
        for comment in &layout.comments {
            let mut words = comment.body.split_whitespace();
            if words.next() == Some("stet-ignore-file") {
                let codes: Vec<String> =
                    words.map(|w| w.trim_matches(',').to_string()).filter(|w| !w.is_empty()).collect();
                found.push((!codes.is_empty()).then_some(codes));
            }
        }
        found
    }

    /// Whether a finding of `code` on `line` is silenced.
    pub fn silences(&self, code: &str, line: usize) -> bool {
        let covers = |codes: &Option<Vec<String>>| codes.as_ref().is_none_or(|c| c.iter().any(|x| x == code));
        self.file.iter().any(covers) || self.lines.iter().any(|(l, codes)| *l == line && covers(codes))
    }
}
