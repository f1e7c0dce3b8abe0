//! `unsupported-figure`: the figure cites a source whose text has no figure that matches it.
//!
//! **Why.** A citation that does not say what the draft claims is worse than none: it tells the
//! reader the claim was checked.
//!
//! **Example.**
//!
//! ```markdown
//! El Salvador has about 6.3 million inhabitants [@newsvane-2025-04-16].
//! ```
//!
//! reports `6.3 million is not in newsvane-2025-04-16`. When another source of the workspace
//! supports the figure, the message names it and the fix `Cite KEY instead` replaces the key.
//!
//! **Fix.** When another source of the workspace supports the figure, cite it instead.

use crate::check::finding::{as_written, Edit, Finding, Fix};
use crate::check::matching::cited_keys;
use crate::check::rules::conflicting_figure::related;
use crate::check::Context;

pub const CODE: &str = "unsupported-figure";

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = cx.config.severity(CODE) else { return };
    for (i, figure) in cx.draft.figures.iter().enumerate() {
        let found = cx.matches.get(i).and_then(Option::as_ref);
        if !figure.kind.is_claim() || figure.period || figure.kind.is_date() || figure.is_lone_one() {
            continue;
        }
        // A source need not print what the draft computes from what it does print.
        if cx.is_derived(i) {
            continue;
        }
        // A fact of a cited source decided the figure, agreeing or not.
        if found.is_some_and(|m| m.cited) {
            continue;
        }
        let cited = cited_keys(cx, figure);
        if cited.is_empty() {
            continue;
        }
        let written = as_written(cx.text.get(figure.range.clone()).unwrap_or(""));
        let elsewhere = found.filter(|m| m.agrees).and_then(|m| cx.index.fact(m.fact));
        let mut finding = Finding {
            range: figure.range.clone(),
            severity,
            code: CODE,
            message: format!("{written} is not in {}", cited.join(", ")),
            source_key: cited.first().cloned(),
            related: Vec::new(),
            fixes: Vec::new(),
        };
        if let Some((dataset, fact)) = elsewhere {
            let key = &dataset.source.key;
            finding.message.push_str(&format!("; {key} supports it"));
            finding.related.push(related(dataset, fact));
            if let Some(at) = cited_key_range(cx, figure.range.start, &cited) {
                finding.fixes.push(Fix {
                    certain: false,
                    title: format!("Cite {key} instead"),
                    edits: vec![Edit { range: at, new_text: key.clone() }],
                });
            }
        }
        out.push(finding);
    }
}

/// Where the first cited key of the figure's sentence is written.
fn cited_key_range(cx: &Context, offset: usize, cited: &[String]) -> Option<std::ops::Range<usize>> {
    let s = cx.draft.sentence_at(offset)?;
    cx.draft.notes_in(s).flat_map(|n| &n.keys).find(|k| cited.contains(&k.key)).map(|k| k.range.clone())
}
