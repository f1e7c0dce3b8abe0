//! The settings the checks follow, resolved from `stet.toml` and the editor.

use std::collections::BTreeMap;

use super::finding::Severity;
use super::rules::rule;

/// What a source note covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    Sentence,
    Paragraph,
}

/// Resolved check settings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckConfig {
    pub scope: Scope,
    pub dates_need_sources: bool,
    /// Whether a quotation with no note and no passage in any source is reported
    /// (`unsourced-quote`).
    pub quotes_need_sources: bool,
    /// Per-rule severity overrides; `None` turns a rule off.
    pub severities: BTreeMap<String, Option<Severity>>,
}

impl CheckConfig {
    /// Whether a setting turns on a rule that is off by default.
    fn asks_for(&self, code: &str) -> bool {
        code == super::rules::unsourced_quote::CODE && self.quotes_need_sources
    }

    /// The severity a finding of `code` is reported with, or `None` when the rule is off.
    pub fn severity(&self, code: &str) -> Option<Severity> {
        match self.severities.get(code) {
            Some(level) => *level,
            None => rule(code).filter(|r| r.on_by_default() || self.asks_for(code)).map(|r| r.default_severity),
        }
    }
}
