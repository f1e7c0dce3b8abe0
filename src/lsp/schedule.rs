//! When drafts are checked: a while after the last change (the debounce), off the message loop,
//! a few at a time, and only while the text checked is still the latest.

use std::sync::atomic::Ordering;
use std::time::Duration;

use tower_lsp::lsp_types::{MessageType, Url};

use super::backend::Backend;
use super::outbox::published;
use super::session::{Diagnostics, Session};
use super::state::{Open, Published};

impl Backend {
    /// Starts a debounced check of `uri` in the background.
    pub(super) fn schedule(&self, uri: Url) {
        let this = self.clone();
        tokio::spawn(async move { this.check(uri).await });
    }

    /// Checks again every open draft `which` picks, as they stand.
    pub(super) fn recheck(&self, which: impl Fn(&Open) -> bool) {
        let uris: Vec<Url> = {
            let mut state = self.state();
            let picked = state.documents.iter_mut().filter(|(_, open)| which(open));
            picked
                .map(|(uri, open)| {
                    open.bump();
                    uri.clone()
                })
                .collect()
        };
        for uri in uris {
            self.schedule(uri);
        }
    }

    async fn check(&self, uri: Url) {
        let (generation, root, debounce) = {
            let state = self.state();
            let Some(open) = state.documents.get(&uri) else { return };
            let debounce =
                open.root.as_ref().and_then(|r| state.workspaces.get(r)).map_or(50, |w| w.settings.debounce_ms);
            (open.generation.load(Ordering::SeqCst), open.root.clone(), debounce)
        };
        if debounce > 0 {
            tokio::time::sleep(Duration::from_millis(debounce)).await;
        }
        let workspace = self.workspace(root).await;
        // A source open in the editor shows its own file problems, never its figures as claims.
        if uri.to_file_path().is_ok_and(|path| workspace.is_source(&path)) {
            return;
        }
        let Ok(_permit) = self.inner.running.acquire().await else { return };
        let (text, version, encoding, latest, session) = {
            let state = self.state();
            match state.documents.get(&uri) {
                Some(open) if open.generation.load(Ordering::SeqCst) == generation => {
                    (open.doc.text(), open.doc.version, state.encoding, open.generation.clone(), open.session.clone())
                }
                _ => return,
            }
        };
        let checker = self.inner.check;
        let draft = uri.to_file_path().ok();
        let named = uri.clone();
        let checked = tokio::task::spawn_blocking(move || {
            let cancelled = || latest.load(Ordering::SeqCst) != generation;
            let mut session = session.lock().unwrap_or_else(|poisoned| {
                // The check that panicked may have left the cache half written: start afresh.
                let mut guard = poisoned.into_inner();
                *guard = Session::default();
                guard
            });
            let diagnostics = session.check(&text, &workspace, encoding, checker, (draft.as_deref(), &cancelled))?;
            // The message is written here, off the message loop and outside the state's lock.
            let runs: Vec<&[u8]> = diagnostics.runs.iter().map(|r| r.as_slice()).collect();
            Some((published(&named, Some(version), &runs), diagnostics))
        })
        .await;
        let (message, diagnostics) = match checked {
            Ok(Some(d)) => d,
            Ok(None) => return,
            Err(e) => {
                // A panic in one check costs that check only: the document keeps its last
                // diagnostics, other documents and the server go on.
                let message = format!("stet could not check {uri}: {e}");
                self.inner.outbox.log(MessageType::ERROR, &message);
                if !self.inner.failure_shown.swap(true, Ordering::SeqCst) {
                    self.inner.outbox.show(MessageType::ERROR, message);
                }
                return;
            }
        };
        self.publish(&uri, (version, generation), message, diagnostics);
    }

    /// Publishes a check's diagnostics (`message`, framed) if the draft has not changed since,
    /// and keeps the check for answers about the draft.
    fn publish(&self, uri: &Url, (version, generation): (i32, u64), message: Vec<u8>, diagnostics: Diagnostics) {
        let mut state = self.state();
        let lens_refresh = state.lens_refresh;
        let Some(open) = state.documents.get_mut(uri) else { return };
        if open.generation.load(Ordering::SeqCst) != generation {
            return;
        }
        self.inner.outbox.send_framed(message);
        let Diagnostics { certain, analysis, tally, .. } = diagnostics;
        let changed = open.published.as_ref().is_none_or(|p| p.tally != tally);
        open.published = Some(Published { version, generation, certain, tally, analysis });
        if changed && lens_refresh {
            self.inner.outbox.refresh_lenses();
        }
    }

    /// Returns freed memory to the system a moment after the last of a burst of closes, once the
    /// checks they stopped have let go of theirs.
    pub(super) fn give_back_memory(&self) {
        let close = self.inner.closes.fetch_add(1, Ordering::SeqCst) + 1;
        let inner = self.inner.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if inner.closes.load(Ordering::SeqCst) == close {
                // Trimming a large heap takes a few milliseconds: not on the message loop.
                let _ = tokio::task::spawn_blocking(super::memory::give_back).await;
            }
        });
    }
}
