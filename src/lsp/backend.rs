//! The language server: documents kept in ropes, checks run off the message loop.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tower_lsp::jsonrpc::Result as RpcResult;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use super::completion::complete;
use super::convert::{cite_certain, definition_at, file_problem, hover_at, ignore_action, quick_fixes, summary_lens};
use super::document::Document;
use super::session::{check_in_workspace, Checker, Session};
use super::symbols::document_symbols;
use crate::settings::SettingsLayer;
use crate::text::Encoding;
use crate::workspace::{find_root, Workspace, SETTINGS_FILE};

/// The server's state, shared by handlers and background checks.
#[derive(Clone)]
pub struct Backend {
    inner: Arc<Inner>,
}

struct Inner {
    client: Client,
    state: Mutex<State>,
    check: Checker,
    /// Whether a failed check has been shown to the user already: once is enough.
    failure_shown: std::sync::atomic::AtomicBool,
    /// Checks run at most one a core at a time: fifty drafts opened at once are checked a few at
    /// a time, so memory peaks at a few checks' worth, not fifty.
    running: tokio::sync::Semaphore,
    /// Counts closed drafts, so that of a burst of closes only the last gives memory back.
    closes: AtomicU64,
    /// Framed messages straight to the client. Diagnostics go this way, written once as JSON
    /// from what each paragraph gave, not rebuilt as a JSON tree for every keystroke.
    outgoing: tokio::sync::mpsc::UnboundedSender<Vec<u8>>,
}

#[derive(Default)]
struct State {
    encoding: Encoding,
    roots: Vec<PathBuf>,
    editor: Option<SettingsLayer>,
    workspaces: HashMap<PathBuf, Arc<Workspace>>,
    documents: HashMap<Url, Open>,
    problem_files: HashSet<Url>,
    watch_registration: bool,
    /// The globs last registered with the client for watching, so a reload registers anew only
    /// when its settings name other files.
    watched_globs: Vec<String>,
    /// Whether the client can be asked to fetch code lenses again.
    lens_refresh: bool,
    /// Watches the workspace folders when the client cannot watch files for us.
    watcher: Option<notify::RecommendedWatcher>,
    watched: Vec<PathBuf>,
    /// Why the editor's settings at start could not be used, until it is shown.
    editor_problem: Option<String>,
}

struct Open {
    doc: Document,
    /// Bumped on every change; a check publishes only if it is still the latest, and a check
    /// still running stops when it sees a newer one.
    generation: Arc<AtomicU64>,
    root: Option<PathBuf>,
    /// What the draft's earlier checks found, paragraph by paragraph.
    session: Arc<Mutex<Session>>,
    /// What was last published for it, for answers about the whole draft.
    published: Option<Published>,
}

/// What the diagnostics published last for a draft say of it as a whole, with the version they
/// were made for: those with a certain fix, and how its figures stand.
struct Published {
    version: i32,
    certain: Vec<Arc<Vec<Diagnostic>>>,
    tally: crate::check::Tally,
}

impl Open {
    fn new(doc: Document, root: Option<PathBuf>) -> Self {
        Self { doc, generation: Default::default(), root, session: Default::default(), published: None }
    }

    fn bump(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }
}

impl Backend {
    pub fn new(client: Client, outgoing: tokio::sync::mpsc::UnboundedSender<Vec<u8>>) -> Self {
        Self::with_checker(client, check_in_workspace, outgoing)
    }

    pub fn with_checker(client: Client, check: Checker, outgoing: tokio::sync::mpsc::UnboundedSender<Vec<u8>>) -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let inner = Inner {
            client,
            state: Mutex::new(State::default()),
            check,
            failure_shown: Default::default(),
            running: tokio::sync::Semaphore::new(cores),
            closes: AtomicU64::new(0),
            outgoing,
        };
        Self { inner: Arc::new(inner) }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic elsewhere must not take the documents with it: recover the guard.
        self.inner.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Starts a debounced check of `uri` in the background.
    fn schedule(&self, uri: Url) {
        let this = self.clone();
        tokio::spawn(async move { this.check(uri).await });
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
        let checked = tokio::task::spawn_blocking(move || {
            let cancelled = || latest.load(Ordering::SeqCst) != generation;
            let mut session = session.lock().unwrap_or_else(|poisoned| {
                // The check that panicked may have left the cache half written: start afresh.
                let mut guard = poisoned.into_inner();
                *guard = Session::default();
                guard
            });
            session.check(&text, &workspace, encoding, checker, &cancelled)
        })
        .await;
        let diagnostics = match checked {
            Ok(Some(d)) => d,
            Ok(None) => return,
            Err(e) => {
                // A panic in one check costs that check only: the document keeps its last
                // diagnostics, other documents and the server go on.
                let message = format!("stet could not check {uri}: {e}");
                self.inner.client.log_message(MessageType::ERROR, &message).await;
                if !self.inner.failure_shown.swap(true, std::sync::atomic::Ordering::SeqCst) {
                    self.inner.client.show_message(MessageType::ERROR, message).await;
                }
                return;
            }
        };
        let refresh_lens = {
            let mut state = self.state();
            let lens_refresh = state.lens_refresh;
            let Some(open) = state.documents.get_mut(&uri) else { return };
            if open.generation.load(Ordering::SeqCst) != generation {
                return;
            }
            self.publish(&uri, &diagnostics.json, Some(version));
            let changed = open.published.as_ref().is_none_or(|p| p.tally != diagnostics.tally);
            let crate::lsp::session::Diagnostics { certain, tally, .. } = diagnostics;
            open.published = Some(Published { version, certain, tally });
            changed && lens_refresh
        };
        if refresh_lens {
            let client = self.inner.client.clone();
            // The answer says nothing worth waiting for.
            tokio::spawn(async move { client.code_lens_refresh().await });
        }
    }

    /// Returns freed memory to the system a moment after the last of a burst of closes, once the
    /// checks they stopped have let go of theirs.
    fn give_back_memory(&self) {
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

    /// The tally of the draft's last published check.
    fn tally(&self, uri: &Url) -> Option<crate::check::Tally> {
        self.state().documents.get(uri)?.published.as_ref().map(|p| p.tally.clone())
    }

    /// Runs `answer` on the current text of an open draft and its workspace, off the message loop.
    async fn at_text<T: Send + 'static>(
        &self,
        uri: &Url,
        answer: impl FnOnce(&str, &Workspace, Encoding) -> Option<T> + Send + 'static,
    ) -> Option<T> {
        let (text, root, encoding) = {
            let state = self.state();
            let open = state.documents.get(uri)?;
            (open.doc.text(), open.root.clone(), state.encoding)
        };
        let workspace = self.workspace(root).await;
        tokio::task::spawn_blocking(move || answer(&text, &workspace, encoding)).await.ok().flatten()
    }

    /// Sends `textDocument/publishDiagnostics` with a JSON array of diagnostics already written.
    /// Every publication goes this one way, so they reach the client in the order made.
    fn publish(&self, uri: &Url, diagnostics: &[u8], version: Option<i32>) {
        let uri = serde_json::to_string(uri.as_str()).unwrap_or_else(|_| "\"\"".into());
        let version = version.map_or(String::new(), |v| format!(",\"version\":{v}"));
        let mut body = format!(
            "{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{{\"uri\":{uri}{version},\"diagnostics\":"
        )
        .into_bytes();
        body.extend_from_slice(diagnostics);
        body.extend_from_slice(b"}}");
        // The writer ends only with the server: nothing is left to tell if it is gone.
        let _ = self.inner.outgoing.send(super::framing::frame(&body));
    }

    /// The loaded workspace at `root`, loading it off the message loop the first time.
    async fn workspace(&self, root: Option<PathBuf>) -> Arc<Workspace> {
        let Some(root) = root else {
            return Arc::new(Workspace::detached(self.state().editor.as_ref()));
        };
        if let Some(ws) = self.state().workspaces.get(&root) {
            return ws.clone();
        }
        self.reload(&root).await
    }

    /// Reads the workspace at `root` again, publishes its file problems and returns it.
    /// Asks the client to watch the files every loaded workspace reads, as its settings name
    /// them (`[sources] paths`, bibliographies, datasets), and again when they change.
    async fn register_watched_files(&self) {
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
        if had {
            let gone = Unregistration { id: "stet-watch".into(), method: "workspace/didChangeWatchedFiles".into() };
            let _ = self.inner.client.unregister_capability(vec![gone]).await;
        }
        let watchers = globs
            .into_iter()
            .map(|glob| FileSystemWatcher { glob_pattern: GlobPattern::String(glob), kind: None })
            .collect();
        let registration = Registration {
            id: "stet-watch".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions { watchers }).ok(),
        };
        if let Err(e) = self.inner.client.register_capability(vec![registration]).await {
            self.inner.client.log_message(MessageType::WARNING, format!("stet could not watch files: {e}")).await;
        }
    }

    async fn reload(&self, root: &Path) -> Arc<Workspace> {
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
    async fn publish_problems(&self) {
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
            self.publish(&uri, b"[]", None);
        }
        for (uri, diagnostics) in now {
            self.publish(&uri, &serde_json::to_vec(&diagnostics).unwrap_or_else(|_| b"[]".to_vec()), None);
        }
    }

    /// Reloads the workspaces holding any of `paths` that feed them, and checks their open drafts
    /// again. A saved draft changes no workspace.
    async fn files_changed(&self, paths: Vec<PathBuf>) {
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

    fn recheck(&self, which: impl Fn(&Open) -> bool) {
        let uris: Vec<Url> = {
            let mut state = self.state();
            state
                .documents
                .iter_mut()
                .filter(|(_, open)| which(open))
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

    /// The workspace root of a draft: a client folder that holds sources or `stet.toml`, else
    /// the nearest such folder above the draft, else the client folder that contains it.
    fn root_for(&self, uri: &Url) -> Option<PathBuf> {
        let path = uri.to_file_path().ok()?;
        let roots = self.state().roots.clone();
        let containing = roots.iter().filter(|r| path.starts_with(r)).max_by_key(|r| r.as_os_str().len());
        if let Some(r) = containing.filter(|r| r.join(SETTINGS_FILE).is_file() || r.join("sources").is_dir()) {
            return Some(r.clone());
        }
        find_root(&path).or_else(|| containing.cloned())
    }
}

/// The kind of the action that cites the certain sources of a paragraph's figures.
const CITE_PARAGRAPH: &str = "source.citeCertain.paragraph";

impl Backend {
    /// Actions that cite the source of every unsourced figure whose match is certain: in the
    /// paragraph at `at`, and in the whole draft. Made from the diagnostics last published, and
    /// only while they are those of the text as it stands.
    fn cite_certain_actions(&self, uri: &Url, at: Position) -> Vec<CodeAction> {
        let state = self.state();
        let Some(open) = state.documents.get(uri) else { return Vec::new() };
        let Some(published) = open.published.as_ref().filter(|p| p.version == open.doc.version) else {
            return Vec::new();
        };
        let all = || published.certain.iter().flat_map(|d| d.iter());
        let paragraph = open.doc.paragraph_lines(at.line);
        let in_paragraph = all().filter(|d| paragraph.contains(&d.range.start.line));
        let title = "Cite the matching source of every unsourced figure";
        [
            cite_certain(uri, in_paragraph, &format!("{title} in this paragraph"), CodeActionKind::new(CITE_PARAGRAPH)),
            cite_certain(uri, all(), &format!("{title} in the draft"), CodeActionKind::SOURCE_FIX_ALL),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

impl Backend {
    /// Watches the workspace folders itself, for clients that cannot watch files for the server.
    fn watch_folders(&self, roots: &[PathBuf]) {
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

/// The editor's settings for stet; settings it cannot use leave `problem` for the user.
fn editor_layer(value: Option<serde_json::Value>, problem: &mut Option<String>) -> Option<SettingsLayer> {
    let value = value?;
    let value = value.get("stet").cloned().unwrap_or(value);
    if value.is_null() {
        return None;
    }
    SettingsLayer::from_json(value).map_err(|e| *problem = Some(e.0)).ok()
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
        let lens_refresh = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.code_lens.as_ref())
            .and_then(|c| c.refresh_support)
            .unwrap_or(false);
        let watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        let mut roots: Vec<PathBuf> =
            params.workspace_folders.unwrap_or_default().iter().filter_map(|f| f.uri.to_file_path().ok()).collect();
        #[allow(deprecated)]
        if roots.is_empty() {
            roots.extend(params.root_uri.and_then(|u| u.to_file_path().ok()));
        }
        {
            let mut state = self.state();
            state.encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            state.roots = roots.iter().map(|r| std::fs::canonicalize(r).unwrap_or_else(|_| r.clone())).collect();
            state.editor = editor_layer(params.initialization_options, &mut state.editor_problem);
            state.watch_registration = watch;
            state.lens_refresh = lens_refresh;
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo { name: "stet".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            capabilities: ServerCapabilities {
                position_encoding: Some(if utf8 { PositionEncodingKind::UTF8 } else { PositionEncodingKind::UTF16 }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(false) }),
                document_symbol_provider: Some(OneOf::Left(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["@".into(), "^".into()]),
                    ..CompletionOptions::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![
                        CodeActionKind::QUICKFIX,
                        CodeActionKind::new(CITE_PARAGRAPH),
                        CodeActionKind::SOURCE_FIX_ALL,
                    ]),
                    ..Default::default()
                })),
                ..ServerCapabilities::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Told now: a message before `initialized` may not reach the user.
        let editor_problem = self.state().editor_problem.take();
        if let Some(message) = editor_problem {
            self.inner.client.show_message(MessageType::WARNING, message).await;
        }
        // Read the client's workspaces now, so a broken stet.toml shows before any draft opens.
        let roots: Vec<PathBuf> = self
            .state()
            .roots
            .iter()
            .filter(|r| r.join(SETTINGS_FILE).is_file() || r.join("sources").is_dir())
            .cloned()
            .collect();
        for root in &roots {
            self.reload(root).await;
        }
        let (watch, all_roots) = {
            let state = self.state();
            (state.watch_registration, state.roots.clone())
        };
        if !watch {
            self.watch_folders(&all_roots);
        } else {
            self.register_watched_files().await;
        }
    }

    async fn shutdown(&self) -> RpcResult<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let root = self.root_for(&doc.uri);
        self.state().documents.insert(doc.uri.clone(), Open::new(Document::new(&doc.text, doc.version), root));
        self.schedule(doc.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        // Edits are applied here, before any await, so they land in the order they were sent.
        let outcome = {
            let mut state = self.state();
            let encoding = state.encoding;
            match state.documents.get_mut(&uri) {
                None => Err(format!("change for {uri}, which is not open")),
                Some(open) if version < open.doc.version => {
                    Err(format!("ignored change to {uri}: version {version} is older than {}", open.doc.version))
                }
                Some(open) => {
                    let before = open.doc.rope.clone();
                    let applied = params.content_changes.iter().try_for_each(|c| open.doc.apply(c, encoding));
                    match applied {
                        Ok(()) => {
                            open.doc.version = version;
                            open.bump();
                            Ok(())
                        }
                        Err(e) => {
                            open.doc.rope = before;
                            Err(format!("refused change to {uri} (version {version}): {e}"))
                        }
                    }
                }
            }
        };
        match outcome {
            Ok(()) => self.schedule(uri),
            Err(message) => self.inner.client.log_message(MessageType::ERROR, message).await,
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if let Some(open) = self.state().documents.remove(&uri) {
            // A check still running for it stops at its next paragraph.
            open.bump();
        }
        self.publish(&uri, b"[]", None);
        self.give_back_memory();
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if let Ok(path) = params.text_document.uri.to_file_path() {
            self.files_changed(vec![path]).await;
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let paths = params.changes.iter().filter_map(|c| c.uri.to_file_path().ok()).collect();
        self.files_changed(paths).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        // Clients send this for every server at once: with nothing for stet in it, the settings
        // given at start stay.
        if !SettingsLayer::speaks_to_stet(&params.settings) {
            return;
        }
        let mut problem = None;
        let layer = editor_layer(Some(params.settings), &mut problem);
        if let Some(message) = problem {
            self.inner.client.show_message(MessageType::WARNING, message).await;
        }
        let roots: Vec<PathBuf> = {
            let mut state = self.state();
            state.editor = layer;
            state.workspaces.keys().cloned().collect()
        };
        for root in &roots {
            self.reload(root).await;
        }
        self.recheck(|_| true);
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let at = params.text_document_position_params;
        let tally = self.tally(&at.text_document.uri);
        // The paragraph under the pointer is read on its own: no wait for a check of the draft.
        let hover =
            move |text: &str, ws: &Workspace, encoding| hover_at(text, at.position, encoding, ws, tally.as_ref());
        Ok(self.at_text(&at.text_document.uri, hover).await)
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> RpcResult<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        let found = self.at_text(&at.text_document.uri, move |text, ws, encoding| {
            definition_at(text, at.position, encoding, ws).map(GotoDefinitionResponse::Scalar)
        });
        Ok(found.await)
    }

    async fn code_lens(&self, params: CodeLensParams) -> RpcResult<Option<Vec<CodeLens>>> {
        Ok(self.tally(&params.text_document.uri).map(|tally| vec![summary_lens(&tally)]))
    }

    async fn completion(&self, params: CompletionParams) -> RpcResult<Option<CompletionResponse>> {
        let at = params.text_document_position;
        let items =
            self.at_text(&at.text_document.uri, move |text, ws, encoding| complete(text, at.position, encoding, ws));
        Ok(items.await.map(CompletionResponse::Array))
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> RpcResult<Option<DocumentSymbolResponse>> {
        let Ok(permit) = super::symbols::OUTLINES.clone().acquire_owned().await else { return Ok(None) };
        let symbols = self.at_text(&params.text_document.uri, |text, ws, encoding| {
            let _held_while_made = permit;
            Some(DocumentSymbolResponse::Nested(document_symbols(text, encoding, ws)))
        });
        Ok(symbols.await)
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let actions: Vec<CodeActionOrCommand> = params
            .context
            .diagnostics
            .iter()
            .filter(|d| d.source.as_deref() == Some("stet"))
            .flat_map(|d| quick_fixes(&uri, d).into_iter().chain(ignore_action(&uri, d)))
            .map(CodeActionOrCommand::CodeAction)
            .collect();
        let wanted = |kind: &CodeActionKind| {
            params.context.only.as_ref().is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())))
        };
        let source_actions = self.cite_certain_actions(&uri, params.range.start).into_iter();
        let actions = actions
            .into_iter()
            .chain(source_actions.filter(|a| a.kind.as_ref().is_some_and(wanted)).map(CodeActionOrCommand::CodeAction))
            .collect();
        Ok(Some(actions))
    }
}
