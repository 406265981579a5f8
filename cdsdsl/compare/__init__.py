"""Stage: compare. Two years side by side: what changed between two rulesets (`diff`: indicators added,
removed, renumbered, maxima, scoring texts as a word diff and in meaning (`meaning`), section totals) and
between two years' results for the same units (`results`), with rendering for people and tools (`report`)."""
