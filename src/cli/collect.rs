//! `shinchoku collect`: the divisions' answers taken into the master, with what was taken, held
//! back and refused printed in `--lang`.

use std::path::Path;
use std::process::ExitCode;

use super::args::Collect;
use super::console::bar::Bar;
use super::console::{errln, outln};
use super::files::{locked_output, open_master, refused_output, save_master};
use crate::document::Document;
use crate::lang::{Describe, Lang, say};
use crate::model::diag::Warning;
use crate::survey::{Collection, Taken};

pub fn run(args: &Collect) -> ExitCode {
    let answers: Vec<&std::path::Path> = args.answers.iter().map(|p| p.as_path()).collect();
    if let Some(out) = &args.output
        && let Some(refused) = refused_output(out, Some("ron"), &answers, args.lang.lang())
    {
        return refused;
    }
    let lang = args.lang.lang();
    let input = args.report.as_path();
    let mut doc = match open_master(input, args.lang.lang()) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let at = chrono::Local::now().naive_local();
    let mut bar = Bar::on_stderr("collect: reading answers");
    let answers = &args.answers;
    let collection =
        crate::survey::collect::collect_files_telling(doc.report(), answers, at, &mut |p| {
            bar.set(p)
        });
    bar.finish();
    let accept: Vec<usize> = if args.accept_out_of_scope {
        (0..collection.conflicts().len()).collect()
    } else {
        Vec::new()
    };
    let output = args.output.as_deref().unwrap_or(input);
    let intent = collection.intent(&accept);
    let taken_any = intent.is_some();
    if let Some(intent) = intent {
        let known = doc.warnings.clone();
        if let Err(e) = doc.perform(intent) {
            errln!("shinchoku: {}", e.describe(lang));
            return ExitCode::FAILURE;
        }
        // What the answers brought in: texts with characters that do not show (the months
        // are said below, answer by answer).
        let said_below = |w: &&Warning| collection.warnings.iter().any(|a| a.warning == **w);
        for w in doc
            .warnings
            .iter()
            .filter(|w| !known.contains(w))
            .filter(|w| !said_below(w))
        {
            let mark = say(lang, "注意".into(), "warning".into());
            errln!("{mark}: {}", w.describe(lang));
        }
        if let Err(code) = write(&mut doc, (input, output), args.force, lang) {
            return code;
        }
    }
    for t in &collection.taken {
        print_taken(t, lang);
    }
    // The warnings quote the answers' texts: `outln!` shows their control characters as marks.
    // A take-back held is said as held; with --accept-out-of-scope it is taken, and listed so
    // among the changes below (「保留しました」 said of what was taken).
    let held_said = |w: &&crate::survey::answer::AnswerWarning| {
        !(args.accept_out_of_scope
            && matches!(
                w.warning.kind,
                crate::model::diag::WarningKind::BackAsSent { held: true, .. }
            ))
    };
    for w in collection.warnings.iter().filter(held_said) {
        outln!(
            "{}",
            say(
                lang,
                format!("注意: {}", w.describe(lang)),
                format!("warning: {}", w.describe(lang)),
            )
        );
    }
    print_conflicts(&collection, args.accept_out_of_scope, lang);
    print_refused(&collection, lang);
    if taken_any {
        print_totals(&collection, output, lang);
    } else {
        outln!(
            "{}",
            say(
                lang,
                format!(
                    "取り込む回答はありません（{} は書き込みません）",
                    crate::model::text::path_shown(output)
                ),
                format!(
                    "nothing taken; {} not written",
                    crate::model::text::path_shown(output)
                ),
            )
        );
    }
    if collection.has_refusals() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes the master, or `-o OUT`, which another Shinchoku may have open.
fn write(
    doc: &mut Document,
    (input, output): (&Path, &Path),
    force: bool,
    lang: crate::lang::Lang,
) -> Result<(), ExitCode> {
    if output != input
        && let Some(refused) = locked_output(output, force, lang)
    {
        return Err(refused);
    }
    save_master(doc, output, force, lang)
}

/// One answer taken: its file and division, what it replaced and what it changed.
fn print_taken(t: &Taken, lang: Lang) {
    let again = if t.resubmission {
        say(lang, "（再提出）".into(), " (re-submission)".into())
    } else {
        String::new()
    };
    // 「見出し0件の実績を変更」 read as a change: none is said as none.
    let changed = match t.changed_topics.len() {
        0 => say(lang, "実績の変更なし".into(), "no results changed".into()),
        1 => say(
            lang,
            "見出し1件の実績を変更".into(),
            "results of 1 topic changed".into(),
        ),
        n => say(
            lang,
            format!("見出し{n}件の実績を変更"),
            format!("results of {n} topics changed"),
        ),
    };
    outln!(
        "{}",
        say(
            lang,
            format!(
                "取り込み: {} ({}){again}: {changed}{}",
                t.file,
                t.division,
                numbers_ja(t)
            ),
            format!(
                "taken: {} ({}){again}: {changed}{}",
                t.file,
                t.division,
                numbers_en(t)
            ),
        )
    );
    if !t.replaces.is_empty() {
        let replaced = t.replaces.join(", ");
        outln!(
            "  {}",
            say(
                lang,
                format!("{replaced} を置き換えました"),
                format!("replaces {replaced}")
            )
        );
    }
    for line in &t.dropped {
        outln!(
            "  {}",
            say(
                lang,
                format!("置き換えた回答にだけあり、取り込まない実績: {line}"),
                format!("only in the answer replaced, not taken: {line}")
            )
        );
    }
    for (at, value) in &t.dropped_numbers {
        let at = at.describe(lang);
        outln!(
            "  {}",
            say(
                lang,
                format!("置き換えた回答にだけあり、取り込まない数値: {at}: {value}"),
                format!("a number only in the answer replaced, not taken: {at}: {value}")
            )
        );
    }
    if let Some(diff) = &t.difference {
        for line in crate::compare::change_list(diff, lang).iter().skip(1) {
            outln!("  {}{}", "  ".repeat(line.depth as usize), line.text);
        }
    }
}

/// 「、取組2件の数値・自己評価を変更」 when the answer changes numbers.
fn numbers_ja(t: &Taken) -> String {
    match t.changed_numbers.len() {
        0 => String::new(),
        n => format!("、取組{n}件の数値・自己評価を変更"),
    }
}

fn numbers_en(t: &Taken) -> String {
    match t.changed_numbers.len() {
        0 => String::new(),
        n => format!("; numbers or self-rating of {n} initiative(s) changed"),
    }
}

/// The changes outside the divisions' results: taken with `--accept-out-of-scope`, else held
/// back; those no answer can make (another division's results, whole topics) are listed apart
/// and never under "taken".
fn print_conflicts(collection: &Collection, accepted: bool, lang: Lang) {
    let (acceptable, never): (Vec<_>, Vec<_>) =
        collection.conflicts().iter().partition(|c| c.acceptable());
    if !acceptable.is_empty() {
        outln!(
            "{}",
            if accepted {
                say(
                    lang,
                    "担当外の変更・前の回答の取り消し（取り込み済み）:".into(),
                    "changes outside the division's results or taking back an earlier answer (taken, --accept-out-of-scope):".into(),
                )
            } else {
                say(
                    lang,
                    "担当外の変更・前の回答の取り消し（保留。--accept-out-of-scope で取り込み）:"
                        .into(),
                    "held back, outside the division's results or taking back an earlier answer (--accept-out-of-scope takes them):"
                        .into(),
                )
            }
        );
        listed(&acceptable, lang);
    }
    if !never.is_empty() {
        outln!(
            "{}",
            say(
                lang,
                "取り込まない変更:".into(),
                "not taken, by any option:".into()
            )
        );
        // Each says why, in its own words.
        listed(&never, lang);
    }
}

/// The first [`crate::model::bounds::MAX_WARNINGS`] changes, then how many more: an answer
/// adding 400,000 topics printed 44 MB.
fn listed(changes: &[&crate::survey::Conflict], lang: Lang) {
    let most = crate::model::bounds::MAX_WARNINGS;
    for c in changes.iter().take(most) {
        outln!("  {}", c.describe(lang));
    }
    if changes.len() > most {
        outln!(
            "  {}",
            crate::model::bounds::not_listed(changes.len() - most, lang)
        );
    }
}

fn print_refused(collection: &Collection, lang: Lang) {
    for (file, reason) in &collection.refused {
        errln!(
            "{}",
            say(
                lang,
                format!("拒否: {file}: {}", reason.describe(lang)),
                format!("refused: {file}: {}", reason.describe(lang)),
            )
        );
    }
}

fn print_totals(collection: &Collection, output: &Path, lang: Lang) {
    outln!(
        "{}",
        say(
            lang,
            format!(
                "{} 件取り込み、{} 件拒否、担当外の変更 {} 件 → {}",
                collection.taken.len(),
                collection.refused.len(),
                collection.conflicts().len(),
                crate::model::text::path_shown(output)
            ),
            format!(
                "{} taken, {} refused, {} change(s) outside scope → {}",
                collection.taken.len(),
                collection.refused.len(),
                collection.conflicts().len(),
                crate::model::text::path_shown(output)
            ),
        )
    );
}
