//! The bundled BIZ UDPGothic (SIL OFL 1.1, assets/fonts/OFL.txt): the window and the printouts
//! draw Japanese with it, whatever fonts the PC has.

pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/BIZUDPGothic-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../assets/fonts/BIZUDPGothic-Bold.ttf");
