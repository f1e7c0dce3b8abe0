//! Translations between stet's findings and LSP's diagnostics and code actions.

use serde::{Deserialize, Serialize};
use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeLens, Command, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
    Location, NumberOrString, Position, Range, TextEdit, Url, WorkspaceEdit,
};

use crate::check::{Finding, Severity, Tally};
use crate::reference::{FileError, Place};
use crate::text::{Encoding, LineIndex};

/// The fixes carried in `Diagnostic.data`, so a code action needs no second check.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FixData {
    pub title: String,
    pub edits: Vec<TextEdit>,
    /// Whether the fix may be applied with others unread (see `check::Fix::certain`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub certain: bool,
}

pub fn range(text: &str, lines: &LineIndex, bytes: std::ops::Range<usize>, encoding: Encoding) -> Range {
    let (s, e) = lines.range(text, bytes, encoding);
    Range::new(Position::new(s.line, s.character), Position::new(e.line, e.character))
}

/// A place in a text as an LSP range.
pub fn place_range(place: &Place) -> Range {
    Range::new(Position::new(place.line, place.character), Position::new(place.end_line, place.end_character))
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// A related place of a finding, found on disk by the workspace.
pub type Locate<'a> = &'a dyn Fn(&crate::check::Related) -> Option<(std::path::PathBuf, crate::reference::Place)>;

/// A finding as a diagnostic, its fixes in `data`, the places in sources that explain it as
/// related information.
pub fn diagnostic(text: &str, lines: &LineIndex, finding: &Finding, encoding: Encoding, locate: Locate) -> Diagnostic {
    diagnostic_placed(finding, &|bytes| range(text, lines, bytes, encoding), locate)
}

/// [`diagnostic`], its ranges placed by `place`.
pub fn diagnostic_placed(
    finding: &Finding,
    place: &dyn Fn(std::ops::Range<usize>) -> Range,
    locate: Locate,
) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .filter_map(|r| {
            let (file, place) = locate(r)?;
            let uri = Url::from_file_path(file).ok()?;
            let range = place_range(&place);
            Some(DiagnosticRelatedInformation { location: Location { uri, range }, message: r.message.clone() })
        })
        .collect();
    let fixes: Vec<FixData> = finding
        .fixes
        .iter()
        .map(|fix| FixData {
            title: fix.title.clone(),
            edits: fix
                .edits
                .iter()
                .map(|e| TextEdit { range: place(e.range.clone()), new_text: e.new_text.clone() })
                .collect(),
            certain: fix.certain,
        })
        .collect();
    Diagnostic {
        range: place(finding.range.clone()),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.to_string())),
        source: Some("stet".into()),
        message: finding.message.clone(),
        data: (!fixes.is_empty()).then(|| serde_json::to_value(&fixes).unwrap_or_default()),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

/// A problem in a settings, source or bibliography file as a diagnostic on that file.
pub fn file_problem(error: &FileError) -> Diagnostic {
    let at = Position::new(error.line, error.column);
    Diagnostic {
        range: Range::new(at, Position::new(error.line, error.column + 1)),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("invalid-file".into())),
        source: Some("stet".into()),
        message: error.message.clone(),
        ..Diagnostic::default()
    }
}

/// An action that silences a finding where it stands: a `stet-ignore` comment for its rule on a
/// line of its own above the finding's line, the writer's judgement left in the draft.
pub fn ignore_action(uri: &Url, diagnostic: &Diagnostic) -> Option<CodeAction> {
    let Some(NumberOrString::String(code)) = &diagnostic.code else { return None };
    let line_start = Position::new(diagnostic.range.start.line, 0);
    let edit =
        TextEdit { range: Range::new(line_start, line_start), new_text: format!("<!-- stet-ignore {code} -->\n") };
    Some(CodeAction {
        title: format!("Ignore this {code} finding"),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some([(uri.clone(), vec![edit])].into_iter().collect()),
            ..Default::default()
        }),
        is_preferred: Some(false),
        ..CodeAction::default()
    })
}

/// The quick fixes a diagnostic carries.
pub fn quick_fixes(uri: &Url, diagnostic: &Diagnostic) -> Vec<CodeAction> {
    let Some(data) = &diagnostic.data else { return Vec::new() };
    let Ok(fixes) = serde_json::from_value::<Vec<FixData>>(data.clone()) else { return Vec::new() };
    fixes
        .into_iter()
        .enumerate()
        .map(|(i, fix)| CodeAction {
            title: fix.title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic.clone()]),
            edit: Some(WorkspaceEdit {
                changes: Some([(uri.clone(), fix.edits)].into_iter().collect()),
                ..Default::default()
            }),
            is_preferred: Some(i == 0),
            ..CodeAction::default()
        })
        .collect()
}

/// The lens on a draft's first line that sums up how its figures and quotations stand.
pub fn summary_lens(tally: &Tally) -> CodeLens {
    let derived = if tally.derived > 0 { format!(" ({} derived)", tally.derived) } else { String::new() };
    let miscalculated =
        if tally.miscalculated > 0 { format!(" · {} miscalculated", tally.miscalculated) } else { String::new() };
    let mut title = format!(
        "stet: {} figures · {} verified{derived} · {} unsourced · {} conflicting{miscalculated}",
        tally.figures, tally.verified, tally.unsourced, tally.conflicting
    );
    if tally.quotations > 0 {
        title.push_str(&format!(" · {} of {} quotes verified", tally.verified_quotations, tally.quotations));
    }
    let start = Position::new(0, 0);
    CodeLens {
        range: Range::new(start, start),
        // Nothing to run: the lens is there to be read.
        command: Some(Command { title, command: String::new(), arguments: None }),
        data: None,
    }
}

/// One action that applies the certain fix of every given diagnostic that has one: a citation of
/// the source whose fact matches the figure. `None` when no diagnostic has such a fix.
pub fn cite_certain<'a>(
    uri: &Url,
    diagnostics: impl Iterator<Item = &'a Diagnostic>,
    title: &str,
    kind: CodeActionKind,
) -> Option<CodeAction> {
    let mut edits: Vec<TextEdit> = Vec::new();
    for d in diagnostics.filter(|d| d.source.as_deref() == Some("stet")) {
        let Some(data) = &d.data else { continue };
        let Ok(fixes) = serde_json::from_value::<Vec<FixData>>(data.clone()) else { continue };
        for edit in fixes.into_iter().filter(|f| f.certain).take(1).flat_map(|f| f.edits) {
            // Two figures of one sentence cite the same source once.
            if !edits.contains(&edit) {
                edits.push(edit);
            }
        }
    }
    if edits.is_empty() {
        return None;
    }
    let n = edits.len();
    Some(CodeAction {
        title: format!("{title} ({n} citation{})", if n == 1 { "" } else { "s" }),
        kind: Some(kind),
        edit: Some(WorkspaceEdit { changes: Some([(uri.clone(), edits)].into_iter().collect()), ..Default::default() }),
        ..CodeAction::default()
    })
}
