//! The registry of rules: one table drives configuration, `stet explain`, and the docs.

pub(crate) mod conflicting_figure;
pub(crate) mod conflicting_role;
pub(crate) mod inconsistent_figure;
pub(crate) mod misattributed_quote;
pub(crate) mod miscalculated_figure;
pub(crate) mod misquoted_text;
pub(crate) mod misspelled_entity;
pub(crate) mod unknown_source;
pub(crate) mod unsourced_figure;
pub(crate) mod unsourced_quote;
pub(crate) mod unsupported_figure;
pub(crate) mod unsupported_quote;

use super::finding::{Finding, Severity};
use super::Context;

/// A rule stet can report: its code, default severity and one-line summary, what runs it, and
/// its documentation (the `//!` comment at the head of its module, in Markdown).
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub code: &'static str,
    pub default_severity: Severity,
    pub check: fn(&Context, &mut Vec<Finding>),
    source: &'static str,
}

/// Rules that run only when a setting asks for them: a quote with no note is most often the
/// reporter's own interview.
const OFF_BY_DEFAULT: &[&str] = &[unsourced_quote::CODE];

impl Rule {
    /// Whether the rule runs unless a setting turns it off.
    pub fn on_by_default(&self) -> bool {
        !OFF_BY_DEFAULT.contains(&self.code)
    }

    /// The default level as the docs and editors show it: the severity, or `off`.
    pub fn default_level(&self) -> &'static str {
        if self.on_by_default() {
            self.default_severity.as_str()
        } else {
            "off"
        }
    }

    /// The rule's documentation as its module writes it, in Markdown: why it matters, an
    /// example, the fix.
    pub fn documentation(&self) -> String {
        let doc: Vec<&str> = self
            .source
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| l.trim_start_matches("//!").strip_prefix(' ').unwrap_or(l.trim_start_matches("//!")))
            .collect();
        doc.join("\n")
    }

    /// What the rule reports, in a line: the first line of its documentation, after its code.
    pub fn summary(&self) -> &'static str {
        let first = self.source.lines().next().unwrap_or("");
        let line = first.trim_start_matches("//!").trim();
        line.split_once(": ").map_or(line, |(_, summary)| summary).trim_end_matches('.')
    }

    /// What the rule's fix does, in a line: the first sentence of its documentation's **Fix.**
    /// paragraph.
    pub fn fix(&self) -> String {
        let doc = self.documentation();
        let fix = doc.split("\n\n").find_map(|p| p.strip_prefix("**Fix.** ")).unwrap_or("");
        let sentence = fix.split(". ").next().unwrap_or("").replace('\n', " ");
        sentence.trim_end_matches('.').to_string()
    }
}

/// Every rule, in the order of DESIGN.md: the rules that run, `stet explain`, SARIF's rule
/// metadata and the editor settings all read this one table. A new rule is a module and a line.
pub const RULES: &[Rule] = &[
    Rule {
        code: unsourced_figure::CODE,
        default_severity: Severity::Warning,
        check: unsourced_figure::check,
        source: include_str!("unsourced_figure.rs"),
    },
    Rule {
        code: conflicting_figure::CODE,
        default_severity: Severity::Error,
        check: conflicting_figure::check,
        source: include_str!("conflicting_figure.rs"),
    },
    Rule {
        code: unsupported_figure::CODE,
        default_severity: Severity::Warning,
        check: unsupported_figure::check,
        source: include_str!("unsupported_figure.rs"),
    },
    Rule {
        code: unknown_source::CODE,
        default_severity: Severity::Error,
        check: unknown_source::check,
        source: include_str!("unknown_source.rs"),
    },
    Rule {
        code: misspelled_entity::CODE,
        default_severity: Severity::Warning,
        check: misspelled_entity::check,
        source: include_str!("misspelled_entity.rs"),
    },
    Rule {
        code: conflicting_role::CODE,
        default_severity: Severity::Warning,
        check: conflicting_role::check,
        source: include_str!("conflicting_role.rs"),
    },
    Rule {
        code: miscalculated_figure::CODE,
        default_severity: Severity::Error,
        check: miscalculated_figure::check,
        source: include_str!("miscalculated_figure.rs"),
    },
    Rule {
        code: inconsistent_figure::CODE,
        default_severity: Severity::Warning,
        check: inconsistent_figure::check,
        source: include_str!("inconsistent_figure.rs"),
    },
    Rule {
        code: misquoted_text::CODE,
        default_severity: Severity::Error,
        check: misquoted_text::check,
        source: include_str!("misquoted_text.rs"),
    },
    Rule {
        code: misattributed_quote::CODE,
        default_severity: Severity::Error,
        check: misattributed_quote::check,
        source: include_str!("misattributed_quote.rs"),
    },
    Rule {
        code: unsupported_quote::CODE,
        default_severity: Severity::Warning,
        check: unsupported_quote::check,
        source: include_str!("unsupported_quote.rs"),
    },
    Rule {
        code: unsourced_quote::CODE,
        default_severity: Severity::Warning,
        check: unsourced_quote::check,
        source: include_str!("unsourced_quote.rs"),
    },
];

/// The documentation of a rule as its module writes it, in Markdown.
pub fn documentation(code: &str) -> Option<String> {
    rule(code).map(Rule::documentation)
}

/// A rule's documentation as plain text, for a terminal: examples indented, marks of emphasis
/// dropped and code in quotes.
pub fn explanation(code: &str) -> Option<String> {
    let doc = documentation(code)?;
    let mut out = Vec::new();
    let mut in_example = false;
    for line in doc.lines() {
        if line.starts_with("```") {
            in_example = !in_example;
        } else if in_example {
            out.push(format!("    {line}"));
        } else {
            out.push(line.replace("**", "").replace('`', "\""));
        }
    }
    Some(out.join("\n"))
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}
