//! The function bodies, by family. Each is `fn(x, params) -> f64`; the catalogue
//! (`super::catalogue`) ties them to names, parameters and descriptions.
pub mod exponential;
pub mod gated;
pub mod logistic;
pub mod piecewise;
