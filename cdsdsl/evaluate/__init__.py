"""Stage: evaluate.  `Program` + inputs -> exact points: the runtime arithmetic (`runtime`), the
interpreter (`interpret`), the compiler to Python (`codegen`, `mangle`, `quoting`), cohort methods
(`cohort`) and the reasons for lost points (`explain`)."""
