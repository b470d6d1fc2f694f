//! Merges batch modules into one module that does what instantiating them
//! one after the other does, so that a host that boots from a snapshot
//! loads and instantiates one module for the whole prelude instead of one
//! per batch.
//!
//! A batch module (`emit::module`) imports the same things from the kernel
//! and the host, defines functions, puts some of them into the shared
//! table with active element segments, and names its functions. It has no
//! memory, data, globals, start function or exports of its own. The merged
//! module keeps the first batch's imports, appends every batch's types and
//! functions (indices shifted past the earlier batches'), keeps every
//! element segment in order (so a later batch's entry for a slot still
//! wins, as it did when the batches were instantiated in order), and keeps
//! the function names.
//!
//! Guarantees: the merged module is valid when the batches are, calls the
//! same code and fills the same table slots in the same order; a module
//! with anything else than what batches hold, or with other imports than
//! the first batch's, is refused with `Err` (the caller keeps the batches).

use wasm_encoder::reencode::{Error, Reencode};
use wasm_encoder::{
    CodeSection, ElementSection, FunctionSection, IndirectNameMap, Module, NameMap, NameSection, RawSection,
    TypeSection,
};
use wasmparser::{KnownCustom, Name, Parser, Payload};

/// Index shifts for one batch's contents in the merged module.
struct Shift {
    /// Types of the earlier batches.
    types: u32,
    /// Functions the batches import (the same ones in every batch).
    imported: u32,
    /// Functions the earlier batches define.
    defined: u32,
}

impl Reencode for Shift {
    type Error = std::convert::Infallible;

    fn type_index(&mut self, ty: u32) -> Result<u32, Error<Self::Error>> {
        Ok(ty + self.types)
    }

    fn function_index(&mut self, func: u32) -> Result<u32, Error<Self::Error>> {
        Ok(if func < self.imported { func } else { func + self.defined })
    }
}

/// The merged module, being built.
#[derive(Default)]
struct Merged<'a> {
    types: TypeSection,
    imports: Option<&'a [u8]>,
    imported: u32,
    functions: FunctionSection,
    elements: ElementSection,
    code: CodeSection,
    names: Vec<(u32, String)>,
    locals: Vec<(u32, Vec<(u32, String)>)>,
}

/// One module made of `batches`, which are instantiated in this order
/// against the same kernel. `Err` names what a batch holds that a merge
/// does not keep.
pub fn merge(batches: &[Vec<u8>]) -> Result<Vec<u8>, String> {
    let mut merged = Merged::default();
    for (i, batch) in batches.iter().enumerate() {
        add(&mut merged, batch, i == 0).map_err(|why| format!("batch {i}: {why}"))?;
    }
    Ok(finish(merged))
}

/// Appends one batch; `first` for the first, whose imports every later
/// batch must have too (none, or the same bytes).
fn add<'a>(m: &mut Merged<'a>, bytes: &'a [u8], first: bool) -> Result<(), String> {
    let err = |e: wasmparser::BinaryReaderError| e.to_string();
    let reencode = |e: Error<std::convert::Infallible>| e.to_string();
    let mut shift = Shift { types: m.types.len(), imported: m.imported, defined: m.functions.len() };
    let mut imports = None;
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(err)? {
            Payload::Version { .. } | Payload::End(_) | Payload::CodeSectionStart { .. } => {}
            Payload::TypeSection(s) => shift.parse_type_section(&mut m.types, s).map_err(reencode)?,
            Payload::ImportSection(s) => {
                let range = s.range();
                imports = Some(&bytes[range.start as usize..range.end as usize]);
                if first {
                    for import in s.into_imports() {
                        m.imported += u32::from(matches!(import.map_err(err)?.ty, wasmparser::TypeRef::Func(_)));
                    }
                    shift.imported = m.imported;
                }
            }
            Payload::FunctionSection(s) => shift.parse_function_section(&mut m.functions, s).map_err(reencode)?,
            Payload::ElementSection(s) => shift.parse_element_section(&mut m.elements, s).map_err(reencode)?,
            Payload::CodeSectionEntry(body) => shift.parse_function_body(&mut m.code, body).map_err(reencode)?,
            Payload::CustomSection(c) => match c.as_known() {
                KnownCustom::Name(names) => add_names(m, &mut shift, names, first).map_err(err)?,
                _ => return Err(format!("it has a custom section `{}`", c.name())),
            },
            other => return Err(format!("it has a section a batch does not have ({other:?})")),
        }
    }
    if first {
        m.imports = imports;
    } else if imports != m.imports {
        return Err("its imports differ from the first batch's".into());
    }
    Ok(())
}

/// Appends a batch's function and local names, at the merged indices. The
/// imports' names come from the first batch.
fn add_names(
    m: &mut Merged<'_>,
    shift: &mut Shift,
    names: wasmparser::NameSectionReader<'_>,
    first: bool,
) -> wasmparser::Result<()> {
    let at = |shift: &mut Shift, index: u32| shift.function_index(index).unwrap_or(index);
    for name in names {
        match name? {
            Name::Function(map) => {
                for naming in map {
                    let naming = naming?;
                    if naming.index >= shift.imported || first {
                        m.names.push((at(shift, naming.index), naming.name.to_string()));
                    }
                }
            }
            Name::Local(map) => {
                for function in map {
                    let function = function?;
                    if function.index < shift.imported && !first {
                        continue;
                    }
                    let mut locals = Vec::new();
                    for naming in function.names {
                        let naming = naming?;
                        locals.push((naming.index, naming.name.to_string()));
                    }
                    m.locals.push((at(shift, function.index), locals));
                }
            }
            // Other kinds of names (labels, types) only help a reader.
            _ => {}
        }
    }
    Ok(())
}

/// Encodes the merged module.
fn finish(mut m: Merged<'_>) -> Vec<u8> {
    let mut module = Module::new();
    module.section(&m.types);
    if let Some(imports) = m.imports {
        module.section(&RawSection { id: wasm_encoder::SectionId::Import as u8, data: imports });
    }
    module.section(&m.functions);
    module.section(&m.elements);
    module.section(&m.code);
    m.names.sort_by_key(|(i, _)| *i);
    m.names.dedup_by_key(|(i, _)| *i);
    let mut functions = NameMap::new();
    for (i, name) in &m.names {
        functions.append(*i, name);
    }
    let mut section = NameSection::new();
    section.functions(&functions);
    if !m.locals.is_empty() {
        m.locals.sort_by_key(|(i, _)| *i);
        let mut locals = IndirectNameMap::new();
        for (i, names) in &m.locals {
            let mut map = NameMap::new();
            for (l, name) in names {
                map.append(*l, name);
            }
            locals.append(*i, &map);
        }
        section.locals(&locals);
    }
    module.section(&section);
    module.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        ConstExpr, ElementSection, Elements, EntityType, Function, ImportSection, Instruction, MemoryType, RefType,
        TableType, ValType,
    };

    /// A batch as `emit::module` makes them, reduced: the kernel's imports,
    /// then `bodies` (each `(i32) -> ()` or `() -> i32`), one table entry
    /// per function at `slots`, and names.
    fn batch(names: &[&str], slots: &[i32], call_first: bool) -> Vec<u8> {
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], []);
        types.ty().function([], [ValType::I32]);
        let mut imports = ImportSection::new();
        imports.import("forth", "host", EntityType::Function(0));
        imports.import("kernel", "throw", EntityType::Function(0));
        imports.import(
            "kernel",
            "memory",
            EntityType::Memory(MemoryType {
                minimum: 1,
                maximum: None,
                memory64: false,
                shared: false,
                page_size_log2: None,
            }),
        );
        imports.import(
            "kernel",
            "table",
            EntityType::Table(TableType {
                element_type: RefType::FUNCREF,
                minimum: 16,
                maximum: None,
                table64: false,
                shared: false,
            }),
        );
        let mut functions = FunctionSection::new();
        let mut elements = ElementSection::new();
        let mut code = CodeSection::new();
        let mut names_map = NameMap::new();
        names_map.append(0, "forth.host");
        names_map.append(1, "kernel.throw");
        for (i, (name, slot)) in names.iter().zip(slots).enumerate() {
            let index = 2 + i as u32;
            functions.function(1);
            elements.active(Some(0), &ConstExpr::i32_const(*slot), Elements::Functions([index][..].into()));
            let mut f = Function::new([]);
            if call_first && i > 0 {
                // Calls the batch's first function directly, and another
                // through the table.
                f.instruction(&Instruction::Call(2));
                f.instruction(&Instruction::I32Const(0));
                f.instruction(&Instruction::CallIndirect { type_index: 1, table_index: 0 });
                f.instruction(&Instruction::I32Add);
            } else {
                f.instruction(&Instruction::I32Const(*slot));
            }
            f.instruction(&Instruction::End);
            code.function(&f);
            names_map.append(index, name);
        }
        let mut name_section = NameSection::new();
        name_section.functions(&names_map);
        let mut module = Module::new();
        module.section(&types).section(&imports).section(&functions).section(&elements).section(&code);
        module.section(&name_section);
        module.finish()
    }

    /// The name of the function at `index` of a merged module, for tests.
    fn function_name(bytes: &[u8], index: u32) -> Option<std::borrow::Cow<'_, str>> {
        for payload in Parser::new(0).parse_all(bytes) {
            if let Ok(Payload::CustomSection(c)) = payload {
                if let KnownCustom::Name(names) = c.as_known() {
                    for name in names.into_iter().flatten() {
                        if let Name::Function(map) = name {
                            for naming in map.into_iter().flatten() {
                                if naming.index == index {
                                    return Some(std::borrow::Cow::Owned(naming.name.to_string()));
                                }
                            }
                        }
                    }
                }
            }
        }
        None
    }

    /// The table entries of a module: (slot, function index), in order.
    fn entries(bytes: &[u8]) -> Vec<(i32, u32)> {
        let mut out = Vec::new();
        for payload in Parser::new(0).parse_all(bytes) {
            if let Ok(Payload::ElementSection(s)) = payload {
                for e in s.into_iter().flatten() {
                    let wasmparser::ElementKind::Active { offset_expr, .. } = e.kind else { continue };
                    let Ok(wasmparser::Operator::I32Const { value }) = offset_expr.get_operators_reader().read() else {
                        continue;
                    };
                    if let wasmparser::ElementItems::Functions(f) = e.items {
                        out.extend(f.into_iter().flatten().map(|f| (value, f)));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn batches_become_one_valid_module_with_every_entry_and_name_in_order() {
        let a = batch(&["ONE", "TWO"], &[3, 4], true);
        let b = batch(&["THREE", "FOUR", "FIVE"], &[5, 6, 4], true);
        for m in [&a, &b] {
            wasmparser::validate(m).expect("a test batch validates");
        }
        let one = merge(&[a, b]).expect("batches merge");
        wasmparser::validate(&one).expect("the merged module validates");
        // The second batch's functions come after the first's; its entry
        // for slot 4 comes after the first batch's, so it still wins.
        assert_eq!(entries(&one), vec![(3, 2), (4, 3), (5, 4), (6, 5), (4, 6)]);
        let names: Vec<_> = (0..7).map(|i| function_name(&one, i).map(|n| n.into_owned())).collect();
        let expected = ["forth.host", "kernel.throw", "ONE", "TWO", "THREE", "FOUR", "FIVE"];
        assert_eq!(names, expected.map(|n| Some(n.to_string())));
    }

    #[test]
    fn direct_calls_follow_their_function() {
        let a = batch(&["ONE", "TWO"], &[3, 4], true);
        let b = batch(&["THREE", "FOUR"], &[5, 6], true);
        let one = merge(&[a, b]).expect("batches merge");
        let mut calls = Vec::new();
        for payload in Parser::new(0).parse_all(&one) {
            if let Ok(Payload::CodeSectionEntry(body)) = payload {
                let mut ops = body.get_operators_reader().expect("operators");
                while !ops.eof() {
                    if let Ok(wasmparser::Operator::Call { function_index }) = ops.read() {
                        calls.push(function_index);
                    }
                }
            }
        }
        // TWO calls ONE (2); FOUR calls THREE, now function 4.
        assert_eq!(calls, vec![2, 4]);
    }

    #[test]
    fn what_a_batch_does_not_hold_is_refused() {
        let a = batch(&["ONE"], &[3], false);
        let mut other = Module::new();
        let mut imports = ImportSection::new();
        imports.import("forth", "other", EntityType::Function(0));
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], []);
        other.section(&types).section(&imports);
        let why = merge(&[a.clone(), other.finish()]).unwrap_err();
        assert!(why.contains("batch 1") && why.contains("imports differ"), "{why}");

        let mut with_memory = Module::new();
        let mut memories = wasm_encoder::MemorySection::new();
        memories.memory(MemoryType { minimum: 1, maximum: None, memory64: false, shared: false, page_size_log2: None });
        with_memory.section(&memories);
        let why = merge(&[a.clone(), with_memory.finish()]).unwrap_err();
        assert!(why.contains("batch 1") && why.contains("section a batch does not have"), "{why}");

        // A later batch without the first batch's imports numbers its
        // functions from 0.
        let mut no_imports = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], []);
        no_imports.section(&types);
        let why = merge(&[a.clone(), no_imports.finish()]).unwrap_err();
        assert!(why.contains("batch 1") && why.contains("imports differ"), "{why}");

        let why = merge(&[a, b"not wasm".to_vec()]).unwrap_err();
        assert!(why.contains("batch 1"), "{why}");
    }
}
