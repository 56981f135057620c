//! Hostile files found by the seventh attack, each kept with what must hold now.

use shinchoku::lang::{Describe, Lang};
use shinchoku::model::bounds::MAX_CELL_TAGS;
use shinchoku::model::diag::WarningKind;

const STAGE: &str = "<td>検討</td> <td colspan=\"3\">順次実施</td>";

/// Millions of bare `<td>` in one 工程 cell: each tag read cost tens of bytes (84 MB of them
/// took 2 GB to check). Past [`MAX_CELL_TAGS`] the cell is kept as written, unread, and said;
/// the rest of the table reads as before, and a cell at the bound is still read.
#[test]
fn a_cell_of_more_tags_than_are_read_is_kept_unread_and_said() {
    assert!(crate::SEED.contains(STAGE));
    let flood = "<td>".repeat(MAX_CELL_TAGS);
    let table = crate::SEED.replacen(STAGE, &format!("{flood}{STAGE}"), 1);
    let imported = shinchoku::import::import_text(&table).unwrap();
    let over: Vec<_> = (imported.warnings.iter())
        .filter(|w| matches!(w.kind, WarningKind::CellTooManyTags { .. }))
        .collect();
    assert_eq!(over.len(), 1);
    let said = over[0].describe(Lang::Ja);
    assert!(said.contains("工程"), "{said}");
    assert!(
        said.contains("タグが100000個を超えてあり、読みません"),
        "{said}"
    );
    let kept = &imported.report.unread;
    assert!(
        kept.iter()
            .any(|u| u.text.contains(&flood) && u.text.contains("順次実施"))
    );
    assert_eq!(imported.report.initiative_count(), 11);

    let at_bound = "<td>".repeat(MAX_CELL_TAGS - 60);
    let table = crate::SEED.replacen(STAGE, &format!("{at_bound}{STAGE}"), 1);
    let imported = shinchoku::import::import_text(&table).unwrap();
    assert!(
        !(imported.warnings.iter()).any(|w| matches!(w.kind, WarningKind::CellTooManyTags { .. }))
    );
}

/// A cell parted into millions of lines (` ・x` two million times in a 10 MB table; a
/// workbook's cell of `x` and a line break 4.5 million times in 24 KB took 8.5 GB): each line
/// an entry costing a kilobyte or two. The table is refused at the row that would pass
/// [`MAX_TABLE_LINES`], counted before it is read; one within it reads.
#[test]
fn a_table_of_more_lines_than_are_read_is_refused_before_they_are_read() {
    use shinchoku::model::bounds::MAX_TABLE_LINES;
    use shinchoku::model::diag::ImportErrorKind;
    let key = "・職員研修の実施";
    assert!(crate::SEED.contains(key));
    let flood = |n: usize| crate::SEED.replacen(key, &format!("{}{key}", " ・x".repeat(n)), 1);
    let err = shinchoku::import::import_text(&flood(MAX_TABLE_LINES + 1)).unwrap_err();
    assert_eq!(err.kind, ImportErrorKind::TooManyLines);
    // Parted by headings (full-width too), or into sub-items at month brackets: refused alike
    // (a cell parted by tags, `<hr>` two million times, took 1 GB: now kept unread for its
    // tags, below). A lone `<` is text, and counts for nothing.
    for part in ["<1>x", "＜a＞x", "x(4月) "] {
        let parted = crate::SEED.replacen(
            key,
            &format!("{}{key}", part.repeat(MAX_TABLE_LINES + 1)),
            1,
        );
        let err = shinchoku::import::import_text(&parted).unwrap_err();
        assert_eq!(err.kind, ImportErrorKind::TooManyLines, "{part}");
    }
    let lone = crate::SEED.replacen(key, &format!("{}{key}", "<".repeat(MAX_TABLE_LINES + 1)), 1);
    assert!(shinchoku::import::import_text(&lone).is_ok());
    // A cell kept unread for its tags parts into nothing: the table reads, the cell said (the
    // whole table was refused for it).
    let unread = crate::SEED.replacen(
        key,
        &format!("{}{key}", "x<br>".repeat(MAX_TABLE_LINES + 1)),
        1,
    );
    let read = shinchoku::import::import_text(&unread).unwrap();
    assert!((read.warnings.iter()).any(|w| matches!(w.kind, WarningKind::CellTooManyTags { .. })));
    let said = err.describe(Lang::Ja);
    assert!(
        said.contains(
            "行（改行・「・」・タグ・見出しで始まる項目や、月の括弧で区切られる小項目）が多すぎます"
        ),
        "{said}"
    );
    assert!(err.at.row.is_some(), "the row is named: {said}");
    let read = shinchoku::import::import_text(&flood(20_000)).unwrap();
    assert_eq!(read.report.initiative_count(), 11);
}

/// An answer workbook whose hidden cells a division edited by mistake is refused as an answer,
/// and is the division's answer all the same: known by its hidden sheet, so that no command
/// writes over it (`export -o` replaced it, no backup, as no answer). An exported workbook is
/// none.
#[test]
fn an_answer_workbook_that_no_longer_reads_is_still_known_as_one() {
    use shinchoku::survey::workbook;
    let master = crate::seed_shared_surveyed().into_report();
    let response = shinchoku::survey::response_for(&master, "総務部管財課", None, "");
    let book = workbook::write(&response).unwrap();
    let broken = crate::type_into_workbook(&book, "first_half", "first_halfx");
    assert!(workbook::read(&broken).is_err(), "refused as an answer");
    assert!(workbook::is_response_workbook(&broken));
    let exported = shinchoku::export::export_bytes(
        &master,
        shinchoku::export::Format::Xlsx,
        shinchoku::export::Encoding::Utf8,
    )
    .unwrap();
    assert!(!workbook::is_response_workbook(&exported));
}

/// A row's hidden topic id typed over (`99999999999999999999999`, `-1`): that row is set aside,
/// its ID cell named and its other cells said as those of a row naming no topic, and the rest
/// of the answer is read (the whole answer was refused, naming an internal id and no cell).
#[test]
fn a_topic_id_typed_over_or_cleared_is_read_as_the_row_it_was_sent_as() {
    use shinchoku::survey::workbook;
    let master = crate::seed_shared_surveyed().into_report();
    let response = shinchoku::survey::response_for(&master, "総務部人事課", None, "");
    let book = workbook::write(&response).unwrap();
    let read = workbook::read(&book).unwrap();
    let first = (read.rows.iter())
        .find(|r| !r.results.is_empty())
        .unwrap()
        .clone();
    let id = first.topic.0.to_string();
    let added = "新運用の説明会（8月）（参加職員312名）";
    let answered = crate::type_into_workbook(
        &book,
        &first.results,
        &format!("{}\n・{added}", first.results),
    );
    // Typed over with a number no topic has, with words, or cleared (Delete on the cell): the
    // row was set aside, its new line never taken and its topic listed as deleted.
    for (typed, words) in [
        ("99999999999999999999999", "隠しID「9999"),
        ("-1", "隠しID「-1」"),
        ("取組", "隠しID「取組」"),
        ("", "隠しIDが消されています"),
    ] {
        let broken = crate::type_into_workbook(&answered, &id, typed);
        let answer =
            shinchoku::survey::answer::answer_from_workbook(&broken, "a.xlsx".into()).unwrap();
        let c = shinchoku::survey::collect::collect(&master, vec![Ok(answer)], crate::october(10));
        let listed: Vec<String> = c.conflicts().iter().map(|x| x.describe(Lang::Ja)).collect();
        assert!(listed.is_empty(), "{typed}: {listed:?}");
        let said = crate::described_ja(&c.warnings);
        assert!(
            said.iter()
                .any(|w| w.contains(&format!("回答!F{}", first.row)) && w.contains(words)),
            "{typed}: {said:?}"
        );
        let mut taken = master.clone();
        let edit = (c.intent(&[]).expect("the line is taken").build(&mut taken))
            .unwrap()
            .unwrap();
        shinchoku::edit::apply(&mut taken, edit).unwrap();
        let texts = shinchoku::survey::entries_text(&taken.topic(first.topic).unwrap().actual);
        assert!(texts.contains(added), "{typed}: {texts}");
    }
    // The hidden cell beside it damaged too: nothing tells which topic the row was sent as.
    // Each of its cells is said, whole (the line typed at the end of the results was cut from
    // the warning), none taken; the topic is listed as removed, named by its
    // place (「」 said nothing).
    let cleared = crate::type_into_workbook(&answered, &id, "");
    let broken = crate::rewrite_part(&cleared, "xl/worksheets/sheet1.xml", |x| {
        let at = x.find(&format!("<c r=\"G{}\"", first.row)).unwrap();
        let end = at + x[at..].find("</c>").unwrap() + 4;
        let cell = format!(
            "<c r=\"G{}\" t=\"inlineStr\"><is><t>a b</t></is></c>",
            first.row
        );
        format!("{}{cell}{}", &x[..at], &x[end..])
    });
    let answer = shinchoku::survey::answer::answer_from_workbook(&broken, "a.xlsx".into()).unwrap();
    let c = shinchoku::survey::collect::collect(&master, vec![Ok(answer)], crate::october(10));
    let said = crate::described_ja(&c.warnings);
    assert!(
        said.iter()
            .any(|w| w.contains(&format!("回答!E{}", first.row)) && w.contains("新運用の説明会")),
        "{said:?}"
    );
    let listed: Vec<String> = c.conflicts().iter().map(|x| x.describe(Lang::Ja)).collect();
    assert!(
        listed.iter().any(|l| l.contains("見出しを削除")),
        "{listed:?}"
    );
    assert!(!listed.iter().any(|l| l.contains("「」")), "{listed:?}");
}

/// A row's hidden topic ID typed over with the ID of the division's next row: the row's words,
/// and copies of its topic's results, went in under the next row's topic, its own topic was
/// listed as removed, and the warning named the hidden cell the division never touched (G). The
/// row is read as the topic it was sent for (its visible cells and hidden cell agree), the ID
/// cell named.
#[test]
fn a_topic_id_typed_over_with_another_rows_is_read_as_the_row_it_was_sent_as() {
    use shinchoku::survey::workbook;
    let master = crate::seed_shared_surveyed().into_report();
    let response = shinchoku::survey::response_for(&master, "総務部人事課", None, "");
    let book = workbook::write(&response).unwrap();
    let read = workbook::read(&book).unwrap();
    let first = (read.rows.iter())
        .find(|r| !r.results.is_empty())
        .unwrap()
        .clone();
    let second = (read.rows.iter())
        .find(|r| r.topic != first.topic)
        .unwrap()
        .clone();
    // The first row's ID cell made to show the second's (the string it stands for).
    let id_cell = |row: u32| format!("<c r=\"F{row}\"");
    let book = crate::rewrite_part(&book, "xl/worksheets/sheet1.xml", |x| {
        let value = |row: u32| {
            let at = x.find(&id_cell(row)).unwrap();
            let v = at + x[at..].find("<v>").unwrap() + 3;
            (v, v + x[v..].find("</v>").unwrap())
        };
        let ((a, b), (c, d)) = (value(first.row), value(second.row));
        format!("{}{}{}", &x[..a], &x[c..d], &x[b..])
    });
    let before = shinchoku::survey::entries_text(&master.topic(second.topic).unwrap().actual);
    let added = "研修の周知（6月～、延べ3件）";
    let book = crate::type_into_workbook(
        &book,
        &first.results,
        &format!("{}\n・{added}", first.results),
    );
    let answer = shinchoku::survey::answer::answer_from_workbook(&book, "a.xlsx".into()).unwrap();
    let c = shinchoku::survey::collect::collect(&master, vec![Ok(answer)], crate::october(10));
    let listed: Vec<String> = c.conflicts().iter().map(|x| x.describe(Lang::Ja)).collect();
    assert!(listed.is_empty(), "{listed:?}");
    let said = crate::described_ja(&c.warnings);
    assert!(
        said.iter()
            .any(|w| w.contains(&format!("回答!F{}", first.row)) && w.contains("隠しID")),
        "{said:?}"
    );
    assert!(!said.iter().any(|w| w.contains("回答!G")), "{said:?}");
    let mut taken = master.clone();
    let intent = c.intent(&[]).expect("the line is taken");
    let edit = intent.build(&mut taken).unwrap().unwrap();
    shinchoku::edit::apply(&mut taken, edit).unwrap();
    let texts = |id| shinchoku::survey::entries_text(&taken.topic(id).unwrap().actual);
    assert!(texts(first.topic).contains(added), "{}", texts(first.topic));
    assert_eq!(texts(second.topic), before);
}

/// The values of two rows' ID cells (F) of an answer workbook's sheet swapped, as a division
/// would by sorting or retyping them.
fn ids_swapped(book: &[u8], (a, b): (u32, u32)) -> Vec<u8> {
    crate::rewrite_part(book, "xl/worksheets/sheet1.xml", |x| {
        let value = |row: u32| {
            let at = x.find(&format!("<c r=\"F{row}\"")).unwrap();
            let v = at + x[at..].find("<v>").unwrap() + 3;
            (v, v + x[v..].find("</v>").unwrap())
        };
        let ((a0, a1), (b0, b1)) = (value(a), value(b));
        let (first, second) = if a0 < b0 {
            ((a0, a1), (b0, b1))
        } else {
            ((b0, b1), (a0, a1))
        };
        let (va, vb) = (
            x[first.0..first.1].to_string(),
            x[second.0..second.1].to_string(),
        );
        format!(
            "{}{vb}{}{va}{}",
            &x[..first.0],
            &x[first.1..second.0],
            &x[second.1..]
        )
    })
}

/// Two rows' hidden IDs swapped: each topic's results were replaced by the other's (the
/// rows were left out as naming topics another row named). Each row is read as the topic it
/// was sent for, both ID cells said; the untouched workbook after the office edited a plan
/// and added a topic alike since is read as sent, nothing said; a row deleted beside a row
/// whose ID names the deleted row's topic is listed as deleted.
#[test]
fn swapped_ids_and_office_edits_leave_each_row_its_own_topic() {
    use shinchoku::survey::workbook;
    let master = crate::seed_shared_surveyed().into_report();
    let response = shinchoku::survey::response_for(&master, "総務部人事課", None, "");
    let book = workbook::write(&response).unwrap();
    let read = workbook::read(&book).unwrap();
    let rows: Vec<_> = read
        .rows
        .iter()
        .filter(|r| !r.results.is_empty())
        .take(2)
        .collect();
    let (a, b) = (rows[0].clone(), rows[1].clone());
    let taken = |book: &[u8], master: &shinchoku::model::Report| {
        let answer =
            shinchoku::survey::answer::answer_from_workbook(book, "a.xlsx".into()).unwrap();
        let c = shinchoku::survey::collect::collect(master, vec![Ok(answer)], crate::october(10));
        let mut after = master.clone();
        if let Some(intent) = c.intent(&[]) {
            let edit = intent.build(&mut after).unwrap().unwrap();
            shinchoku::edit::apply(&mut after, edit).unwrap();
        }
        let listed: Vec<String> = c.conflicts().iter().map(|x| x.describe(Lang::Ja)).collect();
        (after, crate::described_ja(&c.warnings), listed)
    };
    let texts = |r: &shinchoku::model::Report, id| {
        shinchoku::survey::entries_text(&r.topic(id).unwrap().actual)
    };
    let (after, said, _) = taken(&ids_swapped(&book, (a.row, b.row)), &master);
    assert_eq!(texts(&after, a.topic), texts(&master, a.topic));
    assert_eq!(texts(&after, b.topic), texts(&master, b.topic));
    for row in [a.row, b.row] {
        assert!(
            said.iter().any(|w| w.contains(&format!("回答!F{row}"))),
            "{said:?}"
        );
    }
    // The office edits a's plan and adds a topic after sending: the untouched workbook reads
    // as sent.
    let mut edited = master.clone();
    let plan = edited.topic(a.topic).unwrap().plan.clone();
    let topic = edited.topic_mut(a.topic).unwrap();
    topic.plan = vec![shinchoku::model::entry_text::read_entry(
        "計画を書き直した(6月)",
        true,
        &mut Vec::new(),
    )];
    topic.plan[0].id = plan.first().map_or(shinchoku::model::Id(999_999), |p| p.id);
    let (after, said, _) = taken(&book, &edited);
    assert!(!said.iter().any(|w| w.contains("隠しID")), "{said:?}");
    assert_eq!(texts(&after, a.topic), texts(&edited, a.topic));
    // b's row deleted, a's ID made b's: a read as a, b listed as deleted.
    let one = crate::rewrite_part(
        &ids_swapped(&book, (a.row, b.row)),
        "xl/worksheets/sheet1.xml",
        |x| {
            let start = x.find(&format!("<row r=\"{}\"", a.row)).unwrap();
            let end = start + x[start..].find("</row>").unwrap() + "</row>".len();
            format!("{}{}", &x[..start], &x[end..])
        },
    );
    let (_, _, listed) = taken(&one, &master);
    assert!(
        listed.iter().any(|l| l.contains("見出しを削除")),
        "{listed:?}"
    );
}

/// Millions of rows above a table's header (4,990,000 one-letter rows, a 10 MB table): each was
/// kept and said, 1.2 GB to check. The header is looked for among the first
/// [`MAX_ROWS_ABOVE_HEADER`] rows with text, and the table refused past them, naming the row;
/// a title block within them reads, every row of it kept.
#[test]
fn a_table_with_more_rows_above_its_header_than_a_title_block_has_is_refused() {
    use shinchoku::model::bounds::MAX_ROWS_ABOVE_HEADER;
    use shinchoku::model::diag::ImportErrorKind;
    let header = crate::SEED.find("\n番号\t").unwrap();
    let above = |n: usize| {
        format!(
            "{}\n{}{}",
            &crate::SEED[..header],
            "x\n".repeat(n),
            &crate::SEED[header + 1..]
        )
    };
    let err = shinchoku::import::import_text(&above(MAX_ROWS_ABOVE_HEADER)).unwrap_err();
    assert!(
        matches!(err.kind, ImportErrorKind::NoHeaderRowWithin { .. }),
        "{:?}",
        err.kind
    );
    assert!(err.at.row.is_some());
    assert!(err.describe(Lang::Ja).contains("見出しの行がありません"));
    let read = shinchoku::import::import_text(&above(MAX_ROWS_ABOVE_HEADER - 2)).unwrap();
    assert_eq!(read.report.initiative_count(), 11);
    let kept = crate::unread_texts(&read.report);
    assert_eq!(
        kept.iter().filter(|t| **t == "x").count(),
        MAX_ROWS_ABOVE_HEADER - 2
    );
}
