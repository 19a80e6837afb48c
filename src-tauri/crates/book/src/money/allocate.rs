//! Splitting an amount across parts in proportion to weights, to the minor
//! unit, so the parts add up to the whole exactly: each part gets its share
//! rounded down, and the units left over go to the largest remainders (the
//! earliest part first on a tie). Integers only.

/// `total` (minor units, not negative) split in proportion to `weights`
/// (not negative). All zero weights give the whole to the first part; no
/// parts give nothing.
pub fn allocate(total: i64, weights: &[i64]) -> Vec<i64> {
    let sum: i128 = weights.iter().map(|w| i128::from((*w).max(0))).sum();
    if weights.is_empty() {
        return Vec::new();
    }
    let mut parts = vec![0i64; weights.len()];
    if sum == 0 {
        parts[0] = total;
        return parts;
    }
    let total = i128::from(total);
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    let mut given: i128 = 0;
    for (i, w) in weights.iter().enumerate() {
        let exact = total * i128::from((*w).max(0));
        let floor = exact / sum;
        parts[i] = floor as i64;
        given += floor;
        remainders.push((exact % sum, i));
    }
    // Largest remainder first; on a tie, the earlier part.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders.into_iter().take((total - given) as usize) {
        parts[i] += 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::allocate;
    use proptest::prelude::*;

    #[test]
    fn parts_follow_the_weights_and_add_up() {
        assert_eq!(allocate(7500, &[5000, 2500]), [5000, 2500]);
        assert_eq!(allocate(100, &[1, 1, 1]), [34, 33, 33]);
        assert_eq!(allocate(2352, &[5000, 2500]), [1568, 784]);
        assert_eq!(allocate(1, &[1, 3]), [0, 1]);
        assert_eq!(allocate(500, &[0, 0]), [500, 0]);
        assert_eq!(allocate(500, &[]), Vec::<i64>::new());
    }

    proptest! {
        #[test]
        fn the_parts_add_up_and_each_is_within_a_unit_of_its_share(
            total in 0i64..10_000_000_000,
            weights in proptest::collection::vec(0i64..1_000_000_000, 1..12),
        ) {
            let parts = allocate(total, &weights);
            prop_assert_eq!(parts.iter().sum::<i64>(), total);
            let sum: i128 = weights.iter().map(|w| i128::from(*w)).sum();
            if sum > 0 {
                for (p, w) in parts.iter().zip(&weights) {
                    let exact = i128::from(total) * i128::from(*w);
                    let share = exact / sum;
                    prop_assert!(i128::from(*p) == share || i128::from(*p) == share + 1);
                }
            }
        }
    }
}
