//! `conflicting-figure`: the figure speaks about a reference fact but its value disagrees.
//!
//! **Why.** A wrong number that looks sourced is the most damaging error a draft can carry.
//!
//! **Example.**
//!
//! ```markdown
//! Since the crackdown began in 2022, over 94,000 people have been detained [@newsvane-2025-04-16].
//! ```
//!
//! reports `94,000 conflicts with the reference: over 84,000 people detained (newsvane-2025-04-16,
//! line 21; match 0.87)`, with the fix `Replace with 84,000` (the draft's style is kept: `three`
//! becomes `two`, `17 tons` becomes `11 tons`). Years conflict like any figure: `launched in 2019`
//! when the reference says 2022.
//!
//! **Fix.** Replace the value with the reference value, in the draft's style.

use crate::check::finding::{as_written, Edit, Finding, Fix, Related};
use crate::check::matching::FigureMatch;
use crate::check::style::restyle;
use crate::check::Context;
use crate::reference::{Dataset, Fact};

pub const CODE: &str = "conflicting-figure";

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = cx.config.severity(CODE) else { return };
    for (figure, found) in cx.draft.figures.iter().zip(cx.matches) {
        let Some(m) = found.as_ref().filter(|m| !m.agrees) else { continue };
        let Some((dataset, fact)) = cx.index.fact(m.fact) else { continue };
        let written = cx.text.get(figure.range.clone()).unwrap_or("");
        let fixes = restyle(written, figure, fact)
            .filter(|new| new != written)
            .map(|new| Fix {
                certain: false,
                title: format!("Replace with {new}"),
                edits: vec![Edit { range: figure.range.clone(), new_text: new }],
            })
            .into_iter()
            .collect();
        out.push(Finding {
            range: figure.range.clone(),
            severity,
            code: CODE,
            message: format!("{} conflicts with the reference: {}", as_written(written), describe(dataset, fact, m)),
            source_key: Some(dataset.source.key.clone()),
            related: vec![related(dataset, fact)],
            fixes,
        });
    }
}

/// `over 84,000 people detained (newsvane-2025-04-16, line 21; match 0.87)`.
pub fn describe(dataset: &Dataset, fact: &Fact, m: &FigureMatch) -> String {
    format!("{} ({}, line {}; match {:.2})", fact_phrase(fact), dataset.source.key, fact.place.line + 1, m.confidence())
}

/// A fact as a phrase: hedge, value as the source writes it, subject and period.
pub fn fact_phrase(fact: &Fact) -> String {
    let mut parts = Vec::new();
    if let Some(h) = fact.hedge {
        parts.push(h.as_str().to_string());
    }
    parts.push(fact.text.clone());
    // What the fact counts, when that is more than a verb: `people detained`, not `2022 reshaped`.
    let counts = fact.subject.as_ref().filter(|s| !fact.kind.is_date() && (s.contains(' ') || !s.ends_with("ed")));
    if let Some(s) = counts {
        parts.push(s.clone());
    }
    if let Some(p) = &fact.period {
        parts.push(p.clone());
    }
    parts.join(" ")
}

pub fn related(dataset: &Dataset, fact: &Fact) -> Related {
    Related {
        source_key: dataset.source.key.clone(),
        fact_id: Some(fact.id.clone()),
        place: fact.place,
        message: format!("the reference: {}", fact_phrase(fact)),
        in_draft: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Hedge, Kind};
    use crate::reference::Place;

    fn fact(text: &str, kind: Kind, hedge: Option<Hedge>, subject: &str, period: Option<&str>) -> Fact {
        Fact {
            id: "f1".into(),
            text: text.into(),
            value: 0.0,
            high: None,
            kind,
            unit: None,
            implied_unit: None,
            step: 1.0,
            hedge,
            period: period.map(str::to_string),
            years: Vec::new(),
            subject: Some(subject.into()),
            entities: Vec::new(),
            terms: Vec::new(),
            segment: Vec::new(),
            place: Place::default(),
            retracted: false,
        }
    }

    #[test]
    fn a_fact_is_named_by_what_it_counts_not_by_a_lone_verb() {
        let held = fact("84,000", Kind::Number, Some(Hedge::Over), "people detained", Some("since 2022"));
        assert_eq!(fact_phrase(&held), "over 84,000 people detained since 2022");
        assert_eq!(fact_phrase(&fact("2022", Kind::Year, None, "reshaped", None)), "2022");
        assert_eq!(fact_phrase(&fact("8%", Kind::Percent, None, "handled", Some("in 2024"))), "8% in 2024");
    }
}
