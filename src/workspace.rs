//! The workspace on disk: its root, `stet.toml`, and the sources it defines.
//!
//! This is the edge where files are read. Every file that cannot be used becomes a
//! [`FileProblem`] with its line and column, and the last good state of that file keeps serving.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::reference::{parse_bibtex, parse_csl_json, source_from_text, FileError, Library, Source};
use crate::settings::{Settings, SettingsLayer};

/// The name of the settings file at a workspace's root.
pub const SETTINGS_FILE: &str = "stet.toml";

/// A file stet could not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub path: PathBuf,
    pub error: FileError,
}

/// A loaded workspace.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    pub root: PathBuf,
    pub settings: Settings,
    pub library: Library,
    pub problems: Vec<FileProblem>,
    /// The settings file as last read successfully.
    file_layer: SettingsLayer,
    /// The sources each file defined when last read successfully.
    by_file: BTreeMap<PathBuf, Vec<Source>>,
}

/// The nearest directory at or above `from` holding `stet.toml` or `sources/`.
pub fn find_root(from: &Path) -> Option<PathBuf> {
    let start = if from.is_file() { from.parent()? } else { from };
    let start = fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    start
        .ancestors()
        .find(|dir| dir.join(SETTINGS_FILE).is_file() || dir.join("sources").is_dir())
        .map(Path::to_path_buf)
}

impl Workspace {
    /// Loads the workspace at `root`. `editor` holds settings sent by an editor; `previous` is the
    /// last state, whose good parts stand in for files that cannot be read now.
    pub fn load(root: &Path, editor: Option<&SettingsLayer>, previous: Option<&Workspace>) -> Workspace {
        let root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let mut problems = Vec::new();
        let file_layer = read_settings_file(&root, previous, &mut problems);
        let layers: Vec<&SettingsLayer> = std::iter::once(&file_layer).chain(editor).collect();
        let settings = Settings::resolve(&layers).unwrap_or_else(|e| {
            problems.push(FileProblem { path: root.join(SETTINGS_FILE), error: FileError { line: 0, column: 0, message: e.0 } });
            previous.map(|p| p.settings.clone()).unwrap_or_default()
        });
        let mut by_file = BTreeMap::new();
        for path in source_files(&root, &settings, &mut problems) {
            match read_source_file(&path, settings.max_source_bytes) {
                Ok(sources) => {
                    by_file.insert(path, sources);
                }
                Err(error) => {
                    if let Some(old) = previous.and_then(|p| p.by_file.get(&path)) {
                        by_file.insert(path.clone(), old.clone());
                    }
                    problems.push(FileProblem { path, error });
                }
            }
        }
        let mut library = Library::default();
        for source in by_file.values().flatten() {
            library.insert(source.clone());
        }
        Workspace { root, settings, library, problems, file_layer, by_file }
    }

    /// Whether `path` is one of the workspace's source or bibliography files, or under a
    /// sources folder.
    pub fn is_source(&self, path: &Path) -> bool {
        let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.by_file.contains_key(&path)
            || self.settings.source_paths.iter().any(|p| path.starts_with(self.root.join(p)))
    }

    /// The file that defines source `key`.
    pub fn source_file(&self, key: &str) -> Option<&Path> {
        self.by_file.iter().find(|(_, sources)| sources.iter().any(|s| s.key == key)).map(|(p, _)| p.as_path())
    }
}

fn read_settings_file(root: &Path, previous: Option<&Workspace>, problems: &mut Vec<FileProblem>) -> SettingsLayer {
    let path = root.join(SETTINGS_FILE);
    let Ok(text) = fs::read_to_string(&path) else { return SettingsLayer::default() };
    match SettingsLayer::from_toml(&text) {
        Ok(layer) => layer,
        Err(error) => {
            problems.push(FileProblem { path, error });
            previous.map(|p| p.file_layer.clone()).unwrap_or_default()
        }
    }
}

/// The files that may define sources: texts and bibliographies under the sources folders, and
/// the bibliographies named in the settings. Paths that leave the root are refused.
fn source_files(root: &Path, settings: &Settings, problems: &mut Vec<FileProblem>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in &settings.source_paths {
        let dir = root.join(dir);
        if dir.is_dir() {
            walk(root, &dir, &mut files);
        }
    }
    for bib in &settings.bibliographies {
        let path = root.join(bib);
        match fs::canonicalize(&path) {
            Ok(p) if p.starts_with(root) => files.push(p),
            Ok(_) => problems.push(FileProblem {
                path: root.join(SETTINGS_FILE),
                error: FileError { line: 0, column: 0, message: format!("bibliography {bib} lies outside the workspace") },
            }),
            Err(e) => problems.push(FileProblem {
                path: root.join(SETTINGS_FILE),
                error: FileError { line: 0, column: 0, message: format!("bibliography {bib}: {e}") },
            }),
        }
    }
    files.sort();
    files.dedup();
    files
}

fn walk(root: &Path, dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let Ok(path) = fs::canonicalize(entry.path()) else { continue };
        if !path.starts_with(root) {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, files);
        } else if matches!(extension(&path).as_str(), "md" | "markdown" | "txt" | "bib" | "json") {
            files.push(path);
        }
    }
}

fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

/// Reads one source text or bibliography.
pub fn read_source_file(path: &Path, max_bytes: u64) -> Result<Vec<Source>, FileError> {
    let at_start = |message: String| FileError { line: 0, column: 0, message };
    let size = fs::metadata(path).map_err(|e| at_start(format!("cannot read: {e}")))?.len();
    if size > max_bytes {
        return Err(at_start(format!("skipped: {size} bytes is over the limit of {max_bytes} (sources.max_bytes)")));
    }
    let bytes = fs::read(path).map_err(|e| at_start(format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        FileError::at(&prefix, valid, "not UTF-8 text (is this a binary file?)")
    })?;
    match extension(path).as_str() {
        "bib" => parse_bibtex(&text),
        "json" => parse_csl_json(&text),
        _ => {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("source");
            source_from_text(stem, &text).map(|s| vec![s])
        }
    }
}

impl Workspace {
    /// A workspace for a draft that lives under no root: no sources, the editor's settings.
    pub fn detached(editor: Option<&SettingsLayer>) -> Workspace {
        let settings = editor.and_then(|e| Settings::resolve(&[e]).ok()).unwrap_or_default();
        Workspace { settings, ..Workspace::default() }
    }
}
