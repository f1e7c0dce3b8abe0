//! Building the reference from 10, 1,000 and 10,000 generated sources, and looking up a draft's
//! figures and names in it. Lookup should cost about the same at every size. Then a workspace of
//! that many source files loaded from disk as the server and the command line load it, and
//! loaded again after one of them changed.
//!
//!     cargo bench --bench reference
//!     cargo bench --bench reference -- workspace     # only the workspace loads

use std::sync::Arc;

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};
use stet::extract::read_draft;
use stet::extract::terms::content_terms;
use stet::reference::{build_dataset, Dataset, Index};
use stet::workspace::Workspace;

const TOPICS: &[&str] = &[
    "harbour", "budget", "measles", "tariff", "drought", "election", "bridge", "prison", "school", "refinery",
    "airport", "vaccine", "pension", "wildfire", "railway", "fishery", "housing", "mining", "police", "court",
];
const NOUNS: &[&str] =
    &["people", "tons", "cases", "voters", "patients", "workers", "boats", "homes", "trips", "students"];
const VERBS: &[&str] =
    &["detained", "seized", "recorded", "counted", "moved", "built", "treated", "hired", "lost", "sold"];
const FIRST: &[&str] = &["Ana", "Luis", "Mara", "Devon", "Ingrid", "Samuel", "Rosa", "Pavel", "Nadia", "Omar"];
const LAST: &[&str] =
    &["Ortega", "Quinlan", "Okafor", "Solberg", "Achter", "Varga", "Moreau", "Haddad", "Lindqvist", "Tanaka"];

/// A deterministic pseudo-random sequence, so every run measures the same texts.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

fn source_text(i: usize) -> String {
    let mut r = Lcg(i as u64 + 1);
    let topic = r.pick(TOPICS);
    let mut text = format!("---\nkey: src-{i}\ntitle: Report {i} on the {topic}\n---\n\n");
    for p in 0..3 {
        let (first, last) = (r.pick(FIRST), r.pick(LAST));
        text.push_str(&format!(
            "Minister {first} {last}{i} said the {topic} agency {} {} {} in {}. ",
            r.pick(VERBS),
            r.next() % 90_000 + 100,
            r.pick(NOUNS),
            2000 + r.next() % 25
        ));
        text.push_str(&format!(
            "The Regional {} Authority {i}-{p} reported about {}.{}% more {} than a year earlier.\n\n",
            r.pick(TOPICS).to_uppercase().chars().next().map(|c| c.to_string()).unwrap_or_default()
                + &r.pick(TOPICS)[1..],
            r.next() % 40,
            r.next() % 10,
            r.pick(NOUNS)
        ));
    }
    text
}

fn datasets(n: usize) -> Vec<Arc<Dataset>> {
    (0..n).map(|i| Arc::new(build_dataset(None, "s", &source_text(i)).expect("generated sources are valid"))).collect()
}

const DRAFT: &str = "\
Minister Ana Ortega7 said the harbour agency detained 4,512 people in 2019 [@src-7].

The Regional Budget Authority reported about 12.5% more tons than a year earlier, and police \
seized 300 boats. Some 2,000 voters and 45 patients were counted in the measles drive.

Officials hired 80 workers for the railway in 2021, while 19 schools closed.
";

/// What a check does per draft before scoring matches: candidates for every figure, and names.
fn look_up(index: &Index) -> usize {
    let draft = read_draft(DRAFT);
    let mut found = index.find_names(DRAFT).len();
    for figure in &draft.figures {
        let sentence = draft.sentence_at(figure.range.start).map(|s| draft.sentences[s].range.clone()).unwrap_or(0..0);
        let terms = content_terms(&DRAFT[sentence]);
        found += index.candidates(&terms, &["src-7"]).len();
    }
    found
}

fn bench(c: &mut Criterion) {
    for n in [10, 1_000, 10_000] {
        let mut group = c.benchmark_group(format!("reference/{n}-sources"));
        group.sample_size(10);
        let texts: Vec<String> = (0..n).map(source_text).collect();
        group.bench_function("build datasets and index", |b| {
            b.iter(|| {
                let built: Vec<Arc<Dataset>> =
                    texts.iter().map(|t| Arc::new(build_dataset(None, "s", t).expect("valid"))).collect();
                black_box(Index::build(built))
            })
        });
        let built = datasets(n);
        group.bench_function("index only", |b| {
            b.iter_batched(|| built.clone(), |d| black_box(Index::build(d)), BatchSize::LargeInput)
        });
        let index = Index::build(built);
        group.sample_size(50);
        group.bench_function("look up a draft", |b| b.iter(|| black_box(look_up(&index))));
        group.finish();
        workspace_loads(c, &texts);
    }
}

/// A workspace folder holding `texts` as source files.
fn workspace_of(texts: &[String]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir_all(dir.path().join("sources")).expect("folders can be made");
    std::fs::write(dir.path().join("stet.toml"), "[sources]\npaths = [\"sources\"]\n").expect("settings");
    for (i, text) in texts.iter().enumerate() {
        std::fs::write(dir.path().join(format!("sources/src-{i}.md")), text).expect("a source file");
    }
    dir
}

/// Loading the workspace from disk, and loading it again after one source changed (as the
/// server does when a file watcher reports the change).
fn workspace_loads(c: &mut Criterion, texts: &[String]) {
    let dir = workspace_of(texts);
    let mut group = c.benchmark_group(format!("workspace/{}-sources", texts.len()));
    group.sample_size(10);
    group.bench_function("load", |b| b.iter(|| black_box(Workspace::load(dir.path(), None, None))));
    let changed = dir.path().join("sources/src-0.md");
    let original = texts.first().cloned().unwrap_or_default();
    let mut previous = Workspace::load(dir.path(), None, None);
    let mut edits = 0usize;
    group.bench_function("reload one changed source", |b| {
        b.iter_custom(|iterations| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iterations {
                // Each time another text, of another length, so the change is seen.
                edits += 1;
                let boats = if edits.is_multiple_of(2) { "12" } else { "123" };
                let text = format!("{original}\nThe harbour agency counted {boats} more boats.\n");
                std::fs::write(&changed, text).expect("the source can be written");
                let started = std::time::Instant::now();
                let loaded = Workspace::load(dir.path(), None, Some(&previous));
                spent += started.elapsed();
                assert_eq!(loaded.stats.read, 1, "only the changed source is read again");
                previous = loaded;
            }
            spent
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
