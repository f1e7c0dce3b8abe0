//! The registry of rules: one table drives configuration, `stet explain`, and the docs.

pub mod conflicting_figure;
pub mod conflicting_role;
pub mod misspelled_entity;
pub mod unknown_source;
pub mod unsourced_figure;
pub mod unsupported_figure;

use super::finding::Severity;

/// A rule stet can report.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub code: &'static str,
    pub default_severity: Severity,
    pub has_fix: bool,
    pub summary: &'static str,
}

/// Every rule, in the order of DESIGN.md.
pub const RULES: &[Rule] = &[
    Rule {
        code: unsourced_figure::CODE,
        default_severity: Severity::Warning,
        has_fix: true,
        summary: "a figure with no source note in its sentence (or paragraph)",
    },
    Rule {
        code: conflicting_figure::CODE,
        default_severity: Severity::Error,
        has_fix: true,
        summary: "a figure whose value contradicts the reference fact it speaks about",
    },
    Rule {
        code: unsupported_figure::CODE,
        default_severity: Severity::Warning,
        has_fix: true,
        summary: "a figure citing a source whose text has no figure that matches it",
    },
    Rule {
        code: unknown_source::CODE,
        default_severity: Severity::Error,
        has_fix: true,
        summary: "a note cites a key that no source or bibliography defines",
    },
    Rule {
        code: misspelled_entity::CODE,
        default_severity: Severity::Warning,
        has_fix: true,
        summary: "a near miss of a known entity's name",
    },
    Rule {
        code: conflicting_role::CODE,
        default_severity: Severity::Warning,
        has_fix: true,
        summary: "a known person or body given a title the reference contradicts",
    },
];

/// The documentation of a rule as its module writes it, in Markdown: why it matters, an
/// example, the fix.
pub fn documentation(code: &str) -> Option<String> {
    let source = match code {
        unsourced_figure::CODE => include_str!("unsourced_figure.rs"),
        conflicting_figure::CODE => include_str!("conflicting_figure.rs"),
        unsupported_figure::CODE => include_str!("unsupported_figure.rs"),
        unknown_source::CODE => include_str!("unknown_source.rs"),
        misspelled_entity::CODE => include_str!("misspelled_entity.rs"),
        conflicting_role::CODE => include_str!("conflicting_role.rs"),
        _ => return None,
    };
    let doc: Vec<&str> = source
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| l.trim_start_matches("//!").strip_prefix(' ').unwrap_or(l.trim_start_matches("//!")))
        .collect();
    Some(doc.join("\n"))
}

/// A rule's documentation as plain text, for a terminal.
pub fn explanation(code: &str) -> Option<String> {
    documentation(code).map(|doc| doc.replace("**", "").replace('`', "\""))
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}
