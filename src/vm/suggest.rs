//! "Did you mean" for uncaught NameError / AttributeError: CPython's
//! weighted Levenshtein distance and candidate rules (traceback.py).

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_CANDIDATES: usize = 750;
const MAX_STRING: usize = 40;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING || b.len() > MAX_STRING {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate, as CPython picks it, if any is close enough.
pub fn suggest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(wrong, candidates, wrong.len())
}

/// The C-level variant (`_Py_CalculateSuggestions`, used for unexpected
/// keyword arguments), whose first candidate is not capped by the length
/// of the wrong name.
pub fn suggest_keyword<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(wrong, candidates, usize::MAX)
}

fn closest<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    mut best_distance: usize,
) -> Option<String> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    if candidates.len() > MAX_CANDIDATES || wrong.len() > MAX_STRING {
        return None;
    }
    let mut best: Option<&str> = None;
    for c in candidates {
        if c == wrong {
            continue;
        }
        let max_distance =
            ((c.len() + wrong.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein(wrong.as_bytes(), c.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(c);
            best_distance = d;
        }
    }
    best.map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_cpythons_suggestions() {
        assert_eq!(
            suggest("totl", ["total", "print"]).as_deref(),
            Some("total")
        );
        assert_eq!(
            suggest("balanse", ["balance", "deposit"]).as_deref(),
            Some("balance")
        );
        assert_eq!(suggest("xyz", ["print", "len"]), None);
    }
}
