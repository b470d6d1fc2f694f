//! The kernel module: the machine itself.
//!
//! The kernel defines the memory, the table and the `sp`/`rp`/`fsp` globals, and
//! holds one function per primitive (so every primitive has an xt), the
//! shared code fields of `CREATE`d, `CONSTANT`, `DEFER` and `DOES>` words, and
//! the throw helper that generated code calls to raise a THROW code. Host
//! words get the host import as their table entry.
//!
//! Execution tokens are numbered as `xt_numbering.rs` says (re-exported
//! here): primitives, then host words, then user definitions.
//!
//! Guarantee: the module is a pure function of the layout, so it is
//! byte-identical on every host and its compiled form can be cached.

use wasm_encoder::{
    CodeSection, ConstExpr, CustomSection, DataSection, ElementSection, Elements, EntityType, ExportKind,
    ExportSection, FunctionSection, GlobalSection, ImportSection, MemorySection, Module, NameSection, TableSection,
};

use crate::emit::body::{mem, Env, FnBody};
use crate::emit::module::{
    memory_type, stack_global_type, table_type, FSP_GLOBAL, HOST_FUNC, RP_GLOBAL, SP_GLOBAL, THROW_EXPORT,
};
use crate::emit::module::{name_map, Plan};
use crate::emit::prim;
use crate::emit::structure::{EmitError, Marks};
use crate::host_words::HostWord;
use crate::ir::Function;
use crate::ir::Xt;
use crate::passes::effects::Known;
use crate::primitives::Prim;
use runtime::{addr, exports, imports, CodeField, Layout};

pub use crate::xt_numbering::{first_user_xt, host_word_of, host_xt, prim_xt};

const THROW_FUNC: u32 = 1;
const FIRST_CODE_FIELD: u32 = 2;
const FIRST_PRIM: u32 = FIRST_CODE_FIELD + CodeField::ALL.len() as u32;

/// Builds the kernel module for a layout.
pub fn kernel_module(layout: Layout) -> Vec<u8> {
    image_module(layout, &Extras::default(), &mut Known::new(), false)
        .expect("the kernel has no definitions that could fail to emit")
}

/// What a linked image adds to the kernel.
#[derive(Default)]
pub struct Extras<'a> {
    /// Colon definitions, installed at their xts and called directly.
    pub funcs: &'a [Function],
    /// Table entries installed at run time.
    pub entries: &'a [(Xt, Entry)],
    /// Initial memory: (address, bytes).
    pub data: &'a [(u32, Vec<u8>)],
    /// The exported entry points: (export name, xt).
    pub entry_points: &'a [(String, Xt)],
    /// Custom sections: (name, contents).
    pub custom: &'a [(String, Vec<u8>)],
    /// The module's name in the name section.
    pub name: &'a str,
    /// Deferred words with a declared effect, which `known` also holds
    /// (see `system_words`).
    pub deferred: Option<&'a Known>,
}

/// A table entry of a linked image besides primitives, host words and
/// colon definitions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A kernel code field.
    CodeField(CodeField),
    /// The host import.
    Host,
}

/// Builds the kernel plus `extras`: the kernel itself when `extras` is
/// empty, or a linked, self-contained image.
pub fn image_module(layout: Layout, extras: &Extras, known: &mut Known, optimize: bool) -> Result<Vec<u8>, EmitError> {
    Ok(image_module_marked(layout, extras, known, optimize, None)?.0)
}

/// Where [`image_module_marked`] put the definition it marked: its
/// function index and the length of its instructions.
pub type MarkedAt = (u32, usize);

/// [`image_module`], recording in `mark`'s [`Marks`] where the parts of the
/// code of the definition at its xt start (for the code view); also gives
/// that definition's function index and the length of its instructions,
/// which end its body, if `extras.funcs` holds it.
pub fn image_module_marked(
    layout: Layout,
    extras: &Extras,
    known: &mut Known,
    optimize: bool,
    mark: Option<(Xt, &mut Marks)>,
) -> Result<(Vec<u8>, Option<MarkedAt>), EmitError> {
    let first_colon = FIRST_PRIM + Prim::ALL.len() as u32;
    let plan = Plan::new(extras.funcs, first_colon, known, optimize);
    let mark = mark.and_then(|(xt, m)| Some((extras.funcs.iter().position(|f| f.xt == xt)?, m)));
    let marked_func = mark.as_ref().map(|(i, _)| plan.main[*i]);
    let mut module = Module::new();
    module.section(&plan.types);

    let mut imports_sec = ImportSection::new();
    imports_sec.import(imports::HOST_MODULE, imports::HOST_WORD, EntityType::Function(0));
    module.section(&imports_sec);

    let first_entry = first_colon + plan.func_types.len() as u32;
    let mut fsec = FunctionSection::new();
    for _ in 1..first_colon {
        fsec.function(0);
    }
    for &t in &plan.func_types {
        fsec.function(t);
    }
    for _ in extras.entry_points {
        fsec.function(1);
    }
    module.section(&fsec);

    let mut tables = TableSection::new();
    tables.table(table_type());
    module.section(&tables);

    let mut memories = MemorySection::new();
    memories.memory(memory_type(&layout));
    module.section(&memories);

    let mut globals = GlobalSection::new();
    globals.global(stack_global_type(), &ConstExpr::i32_const(layout.ds_base() as i32));
    globals.global(stack_global_type(), &ConstExpr::i32_const(layout.rs_base() as i32));
    globals.global(stack_global_type(), &ConstExpr::i32_const(layout.fs_base() as i32));
    module.section(&globals);

    let mut exports_sec = ExportSection::new();
    exports_sec.export(exports::MEMORY, ExportKind::Memory, 0);
    exports_sec.export(exports::TABLE, ExportKind::Table, 0);
    exports_sec.export(exports::SP, ExportKind::Global, SP_GLOBAL);
    exports_sec.export(exports::RP, ExportKind::Global, RP_GLOBAL);
    exports_sec.export(exports::FSP, ExportKind::Global, FSP_GLOBAL);
    exports_sec.export(THROW_EXPORT, ExportKind::Func, THROW_FUNC);
    for (i, cf) in CodeField::ALL.iter().enumerate() {
        exports_sec.export(cf.export_name(), ExportKind::Func, FIRST_CODE_FIELD + i as u32);
    }
    exports_sec.export(imports::HOST_WORD, ExportKind::Func, HOST_FUNC);
    for (i, (name, _)) in extras.entry_points.iter().enumerate() {
        exports_sec.export(name, ExportKind::Func, first_entry + i as u32);
    }
    module.section(&exports_sec);

    let mut elems = ElementSection::new();
    let prim_funcs: Vec<u32> = (0..Prim::ALL.len() as u32).map(|i| FIRST_PRIM + i).collect();
    elems.active(Some(0), &ConstExpr::i32_const(prim_xt(Prim::ALL[0]) as i32), Elements::Functions(prim_funcs.into()));
    let host_funcs: Vec<u32> = vec![HOST_FUNC; HostWord::ALL.len()];
    elems.active(
        Some(0),
        &ConstExpr::i32_const(host_xt(HostWord::ALL[0]) as i32),
        Elements::Functions(host_funcs.into()),
    );
    for &(xt, entry) in extras.entries {
        let f = match entry {
            Entry::CodeField(cf) => {
                FIRST_CODE_FIELD + CodeField::ALL.iter().position(|&c| c == cf).expect("a known code field") as u32
            }
            Entry::Host => HOST_FUNC,
        };
        elems.active(Some(0), &ConstExpr::i32_const(xt as i32), Elements::Functions([f][..].into()));
    }
    for (xt, f) in plan.table_entries(extras.funcs) {
        elems.active(Some(0), &ConstExpr::i32_const(xt as i32), Elements::Functions([f][..].into()));
    }
    module.section(&elems);

    let is_host = |xt: Xt| host_word_of(xt).is_some();
    let none = Known::new();
    let env = Env {
        layout,
        host_func: HOST_FUNC,
        throw_func: THROW_FUNC,
        sp_global: SP_GLOBAL,
        rp_global: RP_GLOBAL,
        direct: &plan.direct,
        register: &plan.register,
        known,
        deferred: extras.deferred.unwrap_or(&none),
        is_host: &is_host,
    };
    let mut code = CodeSection::new();
    code.function(&throw_helper(&env));
    for cf in CodeField::ALL {
        code.function(&code_field(&env, cf));
    }
    for &p in Prim::ALL {
        let pool = if p.float_effect().touches() { crate::emit::float::PRIM_POOL } else { 0 };
        let mut b = FnBody::new(&env, 0).with_float_cache(pool, 0);
        // Through `EXECUTE` or `CATCH`, a primitive checks that its inputs
        // are there (a dynamic one needs at least its top item); compiled
        // code inlines primitives and checks at its own entry instead.
        b.check_entry(false, p.effect().map_or(1, |(i, _)| u32::from(i)));
        prim::emit(&mut b, p);
        b.sync_out();
        code.function(&b.finish());
    }
    let mut names = Vec::new();
    let marked_len = plan.emit(&env, extras.funcs, &mut code, &mut names, mark)?;
    for (_, xt) in extras.entry_points {
        let mut f = wasm_encoder::Function::new([]);
        match plan.direct.get(xt) {
            Some(&idx) => f.instructions().i32_const(*xt as i32).call(idx),
            None => f.instructions().i32_const(*xt as i32).i32_const(*xt as i32).call_indirect(0, 0),
        };
        f.instructions().end();
        code.function(&f);
    }
    module.section(&code);

    let mut data = DataSection::new();
    for (addr, bytes) in extras.data {
        data.active(0, &ConstExpr::i32_const(*addr as i32), bytes.iter().copied());
    }
    if !extras.data.is_empty() {
        module.section(&data);
    }

    for (name, contents) in extras.custom {
        module.section(&CustomSection { name: name.into(), data: contents.into() });
    }

    names.push((HOST_FUNC, ("forth.host").to_string()));
    names.push((THROW_FUNC, (THROW_EXPORT).to_string()));
    for (i, cf) in CodeField::ALL.iter().enumerate() {
        names.push((FIRST_CODE_FIELD + i as u32, (cf.export_name()).to_string()));
    }
    for (i, p) in Prim::ALL.iter().enumerate() {
        names.push((FIRST_PRIM + i as u32, (p.name()).to_string()));
    }
    for (i, (name, _)) in extras.entry_points.iter().enumerate() {
        names.push((first_entry + i as u32, format!("entry {name}")));
    }
    let mut name_sec = NameSection::new();
    name_sec.module(if extras.name.is_empty() { "kernel" } else { extras.name });
    name_sec.functions(&name_map(names));
    module.section(&name_sec);
    Ok((module.finish(), marked_func.map(|f| (f, marked_len))))
}

/// `throw(code)`: pushes the code and calls the host's THROW, which traps.
fn throw_helper(env: &Env) -> wasm_encoder::Function {
    let mut b = FnBody::new(env, 0);
    let sp = b.sp();
    let s = &mut b.s();
    s.local_get(sp).i32_const(4).i32_sub().local_tee(sp).local_get(0).i32_store(mem(0, 2));
    s.local_get(sp).global_set(SP_GLOBAL);
    s.i32_const(host_xt(HostWord::Throw) as i32).call(HOST_FUNC).unreachable();
    b.finish()
}

fn code_field(env: &Env, cf: CodeField) -> wasm_encoder::Function {
    let mut b = FnBody::new(env, 0);
    let body_addr = |b: &mut FnBody| {
        b.s().local_get(0).i32_const(3).i32_shl().i32_load(mem(addr::XT_INFO, 2));
    };
    match cf {
        CodeField::Var => {
            body_addr(&mut b);
            let v = b.set_temp();
            b.push(v);
            b.sync_out();
        }
        CodeField::Con => {
            body_addr(&mut b);
            b.s().i32_load(mem(0, 2));
            let v = b.set_temp();
            b.push(v);
            b.sync_out();
        }
        CodeField::Defer => {
            body_addr(&mut b);
            b.s().i32_load(mem(0, 2));
            let t = b.temp();
            b.s().local_set(t).local_get(t).local_get(t).call_indirect(0, 0);
        }
        CodeField::Does => {
            body_addr(&mut b);
            let v = b.set_temp();
            b.push(v);
            b.sync_out();
            let t = b.temp();
            b.s().local_get(0).i32_const(3).i32_shl().i32_load(mem(addr::XT_INFO + 4, 2)).local_set(t);
            b.s().local_get(t).local_get(t).call_indirect(0, 0);
        }
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_validates() {
        let bytes = kernel_module(Layout::default());
        wasmparser::validate(&bytes).expect("kernel validates");
    }

    #[test]
    fn kernel_is_deterministic() {
        assert_eq!(kernel_module(Layout::default()), kernel_module(Layout::default()));
    }

    #[test]
    fn xts_are_dense_and_distinct() {
        assert_eq!(prim_xt(Prim::ALL[0]), 1);
        assert_eq!(host_xt(HostWord::ALL[0]), 1 + Prim::ALL.len() as u32);
        assert_eq!(host_word_of(host_xt(HostWord::Catch)), Some(HostWord::Catch));
        assert_eq!(host_word_of(first_user_xt()), None);
        assert_eq!(host_word_of(1), None);
    }
}
