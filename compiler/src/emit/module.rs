//! Assembly of batch modules: the definitions compiled since the last time
//! anything ran, emitted together as one module.
//!
//! A batch imports the kernel's memory, table, `sp` and `rp` globals and
//! throw helper, plus the host import, and installs each of its functions at
//! its xt with an active element segment. Calls within a batch are direct;
//! calls to earlier words go through the table.
//!
//! Guarantee: the bytes validate (checked in debug builds and tests) and are a
//! pure function of the inputs, so the same program gives the same modules.

use std::collections::HashMap;

use wasm_encoder::{
    CodeSection, ConstExpr, ElementSection, Elements, EntityType, FunctionSection, GlobalType,
    ImportSection, MemoryType, Module, NameMap, NameSection, RefType, TableType, TypeSection,
    ValType,
};

use super::body::Env;
use super::structure::{emit_function, EmitError};
use crate::ir::{Function, Xt};
use runtime::{exports, imports, Layout};

/// Function index of the host import in every module we emit.
pub const HOST_FUNC: u32 = 0;
/// Function index of the throw helper in a batch (an import from the kernel).
pub const BATCH_THROW_FUNC: u32 = 1;
/// Global index of `sp` in every module.
pub const SP_GLOBAL: u32 = 0;
/// Global index of `rp` in every module.
pub const RP_GLOBAL: u32 = 1;
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
    MemoryType {
        minimum: pages,
        maximum: Some(pages),
        memory64: false,
        shared: false,
        page_size_log2: None,
    }
}

/// The table type: one funcref per possible xt.
pub fn table_type() -> TableType {
    let n = u64::from(runtime::addr::MAX_XTS);
    TableType {
        element_type: RefType::FUNCREF,
        table64: false,
        minimum: n,
        maximum: Some(n),
        shared: false,
    }
}

/// The type of the `sp` and `rp` globals.
pub fn stack_global_type() -> GlobalType {
    GlobalType {
        val_type: ValType::I32,
        mutable: true,
        shared: false,
    }
}

/// Emits one batch module holding `funcs`.
pub fn batch_module(
    layout: Layout,
    funcs: &[Function],
    is_host: &dyn Fn(Xt) -> bool,
) -> Result<Vec<u8>, EmitError> {
    let mut module = Module::new();
    module.section(&word_types());

    let mut imports_sec = ImportSection::new();
    imports_sec.import(
        imports::HOST_MODULE,
        imports::HOST_WORD,
        EntityType::Function(0),
    );
    imports_sec.import(
        exports::KERNEL_MODULE,
        THROW_EXPORT,
        EntityType::Function(0),
    );
    imports_sec.import(
        exports::KERNEL_MODULE,
        exports::SP,
        EntityType::Global(stack_global_type()),
    );
    imports_sec.import(
        exports::KERNEL_MODULE,
        exports::RP,
        EntityType::Global(stack_global_type()),
    );
    imports_sec.import(
        exports::KERNEL_MODULE,
        exports::MEMORY,
        EntityType::Memory(memory_type(&layout)),
    );
    imports_sec.import(
        exports::KERNEL_MODULE,
        exports::TABLE,
        EntityType::Table(table_type()),
    );
    module.section(&imports_sec);

    let first = 2;
    let direct: HashMap<Xt, u32> = funcs
        .iter()
        .enumerate()
        .map(|(i, f)| (f.xt, first + i as u32))
        .collect();
    let env = Env {
        layout,
        host_func: HOST_FUNC,
        throw_func: BATCH_THROW_FUNC,
        sp_global: SP_GLOBAL,
        rp_global: RP_GLOBAL,
        direct: &direct,
        is_host,
    };

    let mut fsec = FunctionSection::new();
    let mut code = CodeSection::new();
    for f in funcs {
        fsec.function(0);
        code.function(&emit_function(&env, f)?);
    }
    module.section(&fsec);

    let mut elems = ElementSection::new();
    for (i, f) in funcs.iter().enumerate() {
        let idx = [first + i as u32];
        elems.active(
            Some(0),
            &ConstExpr::i32_const(f.xt as i32),
            Elements::Functions(idx[..].into()),
        );
    }
    module.section(&elems);
    module.section(&code);

    let mut names = NameMap::new();
    names.append(HOST_FUNC, "forth.host");
    names.append(BATCH_THROW_FUNC, "kernel.throw");
    for (i, f) in funcs.iter().enumerate() {
        names.append(first + i as u32, &f.name);
    }
    let mut name_sec = NameSection::new();
    name_sec.functions(&names);
    module.section(&name_sec);
    Ok(module.finish())
}
