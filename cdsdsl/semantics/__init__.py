"""Stage: semantics.  AST -> `Program`: names, inputs, scoring rule (`resolve`), and the kinds and
units of every expression (`typesys`)."""
