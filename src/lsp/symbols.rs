//! The outline of a draft: its figures, the known names it mentions and its quotations with
//! their speakers, in order, so an editor can list and jump to every claim.

use tower_lsp::lsp_types::{DocumentSymbol, SymbolKind};

use super::convert::range;
use crate::check::Analysis;
use crate::text::{Encoding, LineIndex};
use crate::workspace::Workspace;

/// Every claim figure and every known name of `text`, which `analysis` was made of, in the order
/// they stand.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be spelled out.
pub fn document_symbols(analysis: &Analysis, text: &str, encoding: Encoding, ws: &Workspace) -> Vec<DocumentSymbol> {
    let lines = LineIndex::new(text);
    let figures = analysis.figures().filter(|f| !f.figure.period).map(|f| {
        let detail = format!("{:?}", f.figure.kind).to_lowercase();
        let range = f.figure.range;
        (range.clone(), text.get(range).unwrap_or("").to_string(), SymbolKind::NUMBER, detail)
    });
    let names = analysis.names().filter_map(|m| {
        let (_, entity) = ws.index.entity(m.entity)?;
        let detail = format!("{:?}", entity.kind).to_lowercase();
        Some((m.range, entity.name.clone(), SymbolKind::OBJECT, detail))
    });
    let quotations = analysis.quotations().map(|q| {
        let speaker = q.quotation.speaker.as_ref().map_or("speaker not named".to_string(), |s| s.name.clone());
        let words = q.words(text);
        let short: String = words.chars().take(60).collect();
        let name = if short.len() < words.len() { format!("“{short}…”") } else { format!("“{short}”") };
        (q.quotation.range, name, SymbolKind::STRING, format!("{speaker} · {}", q.status.as_str()))
    });
    let mut found: Vec<_> = figures.chain(names).chain(quotations).collect();
    found.sort_by_key(|(r, ..)| (r.start, r.end));
    found
        .into_iter()
        .map(|(bytes, name, kind, detail)| {
            let at = range(text, &lines, bytes, encoding);
            DocumentSymbol {
                name,
                detail: Some(detail),
                kind,
                tags: None,
                deprecated: None,
                range: at,
                selection_range: at,
                children: None,
            }
        })
        .collect()
}
