//! Just enough XML for OFD: escaped text, and lengths in millimetres written the same way every
//! time (the same input must give the same bytes).

use typst::layout::Abs;

pub use crate::xml::escape;

/// A number to 1/1000 (of a millimetre, for lengths), without trailing zeros.
pub fn num(value: f64) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" | "" => "0".to_string(),
        t => t.to_string(),
    }
}

/// A Typst length in OFD's unit, the millimetre.
pub fn mm(length: Abs) -> f64 {
    length.to_mm()
}

/// Numbers separated by spaces, as OFD writes boxes, matrices and offsets.
pub fn nums(values: &[f64]) -> String {
    values.iter().map(|&v| num(v)).collect::<Vec<_>>().join(" ")
}

/// Offsets (DeltaX, DeltaY) with runs of equal values folded into OFD's `g count value` form:
/// a line of CJK text is one run.
pub fn deltas(values: &[f64]) -> String {
    let written: Vec<String> = values.iter().map(|&v| num(v)).collect();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < written.len() {
        let run = written[i..]
            .iter()
            .take_while(|w| **w == written[i])
            .count();
        if run > 1 {
            parts.push(format!("g {run} {}", written[i]));
        } else {
            parts.push(written[i].clone());
        }
        i += run;
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(5.644444), "5.644");
        assert_eq!(num(210.0), "210");
        assert_eq!(num(-0.0001), "0");
        assert_eq!(num(0.5), "0.5");
    }

    #[test]
    fn equal_offsets_fold_into_runs() {
        assert_eq!(
            deltas(&[5.6444, 5.6444, 5.6444, 2.0, 5.6444]),
            "g 3 5.644 2 5.644"
        );
        assert_eq!(deltas(&[]), "");
    }
}
