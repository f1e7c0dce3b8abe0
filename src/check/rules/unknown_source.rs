//! `unknown-source`: a note cites a key that no source or bibliography defines.
//!
//! **Why.** A citation that leads nowhere cannot be checked, and is often a typo for one that
//! can.
//!
//! **Example.**
//!
//! ```markdown
//! The homicide rate fell to 2.2 in 2023 [@newsvane-2025].
//! ```
//!
//! reports `no source has the key newsvane-2025; did you mean newsvane-2025-04-16?` with the fix
//! `Replace with newsvane-2025-04-16`. A note with an unknown key still counts as a note, so its
//! figures are not also reported as unsourced.
//!
//! **Fix.** Replace the key with the nearest known key, when one is close.

use crate::check::finding::{Edit, Finding, Fix};
use crate::check::Context;

pub const CODE: &str = "unknown-source";

/// Reports every cited key the library does not hold.
pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = cx.config.severity(CODE) else { return };
    for key in cx.draft.notes.iter().flat_map(|n| &n.keys) {
        if cx.library.contains(&key.key) {
            continue;
        }
        let nearest = cx.library.nearest_key(&key.key);
        let message = match nearest {
            Some(n) => format!("no source has the key {}; did you mean {n}?", key.key),
            None => format!("no source has the key {}", key.key),
        };
        out.push(Finding {
            range: key.range.clone(),
            severity,
            code: CODE,
            message,
            source_key: Some(key.key.clone()),
            related: Vec::new(),
            fixes: nearest
                .map(|n| Fix {
                    certain: false,
                    title: format!("Replace with {n}"),
                    edits: vec![Edit { range: key.range.clone(), new_text: n.to_string() }],
                })
                .into_iter()
                .collect(),
        });
    }
}
