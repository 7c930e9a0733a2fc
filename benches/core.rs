//! Criterion benchmarks of the native core: `cargo bench --bench core`.
//! Inputs: every USCC in tests/vectors (valid and invalid).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use xinyong::{uscc, ValidateOptions};

fn codes(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.starts_with('#')).skip(1).filter_map(|l| l.split('\t').next()).collect()
}

fn bench(c: &mut Criterion) {
    let valid = codes(include_str!("../tests/vectors/uscc-valid.tsv"));
    let invalid = codes(include_str!("../tests/vectors/uscc-invalid.tsv"));
    let all: Vec<&str> = valid.iter().chain(&invalid).copied().collect();
    let per = |n: usize| n as u64;
    let mut g = c.benchmark_group("uscc");
    g.throughput(criterion::Throughput::Elements(per(all.len())));
    g.bench_function("is_valid (all vectors)", |b| {
        b.iter(|| all.iter().filter(|c| uscc::is_valid(black_box(c))).count())
    });
    g.throughput(criterion::Throughput::Elements(per(valid.len())));
    g.bench_function("is_valid (valid codes)", |b| {
        b.iter(|| valid.iter().filter(|c| uscc::is_valid(black_box(c))).count())
    });
    let lines = valid.join("\n");
    g.bench_function("is_valid_lines (valid codes, one buffer)", |b| {
        b.iter(|| uscc::is_valid_lines(black_box(lines.as_bytes())).len())
    });
    g.bench_function("validate + JSON text, as the wasm boundary does (valid codes)", |b| {
        b.iter(|| {
            valid.iter().map(|c| xinyong::json::to_string(&uscc::validate(black_box(c))).len()).sum::<usize>()
        })
    });
    g.bench_function("validate (valid codes)", |b| {
        b.iter(|| valid.iter().filter(|c| uscc::validate(black_box(c)).valid).count())
    });
    let quiet = ValidateOptions { suggestions: false, ..Default::default() };
    g.throughput(criterion::Throughput::Elements(per(invalid.len())));
    g.bench_function("validate (invalid codes, no suggestions)", |b| {
        b.iter(|| invalid.iter().filter(|c| uscc::validate_with(black_box(c), &quiet).valid).count())
    });
    g.bench_function("validate (invalid codes, with suggestions)", |b| {
        b.iter(|| invalid.iter().filter(|c| uscc::validate(black_box(c)).valid).count())
    });
    // What a keystroke costs on a mistyped code: one substitution in each
    // valid code (position k mod 18 of the k-th, by the next alphabet
    // character), validated with the suggestion search.
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let typos: Vec<String> = valid
        .iter()
        .enumerate()
        .map(|(k, code)| {
            let mut bytes = code.as_bytes().to_vec();
            let i = k % 18;
            let next = ALPHABET.iter().position(|&c| c == bytes[i]).map_or(0, |p| (p + 1) % ALPHABET.len());
            bytes[i] = ALPHABET[next];
            String::from_utf8(bytes).unwrap_or_default()
        })
        .collect();
    g.throughput(criterion::Throughput::Elements(per(typos.len())));
    g.bench_function("validate (one typo in each valid code, with suggestions)", |b| {
        b.iter(|| typos.iter().map(|c| uscc::validate(black_box(c)).suggestions.len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
