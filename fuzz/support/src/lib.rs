//! What the fuzz targets share: the reader of their byte layouts (which `seeds.py`
//! writes) and the oracles they check the core and the emulator against.

pub mod hmac_oracle;
pub mod input;
pub mod json_shape;
pub mod wire;
