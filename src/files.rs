//! Walking folders and reading files that anyone may have laid out: links that loop, links out
//! of the workspace, FIFOs and devices.
//!
//! A walk enters each folder once, known by its device and inode, so a link to `.` or `..`, or
//! two links to one folder, cost one visit; a link that leads back up to a folder being walked
//! is not followed and is reported. Only regular files are listed and read: opening a FIFO
//! blocks until someone writes to it, which nobody will.

use std::collections::HashSet;
use std::fs::{self, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Something a walk passed over, and why: the caller says so to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The entry as it stands in the folder walked (not where a link leads).
    pub path: PathBuf,
    pub why: Skip,
}

/// Why a walk passed an entry over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// A link to a folder that holds it: following it would walk the same files forever.
    LinksBackUp,
    /// A link to a folder this walk has entered already.
    SeenBefore,
    /// A link that leads nowhere, or out of the folder the walk must stay in. The two read the
    /// same, so that a message never tells whether a path outside exists.
    LinksOutside,
    /// A FIFO, socket or device: reading it could block forever or never end.
    NotRegular,
}

impl Skip {
    /// Says why, for a message after the entry's path.
    pub fn reason(self) -> &'static str {
        match self {
            Skip::LinksBackUp => "links back up to a folder that holds it; not followed",
            Skip::SeenBefore => "leads to a folder already read; not read twice",
            Skip::LinksOutside => "links to a path that is missing or outside the workspace; not read",
            Skip::NotRegular => "is not a regular file (a FIFO, socket or device); not read",
        }
    }
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Regular files whose name `keep` accepted, by their canonical path, sorted.
    pub files: Vec<PathBuf>,
    pub skipped: Vec<Skipped>,
}

/// How a walk treats what it meets.
pub struct WalkOptions<'a> {
    /// Links leading out of this folder are not followed; `None` lets them go anywhere.
    pub within: Option<&'a Path>,
    /// Whether to enter a folder, by its name.
    pub enter: &'a dyn Fn(&str) -> bool,
    /// Whether to list a file, by its name.
    pub keep: &'a dyn Fn(&str) -> bool,
}

/// Walks `start` and the folders below it, each once, without recursion (a deep tree costs
/// memory, not stack).
pub fn walk(start: &Path, options: &WalkOptions<'_>) -> Walk {
    let mut found = Walk::default();
    let Ok(start) = fs::canonicalize(start) else { return found };
    let mut seen = HashSet::new();
    if let Ok(meta) = fs::metadata(&start) {
        seen.insert(identity(&meta, &start));
    }
    let mut folders = vec![start];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            match look_at(&entry.path(), &folder, options, &mut seen) {
                Some(Found::Folder(path)) if (options.enter)(&name) => folders.push(path),
                Some(Found::File(path)) if (options.keep)(&name) => found.files.push(path),
                Some(Found::Skipped(why)) if why != Skip::NotRegular || (options.keep)(&name) => {
                    found.skipped.push(Skipped { path: entry.path(), why })
                }
                _ => {}
            }
        }
    }
    found.files.sort();
    found.files.dedup();
    found.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

enum Found {
    Folder(PathBuf),
    File(PathBuf),
    Skipped(Skip),
}

/// What the entry at `path`, in `folder`, is to a walk.
fn look_at(path: &Path, folder: &Path, options: &WalkOptions<'_>, seen: &mut HashSet<Identity>) -> Option<Found> {
    let is_link = fs::symlink_metadata(path).ok()?.file_type().is_symlink();
    let Ok(target) = fs::canonicalize(path) else {
        return is_link.then_some(Found::Skipped(Skip::LinksOutside));
    };
    if options.within.is_some_and(|within| !target.starts_with(within)) {
        return Some(Found::Skipped(Skip::LinksOutside));
    }
    let meta = fs::metadata(&target).ok()?;
    if meta.is_dir() {
        if folder.starts_with(&target) {
            return Some(Found::Skipped(Skip::LinksBackUp));
        }
        if !seen.insert(identity(&meta, &target)) {
            return Some(Found::Skipped(Skip::SeenBefore));
        }
        return Some(Found::Folder(target));
    }
    if meta.is_file() {
        return Some(Found::File(target));
    }
    Some(Found::Skipped(Skip::NotRegular))
}

/// What makes a folder the same folder, whatever path leads to it.
#[cfg(unix)]
type Identity = (u64, u64);
#[cfg(not(unix))]
type Identity = PathBuf;

#[cfg(unix)]
fn identity(meta: &Metadata, _: &Path) -> Identity {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn identity(_: &Metadata, path: &Path) -> Identity {
    path.to_path_buf()
}

/// Reads the regular file at `path`, at most `max_bytes` of it: a FIFO, socket or device is
/// refused before it is opened, and a file that grows while read is cut at the limit.
pub fn read_regular(path: &Path, max_bytes: u64) -> std::io::Result<Vec<u8>> {
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file (a FIFO, socket or device); not read"));
    }
    if meta.len() > max_bytes {
        return Err(std::io::Error::other(format!("{} bytes is over the limit of {max_bytes}", meta.len())));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)?.take(max_bytes).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Where a path named in the settings leads, seen from the workspace's root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// An existing path inside the root, canonical.
    Inside(PathBuf),
    /// Nothing there, and no link on the way: a plain missing path inside the root.
    Missing,
    /// Outside the root, or behind a link that leads nowhere. Both read alike, so that no
    /// message tells whether a path outside the workspace exists.
    Outside,
}

/// Resolves `name`, relative to `root` (canonical) or absolute, without touching anything
/// outside the root when the name itself leaves it.
pub fn resolve_named(root: &Path, name: &str) -> Named {
    let joined = root.join(name);
    if !lexically_within(root, &joined) {
        return Named::Outside;
    }
    match fs::canonicalize(&joined) {
        Ok(path) if path.starts_with(root) => Named::Inside(path),
        Ok(_) => Named::Outside,
        Err(_) if link_on_the_way(root, &joined) => Named::Outside,
        Err(_) => Named::Missing,
    }
}

/// Whether `path`, its `..` taken away without reading the disk, stays under `root`.
fn lexically_within(root: &Path, path: &Path) -> bool {
    use std::path::Component;
    let mut normal = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal.starts_with(root)
}

/// Whether some path from `root` down to `path` is a symbolic link.
fn link_on_the_way(root: &Path, path: &Path) -> bool {
    path.ancestors()
        .take_while(|p| p.starts_with(root) && *p != root)
        .any(|p| fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()))
}

/// [`read_regular`] as UTF-8 text, with no size limit: for drafts named by the user.
pub fn read_regular_text(path: &Path) -> std::io::Result<String> {
    let bytes = read_regular(path, u64::MAX)?;
    String::from_utf8(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// The Markdown drafts under `dir`, passing over hidden folders and those of tools, with what was
/// skipped on the way told on stderr.
pub fn markdown_under(dir: &Path) -> Vec<PathBuf> {
    let enter = |name: &str| !(name.starts_with('.') || name == "node_modules" || name == "target");
    let keep = |name: &str| {
        let extension = Path::new(name).extension().and_then(|e| e.to_str());
        !name.starts_with('.') && matches!(extension, Some("md" | "markdown"))
    };
    let found = walk(dir, &WalkOptions { within: None, enter: &enter, keep: &keep });
    for skipped in &found.skipped {
        eprintln!("stet: {} {}", skipped.path.display(), skipped.why.reason());
    }
    found.files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn everything() -> WalkOptions<'static> {
        WalkOptions { within: None, enter: &|_| true, keep: &|_| true }
    }

    #[cfg(unix)]
    #[test]
    fn links_back_up_are_not_followed_and_each_folder_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a/b")).unwrap();
        fs::write(root.join("a/b/x.md"), "x").unwrap();
        std::os::unix::fs::symlink(".", root.join("a/here")).unwrap();
        std::os::unix::fs::symlink("..", root.join("a/b/up")).unwrap();
        std::os::unix::fs::symlink("b", root.join("a/again")).unwrap();
        let walk = walk(root, &everything());
        assert_eq!(walk.files.len(), 1, "{walk:?}");
        let why: Vec<Skip> = walk.skipped.iter().map(|s| s.why).collect();
        assert!(why.contains(&Skip::LinksBackUp), "{walk:?}");
    }

    #[test]
    fn a_missing_file_is_an_error_not_a_hang() {
        assert!(read_regular(Path::new("/nonexistent/stet"), 10).is_err());
    }
}
