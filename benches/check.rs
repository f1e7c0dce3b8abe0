//! Reading, matching and checking generated drafts of 10 KB, 100 KB and 1 MB against the example
//! workspace, and checking one again after a keystroke. Each step should cost in proportion to
//! the draft, and a keystroke in proportion to its paragraph.
//!
//!     cargo bench --bench check

mod common;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use stet::check::{analyse, matching, Context, DraftCache};
use stet::extract::read_draft;
use stet::workspace::Workspace;

fn bench(c: &mut Criterion) {
    let ws = Workspace::load(&common::example_root(), None, None);
    let against = ws.against();
    let config = against.config;
    for bytes in [10 << 10, 100 << 10, 1 << 20] {
        let text = common::draft(bytes, 7);
        let mut group = c.benchmark_group(format!("check/{}", common::size_name(bytes)));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(if bytes >= 1 << 20 { 10 } else { 30 });
        group.bench_function("read", |b| b.iter(|| black_box(read_draft(&text))));
        let draft = read_draft(&text);
        let cx = Context::new(&text, &draft, &ws.library, &ws.index, config);
        group.bench_function("match", |b| b.iter(|| black_box(matching::match_figures(&cx))));
        group.bench_function("check by paragraph", |b| b.iter(|| black_box(analyse(&text, &against).findings())));

        // A keystroke: the cache holds the draft checked, one character goes in mid-draft.
        let mut cache = DraftCache::default();
        cache.check(&text, &against, &|| false);
        let mut r = common::Lcg(11);
        group.throughput(Throughput::Elements(1));
        group.bench_function("check again after a keystroke", |b| {
            b.iter_custom(|iterations| {
                let mut spent = std::time::Duration::ZERO;
                for _ in 0..iterations {
                    let mut at = r.below(text.len());
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    let edited = format!("{}x{}", &text[..at], &text[at..]);
                    let started = std::time::Instant::now();
                    black_box(cache.check(&edited, &against, &|| false));
                    spent += started.elapsed();
                    // Back to the original untimed, so that every keystroke finds the same cache.
                    cache.check(&text, &against, &|| false);
                }
                spent
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
