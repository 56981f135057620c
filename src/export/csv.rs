//! One row per plan or actual entry (sub-items too), for people who pivot in Excel.

use super::ExportError;
use super::table_numbers::NumberColumns;
use crate::model::status::topic_status;
use crate::model::{Entry, Initiative, MonthSet, Report, Side};

/// The columns: 見出しの状況 is the topic's (every row of it), 計画の状況 a plan line's own (as
/// the web page, the printout and `check --json` give it; blank on a result's row) — one column
/// 状況 holding the topic's disagreed with them on 19 of the seed's plan lines.
pub const HEADER: [&str; 14] = [
    "区分",
    "番号",
    "具体的取組",
    "見出し",
    "担当課",
    "計画/実績",
    "上位の記載",
    "記載",
    "時期",
    "月",
    "予定",
    "件数",
    "見出しの状況",
    "計画の状況",
];

pub use crate::model::text::formula_guarded;

/// `4-9`, `11-1`, `5-7,12-2`, `6`: calendar months in fiscal order.
pub fn months_text(months: MonthSet) -> String {
    months
        .runs()
        .iter()
        .map(|&(a, b)| {
            let (a, b) = (
                crate::model::months::FISCAL_MONTHS[a],
                crate::model::months::FISCAL_MONTHS[b],
            );
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

pub fn to_csv(report: &Report) -> Result<String, ExportError> {
    let mut writer = ::csv::WriterBuilder::new().from_writer(Vec::new());
    let fail = |e: ::csv::Error| ExportError::Writer(format!("CSV: {e}"));
    let numbers = NumberColumns::of(report);
    let headings = numbers
        .as_ref()
        .map_or_else(Vec::new, |n| n.headings(report))
        .into_iter()
        .map(|h| with_unit(report, h))
        .collect::<Vec<_>>();
    writer
        .write_record(
            HEADER
                .iter()
                .map(|h| h.to_string())
                .chain(headings.iter().cloned()),
        )
        .map_err(fail)?;
    for section in &report.sections {
        let section_name = format!("{} {}", section.numeral, section.title);
        for initiative in &section.initiatives {
            let mut records = entry_records(report, &section_name, initiative);
            if let Some(numbers) = &numbers {
                with_numbers(report, numbers, initiative, &section_name, &mut records);
            }
            for record in records {
                writer
                    .write_record(record.iter().map(|cell| csv_cell(cell)))
                    .map_err(fail)?;
            }
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Writer(format!("CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Writer(format!("CSV: {e}")))
}

/// A cell as the CSV writes it: guarded against being run as a formula, and a character that
/// does not show ([`crate::model::text::is_invisible`]) other than a tab or a line break shown
/// by its mark (`<ESC U+001B>`, `<RLO U+202E>`), as the terminal and the web page show it —
/// written raw, `cat out.csv` ran the escape sequences a title held, and Excel showed
/// 「A<RLO>gpj.exe」 as 「Aexe.jpg」. (The CSV is not read back: the mark is what a reader sees.)
fn csv_cell(cell: &str) -> String {
    let control = |c: char| crate::model::text::is_invisible(c) && !matches!(c, '\t' | '\n' | '\r');
    let guarded = formula_guarded(cell);
    if !guarded.chars().any(control) {
        return guarded.into_owned();
    }
    let mut out = String::with_capacity(guarded.len() + 16);
    for c in guarded.chars() {
        match control(c) {
            true => out.push_str(&crate::model::text::mark(c)),
            false => out.push(c),
        }
    }
    out
}

/// An effect's heading with the money unit its figures are in (`2年度計画額（千円）`, and
/// `・累計` when the report counts cumulatively): a CSV has no rows above its header to declare
/// them, as the report table does.
fn with_unit(report: &Report, heading: String) -> String {
    if !(heading.ends_with("計画額") || heading.ends_with("実績額")) {
        return heading;
    }
    let settings = &report.measure_settings;
    let counting = match settings.counting {
        crate::model::measures::Counting::Cumulative => "・累計",
        crate::model::measures::Counting::SingleYear => "",
    };
    format!("{heading}（{}{counting}）", settings.yen_unit.label())
}

/// The numbers after the published columns (`table_numbers`): the initiative's first row has
/// its first indicator, effects and ratings, each further row its next indicator; an
/// initiative with more indicators than rows gets rows of its own (section, 番号, title).
fn with_numbers(
    report: &Report,
    numbers: &NumberColumns,
    initiative: &Initiative,
    section_name: &str,
    records: &mut Vec<Vec<String>>,
) {
    let cells = numbers.rows(report, initiative);
    let width = numbers.headings(report).len();
    while records.len() < cells.len() {
        let mut record = vec![
            section_name.to_string(),
            initiative.number.clone(),
            initiative.title.clone(),
        ];
        record.resize(HEADER.len(), String::new());
        records.push(record);
    }
    for (k, record) in records.iter_mut().enumerate() {
        match cells.get(k) {
            Some(row) => record.extend(row.iter().cloned()),
            None => record.resize(HEADER.len() + width, String::new()),
        }
    }
}

/// A row per plan and actual entry (sub-items too) of an initiative, as the published columns.
fn entry_records(report: &Report, section_name: &str, initiative: &Initiative) -> Vec<Vec<String>> {
    let as_of = report.fiscal_as_of();
    let lines: std::collections::HashMap<crate::model::Id, &str> =
        (crate::model::status::line_statuses(initiative, as_of).into_iter())
            .map(|(_, line, status)| (line.id, status.japanese()))
            .collect();
    let mut out = Vec::new();
    for topic in &initiative.topics {
        let status = topic_status(initiative, topic, as_of).japanese();
        let heading = topic.heading.clone().unwrap_or_default();
        let division = initiative.division_names(topic);
        for (side, list) in [(Side::Plan, &topic.plan), (Side::Actual, &topic.actual)] {
            let side_name = if side == Side::Plan {
                "計画"
            } else {
                "実績"
            };
            let mut rows: Vec<(&str, &Entry)> = Vec::new();
            for e in list {
                rows.push(("", e));
                rows.extend(e.subs.iter().map(|s| (e.label.as_str(), s)));
            }
            for (parent, e) in rows {
                let months = e.timing.as_ref().map_or(MonthSet::EMPTY, |t| t.months);
                let counts: Vec<&str> = e.counts.iter().map(|c| c.raw.as_str()).collect();
                let scheduled = e.timing.as_ref().is_some_and(|t| t.scheduled);
                out.push(vec![
                    section_name.to_string(),
                    initiative.number.clone(),
                    initiative.title.clone(),
                    heading.clone(),
                    division.clone(),
                    side_name.to_string(),
                    parent.to_string(),
                    e.text.clone(),
                    e.when.clone().unwrap_or_default(),
                    months_text(months),
                    if scheduled { "予定" } else { "" }.to_string(),
                    counts.join("・"),
                    status.to_string(),
                    lines.get(&e.id).copied().unwrap_or_default().to_string(),
                ]);
            }
        }
    }
    out
}
