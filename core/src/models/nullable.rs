//! Fields that may be left out, set, or set to `null` (to clear them) in an update.

use serde::{Deserialize, Deserializer};

/// `None`: leave the field as it is; `Some(None)`: send `null` to clear it;
/// `Some(Some(v))`: set it.
pub type Patch<T> = Option<Option<T>>;

/// Keeps an explicit JSON `null` apart from an absent field when deserializing a [`Patch`].
pub fn explicit_null<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Patch<T>, D::Error> {
    Option::<T>::deserialize(deserializer).map(Some)
}
