//! The workspaces drafts are checked against: loaded off the message loop, read again when a
//! file they read changes, with their files' problems published, and those files watched (by
//! the client when it can, else by the server itself).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tower_lsp::lsp_types::{Diagnostic, Url};

use super::backend::Backend;
use super::convert::file_problem;
use crate::workspace::{find_root, Workspace, SETTINGS_FILE};

impl Backend {
    /// The loaded workspace at `root`, loading it off the message loop the first time.
    pub(super) async fn workspace(&self, root: Option<PathBuf>) -> Arc<Workspace> {
        let Some(root) = root else {
            return Arc::new(Workspace::detached(self.state().editor.as_ref()));
        };
        if let Some(ws) = self.state().workspaces.get(&root) {
            return ws.clone();
        }
        self.reload(&root).await
    }

    /// Asks the client to watch the files every loaded workspace reads, as its settings name
    /// them (`[sources] paths`, bibliographies, datasets), and again when they change.
    pub(super) async fn register_watched_files(&self) {
        let (globs, had) = {
            let mut state = self.state();
            if !state.watch_registration {
                return;
            }
            let mut globs: Vec<String> = vec!["**/stet.toml".into(), "**/sources/**".into()];
            for (root, ws) in &state.workspaces {
                let root = root.to_string_lossy();
                globs.extend(ws.settings.watched_globs().iter().map(|g| format!("{}/{g}", root.trim_end_matches('/'))));
            }
            globs.sort();
            globs.dedup();
            if globs == state.watched_globs {
                return;
            }
            let had = !std::mem::replace(&mut state.watched_globs, globs.clone()).is_empty();
            (globs, had)
        };
        self.inner.outbox.watch(globs, had).await;
    }

    /// Reads the workspace at `root` again, publishes its file problems and returns it.
    pub(super) async fn reload(&self, root: &Path) -> Arc<Workspace> {
        let (editor, previous) = {
            let state = self.state();
            (state.editor.clone(), state.workspaces.get(root).cloned())
        };
        let path = root.to_path_buf();
        let loaded = tokio::task::spawn_blocking(move || Workspace::load(&path, editor.as_ref(), previous.as_deref()))
            .await
            .unwrap_or_else(|_| Workspace::detached(None));
        let workspace = Arc::new(loaded);
        {
            let mut state = self.state();
            state.workspaces.insert(root.to_path_buf(), workspace.clone());
            let watched = state.watched.iter().any(|w| root.starts_with(w));
            if let (Some(watcher), false) = (state.watcher.as_mut(), watched) {
                use notify::Watcher;
                if watcher.watch(root, notify::RecursiveMode::Recursive).is_ok() {
                    state.watched.push(root.to_path_buf());
                }
            }
        }
        self.publish_problems().await;
        // Settings may name other sources, bibliographies or datasets: watch what they name, once
        // the first registration (after `initialized` has read the client's folders) is made.
        if !self.state().watched_globs.is_empty() {
            let this = self.clone();
            tokio::spawn(async move { this.register_watched_files().await });
        }
        workspace
    }

    /// Publishes the problems of every loaded workspace's files, clearing those now fixed.
    pub(super) async fn publish_problems(&self) {
        let (now, stale) = {
            let mut state = self.state();
            let mut now: HashMap<Url, Vec<Diagnostic>> = HashMap::new();
            for ws in state.workspaces.values() {
                for p in &ws.problems {
                    if let Ok(uri) = Url::from_file_path(&p.path) {
                        now.entry(uri).or_default().push(file_problem(&p.error));
                    }
                }
            }
            let stale: Vec<Url> = state.problem_files.iter().filter(|u| !now.contains_key(*u)).cloned().collect();
            state.problem_files = now.keys().cloned().collect();
            (now, stale)
        };
        for uri in stale {
            self.inner.outbox.clear(&uri);
        }
        for (uri, diagnostics) in now {
            let array = serde_json::to_vec(&diagnostics).unwrap_or_else(|_| b"[]".to_vec());
            self.inner.outbox.diagnostics(&uri, None, &array);
        }
    }

    /// Reloads the workspaces holding any of `paths` that feed them, and checks their open drafts
    /// again. A saved draft changes no workspace.
    pub(super) async fn files_changed(&self, paths: Vec<PathBuf>) {
        let roots: Vec<PathBuf> = {
            let state = self.state();
            state
                .workspaces
                .iter()
                .filter(|(r, w)| paths.iter().any(|p| p.starts_with(r) && (w.is_input(p) || !p.exists())))
                .map(|(r, _)| r.clone())
                .collect()
        };
        for root in &roots {
            self.reload(root).await;
        }
        self.recheck(|open| open.root.as_ref().is_some_and(|r| roots.contains(r)));
    }

    /// The workspace root of a draft: a client folder that holds sources or `stet.toml`, else
    /// the nearest such folder above the draft, else the client folder that contains it.
    pub(super) fn root_for(&self, uri: &Url) -> Option<PathBuf> {
        let path = uri.to_file_path().ok()?;
        let roots = self.state().roots.clone();
        let containing = roots.iter().filter(|r| path.starts_with(r)).max_by_key(|r| r.as_os_str().len());
        if let Some(r) = containing.filter(|r| r.join(SETTINGS_FILE).is_file() || r.join("sources").is_dir()) {
            return Some(r.clone());
        }
        find_root(&path).or_else(|| containing.cloned())
    }

    /// Watches the workspace folders itself, for clients that cannot watch files for the server.
    pub(super) fn watch_folders(&self, roots: &[PathBuf]) {
        use notify::Watcher;
        let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel::<Vec<PathBuf>>();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if let Ok(event) = event {
                if !matches!(event.kind, notify::EventKind::Access(_)) {
                    let _ = sender.send(event.paths);
                }
            }
        });
        let mut watcher = match watcher {
            Ok(w) => w,
            Err(e) => {
                eprintln!("stet: cannot watch files: {e}");
                return;
            }
        };
        let mut watched = Vec::new();
        for root in roots {
            match watcher.watch(root, notify::RecursiveMode::Recursive) {
                Ok(()) => watched.push(root.clone()),
                Err(e) => eprintln!("stet: cannot watch {}: {e}", root.display()),
            }
        }
        let mut state = self.state();
        state.watcher = Some(watcher);
        state.watched = watched;
        drop(state);
        let this = self.clone();
        tokio::spawn(async move {
            while let Some(mut paths) = receiver.recv().await {
                // An editor's save is several events; take them as one change.
                tokio::time::sleep(Duration::from_millis(50)).await;
                while let Ok(more) = receiver.try_recv() {
                    paths.extend(more);
                }
                paths.sort();
                paths.dedup();
                this.files_changed(paths).await;
            }
        });
    }
}
