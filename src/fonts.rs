//! The bundled BIZ UDPGothic (SIL OFL 1.1, assets/fonts/OFL.txt): the window and the printouts
//! draw Japanese with it, whatever fonts the PC has.

// Statics, not consts: a const is copied into every place that uses it, and the window, the
// text measure and the PDF writer each got their own 9.3 MB of the two faces (the release
// binary held each font three times: 28 MB of its 58 MB stripped).
pub static REGULAR: &[u8] = include_bytes!("../assets/fonts/BIZUDPGothic-Regular.ttf");
pub static BOLD: &[u8] = include_bytes!("../assets/fonts/BIZUDPGothic-Bold.ttf");
