//! Numbers and judgements typed through the core, as the window types them (each change one of
//! `edit::measures::MeasureIntent`, checked against what the file may change): used by
//! `scripts/measures-cycle.sh`, where the office sets up its report's numbers this way and one
//! division answers its response file this way (another answers in Excel).
//!
//!     cargo run --example measure_answers -- REPORT.ron --scale 'S=特に良好に進捗,A=良好に進捗' \
//!         --unit 百万円 --indicator 3 '研修受講者数' '人' --target 3 '研修受講者数' '1,200' \
//!         --actual 3 '研修受講者数' 900 --plan 3 '2,500' --effect 3 2410.5 \
//!         --self 3 A --review 3 B --comment 3 '…'
//!
//! Initiatives are named by their number (番号); an indicator by its name; money in the
//! report's unit; `--target` and `--actual` are of the report's fiscal year, `--plan` and
//! `--effect` its planned and actual effect. The file is saved in place.

use std::path::PathBuf;
use std::process::ExitCode;

use shinchoku::document::Document;
use shinchoku::edit::Intent;
use shinchoku::edit::measures::{IndicatorField, MeasureIntent, RatingLayer};
use shinchoku::model::measures::{MeasureSettings, RatingLevel, YenUnit};
use shinchoku::model::{Id, Report};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first().map(PathBuf::from) else {
        eprintln!("usage: measure_answers REPORT.ron [--scale …] [--actual N NAME VALUE] …");
        return ExitCode::from(2);
    };
    let mut doc = match Document::open(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut rest = args[1..].iter().map(String::as_str);
    while let Some(flag) = rest.next() {
        let intent = match intent(doc.report(), flag, &mut rest) {
            Ok(i) => i,
            Err(e) => {
                eprintln!("{flag}: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Err(e) = doc.perform(Intent::Measure(intent)) {
            eprintln!("{flag}: {e}");
            return ExitCode::FAILURE;
        }
    }
    match doc.save_to(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// The intent one option asks for, taking its arguments from `rest`.
fn intent<'a>(
    report: &Report,
    flag: &str,
    rest: &mut impl Iterator<Item = &'a str>,
) -> Result<MeasureIntent, String> {
    let mut next = || rest.next().ok_or("too few arguments".to_string());
    let year = report.fiscal_year;
    Ok(match flag {
        "--scale" => settings(report, Some(next()?), None),
        "--unit" => settings(report, None, Some(next()?)),
        "--indicator" => MeasureIntent::AddIndicator {
            initiative: initiative(report, next()?)?,
            name: next()?.to_string(),
            unit: next()?.to_string(),
        },
        "--target" | "--actual" => {
            let (initiative, index) = indicator(report, next()?, next()?)?;
            let field = if flag == "--target" {
                IndicatorField::YearTarget(year)
            } else {
                IndicatorField::YearActual(year)
            };
            MeasureIntent::SetIndicatorFigure {
                initiative,
                index,
                field,
                text: next()?.to_string(),
            }
        }
        "--plan" | "--effect" => MeasureIntent::SetEffect {
            initiative: initiative(report, next()?)?,
            year,
            actual: flag == "--effect",
            text: next()?.to_string(),
        },
        "--self" | "--review" => MeasureIntent::SetRating {
            initiative: initiative(report, next()?)?,
            layer: if flag == "--self" {
                RatingLayer::SelfRating
            } else {
                RatingLayer::Review
            },
            code: next()?.to_string(),
            by: String::new(),
            on: None,
        },
        "--comment" => MeasureIntent::SetComment {
            initiative: initiative(report, next()?)?,
            text: next()?.to_string(),
            by: "行財政改革推進委員会".into(),
            on: None,
        },
        other => return Err(format!("unknown option {other}")),
    })
}

/// The report's settings with a new scale (`S=label,A=label`) or unit (千円, 百万円, 円).
fn settings(report: &Report, scale: Option<&str>, unit: Option<&str>) -> MeasureIntent {
    let mut s: MeasureSettings = report.measure_settings.clone();
    if let Some(scale) = scale {
        s.rating_scale = scale
            .split(',')
            .filter_map(|level| level.split_once('='))
            .map(|(code, label)| RatingLevel {
                code: code.into(),
                label: label.into(),
                meaning: String::new(),
                not_applicable: label == "対象外",
            })
            .collect();
    }
    if let Some(unit) = unit.and_then(YenUnit::named_in) {
        s.yen_unit = unit;
    }
    MeasureIntent::SetSettings(Box::new(s))
}

fn initiative(report: &Report, number: &str) -> Result<Id, String> {
    report
        .find_initiative(number)
        .map(|i| i.id)
        .ok_or(format!("no initiative numbered {number}"))
}

fn indicator(report: &Report, number: &str, name: &str) -> Result<(Id, usize), String> {
    let i = report
        .find_initiative(number)
        .ok_or(format!("no initiative numbered {number}"))?;
    let k = i
        .measures()
        .indicators
        .iter()
        .position(|x| x.name == name)
        .ok_or(format!("initiative {number} has no indicator 「{name}」"))?;
    Ok((i.id, k))
}
