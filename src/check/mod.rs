//! Checking a draft: the rules, their settings, and the findings they make.

pub(crate) mod agreement;
pub(crate) mod analysis;
pub(crate) mod arithmetic;
pub(crate) mod config;
pub(crate) mod elsewhere;
pub(crate) mod finding;
pub(crate) mod incremental;
pub mod matching;
pub(crate) mod quoting;
pub(crate) mod rules;
pub(crate) mod standing;
pub(crate) mod style;
pub(crate) mod suppress;

pub use analysis::{Analysis, FigureReport, Tally, Thing};
pub use config::{CheckConfig, Scope};
pub use finding::{Edit, Finding, Fix, Related, Severity};
pub use incremental::{Against, Cancelled, DraftCache};
pub use rules::{rule, Rule, RULES};
pub use standing::{Standing, Status};

use crate::extract::Draft;
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
    /// The sources the whole draft cites most, offered where a figure has no note.
    pub relied_on: &'a [String],
    /// The figures the draft derives from others, recomputed.
    pub derivations: &'a [arithmetic::Derivation],
    /// The draft's quotations, each with the passage found for it.
    pub quotations: &'a [quoting::QuotationReport],
}

impl Context<'_> {
    /// Whether figure `i` is one the draft derives from others it states: its truth is the
    /// arithmetic, not a fact of a source.
    pub fn is_derived(&self, i: usize) -> bool {
        arithmetic::derivation_of(self.derivations, i).is_some()
    }
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
        let none = (&[][..], &[][..]);
        Context {
            text,
            draft,
            library,
            index,
            config,
            matches: &[],
            names: &[],
            relied_on: &[],
            derivations: none.0,
            quotations: none.1,
        }
    }
}

/// Checks a draft's text against the sources, paragraph by paragraph, from scratch: the one
/// check [`DraftCache::check`] makes, with nothing to reuse.
pub fn analyse(text: &str, against: &Against) -> Analysis {
    DraftCache::default().check(text, against, &|| false).unwrap_or_default()
}

/// The findings of a text read as one piece, its figures matched already: what every rule
/// makes of it, less what ignore comments silence.
pub(crate) fn check_matched(
    text: &str,
    draft: &Draft,
    against: &Against,
    relied_on: &[String],
    (matches, derivations): (&[Option<matching::FigureMatch>], &[arithmetic::Derivation]),
    quotations: &[quoting::QuotationReport],
) -> Vec<Finding> {
    let Against { library, index, config, .. } = *against;
    let unmatched = Context::new(text, draft, library, index, config);
    let names = name_runs_of(draft, index);
    let cx = Context { matches, names: &names, relied_on, derivations, quotations, ..unmatched };
    let mut findings = Vec::new();
    for rule in RULES {
        (rule.check)(&cx, &mut findings);
    }
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
