//! The JSON form of findings shared by `stet check --format json` and the editor.

use std::path::Path;

use serde::Serialize;

use crate::check::Finding;
use crate::text::{Encoding, LineIndex, Position};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct JsonPosition {
    pub line: u32,
    pub character: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct JsonRange {
    pub start: JsonPosition,
    pub end: JsonPosition,
}

#[derive(Debug, Clone, Serialize)]
pub struct JsonEdit {
    pub path: String,
    pub range: JsonRange,
    pub new_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct JsonFix {
    pub title: String,
    pub edits: Vec<JsonEdit>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JsonRelated {
    pub path: String,
    pub range: JsonRange,
    pub message: String,
}

/// One finding as DESIGN.md fixes it: LSP positions, UTF-16 columns.
#[derive(Debug, Clone, Serialize)]
pub struct JsonFinding {
    pub path: String,
    pub range: JsonRange,
    pub severity: &'static str,
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_key: Option<String>,
    pub related: Vec<JsonRelated>,
    pub fixes: Vec<JsonFix>,
}

fn position(p: Position) -> JsonPosition {
    JsonPosition { line: p.line, character: p.character }
}

/// Converts a byte range of `text` to a JSON range.
pub fn json_range(text: &str, lines: &LineIndex, range: std::ops::Range<usize>) -> JsonRange {
    let (start, end) = lines.range(text, range, Encoding::Utf16);
    JsonRange { start: position(start), end: position(end) }
}

/// Converts a finding of the draft at `path`; `locate` finds the related places on disk.
pub fn json_finding(
    path: &Path,
    text: &str,
    lines: &LineIndex,
    finding: &Finding,
    locate: &dyn Fn(&crate::check::Related) -> Option<(std::path::PathBuf, crate::reference::Place)>,
) -> JsonFinding {
    let path_text = path.display().to_string();
    JsonFinding {
        path: path_text.clone(),
        range: json_range(text, lines, finding.range.clone()),
        severity: finding.severity.as_str(),
        code: finding.code,
        message: finding.message.clone(),
        source_key: finding.source_key.clone(),
        related: finding
            .related
            .iter()
            .filter_map(|r| {
                let (file, place) = locate(r)?;
                Some(JsonRelated {
                    path: display_path(&file),
                    range: JsonRange {
                        start: JsonPosition { line: place.line, character: place.character },
                        end: JsonPosition { line: place.end_line, character: place.end_character },
                    },
                    message: r.message.clone(),
                })
            })
            .collect(),
        fixes: finding
            .fixes
            .iter()
            .map(|fix| JsonFix {
                title: fix.title.clone(),
                edits: fix
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        path: path_text.clone(),
                        range: json_range(text, lines, e.range.clone()),
                        new_text: e.new_text.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A path as the user would write it: relative to the current folder when it lies below it.
pub fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok().and_then(|c| std::fs::canonicalize(c).ok());
    match cwd.as_deref().and_then(|c| path.strip_prefix(c).ok()) {
        Some(rel) => rel.display().to_string(),
        None => path.display().to_string(),
    }
}
