//! The workspace on disk: its root, `stet.toml`, its sources, and the reference built from them.
//!
//! This is the edge where files are read. Every file that cannot be used becomes a
//! [`FileProblem`] with its line and column, and the last good state of that file keeps serving.
//! A reload reads only the files whose size or modification time changed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use rayon::prelude::*;

use crate::files::{resolve_named, Named};
use crate::reference::{
    build_dataset, parse_bibtex, parse_csl_json, read_front_matter, Dataset, FileError, Index, Library, Origin, Place,
    Source,
};
use crate::settings::{Settings, SettingsLayer};
use crate::text::{Encoding, LineIndex};

/// The name of the settings file at a workspace's root.
pub const SETTINGS_FILE: &str = "stet.toml";

/// A file stet could not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub path: PathBuf,
    pub error: FileError,
}

/// What a reload did: files read anew and files whose last reading was kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadStats {
    pub read: usize,
    pub reused: usize,
}

/// What one input file gave.
#[derive(Debug, Clone)]
enum Loaded {
    /// A source text: its metadata and the dataset built from it.
    Text(Source, Arc<Dataset>),
    Bibliography(Vec<Source>),
    /// A curated dataset file, with where each fact's entry stands in it.
    Curated(Arc<Dataset>, Arc<BTreeMap<String, Place>>),
}

/// What loading one input file gave: its entry from the last state, unchanged, or what reading
/// it now gave.
enum Outcome {
    Reused(Entry),
    Read(Result<Entry, FileError>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

#[derive(Debug, Clone)]
struct Entry {
    stamp: Stamp,
    loaded: Loaded,
}

/// A loaded workspace.
#[derive(Clone, Default)]
pub struct Workspace {
    /// Names this library and index: the same while no input file changes, new when one does.
    pub id: u64,
    pub root: PathBuf,
    pub settings: Settings,
    pub library: Library,
    /// Every dataset, curated files merged in, indexed for matching.
    pub index: Arc<Index>,
    pub problems: Vec<FileProblem>,
    pub stats: LoadStats,
    /// The settings file as last read successfully.
    file_layer: SettingsLayer,
    /// Each input file as last read successfully.
    files: BTreeMap<PathBuf, Entry>,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("root", &self.root)
            .field("sources", &self.library.len())
            .field("facts", &self.index.fact_count())
            .field("problems", &self.problems)
            .finish()
    }
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

/// Ids for loaded libraries; 0 is the empty one of a detached workspace.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Workspace {
    /// What a check of a draft in this workspace is made against.
    pub fn against(&self) -> crate::check::Against<'_> {
        crate::check::Against { id: self.id, library: &self.library, index: &self.index, config: &self.settings.check }
    }

    /// Loads the workspace at `root`. `editor` holds settings sent by an editor; `previous` is the
    /// last state: unchanged files are taken from it, and its good parts stand in for files that
    /// cannot be read now.
    pub fn load(root: &Path, editor: Option<&SettingsLayer>, previous: Option<&Workspace>) -> Workspace {
        let root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let mut problems = Vec::new();
        let file_layer = read_settings_file(&root, previous, &mut problems);
        let layers: Vec<&SettingsLayer> = std::iter::once(&file_layer).chain(editor).collect();
        let settings = Settings::resolve(&layers).unwrap_or_else(|e| {
            problems.push(FileProblem {
                path: root.join(SETTINGS_FILE),
                error: FileError { line: 0, column: 0, message: e.0 },
            });
            previous.map(|p| p.settings.clone()).unwrap_or_default()
        });
        let mut stats = LoadStats::default();
        let mut files = BTreeMap::new();
        // Files are read and their datasets built on every core; what each gave is gathered in
        // the order of the paths, so the outcome does not depend on which finished first.
        let inputs = input_files(&root, &settings, &mut problems);
        let max_bytes = settings.max_source_bytes;
        let outcomes: Vec<(PathBuf, Outcome)> = inputs
            .into_par_iter()
            .map(|(path, role)| {
                let old = previous.and_then(|p| p.files.get(&path));
                let stamp = stamp(&path);
                let outcome = match (old, stamp) {
                    (Some(old), Some(stamp)) if old.stamp == stamp => Outcome::Reused(old.clone()),
                    _ => Outcome::Read(read_input(&path, role, max_bytes).map(|loaded| {
                        let stamp = stamp.unwrap_or(Stamp { len: 0, modified: None });
                        Entry { stamp, loaded }
                    })),
                };
                (path, outcome)
            })
            .collect();
        for (path, outcome) in outcomes {
            match outcome {
                Outcome::Reused(entry) => {
                    stats.reused += 1;
                    files.insert(path, entry);
                }
                Outcome::Read(Ok(entry)) => {
                    stats.read += 1;
                    files.insert(path, entry);
                }
                Outcome::Read(Err(error)) => {
                    stats.read += 1;
                    // The file's last good state stands in for it.
                    if let Some(old) = previous.and_then(|p| p.files.get(&path)) {
                        files.insert(path.clone(), old.clone());
                    }
                    problems.push(FileProblem { path, error });
                }
            }
        }
        problems.extend(duplicate_keys(&root, &files));
        let unchanged = stats.read == 0
            && previous.is_some_and(|p| p.files.len() == files.len() && p.files.keys().eq(files.keys()));
        let (id, library, index) = match previous.filter(|_| unchanged) {
            Some(p) => (p.id, p.library.clone(), p.index.clone()),
            None => {
                let (library, index) = assemble(&files);
                (NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed), library, index)
            }
        };
        Workspace { id, root, settings, library, index, problems, stats, file_layer, files }
    }

    /// A workspace for a draft that lives under no root: no sources, the editor's settings.
    pub fn detached(editor: Option<&SettingsLayer>) -> Workspace {
        let settings = editor.and_then(|e| Settings::resolve(&[e]).ok()).unwrap_or_default();
        Workspace { settings, ..Workspace::default() }
    }

    /// Whether `path` is one of the workspace's sources, or lies under a sources folder.
    pub fn is_source(&self, path: &Path) -> bool {
        let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.files.contains_key(&path) || self.settings.source_paths.iter().any(|p| path.starts_with(self.root.join(p)))
    }

    /// Whether a change to `path` can change what the workspace knows: its settings, a source, a
    /// bibliography or a dataset.
    pub fn is_input(&self, path: &Path) -> bool {
        path.file_name().is_some_and(|n| n == SETTINGS_FILE)
            || self.is_source(path)
            || path.extension().is_some_and(|e| e == "json" || e == "bib")
    }

    /// Where a related place of a finding is, on disk: the source text at the fact, or, for a
    /// source known only by its dataset, the fact's entry in the dataset file.
    pub fn locate(&self, related: &crate::check::Related) -> Option<(PathBuf, Place)> {
        let file = self.source_file(&related.source_key)?;
        match &self.files.get(file)?.loaded {
            Loaded::Curated(_, entries) => {
                let place = entries.get(related.fact_id.as_ref()?)?;
                Some((file.to_path_buf(), *place))
            }
            _ => Some((file.to_path_buf(), related.place)),
        }
    }

    /// [`Workspace::locate`] with the place counted in `encoding`: datasets keep UTF-16 places,
    /// so a client that negotiated UTF-8 gets them counted in bytes of the source's text, read
    /// again (within `sources.max_bytes`) through `texts`, which keeps what one answer read.
    pub fn locate_in(
        &self,
        related: &crate::check::Related,
        encoding: Encoding,
        texts: &mut BTreeMap<PathBuf, Option<(String, LineIndex)>>,
    ) -> Option<(PathBuf, Place)> {
        let (file, place) = self.locate(related)?;
        if encoding == Encoding::Utf16 {
            return Some((file, place));
        }
        let max = self.settings.max_source_bytes;
        let read = texts.entry(file.clone()).or_insert_with(|| {
            read_text(&file, max).ok().map(|t| {
                let lines = LineIndex::new(&t);
                (t, lines)
            })
        });
        let (text, lines) = read.as_ref()?;
        let convert = |line: u32, character: u32| -> Option<(u32, u32)> {
            let offset = lines.offset(text, crate::text::Position::new(line, character), Encoding::Utf16)?;
            let p = lines.position(text, offset, encoding);
            Some((p.line, p.character))
        };
        let (line, character) = convert(place.line, place.character)?;
        let (end_line, end_character) = convert(place.end_line, place.end_character)?;
        Some((file, Place { line, character, end_line, end_character }))
    }

    /// The text source `key` was built from, read from its file; `None` for a source known by a
    /// bibliography or dataset alone.
    pub fn source_text(&self, key: &str) -> Option<String> {
        let file = self.source_file(key)?;
        let Loaded::Text(..) = &self.files.get(file)?.loaded else { return None };
        crate::files::read_regular_text(file).ok()
    }

    /// The file that defines source `key`.
    pub fn source_file(&self, key: &str) -> Option<&Path> {
        self.files
            .iter()
            .find(|(_, e)| match &e.loaded {
                Loaded::Text(s, _) => s.key == key,
                Loaded::Bibliography(list) => list.iter().any(|s| s.key == key),
                Loaded::Curated(d, _) => d.source.key == key,
            })
            .map(|(p, _)| p.as_path())
    }
}

/// The library of keys and the index of every dataset, with curated files merged into the
/// datasets built from texts of the same key.
fn assemble(files: &BTreeMap<PathBuf, Entry>) -> (Library, Arc<Index>) {
    let mut library = Library::default();
    // Shared with the files' entries: a dataset is copied only when a curated file is merged in.
    let mut datasets: BTreeMap<String, Arc<Dataset>> = BTreeMap::new();
    for entry in files.values() {
        match &entry.loaded {
            // Of two texts with one key the first (by path) is used; `duplicate_keys` says so.
            Loaded::Text(source, _) if datasets.contains_key(&source.key) => {}
            Loaded::Text(source, dataset) => {
                library.insert(source.clone());
                datasets.insert(source.key.clone(), dataset.clone());
            }
            Loaded::Bibliography(sources) => sources.iter().for_each(|s| library.insert(s.clone())),
            Loaded::Curated(..) => {}
        }
    }
    for entry in files.values() {
        if let Loaded::Curated(curated, _) = &entry.loaded {
            match datasets.get_mut(&curated.source.key) {
                Some(built) => Arc::make_mut(built).merge_curated(curated),
                None => {
                    library.insert(Source::from_info(&curated.source, Origin::Dataset));
                    datasets.insert(curated.source.key.clone(), curated.clone());
                }
            }
        }
    }
    let index = Index::build(datasets.into_values().collect());
    (library, Arc::new(index))
}

/// A problem for each source text whose key an earlier one (by path) has: only that one is used.
fn duplicate_keys(root: &Path, files: &BTreeMap<PathBuf, Entry>) -> Vec<FileProblem> {
    let mut first: BTreeMap<&str, &Path> = BTreeMap::new();
    let mut problems = Vec::new();
    for (path, entry) in files {
        let Loaded::Text(source, _) = &entry.loaded else { continue };
        match first.get(source.key.as_str()) {
            Some(earlier) => {
                let earlier = earlier.strip_prefix(root).unwrap_or(earlier).display();
                let message =
                    format!("source key `{}` is defined already by {earlier}; this file is not used", source.key);
                problems.push(FileProblem { path: path.clone(), error: FileError { line: 0, column: 0, message } });
            }
            None => {
                first.insert(&source.key, path);
            }
        }
    }
    problems
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    Some(Stamp { len: meta.len(), modified: meta.modified().ok() })
}

/// The largest `stet.toml` read.
const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// Reads `stet.toml` under the same rules as sources: inside the root, a regular file, UTF-8,
/// within a size limit. A file that breaks one is reported and the last good settings stand.
fn read_settings_file(root: &Path, previous: Option<&Workspace>, problems: &mut Vec<FileProblem>) -> SettingsLayer {
    let path = root.join(SETTINGS_FILE);
    if fs::symlink_metadata(&path).is_err() {
        return SettingsLayer::default();
    }
    let read = match resolve_named(root, SETTINGS_FILE) {
        Named::Inside(real) => read_text(&real, MAX_SETTINGS_BYTES),
        Named::Missing | Named::Outside => {
            Err(FileError { line: 0, column: 0, message: crate::files::Skip::LinksOutside.reason().to_string() })
        }
    };
    match read.and_then(|text| SettingsLayer::from_toml(&text)) {
        Ok(layer) => layer,
        Err(error) => {
            problems.push(FileProblem { path, error });
            previous.map(|p| p.file_layer.clone()).unwrap_or_default()
        }
    }
}

/// How an input file is read; where one file is named twice, the first role here wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    /// Matched by `reference.datasets`.
    Dataset,
    /// Named in `sources.bibliographies`.
    Bibliography,
    /// Under a sources folder: a text, a BibTeX file or a CSL-JSON bibliography.
    Source,
}

/// The files that feed the workspace: texts and bibliographies under the sources folders, the
/// bibliographies named in the settings, and the dataset files. Paths that leave the root are
/// refused.
fn input_files(root: &Path, settings: &Settings, problems: &mut Vec<FileProblem>) -> Vec<(PathBuf, Role)> {
    let mut files = Vec::new();
    let settings_problem = |message: String| FileProblem {
        path: root.join(SETTINGS_FILE),
        error: FileError { line: 0, column: 0, message },
    };
    let outside = |what: &str, name: &str| {
        settings_problem(format!("{what} {name} is missing or lies outside the workspace; not read"))
    };
    for dir in &settings.source_paths {
        match resolve_named(root, dir) {
            Named::Inside(p) => {
                let mut found = Vec::new();
                walk(root, &p, &mut found, problems);
                files.extend(found.into_iter().map(|f| (f, Role::Source)));
            }
            Named::Outside => problems.push(outside("sources folder", dir)),
            Named::Missing => {}
        }
    }
    for bib in &settings.bibliographies {
        match resolve_named(root, bib) {
            Named::Inside(p) => files.push((p, Role::Bibliography)),
            Named::Outside | Named::Missing => problems.push(outside("bibliography", bib)),
        }
    }
    for pattern in &settings.datasets {
        match matching_files(root, pattern) {
            Some(found) => files.extend(found.into_iter().map(|p| (p, Role::Dataset))),
            None => problems.push(outside("dataset", pattern)),
        }
    }
    files.sort();
    files.dedup_by(|a, b| a.0 == b.0);
    files
}

/// The files matching `dir/name` where the name may hold `*` wildcards (`reference/*.json`);
/// `None` when the pattern leads out of the root, where nothing is listed.
fn matching_files(root: &Path, pattern: &str) -> Option<Vec<PathBuf>> {
    let (dir, name) = pattern.rsplit_once('/').unwrap_or(("", pattern));
    if !name.contains('*') {
        return match resolve_named(root, pattern) {
            Named::Inside(path) => Some(if path.is_file() { vec![path] } else { Vec::new() }),
            Named::Missing => Some(Vec::new()),
            Named::Outside => None,
        };
    }
    let dir = match resolve_named(root, if dir.is_empty() { "." } else { dir }) {
        Named::Inside(dir) => dir,
        Named::Missing => return Some(Vec::new()),
        Named::Outside => return None,
    };
    let Ok(entries) = fs::read_dir(dir) else { return Some(Vec::new()) };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_str().is_some_and(|n| wildcard_match(name, n)))
        .filter_map(|e| fs::canonicalize(e.path()).ok())
        .filter(|p| p.starts_with(root) && p.is_file())
        .collect();
    found.sort();
    Some(found)
}

/// `*` matches any run of characters; everything else matches itself.
fn wildcard_match(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else { return pattern == name };
    if parts.len() == 1 {
        return pattern == name;
    }
    if !name.starts_with(first) || !name[first.len()..].ends_with(last) || name.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &name[first.len()..name.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

/// The texts and bibliographies under the sources folder `dir`; links that loop, lead out of the
/// root or to files that are not regular are reported, not followed.
fn walk(root: &Path, dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<FileProblem>) {
    let keep = |name: &str| matches!(extension(Path::new(name)).as_str(), "md" | "markdown" | "txt" | "bib" | "json");
    let found =
        crate::files::walk(dir, &crate::files::WalkOptions { within: Some(root), enter: &|_| true, keep: &keep });
    files.extend(found.files);
    problems.extend(found.skipped.into_iter().map(|s| FileProblem {
        path: s.path,
        error: FileError { line: 0, column: 0, message: s.why.reason().to_string() },
    }));
}

fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

/// Reads a regular file as text, within the size limit.
fn read_text(path: &Path, max_bytes: u64) -> Result<String, FileError> {
    let at_start = |message: String| FileError { line: 0, column: 0, message };
    let size = fs::metadata(path).map_err(|e| at_start(format!("cannot read: {e}")))?.len();
    if size > max_bytes {
        return Err(at_start(format!("skipped: {size} bytes is over the limit of {max_bytes} (sources.max_bytes)")));
    }
    let bytes = crate::files::read_regular(path, max_bytes).map_err(|e| at_start(format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(e.as_bytes().get(..valid).unwrap_or_default()).into_owned();
        FileError::at(&prefix, valid, "not UTF-8 text (is this a binary file?)")
    })
}

fn read_input(path: &Path, role: Role, max_bytes: u64) -> Result<Loaded, FileError> {
    let text = read_text(path, max_bytes)?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("source");
    match (role, extension(path).as_str()) {
        (Role::Dataset, _) => {
            let dataset = Dataset::from_json(&text)?;
            let entries = fact_entries(&text, &dataset);
            Ok(Loaded::Curated(Arc::new(dataset), Arc::new(entries)))
        }
        (_, "bib") => parse_bibtex(&text).map(Loaded::Bibliography),
        (_, "json") => parse_csl_json(&text).map(Loaded::Bibliography),
        _ => {
            let front = read_front_matter(&text)?;
            let dataset = build_dataset(None, stem, &text)?;
            let source = Source::bare(dataset.source.key.clone(), Origin::Text).with_fields(&front.fields);
            let source = Source { key: dataset.source.key.clone(), ..source };
            Ok(Loaded::Text(source, Arc::new(dataset)))
        }
    }
}

/// Where each fact's `"id"` stands in a dataset file, found once when the file is read.
fn fact_entries(text: &str, dataset: &Dataset) -> BTreeMap<String, Place> {
    let ids: std::collections::HashSet<&str> = dataset.facts.iter().map(|f| f.id.as_str()).collect();
    let mut entries = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let Some(at) = line.find("\"id\": \"") else { continue };
        let rest = &line[at + 7..];
        let Some(id) = rest.split('"').next().filter(|id| ids.contains(id)) else { continue };
        let character = line[..at].encode_utf16().count() as u32;
        let end = character + (8 + id.len()) as u32;
        entries.insert(id.to_string(), Place { line: n as u32, character, end_line: n as u32, end_character: end });
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::wildcard_match;

    #[test]
    fn wildcards_match_runs_of_characters() {
        assert!(wildcard_match("*.json", "a.json"));
        assert!(wildcard_match("nv-*.json", "nv-2025.json"));
        assert!(!wildcard_match("*.json", "a.bib"));
        assert!(wildcard_match("a*b*c", "axxbyyc"));
        assert!(!wildcard_match("a*b*c", "acb"));
    }
}
