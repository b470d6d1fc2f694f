//! SVG charts: the bench samples over time, and browser against native.
//!
//! Guarantee: every label is a text node; an empty input draws an empty
//! frame rather than failing.

use leptos::prelude::*;

use crate::stats::human_ns;

const W: f64 = 560.0;
const H: f64 = 160.0;
const PAD: f64 = 36.0;

/// Each sample (y, time) by iteration (x), with the median as a line.
pub fn samples_chart(samples: &[u64], median: u64) -> impl IntoView {
    let max = samples.iter().copied().max().unwrap_or(1).max(1) as f64;
    let n = samples.len().max(2) as f64;
    let x = move |i: usize| PAD + (W - PAD - 8.0) * i as f64 / (n - 1.0);
    let y = move |v: f64| H - 18.0 - (H - 30.0) * v / max;
    let points: String = samples.iter().enumerate().map(|(i, &v)| format!("{:.1},{:.1} ", x(i), y(v as f64))).collect();
    let my = y(median as f64);
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label="bench samples">
            <line x1=PAD y1=H - 18.0 x2=W - 8.0 y2=H - 18.0 class="axis" />
            <line x1=PAD y1=8.0 x2=PAD y2=H - 18.0 class="axis" />
            <polyline points=points class="samples" />
            <line x1=PAD y1=my x2=W - 8.0 y2=my class="median" />
            <text x=2.0 y=14.0 class="label">{human_ns(max)}</text>
            <text x=2.0 y=H - 20.0 class="label">"0"</text>
            <text x=W - 140.0 y=my - 4.0 class="label">{format!("median {}", human_ns(median as f64))}</text>
            <text x=PAD y=H - 4.0 class="label">{format!("{} iterations", samples.len())}</text>
        </svg>
    }
}

/// Grouped horizontal bars: for each row, browser then native.
pub fn compare_chart(rows: Vec<(&'static str, f64, f64)>) -> impl IntoView {
    let max = rows.iter().map(|r| r.1.max(r.2)).fold(1.0, f64::max);
    let row_h = 34.0;
    let h = rows.len() as f64 * row_h + 24.0;
    let bar = move |v: f64| (W - 200.0) * v / max;
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, b, n))| {
            let top = 8.0 + i as f64 * row_h;
            view! {
                <text x=4.0 y=top + 16.0 class="label">{label}</text>
                <rect x=70.0 y=top width=bar(b) height=12.0 class="bar-browser" />
                <text x=74.0 + bar(b) y=top + 10.0 class="label">{human_ns(b)}</text>
                <rect x=70.0 y=top + 14.0 width=bar(n) height=12.0 class="bar-native" />
                <text x=74.0 + bar(n) y=top + 24.0 class="label">{human_ns(n)}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {h}") role="img" aria-label="browser against native">
            {bars}
            <rect x=70.0 y=h - 12.0 width=10.0 height=8.0 class="bar-browser" />
            <text x=84.0 y=h - 4.0 class="label">"browser"</text>
            <rect x=160.0 y=h - 12.0 width=10.0 height=8.0 class="bar-native" />
            <text x=174.0 y=h - 4.0 class="label">"native"</text>
        </svg>
    }
}
