//! Checks of a report as it stands (after edits, when opened from a file, or an answer's
//! results before they are taken in): what a user should be told about — month expressions
//! that could not be read, results dated outside the report's period, texts holding characters
//! that do not show — each naming the entry.

use std::collections::HashSet;

use super::bounds::MAX_WARNINGS;
use super::diag::{EntryAt, Location, Warning, WarningKind};
use super::entry_text;
use super::months::{MonthProblem, TimingKind, fiscal_years_written, parse_timing};
use super::text::{boxed_chars, invisible_chars, left_out_by_cut};
use super::text_place::{At, TextField, for_each_text};
use super::{Entry, Id, Initiative, MonthSet, Report, Side, Topic};

pub fn warnings(report: &Report) -> Vec<Warning> {
    let mut out = month_warnings(report);
    for u in &report.unread {
        out.push(Warning::new(
            Location::row(u.row),
            WarningKind::SourceNotUnderstood {
                text: u.text.clone(),
            },
        ));
    }
    out.extend(super::measure_check::measure_warnings(report));
    out.extend(invisible_characters(report));
    out.extend(topics_without_division(report));
    out.extend(divisions_alike(report));
    out.extend(survey_dates_outside(report));
    out
}

/// The dates of the survey record outside the years a survey's dates are taken in
/// ([`WarningKind::SurveyDateOutside`]).
pub fn survey_dates_outside(report: &Report) -> Vec<Warning> {
    use chrono::Datelike;
    let years = super::era::SURVEY_DATE_YEARS;
    let mut out = Vec::new();
    for s in &report.survey {
        let received = s.received.as_ref();
        let days = [
            s.sent.map(|d| (d.date(), d.to_string())),
            s.due.map(|d| (d, d.to_string())),
            received.map(|r| (r.at.date(), r.at.to_string())),
            received
                .and_then(|r| r.modified)
                .map(|d| (d.date(), d.to_string())),
            s.sent_back
                .as_ref()
                .map(|b| (b.at.date(), b.at.to_string())),
        ];
        for (day, date) in days.into_iter().flatten() {
            if !years.contains(&day.year()) {
                let division = s.division.clone();
                let kind = WarningKind::SurveyDateOutside { division, date };
                out.push(Warning::new(Location::default(), kind));
            }
        }
    }
    out
}

/// 担当課 names written two ways ([`WarningKind::DivisionsAlike`], [`WarningKind::DivisionSplit`]).
pub fn divisions_alike(report: &Report) -> Vec<Warning> {
    // Spaces and characters that do not show are no part of how a name reads.
    let squeezed = |name: &str| -> String {
        (name.chars())
            .filter(|c| !c.is_whitespace() && !crate::model::text::is_invisible(*c))
            .collect()
    };
    let mut by_key: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    // Each list once: the initiative's own (for the topics that name none), then each topic's.
    // Taken per topic, a table of 4,000 topics × 4,000 spellings of one name took 43 s to
    // import; each list taken once, 0.08 s.
    let lists: Vec<Vec<&str>> = (report.initiatives())
        .flat_map(|i| {
            let shared = i.topics.iter().any(|t| t.division.is_none());
            let whole = shared.then(|| i.divisions.iter().map(String::as_str).collect());
            let own = (i.topics.iter()).filter_map(|t| t.division.as_deref().map(|d| vec![d]));
            whole.into_iter().chain(own)
        })
        .collect();
    let mut seen: HashSet<&str> = HashSet::new();
    for name in lists.iter().flatten() {
        if !name.trim().is_empty() && seen.insert(name) {
            by_key.entry(squeezed(name)).or_default().push(name);
        }
    }
    let mut out: Vec<Warning> = (by_key.values())
        .filter(|names| names.len() > 1)
        .map(|names| {
            let names = names.iter().map(|n| n.to_string()).collect();
            Warning::new(Location::default(), WarningKind::DivisionsAlike { names })
        })
        .collect();
    let mut said = HashSet::new();
    for pair in lists.iter().flat_map(|l| l.windows(2)) {
        let joined = squeezed(pair[0]) + &squeezed(pair[1]);
        if let Some(whole) = by_key.get(&joined).and_then(|names| names.first())
            && said.insert((pair[0], pair[1]))
        {
            let parts = vec![pair[0].to_string(), pair[1].to_string()];
            let whole = whole.to_string();
            out.push(Warning::new(
                Location::default(),
                WarningKind::DivisionSplit { parts, whole },
            ));
        }
    }
    out
}

/// The topics no 担当課 answers for: the survey sends them to nobody (a division cleared, in
/// an initiative that names its divisions per topic), said rather than left out unseen.
pub fn topics_without_division(report: &Report) -> Vec<Warning> {
    (report.initiatives())
        .flat_map(|i| i.topics.iter().map(move |t| (i, t)))
        .filter(|(i, t)| i.divisions_of(t).iter().all(|d| d.trim().is_empty()))
        .map(|(i, t)| {
            let kind = WarningKind::TopicWithoutDivision {
                initiative: i.number.clone(),
                heading: t.heading.clone(),
            };
            Warning::new(Location::default(), kind)
        })
        .collect()
}

/// The warnings about the months of every entry: months that cannot be read, results outside
/// the period (the window makes them again after each edit, as opening the file would).
pub fn month_warnings(report: &Report) -> Vec<Warning> {
    month_warnings_kept(report, &|_| true)
}

/// [`month_warnings`] of the kinds `keep` takes, the others never made: an imported table of a
/// million result lines without months would make a million warnings to drop (1 GB from an
/// 8 MB table), as the reader has said them already.
pub fn month_warnings_kept(report: &Report, keep: &dyn Fn(&WarningKind) -> bool) -> Vec<Warning> {
    let earlier = report.earlier_results();
    let mut listed = Listed::default();
    for i in report.initiatives() {
        for w in initiative_warnings_kept(report, &earlier, i, keep) {
            listed.push(w);
        }
    }
    listed.done(Location::default())
}

/// Warnings listed up to [`MAX_WARNINGS`], the rest counted in one [`WarningKind::NotListed`]:
/// a cell of a million lines without months is a million warnings nobody reads (1.5 GB).
#[derive(Default)]
struct Listed {
    out: Vec<Warning>,
    more: usize,
}

impl Listed {
    fn push(&mut self, w: Warning) {
        match w.kind {
            WarningKind::NotListed { count } => self.more += count,
            _ if self.out.len() < MAX_WARNINGS => self.out.push(w),
            _ => self.more += 1,
        }
    }

    fn done(mut self, at: Location) -> Vec<Warning> {
        if self.more > 0 {
            let kind = WarningKind::NotListed { count: self.more };
            self.out.push(Warning::new(at, kind));
        }
        self.out
    }
}

/// `warnings` within [`MAX_WARNINGS`], those past it and every count of those not listed
/// counted in one [`WarningKind::NotListed`] at the end.
pub fn capped(warnings: Vec<Warning>) -> Vec<Warning> {
    let mut listed = Listed::default();
    for w in warnings {
        listed.push(w);
    }
    listed.done(Location::default())
}

/// [`month_warnings`] of one initiative: after an edit within it, the window makes only these
/// again (typing into a large report should not read every entry's months).
pub fn initiative_month_warnings(
    report: &Report,
    earlier: &HashSet<Id>,
    initiative: &Initiative,
) -> Vec<Warning> {
    initiative_warnings_kept(report, earlier, initiative, &|_| true)
}

fn initiative_warnings_kept(
    report: &Report,
    earlier: &HashSet<Id>,
    initiative: &Initiative,
    keep: &dyn Fn(&WarningKind) -> bool,
) -> Vec<Warning> {
    let mut out = Vec::new();
    for t in &initiative.topics {
        for side in [Side::Plan, Side::Actual] {
            let list = t.entries(side);
            out.extend(list_warnings(
                report, earlier, initiative, t, side, list, keep,
            ));
        }
    }
    out
}

/// The warnings about one list of a topic (sub-items included), of the kinds `keep` takes: what
/// `check` says, and what the review of an answer says about the results it brings.
pub fn list_warnings(
    report: &Report,
    earlier: &HashSet<Id>,
    initiative: &Initiative,
    topic: &Topic,
    side: Side,
    list: &[Entry],
    keep: &dyn Fn(&WarningKind) -> bool,
) -> Vec<Warning> {
    let at = || {
        Location::entry(EntryAt {
            initiative: initiative.number.clone(),
            topic: topic.heading.clone(),
            side,
        })
    };
    let mut out = Listed::default();
    for top in list {
        if side == Side::Actual && earlier.contains(&top.id) {
            continue;
        }
        for e in top.and_subs() {
            // Sub-items are written within their head's lines.
            let heading_like = || (e.id == top.id).then(|| reads_as_heading(e)).flatten();
            let found = heading_like()
                .or_else(|| unreadable(e))
                .or_else(|| outside_period(report, side, e))
                .or_else(|| scheduled_over_passed(report, side, e))
                .or_else(|| month_outside_brackets(side, e))
                .or_else(|| no_months(side, e))
                .or_else(|| {
                    let note = month_in_note(e)?;
                    Some(WarningKind::MonthInNote {
                        entry: e.text.clone(),
                        months: e.when.clone().unwrap_or_default(),
                        note,
                    })
                });
            if let Some(kind) = found.filter(|k| keep(k)) {
                out.push(Warning::new(at(), kind));
            }
        }
    }
    out.done(at())
}

fn unreadable(e: &Entry) -> Option<WarningKind> {
    // Read months need no second reading (the check runs after every edit in the window).
    if e.timing.is_some() {
        return None;
    }
    let expression = e.when.clone()?;
    let error = parse_timing(&expression).err()?;
    Some(WarningKind::UnreadableMonths {
        expression,
        reason: error.problem,
        entry: e.text.clone(),
    })
}

/// An entry a line of which, as a workbook cell writes it (`・` before the first when it has
/// its bullet), starts with `<…>`: a workbook reader takes that for a topic heading (the rule of
/// `import::cell::plain_cell_items`: a `<`/`＜` at a line's start, closed on it, not empty).
fn reads_as_heading(e: &Entry) -> Option<WarningKind> {
    let heading_at_start = |line: &str| {
        let line = line.trim_start();
        let Some(body) = line.strip_prefix(['<', '＜']) else {
            return false;
        };
        body.find(['>', '＞']).is_some_and(|end| {
            let inner = &body[..end];
            !inner.trim().is_empty() && !inner.contains(['<', '＜'])
        })
    };
    let mut lines = e.text.lines();
    if e.bullet {
        lines.next();
    }
    lines
        .any(heading_at_start)
        .then(|| WarningKind::ReadsAsHeading {
            entry: e.text.clone(),
        })
}

/// A result, an activity, with no month expression at all (not one unreadable, nor a month
/// outside brackets: those are said as such).
fn no_months(side: Side, e: &Entry) -> Option<WarningKind> {
    let none = e.when.is_none() && e.timing.is_none() && e.subs.is_empty();
    (side == Side::Actual && none && e.kind == crate::model::EntryKind::Activity).then(|| {
        WarningKind::NoMonthsWritten {
            entry: e.text.clone(),
        }
    })
}

/// A result with no months read whose text names a month outside any bracket
/// (`説明会を6月に開催`, `6月：説明会`): only a bracket holds months, so they are not read — said,
/// never passed over.
fn month_outside_brackets(side: Side, e: &Entry) -> Option<WarningKind> {
    if side != Side::Actual || e.when.is_some() || e.timing.is_some() || !e.subs.is_empty() {
        return None;
    }
    let mut depth = 0usize;
    let bare: String = e
        .text
        .chars()
        .filter(|&c| {
            match c {
                '(' | '（' | '[' | '［' | '【' => depth += 1,
                ')' | '）' | ']' | '］' | '】' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect();
    let month = first_month_named(&bare)?;
    Some(WarningKind::UnreadableMonths {
        expression: month,
        reason: MonthProblem::OutsideBracket,
        entry: e.text.clone(),
    })
}

/// The first `6月` (digits and 月) a text names as when something was done, as written: a
/// month followed by に, から, まで, 中, 末, 頃, 上旬 …, 実施, 開催, a colon, a comma, a space or
/// the end (`説明会を6月に開催`, `6月：説明会`). A month naming a thing is no date of the work
/// (`平成30年4月施行の条例`, `6月補正予算`, `4月1日付で`): not taken for one.
fn first_month_named(text: &str) -> Option<String> {
    let at = text.find('月')?;
    let after = &text[at + '月'.len_utf8()..];
    let digits: String = text[..at]
        .chars()
        .rev()
        .take_while(|&c| super::text::is_digit(c))
        .collect();
    let of_time = [
        "に", "から", "まで", "中", "末", "頃", "ごろ", "上旬", "中旬", "下旬", "初旬", "実施",
        "開催", "：", ":", "、", "，", ",", "。",
    ]
    .iter()
    .any(|w| after.starts_with(w))
        || after.is_empty()
        || after.starts_with(char::is_whitespace);
    if digits.is_empty() || !of_time {
        // A 月 without a number before it (`毎月の会議`), or of a thing: look further on.
        return first_month_named(after);
    }
    Some(format!("{}月", digits.chars().rev().collect::<String>()))
}

/// A result whose list of months ends in 予定 — 「（6月～9月、10月予定）」 — over months both
/// passed and to come by the as-of date: 予定 is read as said of the whole list (of the last
/// part alone is a guess, and a wrong one would count a month done that was not), so the months
/// passed count as not done, and their plan lines may show 遅れ. Said, with how to write it
/// (two lines: the months done, and those to come).
fn scheduled_over_passed(report: &Report, side: Side, e: &Entry) -> Option<WarningKind> {
    let timing = e.timing.as_ref()?;
    if side != Side::Actual || !timing.scheduled || timing.kind != TimingKind::Months {
        return None;
    }
    if !e.when.as_deref()?.contains(['、', '，', ',']) {
        return None;
    }
    let passed = report.fiscal_as_of().passed();
    let past = timing.months.intersect(passed);
    let to_come = MonthSet::from_fiscal_indices(
        timing
            .months
            .fiscal_indices()
            .filter(|&k| !passed.contains_fiscal(k)),
    );
    (!past.is_empty() && !to_come.is_empty()).then(|| WarningKind::ScheduledOverPassed {
        entry: e.text.clone(),
        passed: past.to_japanese(),
        to_come: to_come.to_japanese(),
    })
}

/// A result done (not 予定) in named months outside the period: 「（10月）」 in a first-half
/// report, 「（R1.6月）」 in an FY2017 one. `6月～` keeps going and is judged by its first month; 通年, 年度内 and 随時 name no
/// month of their own. A range reaching into the period from before it is work begun earlier
/// (「(8月～10月)」 in the second half, a first-half result confirmed as done): not said — a
/// range past the period's end is (「(9月～10月)」 as of September).
fn outside_period(report: &Report, side: Side, e: &Entry) -> Option<WarningKind> {
    let timing = e.timing.as_ref()?;
    let other_year = e.when.as_deref().is_some_and(|w| {
        fiscal_years_written(w)
            .iter()
            .any(|&y| y != report.fiscal_year.0)
    });
    let said = || WarningKind::MonthsOutsidePeriod {
        entry: e.text.clone(),
        months: e.when.clone().unwrap_or_default(),
        fiscal_year: report.fiscal_year,
        period: report.period,
    };
    // A plan line dated in another year (`(H30.6)`) is shown in this year's months: said.
    if side == Side::Plan {
        return other_year.then(said);
    }
    if timing.scheduled || timing.kind != TimingKind::Months {
        return None;
    }
    let period = report.period.months();
    let outside = if timing.open_end {
        timing
            .months
            .first()
            .is_some_and(|m| !period.contains_fiscal(m))
    } else {
        let inside = timing.months.intersect(period);
        // Before the period: one run up to its first month (8月～9月 before October), else the
        // months are of another time (「(6月、11月)」 in the second half: June apart from it).
        let before = MonthSet::from_fiscal_indices(
            (timing.months.fiscal_indices()).filter(|&m| !inside.contains_fiscal(m)),
        );
        let begun_earlier = before.is_empty()
            || (before.runs().len() == 1 && before.last().map(|m| m + 1) == period.first());
        inside.is_empty() || timing.months.last() > period.last() || !begun_earlier
    };
    (outside || other_year).then(said)
}

/// A warning for each text holding invisible characters, for each holding characters the
/// bundled font cannot draw, and for each an XLSX export cut (read back from its workbook),
/// naming its place.
pub fn invisible_characters(report: &Report) -> Vec<Warning> {
    invisible_characters_where(report, |_| true)
}

/// The same, for the texts `keep` chooses (the topics an answer changed, say).
pub fn invisible_characters_where(report: &Report, keep: impl Fn(&At) -> bool) -> Vec<Warning> {
    let mut out = Vec::new();
    for_each_text(report, &mut |at, text| {
        let mut chars = invisible_chars(text);
        // A row kept unread holds its cells joined by TAB, as read: not a character typed.
        if at.field == TextField::Unread {
            chars.retain(|&c| c != '\t');
        }
        if !chars.is_empty() && keep(&at) {
            out.push(Warning::new(
                Location::default(),
                WarningKind::InvisibleCharacters {
                    place: at.place(),
                    text: text.to_string(),
                    chars,
                },
            ));
        }
        if let Some(left_out) = left_out_by_cut(text).filter(|_| keep(&at)) {
            let kind = WarningKind::CutByExport {
                place: at.place(),
                text: text.to_string(),
                left_out,
            };
            out.push(Warning::new(Location::default(), kind));
        }
        let boxed = boxed_chars(text);
        if !boxed.is_empty() && keep(&at) {
            out.push(Warning::new(
                Location::default(),
                WarningKind::NoGlyph {
                    place: at.place(),
                    text: text.to_string(),
                    chars: boxed,
                },
            ));
        }
    });
    out
}

/// A note of an entry naming a month its timing does not read: beside the months in their
/// bracket (`9月に実施予定` in `(6月、9月に実施予定)`), in a bracket of its own
/// (`（10月にも実施予定）`) or after ※ (`※10月に再実施予定`) — said by `check`, so that no month
/// written goes unread without a word. The label's words (`4月施行の条例の周知`) are no note.
pub fn month_in_note(entry: &Entry) -> Option<String> {
    let when = entry.when.as_deref().filter(|_| entry.timing.is_some())?;
    // An entry's own words: its sub-items' brackets hold their own months.
    let own = super::sub_text::own_text(entry);
    let text = own.as_str();
    let groups = entry_text::bracket_groups(text);
    let nested = groups.iter().flat_map(|&g| {
        let inner = entry_text::inside(text, g);
        let offset = inner.as_ptr() as usize - text.as_ptr() as usize;
        entry_text::bracket_groups(inner)
            .into_iter()
            .map(move |(a, b)| (a + offset, b + offset))
    });
    let mut notes: Vec<String> = Vec::new();
    for g in groups
        .iter()
        .copied()
        .chain(nested)
        .chain(entry_text::square_groups(text))
    {
        let inner = entry_text::inside(text, g);
        if inner == when {
            continue;
        }
        // Beside the months: what is left of the bracket without them.
        notes.push(match inner.contains(when) {
            true => inner.replacen(when, "", 1),
            false => inner.to_string(),
        });
    }
    notes.extend(entry.notes.iter().cloned());
    notes.extend(text.split('※').skip(1).map(str::to_string));
    notes
        .iter()
        .map(|n| n.trim_matches(|c: char| c.is_whitespace() || "、，,､・：:※".contains(c)))
        .find(|n| entry_text::names_a_month(n) && !n.contains(when))
        .map(str::to_string)
}
