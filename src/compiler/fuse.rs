//! Operand fusion: `LoadFast a; LoadConst k` or `LoadFast a; LoadFast b`
//! right before a binary operator or comparison becomes one instruction
//! that computes small-int results straight from the local and constant
//! slots, skipping two pushes, two pops and two dispatches.
//!
//! Only the first instruction of the pair is rewritten; the second and the
//! operator stay where they were. The fused instruction either finishes the
//! whole group and jumps past it, or does exactly what the `LoadFast` it
//! replaced did and lets the originals run — so jump targets, line numbers
//! and every slow path are untouched.

use super::bytecode::Op;

pub fn fuse_operands(mut ops: Vec<Op>) -> Vec<Op> {
    for i in 0..ops.len().saturating_sub(2) {
        if !matches!(ops[i + 2], Op::Binary(_) | Op::InPlace(_) | Op::Compare(_)) {
            continue;
        }
        let (Op::LoadFast(a), second) = (ops[i], ops[i + 1]) else {
            continue;
        };
        let Ok(a) = u16::try_from(a) else { continue };
        ops[i] = match second {
            Op::LoadConst(k) => match u16::try_from(k) {
                Ok(k) => Op::FastConstOp(a, k),
                Err(_) => continue,
            },
            Op::LoadFast(b) => match u16::try_from(b) {
                Ok(b) => Op::FastFastOp(a, b),
                Err(_) => continue,
            },
            _ => continue,
        };
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::fuse_operands;
    use crate::ast::{BinOp, CmpOp};
    use crate::compiler::bytecode::Op;

    #[test]
    fn fuses_only_before_operators() {
        let ops = vec![
            Op::LoadFast(0),
            Op::LoadConst(1),
            Op::Binary(BinOp::Sub),
            Op::LoadFast(0),
            Op::LoadFast(1),
            Op::Compare(CmpOp::Lt),
            Op::LoadFast(0),
            Op::LoadConst(1),
            Op::Return,
        ];
        let fused = fuse_operands(ops);
        assert_eq!(fused[0], Op::FastConstOp(0, 1));
        assert_eq!(fused[1], Op::LoadConst(1));
        assert_eq!(fused[3], Op::FastFastOp(0, 1));
        assert_eq!(fused[4], Op::LoadFast(1));
        assert_eq!(fused[6], Op::LoadFast(0));
    }
}
