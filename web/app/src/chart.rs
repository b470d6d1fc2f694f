//! SVG charts: the bench samples over time, browser against native, and a
//! recorded history's medians over runs.
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

/// A history series: the median of each run (a line with a dot per run),
/// the interquartile range as a band and the fastest and slowest samples
/// as whiskers where the runs recorded them, oldest run at the left; the
/// first and last run's times label the axis.
pub fn history_chart(runs: &[crate::history::Run]) -> impl IntoView {
    let top = |r: &crate::history::Run| r.max_ns.unwrap_or(r.median_ns).max(r.q3_ns.map_or(0, |q| q.ceil() as u64));
    let max = runs.iter().map(top).max().unwrap_or(1).max(1) as f64;
    let n = runs.len().max(2) as f64;
    let x = move |i: usize| PAD + 8.0 + (W - PAD - 24.0) * i as f64 / (n - 1.0);
    let y = move |v: f64| H - 18.0 - (H - 30.0) * v / max;
    let median: String =
        runs.iter().enumerate().map(|(i, r)| format!("{:.1},{:.1} ", x(i), y(r.median_ns as f64))).collect();
    let quartiles: Vec<(usize, f64, f64)> =
        runs.iter().enumerate().filter_map(|(i, r)| Some((i, r.q1_ns?, r.q3_ns?))).collect();
    let band = (quartiles.len() >= 2).then(|| {
        let upper = quartiles.iter().map(|&(i, _, q3)| format!("{:.1},{:.1}", x(i), y(q3)));
        let lower = quartiles.iter().rev().map(|&(i, q1, _)| format!("{:.1},{:.1}", x(i), y(q1)));
        let points = upper.chain(lower).collect::<Vec<_>>().join(" ");
        view! { <polygon points=points class="history-band" /> }
    });
    let whiskers = runs
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, r.min_ns?, r.max_ns?)))
        .map(|(i, lo, hi)| view! { <line x1=x(i) y1=y(lo as f64) x2=x(i) y2=y(hi as f64) class="history-whisker" /> })
        .collect_view();
    let dots = runs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                <circle cx=x(i) cy=y(r.median_ns as f64) r=3.0 class="history-dot">
                    <title>{format!("{}: median {}", r.timestamp, human_ns(r.median_ns as f64))}</title>
                </circle>
            }
        })
        .collect_view();
    let first = runs.first().map(|r| r.timestamp.clone()).unwrap_or_default();
    let last = runs.last().map(|r| r.timestamp.clone()).unwrap_or_default();
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label="median of each recorded run">
            <line x1=PAD y1=H - 18.0 x2=W - 8.0 y2=H - 18.0 class="axis" />
            <line x1=PAD y1=8.0 x2=PAD y2=H - 18.0 class="axis" />
            {band}
            {whiskers}
            <polyline points=median class="history-median" />
            {dots}
            <text x=2.0 y=14.0 class="label">{human_ns(max)}</text>
            <text x=2.0 y=H - 20.0 class="label">"0"</text>
            <text x=PAD y=H - 4.0 class="label">{first}</text>
            <text x=W - 8.0 y=H - 4.0 class="label" text-anchor="end">{last}</text>
        </svg>
    }
}
