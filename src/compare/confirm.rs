//! The results carried over "to confirm" (要確認). When a first-half report goes on to the second
//! half or the full year, each result it reported as 予定 is listed in [`Report::to_confirm`]:
//! nobody has said yet whether it was done, and its 担当課 is asked (and can rewrite it: its
//! workbook row does not lock it as the half's, so 「(10月予定)」 becomes 「(10月)」, not a
//! second line beside it). Here they are found in the report, in the grid's order, with where each
//! stands — for `check --json`, the `rollover` command and the window (a mark in 状況, a filter).

use std::collections::HashSet;

use serde::Serialize;

use crate::lang::{Describe, Lang, say};
use crate::model::{Entry, Id, Report};

/// One result to confirm, as a person finds it in the grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ToConfirm {
    /// The result's id (a sub-item's own id when the sub-item is the one marked 予定).
    pub id: Id,
    /// The initiative's number.
    pub initiative: String,
    /// The topic's heading, as written (`None`: the initiative's topic without heading).
    pub topic: Option<String>,
    /// The 担当課 asked: the topic's, else the initiative's.
    pub division: Option<String>,
    /// The result as written: `県有財産の自己点検及び利用見込み調査等の実施(8月～10月予定)`.
    pub text: String,
    /// Calendar months in fiscal order.
    pub months: Vec<u8>,
    /// The period it was reported in (`first_half`); `None` once it is the current period's.
    pub reported_in: Option<&'static str>,
}

/// The results of [`Report::to_confirm`] still in the report and still asked about
/// ([`Report::asks_to_confirm`]: a result rewritten or deleted since is not), in the grid's order.
pub fn results_to_confirm(report: &Report) -> Vec<ToConfirm> {
    if report.to_confirm.is_empty() {
        return Vec::new();
    }
    let listed = report.results_asking_to_confirm();
    let reported = report.earlier_periods();
    let mut out = Vec::new();
    for initiative in report.initiatives() {
        for topic in &initiative.topics {
            for result in &topic.actual {
                let mut found = Vec::new();
                marked(std::slice::from_ref(result), &listed, &mut found);
                let reported_in = reported.get(&result.id).map(|p| p.period.key());
                out.extend(found.into_iter().map(|e| ToConfirm {
                    id: e.id,
                    initiative: initiative.number.clone(),
                    topic: topic.heading.clone(),
                    division: Some(initiative.division_names(topic)).filter(|d| !d.is_empty()),
                    text: e.text.clone(),
                    months: e.covered_months().calendar_months(),
                    reported_in,
                }));
            }
        }
    }
    out
}

/// The entries of `list` (and their sub-items) that are listed, in written order.
fn marked<'a>(list: &'a [Entry], listed: &HashSet<Id>, out: &mut Vec<&'a Entry>) {
    for e in list {
        if listed.contains(&e.id) {
            out.push(e);
        }
        marked(&e.subs, listed, out);
    }
}

/// The mark on such a result's row, and the filter's name: 要確認.
pub fn mark(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "要確認",
        Lang::En => "To confirm",
    }
}

/// Why a result is marked, said where the mark is hovered.
pub fn why(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => {
            "前の期間に予定と報告された実績です。実施したかを担当課に確認してください\
             （予定でない実績に書き直されると、確認済みとして印が消えます）"
        }
        Lang::En => {
            "reported as scheduled (予定) in the period before: ask the division whether it was \
             done (once it is rewritten as no longer scheduled, the mark goes)"
        }
    }
}

/// What the filter does, said where it is hovered.
pub fn filter_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "確認を求める実績のある取組・見出しだけを表示します",
        Lang::En => "show only the initiatives and topics with a result to confirm",
    }
}

/// `要確認 3件` / `3 results to confirm`.
pub fn count(n: usize, lang: Lang) -> String {
    say(
        lang,
        format!("{} {n}件", mark(Lang::Ja)),
        format!("{n} result{} to confirm", if n == 1 { "" } else { "s" }),
    )
}

/// Results still to confirm when their year is closed (次の期間へ → the next fiscal year): kept
/// in the history as they stand, unconfirmed — said, where rolling over ended them without a
/// word.
pub fn closed_unconfirmed(n: usize, lang: Lang) -> String {
    say(
        lang,
        format!(
            "{} {n}件は確認されないまま年度を閉じました（履歴にそのまま残ります）",
            mark(Lang::Ja)
        ),
        format!(
            "{n} result{} to confirm closed with the year unconfirmed (kept in the history as they stand)",
            if n == 1 { "" } else { "s" }
        ),
    )
}

impl Describe for ToConfirm {
    /// Where it is and what it says, under a heading such as [`count`]'s.
    fn describe(&self, lang: Lang) -> String {
        let topic = self.topic.as_deref().map(|h| format!("<{h}>"));
        let division = self.division.as_deref();
        let place = |initiative: String, none: Option<&str>| {
            [
                Some(initiative),
                topic.clone(),
                division.or(none).map(str::to_string),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
        };
        say(
            lang,
            format!(
                "実績 {}（{}）: {}",
                self.id,
                place(format!("取組 {}", self.initiative), None).join(" "),
                self.text
            ),
            format!(
                "result {} of {}: {}",
                self.id,
                place(
                    format!("initiative {}", self.initiative),
                    Some("no division named")
                )
                .join(", "),
                self.text
            ),
        )
    }
}
