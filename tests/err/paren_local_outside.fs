\ (LOCAL) executed outside a definition.
S" x" (LOCAL)
