//! Resizable split panes: a row of panes whose widths are shares of the
//! row (grid fractions), with a splitter between each two. A splitter moves
//! with the pointer (drag) or the keyboard (focus it, then Left/Right by
//! 2%, Home/End to the limits); it is an ARIA `separator` whose value is
//! the position of its boundary in percent.
//!
//! Guarantee: no pane gets narrower than [`MIN_SHARE`] percent of the row.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::num::fixed;

/// The narrowest a pane may be, in percent of the row.
pub const MIN_SHARE: f64 = 12.0;

/// The CSS `grid-template-columns` of panes with these shares, with a
/// splitter column between each two.
pub fn columns(shares: &[f64]) -> String {
    shares.iter().map(|s| format!("minmax(0, {}fr)", fixed(*s, 2))).collect::<Vec<_>>().join(" 8px ")
}

/// Moves the boundary after pane `i` to `at` percent of the row, taking the
/// width from (or giving it to) pane `i + 1` only.
pub fn move_boundary(shares: &mut [f64], i: usize, at: f64) {
    let total: f64 = shares.iter().sum();
    let before: f64 = shares[..i].iter().sum::<f64>() / total * 100.0;
    let pair = (shares[i] + shares[i + 1]) / total * 100.0;
    // Not f64::clamp: its panic message would bring float formatting into the page.
    let left = (at - before).min(pair - MIN_SHARE).max(MIN_SHARE);
    shares[i] = left / 100.0 * total;
    shares[i + 1] = (pair - left) / 100.0 * total;
}

/// The splitter after pane `index` of `shares`.
#[component]
pub fn Splitter(
    /// The shares of the row's panes, which the splitter changes.
    shares: RwSignal<Vec<f64>>,
    /// Which boundary: after pane `index`.
    index: usize,
    /// What the panes on either side are, for screen readers.
    label: &'static str,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let position = move || {
        shares.with(|s| {
            let total: f64 = s.iter().sum();
            s[..=index].iter().sum::<f64>() / total * 100.0
        })
    };
    let to_pointer = move |ev: &web_sys::PointerEvent| {
        let Some(row) =
            ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.parent_element())
        else {
            return;
        };
        let rect = row.get_bounding_client_rect();
        if rect.width() > 0.0 {
            let at = (f64::from(ev.client_x()) - rect.left()) / rect.width() * 100.0;
            shares.update(|s| move_boundary(s, index, at));
        }
    };
    view! {
        <div
            class="splitter"
            class:dragging=move || dragging.get()
            role="separator"
            tabindex="0"
            aria-orientation="vertical"
            aria-label=label
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=move || fixed(position(), 0)
            data-testid=format!("splitter-{index}")
            on:pointerdown=move |ev| {
                if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.set_pointer_capture(ev.pointer_id());
                }
                dragging.set(true);
                ev.prevent_default();
            }
            on:pointermove=move |ev| {
                if dragging.get_untracked() {
                    to_pointer(&ev);
                }
            }
            on:pointerup=move |_| dragging.set(false)
            on:pointercancel=move |_| dragging.set(false)
            on:keydown=move |ev| {
                let at = position();
                let to = match ev.key().as_str() {
                    "ArrowLeft" => at - 2.0,
                    "ArrowRight" => at + 2.0,
                    "Home" => 0.0,
                    "End" => 100.0,
                    _ => return,
                };
                ev.prevent_default();
                shares.update(|s| move_boundary(s, index, to));
            }
        ></div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_boundary_moves_between_its_two_panes_only() {
        let mut s = vec![40.0, 30.0, 30.0];
        move_boundary(&mut s, 0, 50.0);
        assert_eq!(s, [50.0, 20.0, 30.0]);
        move_boundary(&mut s, 1, 0.0);
        assert_eq!(s, [50.0, MIN_SHARE, 50.0 - MIN_SHARE]);
        move_boundary(&mut s, 0, 100.0);
        assert_eq!(s, [50.0, MIN_SHARE, 50.0 - MIN_SHARE]);
    }
}
