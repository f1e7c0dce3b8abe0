//! `conflicting-role`: a known person or body given a title the reference contradicts.
//!
//! **Why.** Titles are claims too: a minister who is called a secretary, or the wrong country's
//! minister, misleads as much as a wrong number.
//!
//! **Example.** With Pete Hegseth as U.S. Defense Secretary in the reference,
//! `Defense Minister Pete Hegseth` is reported; `Defense Secretary Pete Hegseth` is not.
//!
//! **Fix.** Replace the title with the one the reference gives.

use crate::check::finding::{Edit, Finding, Fix};
use crate::check::Context;
use crate::reference::entities::{office_words, title_words};

pub const CODE: &str = "conflicting-role";

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = cx.config.severity(CODE) else { return };
    let names: Vec<(&str, crate::reference::EntityId)> = cx.index.names().collect();
    for run in cx.names {
        let Some((role, role_range)) = &run.role else { continue };
        let Some((_, id)) = names.iter().find(|(n, _)| *n == run.name) else { continue };
        let Some((dataset, entity)) = cx.index.entity(*id) else { continue };
        if entity.roles.is_empty() || entity.roles.iter().any(|known| compatible(role, known)) {
            continue;
        }
        let known = &entity.roles[0];
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

/// Whether a draft's title can describe the same office as a known one: the same title word
/// (`Secretary`), and no other office (`Defense` against `Foreign`) when both name one.
fn compatible(draft: &str, known: &str) -> bool {
    let (dt, kt) = (title_words(draft), title_words(known));
    if dt.is_empty() || kt.is_empty() {
        return true;
    }
    if !dt.iter().any(|t| kt.contains(t)) {
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
    }
}
