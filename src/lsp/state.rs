//! What the server knows between messages: the client's settings, the loaded workspaces and
//! the open drafts with what their last checks found.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tower_lsp::lsp_types::{Diagnostic, Url};

use super::document::Document;
use super::session::Session;
use crate::check::{Analysis, Tally};
use crate::settings::SettingsLayer;
use crate::text::Encoding;
use crate::workspace::Workspace;

#[derive(Default)]
pub(super) struct State {
    pub encoding: Encoding,
    pub roots: Vec<PathBuf>,
    pub editor: Option<SettingsLayer>,
    pub workspaces: HashMap<PathBuf, Arc<Workspace>>,
    pub documents: HashMap<Url, Open>,
    pub problem_files: HashSet<Url>,
    pub watch_registration: bool,
    /// The globs last registered with the client for watching, so a reload registers anew only
    /// when its settings name other files.
    pub watched_globs: Vec<String>,
    /// Whether the client can be asked to fetch code lenses again.
    pub lens_refresh: bool,
    /// Watches the workspace folders when the client cannot watch files for us.
    pub watcher: Option<notify::RecommendedWatcher>,
    pub watched: Vec<PathBuf>,
    /// Why the editor's settings at start could not be used, until it is shown.
    pub editor_problem: Option<String>,
}

pub(super) struct Open {
    pub doc: Document,
    /// Bumped on every change; a check publishes only if it is still the latest, and a check
    /// still running stops when it sees a newer one.
    pub generation: Arc<AtomicU64>,
    pub root: Option<PathBuf>,
    /// What the draft's earlier checks found, paragraph by paragraph.
    pub session: Arc<Mutex<Session>>,
    /// What was last published for it, for answers about the whole draft.
    pub published: Option<Published>,
}

/// The check published last for a draft, with the version it was made for: the diagnostics with
/// a certain fix, how its figures stand, and the analysis every answer about the draft reads.
pub(super) struct Published {
    pub version: i32,
    /// The change the check was made for, counted by [`Open::generation`].
    pub generation: u64,
    pub certain: Vec<Arc<Vec<Diagnostic>>>,
    pub tally: Tally,
    pub analysis: Arc<Analysis>,
}

impl Open {
    pub fn new(doc: Document, root: Option<PathBuf>) -> Self {
        Self { doc, generation: Default::default(), root, session: Default::default(), published: None }
    }

    pub fn bump(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// The published analysis, if it was made of the text as it stands and against the
    /// workspace as loaded now.
    pub fn current(&self) -> Option<Arc<Analysis>> {
        let p = self.published.as_ref()?;
        (p.generation == self.generation.load(Ordering::SeqCst)).then(|| p.analysis.clone())
    }
}
