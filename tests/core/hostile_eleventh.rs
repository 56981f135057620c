//! Files found by the eleventh round of attacks and audits, each kept with what must hold now.

use shinchoku::lang::{Describe, Lang};
use shinchoku::survey::{self, workbook};

use crate::survey_due as due;

/// A division's answer workbook whose result cell says it holds a shared string but writes
/// its number wrongly (` 14 `, `14.0`, `abc`, `-1`, a number past any index): refused, naming
/// the cell. calamine read each as the first string, the sheet's title, and the title was
/// taken as the division's result without a word.
#[test]
fn a_shared_string_number_written_wrongly_is_refused_naming_the_cell() {
    let master = crate::surveyed(crate::seed().report);
    let r = survey::response_for(master.report(), "総務部人事課", due(), "");
    let book = workbook::write(&r).unwrap();
    for bad in [" 14 ", "14.0", "abc", "-1", "99999999999999999999"] {
        let mut cell = String::new();
        let hostile = crate::rewrite_part(&book, "xl/worksheets/sheet1.xml", |xml| {
            // The last string cell of the sheet: a result or its heading.
            let at = xml.rfind(r#" t="s""#).unwrap();
            let start = xml[..at].rfind("<c ").unwrap();
            let r = &xml[start..at];
            cell = r[r.find("r=\"").unwrap() + 3..]
                .split('"')
                .next()
                .unwrap()
                .to_string();
            let v = at + xml[at..].find("<v>").unwrap() + 3;
            let end = v + xml[v..].find("</v>").unwrap();
            format!("{}{bad}{}", &xml[..v], &xml[end..])
        });
        let refused = survey::answer::answer_from_workbook(&hostile, "a.xlsx".into())
            .err()
            .unwrap_or_else(|| panic!("<v>{bad}</v> is refused"));
        let said = refused.describe(Lang::Ja);
        assert!(
            said.contains(&format!("!{cell}"))
                && said.contains(bad.trim())
                && said.contains("文字列の番号"),
            "{said}"
        );
    }
}
