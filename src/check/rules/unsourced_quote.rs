//! `unsourced-quote`: a quotation with no note and no passage in any source.
//!
//! **Why.** Most quotes with no note are the reporter's own interviews, which no source can
//! hold; a desk that wants every quote traced can ask for them all.
//!
//! **Example.**
//!
//! ```markdown
//! "We were never told the bridge would close," said Lena Brandt, who runs a bakery on Mill Street.
//! ```
//!
//! reports `the quotation has no source note, and no source holds it` when `[check]
//! quotes_need_sources = true` (a warning) or when `[rules] unsourced-quote` names a severity.
//! By default it is off: the quote is the reporter's own reporting. A quote with no note that a source does
//! hold is checked like any other, and draws no finding when its words and speaker agree.
//!
//! **Fix.** Cite the source of the quote, or mark it as the reporter's own interview.

use crate::check::finding::Finding;
use crate::check::quoting::QuoteStatus;
use crate::check::Context;

pub const CODE: &str = "unsourced-quote";

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = cx.config.severity(CODE) else { return };
    for q in cx.quotations.iter().filter(|q| q.status == QuoteStatus::Unsourced) {
        out.push(Finding {
            range: q.quotation.range.clone(),
            severity,
            code: CODE,
            message: "the quotation has no source note, and no source holds it".into(),
            source_key: None,
            related: Vec::new(),
            fixes: Vec::new(),
        });
    }
}
