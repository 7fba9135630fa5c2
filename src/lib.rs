//! actlab: activation functions, their derivatives, gradient chains and 2-D linear
//! algebra, as a library with no terminal I/O. The binary (`src/main.rs`) adds the
//! shell, the prompt and script mode on top of [`command`].

pub mod activation;
pub mod command;
pub mod docgen;
pub mod gradient;
pub mod interrupt;
pub mod linalg;
pub mod prompt;
pub mod render;
pub mod report;
pub mod shown;
pub mod suggest;
