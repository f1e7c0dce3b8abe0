//! Checking a draft: the rules, their settings, and the findings they make.

pub mod config;
pub mod finding;
pub mod rules;
pub mod suppress;

pub use config::{CheckConfig, Scope};
pub use finding::{Edit, Finding, Fix, Related, Severity};
pub use rules::{rule, Rule, RULES};

use crate::extract::{read_draft, Draft};
use crate::reference::Library;
use crate::text::{Encoding, LineIndex};
use suppress::Suppressions;

/// What every rule sees.
pub struct Context<'a> {
    pub text: &'a str,
    pub draft: &'a Draft,
    pub library: &'a Library,
    pub config: &'a CheckConfig,
}

/// Checks a draft's text against the sources; findings come sorted by position.
pub fn check_text(text: &str, library: &Library, config: &CheckConfig) -> Vec<Finding> {
    let draft = read_draft(text);
    check_draft(text, &draft, library, config)
}

/// Checks a draft already read.
pub fn check_draft(text: &str, draft: &Draft, library: &Library, config: &CheckConfig) -> Vec<Finding> {
    let cx = Context { text, draft, library, config };
    let mut findings = Vec::new();
    rules::unsourced_figure::check(&cx, &mut findings);
    rules::unknown_source::check(&cx, &mut findings);
    let lines = LineIndex::new(text);
    let suppressions = Suppressions::read(text, &draft.layout, &lines);
    findings.retain(|f| {
        let line = lines.position(text, f.range.start, Encoding::Utf8).line as usize;
        !suppressions.silences(f.code, line)
    });
    findings.sort_by(|a, b| (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code)));
    findings
}
