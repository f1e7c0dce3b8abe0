//! One open draft's checking state: what its paragraphs gave last time, as findings and as
//! diagnostics, so that an edit converts and checks only the paragraphs it touched.

use std::collections::HashMap;
use std::sync::Arc;

use tower_lsp::lsp_types::Diagnostic;

use super::convert::{diagnostic, Locate};
use crate::check::incremental::{Cancelled, CheckedSegment};
use crate::check::{Checked, DraftCache};
use crate::text::segments::Segment;
use crate::text::{Encoding, LineIndex};
use crate::workspace::Workspace;

/// Checks a draft with the cache of its earlier checks; `None` when cancelled. Tests put in one
/// that fails on purpose.
pub type Checker = fn(&mut DraftCache, &str, &Workspace, &Cancelled<'_>) -> Option<Checked>;

/// The checker the server uses.
pub fn check_in_workspace(
    cache: &mut DraftCache,
    text: &str,
    ws: &Workspace,
    cancelled: &Cancelled<'_>,
) -> Option<Checked> {
    cache.check(text, &ws.against(), cancelled)
}

/// A draft's checks, kept between edits.
#[derive(Default)]
pub struct Session {
    cache: DraftCache,
    /// The diagnostics of each checked segment, by the segment's address, with the line the
    /// segment started on when they were made.
    diagnostics: HashMap<usize, (u32, Arc<Vec<Diagnostic>>)>,
    encoding: Option<Encoding>,
    /// The latest state checked, for requests that need no new check.
    pub latest: Option<Arc<Checked>>,
}

impl Session {
    /// Checks `text` and returns its diagnostics, or `None` if `cancelled` before the end.
    pub fn check(
        &mut self,
        text: &str,
        ws: &Workspace,
        encoding: Encoding,
        checker: Checker,
        cancelled: &Cancelled<'_>,
    ) -> Option<Vec<Diagnostic>> {
        if self.encoding != Some(encoding) {
            self.diagnostics.clear();
            self.encoding = Some(encoding);
        }
        let checked = checker(&mut self.cache, text, ws, cancelled)?;
        let mut whole: Option<LineIndex> = None;
        let locate = |r: &crate::check::Related| ws.locate(r);
        let mut kept = HashMap::with_capacity(checked.parts.len());
        let mut out = Vec::new();
        for (segment, part) in &checked.parts {
            let address = Arc::as_ptr(part) as usize;
            let (line, made) = match self.diagnostics.get(&address) {
                Some(d) => d.clone(),
                None => (segment.line, Arc::new(convert(text, segment, part, encoding, &locate))),
            };
            let delta = i64::from(segment.line) - i64::from(line);
            out.extend(made.iter().filter(|d| !silenced(&checked, d)).map(|d| shifted(d, delta)));
            // Findings in a footnote's definition move with it: placed anew every time.
            for f in part.findings.iter().filter(|f| part.reaches_definitions(f) && !checked.silences(f.code)) {
                let lines = whole.get_or_insert_with(|| LineIndex::new(text));
                out.push(diagnostic(text, lines, &checked.moved(segment, part, f), encoding, &locate));
            }
            kept.insert(address, (line, made));
        }
        self.diagnostics = kept;
        self.latest = Some(Arc::new(checked));
        Some(out)
    }
}

fn silenced(checked: &Checked, d: &Diagnostic) -> bool {
    match &d.code {
        Some(tower_lsp::lsp_types::NumberOrString::String(code)) => checked.silences(code),
        _ => false,
    }
}

/// The diagnostics of a segment just checked, but for findings that reach into a footnote's
/// definition. Positions are counted on the segment alone.
fn convert(
    text: &str,
    segment: &Segment,
    part: &CheckedSegment,
    encoding: Encoding,
    locate: Locate,
) -> Vec<Diagnostic> {
    let start = segment.range.start;
    let body = text.get(segment.range.clone()).unwrap_or("");
    let local = LineIndex::new(body);
    let back = |r: &std::ops::Range<usize>| r.start.saturating_sub(start)..r.end.saturating_sub(start);
    part.findings
        .iter()
        .filter(|f| !part.reaches_definitions(f))
        .map(|f| {
            let mut relative = f.clone();
            relative.range = back(&f.range);
            for e in relative.fixes.iter_mut().flat_map(|x| x.edits.iter_mut()) {
                e.range = back(&e.range);
            }
            shifted(&diagnostic(body, &local, &relative, encoding, locate), i64::from(segment.line))
        })
        .collect()
}

/// A diagnostic moved down by `delta` lines, with the edits of its fixes.
fn shifted(d: &Diagnostic, delta: i64) -> Diagnostic {
    let mut d = d.clone();
    if delta == 0 {
        return d;
    }
    let shift = |line: &mut u32| *line = u32::try_from(i64::from(*line) + delta).unwrap_or(0);
    shift(&mut d.range.start.line);
    shift(&mut d.range.end.line);
    if let Some(fixes) = d.data.as_mut().and_then(|v| v.as_array_mut()) {
        let edits = fixes.iter_mut().filter_map(|f| f.get_mut("edits")?.as_array_mut()).flatten();
        for end in edits.filter_map(|e| e.get_mut("range")?.as_object_mut()).flat_map(|r| r.values_mut()) {
            if let Some(line) = end.get_mut("line") {
                let moved = line.as_i64().map_or(0, |l| (l + delta).max(0));
                *line = serde_json::Value::from(moved);
            }
        }
    }
    d
}
