//! The outline of a draft: its figures, the known names it mentions and its quotations with
//! their speakers, in order, so an editor can list and jump to every claim.

use tower_lsp::lsp_types::{DocumentSymbol, SymbolKind};

use super::convert::range;
use crate::check::Analysis;
use crate::text::{Encoding, LineIndex};
use crate::workspace::Workspace;

/// Outlines are made one at a time: each reads the whole draft, so twenty asked at once would
/// hold twenty drafts' worth of memory, and a request cancelled while it waits here never starts
/// (work already started off the message loop cannot be stopped, but only one is).
pub static OUTLINES: std::sync::LazyLock<std::sync::Arc<tokio::sync::Semaphore>> =
    std::sync::LazyLock::new(|| std::sync::Arc::new(tokio::sync::Semaphore::new(1)));

/// The most entries an outline lists.
pub const MAX_SYMBOLS: usize = 5_000;

/// Every claim figure, known name and quotation of `text`, which `analysis` was made of, in the
/// order they stand, up to [`MAX_SYMBOLS`].
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
    if let Some((cut, ..)) = found.get(MAX_SYMBOLS).cloned() {
        // An editor lists no more than this usefully; a huge draft would cost the reply's memory
        // many times over. The last entry says where the outline stops.
        found.truncate(MAX_SYMBOLS);
        let name = format!("(the outline stops here, at {MAX_SYMBOLS} entries)");
        found.push((cut.start..cut.start, name, SymbolKind::NULL, String::new()));
    }
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
