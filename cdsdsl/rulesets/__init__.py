"""Stage: rulesets.  A ruleset file (.cds, .csv, .xlsx) -> `Ruleset`: the data classes (`classes`), numbers,
keys and field values as written (`numbering`, `fields`), the readers (`cds`, `sheets`) and the loader that
picks one (`load`), all gathered in `model` (`cdsdsl.ruleset`); its structure checks (`structure`) and the
whole-ruleset check (`check`)."""
