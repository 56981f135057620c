//! The report written back in the published table format (tab-separated, stage tables as HTML
//! with colspans, plan/actual/division cells as the importer reads them), so that it goes back
//! into a word processor or another office's tools. Importing it gives back the same report
//! for a report that was itself imported; the as-of date and the unread source rows are not
//! part of the format, and an edited report comes back with its ids renumbered in order.

use crate::model::{ActionItem, Entry, Initiative, Report, Side, Topic};

/// The table as text (LF line ends; the encoder turns them into CRLF where asked).
pub fn to_table_text(report: &Report) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    rows.push(vec![report.title.clone()]);
    rows.push(Vec::new());
    let plan_heading = report.plan_heading();
    let actual_heading = report.actual_heading();
    rows.push(
        [
            "番号",
            "具体的取組",
            "工程",
            &plan_heading,
            &actual_heading,
            "担当課",
        ]
        .map(str::to_string)
        .to_vec(),
    );
    let years: Vec<String> = report
        .plan_years
        .years()
        .map(|y| y.short_form_like(report.fiscal_year))
        .collect();
    for section in &report.sections {
        let head = format!("{} {}", section.numeral, section.title);
        rows.push(vec![head.trim().to_string()]);
        for initiative in &section.initiatives {
            initiative_rows(report, initiative, &years, &mut rows);
        }
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(1);
    let mut out = String::new();
    for mut row in rows {
        if !row.is_empty() {
            row.resize(width, String::new());
        }
        out.push_str(&row.join("\t"));
        out.push('\n');
    }
    out
}

/// The stage table's rows: header, then one per item lane, each cell with its colspan.
fn stage_rows(
    report: &Report,
    items: &[ActionItem],
    years: &[String],
) -> Vec<Vec<(String, usize)>> {
    let mut rows = vec![
        std::iter::once(("取組項目".to_string(), 1))
            .chain(years.iter().map(|y| (y.clone(), 1)))
            .collect::<Vec<_>>(),
    ];
    for item in items {
        for (k, lane) in item.lanes.iter().enumerate() {
            let name = if k == 0 {
                item.display_name()
            } else {
                String::new()
            };
            let mut row = vec![(name, 1)];
            let mut year = report.plan_years.first.0;
            while year <= report.plan_years.last.0 {
                match lane.iter().find(|s| s.first.0 == year) {
                    Some(span) => {
                        let span_len = (span.last.0 - span.first.0 + 1).max(1) as usize;
                        row.push((span.source.clone(), span_len));
                        year += span_len as i32;
                    }
                    None => {
                        row.push((String::new(), 1));
                        year += 1;
                    }
                }
            }
            rows.push(row);
        }
    }
    rows
}

fn stage_html(rows: &[Vec<(String, usize)>]) -> String {
    let cell = |tag: &str, (text, span): &(String, usize)| {
        let text = escape(text);
        if *span > 1 {
            format!("<{tag} colspan=\"{span}\">{text}</{tag}>")
        } else {
            format!("<{tag}>{text}</{tag}>")
        }
    };
    let mut html = String::from("<table border=\"1\"> <thead> <tr> ");
    for c in &rows[0] {
        html.push_str(&cell("th", c));
        html.push(' ');
    }
    html.push_str("</tr> </thead> <tbody> ");
    for row in &rows[1..] {
        html.push_str("<tr> ");
        for c in row {
            html.push_str(&cell("td", c));
            html.push(' ');
        }
        html.push_str("</tr> ");
    }
    html.push_str("</tbody> </table>");
    html
}

/// `<` and `&` in a table cell's text; `<…>` headings are written out in the other cells.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn initiative_rows(
    report: &Report,
    initiative: &Initiative,
    years: &[String],
    rows: &mut Vec<Vec<String>>,
) {
    let stages = stage_rows(report, &initiative.items, years);
    let title = format!("{} {}", initiative.label, initiative.title)
        .trim()
        .to_string();
    let mut row = vec![initiative.number.clone(), title, stage_html(&stages)];
    // The table again, flattened: each cell at its first column, its colspan as empty fields.
    for stage_row in &stages {
        for (text, span) in stage_row {
            row.push(text.clone());
            row.extend(std::iter::repeat_n(String::new(), span - 1));
        }
    }
    row.push(side_cell(initiative, Side::Plan));
    row.push(side_cell(initiative, Side::Actual));
    row.push(division_cell(initiative));
    rows.push(row);
    // And once more as plain rows under the initiative.
    for stage_row in &stages {
        let mut plain = vec![stage_row[0].0.clone()];
        plain.extend(stage_row[1..].iter().map(|(t, _)| t.clone()));
        rows.push(plain);
    }
}

fn side_cell(initiative: &Initiative, side: Side) -> String {
    let mut parts = Vec::new();
    for topic in &initiative.topics {
        let list = topic.entries(side);
        if !written_in(topic, side) {
            continue;
        }
        if let Some(h) = &topic.heading {
            parts.push(format!("<p><{h}></p>"));
        }
        let mut bullets = Vec::new();
        for entry in list {
            if entry.bullet {
                bullets.push(format!("・{}", entry.text));
            } else {
                flush(&mut bullets, &mut parts);
                parts.push(format!("<p>{}</p>", entry.text));
            }
        }
        flush(&mut bullets, &mut parts);
    }
    parts.join(" ")
}

fn flush(bullets: &mut Vec<String>, parts: &mut Vec<String>) {
    if !bullets.is_empty() {
        parts.push(format!(
            "<ul style=\"list-style-type: none\"> {} </ul>",
            bullets.join(" ")
        ));
        bullets.clear();
    }
}

/// One division for the whole initiative, or `<p><topic></p> <p>division</p>` pairs, topics
/// sharing a division written before it once.
fn division_cell(initiative: &Initiative) -> String {
    let named: Vec<&Topic> = initiative
        .topics
        .iter()
        .filter(|t| t.division.is_some() && t.heading.is_some())
        .collect();
    if named.is_empty() {
        return initiative.divisions.join(" ");
    }
    let mut parts: Vec<String> = initiative
        .divisions
        .iter()
        .map(|d| format!("<p>{d}</p>"))
        .collect();
    let mut k = 0;
    while k < named.len() {
        let division = named[k].division.as_deref().unwrap_or_default();
        while k < named.len() && named[k].division.as_deref() == Some(division) {
            parts.push(format!(
                "<p><{}></p>",
                named[k].heading.as_deref().unwrap_or_default()
            ));
            k += 1;
        }
        parts.push(format!("<p>{division}</p>"));
    }
    parts.join(" ")
}

/// Whether a topic is written in a side's cell: when it has entries there — or, with nothing
/// on either side, in the actual cell, so that its heading is kept (a division's results all
/// removed leave the heading, which is what was written).
pub fn written_in(topic: &Topic, side: Side) -> bool {
    let empty = topic.plan.is_empty() && topic.actual.is_empty();
    !topic.entries(side).is_empty() || (empty && side == Side::Actual && topic.heading.is_some())
}

/// The text of an entry as a plan/actual cell shows it (bullet included).
pub fn entry_line(entry: &Entry) -> String {
    if entry.bullet {
        format!("・{}", entry.text)
    } else {
        entry.text.clone()
    }
}
