//! The survey (照会) as the window runs it: the 照会 form, the answers being reviewed before they
//! are taken in (回答の取り込み), and the 提出状況 panel. Changed only by [`SurveyState`]'s
//! methods, called from `ShinchokuApp::handle` (surveying.rs).

pub use crate::app::command::SendForm;
use crate::model::diag::Warning;
use crate::survey::{Collection, StatusKey};

/// Answers read and checked, waiting for the office to take them in.
#[derive(Clone, Debug)]
pub struct Review {
    pub collection: Collection,
    /// Per conflict: accepted (taken in with the rest) or not.
    pub accept: Vec<bool>,
    /// The characters that do not show which the answers would bring, warned of before they
    /// are taken in.
    pub invisible: Vec<Warning>,
}

#[derive(Default)]
pub struct SurveyState {
    /// The 照会 form is shown (what is typed in it is the view's draft).
    form_open: bool,
    /// The form as sent, waiting for the folder to write to.
    pending: Option<SendForm>,
    review: Option<Review>,
    status_open: bool,
    sort: Option<(StatusKey, bool)>,
    /// The division whose 差戻し note is being typed (the note is the view's draft).
    send_back: Option<String>,
    /// Why the form was not sent (a due date that does not read, or has passed): shown in the
    /// form, beside what is to be corrected (the status bar alone was far from it).
    form_problem: Option<String>,
}

impl SurveyState {
    pub fn form_open(&self) -> bool {
        self.form_open
    }

    pub fn open_form(&mut self) {
        self.form_open = true;
        self.form_problem = None;
    }

    pub fn close_form(&mut self) {
        self.form_open = false;
        self.form_problem = None;
    }

    pub fn form_problem(&self) -> Option<&str> {
        self.form_problem.as_deref()
    }

    /// The form was not sent, for this reason: it stays open, saying it.
    pub fn refuse_form(&mut self, why: String) {
        self.form_problem = Some(why);
    }

    /// The form was sent: kept until the folder is chosen.
    pub fn submit(&mut self, form: SendForm) {
        self.form_problem = None;
        self.form_open = false;
        self.pending = Some(form);
    }

    pub fn take_pending(&mut self) -> Option<SendForm> {
        self.pending.take()
    }

    pub fn review(&self) -> Option<&Review> {
        self.review.as_ref()
    }

    pub fn start_review(&mut self, collection: Collection, invisible: Vec<Warning>) {
        let accept = vec![false; collection.conflicts().len()];
        self.review = Some(Review {
            collection,
            accept,
            invisible,
        });
    }

    pub fn toggle_conflict(&mut self, k: usize) {
        if let Some(a) = self.review.as_mut().and_then(|r| r.accept.get_mut(k)) {
            *a = !*a;
        }
    }

    pub fn end_review(&mut self) -> Option<Review> {
        self.review.take()
    }

    pub fn status_open(&self) -> bool {
        self.status_open
    }

    pub fn toggle_status(&mut self) {
        self.status_open = !self.status_open;
    }

    pub fn sort(&self) -> Option<(StatusKey, bool)> {
        self.sort
    }

    /// Sorts by `key`; the same key again turns the order round.
    pub fn sort_by(&mut self, key: StatusKey) {
        self.sort = match self.sort {
            Some((k, descending)) if k == key => Some((key, !descending)),
            _ => Some((key, false)),
        };
    }

    /// The division whose 差戻し note is being typed.
    pub fn sending_back(&self) -> Option<&str> {
        self.send_back.as_deref()
    }

    pub fn start_send_back(&mut self, division: Option<String>) {
        self.send_back = division;
    }

    /// Another report was opened: what belonged to the old one goes.
    pub fn reset(&mut self) {
        self.form_open = false;
        self.pending = None;
        self.review = None;
        self.send_back = None;
    }
}
