//! What a saved report leaves out: a field equal to its default (an empty list, `None`,
//! `false`, an activity) is not written, and reads back as that default. Used by the model's
//! serde attributes; a file written before this still reads, since it only has more fields.

pub fn is_false(value: &bool) -> bool {
    !*value
}

pub fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}
