//! What a 集計表 counts and leaves out, said under it in the printout and on the web page
//! alike: the rates' formulas, how effects are counted (and which years the totals add), and
//! the figures kept as written that no total takes.

use super::measures::Counting;
use super::{Initiative, Report};

/// What the 集計表's figures count, under it.
pub fn counted(report: &Report, whole: bool) -> Vec<String> {
    let settings = &report.measure_settings;
    let (usable, left_out) = (settings.codes(true), settings.codes(false));
    let mut notes = Vec::new();
    // All: every initiative, those not rated yet too (one not rated is one not achieved).
    let all = if left_out.is_empty() {
        "全取組（未評価を含む）".to_string()
    } else {
        format!("全取組（未評価を含み、{}を除く）", left_out.join("・"))
    };
    if usable.len() >= 2 {
        notes.push(format!(
            "数値目標等達成率 = {} の取組 ÷ {all}、計画実施率 = {} と {} の取組 ÷ {all}。評価は本部評価、なければ自己評価。",
            usable[0], usable[0], usable[1]
        ));
    }
    notes.push(format!(
        "目標達成の指標: {}の目標と実績のある指標のうち、目標に達したもの / その数。",
        report.fiscal_year.era_form()
    ));
    let counting = match settings.counting {
        Counting::SingleYear => "各年度の額はその年度の効果: 合計は各年度の額の和",
        Counting::Cumulative => {
            "各年度の額は前年度までを含む累計: 合計は取組ごとに最新年度の額（年度の額を足すと同じ効果を重ねて数えるため）"
        }
    };
    notes.push(format!(
        "効果額（{}）: {counting}{}。",
        settings.yen_unit.label(),
        years_added(report)
    ));
    if !whole {
        notes.push("印刷する取組だけを数えています（担当課・区分・状況で絞り込み）。".into());
    }
    notes
}

/// The years the effect totals add, which the rows above show only for the report's year:
/// planned ones of every year, actual ones up to the report's (a later year's actual is no
/// actual yet, and the note says it is left out).
fn years_added(report: &Report) -> String {
    let fy = report.fiscal_year;
    let effects = || {
        report
            .initiatives()
            .flat_map(|i| i.measures().effects.iter())
    };
    let span =
        |mut years: Vec<super::FiscalYear>| -> Option<(super::FiscalYear, super::FiscalYear)> {
            years.sort();
            Some((*years.first()?, *years.last()?))
        };
    let planned = span(
        effects()
            .filter(|e| e.planned.yen.is_some())
            .map(|e| e.fiscal_year)
            .collect(),
    );
    let actual = span(
        effects()
            .filter(|e| e.actual.yen.is_some() && e.fiscal_year <= fy)
            .map(|e| e.fiscal_year)
            .collect(),
    );
    let words = |(a, b): (super::FiscalYear, super::FiscalYear)| {
        if a == b {
            a.era_form()
        } else {
            format!("{}～{}", a.era_form(), b.era_form())
        }
    };
    let mut out = match (planned, actual) {
        (Some(p), Some(a)) if p == a && p.0 != p.1 => format!("（{}の額）", words(p)),
        (Some(p), Some(a)) if p == a => String::new(),
        (p, a) => {
            let parts: Vec<String> = [("計画額", p), ("実績額", a)]
                .into_iter()
                .filter_map(|(what, span)| Some(format!("{what}は{}", words(span?))))
                .collect();
            if parts.is_empty() {
                String::new()
            } else {
                format!("（{}の額）", parts.join("、"))
            }
        }
    };
    let mut later: Vec<super::FiscalYear> = effects()
        .filter(|e| e.actual.yen.is_some() && e.fiscal_year > fy)
        .map(|e| e.fiscal_year)
        .collect();
    later.sort();
    later.dedup();
    if !later.is_empty() {
        let named: Vec<String> = later.iter().map(|y| y.era_form()).collect();
        out.push_str(&format!(
            "。{}の実績額は報告の年度（{}）より後のため合計に含みません",
            named.join("・"),
            fy.era_form()
        ));
    }
    out
}

/// What the figures leave out because it was kept as written, not read as a number: said
/// under the 集計表 with the texts, so that no total drops anything without a word.
pub fn unread<'a>(counted: impl Iterator<Item = &'a Initiative> + Clone) -> Vec<String> {
    let initiatives = || counted.clone();
    let money: Vec<&str> = initiatives()
        .flat_map(|i| i.measures().effects.iter())
        .flat_map(|e| [&e.planned, &e.actual])
        .filter(|m| m.yen.is_none() && !m.unread.is_empty())
        .map(|m| m.unread.as_str())
        .collect();
    let figures: Vec<&str> = initiatives()
        .flat_map(|i| i.measures().indicators.iter())
        .flat_map(|x| {
            std::iter::once(&x.target).chain(
                x.years
                    .iter()
                    .flat_map(|y| [&y.target, &y.actual, &y.first_half]),
            )
        })
        .filter(|f| f.value.is_none() && !f.unread.is_empty())
        .map(|f| f.unread.as_str())
        .collect();
    let quoted = |texts: &[&str]| {
        texts
            .iter()
            .map(|t| format!("「{t}」"))
            .collect::<Vec<_>>()
            .join("、")
    };
    let mut notes = Vec::new();
    if !money.is_empty() {
        notes.push(format!(
            "数として読めない効果額 {} 件 {} は合計に含みません。",
            money.len(),
            quoted(&money)
        ));
    }
    if !figures.is_empty() {
        notes.push(format!(
            "数として読めない指標の値 {} 件 {} は目標達成の指標に数えません。",
            figures.len(),
            quoted(&figures)
        ));
    }
    let directions: Vec<&str> = initiatives()
        .flat_map(|i| i.measures().indicators.iter())
        .filter(|x| x.known_direction().is_none())
        .map(|x| x.direction_unread.as_str())
        .collect();
    if !directions.is_empty() {
        notes.push(format!(
            "向きが高い・低いのどちらとも読めない指標 {} 件（向き {}）は目標達成の指標に数えません。",
            directions.len(),
            quoted(&directions)
        ));
    }
    notes
}
