//! The report written back in the published table format (tab-separated, stage tables as HTML
//! with colspans, plan/actual/division cells as the importer reads them), so that it goes back
//! into a word processor or another office's tools. Importing it gives back the same report
//! for a report that was itself imported, whatever its texts hold (each written as
//! [`references`](super::references) says) — an as-of date other than the period's end written
//! under the title (`2017年9月30日 時点`); the unread source rows are not part of the format, and
//! an edited report comes back with its ids renumbered in order.

use super::halves::Halves;
use super::references::{Field, first_as_reference, written};
use super::table_numbers::{self, NumberColumns};
use crate::model::{ActionItem, Entry, Initiative, Report, Side, Topic};

/// The table as text (LF line ends; the encoder turns them into CRLF where asked).
pub fn to_table_text(report: &Report) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    rows.push(vec![written(&report.title, Field::Plain)]);
    // An as-of date other than the period's end, under the title where the import reads it.
    match report.as_of {
        Some(as_of) => rows.push(vec![format!(
            "{} 時点",
            as_of.to_japanese(report.fiscal_year)
        )]),
        None => rows.push(Vec::new()),
    }
    let numbers = NumberColumns::of(report);
    let halves = Halves::of(report);
    if numbers.is_some() {
        for declared in table_numbers::declarations(report) {
            rows.push(declared.iter().map(|c| number_cell(c)).collect());
        }
        rows.push(Vec::new());
    }
    let plan_heading = written(&report.plan_heading(), Field::Plain);
    let actual_heading = written(&report.actual_heading(), Field::Plain);
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
        .into_iter()
        .chain(halves.iter().map(|h| written(&h.heading, Field::Plain)))
        .chain(numbers.iter().flat_map(|n| n.headings(report)))
        .collect(),
    );
    let years: Vec<String> = report
        .plan_years
        .years()
        .map(|y| y.short_form_like(report.fiscal_year))
        .collect();
    for section in &report.sections {
        let head = format!(
            "{} {}",
            written(&section.numeral, Field::Plain),
            section_title(&section.title)
        );
        rows.push(vec![head.trim().to_string()]);
        for initiative in &section.initiatives {
            let columns = (numbers.as_ref(), halves.as_ref());
            initiative_rows(report, initiative, &years, columns, &mut rows);
        }
    }
    // Every row as wide as the widest, as the published table is; but not where one
    // initiative's stage table is thousands of lanes long (its row alone is that wide, and
    // every other row made as wide was 500 MB of tabs): then each row is as long as it is.
    let width = rows.iter().map(Vec::len).max().unwrap_or(1);
    let padded = width <= MAX_PADDED_WIDTH;
    let mut out = String::new();
    for mut row in rows {
        if !row.is_empty() && padded {
            row.resize(width, String::new());
        }
        // A cell an office program would run as a formula (an indicator named `=1+1`) is
        // guarded as the CSV's are: the table is offered for opening in a spreadsheet.
        let cells: Vec<_> = row
            .iter()
            .map(|c| crate::model::text::formula_guarded(c))
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// The widest row every row is made as wide as.
const MAX_PADDED_WIDTH: usize = 1_000;

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
                item_name(item)
            } else {
                String::new()
            };
            let mut row = vec![(name, 1)];
            let mut year = report.plan_years.first.0;
            while year <= report.plan_years.last.0 {
                match lane.iter().find(|s| s.first.0 == year) {
                    Some(span) => {
                        let span_len = (span.last.0 - span.first.0 + 1).max(1) as usize;
                        row.push((written(&span.source, Field::Markup), span_len));
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

/// The stage table as HTML; its cells' texts are written already (`stage_rows`).
fn stage_html(rows: &[Vec<(String, usize)>]) -> String {
    let cell = |tag: &str, (text, span): &(String, usize)| {
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

/// An item's name as the stage table's first column holds it: a ticked item's with its □; an
/// item not ticked whose name starts with □ (typed so) has that □ written as a reference,
/// which ticks nothing.
fn item_name(item: &ActionItem) -> String {
    if item.ticked {
        format!("□{}", written(&item.name, Field::Markup))
    } else if item.name.starts_with(['□', '☐']) {
        first_as_reference(&item.name, Field::Markup)
    } else {
        written(&item.name, Field::Markup)
    }
}

/// A section's title after its numeral: what the reader trims between them (`.`, `．`, `、`)
/// written as a reference when the title starts with it.
fn section_title(title: &str) -> String {
    if title.starts_with(['.', '．', '、']) {
        first_as_reference(title, Field::Plain)
    } else {
        written(title, Field::Plain)
    }
}

/// A cell of the stage table's plain copies: its HTML cell's text (written for markup) written
/// again for a plain field. The reader takes a plain row for something else when a field is
/// `番号` or `取組項目`, or its first field looks like an initiative's number or a section's
/// numeral: such a text starts with a reference.
fn plain_copy(markup_written: &str, first_of_row: bool) -> String {
    let text = crate::import::html::resolve(markup_written, crate::import::html::Pass::Text);
    let reads_as_row = |t: &str| {
        t.starts_with(|c: char| {
            crate::model::text::is_digit(c)
                || matches!(c, 'I' | 'V' | 'X' | 'L' | 'Ｉ' | 'Ｖ' | 'Ｘ' | 'Ⅰ'..='ⅻ')
        })
    };
    let trimmed = text.trim();
    // `No.1` numbers an initiative too (木津川市's `No.R2-1`).
    let numbered = crate::import::is_initiative_number(trimmed);
    if trimmed == "番号"
        || trimmed == "取組項目"
        || (first_of_row && (reads_as_row(&text) || numbered))
    {
        first_as_reference(&text, Field::Plain)
    } else {
        written(&text, Field::Plain)
    }
}

/// A cell of the numbers (or of what declares them): written as a plain field, and never
/// alone `番号` or `取組項目`, which would make its row read as a header.
fn number_cell(text: &str) -> String {
    if matches!(text.trim(), "番号" | "取組項目") {
        first_as_reference(text, Field::Plain)
    } else {
        written(text, Field::Plain)
    }
}

fn initiative_rows(
    report: &Report,
    initiative: &Initiative,
    years: &[String],
    (numbers, halves): (Option<&NumberColumns>, Option<&Halves>),
    rows: &mut Vec<Vec<String>>,
) {
    let stages = stage_rows(report, &initiative.items, years);
    let mut row = vec![
        written(&initiative.number, Field::Plain),
        initiative_title(initiative),
        stage_html(&stages),
    ];
    // The table again, flattened: each cell at its first column, its colspan as empty fields.
    // Its header row is the format's own words, and an initiative's row is never read as
    // anything else: only `番号` needs guarding there.
    for (k, stage_row) in stages.iter().enumerate() {
        for (text, span) in stage_row {
            row.push(if k == 0 {
                text.clone()
            } else {
                plain_copy(text, false)
            });
            row.extend(std::iter::repeat_n(String::new(), span - 1));
        }
    }
    row.push(side_cell(initiative, Side::Plan));
    match halves {
        Some(h) => row.push(side_cell(&h.this_period(initiative), Side::Actual)),
        None => row.push(side_cell(initiative, Side::Actual)),
    }
    row.push(division_cell(initiative));
    if let Some(h) = halves {
        row.push(side_cell(&h.first_half(initiative), Side::Actual));
    }
    let number_rows = numbers.map_or_else(Vec::new, |n| n.rows(report, initiative));
    let mut number_rows = number_rows
        .iter()
        .map(|cells| cells.iter().map(|c| number_cell(c)));
    row.extend(number_rows.next().into_iter().flatten());
    rows.push(row);
    // Each further indicator on a row of its own: the 番号, blanks under the published
    // columns, its numbers under their headings.
    for further in number_rows {
        let mut row = vec![written(&initiative.number, Field::Plain)];
        row.extend(std::iter::repeat_n(String::new(), 5 + halves.iter().len()));
        row.extend(further);
        rows.push(row);
    }
    // And once more as plain rows under the initiative.
    for (k, stage_row) in stages.iter().enumerate() {
        let first = &stage_row[0].0;
        // The header row (`取組項目 28年度 …`) is written as it is: it is what the reader looks
        // for.
        let mut plain = vec![if k == 0 {
            first.clone()
        } else {
            plain_copy(first, true)
        }];
        plain.extend(stage_row[1..].iter().map(|(t, _)| plain_copy(t, false)));
        rows.push(plain);
    }
}

/// `① 題`: the label and the title; a title without a label that starts with a circled number
/// has it written as a reference (the reader would take it for the label).
fn initiative_title(initiative: &Initiative) -> String {
    let circled =
        |c: char| matches!(c, '①'..='⑳' | '㉑'..='㉟' | '㊱'..='㊿' | '❶'..='❿' | '⓫'..='⓴');
    if !initiative.label.is_empty() {
        format!(
            "{} {}",
            written(&initiative.label, Field::Plain),
            written(&initiative.title, Field::Plain)
        )
    } else if initiative.title.starts_with(circled) || initiative.title.trim() == "番号" {
        // `番号` alone in the field would make the row read as a header.
        first_as_reference(&initiative.title, Field::Plain)
    } else {
        written(&initiative.title, Field::Plain)
    }
}

/// A plan or actual cell. The topic without a heading is written first: entries before any
/// heading are what the reader gives it (after a heading they would join that topic).
fn side_cell(initiative: &Initiative, side: Side) -> String {
    let mut parts = Vec::new();
    let (unheaded, headed): (Vec<&Topic>, Vec<&Topic>) =
        initiative.topics.iter().partition(|t| t.heading.is_none());
    for topic in unheaded.into_iter().chain(headed) {
        let list = topic.entries(side);
        if !written_in(topic, side) {
            continue;
        }
        if let Some(h) = &topic.heading {
            parts.push(format!("<p><{}></p>", heading(h)));
        }
        let mut bullets = Vec::new();
        for entry in list {
            let text = written(&entry.text, Field::Markup);
            if entry.bullet {
                bullets.push(format!("・{text}"));
            } else {
                flush(&mut bullets, &mut parts);
                parts.push(format!("<p>{text}</p>"));
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

/// A topic heading's text inside its `<…>`: one the reader would take for an HTML tag
/// (`<IT 推進>`, `<p>`) has its first letter written as a reference, so that it stays a
/// heading (`<MIE職員…>` is no tag, and is written as it is).
fn heading(text: &str) -> String {
    let as_written = written(text, Field::Markup);
    if crate::import::html::is_tag_start(&format!("{as_written}>")) {
        first_as_reference(text, Field::Markup)
    } else {
        as_written
    }
}

/// One division for the whole initiative, or `<p><topic></p> <p>division</p>` pairs, topics
/// sharing a division written before it once. Several divisions of the initiative's own are
/// a paragraph each (a space would join them into one).
fn division_cell(initiative: &Initiative) -> String {
    let named: Vec<&Topic> = initiative
        .topics
        .iter()
        .filter(|t| t.division.is_some() && t.heading.is_some())
        .collect();
    // A division with no name is what a lone `・` reads as: written so again.
    let division = |d: &str| match d {
        "" => "・".to_string(),
        d => written(d, Field::Markup),
    };
    let own: Vec<String> = initiative.divisions.iter().map(|d| division(d)).collect();
    if named.is_empty() && own.len() <= 1 {
        // Alone in its field as the published table has it; `番号` there would make the row
        // read as a header.
        return match own.first() {
            Some(d) if d.trim() == "番号" => first_as_reference(d, Field::Markup),
            _ => own.concat(),
        };
    }
    let mut parts: Vec<String> = own.iter().map(|d| format!("<p>{d}</p>")).collect();
    let mut k = 0;
    while k < named.len() {
        let name = named[k].division.as_deref().unwrap_or_default();
        while k < named.len() && named[k].division.as_deref() == Some(name) {
            parts.push(format!(
                "<p><{}></p>",
                heading(named[k].heading.as_deref().unwrap_or_default())
            ));
            k += 1;
        }
        parts.push(format!("<p>{}</p>", division(name)));
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
