//! Hover and go to definition, answered from a draft's analysis: what stands under the pointer
//! and where it comes from, written as Markdown for the editor.

use tower_lsp::lsp_types::{Hover, HoverContents, Location, MarkupContent, MarkupKind, Position, Url};

use super::convert::{place_range, range};
use crate::check::analysis::{CitationReport, FigureReport, NameReport};
use crate::check::quoting::QuotationReport;
use crate::check::{Analysis, Related, Tally, Thing};
use crate::text::{Encoding, LineIndex};
use crate::workspace::Workspace;

/// The hover at `position` of `text`, which `analysis` was made of. `tally` (of the draft's last
/// published check) tells how many of its figures a cited source supports.
pub fn hover_at(
    analysis: &Analysis,
    text: &str,
    position: Position,
    encoding: Encoding,
    ws: &Workspace,
    tally: Option<&Tally>,
) -> Option<Hover> {
    let lines = LineIndex::new(text);
    let offset = lines.offset(text, crate::text::Position::new(position.line, position.character), encoding)?;
    let Some(thing) = analysis.at(offset) else {
        return near_miss(analysis, text, offset, ws).map(|(markdown, at)| Hover {
            contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: markdown }),
            range: Some(range(text, &lines, at, encoding)),
        });
    };
    let (title, body) = match &thing {
        Thing::Citation(c) => citation(c, ws, tally),
        Thing::Figure(f) => (text.get(f.figure.range.clone()).unwrap_or("").to_string(), figure(f)),
        Thing::Name(n) => name(n, ws)?,
        Thing::Quotation(q) => (format!("“{}”", q.words(text)), quotation(q)),
    };
    let source = match &thing {
        Thing::Citation(c) => ws.library.contains(&c.key).then(|| Related::top_of(&c.key)),
        Thing::Figure(f) => f.matched.as_ref().map(|m| m.place.clone()),
        Thing::Name(_) => analysis.definition(offset, &ws.library, &ws.index),
        Thing::Quotation(q) => q.passage.as_ref().map(|p| p.place.clone()),
    };
    let mut markdown = format!("**{title}**\n\n{}", body.join("  \n"));
    if let Some((file, place)) = source.as_ref().and_then(|r| ws.locate(r)) {
        if let Ok(mut uri) = Url::from_file_path(&file) {
            uri.set_fragment(Some(&format!("L{}", place.line + 1)));
            let key = source.as_ref().map_or("", |r| r.source_key.as_str());
            markdown.push_str(&format!("\n\n[{key}, line {}]({uri})", place.line + 1));
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: markdown }),
        range: Some(range(text, &lines, thing.range(), encoding)),
    })
}

/// Where go to definition leads from `position` of `text`: the place in a source file the
/// thing there comes from.
pub fn definition_at(
    analysis: &Analysis,
    text: &str,
    position: Position,
    encoding: Encoding,
    ws: &Workspace,
) -> Option<Location> {
    let lines = LineIndex::new(text);
    let offset = lines.offset(text, crate::text::Position::new(position.line, position.character), encoding)?;
    let related = analysis.definition(offset, &ws.library, &ws.index)?;
    let (file, place) = ws.locate_in(&related, encoding, &mut std::collections::BTreeMap::new())?;
    Some(Location { uri: Url::from_file_path(file).ok()?, range: place_range(&place) })
}

fn figure(report: &FigureReport) -> Vec<String> {
    let f = &report.figure;
    let mut reading = vec![format!("{}", f.value)];
    if let Some(high) = f.high {
        reading.push(format!("to {high}"));
    }
    reading.extend(f.unit.clone());
    if let Some(h) = f.hedge {
        reading.insert(0, h.as_str().to_string());
    }
    let mut lines = vec![format!("Read as {} ({})", reading.join(" "), format!("{:?}", f.kind).to_lowercase())];
    if let Some(subject) = &report.counts {
        lines.push(format!("Counts: {subject}"));
    }
    if let Some(period) = &report.period {
        lines.push(format!("Period: {period}"));
    }
    lines.push(format!("Status: **{}**", report.standing.status.as_str()));
    if let Some(arithmetic) = &report.derived {
        lines.push(format!("Computed: {arithmetic}"));
    }
    if let Some(m) = &report.matched {
        lines.push(format!("Reference: {} ({}, match {:.2})", m.phrase, m.source_key, m.confidence));
    }
    lines
}

fn quotation(report: &QuotationReport) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(s) = &report.quotation.speaker {
        lines.push(format!("Speaker: {}", s.name));
    }
    lines.push(format!("Status: **{}**", report.status.as_str()));
    if let Some(p) = &report.passage {
        let by = p.speaker.as_deref().map(|s| format!(" — {s}")).unwrap_or_default();
        lines.push(format!("Passage: “{}”{by}", p.text));
        let about: Vec<&str> = [p.title.as_deref(), p.date.as_deref()].into_iter().flatten().collect();
        let about = if about.is_empty() { String::new() } else { format!(": *{}*", about.join(", ")) };
        lines.push(format!("Source: {}{about}", p.source_key));
        if let Some(d) = &p.difference {
            lines.push(format!("Differs: “{}” — the source has “{}”", d.written, d.source));
        }
    }
    lines
}

fn citation(c: &CitationReport, ws: &Workspace, tally: Option<&Tally>) -> (String, Vec<String>) {
    let Some(source) = ws.library.get(&c.key) else {
        return (c.key.clone(), vec!["No source defines this key.".into()]);
    };
    let mut lines = Vec::new();
    if let Some(title) = &source.title {
        lines.push(format!("*{title}*"));
    }
    let by: Vec<&str> =
        [&source.author, &source.publisher, &source.date].into_iter().flatten().map(String::as_str).collect();
    if !by.is_empty() {
        lines.push(by.join(", "));
    }
    if let Some(url) = &source.url {
        lines.push(format!("<{url}>"));
    }
    if let Some(dataset) = ws.index.dataset(&c.key) {
        lines.push(format!("{} figures and {} names in the reference", dataset.facts.len(), dataset.entities.len()));
    }
    if let Some(tally) = tally {
        let (n, all) = (tally.supported_by(&c.key), tally.figures);
        let figures = if all == 1 { "figure" } else { "figures" };
        lines.push(format!("Supports {n} of the draft's {all} {figures}"));
    }
    (c.key.clone(), lines)
}

/// A name stet does not know but one it does is close to (a `misspelled-entity` finding): what
/// that known name is, so the writer can tell whether it is the one meant.
fn near_miss(
    analysis: &Analysis,
    text: &str,
    offset: usize,
    ws: &Workspace,
) -> Option<(String, std::ops::Range<usize>)> {
    let finding = analysis.finding_at(offset, crate::check::rules::misspelled_entity::CODE)?;
    let known = finding.fixes.first()?.edits.first()?.new_text.clone();
    let written = text.get(finding.range.clone()).unwrap_or("");
    let mut markdown = format!("**{written}**\n\nNot a known name. Close to **{known}**");
    let entity = ws.index.find_names(&known).into_iter().find(|m| m.range == (0..known.len()));
    if let Some((_, lines)) = entity.and_then(|m| name(&NameReport { range: 0..0, entity: m.entity }, ws)) {
        markdown.push_str(&format!(":  \n{}", lines.join("  \n")));
    }
    Some((markdown, finding.range))
}

fn name(n: &NameReport, ws: &Workspace) -> Option<(String, Vec<String>)> {
    let (dataset, entity) = ws.index.entity(n.entity)?;
    let mut lines = vec![format!("*{}*", format!("{:?}", entity.kind).to_lowercase())];
    if !entity.roles.is_empty() {
        lines.push(format!("Roles: {}", entity.roles.join("; ")));
    }
    if !entity.aliases.is_empty() {
        lines.push(format!("Also written: {}", entity.aliases.join(", ")));
    }
    let times = match entity.mentions.len() {
        1 => "once".to_string(),
        n => format!("{n} times"),
    };
    lines.push(format!("Mentioned {times} in {}", dataset.source.key));
    Some((entity.name.clone(), lines))
}
