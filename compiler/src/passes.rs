//! Analyses and transformations over the IR.
//!
//! Each pass's file says which invariants it needs and which it guarantees.

pub mod address_offset;
pub mod effects;
pub mod idiom;
pub mod if_convert;
pub mod inline;
pub mod inline_graph;
pub mod merge_blocks;
pub mod promote;
pub mod qdup_branch;
pub mod ranges;
pub mod return_balance;
pub mod self_inline;
pub mod tail_loop;
pub mod unroll;
pub mod vectorize;
pub mod vectorize_nest;
