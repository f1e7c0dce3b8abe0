//! `unsupported-quote`: the quotation's sentence cites a source that holds no such passage.
//!
//! **Why.** A citation tells the reader where the words can be found; when they cannot, the
//! quote may come from another story, or from memory.
//!
//! **Example.**
//!
//! ```markdown
//! "Riverton cannot wait another decade for a bridge," Ortega said [@riverton-ledger-2025-03-04].
//! ```
//!
//! reports `the quotation is not in riverton-ledger-2025-03-04`. When another source of the
//! workspace holds the passage, the message names it and the fix `Cite KEY instead` replaces
//! the key. Only cited sources with a text are looked in: a key known from a bibliography or
//! a curated dataset alone says nothing of the words. A quote with no note and no passage in any
//! source is the reporter's own reporting and draws no finding (see `unsourced-quote`).
//!
//! **Fix.** When another source of the workspace holds the passage, cite it instead.

use crate::check::finding::{Edit, Finding, Fix};
use crate::check::quoting::QuoteStatus;
use crate::check::Context;

pub const CODE: &str = "unsupported-quote";

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = cx.config.severity(CODE) else { return };
    for q in cx.quotations.iter().filter(|q| q.status == QuoteStatus::Unsupported) {
        let texted: Vec<&String> =
            q.cited.iter().filter(|k| cx.index.dataset(k).is_some_and(|d| d.text.get().is_some())).collect();
        let keys: Vec<&str> = texted.iter().map(|k| k.as_str()).collect();
        let mut finding = Finding {
            range: q.quotation.range.clone(),
            severity,
            code: CODE,
            message: format!("the quotation is not in {}", keys.join(", ")),
            source_key: keys.first().map(|k| k.to_string()),
            related: Vec::new(),
            fixes: Vec::new(),
        };
        if let Some(p) = q.passage.as_ref().filter(|p| p.difference.is_none()) {
            finding.message.push_str(&format!("; {} has it", p.source_key));
            finding.related.push(p.place.clone());
            if let Some(at) = &q.cited_at {
                finding.fixes.push(Fix {
                    title: format!("Cite {} instead", p.source_key),
                    edits: vec![Edit { range: at.clone(), new_text: p.source_key.clone() }],
                    certain: false,
                });
            }
        }
        out.push(finding);
    }
}
