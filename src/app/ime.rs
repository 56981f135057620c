//! Typing through an input method (mozc over ibus or fcitx, the IMEs of Windows and macOS).
//! egui's text fields show the composition (`ImeEvent::Preedit`, the reading けんさく being
//! typed) and take the confirmed text (`ImeEvent::Commit`, 検索); [`Composition`] adds what
//! they leave to the program:
//!
//! - The reading is never a step of the field's own undo (Ctrl+Z). A field's undo history
//!   takes a step whenever its text stays the same for a second — a reading waiting for its
//!   conversion too — so after a frame that had a composition in it, the field's history is put
//!   back as it was before the composition began: Ctrl+Z after 検索 takes 検索 away, it never
//!   brings けんさく back as text.
//! - An Enter pressed while a composition is under way confirms it: it is not the field's
//!   Enter, so it applies nothing and adds no newline. (Over XIM the input method keeps that
//!   Enter to itself — tried with ibus-mozc; where an integration passes it on as well, it is
//!   taken out here.)
//! - The candidate window opens below the line being typed. egui reports the caret's
//!   rectangle; X11's XIM (winit's `set_ime_cursor_area`) takes only its top-left corner as the
//!   spot the candidates hang from, which put them over the text (the 時期 field was hidden —
//!   seen with ibus-mozc). The rectangle reported is the caret's bottom edge, of no height: under
//!   XIM the spot is below the line; an input method that places its window below the whole
//!   rectangle (Wayland, Windows, macOS; not tried) gets the same bottom edge as before.
//! - Views ask [`Composition::composing_in`] so that a field read as it is typed (時期) reads
//!   only the committed text, not the reading.

use egui::text::CCursorRange;
use egui::text_edit::TextEditState;
use egui::util::undoer::Undoer;
use egui::{Context, Event, Id, ImeEvent, Key, Rect, pos2};

#[derive(Default)]
pub struct Composition {
    /// The text field a composition is under way in (it has the focus).
    field: Option<Id>,
    /// The focused field's undo history as it last was in a frame without a composition.
    before: Option<(Id, Undoer<(CCursorRange, String)>)>,
    /// This frame has had a composition in it: begun, under way, or ended.
    touched: bool,
}

impl Composition {
    /// Before the views: follows this frame's input-method events in order, and takes out an
    /// Enter pressed while a composition is under way.
    pub fn before_views(&mut self, ctx: &Context) {
        let focused = ctx.memory(|m| m.focused());
        if self.field != focused {
            // The keyboard went elsewhere: no composition goes on in another field.
            self.field = None;
        }
        let mut composing = self.field.is_some();
        let mut touched = composing;
        ctx.input_mut(|i| {
            i.events.retain(|event| match event {
                Event::Ime(ImeEvent::Preedit { text, .. }) => {
                    touched |= composing || !text.is_empty();
                    composing = !text.is_empty();
                    true
                }
                Event::Ime(ImeEvent::Commit(_)) => {
                    touched |= composing;
                    composing = false;
                    true
                }
                Event::Key {
                    key: Key::Enter,
                    pressed: true,
                    ..
                } => !composing,
                _ => true,
            });
        });
        self.field = if composing { focused } else { None };
        self.touched = touched;
    }

    /// Whether a composition is under way in this field.
    pub fn composing_in(&self, field: Id) -> bool {
        self.field == Some(field)
    }

    /// After the views: the focused field's undo history without the composition, and the
    /// candidate window's spot below the caret.
    pub fn after_views(&mut self, ctx: &Context) {
        ctx.output_mut(|o| {
            if let Some(ime) = o.ime.as_mut() {
                ime.cursor_rect = below_caret(ime.cursor_rect);
            }
        });
        let Some(focused) = ctx.memory(|m| m.focused()) else {
            self.before = None;
            return;
        };
        let Some(mut state) = TextEditState::load(ctx, focused) else {
            self.before = None;
            return;
        };
        if !self.touched {
            self.before = Some((focused, state.undoer()));
            return;
        }
        // A composition only starts in a field that had the keyboard a frame before (the input
        // method is switched on by that frame's output), so its history was kept then.
        if let Some((field, undoer)) = &self.before
            && *field == focused
        {
            state.set_undoer(undoer.clone());
            state.store(ctx, focused);
        }
    }
}

/// The caret's bottom edge, as a rectangle of no height.
fn below_caret(caret: Rect) -> Rect {
    Rect::from_min_max(
        pos2(caret.left(), caret.bottom()),
        pos2(caret.right(), caret.bottom()),
    )
}

/// The text of a field without the composition under way in it: what the user has
/// confirmed. `text` is the field's buffer, which holds the reading while it is composed.
pub fn committed_text(ctx: &Context, field: Id, text: &str, composing: bool) -> String {
    if !composing {
        return text.to_string();
    }
    let range = TextEditState::load(ctx, field).and_then(|s| s.cursor.char_range());
    let Some(CCursorRange {
        primary, secondary, ..
    }) = range
    else {
        return text.to_string();
    };
    let (a, b) = (primary.index.0, secondary.index.0);
    let (from, to) = (a.min(b), a.max(b));
    text.chars()
        .enumerate()
        .filter(|(k, _)| *k < from || *k >= to)
        .map(|(_, c)| c)
        .collect()
}
