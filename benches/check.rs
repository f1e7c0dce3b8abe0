//! Reading, matching and checking generated drafts of 10 KB, 100 KB and 1 MB against the example
//! workspace. Each step should cost in proportion to the draft.
//!
//!     cargo bench --bench check

mod common;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use stet::check::{check_draft, matching, Context};
use stet::extract::read_draft;
use stet::workspace::Workspace;

fn bench(c: &mut Criterion) {
    let ws = Workspace::load(&common::example_root(), None, None);
    let config = &ws.settings.check;
    for bytes in [10 << 10, 100 << 10, 1 << 20] {
        let text = common::draft(bytes, 7);
        let mut group = c.benchmark_group(format!("check/{}", common::size_name(bytes)));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(if bytes >= 1 << 20 { 10 } else { 30 });
        group.bench_function("read", |b| b.iter(|| black_box(read_draft(&text))));
        let draft = read_draft(&text);
        let cx = Context::new(&text, &draft, &ws.library, &ws.index, config);
        group.bench_function("match", |b| b.iter(|| black_box(matching::match_figures(&cx))));
        group.bench_function("whole check", |b| {
            b.iter(|| black_box(check_draft(&text, &read_draft(&text), &ws.library, &ws.index, config)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
