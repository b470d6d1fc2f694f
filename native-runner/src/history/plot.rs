//! The HTML rendering of `history`: one self-contained page (no scripts,
//! no external files) with an SVG plot per series, drawn by the plotters
//! crate's SVG backend.
//!
//! Each plot shows, over the runs' timestamps, the median of each run
//! (line and points), its interquartile range (a shaded band) and its
//! fastest and slowest samples (whiskers), in milliseconds, up to 1.5
//! times the largest median (what lies above is clipped). Runs that
//! share a timestamp are spread by a second so that every run stays
//! visible.

use std::fmt::Write as _;

use plotters::prelude::*;

use super::{dur, History, Series};

/// The size of one plot, in pixels.
const SIZE: (u32, u32) = (860, 320);

/// The plot's top, as a multiple of the largest median.
const CLIP: f64 = 1.5;

/// The page.
pub fn html(doc: &History) -> anyhow::Result<String> {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>FastForth bench history</title>\n\
         <style>body{{font-family:sans-serif;margin:2em;max-width:{}px}} h2{{font-size:1.1em;margin-top:2em}} \
         table{{border-collapse:collapse;font-size:.85em}} td,th{{padding:2px 8px;text-align:right}} \
         code{{font-size:.9em}}</style>\n</head>\n<body>\n<h1>Bench history</h1>\n<p>{} series from <code>{}</code>; \
         the line is the median of each run, the band its interquartile range, the whiskers its fastest and \
         slowest sample, clipped at {CLIP} times the largest median.</p>",
        SIZE.0 + 40,
        doc.series.len(),
        escape(&doc.store)
    );
    for s in &doc.series {
        let _ = writeln!(
            o,
            "<h2>{} on {} [{}]: {} runs</h2>",
            escape(&s.program),
            escape(&s.machine),
            escape(&s.config),
            s.runs.len()
        );
        o.push_str(&svg(s)?);
        o.push('\n');
        let last = s.runs.last().expect("a series has runs");
        let _ = writeln!(
            o,
            "<p>latest: {} median {}, module <code>{}</code>, source revision <code>{}</code></p>",
            escape(&last.timestamp),
            dur(last.median_ns as f64),
            escape(&last.module_sha256[..last.module_sha256.len().min(12)]),
            escape(last.source_git_revision.as_deref().unwrap_or("-"))
        );
    }
    o.push_str("</body>\n</html>\n");
    Ok(o)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Seconds since the epoch of each run, a second apart where timestamps
/// repeat or cannot be read.
fn times(s: &Series) -> Vec<f64> {
    let mut prev = f64::NEG_INFINITY;
    s.runs
        .iter()
        .map(|r| {
            let t = humantime::parse_rfc3339(&r.timestamp)
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(prev + 1.0, |d| d.as_secs_f64());
            prev = if t > prev { t } else { prev + 1.0 };
            prev
        })
        .collect()
}

/// One series' plot, as an `<svg>` element.
pub fn svg(s: &Series) -> anyhow::Result<String> {
    let xs = times(s);
    let ms = |ns: f64| ns / 1e6;
    let (x0, x1) = (xs[0], *xs.last().expect("a series has runs"));
    let pad = ((x1 - x0) * 0.05).max(30.0);
    let lo = s.runs.iter().map(|r| ms(r.min_ns as f64)).fold(f64::INFINITY, f64::min);
    // A few iterations that another process delayed can be a hundred
    // times slower than the rest; the axis stops at 1.5 times the largest
    // median so that the medians stay readable, and the bands and
    // whiskers are clipped there.
    let top = s.runs.iter().map(|r| ms(r.median_ns as f64)).fold(0.0, f64::max) * CLIP;
    let hi = s.runs.iter().map(|r| ms(r.max_ns as f64)).fold(0.0, f64::max).min(top);
    let ms = |ns: f64| ms(ns).min(hi);
    let ypad = ((hi - lo) * 0.1).max(hi * 0.01).max(1e-6);
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(70)
            .build_cartesian_2d((x0 - pad)..(x1 + pad), (lo - ypad).max(0.0)..(hi + ypad))
            .map_err(plot_error)?;
        chart
            .configure_mesh()
            .x_labels(6)
            .y_labels(6)
            .x_label_formatter(&|t| label_time(*t, x1 - x0))
            .y_desc("ms")
            .light_line_style(RGBColor(235, 235, 235))
            .draw()
            .map_err(plot_error)?;
        let band: Vec<(f64, f64)> = xs
            .iter()
            .zip(&s.runs)
            .map(|(x, r)| (*x, ms(r.q3_ns)))
            .chain(xs.iter().zip(&s.runs).rev().map(|(x, r)| (*x, ms(r.q1_ns))))
            .collect();
        let blue = RGBColor(31, 119, 180);
        chart.draw_series(std::iter::once(Polygon::new(band, blue.mix(0.2).filled()))).map_err(plot_error)?;
        chart
            .draw_series(xs.iter().zip(&s.runs).map(|(x, r)| {
                PathElement::new(vec![(*x, ms(r.min_ns as f64)), (*x, ms(r.max_ns as f64))], blue.mix(0.5))
            }))
            .map_err(plot_error)?;
        let medians: Vec<(f64, f64)> = xs.iter().zip(&s.runs).map(|(x, r)| (*x, ms(r.median_ns as f64))).collect();
        chart
            .draw_series(LineSeries::new(medians.clone(), blue.stroke_width(2)))
            .map_err(plot_error)?
            .label("median")
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], blue.stroke_width(2)));
        chart.draw_series(medians.iter().map(|p| Circle::new(*p, 3, blue.filled()))).map_err(plot_error)?;
        root.present().map_err(plot_error)?;
    }
    Ok(buf)
}

fn plot_error<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow::anyhow!("cannot draw the plot: {e:?}")
}

/// An axis label: the date, the date and the time of day when the span
/// is under two days, the time to the second when it is under an hour.
fn label_time(t: f64, span: f64) -> String {
    let s = crate::host::timestamp_of_unix(t.max(0.0) as u64);
    if span < 3600.0 {
        s[11..19].to_string()
    } else if span < 2.0 * 86400.0 {
        format!("{} {}", &s[5..10], &s[11..16])
    } else {
        s[..10].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::Run;
    use super::*;

    fn run(i: i64, t: &str, median: i64) -> Run {
        Run {
            run_id: i,
            timestamp: t.into(),
            median_ns: median,
            min_ns: median - 100,
            max_ns: median + 300,
            q1_ns: median as f64 - 50.0,
            q3_ns: median as f64 + 60.0,
            samples: 10,
            module_sha256: "ab".repeat(32),
            source_sha256: None,
            source_git_revision: None,
            runner_git_revision: "r".into(),
        }
    }

    #[test]
    fn a_page_with_one_svg_plot_per_series() {
        let s = Series {
            program: "fib<1>".into(),
            machine: "m".into(),
            config: "O2".into(),
            runs: vec![
                run(1, "2026-01-01T00:00:00Z", 1_000_000),
                run(2, "2026-01-01T00:00:00Z", 1_100_000),
                run(3, "2026-01-02T10:00:00Z", 900_000),
            ],
        };
        let doc = History { schema: super::super::SCHEMA, store: "s".into(), series: vec![s.clone(), s] };
        let page = html(&doc).unwrap();
        assert_eq!(page.matches("<svg").count(), 2, "{page}");
        assert!(page.contains("fib&lt;1&gt;"));
        assert!(page.contains("<polyline") || page.contains("<path"), "a median line");
        assert!(page.contains("<polygon"), "an IQR band");
        assert!(!page.contains("<script") && !page.contains("src="), "self-contained");
    }

    #[test]
    fn repeated_timestamps_are_spread() {
        let s = Series {
            program: "p".into(),
            machine: "m".into(),
            config: "O2".into(),
            runs: vec![run(1, "2026-01-01T00:00:00Z", 5), run(2, "2026-01-01T00:00:00Z", 6), run(3, "bad", 7)],
        };
        let t = times(&s);
        assert_eq!(t[1] - t[0], 1.0);
        assert_eq!(t[2] - t[1], 1.0);
    }
}
