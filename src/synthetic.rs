//! Large reports made from the sample: the sample's initiatives repeated with new numbers and
//! ids, for benchmarks and scale tests.

use crate::document::SAMPLE_RON;
use crate::model::{Report, Section};

/// A report with `initiatives` initiatives in sections of at most 50, each a copy of one of
/// the sample's initiatives (cycled), numbered 1.. and with fresh ids.
pub fn large_report(initiatives: usize) -> Report {
    let sample = crate::store::from_ron(SAMPLE_RON).expect("the bundled sample opens");
    let templates: Vec<_> = sample.initiatives().cloned().collect();
    let mut report = Report {
        sections: Vec::new(),
        next_id: 1,
        ..sample.clone()
    };
    for n in 0..initiatives {
        if n % 50 == 0 {
            let number = (n / 50 + 1) as u32;
            let id = report.allocate_id();
            report.sections.push(Section {
                id,
                numeral: number.to_string(),
                number,
                title: format!("合成セクション {number}"),
                initiatives: Vec::new(),
            });
        }
        let mut initiative = templates[n % templates.len()].clone();
        initiative.number = (n + 1).to_string();
        initiative.title = format!("{}（写し{}）", initiative.title, n + 1);
        report.give_new_ids_to_initiative(&mut initiative);
        report
            .sections
            .last_mut()
            .expect("a section was pushed")
            .initiatives
            .push(initiative);
    }
    report.id = crate::model::ReportId::derive(&report);
    report
}

/// Gives the report's initiatives `count` distinct 担当課 (cycled over the initiatives, each
/// topic's own division too), as a prefecture with many divisions has, for the survey at scale.
pub fn with_divisions(mut report: Report, count: usize) -> Report {
    let count = count.max(1);
    for (n, initiative) in report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .enumerate()
    {
        let name = format!("合成部第{}課", n % count + 1);
        initiative.divisions = vec![name.clone()];
        for t in &mut initiative.topics {
            t.division = None;
        }
    }
    report
}
