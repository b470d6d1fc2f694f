//! Assembly of batch modules: the definitions compiled since the last time
//! anything ran, emitted together as one module.
//!
//! A batch imports the kernel's memory, table, `sp`, `rp` and `fsp` globals and
//! throw helper, plus the host import, and installs each of its functions at
//! its xt with an active element segment. Calls within a batch are direct;
//! calls to earlier words go through the table.
//!
//! Guarantee: the bytes validate (checked in debug builds and tests) and are a
//! pure function of the inputs, so the same program gives the same modules.

use std::collections::HashMap;

use wasm_encoder::{
    CodeSection, ConstExpr, ElementSection, Elements, EntityType, FunctionSection, GlobalType, ImportSection,
    MemoryType, Module, NameMap, NameSection, RefType, TableType, TypeSection, ValType,
};

use super::body::{Env, FnBody};
use super::structure::{emit_function, emit_function_marked, EmitError, Marks, Register};
use crate::ir::{Function, Xt};
use crate::passes::effects::{block_depths, infer, return_depths, sure_inputs, Effect, Known};
use runtime::{exports, imports, Layout};

/// Function index of the host import in every module we emit.
pub const HOST_FUNC: u32 = 0;
/// Function index of the throw helper in a batch (an import from the kernel).
pub const BATCH_THROW_FUNC: u32 = 1;
/// Global index of `sp` in every module.
pub const SP_GLOBAL: u32 = 0;
/// Global index of `rp` in every module.
pub const RP_GLOBAL: u32 = 1;
pub use super::body::FSP_GLOBAL;
/// Export name of the kernel's throw helper.
pub const THROW_EXPORT: &str = "throw";

/// The one function type, `(param i32)`.
pub fn word_types() -> TypeSection {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32], []);
    types
}

/// The memory type for a layout.
pub fn memory_type(layout: &Layout) -> MemoryType {
    let pages = u64::from(layout.pages());
    MemoryType { minimum: pages, maximum: Some(pages), memory64: false, shared: false, page_size_log2: None }
}

/// The table type: one funcref per possible xt.
pub fn table_type() -> TableType {
    let n = u64::from(runtime::addr::MAX_XTS);
    TableType { element_type: RefType::FUNCREF, table64: false, minimum: n, maximum: Some(n), shared: false }
}

/// The type of the `sp` and `rp` globals.
pub fn stack_global_type() -> GlobalType {
    GlobalType { val_type: ValType::I32, mutable: true, shared: false }
}

/// How a set of definitions maps onto one module: calling conventions,
/// function indices, types and table entries.
#[derive(Debug)]
pub struct Plan {
    /// Function types: 0 is the word type, 1 is `() -> ()`, then one per
    /// register signature.
    pub types: TypeSection,
    /// Each definition's function index.
    pub main: Vec<u32>,
    /// The memory-convention wrapper of each static definition.
    pub wrappers: Vec<(usize, u32)>,
    /// Memory-convention functions by xt (wrappers for static definitions).
    pub direct: HashMap<Xt, u32>,
    /// Register-convention functions by xt.
    pub register: HashMap<Xt, (u32, Effect)>,
    /// The register convention of each definition, if static.
    pub regs: Vec<Option<Register>>,
    /// Type index of each function in order (mains, then wrappers).
    pub func_types: Vec<u32>,
}

impl Plan {
    /// Plans `funcs`, whose functions start at index `first`. `known` holds
    /// the effects of earlier words and receives those found here. With
    /// `optimize` off, everything keeps the memory convention.
    pub fn new(funcs: &[Function], first: u32, known: &mut Known, optimize: bool) -> Plan {
        let mut types = word_types();
        types.ty().function([], []);
        let mut effect_types: HashMap<Effect, u32> = HashMap::new();
        let mut regs = Vec::with_capacity(funcs.len());
        for f in funcs {
            let reg = if optimize {
                infer(f, known).and_then(|effect| {
                    let depths = block_depths(f, known, effect)?;
                    Some(Register { effect, depths, rdepths: return_depths(f) })
                })
            } else {
                None
            };
            if let Some(r) = &reg {
                known.insert(f.xt, r.effect);
                if !effect_types.contains_key(&r.effect) {
                    let idx = 2 + effect_types.len() as u32;
                    types.ty().function(
                        vec![ValType::I32; r.effect.inputs as usize],
                        vec![ValType::I32; r.effect.outputs as usize],
                    );
                    effect_types.insert(r.effect, idx);
                }
            }
            regs.push(reg);
        }
        let n = funcs.len() as u32;
        let main: Vec<u32> = (0..n).map(|i| first + i).collect();
        let mut wrappers = Vec::new();
        let mut direct = HashMap::new();
        let mut register = HashMap::new();
        let mut func_types: Vec<u32> = Vec::new();
        for (i, f) in funcs.iter().enumerate() {
            match &regs[i] {
                Some(r) => {
                    let w = first + n + wrappers.len() as u32;
                    wrappers.push((i, w));
                    direct.insert(f.xt, w);
                    register.insert(f.xt, (main[i], r.effect));
                    func_types.push(effect_types[&r.effect]);
                }
                None => {
                    direct.insert(f.xt, main[i]);
                    func_types.push(0);
                }
            }
        }
        func_types.extend(wrappers.iter().map(|_| 0));
        Plan { types, main, wrappers, direct, register, regs, func_types }
    }

    /// Emits every function of the plan (definitions, then wrappers) into
    /// `code`, and their names into `names`; with `marks` (an index into
    /// `funcs`), records where the parts of that definition's code start and
    /// returns the length of its instructions.
    pub fn emit(
        &self,
        env: &Env,
        funcs: &[Function],
        code: &mut CodeSection,
        names: &mut Vec<(u32, String)>,
        mut marks: Option<(usize, &mut Marks)>,
    ) -> Result<usize, EmitError> {
        let mut marked_len = 0;
        for (i, f) in funcs.iter().enumerate() {
            match marks.take_if(|(k, _)| *k == i).map(|(_, m)| m) {
                Some(m) => {
                    let (func, len) = emit_function_marked(env, f, self.regs[i].as_ref(), m)?;
                    code.function(&func);
                    marked_len = len;
                }
                None => {
                    code.function(&emit_function(env, f, self.regs[i].as_ref())?);
                }
            }
            names.push((self.main[i], f.name.clone()));
        }
        for &(i, w) in &self.wrappers {
            // A wrapper takes the arguments from memory, makes the register
            // call, and puts the results back.
            // Its effect may count items that only some paths read (see
            // `FnBody::register_call`); those that every run reads must be
            // on the stack, as they are checked at a memory function's entry.
            let mut b = FnBody::new(env, 0);
            b.check_entry(false, sure_inputs(&funcs[i]));
            b.call_word(funcs[i].xt);
            b.sync_out();
            code.function(&b.finish());
            names.push((w, format!("{} (memory)", funcs[i].name)));
        }
        Ok(marked_len)
    }

    /// The function to install in the table at each definition's xt.
    pub fn table_entries<'a>(&'a self, funcs: &'a [Function]) -> impl Iterator<Item = (Xt, u32)> + 'a {
        funcs.iter().map(|f| (f.xt, self.direct[&f.xt]))
    }
}

/// A name map from (index, name) pairs in any order.
pub fn name_map(mut names: Vec<(u32, String)>) -> NameMap {
    names.sort_by_key(|(i, _)| *i);
    let mut map = NameMap::new();
    for (i, n) in &names {
        map.append(*i, n);
    }
    map
}

/// Emits one batch module holding `funcs`.
pub fn batch_module(
    layout: Layout,
    funcs: &[Function],
    is_host: &dyn Fn(Xt) -> bool,
    known: &mut Known,
    deferred: &Known,
    optimize: bool,
) -> Result<Vec<u8>, EmitError> {
    let plan = Plan::new(funcs, FIRST_FUNC, known, optimize);
    Ok(assemble(layout, funcs, &plan, is_host, known, deferred, None)?.0)
}

/// A batch module holding `func` alone, for showing its code: also where the
/// parts of its code start ([`Marks`]), and the length of its instructions,
/// which end its function body (function index [`FIRST_FUNC`]).
pub fn marked_module(
    layout: Layout,
    func: &Function,
    is_host: &dyn Fn(Xt) -> bool,
    known: &mut Known,
    deferred: &Known,
    optimize: bool,
) -> Result<(Vec<u8>, Marks, usize), EmitError> {
    let mut marks = Marks::new();
    let funcs = std::slice::from_ref(func);
    let plan = Plan::new(funcs, FIRST_FUNC, known, optimize);
    let (bytes, len) = assemble(layout, funcs, &plan, is_host, known, deferred, Some(&mut marks))?;
    Ok((bytes, marks, len))
}

/// Index of a batch's first defined function, after its two imports.
pub const FIRST_FUNC: u32 = 2;

/// Emits one batch module holding `funcs` as `plan` ([`Plan::new`] at
/// [`FIRST_FUNC`]) lays them out, with the marks of `func`'s parts when
/// asked. A plan made earlier gives the module [`batch_module`] would have
/// made then, as long as `known` has since gained only the effects of words
/// that `funcs` do not call.
pub(crate) fn assemble(
    layout: Layout,
    funcs: &[Function],
    plan: &Plan,
    is_host: &dyn Fn(Xt) -> bool,
    known: &Known,
    deferred: &Known,
    marks: Option<&mut Marks>,
) -> Result<(Vec<u8>, usize), EmitError> {
    let mut module = Module::new();
    module.section(&plan.types);

    let mut imports_sec = ImportSection::new();
    imports_sec.import(imports::HOST_MODULE, imports::HOST_WORD, EntityType::Function(0));
    imports_sec.import(exports::KERNEL_MODULE, THROW_EXPORT, EntityType::Function(0));
    imports_sec.import(exports::KERNEL_MODULE, exports::SP, EntityType::Global(stack_global_type()));
    imports_sec.import(exports::KERNEL_MODULE, exports::RP, EntityType::Global(stack_global_type()));
    imports_sec.import(exports::KERNEL_MODULE, exports::FSP, EntityType::Global(stack_global_type()));
    imports_sec.import(exports::KERNEL_MODULE, exports::MEMORY, EntityType::Memory(memory_type(&layout)));
    imports_sec.import(exports::KERNEL_MODULE, exports::TABLE, EntityType::Table(table_type()));
    module.section(&imports_sec);

    let env = Env {
        layout,
        host_func: HOST_FUNC,
        throw_func: BATCH_THROW_FUNC,
        sp_global: SP_GLOBAL,
        rp_global: RP_GLOBAL,
        direct: &plan.direct,
        register: &plan.register,
        known,
        deferred,
        is_host,
    };

    let mut fsec = FunctionSection::new();
    for &t in &plan.func_types {
        fsec.function(t);
    }
    module.section(&fsec);

    let mut elems = ElementSection::new();
    for (xt, f) in plan.table_entries(funcs) {
        elems.active(Some(0), &ConstExpr::i32_const(xt as i32), Elements::Functions([f][..].into()));
    }
    module.section(&elems);

    let mut code = CodeSection::new();
    let mut names = vec![(HOST_FUNC, "forth.host".to_string()), (BATCH_THROW_FUNC, "kernel.throw".to_string())];
    let marked_len = plan.emit(&env, funcs, &mut code, &mut names, marks.map(|m| (0, m)))?;
    module.section(&code);

    let mut name_sec = NameSection::new();
    name_sec.functions(&name_map(names));
    module.section(&name_sec);
    Ok((module.finish(), marked_len))
}
