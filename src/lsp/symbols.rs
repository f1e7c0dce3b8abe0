//! The outline of a draft: its figures and the known names it mentions, in order, so an editor
//! can list and jump to every claim.

use tower_lsp::lsp_types::{DocumentSymbol, SymbolKind};

use super::convert::range;
use crate::extract::read_draft;
use crate::text::{Encoding, LineIndex};
use crate::workspace::Workspace;

/// Outlines are made one at a time: each reads the whole draft, so twenty asked at once would
/// hold twenty drafts' worth of memory, and a request cancelled while it waits here never starts
/// (work already started off the message loop cannot be stopped, but only one is).
pub static OUTLINES: std::sync::LazyLock<std::sync::Arc<tokio::sync::Semaphore>> =
    std::sync::LazyLock::new(|| std::sync::Arc::new(tokio::sync::Semaphore::new(1)));

/// The most entries an outline lists.
pub const MAX_SYMBOLS: usize = 5_000;

/// Every claim figure and every known name of `text`, in the order they stand, up to
/// [`MAX_SYMBOLS`].
#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be spelled out.
pub fn document_symbols(text: &str, encoding: Encoding, ws: &Workspace) -> Vec<DocumentSymbol> {
    let draft = read_draft(text);
    let lines = LineIndex::new(text);
    let figures = draft.figures.iter().filter(|f| f.kind.is_claim() && !f.period).map(|f| {
        let detail = format!("{:?}", f.kind).to_lowercase();
        (f.range.clone(), text.get(f.range.clone()).unwrap_or("").to_string(), SymbolKind::NUMBER, detail)
    });
    let names = ws.index.find_names(&draft.view).into_iter().filter_map(|m| {
        let (_, entity) = ws.index.entity(m.entity)?;
        let detail = format!("{:?}", entity.kind).to_lowercase();
        Some((m.range, entity.name.clone(), SymbolKind::OBJECT, detail))
    });
    let mut found: Vec<_> = figures.chain(names).collect();
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
