//! `misquoted-text`: a quotation close to a source passage whose words differ.
//!
//! **Why.** After wrong numbers, misquotes are the corrections newsrooms print most: a word
//! changed in a quote puts words in someone's mouth.
//!
//! **Example.**
//!
//! ```markdown
//! "We will keep going until the bridge is open," Mayor Ana Ortega said [@riverton-ledger-2025-03-04].
//! ```
//!
//! reports `"keep going" — the source has "continue" (riverton-ledger-2025-03-04, line 9)` when
//! the source has `"We will continue until the bridge is open"`, with the passage as related
//! information. What does not change meaning is no difference: curly or straight quotes,
//! spacing, a capital at the start, punctuation moved inside or outside the marks, an ellipsis
//! (`...`, `…`, `[...]`) for left-out words and square brackets for a reporter's substitution
//! (`[the council]` for `we`). Words of two sentences run together without an ellipsis are a
//! difference too. The passage is looked for in the sources the sentence cites first, then in
//! the others.
//!
//! **Fix.** Replace the quoted words with the source's, when the difference is one stretch of
//! words.

use crate::check::finding::{Finding, Fix};
use crate::check::quoting::{QuotationReport, QuoteStatus};
use crate::check::Context;

pub const CODE: &str = "misquoted-text";

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = cx.config.severity(CODE) else { return };
    for q in cx.quotations.iter().filter(|q| q.status != QuoteStatus::Unsupported) {
        if let Some(finding) = misquoted(q) {
            out.push(Finding { severity, ..finding });
        }
    }
}

fn misquoted(q: &QuotationReport) -> Option<Finding> {
    let passage = q.passage.as_ref()?;
    let d = passage.difference.as_ref()?;
    let line = passage.place.place.line + 1;
    let key = &passage.source_key;
    let message = if d.joins {
        format!("\"{}\" joins two sentences of the source: \"{}\" ({key}, line {line})", d.written, d.source)
    } else if d.source.is_empty() {
        format!("\"{}\" is not in the source's words \"{}\" ({key}, line {line})", d.written, passage.text)
    } else {
        format!("\"{}\" — the source has \"{}\" ({key}, line {line})", d.written, d.source)
    };
    let fixes = d.edit.iter().map(|e| Fix {
        title: "Replace with the source's words".into(),
        edits: vec![e.clone()],
        certain: false,
    });
    let mut related = passage.place.clone();
    related.message = format!("the passage: \"{}\"", passage.text);
    Some(Finding {
        range: d.range.clone(),
        severity: crate::check::Severity::Error,
        code: CODE,
        message,
        source_key: Some(key.clone()),
        related: vec![related],
        fixes: fixes.collect(),
    })
}
