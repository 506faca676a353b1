//! What every target checks of an accepted value: it prints to a text that parses back to it,
//! and it goes through serde and back unchanged (serde goes through the same constructors).
#![allow(dead_code)]

use std::fmt::{Debug, Display};
use std::str::FromStr;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The input as text, when it is UTF-8.
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// `value` prints to a text that parses back to `value`.
pub fn display_round_trip<T>(value: &T)
where
    T: FromStr + Display + PartialEq + Debug,
    T::Err: Debug,
{
    let shown = value.to_string();
    match shown.parse::<T>() {
        Ok(back) => assert_eq!(&back, value, "{shown:?} parses to another value"),
        Err(e) => panic!("{value:?} prints as {shown:?}, which does not parse: {e:?}"),
    }
}

/// `value` serialises to JSON that deserialises to `value`.
pub fn serde_round_trip<T>(value: &T)
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let json = serde_json::to_string(value).expect("an accepted value serialises");
    match serde_json::from_str::<T>(&json) {
        Ok(back) => assert_eq!(&back, value, "{json} deserialises to another value"),
        Err(e) => panic!("{value:?} serialises to {json}, which does not deserialise: {e}"),
    }
}

/// Parses `text` as `T`; an accepted value round-trips through `Display` and serde.
pub fn parser<T>(text: &str) -> Option<T>
where
    T: FromStr + Display + PartialEq + Debug + Serialize + DeserializeOwned,
    T::Err: Debug + Display,
{
    match text.parse::<T>() {
        Ok(value) => {
            display_round_trip(&value);
            serde_round_trip(&value);
            Some(value)
        }
        Err(e) => {
            // An error prints without panicking.
            let _ = e.to_string();
            None
        }
    }
}
