"""Stage: syntax.  Formula text -> AST: the grammar files (`grammars`), the LALR driver (`lalr`),
line cutting and the parser (`parser`), the AST nodes (`nodes`) built by `build`, and
the canonical printer (`printer`)."""
