//! actlab-core: the numeric core of actlab, with no command line, no terminal and no
//! process state.
//!
//! - [`activation`]: the catalogue of activation functions, each a value and a
//!   derivative within an ulp or so of the exact result (double-double arithmetic,
//!   correctly rounded exponentials, a ported erfc), their parameters and computed
//!   properties, and gated linear units;
//! - [`gradient`]: gradient products through deep chains (scalar and through random
//!   matrices), clipping, and a small network trained on XOR;
//! - [`linalg`]: 2-D linear and affine maps, and stacked affine layers collapsing;
//! - [`formula`]: formulas in x with exact derivatives (dual numbers), and
//!   definitions;
//! - [`interrupt`]: how long computations are asked to stop.
//!
//! Results are typed values and errors are typed enums; the sentences a person reads
//! are made by the front end (the `actlab` binary).
#![warn(missing_docs)]

pub mod activation;
pub mod formula;
pub mod gradient;
pub mod interrupt;
pub mod linalg;
