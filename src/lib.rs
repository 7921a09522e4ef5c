//! lianxi (联席): a 联席会议办公室's council data in YAML → GB/T 9704-2012 documents as PDF.
//!
//! Data flows one way, one stage per module:
//! [`model`] (load + check YAML) → [`roster`] (who held each seat when, who came to each
//! meeting) → [`checked`] (all of it, checked) → [`documents`] (what each document says) →
//! [`fill`] (templates → Typst source) → [`typeset`] (embedded Typst → pages → PDF) → [`output`].

#[cfg(feature = "typeset")]
pub mod archive;
#[cfg(feature = "typeset")]
pub mod build;
pub mod checked;
pub mod diag;
pub mod documents;
pub mod fill;
pub mod init;
pub mod model;
pub mod output;
pub mod roster;
#[cfg(feature = "typeset")]
pub mod typeset;
#[cfg(feature = "typeset")]
pub mod watch;
pub mod xml;
