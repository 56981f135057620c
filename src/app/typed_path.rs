//! Where no file dialog can be shown, the path is typed (`Dialog::TypePath`). The prompt says
//! what the path is for — a file to open, files or a folder of them, a folder, a file to
//! write — and what is typed is checked before anything is done with it, so a mistake is
//! worded in the window's language (「…はフォルダです」) rather than left to the system's bare
//! error ('Is a directory (os error 21)'; the system's words appear only after a worded lead,
//! for a folder that cannot be listed for a reason other than permission), and the prompt stays
//! open with the text as typed.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::app::command::{AppCommand, CompareCommand, PathPurpose, SurveyCommand};
use crate::lang::{Describe, Lang, say};

/// The files Shinchoku opens as a report: its own, report tables and workbooks (as its file
/// dialogs offer them).
pub const REPORTS: &[&str] = &["ron", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"];
/// The answers to a survey it takes in.
pub const ANSWERS: &[&str] = &["ron", "xlsx"];

/// What a purpose wants typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    /// One file that is there, to read.
    File,
    /// Files to read, one a line; a folder stands for every file in it with one of these
    /// extensions.
    Files(&'static [&'static str]),
    /// A folder to write into (made when only its parent is there).
    Folder,
    /// A file to write: its folder is there, and it is not itself a folder.
    NewFile,
}

impl PathPurpose {
    pub fn wanted(self) -> Wanted {
        match self {
            PathPurpose::Open | PathPurpose::Compare => Wanted::File,
            PathPurpose::Series => Wanted::Files(REPORTS),
            PathPurpose::Answers => Wanted::Files(ANSWERS),
            PathPurpose::SurveyFolder => Wanted::Folder,
            PathPurpose::ChangeList
            | PathPurpose::StatusCsv
            | PathPurpose::StatusPdf
            | PathPurpose::SaveAs
            | PathPurpose::ExportPdf
            | PathPurpose::Export { .. } => Wanted::NewFile,
        }
    }

    /// What to do with the paths typed (checked by [`read_typed`]): several go together where
    /// the purpose takes several.
    pub fn command_for(self, mut paths: Vec<PathBuf>) -> Option<AppCommand> {
        match self {
            PathPurpose::Answers => Some(SurveyCommand::Collect(paths).into()),
            PathPurpose::Series if paths.len() > 1 => {
                Some(CompareCommand::OpenSeries(paths).into())
            }
            _ if paths.is_empty() => None,
            _ => Some(self.command(paths.remove(0))),
        }
    }
}

/// The prompt's heading and what it asks for, in the window's language.
pub fn prompt(wanted: Wanted, lang: Lang) -> (String, String) {
    let cannot = say(
        lang,
        "この環境ではファイルを選ぶ画面を表示できません。".into(),
        "The file dialog cannot be shown here. ".into(),
    );
    let (title, ask) = match wanted {
        Wanted::File => (
            say(
                lang,
                "ファイルのパスを入力".into(),
                "Type the file's path".into(),
            ),
            say(
                lang,
                "開くファイルのパスを入力してください。".into(),
                "Type the path of the file to open.".into(),
            ),
        ),
        Wanted::Files(extensions) => {
            let kinds = extension_list(extensions);
            (
                say(
                    lang,
                    "ファイルまたはフォルダのパスを入力".into(),
                    "Type the paths of files or a folder".into(),
                ),
                say(
                    lang,
                    format!(
                        "ファイルのパスを1行に1つずつ入力してください。フォルダを入力すると、\
                         その中のファイル（{kinds}）をすべて読みます。"
                    ),
                    format!(
                        "Type one path a line. A folder stands for every file in it ({kinds})."
                    ),
                ),
            )
        }
        Wanted::Folder => (
            say(
                lang,
                "フォルダのパスを入力".into(),
                "Type the folder's path".into(),
            ),
            say(
                lang,
                "書き出し先のフォルダのパスを入力してください（なければ作ります）。".into(),
                "Type the path of the folder to write into (it is made if it is not there).".into(),
            ),
        ),
        Wanted::NewFile => (
            say(
                lang,
                "保存するファイルのパスを入力".into(),
                "Type the path to save to".into(),
            ),
            say(
                lang,
                "保存先のファイルのパスを入力してください。".into(),
                "Type the path of the file to write.".into(),
            ),
        ),
    };
    (title, cannot + &ask)
}

fn extension_list(extensions: &[&str]) -> String {
    extensions
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What is wrong with a typed path.
#[derive(Debug)]
pub enum TypedPathError {
    /// Nothing but blanks.
    Nothing,
    /// Several lines where one path is wanted.
    OnlyOne {
        lines: usize,
    },
    NotFound(PathBuf),
    /// A folder where a file is wanted (to read, or to write).
    IsFolder {
        path: PathBuf,
        wanted: Wanted,
    },
    /// A file where a folder is wanted.
    IsFile(PathBuf),
    /// The folder a file would be written into (or a folder made in) is not there.
    NoFolder {
        path: PathBuf,
        folder: PathBuf,
    },
    /// A folder typed for files holds none of the kinds wanted.
    NothingInFolder {
        folder: PathBuf,
        extensions: &'static [&'static str],
    },
    /// A file to write that is there already: written over only when the same path is sent
    /// again (a save dialog asks before replacing a file; the prompt replaced it unasked).
    Exists(PathBuf),
    /// A folder that cannot be listed.
    Unlisted {
        folder: PathBuf,
        error: std::io::Error,
    },
}

/// A file to write that is there already.
fn exists_words(path: &Path, lang: Lang) -> String {
    let p = crate::model::text::path_shown(path);
    say(
        lang,
        format!("{p} はすでにあります。置き換えるなら、もう一度 OK を押してください"),
        format!("{p} is there already: press OK again to replace it"),
    )
}

impl Describe for TypedPathError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            TypedPathError::Nothing => say(lang, "パスが空です".into(), "no path was typed".into()),
            TypedPathError::OnlyOne { lines } => say(
                lang,
                format!("パスは1つだけ入力してください（{lines}行あります）"),
                format!("type one path only ({lines} lines were typed)"),
            ),
            TypedPathError::NotFound(p) => {
                let p = crate::model::text::path_shown(p);
                say(
                    lang,
                    format!("{p} が見つかりません"),
                    format!("{p} is not there"),
                )
            }
            TypedPathError::IsFolder { path, wanted } => {
                let p = crate::model::text::path_shown(path);
                match wanted {
                    Wanted::NewFile => say(
                        lang,
                        format!("{p} はフォルダです。保存するファイルの名前まで入力してください"),
                        format!("{p} is a folder: type the name of the file to save as well"),
                    ),
                    _ => say(
                        lang,
                        format!("{p} はフォルダです。ファイルのパスを入力してください"),
                        format!("{p} is a folder: type a file's path"),
                    ),
                }
            }
            TypedPathError::Exists(p) => exists_words(p, lang),
            TypedPathError::IsFile(p) => {
                let p = crate::model::text::path_shown(p);
                say(
                    lang,
                    format!("{p} はファイルです。フォルダのパスを入力してください"),
                    format!("{p} is a file: type a folder's path"),
                )
            }
            TypedPathError::NoFolder { path, folder } => {
                let (p, f) = (
                    crate::model::text::path_shown(path),
                    crate::model::text::path_shown(folder),
                );
                say(
                    lang,
                    format!("{p}: フォルダ {f} がありません"),
                    format!("{p}: there is no folder {f}"),
                )
            }
            TypedPathError::NothingInFolder { folder, extensions } => {
                let (f, kinds) = (
                    crate::model::text::path_shown(folder),
                    extension_list(extensions),
                );
                say(
                    lang,
                    format!("フォルダ {f} に読めるファイル（{kinds}）がありません"),
                    format!("the folder {f} holds no file to read ({kinds})"),
                )
            }
            TypedPathError::Unlisted { folder, error } => {
                let f = crate::model::text::path_shown(folder);
                let why = match error.kind() {
                    std::io::ErrorKind::PermissionDenied => {
                        say(lang, "読む権限がありません".into(), "no permission".into())
                    }
                    _ => error.describe(lang),
                };
                say(
                    lang,
                    format!("フォルダ {f} の中を読めません: {why}"),
                    format!("cannot list the folder {f}: {why}"),
                )
            }
        }
    }
}

impl fmt::Display for TypedPathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Reads what was typed into the paths it names, checked against what is wanted: one path a
/// line, each trimmed of blanks and of the quotes a copied path often carries (`"C:\…"`).
pub fn read_typed(wanted: Wanted, typed: &str) -> Result<Vec<PathBuf>, TypedPathError> {
    let lines: Vec<PathBuf> = typed
        .lines()
        .map(unquote)
        .filter(|l| !l.is_empty())
        .map(PathBuf::from)
        .collect();
    if lines.is_empty() {
        return Err(TypedPathError::Nothing);
    }
    let Wanted::Files(extensions) = wanted else {
        if lines.len() > 1 {
            return Err(TypedPathError::OnlyOne { lines: lines.len() });
        }
        let path = lines.into_iter().next().unwrap_or_default();
        check_one(wanted, &path)?;
        return Ok(vec![path]);
    };
    let mut out = Vec::new();
    for path in lines {
        if path.is_dir() {
            out.extend(files_in(&path, extensions)?);
        } else if path.is_file() {
            out.push(path);
        } else {
            return Err(TypedPathError::NotFound(path));
        }
    }
    Ok(out)
}

fn unquote(line: &str) -> &str {
    let line = line.trim();
    for q in ['"', '\''] {
        if let Some(inner) = line.strip_prefix(q).and_then(|l| l.strip_suffix(q)) {
            return inner.trim();
        }
    }
    line
}

fn check_one(wanted: Wanted, path: &Path) -> Result<(), TypedPathError> {
    let folder_of = |p: &Path| match p.parent() {
        Some(f) if !f.as_os_str().is_empty() => f.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match wanted {
        Wanted::File | Wanted::Files(_) if path.is_dir() => Err(TypedPathError::IsFolder {
            path: path.to_path_buf(),
            wanted,
        }),
        Wanted::File | Wanted::Files(_) if !path.exists() => {
            Err(TypedPathError::NotFound(path.to_path_buf()))
        }
        Wanted::Folder if path.exists() && !path.is_dir() => {
            Err(TypedPathError::IsFile(path.to_path_buf()))
        }
        Wanted::NewFile if path.is_dir() => Err(TypedPathError::IsFolder {
            path: path.to_path_buf(),
            wanted,
        }),
        Wanted::Folder | Wanted::NewFile if !path.exists() && !folder_of(path).is_dir() => {
            Err(TypedPathError::NoFolder {
                path: path.to_path_buf(),
                folder: folder_of(path),
            })
        }
        _ => Ok(()),
    }
}

/// The files in a folder with one of the extensions (any case), by name.
fn files_in(
    folder: &Path,
    extensions: &'static [&'static str],
) -> Result<Vec<PathBuf>, TypedPathError> {
    let listing = std::fs::read_dir(folder).map_err(|error| TypedPathError::Unlisted {
        folder: folder.to_path_buf(),
        error,
    })?;
    let mut files: Vec<PathBuf> = listing
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
        })
        .collect();
    if files.is_empty() {
        return Err(TypedPathError::NothingInFolder {
            folder: folder.to_path_buf(),
            extensions,
        });
    }
    files.sort();
    Ok(files)
}
