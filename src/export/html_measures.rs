//! The numbers and judgements on the web page, after the grid, as accessible tables (a
//! caption, headings with their scope): the summary (集計表) per section and in all, the
//! indicators with 達成率, the effects per fiscal year in the report's unit, the ratings in
//! their layers with their notes. A report without any gets none of this. Texts are made safe by the page's own
//! escaping, handed in (`Esc`), so this file and the page's do not use each other.

use std::fmt::Write;

use crate::lang::Describe;

use crate::model::figure::grouped;
use crate::model::measures::{Figure, Money, YenUnit};
use crate::model::tally::{Tally, rate_text as rate};
use crate::model::{Initiative, Report};

/// How the page makes a text safe.
pub(super) type Esc = fn(&str) -> String;

/// Appends the section when the report has numbers or a rating scale.
pub(super) fn section(report: &Report, out: &mut String, esc: Esc) {
    if !report.has_measures() {
        return;
    }
    out.push_str(
        "<section aria-labelledby=\"measures\">\n<h2 id=\"measures\">数値目標・効果額・評価</h2>\n",
    );
    totals(report, out, esc);
    indicators(report, out, esc);
    ratings(report, out, esc);
    out.push_str("</section>\n");
}

fn head(out: &mut String, caption: &str, headings: &[String], esc: Esc) {
    let _ = write!(
        out,
        "<table>\n<caption>{}</caption>\n<thead><tr>",
        esc(caption)
    );
    for h in headings {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

fn row(out: &mut String, header: &str, cells: &[String], esc: Esc) {
    let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(header));
    for c in cells {
        let _ = write!(out, "<td>{}</td>", esc(c));
    }
    out.push_str("</tr>\n");
}

/// 集計表: per section and in all.
fn totals(report: &Report, out: &mut String, esc: Esc) {
    let settings = &report.measure_settings;
    let all = Tally::of_report(report);
    // The scale's levels, then codes it lacks as written (counted), headed and written as the
    // printout does (`model::tally`).
    let codes = all.codes();
    let headings = crate::model::tally::headings(settings, &codes);
    head(out, "集計表", &headings, esc);
    let year = report.fiscal_year;
    let mut rows: Vec<(String, Tally)> = report
        .sections
        .iter()
        .map(|s| {
            (
                format!("{} {}", s.numeral, s.title),
                Tally::of(settings, year, s.initiatives.iter()),
            )
        })
        .collect();
    let earlier = all.earlier.clone();
    let sections = rows.len();
    rows.push(("全体".into(), all));
    for (name, t) in &rows {
        let money = |yen| crate::model::tally::total_text(yen, settings.yen_unit);
        let cells = t.row_figures(settings, &codes, money, "計算不能");
        row(out, name, &cells, esc);
    }
    out.push_str("</tbody>\n</table>\n");
    use crate::model::measure_warning::MeasureWarning;
    // A cumulative total of an earlier year is said under the table, not passed off as the
    // latest year's; a total too large to compute, why its cell says 計算不能.
    let mut notes: Vec<MeasureWarning> = earlier
        .into_iter()
        .map(|figure| MeasureWarning::EarlierYearTotal { figure })
        .collect();
    for (k, (name, t)) in rows.into_iter().enumerate() {
        let section = (k < sections).then_some(name);
        for (planned, large) in [(true, t.too_large.planned), (false, t.too_large.actual)] {
            if large {
                let section = section.clone();
                notes.push(MeasureWarning::TotalTooLarge { section, planned });
            }
        }
    }
    // What the figures count and leave out, as the printout says under its 集計表.
    let counted = crate::model::tally_notes::counted(report, true);
    let all: Vec<&Initiative> = report.initiatives().collect();
    let unread = crate::model::tally_notes::unread(all.iter().copied());
    let said = notes
        .into_iter()
        .map(|note| note.describe(crate::lang::Lang::Ja))
        .chain(counted)
        .chain(unread);
    for said in said {
        let _ = writeln!(out, "<p>※{}</p>", esc(&said));
    }
}

/// A figure as the printout writes it: a number with its thousands grouped (`1,200`), a text
/// kept as written as it is (`約120`, `1234567.12345678` too precise to read).
fn figure_text(figure: &Figure) -> String {
    match figure.value {
        Some(_) => grouped(&figure.display()),
        None => figure.display(),
    }
}

/// Money as the printout writes it, in `unit`: grouped when read, else as written.
fn money_text(money: &Money, unit: YenUnit) -> String {
    match money.yen {
        Some(_) => grouped(&money.display(unit)),
        None => money.display(unit),
    }
}

fn name(i: &Initiative) -> String {
    format!("{} {}", i.number, i.title)
}

/// A row per indicator and per effect of the report's year.
fn indicators(report: &Report, out: &mut String, esc: Esc) {
    let year = report.fiscal_year;
    let era = year.era_form();
    let headings: Vec<String> = [
        "取組",
        "項目",
        "見出し",
        "単位",
        "目標",
        "実績",
        "達成率",
        "進捗率",
    ]
    .map(String::from)
    .to_vec();
    head(out, &format!("数値目標と効果額（{era}）"), &headings, esc);
    for i in report.initiatives() {
        let m = i.measures();
        for x in &m.indicators {
            let actual = match x.shown_actual(year) {
                Some((a, false)) => figure_text(a),
                Some((a, true)) => format!("{}（上半期）", figure_text(a)),
                None => String::new(),
            };
            // As written when it is not a number (「約120」), as the printout shows it; a
            // number with its thousands grouped, as the printout and the 集計表 write it.
            let target = figure_text(x.target_figure(year));
            // The topic it measures; blank for the initiative's own.
            let topic = x.topic_in(i).and_then(|t| t.heading.clone());
            let cells = [
                x.name.clone(),
                topic.unwrap_or_default(),
                x.unit.clone(),
                target,
                actual,
                rate(x.achievement_rate(year)),
                rate(x.progress_rate(year)),
            ];
            row(out, &name(i), &cells, esc);
        }
        if let Some(e) = m.effect(year) {
            let unit = report.measure_settings.yen_unit;
            let cells = [
                "効果額".to_string(),
                String::new(),
                unit.label().to_string(),
                money_text(&e.planned, unit),
                money_text(&e.actual, unit),
                rate(e.achievement_rate()),
                String::new(),
            ];
            row(out, &name(i), &cells, esc);
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The three layers per rated initiative; beside a rating its note (自己評価の特記, 本部評価の
/// 特記), a column only when some rating of its layer has one, so a page without notes is as
/// before.
fn ratings(report: &Report, out: &mut String, esc: Esc) {
    use crate::model::measures::who_when;
    let notes = super::table_numbers::NoteColumns::of(report);
    let mut headings = vec!["取組", "自己評価"];
    headings.extend(notes.self_rating.then_some("自己評価の特記"));
    headings.push("本部評価");
    headings.extend(notes.review.then_some("本部評価の特記"));
    headings.push("委員会意見");
    head(
        out,
        "評価",
        &headings.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
        esc,
    );
    // As the printout and the 集計表 write a level (`対象外` once, `Z（評価基準にない）`).
    let levels = report.measure_settings.levels();
    let label = |code: &str| crate::model::tally::rating_words(&levels, code);
    for i in report.initiatives() {
        let m = i.measures();
        if m.self_rating.is_none() && m.review.is_none() && m.comment.is_none() {
            continue;
        }
        let with_who = |text: String, by: &str, on| match who_when(by, on) {
            Some(w) => format!("{text}（{w}）"),
            None => text,
        };
        let code = |r: &Option<crate::model::measures::Rating>| {
            r.as_ref()
                .map(|r| with_who(label(&r.code), &r.by, r.on))
                .unwrap_or_default()
        };
        let note = |r: &Option<crate::model::measures::Rating>| {
            r.as_ref().map(|r| r.note.clone()).unwrap_or_default()
        };
        let mut cells = vec![code(&m.self_rating)];
        cells.extend(notes.self_rating.then(|| note(&m.self_rating)));
        cells.push(code(&m.review));
        cells.extend(notes.review.then(|| note(&m.review)));
        cells.push(
            m.comment
                .as_ref()
                .map(|c| with_who(c.text.clone(), &c.by, c.on))
                .unwrap_or_default(),
        );
        row(out, &name(i), &cells, esc);
    }
    out.push_str("</tbody>\n</table>\n");
}
