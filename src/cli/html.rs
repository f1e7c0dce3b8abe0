//! The page `stet report` writes: one self-contained HTML file (its style and script inline, no
//! network), a summary table at the top, then each draft with its claims marked in the text and
//! listed beside it. A claim's standing is said in words and a symbol as well as a colour; the
//! marks are links to their entries and back, so a keyboard reaches everything; the filter works
//! with the script and everything shows without it.

use std::fmt::Write as _;

use super::json::JsonFinding;
use super::report::{Claim, DraftReport, Verdict};

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// Text made safe to stand in HTML, in elements and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The symbol that says a verdict without colour.
fn symbol(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conflicting => "✗",
        Verdict::Unsupported => "!",
        Verdict::Unsourced => "?",
        Verdict::NotChecked => "–",
        Verdict::Verified => "✓",
    }
}

/// The whole page for `drafts`.
pub fn page(drafts: &[DraftReport]) -> String {
    let mut out = String::new();
    let title = match drafts {
        [one] => format!("stet report: {}", one.path),
        _ => format!("stet report: {} drafts", drafts.len()),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"stet {}\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );
    let _ = write!(out, "<header>\n<h1>{}</h1>\n", escape(&title));
    out.push_str(&legend());
    out.push_str(&summary(drafts));
    out.push_str(&rules_table(drafts));
    out.push_str(&filter(drafts));
    out.push_str("</header>\n<main id=\"claims\">\n");
    for (d, draft) in drafts.iter().enumerate() {
        out.push_str(&draft_section(d, draft));
    }
    let _ = write!(out, "</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

fn legend() -> String {
    let items: Vec<String> = Verdict::ALL
        .iter()
        .map(|&v| {
            format!(
                "<li><span class=\"badge v-{}\"><span aria-hidden=\"true\">{}</span> {}</span> {}</li>",
                v.slug(),
                symbol(v),
                v.as_str(),
                match v {
                    Verdict::Conflicting => "a source, or the draft's own arithmetic, says otherwise",
                    Verdict::Unsupported => "the cited source does not say it",
                    Verdict::Unsourced => "no source note covers it",
                    Verdict::NotChecked => "nothing in the sources speaks of it",
                    Verdict::Verified => "a cited source says it, or the draft computes it rightly",
                }
            )
        })
        .collect();
    format!("<ul class=\"legend\" aria-label=\"What the marks mean\">\n{}\n</ul>\n", items.join("\n"))
}

/// Claims per verdict and findings per draft, with a total row when there are several drafts.
fn summary(drafts: &[DraftReport]) -> String {
    let mut out = String::from(
        "<table class=\"summary\" id=\"summary\">\n<caption>Claims by standing, per draft</caption>\n<thead><tr><th scope=\"col\">Draft</th><th scope=\"col\">Claims</th>",
    );
    for v in Verdict::ALL {
        let _ = write!(out, "<th scope=\"col\"><span aria-hidden=\"true\">{}</span> {}</th>", symbol(v), v.as_str());
    }
    out.push_str("<th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n");
    for (d, draft) in drafts.iter().enumerate() {
        let _ = write!(
            out,
            "<tr data-draft=\"{}\"><th scope=\"row\"><a href=\"#d{d}\">{}</a></th><td data-claims>{}</td>",
            escape(&draft.path),
            escape(&draft.path),
            draft.claims.len()
        );
        for v in Verdict::ALL {
            let _ = write!(out, "<td data-verdict=\"{}\">{}</td>", v.slug(), draft.count(v));
        }
        let _ = writeln!(out, "<td data-findings>{}</td></tr>", draft.findings.len());
    }
    if drafts.len() > 1 {
        let claims: usize = drafts.iter().map(|d| d.claims.len()).sum();
        let _ = write!(out, "<tr class=\"total\"><th scope=\"row\">All drafts</th><td>{claims}</td>");
        for v in Verdict::ALL {
            let _ = write!(out, "<td>{}</td>", drafts.iter().map(|d| d.count(v)).sum::<usize>());
        }
        let _ = writeln!(out, "<td>{}</td></tr>", drafts.iter().map(|d| d.findings.len()).sum::<usize>());
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// Above this many drafts the table of findings per rule gives totals only; each draft's own
/// counts stand at its head.
const RULE_COLUMNS: usize = 8;

/// Findings per rule, per draft: the rules that found something, most severe first.
fn rules_table(drafts: &[DraftReport]) -> String {
    let mut rules: Vec<(&str, &str)> = drafts.iter().flat_map(|d| &d.findings).map(|f| (f.code, f.severity)).collect();
    rules.sort_by_key(|&(code, severity)| (severity_rank(severity), code));
    rules.dedup_by_key(|r| r.0);
    if rules.is_empty() {
        return "<p class=\"clean\">No findings.</p>\n".to_string();
    }
    let mut out = String::from(
        "<table class=\"summary\" id=\"rules\">\n<caption>Findings by rule</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Severity</th>",
    );
    let columns = if drafts.len() <= RULE_COLUMNS { drafts } else { &[] };
    for (d, draft) in columns.iter().enumerate() {
        let _ = write!(out, "<th scope=\"col\"><a href=\"#d{d}\">{}</a></th>", escape(&draft.path));
    }
    if drafts.len() > 1 {
        out.push_str("<th scope=\"col\">All drafts</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (code, severity) in rules {
        let _ = write!(out, "<tr data-rule=\"{code}\"><th scope=\"row\"><code>{code}</code></th><td>{severity}</td>");
        for draft in columns {
            let _ = write!(out, "<td data-draft=\"{}\">{}</td>", escape(&draft.path), draft.findings_of(code));
        }
        if drafts.len() > 1 {
            let _ = write!(out, "<td>{}</td>", drafts.iter().map(|d| d.findings_of(code)).sum::<usize>());
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn severity_rank(severity: &str) -> u8 {
    match severity {
        "error" => 0,
        "warning" => 1,
        "information" => 2,
        _ => 3,
    }
}

/// The filter, hidden until the script shows it: without the script every claim shows.
fn filter(drafts: &[DraftReport]) -> String {
    let mut out =
        String::from("<fieldset class=\"filter\" id=\"filter\" hidden>\n<legend>Show claims that are</legend>\n");
    for v in Verdict::ALL {
        let n: usize = drafts.iter().map(|d| d.count(v)).sum();
        let _ = writeln!(
            out,
            "<label><input type=\"checkbox\" name=\"verdict\" value=\"{}\" checked> <span class=\"badge v-{}\"><span aria-hidden=\"true\">{}</span> {}</span> ({n})</label>",
            v.slug(),
            v.slug(),
            symbol(v),
            v.as_str()
        );
    }
    out.push_str("<p id=\"shown\" role=\"status\" aria-live=\"polite\"></p>\n</fieldset>\n");
    out
}

fn draft_section(d: usize, draft: &DraftReport) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<section class=\"draft\" id=\"d{d}\" aria-labelledby=\"d{d}-title\">\n<h2 id=\"d{d}-title\">{}</h2>\n",
        escape(&draft.path)
    );
    let counts: Vec<String> = Verdict::ALL.iter().map(|&v| format!("{} {}", draft.count(v), v.as_str())).collect();
    let mut rules: Vec<&str> = draft.findings.iter().map(|f| f.code).collect();
    rules.sort_unstable();
    rules.dedup();
    let by_rule: Vec<String> = rules
        .iter()
        .map(|code| format!("<span data-rule=\"{code}\">{}</span> <code>{code}</code>", draft.findings_of(code)))
        .collect();
    let by_rule = if by_rule.is_empty() { String::new() } else { format!(": {}", by_rule.join(", ")) };
    let _ = writeln!(
        out,
        "<p class=\"counts\">{} claims: {}; {} findings{by_rule}.</p>",
        draft.claims.len(),
        counts.join(", "),
        draft.findings.len()
    );
    out.push_str("<div class=\"columns\">\n");
    let _ = writeln!(
        out,
        "<div class=\"text\" role=\"region\" aria-label=\"The draft, claims marked\" tabindex=\"0\">{}</div>",
        marked_text(d, draft)
    );
    let _ = writeln!(out, "<ol class=\"claims\" aria-label=\"Claims of {}\">", escape(&draft.path));
    for (c, claim) in draft.claims.iter().enumerate() {
        out.push_str(&claim_item(d, c, claim, &draft.findings));
    }
    out.push_str("</ol>\n</div>\n</section>\n");
    out
}

/// The draft's text with each claim wrapped in a mark and followed by a link to its entry.
/// Claims nest (a figure inside a quotation); one that crosses another's edge is listed but not
/// marked.
fn marked_text(d: usize, draft: &DraftReport) -> String {
    let text = draft.text.as_str();
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    // Open marks: (end, claim number).
    let mut open: Vec<(usize, usize)> = Vec::new();
    for (c, claim) in draft.claims.iter().enumerate() {
        let range = &claim.range;
        if text.get(range.clone()).is_none() || range.start < at {
            continue;
        }
        close_until(text, range.start, &mut at, &mut open, d, draft, &mut out);
        if open.last().is_some_and(|&(end, _)| end < range.end) {
            continue;
        }
        out.push_str(&escape(text.get(at..range.start).unwrap_or("")));
        at = range.start;
        let _ = write!(
            out,
            "<span class=\"mark v-{}\" id=\"d{d}-m{c}\" data-verdict=\"{}\">",
            claim.verdict.slug(),
            claim.verdict.slug()
        );
        open.push((range.end, c));
    }
    close_until(text, text.len(), &mut at, &mut open, d, draft, &mut out);
    out.push_str(&escape(text.get(at..).unwrap_or("")));
    out
}

/// Writes the text up to each open mark that ends by `until`, and closes it.
fn close_until(
    text: &str,
    until: usize,
    at: &mut usize,
    open: &mut Vec<(usize, usize)>,
    d: usize,
    draft: &DraftReport,
    out: &mut String,
) {
    while let Some(&(end, c)) = open.last() {
        if end > until {
            break;
        }
        open.pop();
        out.push_str(&escape(text.get(*at..end).unwrap_or("")));
        *at = end;
        let Some(claim) = draft.claims.get(c) else { continue };
        let _ = write!(
            out,
            "</span><a class=\"tag v-{}\" href=\"#d{d}-c{c}\" aria-label=\"claim {}: {} {}, {}\">{}{}</a>",
            claim.verdict.slug(),
            c + 1,
            claim.kind.as_str(),
            escape(&claim.written),
            claim.verdict.as_str(),
            symbol(claim.verdict),
            c + 1
        );
    }
}

fn claim_item(d: usize, c: usize, claim: &Claim, findings: &[JsonFinding]) -> String {
    let mut out = String::new();
    let v = claim.verdict;
    let _ = write!(
        out,
        "<li class=\"claim v-{}\" id=\"d{d}-c{c}\" data-verdict=\"{}\" data-kind=\"{}\">\n\
         <p class=\"head\"><span class=\"badge v-{}\"><span aria-hidden=\"true\">{}</span> {}</span> \
         <span class=\"kind\">{}</span> <q>{}</q> <a class=\"back\" href=\"#d{d}-m{c}\">line {}</a></p>\n",
        v.slug(),
        v.slug(),
        claim.kind.as_str(),
        v.slug(),
        symbol(v),
        v.as_str(),
        claim.kind.as_str(),
        escape(&claim.written),
        claim.line
    );
    let mut facts: Vec<(String, String)> = Vec::new();
    if claim.status != v.as_str() {
        facts.push(("Status".into(), escape(&claim.status)));
    }
    facts.extend(claim.about.iter().map(|(k, v)| (k.to_string(), escape(v))));
    facts.extend(claim.computed.as_ref().map(|c| ("Computed".to_string(), escape(c))));
    if let Some(e) = &claim.evidence {
        let title = e.title.as_ref().map(|t| format!(", <cite>{}</cite>", escape(t))).unwrap_or_default();
        let line = e.line.map(|l| format!(", line {l}")).unwrap_or_default();
        let passage = e.passage.as_ref().map(|p| format!("<blockquote>{}</blockquote>", escape(p))).unwrap_or_default();
        facts.push(("Source".into(), format!("<code>{}</code>{title}{line}{passage}", escape(&e.source_key))));
    }
    if !facts.is_empty() {
        out.push_str("<dl>\n");
        for (k, v) in facts {
            let _ = writeln!(out, "<dt>{}</dt><dd>{v}</dd>", escape(&k));
        }
        out.push_str("</dl>\n");
    }
    for f in claim.findings.iter().filter_map(|&i| findings.get(i)) {
        out.push_str(&finding_block(f));
    }
    out.push_str("</li>\n");
    out
}

fn finding_block(f: &JsonFinding) -> String {
    let mut out = format!(
        "<div class=\"finding {}\" data-rule=\"{}\"><p><strong>{}</strong> <code>{}</code>: {}</p>",
        f.severity,
        f.code,
        f.severity,
        f.code,
        escape(&f.message)
    );
    for r in &f.related {
        let _ = write!(
            out,
            "<p class=\"related\">See {}, line {}: {}</p>",
            escape(&r.path),
            r.range.start.line + 1,
            escape(&r.message)
        );
    }
    for fix in &f.fixes {
        let _ = write!(out, "<p class=\"fix\">Fix: {}</p>", escape(&fix.title));
    }
    out.push_str("</div>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::report::ClaimKind;

    fn claim(range: std::ops::Range<usize>, verdict: Verdict) -> Claim {
        Claim {
            range,
            line: 1,
            kind: ClaimKind::Figure,
            verdict,
            status: verdict.as_str().into(),
            written: String::new(),
            about: Vec::new(),
            evidence: None,
            computed: None,
            findings: Vec::new(),
        }
    }

    fn draft(text: &str, claims: Vec<Claim>) -> DraftReport {
        DraftReport { path: "d.md".into(), text: text.into(), claims, findings: Vec::new() }
    }

    #[test]
    fn text_is_escaped_and_claims_nest() {
        let text = "He said \"<b>40 boats</b> & more\" today.";
        let quote = text.find('"').unwrap()..text.rfind('"').unwrap() + 1;
        let figure = text.find("40").unwrap()..text.find(" boats").unwrap();
        let page =
            marked_text(0, &draft(text, vec![claim(quote, Verdict::Verified), claim(figure, Verdict::Conflicting)]));
        assert!(!page.contains("<b>"), "{page}");
        assert!(page.contains("&lt;b&gt;"));
        let inner = page.find("id=\"d0-m1\"").unwrap();
        let outer = page.find("id=\"d0-m0\"").unwrap();
        let inner_tag = page.find("href=\"#d0-c1\"").unwrap();
        let outer_tag = page.find("href=\"#d0-c0\"").unwrap();
        assert!(outer < inner && inner < inner_tag && inner_tag < outer_tag, "{page}");
        assert_eq!(page.matches("<span").count(), page.matches("</span>").count());
    }

    #[test]
    fn a_claim_crossing_another_is_listed_but_not_marked() {
        let text = "one two three four";
        let page = marked_text(0, &draft(text, vec![claim(0..7, Verdict::Verified), claim(4..13, Verdict::Unsourced)]));
        assert!(page.contains("d0-m0") && !page.contains("d0-m1"), "{page}");
        assert_eq!(page.matches("<span").count(), page.matches("</span>").count());
        assert!(page.ends_with("three four"));
    }
}
