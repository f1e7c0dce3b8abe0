//! `miscalculated-figure`: a figure the draft derives from its other figures, where recomputing it gives another value.
//!
//! **Why.** Many wrong numbers in print contradict no source: the reporter computed them. A
//! percentage change, a share or a total is checked by doing the sum again.
//!
//! **Example.**
//!
//! ```markdown
//! The homicide rate fell from 106 to 2.2 per 100,000 in eight years, a drop of 90 percent.
//! ```
//!
//! reports `90 percent does not follow: 106 to 2.2 per 100,000 is a fall of 97.9%`, with the fix
//! `Replace with 98 percent`. The forms read are a change (`from A to B, a drop of P%`, and
//! percentage points against percent: `from 4% to 6%` is 2 points, or 50%), a multiple
//! (`doubled`, `tripled`, `halved`, `a tenfold rise` with `from A to B`), a share (`X, or P% of
//! Y`, `one in five of the Y`, `a majority`, a part larger than its whole), a total (`A, B and
//! C, a total of N`) and a rate (`N per 100,000` of a count and a population). Each figure is
//! read as the values its rounding and hedge allow: `a drop of 98%` for 97.9% is right, as is
//! `nearly tripled` for 2.8 times. An input the sentence names but does not state is looked for
//! in the source it cites (`up 10% on the year before`: the same count a year earlier; `one in
//! six of all the jobs in the city`; a population for a rate) and then in the draft's earlier
//! paragraphs (`171 of the deaths, or 84%` after `killed 212 people`), and the message says where
//! it came from: `171 of 212 (paragraph 1) is 80.7%`. So is the other end of a change whose one
//! end the sentence states (`In 2015 the state gave $164 million, and its support has been cut
//! by 25% since then`; `38 fires, triple the number in 2023`): the same quantity at another
//! time, said with a word of the stated end's own. When an input is missing, or two
//! candidates differ, nothing is said; a figure the draft derives rightly is shown as derived,
//! and is never compared with a source's unrelated fact.
//!
//! **Fix.** Replace the figure with the recomputed value, as precise as the draft wrote it.

use crate::check::arithmetic::Derivation;
use crate::check::finding::{Edit, Finding, Fix};
use crate::check::{CheckConfig, Context, Severity};

pub const CODE: &str = "miscalculated-figure";

/// Reports the derived figures whose arithmetic does not give them.
pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = cx.config.severity(CODE) else { return };
    out.extend(cx.derivations.iter().filter(|d| !d.agrees).map(|d| finding(cx.text, d, severity)));
}

/// The findings of figures derived from inputs in other paragraphs (`derived` are placed in
/// `text`, the whole draft).
pub fn check_draft(text: &str, derived: &[Derivation], config: &CheckConfig) -> Vec<Finding> {
    let Some(severity) = config.severity(CODE) else { return Vec::new() };
    derived.iter().filter(|d| !d.agrees).map(|d| finding(text, d, severity)).collect()
}

fn finding(text: &str, d: &Derivation, severity: Severity) -> Finding {
    let written = crate::check::finding::as_written(text.get(d.range.clone()).unwrap_or(""));
    let fixes = d
        .replacement
        .iter()
        .map(|new| Fix {
            certain: false,
            title: format!("Replace with {new}"),
            edits: vec![Edit { range: d.range.clone(), new_text: new.clone() }],
        })
        .collect();
    Finding {
        range: d.range.clone(),
        severity,
        code: CODE,
        message: format!("{written} does not follow: {}", d.arithmetic),
        source_key: None,
        related: d.related.clone(),
        fixes,
    }
}
