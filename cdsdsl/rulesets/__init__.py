"""Stage: rulesets.  A ruleset file (.cds, .csv, .xlsx) -> `Ruleset` (`model`, `sheets`); its structure
checks (`structure`) and the whole-ruleset check (`check`)."""
