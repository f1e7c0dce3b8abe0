//! Checking a draft: the rules, their settings, and the findings they make.

pub mod agreement;
pub mod config;
pub mod finding;
pub mod matching;
pub mod rules;
pub mod style;
pub mod suppress;

pub use config::{CheckConfig, Scope};
pub use finding::{Edit, Finding, Fix, Related, Severity};
pub use rules::{rule, Rule, RULES};

use crate::extract::{read_draft, Draft};
use crate::reference::{Index, Library};
use crate::text::{Encoding, LineIndex};
use suppress::Suppressions;

/// What every rule sees.
pub struct Context<'a> {
    pub text: &'a str,
    pub draft: &'a Draft,
    pub library: &'a Library,
    pub index: &'a Index,
    pub config: &'a CheckConfig,
    /// The fact each figure of the draft matched, by position in `draft.figures`.
    pub matches: &'a [Option<matching::FigureMatch>],
    /// The runs of name words in the draft, titles split off, for the names rules.
    pub names: &'a [crate::reference::entities::NameRun],
}

impl<'a> Context<'a> {
    /// A context for matching alone: no figure matched yet, no names read.
    pub fn new(
        text: &'a str,
        draft: &'a Draft,
        library: &'a Library,
        index: &'a Index,
        config: &'a CheckConfig,
    ) -> Self {
        Context { text, draft, library, index, config, matches: &[], names: &[] }
    }
}

/// Checks a draft's text against the sources; findings come sorted by position.
pub fn check_text(text: &str, library: &Library, index: &Index, config: &CheckConfig) -> Vec<Finding> {
    let draft = read_draft(text);
    check_draft(text, &draft, library, index, config)
}

/// Checks a draft already read.
pub fn check_draft(text: &str, draft: &Draft, library: &Library, index: &Index, config: &CheckConfig) -> Vec<Finding> {
    let unmatched = Context::new(text, draft, library, index, config);
    let matches = matching::match_figures(&unmatched);
    let names = name_runs_of(draft, index);
    let cx = Context { matches: &matches, names: &names, ..unmatched };
    let mut findings = Vec::new();
    rules::unsourced_figure::check(&cx, &mut findings);
    rules::conflicting_figure::check(&cx, &mut findings);
    rules::unsupported_figure::check(&cx, &mut findings);
    rules::unknown_source::check(&cx, &mut findings);
    rules::misspelled_entity::check(&cx, &mut findings);
    rules::conflicting_role::check(&cx, &mut findings);
    let lines = LineIndex::new(text);
    let suppressions = Suppressions::read(text, &draft.layout, &lines);
    findings.retain(|f| {
        let line = lines.position(text, f.range.start, Encoding::Utf8).line as usize;
        !suppressions.silences(f.code, line)
    });
    findings.sort_by(|a, b| (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code)));
    findings
}

/// The draft's runs of name words, read once for both names rules (none when no entity is known).
fn name_runs_of(draft: &Draft, index: &Index) -> Vec<crate::reference::entities::NameRun> {
    use crate::reference::entities::{name_runs, names_inside_sentences};
    if index.names().next().is_none() {
        return Vec::new();
    }
    let sentences: Vec<_> = draft.sentences.iter().map(|s| s.range.clone()).collect();
    let inside = names_inside_sentences(&draft.view, &sentences);
    sentences.iter().flat_map(|s| name_runs(&draft.view, s.clone(), &inside)).collect()
}
