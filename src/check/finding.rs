//! Findings: what a check reports, with the fixes it offers.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
}

/// One text edit of a fix, in the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub new_text: String,
}

/// A fix: a title in the imperative and the edits that make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    /// Whether the fix is sure to be right, so it may be applied with others unread (a citation
    /// of the source whose fact matches the figure with high confidence).
    pub certain: bool,
}

/// A place in a source that explains a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub source_key: String,
    /// The fact's id in its dataset, to find it where the source has no text.
    pub fact_id: Option<String>,
    /// Where in the source: line and UTF-16 characters, as the dataset records it.
    pub place: crate::reference::Place,
    pub message: String,
    /// A place in the draft itself instead (bytes), for findings about what the draft says
    /// elsewhere.
    pub in_draft: Option<Range<usize>>,
}

impl Related {
    /// The top of source `key`, for when nothing in it more precise is known.
    pub fn top_of(key: &str) -> Related {
        let top = crate::reference::Place { line: 0, character: 0, end_line: 0, end_character: 0 };
        Related { source_key: key.to_string(), fact_id: None, place: top, message: "the source".into(), in_draft: None }
    }
}

/// A problem found in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte range in the draft.
    pub range: Range<usize>,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub source_key: Option<String>,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
}

/// A figure as a message quotes it: on one line, however the draft wraps it.
pub fn as_written(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_figure_wrapped_over_two_lines_is_quoted_on_one() {
        assert_eq!(super::as_written("1.2\n  million"), "1.2 million");
        assert_eq!(super::as_written("$48.5\r\nmillion"), "$48.5 million");
    }
}
