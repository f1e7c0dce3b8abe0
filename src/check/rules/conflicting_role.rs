//! `conflicting-role`: a known person or body given a title the reference contradicts.
//!
//! **Why.** Titles are claims too: a minister who is called a secretary, or the wrong country's
//! minister, misleads as much as a wrong number.
//!
//! **Example.**
//!
//! ```markdown
//! Defense Minister Pete Hegseth called El Salvador a vital ally [@newsvane-2025-04-16].
//! ```
//!
//! reports `Pete Hegseth is U.S. Defense Secretary in the reference (newsvane-2025-04-16), not Defense
//! Minister`, with the fix `Replace with U.S. Defense Secretary`. `Defense Secretary Pete Hegseth`
//! agrees. Titles are read in sources and drafts before a name in any case (`chief economist Huw
//! Pill`), glued into it (`Marion County Treasurer Ana Ruiz`) and after it between commas (`Huw Pill,
//! the bank's chief economist,`), and compared by their head word (`defender` is not `midfielder`)
//! and rank (`Deputy Governor` is not `Governor`). A title the sources do not contradict, because
//! they give none, is no finding.
//!
//! **Fix.** Replace the title with the one the reference gives.

use crate::check::finding::{Edit, Finding, Fix};
use crate::check::Context;
use crate::reference::entities::office_words;
use crate::reference::titles::title_key;

pub const CODE: &str = "conflicting-role";

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = cx.config.severity(CODE) else { return };
    let names: Vec<(&str, crate::reference::EntityId)> = cx.index.names().collect();
    for run in cx.names {
        let Some((role, role_range)) = &run.role else { continue };
        // Every source's entity of that name: the title must agree with one of their roles.
        let same: Vec<_> =
            names.iter().filter(|(n, _)| *n == run.name).filter_map(|(_, id)| cx.index.entity(*id)).collect();
        let known_roles = || same.iter().flat_map(|(d, e)| e.roles.iter().map(move |r| (*d, *e, r)));
        if known_roles().next().is_none() || known_roles().any(|(_, _, known)| compatible(role, known)) {
            continue;
        }
        let Some((dataset, entity, known)) = known_roles().next() else { continue };
        out.push(Finding {
            range: role_range.clone(),
            severity,
            code: CODE,
            message: format!("{} is {known} in the reference ({}), not {role}", entity.name, dataset.source.key),
            source_key: Some(dataset.source.key.clone()),
            related: Vec::new(),
            fixes: vec![Fix {
                certain: false,
                title: format!("Replace with {known}"),
                edits: vec![Edit { range: role_range.clone(), new_text: known.clone() }],
            }],
        });
    }
}

/// Whether a draft's title can describe the same office as a known one: the same head word
/// (`Secretary`, `chief executive`), the same rank (a deputy's or not), and no other office
/// (`Defense` against `Foreign`) when both name one. A title with no head word (`Mr.`) agrees
/// with anything.
fn compatible(draft: &str, known: &str) -> bool {
    let (Some(dt), Some(kt)) = (title_key(draft), title_key(known)) else { return true };
    if dt != kt {
        return false;
    }
    let (doff, koff) = (office_words(draft), office_words(known));
    doff.is_empty() || koff.is_empty() || doff.iter().any(|w| koff.contains(w))
}

#[cfg(test)]
mod tests {
    use super::compatible;

    #[test]
    fn titles_compare_by_office() {
        assert!(compatible("Defense Secretary", "U.S. Defense Secretary"));
        assert!(compatible("Secretary", "U.S. Defense Secretary"));
        assert!(!compatible("Defense Minister", "U.S. Defense Secretary"));
        assert!(!compatible("Foreign Minister", "Salvadoran Defense Minister"));
        assert!(compatible("President", "President"));
        assert!(!compatible("Deputy Governor", "Governor"));
        assert!(!compatible("Chief Executive", "chief financial officer"));
        assert!(!compatible("defender", "West Ham midfielder"));
        assert!(compatible("CEO", "chief executive officer"));
        assert!(compatible("Dr.", "chief economist"));
    }
}
