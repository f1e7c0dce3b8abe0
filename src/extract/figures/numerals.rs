//! Reading numbers written in digits: grouping, decimals, scale words and suffixes, signs,
//! powers of ten, and the codes and names that hold digits but are no figure (`MS-13`, `G7`).

use super::*;

impl Scanner<'_> {
    pub(super) fn numeral(&self, i: usize) -> Option<Step> {
        // ¾ alone: a share (`2½` is read with the digits before it)
        if let Some(v) = words::vulgar_fraction(self.s(i)) {
            return Some(self.found_simple(Number::new(i, i, v, FRACTION_STEP, false), Kind::Fraction));
        }
        let mut j = i;
        let mut currency = None;
        if let Some(c) = currency_prefix(self.s(i)) {
            let next = if self.s(i) == "US" && self.s(i + 1) == "$" { i + 2 } else { i + 1 };
            let sign = usize::from(matches!(self.s(next), "-" | "−"));
            if self.is(next + sign, T::Num) && self.near(next - 1, next) {
                currency = Some(c);
                j = next;
            }
        } else if self.s(i) == "US" && self.s(i + 1) == "$" && self.adjacent(i, i + 1) && self.is(i + 2, T::Num) {
            currency = Some("USD");
            j = i + 2;
        }
        let mut negative = false;
        // `minus 5`, but not `ten minus 5`; `- 10 k` set apart at the start of a clause.
        let opens = i.checked_sub(1).is_none_or(|p| matches!(self.s(p), "(" | ":" | "="));
        if currency.is_none()
            && self.is(i + 1, T::Num)
            && self.near(i, i + 1)
            && ((matches!(&*self.lower(i), "minus" | "negative") && !self.number_before(i))
                || (matches!(self.s(i), "-" | "−") && !self.adjacent(i, i + 1) && opens))
        {
            negative = true;
            j = i + 1;
        } else if matches!(self.s(j), "-" | "−") && self.is(j + 1, T::Num) && self.adjacent(j, j + 1) {
            let after_word = j > 0 && self.adjacent(j - 1, j) && !matches!(self.s(j - 1), "(" | "$" | "€" | "£");
            if after_word && currency.is_none() {
                return None;
            }
            negative = true;
            j += 1;
        }
        if !self.is(j, T::Num) {
            return None;
        }
        if currency.is_none() && j == i {
            if let Some(skip) = self.code_before(j) {
                return Some(skip);
            }
        }
        let Some(lit) = parse_literal(self.s(j)) else {
            return Some(Step::Skip(j + 1));
        };
        let mut value = if negative { -lit.value } else { lit.value };
        let mut step = 10f64.powi(-(lit.decimals as i32));
        let mut last = j;
        let mut plain = lit.plain;
        let mut digits = lit.digits;

        // 1 414 021 100, 40 000 with a narrow space, 1 234 567.89
        if lit.plain && lit.digits <= 3 {
            let mut k = j;
            let mut grouped = value;
            while let Some(group) = self.digit_group(k + 1).filter(|_| self.group_space(k, k + 1)) {
                grouped = grouped * 1000.0 + group.value;
                k += 1;
                if group.decimals > 0 {
                    step = 10f64.powi(-(group.decimals as i32));
                    break;
                }
            }
            if k > j {
                value = if negative { -grouped } else { grouped };
                last = k;
                plain = false;
                digits += 3 * (k - j);
            }
        }

        // 3/4, -4/5, 2 1/4
        if let Some((fraction, end)) = self.numeric_fraction(last) {
            value = if negative { -fraction } else { fraction };
            return Some(self.found_simple(Number::new(i, end, value, 0.0, false), Kind::Fraction));
        }
        if lit.plain {
            if let Some((fraction, end)) = self.numeric_fraction(last + 1).filter(|_| self.near(last, last + 1)) {
                let v = if negative { value - fraction } else { value + fraction };
                return Some(self.found_simple(Number::new(i, end, v, 0.0, false), Kind::Fraction));
            }
        }
        // 1e10, 12.32e+14
        if let Some((exponent, end)) = self.exponent(last) {
            value *= 10f64.powi(exponent);
            return Some(self.finish(Number::new(i, end, value, step, false), currency, false));
        }
        // 2^10, 1.1^-3: a power of the number; the sign before it stays outside the power.
        if let Some((exponent, end)) = self.power(last) {
            let power = value.abs().powi(exponent);
            if power.is_finite() && power != 0.0 {
                let v = if negative { -power } else { power };
                return Some(self.finish(Number::new(i, end, v, power / 1000.0, false), currency, false));
            }
        }
        // 1.5x10^6, 2.5×10^-3
        if let Some((exponent, end)) = self.times_ten(last) {
            let v = value * 10f64.powi(exponent);
            if v.is_finite() {
                return Some(self.finish(Number::new(i, end, v, step * 10f64.powi(exponent), false), currency, false));
            }
        }
        // 2½
        if let Some(fraction) = words::vulgar_fraction(self.s(last + 1)).filter(|_| self.adjacent(last, last + 1)) {
            value = if negative { value - fraction } else { value + fraction };
            step = FRACTION_STEP;
            last += 1;
            plain = false;
        }

        // Letters against the digits: 84k, 21st, 1990s, 5km, 3D.
        if self.is(last + 1, T::Word) && self.adjacent(last, last + 1) {
            let suffix = self.s(last + 1);
            if words::is_ordinal_suffix(suffix) && !negative {
                return Some(self.found_simple(Number::new(i, last + 1, value, 1.0, false), Kind::Ordinal));
            }
            if suffix == "s" && plain && digits == 4 {
                let mut f = self.plain_figure(i, last + 1, value, Kind::Year, 10.0);
                f.unit = Some("decade".into());
                return Some(Step::Found(f, last + 2));
            }
            // `3.4m trips` and `1.7m` alone count millions; `a 3.4m wall` and `2m tall` measure.
            // A figure set off by a dash or a colon heads a list of what it counts (`**1.7m** —
            // dengue cases`); one followed by nothing it counts measures (`outreach is 48m`).
            let listed = matches!(self.s(last + 2), "—" | "–" | ":") && !self.adjacent(last + 1, last + 2);
            let counts = self.is(last + 2, T::Word) && self.near(last + 1, last + 2) && {
                let next = self.lower(last + 2);
                next == "people" || (next.ends_with('s') && !MEASURING.contains(&&*next))
            };
            let squared = matches!(self.s(last + 2), "2" | "²") && self.adjacent(last + 1, last + 2);
            let measures = squared
                || i.checked_sub(1).is_some_and(|p| self.is_word(p, "a") || self.is_word(p, "an"))
                || !(listed || counts);
            let scale = match suffix {
                "m" if currency.is_none() && measures => None,
                s => scale_suffix(s),
            };
            if let Some(scale) = scale {
                value *= scale;
                step *= scale;
                last += 1;
                plain = false;
            } else if attached_unit(suffix).is_none() && currency_prefix(suffix).is_none() {
                return Some(Step::Skip(last + 2));
            }
        }

        // 1.2 million, 3 hundred
        if self.is(last + 1, T::Word) && self.near(last, last + 1) {
            let next = self.s(last + 1);
            let spaced_suffix = if matches!(next, "k" | "K") { scale_suffix(next) } else { None };
            if let Some(scale) = scale_word(&self.lower(last + 1)).filter(|_| !next.ends_with('s')).or(spaced_suffix) {
                // 3 hundred and 21, 4 thousand 3 hundred: the whole number goes on in words or digits.
                let mut continued = false;
                if lit.decimals == 0 && value.abs() < 1000.0 && last == j && spaced_suffix.is_none() {
                    let mut cardinal = Cardinal::starting_at(value.abs());
                    if cardinal.push(&self.lower(last + 1)) {
                        let (cardinal, end) = self.read_cardinal(cardinal, last + 1, 1.0);
                        if end > last + 1 {
                            value = if negative { -cardinal.value() } else { cardinal.value() };
                            step = 1.0;
                            last = end;
                            plain = false;
                            continued = true;
                        }
                    }
                }
                if !continued {
                    value *= scale;
                    step *= scale;
                    last += 1;
                    plain = false;
                    // 1.5 lakh crore: a count of crores
                    if (scale == 1e5 || scale == 1e3) && self.is_word(last + 1, "crore") && self.near(last, last + 1) {
                        value *= 1e7;
                        step *= 1e7;
                        last += 1;
                    }
                }
            }
        }
        // 4 dozen, 5 doz
        if words::is_dozen(&self.lower(last + 1)) && self.near(last, last + 1) {
            value *= 12.0;
            step *= 12.0;
            last += 1;
            plain = false;
        }
        // 3 million and a half, 5 and a half million
        if self.is_word(last + 1, "and") && self.near(last, last + 1) {
            if let Some((part, end)) = self.fraction_part(last + 2) {
                let of_scale = scale_word(&self.lower(last)).filter(|s| *s >= 1e6 && self.is(last, T::Word));
                let next = self.lower(end + 1);
                let scale_follows = scale_word(&next).is_some_and(|s| s >= 1e3 && !next.ends_with('s'));
                if of_scale.is_some() || scale_follows {
                    let (whole, end) = self.fraction_then_scale(value.abs(), part, end, of_scale.unwrap_or(1.0));
                    value = if negative { -whole } else { whole };
                    step = step.min(part * of_scale.unwrap_or(1.0));
                    last = end;
                    plain = false;
                }
            }
        }

        if currency.is_none() && plain && j == i && self.named_number(i, digits) {
            return Some(Step::Skip(last + 1));
        }
        let hedge = self.hedge_before(i);
        Some(self.finish(
            Number::new(i, last, value, step, false),
            currency,
            plain && digits == 4 && hedge.is_none() && !negative,
        ))
    }

    /// `3/4` starting at token `j`: the value and its last token. Dates are read before this.
    pub(super) fn numeric_fraction(&self, j: usize) -> Option<(f64, usize)> {
        let (n, _) = self.plain_int(j)?;
        if self.s(j + 1) != "/" || !self.adjacent(j, j + 1) || !self.adjacent(j + 1, j + 2) {
            return None;
        }
        let (d, _) = self.plain_int(j + 2)?;
        if d == 0 || n >= d || (self.s(j + 3) == "/" && self.adjacent(j + 2, j + 3)) {
            return None;
        }
        Some((f64::from(n) / f64::from(d), j + 2))
    }

    /// A power written against the digits at `last`: `^10`, `^-2`, `^+3`.
    pub(super) fn power(&self, last: usize) -> Option<(i32, usize)> {
        let caret = last + 1;
        if self.s(caret) != "^" || !self.adjacent(last, caret) {
            return None;
        }
        let (sign, n) = self.signed_at(caret + 1);
        let (power, len) = self.plain_int(n).filter(|_| self.adjacent(n - 1, n))?;
        (len <= 3).then_some((sign * power as i32, n))
    }

    /// `x10^6`, `×10^-4` after the digits at `last`: the power of ten and its last token.
    pub(super) fn times_ten(&self, last: usize) -> Option<(i32, usize)> {
        let times = last + 1;
        let sign_ok = match self.s(times) {
            "x" | "X" => self.adjacent(last, times) && self.adjacent(times, times + 1),
            "×" | "*" => {
                (self.adjacent(last, times) && self.adjacent(times, times + 1))
                    || (self.single_space(last, times) && self.single_space(times, times + 1))
            }
            _ => false,
        };
        if !sign_ok || self.s(times + 1) != "10" {
            return None;
        }
        self.power(times + 1)
    }

    /// The sign written from token `k` on (`-`, `+`, `--`), and the token after it.
    pub(super) fn signed_at(&self, k: usize) -> (i32, usize) {
        let mut sign = 1;
        let mut n = k;
        while n < k + 3 && matches!(self.s(n), "+" | "-" | "−") && self.adjacent(n - 1, n) {
            if self.s(n) != "+" {
                sign = -sign;
            }
            n += 1;
        }
        (sign, n)
    }

    /// Whether a number stands just before token `i` (`ten minus 5`).
    pub(super) fn number_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else { return false };
        let word = self.lower(p);
        self.is(p, T::Num) || crate::lexicon::cardinal(&word).is_some() || scale_word(&word).is_some()
    }

    /// A group of three digits after a space in a grouped number (`567` or the last, `567.89`).
    pub(super) fn digit_group(&self, k: usize) -> Option<Literal> {
        if !self.is(k, T::Num) {
            return None;
        }
        let text = self.s(k);
        let int = text.split(['.', ',']).next().unwrap_or("");
        let lit = parse_literal(text)?;
        let decimal = lit.decimals > 0 && text.matches(['.', ',']).count() == 1;
        (int.len() == 3 && int.bytes().all(|b| b.is_ascii_digit()) && (lit.plain || decimal)).then_some(lit)
    }

    /// The space between groups of digits: a plain, no-break or narrow no-break space.
    pub(super) fn group_space(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => {
                matches!(self.text.get(x.end..y.start), Some(" " | "\u{a0}" | "\u{202f}" | "\u{2009}"))
            }
            _ => false,
        }
    }

    /// An exponent written against the digits at `last`: `e10`, `e+14`, `E-1`.
    pub(super) fn exponent(&self, last: usize) -> Option<(i32, usize)> {
        let e = last + 1;
        if !matches!(self.s(e), "e" | "E") || !self.adjacent(last, e) {
            return None;
        }
        let (sign, n) = match self.s(e + 1) {
            "+" => (1, e + 2),
            "-" | "−" => (-1, e + 2),
            _ => (1, e + 1),
        };
        let (power, len) = self.plain_int(n).filter(|_| self.adjacent(n - 1, n))?;
        (len <= 3).then_some((sign * power as i32, n))
    }

    /// Digits glued to a name or code before them: `G7`, `MS-13`, `COVID-19`, `#4`.
    pub(super) fn code_before(&self, j: usize) -> Option<Step> {
        let prev = j.checked_sub(1)?;
        if !self.adjacent(prev, j) {
            return None;
        }
        let end = self.code_end(j);
        if self.is(prev, T::Word) {
            return (currency_prefix(self.s(prev)).is_none()).then_some(Step::Skip(end));
        }
        if matches!(self.s(prev), "-" | "‐" | "#" | "/" | "_") {
            let before = prev.checked_sub(1)?;
            let word = self.s(before);
            let glued = self.adjacent(before, prev);
            if self.s(prev) == "#" || (glued && self.is(before, T::Word) && word.chars().any(char::is_uppercase)) {
                return Some(Step::Skip(end));
            }
            if glued && self.s(prev) == "/" && self.is(before, T::Word) {
                return Some(Step::Skip(end));
            }
        }
        None
    }

    /// The token after a code that starts with digits at `j` (`13`, `19B`, `2-1`).
    pub(super) fn code_end(&self, j: usize) -> usize {
        let mut k = j + 1;
        while self.adjacent(k - 1, k) && (self.is(k, T::Word) || self.is(k, T::Num)) {
            k += 1;
        }
        k
    }

    /// Whether a bare number belongs to the capitalised name before it: `Barrio 18`, `Article 29`.
    pub(super) fn named_number(&self, i: usize, digits: usize) -> bool {
        let Some(prev) = i.checked_sub(1) else { return false };
        if digits > 4 || !self.is(prev, T::Word) || !self.single_space(prev, i) || !self.starts_upper(prev) {
            return false;
        }
        let lower = self.lower(prev);
        // `Tebesi's 26-second margin`: a possessive owns the figure, it does not name it.
        if is_function_word(&lower) || month(&lower).is_some() || lower.ends_with("'s") || lower.ends_with("’s") {
            return false;
        }
        // A unit or percent after the number makes it a figure all the same.
        let next = i + 1;
        let unit_follows = self.near(i, next)
            && (matches!(self.s(next), "%" | "$" | "€")
                || unit_word(self.s(next), &self.lower(next)).is_some()
                || scale_word(&self.lower(next)).is_some()
                || matches!(&*self.lower(next), "percent" | "per"));
        !unit_follows
    }

    pub(super) fn single_space(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => self.text.get(x.end..y.start) == Some(" "),
            _ => false,
        }
    }
}
