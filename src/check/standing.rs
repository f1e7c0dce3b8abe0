//! How a figure stands after a check, read one way for every view of it: the hover, the claims
//! report (`stet figures`) and the summary lens all ask here.

use super::finding::Finding;
use super::matching::FigureMatch;
use super::rules::{conflicting_figure, miscalculated_figure, unsourced_figure, unsupported_figure};
use crate::extract::Figure;

/// The one word a reader sees for a figure, most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Conflicting,
    /// Derived from other figures of the draft, and the arithmetic does not give it.
    Miscalculated,
    Unsupported,
    Unsourced,
    /// Agrees with a fact of the sources it cites (or, with no note needed, of the workspace).
    Verified,
    /// Derived from other figures of the draft, and the arithmetic gives it.
    Derived,
    /// Nothing in the reference speaks of it.
    NoReference,
}

impl Status {
    /// The word used in hovers and the claims report.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Conflicting => "conflicting",
            Status::Miscalculated => "miscalculated",
            Status::Unsupported => "unsupported",
            Status::Unsourced => "unsourced",
            Status::Verified => "matched",
            Status::Derived => "derived",
            Status::NoReference => "no reference",
        }
    }
}

/// Which of the figure rules report the figure, and the status they make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub status: Status,
    pub unsourced: bool,
    pub conflicting: bool,
    pub unsupported: bool,
    pub miscalculated: bool,
}

/// How `figure` stands, from its match, whether the draft derives it, and the findings of the
/// check it was part of.
pub fn standing(figure: &Figure, found: Option<&FigureMatch>, derived: bool, findings: &[Finding]) -> Standing {
    let on = |code: &str| findings.iter().any(|f| f.code == code && f.range == figure.range);
    let (unsourced, conflicting, unsupported) =
        (on(unsourced_figure::CODE), on(conflicting_figure::CODE), on(unsupported_figure::CODE));
    let miscalculated = on(miscalculated_figure::CODE);
    let status = if conflicting {
        Status::Conflicting
    } else if miscalculated {
        Status::Miscalculated
    } else if unsupported {
        Status::Unsupported
    } else if unsourced {
        Status::Unsourced
    } else if derived {
        Status::Derived
    } else if found.is_some_and(|m| m.agrees) {
        Status::Verified
    } else {
        Status::NoReference
    };
    Standing { status, unsourced, conflicting, unsupported, miscalculated }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Severity;
    use crate::extract::read_draft;

    fn finding(code: &'static str, range: std::ops::Range<usize>) -> Finding {
        let severity = Severity::Warning;
        Finding { range, severity, code, message: String::new(), source_key: None, related: vec![], fixes: vec![] }
    }

    #[test]
    fn the_most_serious_finding_names_the_status_and_every_rule_is_counted() {
        let draft = read_draft("Over 94,000 were held.\n");
        let figure = &draft.figures[0];
        let both =
            [finding("unsourced-figure", figure.range.clone()), finding("conflicting-figure", figure.range.clone())];
        let stands = standing(figure, None, false, &both);
        assert_eq!(stands.status, Status::Conflicting);
        assert!(stands.unsourced && stands.conflicting && !stands.unsupported);
        assert_eq!(standing(figure, None, false, &[]).status.as_str(), "no reference");
        let elsewhere = [finding("unsupported-figure", figure.range.clone())];
        assert_eq!(standing(figure, None, false, &elsewhere).status.as_str(), "unsupported");
    }
}
