//! One open draft's checking state: what its paragraphs gave last time, as findings and as
//! diagnostics, so that an edit converts and checks only the paragraphs it touched.

use std::ops::Range;
use std::sync::Arc;

use tower_lsp::lsp_types::Diagnostic;

use super::convert::{diagnostic, diagnostic_placed, place_range, Locate};
use crate::check::analysis::CheckedSegment;
use crate::check::incremental::{Cancelled, KeyMap};
use crate::check::{Analysis, DraftCache, Finding, Tally};
use crate::reference::Place;
use crate::text::segments::Segment;
use crate::text::{Encoding, LineIndex};
use crate::workspace::Workspace;

/// Checks a draft with the cache of its earlier checks; `None` when cancelled. Tests put in one
/// that fails on purpose.
pub type Checker = fn(&mut DraftCache, &str, &Workspace, &Cancelled<'_>) -> Option<Analysis>;

/// The checker the server uses.
pub fn check_in_workspace(
    cache: &mut DraftCache,
    text: &str,
    ws: &Workspace,
    cancelled: &Cancelled<'_>,
) -> Option<Analysis> {
    cache.check(text, &ws.against(), cancelled)
}

/// A draft's checks, kept between edits.
#[derive(Default)]
pub struct Session {
    cache: DraftCache,
    /// What each checked segment gave, by the key of its results (the hash of what they depend
    /// on): equal keys give equal diagnostics, moved to where the segment stands.
    made: KeyMap<Made>,
    /// The encoding and file-wide silences the diagnostics were made with.
    made_with: Option<(Encoding, Vec<bool>)>,
}

/// A segment's diagnostics, and the same as JSON, for the line the segment started on, with the
/// tally of its figures.
#[derive(Clone)]
struct Made {
    line: u32,
    /// How many diagnostics there are: kept here so that a keystroke's pass over the draft's
    /// segments reads nothing behind the `Arc`s of those it did not touch but their JSON.
    count: usize,
    diagnostics: Arc<Vec<Diagnostic>>,
    json: Arc<Vec<u8>>,
    /// Those of the diagnostics that carry a certain fix, if any do.
    certain: Option<Arc<Vec<Diagnostic>>>,
    tally: Arc<Tally>,
}

/// A draft's diagnostics, ready to publish: runs of them written as JSON (the pieces of the
/// array, without brackets), how many they hold, those with a certain fix (paragraph by
/// paragraph, for the action that applies them all), the analysis they were made from and how
/// its figures stand.
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub runs: Vec<Arc<Vec<u8>>>,
    pub count: usize,
    pub certain: Vec<Arc<Vec<Diagnostic>>>,
    pub analysis: Arc<Analysis>,
    pub tally: Tally,
}

impl Session {
    /// Checks `text` and returns its diagnostics, or `None` if `cancelled` before the end.
    /// Segments the edit left alone give their diagnostics as they were, as JSON already
    /// written unless they moved to another line.
    pub fn check(
        &mut self,
        text: &str,
        ws: &Workspace,
        encoding: Encoding,
        checker: Checker,
        (draft, cancelled): (Option<&std::path::Path>, &Cancelled<'_>),
    ) -> Option<Diagnostics> {
        let checked = checker(&mut self.cache, text, ws, cancelled)?;
        let silences: Vec<bool> = crate::check::RULES.iter().map(|r| checked.silences(r.code)).collect();
        if self.made_with.as_ref() != Some(&(encoding, silences.clone())) {
            self.made.clear();
            self.made_with = Some((encoding, silences));
        }
        let lines = DraftLines::new(text, checked.parts.iter().map(|(s, _)| s).collect());
        let texts = std::cell::RefCell::new(std::collections::BTreeMap::new());
        let locate = |r: &crate::check::Related| match &r.in_draft {
            Some(range) => Some((draft?.to_path_buf(), lines.place(range.clone(), encoding))),
            None => ws.locate_in(r, encoding, &mut texts.borrow_mut()),
        };
        let mut kept = KeyMap::with_capacity_and_hasher(checked.parts.len(), Default::default());
        let mut out = Diagnostics { runs: Vec::with_capacity(checked.parts.len()), ..Default::default() };
        for (segment, part) in &checked.parts {
            // Taken from the last check, not copied; a segment met twice (the same text twice)
            // finds the first one's in `kept`.
            let known = self.made.remove(&part.key).or_else(|| kept.get(&part.key).cloned());
            let made = match known {
                Some(m) if m.line == segment.line => m,
                Some(m) => moved(&m, segment.line, &checked),
                None => {
                    let diagnostics = convert(text, segment, part, encoding, &locate);
                    made(segment.line, diagnostics, Arc::new(part.tally()), &checked)
                }
            };
            append(&mut out, &made.json, made.count);
            out.tally.merge(&made.tally);
            if let Some(certain) = &made.certain {
                out.certain.push(certain.clone());
            }
            // Findings in a footnote's definition move with it: placed anew every time.
            for f in part.findings.iter().filter(|f| part.reaches_definitions(f) && !checked.silences(f.code)) {
                let d = lines.diagnostic(&checked.moved(segment, part, f), encoding, &locate);
                append(&mut out, &Arc::new(serde_json::to_vec(&d).unwrap_or_default()), 1);
                if has_certain_fix(&d) {
                    out.certain.push(Arc::new(vec![d]));
                }
            }
            kept.insert(part.key, made);
        }
        // Findings about the draft as a whole are made anew by every check.
        for f in checked.whole_draft_findings().iter().filter(|f| !checked.silences(f.code)) {
            let d = lines.diagnostic(f, encoding, &locate);
            append(&mut out, &Arc::new(serde_json::to_vec(&d).unwrap_or_default()), 1);
        }
        self.made = kept;
        out.analysis = Arc::new(checked);
        Some(out)
    }

    /// The analysis of `text`, brought up to date with the cache: only what changed since the
    /// last check is checked (for answers that cannot wait for the next one).
    pub fn analyse(&mut self, text: &str, ws: &Workspace, checker: Checker) -> Option<Arc<Analysis>> {
        checker(&mut self.cache, text, ws, &|| false).map(Arc::new)
    }
}

/// Adds a run of `count` diagnostics, written as JSON without brackets, to the array.
fn append(out: &mut Diagnostics, json: &Arc<Vec<u8>>, count: usize) {
    if json.is_empty() {
        return;
    }
    out.runs.push(json.clone());
    out.count += count;
}

/// A segment's diagnostics with the JSON that publishes them, leaving out silenced ones.
fn made(line: u32, diagnostics: Vec<Diagnostic>, tally: Arc<Tally>, checked: &Analysis) -> Made {
    let kept: Vec<Diagnostic> = diagnostics.into_iter().filter(|d| !silenced(checked, d)).collect();
    let mut json = Vec::new();
    for (i, d) in kept.iter().enumerate() {
        if i > 0 {
            json.push(b',');
        }
        // Serialising a diagnostic cannot fail: it holds strings, numbers and JSON values only.
        let _ = serde_json::to_writer(&mut json, d);
    }
    let certain: Vec<Diagnostic> = kept.iter().filter(|d| has_certain_fix(d)).cloned().collect();
    let certain = (!certain.is_empty()).then(|| Arc::new(certain));
    Made { line, count: kept.len(), diagnostics: Arc::new(kept), json: Arc::new(json), certain, tally }
}

/// Whether a diagnostic carries a fix that may be applied with others unread.
fn has_certain_fix(d: &Diagnostic) -> bool {
    let fixes = d.data.as_ref().and_then(|data| data.as_array());
    fixes.is_some_and(|fixes| fixes.iter().any(|f| f.get("certain") == Some(&serde_json::Value::Bool(true))))
}

/// A segment's diagnostics moved to the line it now starts on.
fn moved(m: &Made, line: u32, checked: &Analysis) -> Made {
    let delta = i64::from(line) - i64::from(m.line);
    let diagnostics = m.diagnostics.iter().map(|d| shifted(d, delta)).collect();
    made(line, diagnostics, m.tally.clone(), checked)
}

fn silenced(checked: &Analysis, d: &Diagnostic) -> bool {
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
    // The findings stand where the segment stood when it was checked: a segment of the same
    // text elsewhere in the draft (`three` twice) shares one check, made at the other's place.
    let start = part.start;
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

/// Places in a draft, converted through the segment that holds them: findings about the whole
/// draft are placed anew by every check, and a keystroke should not cost an index of the lines
/// of the whole text for them. A segment starts a line, so a place in it is its place in the
/// segment's text, moved down by the segment's first line.
struct DraftLines<'a> {
    text: &'a str,
    segments: Vec<&'a Segment>,
    /// The lines of the whole text, for places no one segment holds.
    whole: std::cell::OnceCell<LineIndex>,
}

impl<'a> DraftLines<'a> {
    fn new(text: &'a str, segments: Vec<&'a Segment>) -> Self {
        DraftLines { text, segments, whole: Default::default() }
    }

    /// The segment that holds `range`, with its text.
    fn holding(&self, range: &Range<usize>) -> Option<(&Segment, &'a str)> {
        let i = self.segments.partition_point(|s| s.range.start <= range.start).checked_sub(1)?;
        let segment = *self.segments.get(i)?;
        (range.start <= range.end && range.end <= segment.range.end).then_some(())?;
        Some((segment, self.text.get(segment.range.clone())?))
    }

    /// The place of bytes `range` of the draft.
    fn place(&self, range: Range<usize>, encoding: Encoding) -> Place {
        let Some((segment, body)) = self.holding(&range) else {
            let whole = self.whole.get_or_init(|| LineIndex::new(self.text));
            return Place::spanning(self.text, whole, range, encoding);
        };
        let start = segment.range.start;
        let local = Place::spanning(body, &LineIndex::new(body), range.start - start..range.end - start, encoding);
        let down = |line: u32| line.saturating_add(segment.line);
        Place { line: down(local.line), end_line: down(local.end_line), ..local }
    }

    /// A finding placed in the draft, as a diagnostic.
    fn diagnostic(&self, finding: &Finding, encoding: Encoding, locate: Locate) -> Diagnostic {
        diagnostic_placed(finding, &|bytes| place_range(&self.place(bytes, encoding)), locate)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Edit, Fix, Related, Severity};
    use crate::text::segments::split_segments;

    fn finding(range: Range<usize>, edits: &[Range<usize>], in_draft: Range<usize>) -> Finding {
        let edits = edits.iter().map(|r| Edit { range: r.clone(), new_text: "x".into() }).collect();
        let top = Place { line: 0, character: 0, end_line: 0, end_character: 0 };
        Finding {
            range,
            severity: Severity::Warning,
            code: "inconsistent-figure",
            message: String::new(),
            source_key: None,
            related: vec![Related {
                source_key: String::new(),
                fact_id: None,
                place: top,
                message: String::new(),
                in_draft: Some(in_draft),
            }],
            fixes: vec![Fix { title: "Fix".into(), edits, certain: false }],
        }
    }

    #[test]
    fn places_through_a_paragraph_are_those_through_the_whole_text() {
        let text =
            "# Title\r\n\r\nRené 😀 says 84,000 are held.\nStill 84,000.\n\n数字 94,000 here,\r\nand more.\n\nLast 7";
        let segments = split_segments(text);
        assert!(segments.len() >= 3, "{segments:?}");
        let lines = DraftLines::new(text, segments.iter().collect());
        let whole = LineIndex::new(text);
        let draft = std::path::PathBuf::from("/w/d.md");
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).step_by(3).collect();
        for (i, &a) in bounds.iter().enumerate() {
            let b = bounds.get(i + 2).copied().unwrap_or(text.len());
            let c = bounds.get(bounds.len() - 1 - i).copied().unwrap_or(0);
            let f = finding(a..b, &[a..a, c..text.len()], c.min(b)..c.max(b));
            for encoding in [Encoding::Utf16, Encoding::Utf8] {
                let spanning = |r: &crate::check::Related| {
                    Some((draft.clone(), Place::spanning(text, &whole, r.in_draft.clone()?, encoding)))
                };
                let placed =
                    |r: &crate::check::Related| Some((draft.clone(), lines.place(r.in_draft.clone()?, encoding)));
                let wanted = diagnostic(text, &whole, &f, encoding, &spanning);
                assert_eq!(lines.diagnostic(&f, encoding, &placed), wanted, "{:?}", f.range);
            }
        }
    }
}
