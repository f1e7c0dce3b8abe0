//! Translations between stet's findings and LSP's diagnostics and code actions.

use serde::{Deserialize, Serialize};
use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeLens, Command, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Hover,
    HoverContents, Location, MarkupContent, MarkupKind, NumberOrString, Position, Range, TextEdit, Url, WorkspaceEdit,
};

use crate::check::{Finding, Severity, Tally};
use crate::reference::FileError;
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
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .filter_map(|r| {
            let (file, place) = locate(r)?;
            let uri = Url::from_file_path(file).ok()?;
            let range = Range::new(
                Position::new(place.line, place.character),
                Position::new(place.end_line, place.end_character),
            );
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
                .map(|e| TextEdit {
                    range: range(text, lines, e.range.clone(), encoding),
                    new_text: e.new_text.clone(),
                })
                .collect(),
            certain: fix.certain,
        })
        .collect();
    Diagnostic {
        range: range(text, lines, finding.range.clone(), encoding),
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

/// The paragraph holding `position`: the text's line index, where the paragraph starts, its text,
/// and the position's byte in it.
fn paragraph_at(text: &str, position: Position, encoding: Encoding) -> Option<(LineIndex, usize, &str, usize)> {
    let lines = LineIndex::new(text);
    let offset = lines.offset(text, crate::text::Position::new(position.line, position.character), encoding)?;
    let segment = crate::text::segments::segment_at(text, offset)?;
    let paragraph = text.get(segment.range.clone())?;
    let start = segment.range.start;
    Some((lines, start, paragraph, offset - start))
}

/// What `stet::check::hover` found at a place of the text, as an LSP hover: Markdown, with a link
/// to the place in the source when the workspace has its file. `tally`, the draft's last check,
/// tells how many of its figures a cited source supports.
pub fn hover_at(
    text: &str,
    position: Position,
    encoding: Encoding,
    ws: &crate::workspace::Workspace,
    tally: Option<&Tally>,
) -> Option<Hover> {
    let (lines, start, paragraph, offset) = paragraph_at(text, position, encoding)?;
    let info = crate::check::hover::hover(paragraph, offset, &ws.against(), &[])?;
    let mut markdown = format!("**{}**\n\n{}", info.title, info.lines.join("  \n"));
    if let (Some(key), Some(tally)) = (&info.key, tally) {
        let (n, all) = (tally.supported_by(key), tally.figures);
        let figures = if all == 1 { "figure" } else { "figures" };
        markdown.push_str(&format!("  \nSupports {n} of the draft's {all} {figures}"));
    }
    if let Some((file, place)) = info.source.as_ref().and_then(|r| ws.locate(r)) {
        if let Ok(mut uri) = Url::from_file_path(&file) {
            uri.set_fragment(Some(&format!("L{}", place.line + 1)));
            let key = info.source.as_ref().map_or("", |r| r.source_key.as_str());
            markdown.push_str(&format!("\n\n[{key}, line {}]({uri})", place.line + 1));
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: markdown }),
        range: Some(range(text, &lines, start + info.range.start..start + info.range.end, encoding)),
    })
}

/// Where go-to-definition leads from a place of the text: the place in a source file that
/// `stet::check::definition` names.
pub fn definition_at(
    text: &str,
    position: Position,
    encoding: Encoding,
    ws: &crate::workspace::Workspace,
) -> Option<Location> {
    let (_, _, paragraph, offset) = paragraph_at(text, position, encoding)?;
    let related = crate::check::definition::definition(paragraph, offset, &ws.against())?;
    let (file, place) = ws.locate_in(&related, encoding, &mut std::collections::BTreeMap::new())?;
    let range =
        Range::new(Position::new(place.line, place.character), Position::new(place.end_line, place.end_character));
    Some(Location { uri: Url::from_file_path(file).ok()?, range })
}

/// The lens on a draft's first line that sums up how its figures stand.
pub fn summary_lens(tally: &Tally) -> CodeLens {
    let title = format!(
        "stet: {} figures · {} verified · {} unsourced · {} conflicting",
        tally.figures, tally.verified, tally.unsourced, tally.conflicting
    );
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
