//! SVG charts: the bench samples over time, browser against native, and a
//! recorded history's medians over runs.
//!
//! Guarantee: every label is a text node; an empty input draws an empty
//! frame rather than failing.

use leptos::prelude::*;

use crate::num::fixed;
use crate::stats::human_ns;

const W: f64 = 560.0;
const H: f64 = 160.0;
const PAD: f64 = 36.0;

/// A coordinate as SVG text (to a tenth of a unit).
fn c(v: f64) -> String {
    fixed(v, 1)
}

/// The `viewBox` of a chart `w` wide and `h` high.
fn view_box(w: f64, h: f64) -> String {
    format!("0 0 {} {}", c(w), c(h))
}

/// Each sample (y, time) by iteration (x), with the median as a line.
pub fn samples_chart(samples: &[u64], median: u64) -> impl IntoView {
    let max = samples.iter().copied().max().unwrap_or(1).max(1) as f64;
    let n = samples.len().max(2) as f64;
    let x = move |i: usize| PAD + (W - PAD - 8.0) * i as f64 / (n - 1.0);
    let y = move |v: f64| H - 18.0 - (H - 30.0) * v / max;
    let points: String = samples.iter().enumerate().map(|(i, &v)| format!("{},{} ", c(x(i)), c(y(v as f64)))).collect();
    let my = y(median as f64);
    view! {
        <svg class="chart" viewBox=view_box(W, H) role="img" aria-label="bench samples">
            <line x1=c(PAD) y1=c(H - 18.0) x2=c(W - 8.0) y2=c(H - 18.0) class="axis" />
            <line x1=c(PAD) y1="8" x2=c(PAD) y2=c(H - 18.0) class="axis" />
            <polyline points=points class="samples" />
            <line x1=c(PAD) y1=c(my) x2=c(W - 8.0) y2=c(my) class="median" />
            <text x="2" y="14" class="label">{human_ns(max)}</text>
            <text x="2" y=c(H - 20.0) class="label">"0"</text>
            <text x=c(W - 140.0) y=c(my - 4.0) class="label">{format!("median {}", human_ns(median as f64))}</text>
            <text x=c(PAD) y=c(H - 4.0) class="label">{format!("{} iterations", samples.len())}</text>
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
                <text x="4" y=c(top + 16.0) class="label">{label}</text>
                <rect x="70" y=c(top) width=c(bar(b)) height="12" class="bar-browser" />
                <text x=c(74.0 + bar(b)) y=c(top + 10.0) class="label">{human_ns(b)}</text>
                <rect x="70" y=c(top + 14.0) width=c(bar(n)) height="12" class="bar-native" />
                <text x=c(74.0 + bar(n)) y=c(top + 24.0) class="label">{human_ns(n)}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=view_box(W, h) role="img" aria-label="browser against native">
            {bars}
            <rect x="70" y=c(h - 12.0) width="10" height="8" class="bar-browser" />
            <text x="84" y=c(h - 4.0) class="label">"browser"</text>
            <rect x="160" y=c(h - 12.0) width="10" height="8" class="bar-native" />
            <text x="174" y=c(h - 4.0) class="label">"native"</text>
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
        runs.iter().enumerate().map(|(i, r)| format!("{},{} ", c(x(i)), c(y(r.median_ns as f64)))).collect();
    let quartiles: Vec<(usize, f64, f64)> =
        runs.iter().enumerate().filter_map(|(i, r)| Some((i, r.q1_ns?, r.q3_ns?))).collect();
    let band = (quartiles.len() >= 2).then(|| {
        let upper = quartiles.iter().map(|&(i, _, q3)| format!("{},{}", c(x(i)), c(y(q3))));
        let lower = quartiles.iter().rev().map(|&(i, q1, _)| format!("{},{}", c(x(i)), c(y(q1))));
        let points = upper.chain(lower).collect::<Vec<_>>().join(" ");
        view! { <polygon points=points class="history-band" /> }
    });
    let whiskers = runs
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, r.min_ns?, r.max_ns?)))
        .map(|(i, lo, hi)| view! { <line x1=c(x(i)) y1=c(y(lo as f64)) x2=c(x(i)) y2=c(y(hi as f64)) class="history-whisker" /> })
        .collect_view();
    let dots = runs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                <circle cx=c(x(i)) cy=c(y(r.median_ns as f64)) r="3" class="history-dot">
                    <title>{format!("{}: median {}", r.timestamp, human_ns(r.median_ns as f64))}</title>
                </circle>
            }
        })
        .collect_view();
    let first = runs.first().map(|r| r.timestamp.clone()).unwrap_or_default();
    let last = runs.last().map(|r| r.timestamp.clone()).unwrap_or_default();
    view! {
        <svg class="chart" viewBox=view_box(W, H) role="img" aria-label="median of each recorded run">
            <line x1=c(PAD) y1=c(H - 18.0) x2=c(W - 8.0) y2=c(H - 18.0) class="axis" />
            <line x1=c(PAD) y1="8" x2=c(PAD) y2=c(H - 18.0) class="axis" />
            {band}
            {whiskers}
            <polyline points=median class="history-median" />
            {dots}
            <text x="2" y="14" class="label">{human_ns(max)}</text>
            <text x="2" y=c(H - 20.0) class="label">"0"</text>
            <text x=c(PAD) y=c(H - 4.0) class="label">{first}</text>
            <text x=c(W - 8.0) y=c(H - 4.0) class="label" text-anchor="end">{last}</text>
        </svg>
    }
}
