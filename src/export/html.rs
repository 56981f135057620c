//! The report as one self-contained web page, for publishing (公表) on a prefecture's site:
//! JIS X 8341-3 / WCAG 2.0 AA. One `<table>` with a caption, two heading rows and `th scope`
//! everywhere; one `<tbody>` per section and one `<tr>` per row of the printout (the rows
//! [`crate::print::selected_rows`] gives with the default page setup), so the page and the
//! paper count the same rows. Stages and months are cells spanning their years and months:
//! bars drawn with CSS for the eye (plan hatched and outlined, actual solid, 予定 dashed — the
//! shapes of [`crate::grid::BarLook`], colours of the paper tone) and, for a screen reader,
//! words (「計画 5月～7月」「実績 4月（予定）」「28年度 検討」). Status is written as words.
//! No script, no external resource: fonts come from the reader's system.

use std::fmt::Write as _;

use crate::grid::{self, BarLook, EntryMark, GridRow, Standings};
use crate::model::months::FISCAL_MONTHS;
use crate::model::status::{LineMark, Status};
use crate::model::{EntryKind, Report, Side, StageSpan};
use crate::palette::{self, Rgb, Tone};
use crate::print::{PageSetup, selected_rows};

/// The page, as UTF-8 text.
pub fn to_html(report: &Report) -> String {
    let rows = selected_rows(report, &PageSetup::default());
    let years = report.plan_years.len().max(1);
    let mut out = String::with_capacity(4096 + rows.len() * 400);
    let title = esc(&report.title);
    let when = format!(
        "{}・{}　{}時点",
        report.fiscal_year,
        report.period.japanese(),
        report.as_of().to_japanese(report.fiscal_year)
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Shinchoku {}\">\n<title>{title}</title>\n\
         <style>\n{}</style>\n</head>\n<body>\n<header>\n<h1>{title}</h1>\n<p>{}</p>\n</header>\n\
         <main>\n",
        env!("CARGO_PKG_VERSION"),
        stylesheet(years),
        esc(&when),
    );
    legend(&mut out);
    out.push_str("<table>\n");
    let _ = writeln!(out, "<caption>{title}<br>{}</caption>", esc(&when));
    columns(&mut out, years);
    table_head(report, years, &mut out);
    // Statuses worked out once per initiative: asked row by row, each row went over its whole
    // initiative again (issue 23: a topic of 20,000 result lines took 16 s).
    let standings = Standings::of(report);
    let mut open = false;
    for row in rows {
        if let GridRow::Section { .. } = row {
            if open {
                out.push_str("</tbody>\n");
            }
            out.push_str("<tbody>\n");
            open = true;
        }
        table_row(report, &standings, row, years, &mut out);
    }
    if open {
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
    super::html_measures::section(report, &mut out, esc);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Text and attribute values made safe: every report text goes through here. A character that
/// does not show — a control character, which HTML does not allow, or a bidirectional override
/// that would reorder the page's text — is written as its mark (`<RLO U+202E>`), as the
/// printout shows it; the report keeps the text as written.
fn esc(text: &str) -> String {
    let text = crate::model::text::visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn css(c: Rgb) -> String {
    format!("#{:06x}", c.to_u32())
}

fn stylesheet(years: usize) -> String {
    let paper = Tone::Paper;
    let plan = css(palette::PLAN);
    let hatch = css(palette::plan_hatch(paper));
    let actual = css(palette::actual(paper));
    let scheduled = css(palette::SCHEDULED_FILL);
    let period = css(palette::period(paper));
    let grid = css(palette::grid_line(paper));
    let muted = css(palette::MUTED);
    let heading = css(palette::HEADING_FILL);
    let section = css(palette::SECTION_FILL);
    let initiative = css(palette::INITIATIVE_FILL);
    let late = css(palette::AS_OF);
    let black = css(Rgb::BLACK);
    let mut status = String::new();
    for s in Status::ALL {
        let (fill, text) = palette::status(s);
        let _ = writeln!(
            status,
            ".st-{} {{ background: {}; color: {}; }}",
            s.key(),
            css(fill),
            css(text)
        );
    }
    // Widths in em so that the page zooms; the table is as wide as its columns (it scrolls
    // sideways on a narrow screen rather than squeezing the month bars away).
    let width = 3.0 + 24.0 + 4.5 * years as f32 + 2.4 * 12.0 + 9.0 + 5.0;
    format!(
        r#"body {{ font-family: "BIZ UDPGothic", "Meiryo", "Yu Gothic", "Noto Sans CJK JP", sans-serif;
  color: {black}; background: #fff; margin: 1em; line-height: 1.45; }}
h1 {{ font-size: 1.3em; margin: 0 0 .2em; }}
header p {{ margin: 0 0 .6em; }}
.legend {{ margin: 0 0 .6em; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .4em 1.4em; font-size: .9em; }}
main {{ overflow-x: auto; }}
table {{ border-collapse: collapse; table-layout: fixed; width: {width}em; font-size: .85em; }}
caption {{ text-align: left; font-weight: bold; padding: .3em 0; }}
th, td {{ border: 1px solid {grid}; padding: .15em .3em; vertical-align: top; text-align: left; overflow-wrap: anywhere; }}
thead th {{ background: {heading}; text-align: center; vertical-align: middle; font-weight: bold; }}
thead th.month {{ padding: .15em 0; font-weight: normal; }}
thead th.period {{ background: {period}; }}
col.num {{ width: 3em; }} col.text {{ width: 24em; }} col.year {{ width: 4.5em; }}
col.month {{ width: 2.4em; }} col.division {{ width: 9em; }} col.status {{ width: 5em; }}
tr.section > * {{ background: {section}; font-weight: bold; border-top: 2px solid {muted}; }}
tr.initiative > * {{ background: {initiative}; border-top: 1.5px solid {muted}; }}
tr.initiative th {{ font-weight: bold; }}
td.months, td.stage, td.span {{ padding: .2em 1px; vertical-align: middle; }}
.d2 {{ padding-left: 1.3em; }} .d3 {{ padding-left: 2.2em; }} .d4 {{ padding-left: 3.4em; }}
.note {{ color: {muted}; }}
/* A line break a division typed stays a line break. */
tbody td, tbody th {{ white-space: pre-line; }}
.side {{ display: inline-block; width: 1.2em; margin-right: .3em; text-align: center; font-size: .85em; border-radius: 2px; }}
.side.plan {{ border: 1px solid {plan}; color: {plan}; }}
.side.actual {{ background: {actual}; color: #fff; }}
.stg {{ display: block; border: 1px solid {muted}; border-radius: 2px; text-align: center; font-size: .9em; padding: 0 .2em; }}
.stg.arrow {{ border: 0; }}
.run {{ display: flex; align-items: center; gap: 1px; }}
.bar {{ display: block; flex: 1 1 auto; height: .9em; box-sizing: border-box; }}
.legend .bar {{ display: inline-block; flex: none; width: 2.4em; vertical-align: middle; margin-right: .3em; }}
.bar.plan {{ border: 1.5px solid {plan}; background: repeating-linear-gradient(135deg, {hatch} 0 1.5px, #fff 1.5px 5px); }}
.bar.actual {{ background: {actual}; }}
.bar.scheduled {{ border: 1.5px dashed {actual}; background: {scheduled}; }}
.bar.covers {{ height: 0; border-top: 1.5px solid {muted}; margin: .45em 0; }}
.end {{ font-size: .8em; line-height: 1; }}
.mark {{ font-size: .8em; margin-left: 1px; }}
.mark.met {{ color: {plan}; }} .mark.late {{ color: {late}; font-weight: bold; }} .mark.tocome {{ color: {muted}; }}
.asneeded {{ color: {plan}; font-size: .9em; }} .asneeded.actual {{ color: {actual}; }}
.unread {{ color: {late}; font-weight: bold; }}
.badge {{ display: inline-block; padding: 0 .35em; border-radius: 3px; border: 1px solid {muted}; }}
.vh {{ position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }}
{status}@media print {{
  @page {{ size: A3 landscape; margin: 10mm; }}
  body {{ margin: 0; }}
  main {{ overflow: visible; }}
  table {{ width: 100%; font-size: 7pt; }}
  thead {{ display: table-header-group; }}
  tr {{ break-inside: avoid; page-break-inside: avoid; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
"#
    )
}

/// What the bars and marks mean, before the table (their samples are decoration: the table's
/// cells say the same in words).
fn legend(out: &mut String) {
    out.push_str("<ul class=\"legend\" aria-label=\"凡例\">\n");
    for (class, name) in [
        ("bar plan", "計画"),
        ("bar actual", "実績"),
        ("bar scheduled", "実績（予定）"),
    ] {
        let _ = writeln!(
            out,
            "<li><span class=\"{class}\" aria-hidden=\"true\"></span>{name}</li>"
        );
    }
    for (class, glyph, name) in [
        ("met", "●", "計画どおり"),
        ("late", "！", "遅れ"),
        ("tocome", "○", "これから"),
    ] {
        let _ = writeln!(
            out,
            "<li><span class=\"mark {class}\" aria-hidden=\"true\">{glyph}</span> {name}</li>"
        );
    }
    out.push_str("<li>計画外: 計画にない実績</li>\n</ul>\n");
}

fn columns(out: &mut String, years: usize) {
    out.push_str("<colgroup><col class=\"num\"><col class=\"text\"></colgroup>\n<colgroup>");
    for _ in 0..years {
        out.push_str("<col class=\"year\">");
    }
    out.push_str("</colgroup>\n<colgroup>");
    for _ in 0..12 {
        out.push_str("<col class=\"month\">");
    }
    out.push_str(
        "</colgroup>\n<colgroup><col class=\"division\"><col class=\"status\"></colgroup>\n",
    );
}

fn table_head(report: &Report, years: usize, out: &mut String) {
    let _ = writeln!(
        out,
        "<thead>\n<tr><th scope=\"col\" rowspan=\"2\">番号</th>\
         <th scope=\"col\" rowspan=\"2\">具体的取組 / 取組項目</th>\
         <th scope=\"colgroup\" colspan=\"{years}\">工程</th>\
         <th scope=\"colgroup\" colspan=\"12\">{} / {}</th>\
         <th scope=\"col\" rowspan=\"2\">担当課</th><th scope=\"col\" rowspan=\"2\">状況</th></tr>",
        esc(&report.plan_heading()),
        esc(&report.actual_heading()),
    );
    out.push_str("<tr>");
    for year in report.plan_years.years() {
        let _ = write!(
            out,
            "<th scope=\"col\">{}</th>",
            esc(&year.short_form_like(report.fiscal_year))
        );
    }
    if report.plan_years.is_empty() {
        out.push_str("<th scope=\"col\">年度</th>");
    }
    let period = report.period.months();
    for (k, month) in FISCAL_MONTHS.iter().enumerate() {
        let class = if period.contains_fiscal(k) {
            "month period"
        } else {
            "month"
        };
        let _ = write!(out, "<th scope=\"col\" class=\"{class}\">{month}月</th>");
    }
    out.push_str("</tr>\n</thead>\n");
}

fn table_row(report: &Report, standings: &Standings, row: GridRow, years: usize, out: &mut String) {
    match row {
        GridRow::Section { section } => section_row(report, standings, section, years, out),
        GridRow::Initiative {
            section,
            initiative,
        } => initiative_row(report, standings, (section, initiative), years, out),
        GridRow::Lane {
            section,
            initiative,
            item,
            lane,
        } => lane_row(report, (section, initiative, item, lane), years, out),
        GridRow::Topic {
            section,
            initiative,
            topic,
        } => topic_row(report, standings, (section, initiative, topic), years, out),
        GridRow::Entry { side, sub, .. } => {
            entry_row(report, standings, row, (side, sub), years, out)
        }
        // Only a comparison makes these; the printout's rows never hold one.
        GridRow::Removed { .. } => {}
    }
}

fn section_row(report: &Report, standings: &Standings, s: usize, years: usize, out: &mut String) {
    let sec = &report.sections[s];
    let counts = standings.section_counts(s);
    let _ = writeln!(
        out,
        "<tr class=\"section\"><th scope=\"rowgroup\" colspan=\"2\">{} {}</th>\
         <td colspan=\"{years}\"></td><td colspan=\"12\">{}</td><td></td><td></td></tr>",
        esc(&sec.numeral),
        esc(&sec.title),
        esc(&counts.to_japanese()),
    );
}

fn initiative_row(
    report: &Report,
    standings: &Standings,
    (s, i): (usize, usize),
    years: usize,
    out: &mut String,
) {
    let standing = standings.of_row(GridRow::Initiative {
        section: s,
        initiative: i,
    });
    let ini = &report.sections[s].initiatives[i];
    let status = standing.map(|st| badge(st.initiative()));
    let _ = writeln!(
        out,
        "<tr class=\"initiative\"><td>{}</td><th scope=\"row\">{}</th>\
         <td colspan=\"{years}\"></td><td colspan=\"12\"></td><td>{}</td><td>{}</td></tr>",
        esc(&ini.number),
        esc(format!("{} {}", ini.label, ini.title).trim()),
        esc(&ini.all_divisions().join("、")),
        status.unwrap_or_default(),
    );
}

fn lane_row(
    report: &Report,
    (s, i, item, lane): (usize, usize, usize, usize),
    years: usize,
    out: &mut String,
) {
    let it = &report.sections[s].initiatives[i].items[item];
    let name = if lane == 0 {
        esc(&it.display_name())
    } else {
        // A further lane of the same item: the printout's └, named for the ear.
        format!(
            "<span aria-hidden=\"true\">└</span><span class=\"vh\">{}（続き）</span>",
            esc(&it.display_name())
        )
    };
    let _ = write!(
        out,
        "<tr class=\"lane\"><td></td><td class=\"d2\">{name}</td>"
    );
    let spans = it.lanes.get(lane).map_or(&[][..], Vec::as_slice);
    stage_cells(report, spans, years, out);
    out.push_str("<td colspan=\"12\"></td><td></td><td></td></tr>\n");
}

fn topic_row(
    report: &Report,
    standings: &Standings,
    (s, i, t): (usize, usize, usize),
    years: usize,
    out: &mut String,
) {
    let standing = standings.of_row(GridRow::Topic {
        section: s,
        initiative: i,
        topic: t,
    });
    let ini = &report.sections[s].initiatives[i];
    let topic = &ini.topics[t];
    let heading = topic
        .heading
        .as_ref()
        .map_or_else(|| "（見出しなし）".to_string(), |h| format!("<{h}>"));
    let _ = writeln!(
        out,
        "<tr class=\"topic\"><td></td><td class=\"d2\">{}</td>\
         <td colspan=\"{years}\"></td><td colspan=\"12\"></td><td>{}</td><td>{}</td></tr>",
        esc(&heading),
        esc(&ini.division_names(topic)),
        standing
            .and_then(|st| st.topic(t))
            .map(badge)
            .unwrap_or_default(),
    );
}

fn entry_row(
    report: &Report,
    standings: &Standings,
    row: GridRow,
    (side, sub): (Side, Option<usize>),
    years: usize,
    out: &mut String,
) {
    let Some(entry) = grid::entry_of(report, row) else {
        return;
    };
    let shown = grid::shown_text(report, row).unwrap_or_default();
    let text = &shown;
    let (depth, class) = if sub.is_some() {
        ("d4", "sub")
    } else {
        ("d3", "entry")
    };
    let _ = write!(out, "<tr class=\"{class}\"><td></td><td class=\"{depth}\">");
    if sub.is_none() {
        let (cls, glyph, word) = match side {
            Side::Plan => ("plan", "計", "計画"),
            Side::Actual => ("actual", "実", "実績"),
        };
        let _ = write!(
            out,
            "<span class=\"side {cls}\" aria-hidden=\"true\">{glyph}</span>\
             <span class=\"vh\">{word}：</span>"
        );
    }
    if entry.kind == EntryKind::Status {
        let _ = write!(out, "<span class=\"note\">{}</span>", esc(text));
    } else {
        out.push_str(&esc(text));
    }
    let _ = write!(out, "</td><td colspan=\"{years}\"></td>");
    month_cells(report, standings, row, out);
    let status = entry_status(report, standings, row)
        .map(|(word, late)| {
            if late {
                format!("<strong>！{word}</strong>")
            } else {
                word.to_string()
            }
        })
        .unwrap_or_default();
    let _ = writeln!(out, "<td></td><td>{status}</td></tr>");
}

/// An initiative's or topic's status, in words on a coloured badge (late also marked ！).
fn badge(status: Status) -> String {
    let word = status.japanese();
    let word = if status == Status::Late {
        format!("！{word}")
    } else {
        word.to_string()
    };
    format!("<span class=\"badge st-{}\">{word}</span>", status.key())
}

/// What the status column says for an entry row: the plan line's status, or 計画外 for a
/// result reporting nothing planned; and whether it is late.
fn entry_status(
    report: &Report,
    standings: &Standings,
    row: GridRow,
) -> Option<(&'static str, bool)> {
    if standings.is_unplanned(report, row) {
        return Some(("計画外", false));
    }
    let status = standings.plan_line(report, row)?;
    Some((status.japanese(), status.mark() == LineMark::Late))
}

/// The year cells of one stage lane: a cell spanning each stage's years, empty cells between.
fn stage_cells(report: &Report, spans: &[StageSpan], years: usize, out: &mut String) {
    let mut spans: Vec<&StageSpan> = spans.iter().collect();
    spans.sort_by_key(|s| s.first);
    let mut at = 0usize;
    for span in spans {
        let (Some(a), Some(b)) = (
            report.plan_years.index_of(span.first),
            report.plan_years.index_of(span.last),
        ) else {
            continue;
        };
        // Spans of one lane never share a year (the file is checked on open); one that would
        // overlap the cell before is left out of the table rather than break its columns.
        if a < at || b < a {
            continue;
        }
        if a > at {
            empty_cells(a - at, out);
        }
        let said = crate::spoken::stage(span, report.fiscal_year);
        let look = if span.label.is_empty() {
            " arrow".to_string()
        } else {
            format!(
                "\" style=\"background: {}",
                css(palette::stage(&span.label, Tone::Paper))
            )
        };
        let _ = write!(
            out,
            "<td class=\"stage\" colspan=\"{}\"><span class=\"stg{look}\" aria-hidden=\"true\">{}</span>\
             <span class=\"vh\">{}</span></td>",
            b - a + 1,
            esc(&span.display()),
            esc(&said),
        );
        at = b + 1;
    }
    if at < years {
        empty_cells(years - at, out);
    }
}

fn empty_cells(n: usize, out: &mut String) {
    if n == 1 {
        out.push_str("<td></td>");
    } else {
        let _ = write!(out, "<td colspan=\"{n}\"></td>");
    }
}

/// The twelve month cells of an entry row: a cell spanning each bar's months, with the bar
/// drawn and said; empty cells between.
fn month_cells(report: &Report, standings: &Standings, row: GridRow, out: &mut String) {
    let (Some(entry), GridRow::Entry { side, .. }) = (grid::entry_of(report, row), row) else {
        empty_cells(12, out);
        return;
    };
    let as_of = report.as_of().position(report.fiscal_year);
    let line = standings.line_mark(report, row);
    let marks = grid::entry_marks(entry, side, as_of, line);
    let side_word = crate::spoken::side_word(side);
    let line_glyph = marks.iter().find_map(|m| match m {
        EntryMark::Line { mark, .. } => Some(*mark),
        _ => None,
    });
    let glyph = |mark: LineMark| {
        let (class, g) = match mark {
            LineMark::Met => ("met", "●"),
            LineMark::Late => ("late", "！"),
            LineMark::ToCome => ("tocome", "○"),
        };
        format!("<span class=\"mark {class}\">{g}</span>")
    };
    // Cells that fill the whole lane: 随時, an unreadable expression, or nothing to draw.
    let whole = |inner: String, out: &mut String| {
        let _ = write!(out, "<td class=\"months\" colspan=\"12\">{inner}</td>");
    };
    let bars: Vec<(usize, usize, String, String)> = marks
        .iter()
        .filter_map(|m| {
            let run = crate::spoken::month_run(entry, side, m)?;
            let (a, b) = (run.first, run.end);
            let drawn = match *m {
                EntryMark::Bar {
                    to, look, open_end, ..
                } => {
                    let class = match look {
                        BarLook::Plan => "plan",
                        BarLook::Actual => "actual",
                        BarLook::Scheduled => "scheduled",
                    };
                    // A bar cut at the as-of date covers part of its last month.
                    let width = ((to - a as f32) / (b - a) as f32 * 100.0).clamp(5.0, 100.0);
                    let style = if width < 99.5 {
                        format!(" style=\"flex: 0 0 {width:.0}%\"")
                    } else {
                        String::new()
                    };
                    let arrow = if open_end {
                        "<span class=\"end\">→</span>"
                    } else {
                        ""
                    };
                    format!("<span class=\"bar {class}\"{style}></span>{arrow}")
                }
                _ => "<span class=\"bar covers\"></span>".to_string(),
            };
            Some((a, b, drawn, esc(&run.said)))
        })
        .collect();
    if marks.contains(&EntryMark::Unreadable) {
        return whole(
            format!(
                "<span class=\"unread\" aria-hidden=\"true\">?</span>\
                 <span class=\"vh\">{}</span>",
                esc(&crate::spoken::unreadable(side, entry))
            ),
            out,
        );
    }
    if marks.contains(&EntryMark::AsNeeded) {
        let class = match side {
            Side::Plan => "asneeded",
            Side::Actual => "asneeded actual",
        };
        let mark = line_glyph.map(glyph).unwrap_or_default();
        return whole(
            format!(
                "<span class=\"{class}\"><span aria-hidden=\"true\">◆</span>{side_word} 随時</span>\
                 <span aria-hidden=\"true\">{mark}</span>"
            ),
            out,
        );
    }
    if bars.is_empty() {
        let mark = line_glyph.map(glyph).unwrap_or_default();
        return whole(format!("<span aria-hidden=\"true\">{mark}</span>"), out);
    }
    let last = bars.len() - 1;
    let mut at = 0usize;
    for (k, (a, b, drawn, said)) in bars.into_iter().enumerate() {
        // Runs of one month set never overlap; guard anyway so a cell never goes back.
        if a < at {
            continue;
        }
        if a > at {
            empty_cells(a - at, out);
        }
        let mark = if k == last {
            line_glyph.map(glyph).unwrap_or_default()
        } else {
            String::new()
        };
        // The bar for the eye, hidden from a screen reader, which reads the words instead.
        let _ = write!(
            out,
            "<td class=\"span\" colspan=\"{}\"><span class=\"run\" aria-hidden=\"true\">{drawn}{mark}</span>\
             <span class=\"vh\">{said}</span></td>",
            b - a
        );
        at = b;
    }
    if at < 12 {
        empty_cells(12 - at, out);
    }
}
