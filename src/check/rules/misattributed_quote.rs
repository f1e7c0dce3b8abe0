//! `misattributed-quote`: the source gives the quoted words to another speaker.
//!
//! **Why.** Words given to the wrong person are a misquote twice over: one person is made to say
//! them and another loses them.
//!
//! **Example.**
//!
//! ```markdown
//! "The budget leaves no room for error," said council member Dana Whitfield [@riverton-ledger-2025-03-04].
//! ```
//!
//! reports `riverton-ledger-2025-03-04 gives these words to Marcus Bell, not Dana Whitfield`, with
//! the passage as related information. The speaker is read beside `said`, `says`, `told`,
//! `added`, `wrote` or `according to`, before the quote, after it or between its parts; `he`,
//! `she` or `they` stand for the person the sentence before names; a surname alone is compared
//! with the source's speaker by surname. A quote with no speaker named is not judged.
//!
//! **Fix.** Replace the speaker's name with the one the source gives.

use crate::check::finding::{Edit, Finding, Fix};
use crate::check::quoting::QuoteStatus;
use crate::check::Context;

pub const CODE: &str = "misattributed-quote";

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = cx.config.severity(CODE) else { return };
    for q in cx.quotations.iter().filter(|q| q.status != QuoteStatus::Unsupported && q.misattributed()) {
        let (Some(said), Some(passage)) = (&q.quotation.speaker, &q.passage) else { continue };
        let Some(source_speaker) = &passage.speaker else { continue };
        let key = &passage.source_key;
        // A surname is replaced by a surname, a full name or pronoun by the full name.
        let one_word = !said.pronoun && !said.name.contains(' ');
        let name =
            if one_word { source_speaker.split_whitespace().last().unwrap_or(source_speaker) } else { source_speaker };
        let mut related = passage.place.clone();
        related.message = format!("{source_speaker}: \"{}\"", passage.text);
        out.push(Finding {
            range: said.range.clone(),
            severity,
            code: CODE,
            message: format!("{key} gives these words to {source_speaker}, not {}", said.name),
            source_key: Some(key.clone()),
            related: vec![related],
            // A speaker carried on from the quote before is written there: renaming it would
            // give that quote away too.
            fixes: (!said.carried)
                .then(|| Fix {
                    title: format!("Replace with {name}"),
                    edits: vec![Edit { range: said.range.clone(), new_text: name.to_string() }],
                    certain: false,
                })
                .into_iter()
                .collect(),
        });
    }
}
