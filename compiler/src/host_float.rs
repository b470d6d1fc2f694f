//! The floating-point host words: defining words, `FLITERAL`, the
//! transcendental functions, conversion to and from text, and the float
//! stack as the host sees it.
//!
//! The float stack is in linear memory at the machine's `fsp` (8-byte items,
//! growing down from `Layout::fs_base`). Host words pop and push through
//! [`Forth::fpop`] and [`Forth::fpush`], which check the bounds (THROW -45 and
//! -44), so a host word never reads or writes outside the stack.
//!
//! The transcendental functions are Rust's `f64` methods: wasm has no
//! instruction for them, and running them in the host keeps the compiler
//! free of I/O and every module deterministic.

use crate::dictionary::{Header, Kind};
use crate::float_text;
use crate::host_words::HostWord;
use crate::interpreter::{Forth, TableEntry};
use crate::ir::Op;
use crate::kernel::prim_xt;
use crate::machine::{Fault, Machine, MachineExt};
use crate::primitives::Prim;
use runtime::{addr, throw, CodeField, FLOAT};

/// The precision `F.`, `FE.` and `FS.` start with, as in gforth.
pub(crate) const DEFAULT_PRECISION: usize = 15;

impl Forth {
    /// Pops a float.
    pub(crate) fn fpop(&mut self, m: &mut dyn Machine) -> Result<f64, Fault> {
        let fsp = m.fsp();
        if fsp >= self.cfg.layout.fs_base() || fsp < self.cfg.layout.fs_limit() {
            return Err(Fault::Throw(throw::FSTACK_UNDERFLOW));
        }
        let mut b = [0u8; 8];
        m.read(fsp, &mut b)?;
        m.set_fsp(fsp + FLOAT);
        Ok(f64::from_le_bytes(b))
    }

    /// Pushes a float.
    pub(crate) fn fpush(&mut self, m: &mut dyn Machine, r: f64) -> Result<(), Fault> {
        let fsp = m.fsp().wrapping_sub(FLOAT);
        if fsp < self.cfg.layout.fs_limit() || fsp >= self.cfg.layout.fs_base() {
            return Err(Fault::Throw(throw::FSTACK_OVERFLOW));
        }
        m.write(fsp, &r.to_le_bytes())?;
        m.set_fsp(fsp);
        Ok(())
    }

    /// The float stack, bottom first.
    pub fn float_stack(&mut self, m: &mut dyn Machine) -> Vec<f64> {
        let (base, fsp) = (self.cfg.layout.fs_base(), m.fsp());
        if fsp >= base || fsp < self.cfg.layout.fs_limit() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut a = base;
        while a > fsp {
            a -= FLOAT;
            let mut b = [0u8; 8];
            if m.read(a, &mut b).is_err() {
                break;
            }
            out.push(f64::from_le_bytes(b));
        }
        out
    }

    /// After a word ran: a float stack pointer outside the stack is an
    /// underflow (-45) or an overflow (-44); the stack is then emptied.
    pub(crate) fn check_float_stack(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let l = self.cfg.layout;
        let fsp = m.fsp();
        if fsp > l.fs_base() {
            m.set_fsp(l.fs_base());
            return Err(Fault::Throw(throw::FSTACK_UNDERFLOW));
        }
        if fsp < l.fs_limit() {
            m.set_fsp(l.fs_base());
            return Err(Fault::Throw(throw::FSTACK_OVERFLOW));
        }
        Ok(())
    }

    /// Pushes `r`, or compiles it as a literal.
    pub(crate) fn float_literal(&mut self, m: &mut dyn Machine, r: f64) -> Result<(), Fault> {
        if self.state {
            self.compile_float_literal(r)
        } else {
            self.fpush(m, r)
        }
    }

    /// Compiles a float literal into the open definition.
    fn compile_float_literal(&mut self, r: f64) -> Result<(), Fault> {
        let bits = r.to_bits();
        self.compile_op(Op::Lit(bits as u32 as i32))?;
        self.compile_op(Op::Lit((bits >> 32) as u32 as i32))?;
        self.compile_op(Op::Prim(Prim::FLit))
    }

    /// Defines a word whose body holds a float, aligned for floats.
    fn define_float_word(&mut self, m: &mut dyn Machine, kind: fn(u32) -> Kind, init: f64) -> Result<(), Fault> {
        let name = self.parse_def_name(m)?;
        let here = self.here(m)?;
        m.write_cell(addr::DP, (here.wrapping_add(FLOAT - 1) & !(FLOAT - 1)) as i32)?;
        let body = self.allot_bytes(m, &init.to_le_bytes())?;
        let xt = self.alloc_xt()?;
        let k = kind(body);
        let (cf, does) = match k {
            Kind::Variable { .. } => (CodeField::Var, None),
            _ => (CodeField::Does, Some(prim_xt(Prim::FFetch))),
        };
        self.set_xt_info(m, xt, body, does)?;
        self.install(m, xt, TableEntry::CodeField(cf))?;
        let id = self.dict.add(Header { name, xt, immediate: false, compile_only: false, hidden: false, kind: k });
        self.latest = Some(id);
        Ok(())
    }

    /// `TO` of an `FVALUE` at `body`.
    pub(crate) fn store_fvalue(&mut self, m: &mut dyn Machine, body: u32) -> Result<(), Fault> {
        if self.state {
            self.compile_op(Op::Lit(body as i32))?;
            self.compile_op(Op::Prim(Prim::FStore))
        } else {
            let r = self.fpop(m)?;
            m.write(body, &r.to_le_bytes())
        }
    }

    fn funary(&mut self, m: &mut dyn Machine, f: fn(f64) -> f64) -> Result<(), Fault> {
        let r = self.fpop(m)?;
        self.fpush(m, f(r))
    }

    fn fbinary(&mut self, m: &mut dyn Machine, f: fn(f64, f64) -> f64) -> Result<(), Fault> {
        let r2 = self.fpop(m)?;
        let r1 = self.fpop(m)?;
        self.fpush(m, f(r1, r2))
    }

    /// gforth's `F.RDP`, `F>STR-RDP` and `F>BUF-RDP`: `nr` characters laid
    /// out by [`float_text::f_rdp`]; `nr` 0 gives no text, and a negative
    /// `nd` or `np` counts as 0, as in gforth.
    fn f_rdp_word(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        let np = self.pop(m)?.max(0) as usize;
        let nd = self.pop(m)?.max(0) as usize;
        let nr = self.pop(m)?;
        let buf = if h == HostWord::FToBufRdp { Some(self.pop(m)? as u32) } else { None };
        let r = self.fpop(m)?;
        if nr < 0 || nr as u64 > u64::from(self.cfg.layout.memory_bytes) {
            return Err(self.fail(throw::INVALID_ADDRESS, format!("{nr} is not a field width")));
        }
        let nr = nr as usize;
        let text = if nr == 0 { String::new() } else { float_text::f_rdp(r, nr, nd, np, self.base(m)?) };
        match h {
            HostWord::FToBufRdp => m.write(buf.unwrap_or_default(), text.as_bytes()),
            HostWord::FToStrRdp => {
                // Below the pictured numeric output, which it leaves alone.
                let hld = m.read_cell(addr::HLD)? as u32;
                let at = hld.wrapping_sub(nr as u32);
                if at < addr::HOLD_START || at > hld {
                    return Err(
                        self.fail(throw::PICTURED_OVERFLOW, "the text does not fit the pictured numeric output buffer")
                    );
                }
                m.write(at, text.as_bytes())?;
                self.push(m, at as i32)?;
                self.push(m, nr as i32)
            }
            _ => self.display_text(m, text),
        }
    }

    fn display_text(&mut self, m: &mut dyn Machine, text: String) -> Result<(), Fault> {
        self.display(m, text.as_bytes())
    }

    fn base(&mut self, m: &mut dyn Machine) -> Result<u32, Fault> {
        Ok(m.read_cell(addr::BASE)? as u32)
    }

    /// Runs one floating-point host word.
    pub(crate) fn run_float(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            FVariable => self.define_float_word(m, |body| Kind::Variable { body }, 0.0),
            FConstant | FValue => {
                let r = self.fpop(m)?;
                let kind: fn(u32) -> Kind =
                    if h == FValue { |body| Kind::FValue { body } } else { |body| Kind::FConstant { body } };
                self.define_float_word(m, kind, r)
            }
            FLiteral => {
                // Between [ and ] it still compiles, as in gforth.
                let r = self.fpop(m)?;
                self.compile_float_literal(r)
            }
            FSin => self.funary(m, f64::sin),
            FCos => self.funary(m, f64::cos),
            FTan => self.funary(m, f64::tan),
            FSinCos => {
                let r = self.fpop(m)?;
                self.fpush(m, r.sin())?;
                self.fpush(m, r.cos())
            }
            FAsin => self.funary(m, f64::asin),
            FAcos => self.funary(m, f64::acos),
            FAtan => self.funary(m, f64::atan),
            FAtan2 => self.fbinary(m, f64::atan2),
            FSinh => self.funary(m, f64::sinh),
            FCosh => self.funary(m, f64::cosh),
            FTanh => self.funary(m, f64::tanh),
            FAsinh => self.funary(m, f64::asinh),
            FAcosh => self.funary(m, f64::acosh),
            FAtanh => self.funary(m, f64::atanh),
            FExp => self.funary(m, f64::exp),
            FExpm1 => self.funary(m, f64::exp_m1),
            FLn => self.funary(m, f64::ln),
            FLnp1 => self.funary(m, f64::ln_1p),
            FLog => self.funary(m, f64::log10),
            FAlog => self.funary(m, |r| 10f64.powf(r)),
            FPow => self.fbinary(m, f64::powf),
            FProx => {
                let r3 = self.fpop(m)?;
                let r2 = self.fpop(m)?;
                let r1 = self.fpop(m)?;
                let flag = proximate(r1, r2, r3);
                self.push(m, if flag { -1 } else { 0 })
            }
            FDot => {
                let r = self.fpop(m)?;
                self.display_text(m, float_text::f_dot(r, self.precision))
            }
            FEDot | FSDot => {
                let r = self.fpop(m)?;
                let base = self.base(m)?;
                let text = if h == FEDot {
                    float_text::fe_dot(r, self.precision, base)
                } else {
                    float_text::fs_dot(r, self.precision, base)
                };
                self.display_text(m, text)
            }
            FDotRdp | FToStrRdp | FToBufRdp => self.f_rdp_word(m, h),
            FDotS => {
                let stack = self.float_stack(m);
                let base = self.base(m)?;
                self.display_text(m, float_text::f_dot_s(&stack, base))
            }
            Represent => {
                let u = self.pop(m)?;
                let a = self.pop(m)? as u32;
                let r = self.fpop(m)?;
                // A buffer larger than memory cannot be written; say so before
                // making the digits.
                if u64::from(a) + u.max(0) as u64 > u64::from(self.cfg.layout.memory_bytes) {
                    return Err(self.fail(throw::INVALID_ADDRESS, "REPRESENT's buffer is outside memory"));
                }
                let rep = float_text::represent(r, u.max(0) as usize);
                m.write(a, &rep.digits)?;
                self.push(m, rep.n)?;
                self.push(m, if rep.negative { -1 } else { 0 })?;
                self.push(m, if rep.valid { -1 } else { 0 })
            }
            ToFloat => {
                let u = self.pop(m)?;
                let a = self.pop(m)? as u32;
                let text = m.read_vec(a, u.max(0) as u32)?;
                match float_text::to_float(&text) {
                    Some(r) => {
                        self.fpush(m, r)?;
                        self.push(m, -1)
                    }
                    None => self.push(m, 0),
                }
            }
            Precision => self.push(m, self.precision as i32),
            SetPrecision => {
                let u = self.pop(m)?;
                // gforth shows at most what fits its scratch buffer; more than
                // a few hundred digits are only zeros anyway.
                self.precision = u.clamp(0, 400) as usize;
                Ok(())
            }
            _ => Err(Fault::Host(format!("internal error: {} is not a float word", h.name()))),
        }
    }

    /// The answers of `ENVIRONMENT?` about floating point.
    pub(crate) fn float_environment(&mut self, m: &mut dyn Machine, q: &str) -> Result<Option<Vec<i32>>, Fault> {
        Ok(match q {
            "FLOATING" | "FLOATING-EXT" => Some(vec![-1]),
            "FLOATING-STACK" => Some(vec![self.cfg.layout.float_stack_floats as i32]),
            "MAX-FLOAT" => {
                self.fpush(m, f64::MAX)?;
                Some(vec![])
            }
            _ => None,
        })
    }
}

/// `F~`: r3 > 0 is absolute (|r1 - r2| < r3), r3 = 0 is bitwise equality,
/// r3 < 0 is relative (|r1 - r2| < |r3| * (|r1| + |r2|)).
pub fn proximate(r1: f64, r2: f64, r3: f64) -> bool {
    // Both zeros select the bitwise comparison, as in gforth.
    if r3 == 0.0 {
        return r1.to_bits() == r2.to_bits();
    }
    if r3 > 0.0 {
        (r1 - r2).abs() < r3
    } else {
        (r1 - r2).abs() < -r3 * (r1.abs() + r2.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proximate_has_three_modes() {
        assert!(proximate(1.0, 1.05, 0.1));
        assert!(!proximate(1.0, 1.2, 0.1));
        assert!(proximate(0.0, 0.0, 0.0));
        assert!(!proximate(0.0, -0.0, 0.0));
        assert!(proximate(100.0, 100.5, -0.01));
        assert!(!proximate(100.0, 110.0, -0.01));
    }
}
