//! The window driven as a user drives it, headless (no GPU): egui_kittest finds widgets by
//! their accessible names, clicks them and reads what is shown. One module per feature.

mod compare;
mod editing;
mod files;
mod filters;
mod glyphs;
mod helpers;
mod idle;
mod ime;
mod jobs;
mod keyboard;
mod measure_columns;
mod measure_editing;
mod measure_words;
mod measures;
mod opening;
mod plan_lines;
mod printing;
mod rollover;
mod safety;
mod screens;
mod survey;
mod typed_paths;
mod warnings;
